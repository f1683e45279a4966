/**
 * Normalising a 时间节点 value. The raw value is always kept; the normalised reading says which
 * year-months it names and whether the work is ongoing, periodic or tied to conditions.
 */
import type { Deadline } from '../../../src/schemas/index.ts';

const YEAR_MONTH = /(\d{4})\s*(?:年\s*(\d{1,2})\s*月|\.(\d{1,2})(?!\d))/gu;
const YEAR_END = /(\d{4})\s*年\s*(?:底|末)/gu;
const CONTINUING = /持续(推进|推动|开展)|长期坚持/u;
const PERIODIC = /^每(季度|月|年|半年|周|旬)/u;
/** What may surround the dates of a plain date value without making it conditional. */
const DATE_DECORATION = /(底前|月底|前|底|以前|，|,|、|;|；|。|及|和|持续推进|持续推动)/gu;

function pad(month: number): string {
  return String(month).padStart(2, '0');
}

/** Year-months named in a text, ascending and without repeats (`2022年12月`, `2022.12`, `2022年底`). */
export function monthsIn(text: string): string[] {
  const months = new Set<string>();
  for (const match of text.matchAll(YEAR_MONTH)) {
    const month = Number(match[2] ?? match[3]);
    if (month >= 1 && month <= 12) months.add(`${match[1]}-${pad(month)}`);
  }
  for (const match of text.matchAll(YEAR_END)) months.add(`${match[1]}-12`);
  return [...months].sort();
}

function labelOf(month: string): string {
  const [year, mm] = month.split('-');
  return `${year}年${Number(mm)}月`;
}

/**
 * Reads a deadline value as printed (or null when the task has none).
 * Spaces are removed and widths folded (NFKC) for the reading only; `raw` stays as printed.
 */
export function parseDeadline(raw: string | null): Deadline {
  if (raw === null || raw.trim() === '') {
    return { raw: null, kind: 'none', months: [], continuing: false, label: '未注明' };
  }
  const text = raw.normalize('NFKC').replace(/\s+/gu, '');
  // Labels keep the Chinese punctuation as printed (NFKC would turn ， into ,).
  const printed = raw.replace(/\s+/gu, '');
  const months = monthsIn(text);
  const continuing = CONTINUING.test(text);
  if (months.length === 0) {
    if (PERIODIC.test(text)) return { raw, kind: 'periodic', months, continuing, label: printed };
    if (continuing) return { raw, kind: 'continuous', months, continuing: true, label: printed };
    return { raw, kind: 'compound', months, continuing, label: printed };
  }
  const rest = text.replace(YEAR_MONTH, '').replace(YEAR_END, '').replace(DATE_DECORATION, '');
  if (rest === '') {
    const label = months.map(labelOf).join('、') + (continuing ? '，持续推进' : '');
    return { raw, kind: 'date', months, continuing, label };
  }
  return { raw, kind: 'compound', months, continuing, label: printed };
}

/** True when `parseDeadline` understood the value without guessing (used for diagnostics). */
export function isRecognisedDeadline(deadline: Deadline): boolean {
  if (deadline.kind !== 'compound') return true;
  return deadline.months.length > 0;
}
