/**
 * Local lossless check for the report parser's output: every non-whitespace character of every
 * source line must be found in some piece of the output (title/meta, markup, block, summary row,
 * repair) whose source span covers that line. A line passes when its characters can be tiled, left
 * to right, by runs that occur in those pieces; anything left over is reported by file:line.
 * (The registry helper owns the whole-model check; this one keeps the parser honest on its own.)
 */
import type { SourceSpan } from '../../../src/schemas/index.ts';
import type { SourceText } from '../core/source-text.ts';
import { inkOf } from '../core/text.ts';
import type { ReportParseResult } from './parse-report.ts';

interface Piece {
  ink: string;
  source: SourceSpan;
}

export interface LosslessReport {
  /** Non-whitespace characters in the source. */
  total: number;
  /** Of those, how many were found in the output. */
  covered: number;
  /** Lines with characters not found, and what was missing. */
  missing: { file: string; line: number; text: string }[];
}

function piecesOf(result: ReportParseResult): Piece[] {
  const pieces: Piece[] = [];
  const add = (text: string, source: SourceSpan) => pieces.push({ ink: inkOf(text), source });
  for (const doc of result.documents) {
    for (const m of doc.meta) add(m.value, m.source);
    for (const m of doc.markup) add(m.text, m.source);
    for (const b of doc.blocks) {
      if (b.type === 'heading') add(`${b.number ?? ''}${b.title}${b.runIn ?? ''}`, b.source);
      else if (b.type === 'paragraph' || b.type === 'footnote') add(b.text, b.source);
    }
  }
  for (const row of result.summaryRows) {
    add(String(row.number), row.source);
    for (const text of [row.problemText, row.suggestions, row.rectification.join(''), row.unitsRaw]) add(text, row.source);
  }
  for (const r of result.repairs) add(r.before, r.source);
  return pieces;
}

/** Tiles a line's characters with runs from the pieces (longest first); returns what could not be placed. */
function uncovered(lineInk: string, pieces: string[]): string {
  const chars = [...lineInk];
  let missing = '';
  let i = 0;
  while (i < chars.length) {
    let best = 0;
    for (const p of pieces) {
      let len = best + 1;
      while (i + len <= chars.length && p.includes(chars.slice(i, i + len).join(''))) {
        best = len;
        len++;
      }
    }
    // A lone character counts only as a whole piece (`-`, `:`) or at the end of the line, so a
    // dropped 。 between two runs is not excused by some other 。 in a long paragraph.
    if (best === 1 && i < chars.length - 1 && !pieces.includes(chars[i]!)) best = 0;
    if (best === 0) {
      missing += chars[i];
      i++;
    } else i += best;
  }
  return missing;
}

export function checkLossless(source: SourceText, result: ReportParseResult): LosslessReport {
  const pieces = piecesOf(result).filter((p) => p.source.file === source.file);
  const report: LosslessReport = { total: 0, covered: 0, missing: [] };
  source.lines.forEach((raw, index) => {
    const line = index + 1;
    const ink = inkOf(raw);
    if (ink === '') return;
    const covering = pieces.filter((p) => p.source.line <= line && line <= p.source.endLine).map((p) => p.ink);
    const lost = uncovered(ink, covering);
    report.total += [...ink].length;
    report.covered += [...ink].length - [...lost].length;
    if (lost) report.missing.push({ file: source.file, line, text: lost });
  });
  return report;
}
