/**
 * The only normalisation applied before comparing unit names or terms: width (NFKC, so full-width
 * brackets and digits equal their half-width forms) and whitespace (removed, since the sources break
 * names with spaces and line ends). Nothing else: a different word is a different name.
 */
export function matchKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}
