/**
 * The numbering schemes of Chinese plan documents and the line shapes the plan parser tells apart.
 * Levels are fixed by the scheme, as the schema defines them: 一、 = 1, （一） = 2, 1. = 3, （1） = 4.
 */
import { chineseNumeral } from '../core/text.ts';

export interface Numbering {
  level: 1 | 2 | 3 | 4;
  /** The number as printed, without surrounding whitespace (`三、`, `(一）`, `49 .`, `（１）`). */
  number: string;
  /** Its value (二十三 → 23, `（１）` → 1). */
  value: number;
  /** The text after the number, trimmed. */
  rest: string;
}

const HAN_NUMERAL = '[〇零一二三四五六七八九十]+';
const SCHEMES: { level: Numbering['level']; pattern: RegExp; han: boolean }[] = [
  { level: 1, pattern: new RegExp(`^(${HAN_NUMERAL})、`, 'u'), han: true },
  { level: 2, pattern: new RegExp(`^[（(]\\s*(${HAN_NUMERAL})\\s*[）)]`, 'u'), han: true },
  // `1.`, `49 .`, `11. `; never `1.5` (a decimal) — a digit right after the dot is not a number mark.
  { level: 3, pattern: /^([0-9０-９]{1,3})\s*[.．](?![0-9０-９])/u, han: false },
  { level: 4, pattern: /^[（(]\s*([0-9０-９]{1,3})\s*[）)]/u, han: false },
];

/** Reads the number that starts a line (leading whitespace ignored), or null. */
export function readNumbering(line: string): Numbering | null {
  const text = line.trim();
  for (const { level, pattern, han } of SCHEMES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const value = han ? chineseNumeral(match[1]!) : Number(match[1]!.normalize('NFKC'));
    if (value === null || !Number.isFinite(value)) continue;
    return { level, number: match[0].trim(), value, rest: text.slice(match[0].length).trim() };
  }
  return null;
}

/** Numbering styles that plans of this kind do not use; seeing one is worth a diagnostic. */
export function unknownNumbering(line: string): string | null {
  const match = /^\s*(\d{1,3}、|[①-⑳]|[（(][a-zA-Z][）)]|[a-zA-Z][.、])/u.exec(line);
  return match ? match[1]! : null;
}

const SECTION_WORD = /^\p{Script=Han}{0,6}(要求|目标|对比|措施|思想|思路|举措|保障|实施|任务)$/u;

/**
 * A level-1 section whose number the source omits: a short line that is only a section word
 * (总体目标, 指标对比, 保障措施 …), standing alone.
 */
export function isBareSectionWord(line: string): boolean {
  const text = line.trim();
  return text.length >= 4 && text.length <= 8 && SECTION_WORD.test(text);
}

const HAN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 23 → 二十三 (1…99). */
export function toChineseNumeral(value: number): string {
  if (value < 1 || value > 99 || !Number.isInteger(value)) throw new RangeError(`no numeral for ${value}`);
  if (value < 10) return HAN_DIGITS[value]!;
  const tens = Math.floor(value / 10);
  return `${tens === 1 ? '' : HAN_DIGITS[tens]}十${HAN_DIGITS[value % 10]}`;
}

/** How a number of `level` is printed in the usual style (for implied numbers). */
export function formatNumber(level: Numbering['level'], value: number): string {
  if (level === 1) return `${toChineseNumeral(value)}、`;
  if (level === 2) return `（${toChineseNumeral(value)}）`;
  if (level === 3) return `${value}.`;
  return `（${value}）`;
}

/** `时间节点：` / `责任单位:` at the start of a line (any colon width, spaces allowed). */
export const FIELD_LABEL = /^(时间节点|责任单位)\s*[:：]\s*/u;

/** A line that ends a sentence (so the next line cannot be its continuation across a page break). */
export function endsSentence(text: string): boolean {
  return /[。！？；;：:…!?][”’"」』）)]*\s*$/u.test(text);
}
