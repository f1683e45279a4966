/**
 * Exact-match search over the block texts of every page (see index-format.ts).
 *
 * Ranking, in tiers that never interleave:
 *   1. `exact`     — the page contains the whole query (`phrase`) inside one block;
 *   2. `all-terms` — the page contains every term, but not the whole phrase in one block;
 * and, added by the page script, 3. `related` — other Pagefind results.
 * Within a tier: a title containing the phrase first, then source documents before aggregate
 * pages, then more occurrences, then URL order (stable, so shared links show the same list).
 */
import type { ExactIndex, ExactIndexPage } from './index-format.ts';
import { findAll, foldCommonPunctuation, normalizeForSearch } from './normalize.ts';
import type { ParsedQuery } from './query.ts';

export type MatchTier = 'exact' | 'all-terms';

export interface BlockMatch {
  /** Position of the block within its page's `blocks`. */
  blockPosition: number;
  /** Index into `texts`. */
  textIndex: number;
  /** Index into the page's `anchors`, or -1. */
  anchorIndex: number;
  /** The normalised strings found in this block (the phrase, or the terms it contains). */
  found: string[];
}

export interface PageMatch {
  pageIndex: number;
  page: ExactIndexPage;
  tier: MatchTier;
  /** Whether the title contains the phrase. */
  titleHit: boolean;
  /** Occurrences of the phrase (exact) or of all terms (all-terms) on the page. */
  occurrences: number;
  /** Matching blocks in reading order. */
  blocks: BlockMatch[];
}

/** Selected filter values: AND across filters, OR among the values of one filter. */
export type FilterSelection = Partial<Record<string, string[]>>;

export interface ExactEngine {
  index: ExactIndex;
  /** Block texts as displayed, parallel to `index.texts`. */
  texts: string[];
  /** Normalised block texts, parallel to `index.texts`. */
  normalizedTexts: string[];
  search(query: ParsedQuery, filters?: FilterSelection): PageMatch[];
  /** Which pages contain a normalised string (in some block): page index → occurrence count. */
  pagesContaining(needle: string): Map<number, number>;
  /** Whether a page passes the filter selection. */
  passesFilters(pageIndex: number, filters: FilterSelection): boolean;
}

interface TextRef {
  pageIndex: number;
  blockPosition: number;
}

