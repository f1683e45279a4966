/**
 * A fast guard for the plan parser: every non-whitespace character of the source must land in the
 * parser's output (document titles, markup, blocks, tasks, tables, repairs). For each source line the
 * check consumes the line's ink from the start, each time taking the longest prefix that occurs in
 * some output piece whose source span covers the line. Whatever cannot be consumed is reported by
 * file:line. (The registry's global check covers the whole model; this one only the plan parser.)
 */
import type { SourceText } from '../core/source-text.ts';
import { inkOf } from '../core/text.ts';
import type { PlanPackageResult } from './index.ts';

interface Piece {
  ink: string;
  line: number;
  endLine: number;
}

export interface LosslessReport {
  /** Non-whitespace characters in the source. */
  total: number;
  /** Those found in the output. */
  covered: number;
  /** Lines with ink that the output does not account for, with the missing text. */
  missing: { file: string; line: number; text: string }[];
}

function piecesOf(result: PlanPackageResult, file: string): Piece[] {
  const pieces: Piece[] = [];
  const add = (text: string | null | undefined, source: { file: string; line: number; endLine: number }) => {
    if (!text || source.file !== file) return;
    const ink = inkOf(text);
    if (ink) pieces.push({ ink, line: source.line, endLine: source.endLine });
  };
  for (const document of result.documents) {
    add(document.title, document.source);
    for (const m of document.markup) add(m.text, m.source);
    for (const m of document.meta) add(`${m.label}${m.value}`, m.source);
    for (const block of document.blocks) {
      if (block.type === 'heading') add(`${block.number ?? ''}${block.title}${block.runIn ?? ''}`, block.source);
      else if (block.type === 'paragraph' || block.type === 'footnote') add(block.text, block.source);
    }
  }
  for (const task of result.tasks) {
    add(`${task.number}${task.text}`, task.source);
    add(task.deadline.raw, task.fieldSource);
    add(task.unitsRaw, task.fieldSource);
  }
  for (const table of result.tables) {
    add(table.caption, table.source);
    add(table.unitNote, table.source);
    for (const note of table.notes) add(note, table.source);
    for (const row of [...table.header, ...table.rows]) for (const cell of row) add(cell.text, cell.source);
  }
  for (const repair of result.repairs) add(repair.before, repair.source);
  return pieces;
}

export function checkLossless(text: SourceText, result: PlanPackageResult): LosslessReport {
  const pieces = piecesOf(result, text.file);
  const byLine = new Map<number, Piece[]>();
  for (const piece of pieces) {
    for (let line = piece.line; line <= piece.endLine; line++) {
      let list = byLine.get(line);
      if (!list) byLine.set(line, (list = []));
      list.push(piece);
    }
  }
  let total = 0;
  let covered = 0;
  const missing: LosslessReport['missing'] = [];
  text.lines.forEach((raw, index) => {
    const line = index + 1;
    const ink = inkOf(raw);
    total += ink.length;
    const candidates = byLine.get(line) ?? [];
    let rest = ink;
    let lost = '';
    while (rest.length > 0) {
      let best = 0;
      for (const piece of candidates) {
        // Longest prefix of `rest` found in this piece.
        let lo = best;
        let hi = rest.length;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (piece.ink.includes(rest.slice(0, mid))) lo = mid;
          else hi = mid - 1;
        }
        best = Math.max(best, lo);
      }
      if (best === 0) {
        lost += rest[0];
        rest = rest.slice(1);
      } else {
        covered += best;
        rest = rest.slice(best);
      }
    }
    if (lost) missing.push({ file: text.file, line, text: lost });
  });
  return { total, covered, missing };
}
