import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageHtml, syntheticPages, writeSyntheticSite } from '../../tests/search/synthetic-site.ts';
import { createExactEngine } from '../../src/scripts/search/engine.ts';
import { unpackTexts, type ExactIndex } from '../../src/scripts/search/index-format.ts';
import { normalizeForSearch } from '../../src/scripts/search/normalize.ts';
import { parseQuery } from '../../src/scripts/search/query.ts';
import { buildExactIndex, extractSite, indexSite, rankingGroup, writePagefindIndex } from './index-site.ts';
import { extractPage } from './extract.ts';

describe('indexing a built site', () => {
  let distDir = '';
  let result: Awaited<ReturnType<typeof indexSite>>;
  let exactIndex: ExactIndex;

  beforeAll(async () => {
    distDir = await mkdtemp(path.join(tmpdir(), 'kb-search-index-'));
    await writeSyntheticSite(distDir, await syntheticPages({ linesPerPage: 80, maxPages: 12 }));
    result = await indexSite({ distDir, base: '/kb/' });
    exactIndex = JSON.parse(await readFile(path.join(distDir, 'search/exact-index.json'), 'utf8'));
  });
  afterAll(async () => {
    if (distDir) await rm(distDir, { recursive: true, force: true });
  });

  it('indexes every page with a searchable body in both indexes, and skips the home page', () => {
    expect(result.pages).toBe(12);
    expect(result.pagefindPages).toBe(12);
    expect(exactIndex.pages.map((page) => page.url)).not.toContain('');
  });
  it('writes the Pagefind bundle with a zh-cn index and the filters of the markup', async () => {
    const files = await readdir(path.join(distDir, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.some((file) => file.startsWith('pagefind.zh-cn') || file.startsWith('pagefind.zh'))).toBe(true);
    const entry = JSON.parse(await readFile(path.join(distDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    expect(entry.languages['zh-cn'].page_count).toBe(12);
  });
  it('stores each distinct block text once and keeps chrome out', () => {
    const { displayed, normalized } = unpackTexts(exactIndex.texts);
    expect(new Set(displayed).size).toBe(displayed.length);
    // Each text comes with its normalised form, stored or derived (StoredText).
    expect(normalized).toEqual(displayed.map((text) => normalizeForSearch(text)));
    expect(exactIndex.texts.some((text) => Array.isArray(text))).toBe(true);
    const all = displayed.join('\n');
    expect(all).not.toContain('站点导航页眉文字');
    expect(all).not.toContain('页脚版权信息');
    expect(all).not.toContain('复制链接');
  });
  it('finds a phrase from the source text on the page that shows it', () => {
    const engine = createExactEngine(exactIndex);
    const matches = engine.search(parseQuery('"营商环境"'));
    expect(matches.length).toBeGreaterThan(3);
    expect(matches.every((match) => match.tier === 'exact')).toBe(true);
    const filtered = engine.search(parseQuery('营商环境'), { 部门: ['税务局'] });
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(matches.length);
    expect(filtered.every((match) => match.page.filters['部门']?.includes('税务局'))).toBe(true);
  });
  it('refuses a site where no page has a searchable body', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'kb-search-empty-'));
    try {
      await writeSyntheticSite(empty, []);
      await expect(indexSite({ distDir: empty, base: '/' })).rejects.toThrow(/data-pagefind-body/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

/** Every file under `dir`, relative path → contents. */
async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  return new Map(await Promise.all(files.sort().map(async (file): Promise<[string, Buffer]> => [file, await readFile(path.join(dir, file))])));
}

describe('handing Pagefind the page bodies only', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'kb-search-pagefind-copy-'));
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('copies the head and the searchable body of each page, without the header, sidebar and footer', async () => {
    const site = path.join(root, 'copy-site');
    const copies = path.join(root, 'copy-pages');
    await writeSyntheticSite(site, await syntheticPages({ linesPerPage: 30, maxPages: 2 }));
    const pages = await extractSite(site, { pagefindDir: copies });
    const copied = await readTree(copies);
    expect([...copied.keys()]).toEqual(pages.map((page) => path.join(page.url, 'index.html')).sort());
    for (const [file, bytes] of copied) {
      const html = bytes.toString('utf8');
      expect(html).toMatch(/^<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>/);
      expect(html).toContain('<div data-pagefind-body><h1 id="_top" data-pagefind-meta="title">');
      expect(html).not.toContain('站点导航页眉文字');
      expect(html).not.toContain('侧栏链接甲乙丙');
      expect(html).not.toContain('页脚版权信息');
      const original = await readFile(path.join(site, file), 'utf8');
      const body = original.slice(original.indexOf('<div data-pagefind-body>'), original.indexOf('</div></main>') + '</div>'.length);
      expect(html).toContain(body);
    }
  });
  it('hands over a page whole when its chrome carries a Pagefind attribute', async () => {
    const site = path.join(root, 'chrome-site');
    const copies = path.join(root, 'chrome-pages');
    const page = pageHtml('页面', {}, '<p>正文</p>').replace('<nav>', '<nav data-pagefind-filter="栏目:导航">');
    await mkdir(path.join(site, 'x'), { recursive: true });
    await writeFile(path.join(site, 'x/index.html'), page);
    await extractSite(site, { pagefindDir: copies });
    expect(await readFile(path.join(copies, 'x/index.html'), 'utf8')).toBe(page);
  });
  it('gives the same Pagefind index, byte for byte, as Pagefind over the whole pages', async () => {
    const site = path.join(root, 'same-site');
    await writeSyntheticSite(site, await syntheticPages({ linesPerPage: 60, maxPages: 6 }));
    const whole = path.join(root, 'whole-index');
    await writePagefindIndex(site, whole);
    await indexSite({ distDir: site, base: '/' });
    const fromBodies = await readTree(path.join(site, 'pagefind'));
    const fromWhole = await readTree(whole);
    expect([...fromBodies.keys()]).toEqual([...fromWhole.keys()]);
    for (const [file, bytes] of fromWhole) expect(fromBodies.get(file)?.equals(bytes), file).toBe(true);
  });
});

describe('the exact index', () => {
  it('shares one text between pages that show the same task, each with its own anchor', () => {
    const task = '<article><h4 id="t1">（一）任务</h4><p>共用的任务正文</p></article>';
    const a = extractPage(pageHtml('方案', {}, task), 'plans/a/index.html');
    const b = extractPage(pageHtml('部门', {}, `<h2 id="g1">附件1</h2>${task.replace('id="t1"', 'id="x9"')}`), 'departments/b/index.html');
    if (!a || !b) throw new Error('fixture pages must have bodies');
    const index = buildExactIndex([a, b]);
    expect(index.texts.filter((text) => text === '共用的任务正文')).toHaveLength(1);
    expect(index.pages.map((page) => page.group)).toEqual([0, 1]);
    expect(index.pages[1]?.anchors.map(([id]) => id)).toEqual(['g1', 'x9']);
  });
  it('lists every filter value once, in Chinese (pinyin) order, so the browser need not sort them', () => {
    const page = (url: string, departments: string[]) => {
      const extracted = extractPage(pageHtml(url, { 部门: departments }, '<p>正文</p>'), `${url}/index.html`);
      if (!extracted) throw new Error('fixture pages must have bodies');
      return extracted;
    };
    const index = buildExactIndex([page('plans/a', ['市发展改革委', '市财政局']), page('plans/b', ['市财政局', '市城管局', 'A单位'])]);
    // By pinyin: cai < cheng < fa. The zh collation puts Han before Latin letters.
    expect(index.filterValues['部门']).toEqual(['市财政局', '市城管局', '市发展改革委', 'A单位']);
  });
  it('ranks source documents before aggregate pages and directories', () => {
    expect(rankingGroup('plans/a/')).toBe(0);
    expect(rankingGroup('reports/r/')).toBe(0);
    expect(rankingGroup('departments/pds-fgw/')).toBe(1);
    expect(rankingGroup('departments/')).toBe(2);
    expect(rankingGroup('')).toBe(2);
  });
});
