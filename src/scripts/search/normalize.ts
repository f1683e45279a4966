/**
 * Search normalisation: the one definition of "the same text" shared by the indexer, the
 * browser and the benchmark's ground truth.
 *
 * Each code point is folded with NFKC (full-width → half-width, compatibility forms such as
 * ① → 1) and lower-cased; invisible format characters (zero-width spaces, BOM, soft hyphen)
 * vanish; a run of whitespace vanishes unless it sits between two characters of a
 * space-separated script (Latin, Greek, Cyrillic letters and digits), where it becomes one
 * space. So "2022 年 6 月" and "２０２２年６月" both read "2022年6月", while "one stop" keeps
 * its space. Folding code point by code point (not the whole string) keeps a position map
 * back to the original text, which highlighting needs.
 */

/** Characters readers cannot see: they must never make two texts differ. */
const INVISIBLE = /^[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]$/u;
const WHITESPACE = /^\s$/u;
/** Scripts written with spaces between words: a space between two of these is meaningful. */
const SPACED_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]$/u;

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`, the offset in the original where its source character starts. */
  starts: number[];
  /** For each UTF-16 unit of `text`, the offset in the original just after its source character. */
  ends: number[];
}

/** How one code point folds: its replacement text, or that it is whitespace or invisible. */
interface Folding {
  /** Replacement text (empty for whitespace and invisible characters). */
  text: string;
  whitespace: boolean;
  /** Whether the replacement starts / ends with a character of a space-separated script. */
  spacedStart: boolean;
  spacedEnd: boolean;
}

const foldings = new Map<string, Folding>();

function folding(codePoint: string): Folding {
  let known = foldings.get(codePoint);
  if (known) return known;
  const folded = INVISIBLE.test(codePoint) ? '' : codePoint.normalize('NFKC').toLowerCase();
  const whitespace = WHITESPACE.test(codePoint) || (folded.length > 0 && /^\s+$/u.test(folded));
  const text = whitespace || INVISIBLE.test(folded) ? '' : folded;
  const chars = Array.from(text);
  known = {
    text,
    whitespace,
    spacedStart: chars.length > 0 && SPACED_SCRIPT.test(chars[0] ?? ''),
    spacedEnd: chars.length > 0 && SPACED_SCRIPT.test(chars[chars.length - 1] ?? ''),
  };
  foldings.set(codePoint, known);
  return known;
}

/** CJK unified ideographs (basic block and extension A) fold to themselves: the common case. */
function isPlainIdeograph(unit: number): boolean {
  return (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0x3400 && unit <= 0x4dbf);
}

function normalize(original: string, withMap: boolean): NormalizedText {
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let length = 0;
  let lastSpaced = false;
  let pendingSpaceAt = -1;
  let offset = 0;
  while (offset < original.length) {
    const start = offset;
    const unit = original.charCodeAt(offset);
    let fold: Folding;
    if (isPlainIdeograph(unit)) {
      // A run of ideographs is copied as it is.
      offset += 1;
      while (offset < original.length && isPlainIdeograph(original.charCodeAt(offset))) offset += 1;
      pendingSpaceAt = -1; // never a space next to a Chinese character
      pieces.push(original.slice(start, offset));
      if (withMap) {
        for (let i = start; i < offset; i += 1) {
          starts.push(i);
          ends.push(i + 1);
        }
      }
      length += offset - start;
      lastSpaced = false;
      continue;
    }
    const isPair = unit >= 0xd800 && unit <= 0xdbff && offset + 1 < original.length;
    const codePoint = isPair ? original.slice(offset, offset + 2) : (original[offset] as string);
    offset += codePoint.length;
    fold = folding(codePoint);
    if (fold.whitespace) {
      if (pendingSpaceAt < 0) pendingSpaceAt = start;
      continue;
    }
    if (fold.text.length === 0) continue;
    if (pendingSpaceAt >= 0) {
      if (length > 0 && lastSpaced && fold.spacedStart) {
        pieces.push(' ');
        if (withMap) {
          starts.push(pendingSpaceAt);
          ends.push(pendingSpaceAt + 1);
        }
        length += 1;
      }
      pendingSpaceAt = -1;
    }
    pieces.push(fold.text);
    if (withMap) {
      for (let i = 0; i < fold.text.length; i += 1) {
        starts.push(start);
        ends.push(offset);
      }
    }
    length += fold.text.length;
    lastSpaced = fold.spacedEnd;
  }
  return { text: pieces.join(''), starts, ends };
}

/** Normalises `original` and keeps, for every output unit, where it came from. */
export function normalizeWithMap(original: string): NormalizedText {
  return normalize(original, true);
}

/** Normalises text for matching (see the module comment for the rules). */
export function normalizeForSearch(original: string): string {
  return normalize(original, false).text;
}

/**
 * The full-width punctuation of Chinese prose, with what `normalizeForSearch` folds it to. NFKC
 * gives each a single ASCII character that folds to itself and keeps no space beside it, so
 * replacing them changes nothing else (a test checks each against `normalizeWithMap`).
 */
export const COMMON_FOLDS: readonly (readonly [string, string])[] = [
  ['，', ','],
  ['（', '('],
  ['）', ')'],
  ['；', ';'],
  ['：', ':'],
  ['！', '!'],
  ['？', '?'],
];

/**
 * Folds only the punctuation in COMMON_FOLDS, with native string replacement: for nine block texts
 * in ten of this corpus (no space, no full-width letter or digit, no capital) that is all
 * `normalizeForSearch` does, at a fraction of its cost in a browser that has just opened the page.
 * The exact-match index relies on it only for texts where the indexer checked the two agree
 * (index-format.ts).
 */
export function foldCommonPunctuation(text: string): string {
  let folded = text;
  for (const [from, to] of COMMON_FOLDS) folded = folded.replaceAll(from, to);
  return folded;
}

/**
 * Maps a range [start, end) of normalised text back to the range of the original text that
 * produced it. `end` is exclusive; an empty range maps to an empty range.
 */
export function toOriginalRange(
  normalized: NormalizedText,
  start: number,
  end: number,
): [number, number] {
  if (end <= start) {
    const at = normalized.starts[start] ?? normalized.ends[normalized.ends.length - 1] ?? 0;
    return [at, at];
  }
  const originalStart = normalized.starts[start];
  const originalEnd = normalized.ends[end - 1];
  if (originalStart === undefined || originalEnd === undefined) {
    throw new RangeError(`range ${start}–${end} is outside the normalised text (${normalized.text.length} units)`);
  }
  return [originalStart, originalEnd];
}

/** Every start offset of `needle` in `haystack`, overlapping occurrences included. */
export function findAll(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  let at = haystack.indexOf(needle);
  while (at >= 0) {
    found.push(at);
    at = haystack.indexOf(needle, at + 1);
  }
  return found;
}
