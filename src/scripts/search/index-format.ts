/**
 * The exact-match index written by scripts/search/index-site.ts to `<dist>/search/exact-index.json`
 * and read by the search page. It holds the visible text of every page body, split into blocks
 * (paragraphs, list items, headings, table cells), each block text stored once however many
 * pages show it (department and indicator pages repeat task text).
 */
import { foldCommonPunctuation, normalizeForSearch } from './normalize.ts';

/** Where the index lives, relative to the site's base URL. */
export const EXACT_INDEX_PATH = 'search/exact-index.json';

/** Format version: bump when the shape changes so stale caches are recognised. */
export const EXACT_INDEX_VERSION = 3;

/** The filters the site's markup declares with data-pagefind-filter, in display order. */
export const FILTER_KEYS = ['文档类型', '方案', '部门', '指标', '地区'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** URL parameter for each filter (ASCII, so shared links stay readable). */
export const FILTER_PARAMS: Readonly<Record<FilterKey, string>> = {
  文档类型: 'type',
  方案: 'plan',
  部门: 'dept',
  指标: 'indicator',
  地区: 'region',
};

export interface ExactIndexPage {
  /** Page URL relative to the site base, e.g. `plans/pds-2022-plans-a04/`. */
  url: string;
  /** Page title (the h1 carrying data-pagefind-meta="title"). */
  title: string;
  /** Ranking group: 0 source documents (plans, reports), 1 aggregate pages, 2 anything else. */
  group: number;
  /** Filter values by filter name, as the page's hidden data-pagefind-filter elements state them. */
  filters: Record<string, string[]>;
  /** Landing anchors on the page: [element id, label shown in results (task number or section)]. */
  anchors: [string, string][];
  /** The page's blocks in reading order: [index into `texts`, index into `anchors` or -1]. */
  blocks: [number, number][];
}

export interface ExactIndex {
  /** Always EXACT_INDEX_VERSION. */
  version: number;
  /** Every page with a data-pagefind-body element, sorted by URL. */
  pages: ExactIndexPage[];
  /** Distinct block texts, each as displayed with its normalised form (see StoredText). */
  texts: StoredText[];
  /**
   * Every value of each filter on any page, in Chinese collation order (zh-Hans-CN). Sorted when
   * the index is built, so the search page never builds a collator (costly on a phone).
   */
  filterValues: Record<string, string[]>;
}

/**
 * A block text as the index stores it: the text as displayed (whitespace runs collapsed to one
 * space) when its normalised form is `foldCommonPunctuation` of it, as for most prose, else the
 * pair [displayed, normalised]. So the search page gets every normalised form without running
 * `normalizeForSearch` over the corpus (about 40 ms in a browser that has just opened the page,
 * several times that on a phone), and the index grows by the few texts that need the pair (each
 * right after its displayed form, where gzip finds it cheaply).
 */
export type StoredText = string | [displayed: string, normalized: string];

/** How the index stores `displayed`: the indexer checks the cheap fold against the full one. */
export function storeText(displayed: string): StoredText {
  const normalized = normalizeForSearch(displayed);
  // The engine folds stored normalised forms along with the plain texts (over the whole
  // corpus at once), so it must leave them as they are; normalizeForSearch never leaves such punctuation.
  if (foldCommonPunctuation(normalized) !== normalized) throw new Error(`normalised text still holds full-width punctuation: ${JSON.stringify(normalized.slice(0, 80))}`);
  return foldCommonPunctuation(displayed) === normalized ? displayed : [displayed, normalized];
}

/** The displayed and the normalised forms of the stored texts, parallel to them. */
export function unpackTexts(stored: readonly StoredText[]): { displayed: string[]; normalized: string[] } {
  const displayed: string[] = [];
  const normalized: string[] = [];
  for (const text of stored) {
    if (typeof text === 'string') {
      displayed.push(text);
      normalized.push(foldCommonPunctuation(text));
    } else {
      displayed.push(text[0]);
      normalized.push(text[1]);
    }
  }
  return { displayed, normalized };
}
