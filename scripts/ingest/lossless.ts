import type { Model, SourceSpan } from '../../src/schemas/index.ts';
import type { SourceText } from './core/source-text.ts';
import { inkOf } from './core/text.ts';

/** A piece of model text with the source lines it claims to come from. */
export interface ModelText {
  text: string;
  source: SourceSpan;
  /** What it is, for debugging (`task pds-…-t1-2 text`). */
  origin: string;
}

export interface UnaccountedLine {
  file: string;
  line: number;
  /** The non-whitespace characters of the line that no model text covering it accounts for, in order. */
  missing: string;
}

export interface LosslessReport {
  /** Non-whitespace characters in all sources. */
  totalChars: number;
  accountedChars: number;
  /** accountedChars / totalChars × 100, rounded down to two decimals (100 only when nothing is missing). */
  coverage: number;
  unaccounted: UnaccountedLine[];
}

/**
 * Every text-bearing field of the model, each with the span it claims. This is the whole list of
 * places where source text may land; a parser that keeps text anywhere else fails the check.
 */
export function modelTexts(model: Pick<Model, 'documents' | 'tasks' | 'tables' | 'summaryRows' | 'repairs'>): ModelText[] {
  const out: ModelText[] = [];
  const add = (text: string | null | undefined, source: SourceSpan, origin: string) => {
    if (text) out.push({ text, source, origin });
  };
  for (const d of model.documents) {
    add(d.title, d.source, `document ${d.id} title`);
    for (const m of d.meta) {
      add(m.label, m.source, `document ${d.id} meta label`);
      add(m.value, m.source, `document ${d.id} meta value`);
    }
    for (const m of d.markup) add(m.text, m.source, `document ${d.id} markup`);
    for (const b of d.blocks) {
      if (b.type === 'heading') {
        add(b.number, b.source, `heading ${b.id} number`);
        add(b.title, b.source, `heading ${b.id} title`);
        add(b.runIn, b.source, `heading ${b.id} run-in`);
      } else if (b.type === 'paragraph') add(b.text, b.source, `paragraph ${b.id}`);
      else if (b.type === 'footnote') {
        add(b.term, b.source, `footnote ${b.id} term`);
        add(b.text, b.source, `footnote ${b.id}`);
      }
    }
  }
  for (const t of model.tasks) {
    add(t.number, t.source, `task ${t.id} number`);
    add(t.title, t.source, `task ${t.id} title`);
    add(t.text, t.source, `task ${t.id} text`);
    add(t.deadline.raw, t.fieldSource, `task ${t.id} deadline`);
    add(t.unitsRaw, t.fieldSource, `task ${t.id} units`);
  }
  for (const table of model.tables) {
    add(table.caption, table.source, `table ${table.id} caption`);
    add(table.unitNote, table.source, `table ${table.id} unit note`);
    table.notes.forEach((n, i) => add(n, table.source, `table ${table.id} note ${i + 1}`));
    for (const [r, row] of [...table.header, ...table.rows].entries()) {
      row.forEach((cell, c) => add(cell.text, cell.source, `table ${table.id} cell ${r}/${c}`));
    }
  }
  for (const row of model.summaryRows) {
    add(String(row.number), row.source, `summary row ${row.id} number`);
    add(row.problemText, row.source, `summary row ${row.id} problem`);
    add(row.suggestions, row.source, `summary row ${row.id} suggestions`);
    row.rectification.forEach((p, i) => add(p, row.source, `summary row ${row.id} rectification ${i + 1}`));
    add(row.unitsRaw, row.source, `summary row ${row.id} units`);
  }
  for (const r of model.repairs) add(r.before, r.source, `repair ${r.id}`);
  return out;
}

/** Shortest run that may be matched away from a text's reading position (shorter runs must follow on). */
const MIN_JUMP = 3;

/**
 * Checks that every non-whitespace character of every source line is accounted for by model text whose
 * span covers the line. Each model text is read like a tape: a line is aligned, left to right, with the
 * texts covering it, continuing each where its previous match ended; a text may jump (to a repeated or
 * reordered passage) only for a run of at least three characters. Characters that align with nothing
 * are reported per line.
 */
export function checkLossless(sources: readonly SourceText[], texts: readonly ModelText[]): LosslessReport {
  interface Tape {
    ink: string;
    cursor: number;
  }
  const byLine = new Map<string, Tape[][]>();
  for (const s of sources) byLine.set(s.file, Array.from({ length: s.lines.length + 1 }, () => []));
  for (const t of texts) {
    const lines = byLine.get(t.source.file);
    if (!lines) continue;
    const tape: Tape = { ink: inkOf(t.text), cursor: 0 };
    const last = Math.min(t.source.endLine, lines.length - 1);
    for (let l = t.source.line; l <= last; l++) lines[l]!.push(tape);
  }
  let totalChars = 0;
  let accountedChars = 0;
  const unaccounted: UnaccountedLine[] = [];
  for (const s of sources) {
    const lines = byLine.get(s.file)!;
    s.lines.forEach((raw, i) => {
      const ink = inkOf(raw);
      if (ink === '') return;
      totalChars += ink.length;
      const tapes = lines[i + 1]!;
      let missing = '';
      let p = 0;
      while (p < ink.length) {
        let best: Tape | null = null;
        let bestLength = 0;
        let bestAt = 0;
        for (const tape of tapes) {
          const length = commonPrefix(ink, p, tape.ink, tape.cursor);
          const better =
            length > bestLength || (length === bestLength && length > 0 && tape.cursor + length === tape.ink.length && best!.cursor + bestLength !== best!.ink.length);
          if (better) [best, bestLength, bestAt] = [tape, length, tape.cursor];
        }
        if (bestLength === 0) {
          const wanted = Math.min(MIN_JUMP, ink.length - p);
          for (const tape of tapes) {
            const probe = ink.slice(p, p + wanted);
            for (let at = tape.ink.indexOf(probe); at !== -1; at = tape.ink.indexOf(probe, at + 1)) {
              const length = commonPrefix(ink, p, tape.ink, at);
              if (length > bestLength) [best, bestLength, bestAt] = [tape, length, at];
            }
          }
        }
        if (best && bestLength > 0) {
          best.cursor = bestAt + bestLength;
          p += bestLength;
          accountedChars += bestLength;
        } else {
          missing += ink[p];
          p++;
        }
      }
      if (missing) unaccounted.push({ file: s.file, line: i + 1, missing });
    });
  }
  const coverage = totalChars === 0 ? 100 : Math.floor((accountedChars / totalChars) * 10000) / 100;
  return { totalChars, accountedChars, coverage: unaccounted.length === 0 ? 100 : Math.min(coverage, 99.99), unaccounted };
}

function commonPrefix(a: string, aFrom: number, b: string, bFrom: number): number {
  let n = 0;
  while (aFrom + n < a.length && bFrom + n < b.length && a[aFrom + n] === b[bFrom + n]) n++;
  return n;
}

/** `file:line: missing «…»` lines for messages, at most `limit` of them. */
export function describeUnaccounted(report: LosslessReport, limit = Infinity): string[] {
  const lines = report.unaccounted.slice(0, limit).map((u) => `${u.file}:${u.line}: not in the model: «${u.missing}»`);
  if (report.unaccounted.length > limit) lines.push(`… and ${report.unaccounted.length - limit} more line(s)`);
  return lines;
}
