/**
 * Search index stage of the build: reads the built site and writes
 *   <dist>/pagefind/                 Pagefind's index (zh-cn, page bodies, filters, sub-results)
 *   <dist>/search/exact-index.json   the exact-match index (see src/scripts/search/index-format.ts)
 * Both are made from the same built HTML, so search matches exactly what readers see.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { EXACT_INDEX_PATH, EXACT_INDEX_VERSION, type ExactIndex, type ExactIndexPage } from '../../src/scripts/search/index-format.ts';
import { EXCLUDED_SELECTORS, type ExtractedPage, extractPage } from './extract.ts';

export interface IndexSiteOptions {
  /** The built site. */
  distDir: string;
  /** URL prefix the site was built for (`/`, `/kb/`); only checked, both indexes are base-free. */
  base: string;
}

export interface IndexSiteResult {
  /** Pages with a searchable body. */
  pages: number;
  /** Pages Pagefind indexed (must equal `pages`). */
  pagefindPages: number;
  /** Distinct block texts in the exact-match index. */
  distinctTexts: number;
  /** Size of exact-index.json in bytes. */
  exactIndexBytes: number;
}

/** Folders of the built site that hold no pages. */
const NON_PAGE_DIRS = new Set(['pagefind', '_astro', 'data']);

/** Every HTML file under `distDir`, as sorted relative paths. */
export async function listHtmlFiles(distDir: string): Promise<string[]> {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relative) => !NON_PAGE_DIRS.has(relative.split('/')[0] ?? ''))
    .sort();
}

/** Every searchable page of the built site, sorted by URL. */
export async function extractSite(distDir: string): Promise<ExtractedPage[]> {
  const pages: ExtractedPage[] = [];
  for (const relative of await listHtmlFiles(distDir)) {
    const page = extractPage(await readFile(path.join(distDir, relative), 'utf8'), relative);
    if (page) pages.push(page);
  }
  return pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** Source documents first, then the pages that gather them, then everything else. */
export function rankingGroup(url: string): number {
  const [section, id] = url.split('/');
  if (!id) return 2;
  if (section === 'plans' || section === 'reports') return 0;
  if (section === 'departments' || section === 'indicators') return 1;
  return 2;
}

export function buildExactIndex(pages: readonly ExtractedPage[]): ExactIndex {
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const indexPages: ExactIndexPage[] = pages.map((page) => ({
    url: page.url,
    title: page.title,
    group: rankingGroup(page.url),
    filters: page.filters,
    anchors: page.anchors,
    blocks: page.blocks.map(({ text, anchorIndex }): [number, number] => {
      let index = textIndex.get(text);
      if (index === undefined) {
        index = texts.length;
        texts.push(text);
        textIndex.set(text, index);
      }
      return [index, anchorIndex];
    }),
  }));
  return { version: EXACT_INDEX_VERSION, pages: indexPages, texts };
}

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

export async function writePagefindIndex(distDir: string): Promise<number> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDED_SELECTORS });
    failOn('createIndex', created.errors);
    const index = created.index;
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: distDir });
    failOn('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: path.join(distDir, 'pagefind') });
    failOn('writeFiles', written.errors);
    // addDirectory counts every HTML file read; the entry file counts the pages indexed.
    const entry = JSON.parse(await readFile(path.join(distDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  } finally {
    await pagefind.close();
  }
}

export async function indexSite({ distDir, base }: IndexSiteOptions): Promise<IndexSiteResult> {
  if (!/^\/(?:.+\/)?$/.test(base)) throw new Error(`indexSite: base must start and end with "/" (got "${base}")`);
  const pages = await extractSite(distDir);
  if (pages.length === 0) {
    throw new Error(`indexSite: no page in ${distDir} has a data-pagefind-body element, so nothing would be searchable`);
  }
  const exactIndex = buildExactIndex(pages);
  const exactIndexFile = path.join(distDir, EXACT_INDEX_PATH);
  await mkdir(path.dirname(exactIndexFile), { recursive: true });
  const json = JSON.stringify(exactIndex);
  await writeFile(exactIndexFile, json);
  const pagefindPages = await writePagefindIndex(distDir);
  if (pagefindPages !== pages.length) {
    throw new Error(`indexSite: Pagefind indexed ${pagefindPages} pages but ${pages.length} have a data-pagefind-body`);
  }
  return {
    pages: pages.length,
    pagefindPages,
    distinctTexts: exactIndex.texts.length,
    exactIndexBytes: Buffer.byteLength(json),
  };
}
