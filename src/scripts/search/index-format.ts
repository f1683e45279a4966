/**
 * The exact-match index written by scripts/search/index-site.ts to `<dist>/search/exact-index.json`
 * and read by the search page. It holds the visible text of every page body, split into blocks
 * (paragraphs, list items, headings, table cells), each block text stored once however many
 * pages show it (department and indicator pages repeat task text).
 */

/** Where the index lives, relative to the site's base URL. */
export const EXACT_INDEX_PATH = 'search/exact-index.json';

/** Format version: bump when the shape changes so stale caches are recognised. */
export const EXACT_INDEX_VERSION = 2;

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
  /** Distinct block texts as displayed (whitespace runs collapsed to one space). */
  texts: string[];
  /**
   * Every value of each filter on any page, in Chinese collation order (zh-Hans-CN). Sorted when
   * the index is built, so the search page never builds a collator (costly on a phone).
   */
  filterValues: Record<string, string[]>;
}