/** The engine over an index; the index brings every text's normalised form (StoredText). */
export function createExactEngine(index: ExactIndex): ExactEngine {
  // All block texts in one string, so each term is one indexOf scan over the corpus. A plain
  // stored text is folded with the whole corpus at once rather than text by text (what
  // unpackTexts does): the fold keeps every length, and a stored normalised form has nothing
  // left for it to fold.
  const SEPARATOR = '\n'; // never inside a normalised text: whitespace is folded away
  const texts: string[] = [];
  const textStarts: number[] = [];
  const unfolded: string[] = [];
  let length = 0;
  for (const stored of index.texts) {
    const [displayed, normalized] = typeof stored === 'string' ? [stored, stored] : stored;
    texts.push(displayed);
    textStarts.push(length);
    unfolded.push(normalized);
    length += normalized.length + SEPARATOR.length;
  }
  const haystack = foldCommonPunctuation(unfolded.join(SEPARATOR) + SEPARATOR);
  const normalizedTexts = textStarts.map((start, i) => haystack.slice(start, start + (unfolded[i]?.length ?? 0)));
  const refsByText: TextRef[][] = index.texts.map(() => []);
  index.pages.forEach((page, pageIndex) => {
    page.blocks.forEach(([textIndex], blockPosition) => {
      refsByText[textIndex]?.push({ pageIndex, blockPosition });
    });
  });
  const normalizedTitles = index.pages.map((page) => normalizeForSearch(page.title));

  function textIndexAt(offset: number): number {
    let low = 0;
    let high = textStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((textStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** text index → occurrence count of `needle` in that block text. */
  function textsContaining(needle: string): Map<number, number> {
    const counts = new Map<number, number>();
    if (!needle || needle.includes(SEPARATOR)) return counts;
    for (const offset of findAll(haystack, needle)) {
      const textIndex = textIndexAt(offset);
      counts.set(textIndex, (counts.get(textIndex) ?? 0) + 1);
    }
    return counts;
  }

  function pagesContaining(needle: string): Map<number, number> {
    const pages = new Map<number, number>();
    for (const [textIndex, count] of textsContaining(needle)) {
      for (const ref of refsByText[textIndex] ?? []) {
        pages.set(ref.pageIndex, (pages.get(ref.pageIndex) ?? 0) + count);
      }
    }
    return pages;
  }

  function passesFilters(pageIndex: number, filters: FilterSelection): boolean {
    const page = index.pages[pageIndex];
    if (!page) return false;
    for (const [key, wanted] of Object.entries(filters)) {
      if (!wanted || wanted.length === 0) continue;
      const values = page.filters[key] ?? [];
      if (!wanted.some((value) => values.includes(value))) return false;
    }
    return true;
  }

  function search(query: ParsedQuery, filters: FilterSelection = {}): PageMatch[] {
    if (!query.phrase) return [];
    const byPage = new Map<number, PageMatch>();
    const blockMatchesFor = (pageIndex: number, needles: string[]): BlockMatch[] => {
      const page = index.pages[pageIndex];
      if (!page) return [];
      const matches: BlockMatch[] = [];
      page.blocks.forEach(([textIndex, anchorIndex], blockPosition) => {
        const text = normalizedTexts[textIndex] ?? '';
        const found = needles.filter((needle) => text.includes(needle));
        if (found.length > 0) matches.push({ blockPosition, textIndex, anchorIndex, found });
      });
      return matches;
    };

    for (const [pageIndex, occurrences] of pagesContaining(query.phrase)) {
      if (!passesFilters(pageIndex, filters)) continue;
      const page = index.pages[pageIndex];
      if (!page) continue;
      byPage.set(pageIndex, {
        pageIndex,
        page,
        tier: 'exact',
        titleHit: (normalizedTitles[pageIndex] ?? '').includes(query.phrase),
        occurrences,
        blocks: blockMatchesFor(pageIndex, [query.phrase]),
      });
    }

    if (query.terms.length > 1) {
      let candidates: Map<number, number> | undefined;
      for (const term of query.terms) {
        const containing = pagesContaining(term);
        if (candidates === undefined) {
          candidates = containing;
          continue;
        }
        const narrowed = new Map<number, number>();
        for (const [pageIndex, count] of candidates) {
          const more = containing.get(pageIndex);
          if (more !== undefined) narrowed.set(pageIndex, count + more);
        }
        candidates = narrowed;
      }
      for (const [pageIndex, occurrences] of candidates ?? []) {
        if (byPage.has(pageIndex) || !passesFilters(pageIndex, filters)) continue;
        const page = index.pages[pageIndex];
        if (!page) continue;
        byPage.set(pageIndex, {
          pageIndex,
          page,
          tier: 'all-terms',
          titleHit: query.terms.every((term) => (normalizedTitles[pageIndex] ?? '').includes(term)),
          occurrences,
          blocks: blockMatchesFor(pageIndex, query.terms),
        });
      }
    }
    return [...byPage.values()].sort(compareMatches);
  }

  return { index, texts, normalizedTexts, search, pagesContaining, passesFilters };
}

const TIER_ORDER: Record<MatchTier, number> = { exact: 0, 'all-terms': 1 };

export function compareMatches(a: PageMatch, b: PageMatch): number {
  return (
    TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
    Number(b.titleHit) - Number(a.titleHit) ||
    a.page.group - b.page.group ||
    b.occurrences - a.occurrences ||
    a.pageIndex - b.pageIndex
  );
}
