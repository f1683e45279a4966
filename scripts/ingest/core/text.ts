/**
 * Pure text helpers shared by the parsers. Raw text is always kept; these produce derived forms.
 */

/** Lines that are empty or only whitespace carry no meaning in the sources. */
export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * Normalised form for matching and search: NFKC (full-width digits, ％, colons → ASCII),
 * and whitespace between CJK characters / digits removed, other runs folded to one space.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\p{Script=Han}\d％%（）()“”《》、，。：；])\s+|\s+(?=[\p{Script=Han}\d％%（）()“”《》、，。：；])/gu, '')
    .trim();
}

/** Non-whitespace characters of a string, used by the lossless check. */
export function inkOf(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Chinese numerals 一…九十九 to numbers (for 二十三 and the like); null when not a numeral. */
export function chineseNumeral(text: string): number | null {
  const digits: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (!/^[〇零一二三四五六七八九十]+$/.test(text)) return null;
  if (!text.includes('十')) return text.length === 1 ? (digits[text] ?? null) : null;
  const [tens, ones] = text.split('十') as [string, string];
  const t = tens === '' ? 1 : digits[tens];
  const o = ones === '' ? 0 : digits[ones];
  if (t === undefined || o === undefined || tens.length > 1 || ones.length > 1) return null;
  return t * 10 + o;
}

/**
 * Text quoted in an error message, with what a terminal would not show spelled out: zero-width and
 * bidi controls, line separators, tabs and other control characters become `\u{…}` (`\t` for a tab),
 * so “found "" instead” never hides a zero-width space or a right-to-left override.
 */
export function showInvisible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => (c === '\t' ? '\\t' : `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`));
}
