/**
 * The numbering schemes of Chinese official reports, recognised by the printed marker only —
 * never by markdown `#` levels, which conversion tools assign at random (seed 000 marks the six
 * sibling sections 一–六 with ###, ##, ###, ####, ##, ##).
 */
import { chineseNumeral } from '../core/text.ts';

/** `1、` and `1.` are different schemes: a document may use one inside the other. */
export type NumberingKind = 'cn' | 'cn-paren' | 'arabic-dun' | 'arabic-dot' | 'arabic-paren';

export interface HeadingMarker {
  kind: NumberingKind;
  /** The marker as printed, including a layout space after a half-width `(一) ` (trimmed). */
  printed: string;
  /** The number the marker stands for. */
  value: number;
  /** The text after the marker. */
  rest: string;
}

const PATTERNS: { kind: NumberingKind; re: RegExp; numeral: 'cn' | 'arabic' }[] = [
  // 一、
  { kind: 'cn', re: /^([一二三四五六七八九十]{1,3})、\s*/u, numeral: 'cn' },
  // （一） and half-width (一) with or without a trailing space
  { kind: 'cn-paren', re: /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*/u, numeral: 'cn' },
  // （1）, (7) and full-width （１）
  { kind: 'arabic-paren', re: /^[（(]([0-9０-９]{1,2})[）)]\s*/u, numeral: 'arabic' },
  // 1、
  { kind: 'arabic-dun', re: /^([0-9０-９]{1,2})\s?、\s*/u, numeral: 'arabic' },
  // 1. / 1． — not a decimal such as 1.2 亿元
  { kind: 'arabic-dot', re: /^([0-9０-９]{1,2})\s?[.．](?![0-9０-９])\s*/u, numeral: 'arabic' },
];

/** The heading marker a line starts with, or null for body text (一是/二是 run-ins stay in paragraphs). */
export function matchHeadingMarker(text: string): HeadingMarker | null {
  for (const { kind, re, numeral } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const value = numeral === 'cn' ? chineseNumeral(m[1]!) : Number(m[1]!.normalize('NFKC'));
    if (value === null || value <= 0) continue;
    const rest = text.slice(m[0].length);
    if (rest.trim() === '') continue;
    return { kind, printed: m[0].trim(), value, rest };
  }
  return null;
}

/**
 * Markers that look like numbering but belong to no scheme this parser knows (第一部分, Ⅱ., A.):
 * the line is kept as a paragraph and a warning names it, so a new layout is noticed.
 */
export function looksLikeUnknownNumbering(text: string): boolean {
  return /^(第[一二三四五六七八九十]+(部分|章|节)|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.．]|[A-Za-z][、.．]\s*[\p{Script=Han}])/u.test(text);
}

/**
 * Sentence-final punctuation: a line ending otherwise was cut by a page break (or lost its end).
 * A closing quote ends a sentence only after sentence-final punctuation (`…办理。”`); after a quoted
 * phrase the sentence goes on (`91项“体外循环”` / `的服务事项…`, 004:468).
 */
export function endsSentence(text: string): boolean {
  return /(?:[。；：！？:;!?]|[。；！？!?…]”)$/u.test(text.trim());
}

/**
 * A short label opening a paragraph (`问题一：`, `整改情况：`, `工作目标：`): such a line starts a new
 * paragraph even when the line before it lacks closing punctuation.
 */
export function startsWithLabel(text: string): boolean {
  return /^[\p{Script=Han}]{2,6}[：:]/u.test(text);
}
