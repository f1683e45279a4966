/**
 * Search index stage of the build: reads the built site and writes
 *   <dist>/pagefind/                 Pagefind's index (zh-cn, page bodies, filters, sub-results)
 *   <dist>/search/exact-index.json   the exact-match index (see src/scripts/search/index-format.ts)
 * Both are made from the same built HTML, so search matches exactly what readers see.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { EXACT_INDEX_PATH, EXACT_INDEX_VERSION, storeText, type ExactIndex, type ExactIndexPage } from '../../src/scripts/search/index-format.ts';
import { EXCLUDED_SELECTORS, type ExtractedPage, extractFromBody, titleElementText } from './extract.ts';
import { listFiles } from '../checks/files.ts';

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
  return listFiles(distDir, (relative) => relative.endsWith('.html') && !NON_PAGE_DIRS.has(relative.split('/')[0] ?? ''));
}

/** Files read ahead of the one being parsed, so reading overlaps parsing. */
const READ_AHEAD = 4;

/** Reads `files` in order, keeping a few reads in flight. */
async function* readAhead(distDir: string, files: readonly string[]): AsyncGenerator<[string, Buffer]> {
  const reads: Promise<Buffer>[] = [];
  const start = (index: number) => {
    const file = files[index];
    if (file !== undefined) reads[index] = readFile(path.join(distDir, file));
  };
  for (let index = 0; index < READ_AHEAD; index++) start(index);
  for (let index = 0; index < files.length; index++) {
    const bytes = await reads[index]!;
    delete reads[index];
    start(index + READ_AHEAD);
    yield [files[index]!, bytes];
  }
}

const BODY_MARKER = 'data-pagefind-body';
/** Any Pagefind attribute: chrome that carries one is handed to Pagefind whole. */
const PAGEFIND_ATTRIBUTE = 'data-pagefind';
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const STAGED_TAIL = Buffer.from('</body></html>\n');

/**
 * What Pagefind needs of a page: its head, the `<body>` tag and the data-pagefind-body element,
 * without the header and sidebar around it (four fifths of a page's bytes, listing the whole
 * site). Pagefind reads nothing else of a page that has a body element, so its index is the same
 * byte for byte; a page whose chrome carries any data-pagefind attribute, or whose body element
 * is not where the marker is, is handed over whole.
 */
function pagefindCopy(bytes: Buffer, bodyStart: number, bodyEnd: number): Buffer {
  const bodyTag = bytes.indexOf('<body');
  const bodyTagEnd = bodyTag < 0 ? -1 : bytes.indexOf(GREATER_THAN, bodyTag) + 1;
  if (bodyTagEnd <= 0 || bodyTagEnd > bodyStart) return bytes;
  const chromeBefore = bytes.subarray(bodyTagEnd, bodyStart);
  const chromeAfter = bytes.subarray(bodyEnd);
  if (chromeBefore.includes(PAGEFIND_ATTRIBUTE) || chromeAfter.includes(PAGEFIND_ATTRIBUTE)) return bytes;
  return Buffer.concat([bytes.subarray(0, bodyTagEnd), bytes.subarray(bodyStart, bodyEnd), STAGED_TAIL]);
}

export interface ExtractSiteOptions {
  /** When set, a copy of every searchable page for Pagefind is written here (see pagefindCopy). */
  pagefindDir?: string;
}

/**
 * Every searchable page of the built site, sorted by URL, in one pass over the files: each is
 * read as bytes, only the part from its data-pagefind-body element on is decoded and parsed.
 */
