/**
 * Shared by the search end-to-end test and bench/search.ts: ground truth from the built HTML,
 * and running a query through the real search page in Chromium.
 */
import type { Page } from 'playwright-core';
import { extractSite } from '../../scripts/search/index-site.ts';
import { normalizeForSearch } from '../../src/scripts/search/normalize.ts';
import { parseQuery } from '../../src/scripts/search/query.ts';

export interface GroundTruthPage {
  url: string;
  title: string;
  /** Normalised text of each block. */
  blocks: string[];
}

/** What a reader can see on every searchable page, normalised block by block. */
export async function readGroundTruth(distDir: string): Promise<GroundTruthPage[]> {
  const pages = await extractSite(distDir);
  return pages.map((page) => ({
    url: page.url,
    title: page.title,
    blocks: page.blocks.map((block) => normalizeForSearch(block.text)),
  }));
}

/** URLs (base-relative) of the pages containing the query's phrase in one block: Ctrl+F semantics. */
export function pagesContaining(truth: readonly GroundTruthPage[], query: string): Set<string> {
  const phrase = parseQuery(query).phrase;
  const found = new Set<string>();
  if (!phrase) return found;
  for (const page of truth) if (page.blocks.some((block) => block.includes(phrase))) found.add(page.url);
  return found;
}

export interface PageSearchResult {
  /** Base-relative URL of each result, in the order shown. */
  urls: string[];
  /** Tier of each result (`exact`, `all-terms`, `related`, `pagefind`). */
  tiers: string[];
  /** Time from the search starting to its first results on screen, measured in the page. */
  firstResultMs: number | null;
  /** Time until the exact results (or Pagefind's full list) were complete. */
  searchMs: number | null;
  status: string;
}

/** Waits until the search page has finished the search for `query` (and, if asked, its related results). */
export async function waitForSearch(page: Page, query: string, { related = false } = {}): Promise<void> {
  await page.waitForFunction(
    ({ query, related }) => {
      const root = document.querySelector<HTMLElement>('[data-kb-search]');
      if (!root || root.dataset.query !== query) return false;
      if (root.dataset.state === 'error') return true;
      if (root.dataset.state !== 'done') return false;
      return !related || root.dataset.related !== undefined;
    },
    { query, related },
    { timeout: 20_000 },
  );
}

/** Reads the results currently shown on the search page. */
export async function readResults(page: Page, base: string): Promise<PageSearchResult> {
  return page.evaluate((base) => {
    const root = document.querySelector<HTMLElement>('[data-kb-search]');
    const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-testid="search-result"]')];
    const strip = (href: string): string => {
      const path = new URL(href, location.href).pathname;
      return path.startsWith(base) ? path.slice(base.length) : path;
    };
    const number = (value: string | undefined): number | null => (value === undefined ? null : Number(value));
    return {
      urls: links.map((link) => strip(link.href)),
      tiers: links.map((link) => link.closest<HTMLElement>('[data-tier]')?.dataset.tier ?? ''),
      firstResultMs: number(root?.dataset.firstResultMs),
      searchMs: number(root?.dataset.searchMs),
      status: document.querySelector('[data-kb-status]')?.textContent ?? '',
    };
  }, base);
}

/** Opens the search page for `query` (a fresh page load: the cold path) and reads the results. */
export async function searchByUrl(
  page: Page,
  siteUrl: string,
  base: string,
  query: string,
  { engine = 'exact', related = false }: { engine?: 'exact' | 'pagefind'; related?: boolean } = {},
): Promise<PageSearchResult> {
  const params = new URLSearchParams({ q: query });
  if (engine === 'pagefind') params.set('engine', 'pagefind');
  await page.goto(`${siteUrl}search/?${params.toString()}`);
  await waitForSearch(page, query, { related });
  return readResults(page, base);
}

/** Types a new query into the open search page (the warm path) and reads the results. */
export async function searchByTyping(page: Page, base: string, query: string, { related = false } = {}): Promise<PageSearchResult> {
  await page.fill('#kb-search-q', query);
  // A search field drops line breaks from what is typed or pasted into it.
  const typed = await page.inputValue('#kb-search-q');
  await page.press('#kb-search-q', 'Enter');
  await waitForSearch(page, typed, { related });
  return readResults(page, base);
}
