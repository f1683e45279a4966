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

function lastCodePoint(text: string): string {
  const last = text.codePointAt(text.length - 1);
  if (last === undefined) return '';
  // A trailing low surrogate belongs to a pair: step back one more unit.
  if (last >= 0xdc00 && last <= 0xdfff && text.length >= 2) return text.slice(-2);
  return text.slice(-1);
}

function firstCodePoint(text: string): string {
  const first = text.codePointAt(0);
  return first === undefined ? '' : String.fromCodePoint(first);
}

/** Normalises `original` and keeps, for every output unit, where it came from. */
export function normalizeWithMap(original: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let pendingSpaceAt = -1;
  let offset = 0;
  for (const codePoint of original) {
    const start = offset;
    offset += codePoint.length;
    if (INVISIBLE.test(codePoint)) continue;
    const folded = codePoint.normalize('NFKC').toLowerCase();
    if (folded.length === 0 || INVISIBLE.test(folded)) continue;
    if (WHITESPACE.test(codePoint) || /^\s+$/u.test(folded)) {
      if (pendingSpaceAt < 0) pendingSpaceAt = start;
      continue;
    }
    if (pendingSpaceAt >= 0) {
      if (
        text.length > 0 &&
        SPACED_SCRIPT.test(lastCodePoint(text)) &&
        SPACED_SCRIPT.test(firstCodePoint(folded))
      ) {
        text += ' ';
        starts.push(pendingSpaceAt);
        ends.push(pendingSpaceAt + 1);
      }
      pendingSpaceAt = -1;
    }
    for (let i = 0; i < folded.length; i += 1) {
      starts.push(start);
      ends.push(offset);
    }
    text += folded;
  }
  return { text, starts, ends };
}

/** Normalises text for matching (see the module comment for the rules). */
export function normalizeForSearch(original: string): string {
  return normalizeWithMap(original).text;
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
