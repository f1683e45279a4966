import type { Department } from '../../../src/schemas/index.ts';
import type { IndicatorEntry } from './indicators.ts';

/**
 * Finding registry terms in running text. Text is compared in its matching form (NFKC, whitespace
 * removed, see `normalize.ts`); hits carry offsets into the ORIGINAL text, for excerpts.
 */
export interface FoldedText {
  /** The matching form. */
  folded: string;
  /** `origin[i]` = offset in the original text of folded character i; one extra entry for the end. */
  origin: number[];
}

export function fold(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    if (!/\s/u.test(ch)) {
      for (const out of ch.normalize('NFKC')) {
        if (/\s/u.test(out)) continue;
        folded += out;
        origin.push(offset);
      }
    }
    offset += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

export interface TermHit<T> {
  target: T;
  /** The term as it appears in the registry. */
  term: string;
  /** Offsets in the folded text, end exclusive. */
  start: number;
  end: number;
}

interface Term<T> {
  key: string;
  term: string;
  target: T;
  /** Strings (matching form) inside which this term is not a hit. */
  exclude: string[];
}

/**
 * A set of terms matched longest-first without overlap, so 劳动力市场监管 wins over the 市场监管 inside
 * it, and 政采贷 over 政采. Masked strings (unit names, for indicators) that contain a term are blanked
 * before matching.
 */
export class TermMatcher<T> {
  private readonly terms: Term<T>[];
  private readonly masks: string[];

  constructor(terms: { term: string; target: T; exclude?: string[] }[], masks: string[] = []) {
    const seen = new Set<string>();
    this.terms = [];
    for (const t of terms) {
      const key = fold(t.term).folded;
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      this.terms.push({ key, term: t.term, target: t.target, exclude: (t.exclude ?? []).map((e) => fold(e).folded).filter((e) => e.includes(key)) });
    }
    this.terms.sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : 1));
    // Only masks that contain a term matter (市市场监管局 hides 市场监管); others (市政府) must not hide
    // a term that merely overlaps them (平顶山市政府采购 is about 政府采购).
    this.masks = [...new Set(masks.map((m) => fold(m).folded))]
      .filter((m) => m !== '' && this.terms.some((t) => m.includes(t.key)))
      .sort((a, b) => b.length - a.length);
  }

  /** Hits in text order. */
  find(text: string | FoldedText): TermHit<T>[] {
    const folded = typeof text === 'string' ? fold(text).folded : text.folded;
    const taken = new Uint8Array(folded.length);
    for (const mask of this.masks) {
      for (let at = folded.indexOf(mask); at !== -1; at = folded.indexOf(mask, at + 1)) {
        if (!isFree(taken, at, at + mask.length)) continue;
        taken.fill(1, at, at + mask.length);
      }
    }
    const hits: TermHit<T>[] = [];
    for (const term of this.terms) {
      for (let at = folded.indexOf(term.key); at !== -1; at = folded.indexOf(term.key, at + 1)) {
        const end = at + term.key.length;
        if (!isFree(taken, at, end)) continue;
        if (term.exclude.some((ex) => insideOccurrence(folded, ex, at, end))) continue;
        taken.fill(1, at, end);
        hits.push({ target: term.target, term: term.term, start: at, end });
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  }
}

function isFree(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return false;
  return true;
}

/** True when an occurrence of `outer` in `text` covers [start, end). */
function insideOccurrence(text: string, outer: string, start: number, end: number): boolean {
  const from = Math.max(0, end - outer.length);
  for (let at = text.indexOf(outer, from); at !== -1 && at <= start; at = text.indexOf(outer, at + 1)) {
    if (at <= start && at + outer.length >= end) return true;
  }
  return false;
}

export type IndicatorTermUse = 'names' | 'all';

/**
 * Indicator terms: `names` = name and aliases (what links a plan title or a goal sentence);
 * `all` adds the keywords (what makes a mention). Unit names of the whole registry are masked.
 */
export function indicatorMatcher(entries: readonly IndicatorEntry[], departments: readonly Department[], use: IndicatorTermUse): TermMatcher<string> {
  const terms = entries.flatMap((e) =>
    [e.name, ...e.aliases, ...(use === 'all' ? e.keywords : [])].map((term) => ({ term, target: e.id, exclude: e.exclude })),
  );
  const masks = departments.flatMap((d) => [d.name, d.fullName, ...d.aliases]);
  return new TermMatcher(terms, masks);
}

/** Plain-text excerpt of about `radius` characters either side of a hit, on one line. */
export function excerpt(text: string, hit: { start: number; end: number }, origin: number[], radius = 24): string {
  const from = origin[hit.start]!;
  const to = origin[hit.end]!;
  const start = Math.max(0, from - radius);
  const end = Math.min(text.length, to + radius);
  const body = text.slice(start, end).replace(/\s+/gu, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