export async function extractSite(distDir: string, { pagefindDir }: ExtractSiteOptions = {}): Promise<ExtractedPage[]> {
  const pages: ExtractedPage[] = [];
  const writes = new Set<Promise<void>>();
  for await (const [relative, bytes] of readAhead(distDir, await listHtmlFiles(distDir))) {
    const marker = bytes.indexOf(BODY_MARKER);
    if (marker < 0) continue;
    const bodyStart = bytes.lastIndexOf(LESS_THAN, marker);
    const fromBody = bytes.toString('utf8', bodyStart);
    const extracted = extractFromBody(fromBody, relative, () => titleElementText(bytes.toString('utf8')));
    if (!extracted) continue;
    pages.push(extracted.page);
    if (pagefindDir === undefined) continue;
    const [from, to] = extracted.bodyRange;
    const copy = from === 0 ? pagefindCopy(bytes, bodyStart, bodyStart + Buffer.byteLength(fromBody.slice(0, to))) : bytes;
    const target = path.join(pagefindDir, relative);
    const write = mkdir(path.dirname(target), { recursive: true })
      .then(() => writeFile(target, copy))
      .finally(() => writes.delete(write));
    writes.add(write);
    if (writes.size >= 16) await Promise.race(writes);
  }
  await Promise.all(writes);
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
  return { version: EXACT_INDEX_VERSION, pages: indexPages, texts: texts.map(storeText), filterValues: sortedFilterValues(pages) };
}

/** Every value of each filter, in the order a Chinese reader expects (see ExactIndex.filterValues). */
export function sortedFilterValues(pages: readonly ExtractedPage[]): Record<string, string[]> {
  const collator = new Intl.Collator('zh-Hans-CN');
  const values = new Map<string, Set<string>>();
  for (const page of pages) {
    for (const [key, pageValues] of Object.entries(page.filters)) {
      const known = values.get(key) ?? new Set<string>();
      for (const value of pageValues) known.add(value);
      values.set(key, known);
    }
  }
  const keys = [...values.keys()].sort();
  return Object.fromEntries(keys.map((key) => [key, [...(values.get(key) ?? [])].sort(collator.compare)]));
}

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/**
 * Pagefind over the pages in `pagesDir` (the built site, or the copies extractSite writes),
 * written to `outputDir`; returns the number of pages indexed.
 */
export async function writePagefindIndex(pagesDir: string, outputDir: string): Promise<number> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDED_SELECTORS });
    failOn('createIndex', created.errors);
    const index = created.index;
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: pagesDir });
    failOn('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: outputDir });
    failOn('writeFiles', written.errors);
    // addDirectory counts every HTML file read; the entry file counts the pages indexed.
    const entry = JSON.parse(await readFile(path.join(outputDir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  } finally {
    await pagefind.close();
  }
}

export async function indexSite({ distDir, base }: IndexSiteOptions): Promise<IndexSiteResult> {
  if (!/^\/(?:.+\/)?$/.test(base)) throw new Error(`indexSite: base must start and end with "/" (got "${base}")`);
  const pagefindDir = await mkdtemp(path.join(os.tmpdir(), 'kb-pagefind-pages-'));
  try {
    const pages = await extractSite(distDir, { pagefindDir });
    if (pages.length === 0) {
      throw new Error(`indexSite: no page in ${distDir} has a data-pagefind-body element, so nothing would be searchable`);
    }
    // The Pagefind binary indexes in its own process while this one writes the exact-match index.
    const pagefindRun = writePagefindIndex(pagefindDir, path.join(distDir, 'pagefind'));
    const writeExactIndex = async () => {
      const exactIndex = buildExactIndex(pages);
      const exactIndexFile = path.join(distDir, EXACT_INDEX_PATH);
      await mkdir(path.dirname(exactIndexFile), { recursive: true });
      const json = JSON.stringify(exactIndex);
      await writeFile(exactIndexFile, json);
      return { distinctTexts: exactIndex.texts.length, exactIndexBytes: Buffer.byteLength(json) };
    };
    const [pagefindPages, exact] = await Promise.all([pagefindRun, writeExactIndex()]);
    if (pagefindPages !== pages.length) {
      throw new Error(`indexSite: Pagefind indexed ${pagefindPages} pages but ${pages.length} have a data-pagefind-body`);
    }
    return { pages: pages.length, pagefindPages, ...exact };
  } finally {
    await rm(pagefindDir, { recursive: true, force: true });
  }
}
