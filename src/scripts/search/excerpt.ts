/**
 * Excerpts with highlighted matches, computed on the ORIGINAL text (what the page shows), from
 * matches found in the normalised text. Rendering turns `marked` pieces into <mark> elements
 * with textContent only: source text never becomes markup.
 */
import { findAll, normalizeWithMap, toOriginalRange } from './normalize.ts';

export interface ExcerptPiece {
  text: string;
  marked: boolean;
}

/** Ranges [start, end) of the original text where any of the normalised needles occurs, merged. */
export function highlightRanges(original: string, needles: string[]): [number, number][] {
  const normalized = normalizeWithMap(original);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    for (const at of findAll(normalized.text, needle)) {
      ranges.push(toOriginalRange(normalized, at, at + needle.length));
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Cuts a window of about `width` characters around the first match and splits it into plain
 * and marked pieces. An ellipsis marks each side that was cut.
 */
export function buildExcerpt(original: string, needles: string[], width = 80): ExcerptPiece[] {
  const ranges = highlightRanges(original, needles);
  const first = ranges[0];
  let windowStart = 0;
  let windowEnd = original.length;
  if (original.length > width) {
    const matchStart = first ? first[0] : 0;
    const matchEnd = first ? first[1] : 0;
    const room = Math.max(0, width - (matchEnd - matchStart));
    windowStart = Math.max(0, matchStart - Math.floor(room / 3));
    windowEnd = Math.min(original.length, Math.max(matchEnd, windowStart + width));
    windowStart = Math.max(0, Math.min(windowStart, windowEnd - width));
    // Never cut a surrogate pair in half.
    if (/[\uDC00-\uDFFF]/.test(original.charAt(windowStart))) windowStart -= 1;
    if (/[\uDC00-\uDFFF]/.test(original.charAt(windowEnd))) windowEnd += 1;
  }
  const pieces: ExcerptPiece[] = [];
  const push = (text: string, marked: boolean): void => {
    if (text) pieces.push({ text, marked });
  };
  if (windowStart > 0) push('…', false);
  let cursor = windowStart;
  for (const [start, end] of ranges) {
    if (end <= windowStart || start >= windowEnd) continue;
    const from = Math.max(start, windowStart);
    const to = Math.min(end, windowEnd);
    push(original.slice(cursor, from), false);
    push(original.slice(from, to), true);
    cursor = to;
  }
  push(original.slice(cursor, windowEnd), false);
  if (windowEnd < original.length) push('…', false);
  return pieces;
}

/**
 * Reads a Pagefind excerpt back into text pieces. Pagefind builds excerpts from the page's text with
 * only `<` and `>` escaped (never `&`) and wraps matched words in `<mark>`, so the excerpt must not
 * be parsed as HTML: a printed `&amp;` would lose its letters, and `&lt;` may stand for a printed `<`
 * or a printed `&lt;`. The page's own text (from the exact index) settles each `&lt;`/`&gt;`; without
 * it, or when the excerpt cannot be found in it, they are read as Pagefind meant them (`<`, `>`).
 */
export function readPagefindExcerpt(html: string, pageText?: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let marked = false;
  for (const token of html.split(/(<mark>|<\/mark>)/u)) {
    if (token === '<mark>') marked = true;
    else if (token === '</mark>') marked = false;
    else if (token !== '') pieces.push({ text: token, marked });
  }
  const choices = printedEscapes(pieces.map((p) => p.text).join(''), pageText);
  let next = 0;
  return pieces.map(({ text, marked: isMarked }) => ({
    text: text.replace(/&lt;|&gt;/gu, (escape) => choices[next++] ?? (escape === '&lt;' ? '<' : '>')),
    marked: isMarked,
  }));
}

/** For each `&lt;`/`&gt;` of an excerpt, in order, what the page prints there (empty when unknown). */
function printedEscapes(excerpt: string, pageText: string | undefined): string[] {
  if (pageText === undefined || !/&lt;|&gt;/u.test(excerpt)) return [];
  // Pagefind re-spaces text and adds an ellipsis at cut ends; compare without either.
  const squeeze = (text: string) => text.replace(/\s+/gu, '');
  const core = squeeze(excerpt).replace(/^…+|…+$/gu, '');
  const pattern = core
    .split(/(&lt;|&gt;)/u)
    .map((part) => (part === '&lt;' ? '(&lt;|<)' : part === '&gt;' ? '(&gt;|>)' : part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')))
    .join('');
  const match = new RegExp(pattern, 'u').exec(squeeze(pageText));
  return match ? match.slice(1).map((group) => group ?? '') : [];
}
