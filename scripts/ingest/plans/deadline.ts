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

/** Words that say whom or which stage a date of a compound value is for. */
const SCOPE_WORD = /试点|省级|市级|县级|乡镇级?|村级/u;
/** Verbs and fillers that say nothing about whom a date is for. */
const FILLER = /完成|见成效|实现|达到|全面|工作|之前|以前|前|底|末/gu;
/** A qualifier longer than this is a sentence, not a label. */
const QUALIFIER_MAX = 6;

/**
 * A short label for a value that ties dates to conditions, one part per clause that names a date:
 * `2022年3月市级完成对接，2022年12月县级完成对接` → `2022年3月（市级）、2022年12月（县级）`.
 * A part is qualified by a scope word of its clause or of the dateless clauses just before it
 * (试点, 市级 …), or else by what its clause does when that is a few words (`数据普查`).
 */
function compoundLabel(text: string): string {
  const parts: string[] = [];
  let context = '';
  for (const clause of text.split(/[，,。；;]/u)) {
    const months = monthsIn(clause);
    if (months.length === 0) {
      context += clause;
      continue;
    }
    const scope = SCOPE_WORD.exec(context + clause)?.[0];
    const rest = clause.replace(YEAR_MONTH, '').replace(YEAR_END, '').replace(FILLER, '');
    const qualifier = scope ?? (rest.length > 0 && rest.length <= QUALIFIER_MAX ? rest : null);
    parts.push(months.map(labelOf).join('、') + (qualifier ? `（${qualifier}）` : ''));
    context = '';
  }
  return parts.join('、');
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
  return { raw, kind: 'compound', months, continuing, label: compoundLabel(text) + (continuing ? '，持续推进' : '') };
}

/** True when `parseDeadline` understood the value without guessing (used for diagnostics). */
export function isRecognisedDeadline(deadline: Deadline): boolean {
  if (deadline.kind !== 'compound') return true;
  return deadline.months.length > 0;
}
