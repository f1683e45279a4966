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
