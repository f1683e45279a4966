/**
 * `npm run bench:search`: search quality and speed through the real search page in headless
 * Chromium, for our search (exact-match layer + Pagefind) and for plain Pagefind on the same
 * site, side by side in the same run. Writes bench/results/search.md and its section of
 * BENCHMARKS.md.
 *
 * Queries: random substrings of 2–8 characters of the site's text (fixed seed), department
 * names, indicator names, numbers with units, and a hand-written list of realistic queries.
 * Ground truth: the pages whose visible text (block by block, normalised as the search does)
 * contains the query — what Ctrl+F on every page would find.
 *
 *   npm run bench:search                                   # builds the site (tests/support)
 *   npm run bench:search -- --dist dist --base /           # an existing, indexed build
 *   npm run bench:search -- --random 300 --cold 40 --seed 7
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../tests/support/build-site.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { updateBenchmarksSection } from './report.ts';
import { serveSite } from '../tests/support/serve-site.ts';
import { type GroundTruthPage, pagesContaining, readGroundTruth, searchByTyping, searchByUrl, type PageSearchResult } from '../tests/search/harness.ts';
import { extractSite } from '../scripts/search/index-site.ts';
import { EXACT_INDEX_PATH } from '../src/scripts/search/index-format.ts';
import { normalizeForSearch } from '../src/scripts/search/normalize.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const resultsFile = path.join(projectRoot, 'bench', 'results', 'search.md');
const targets = { recall: 1, rPrecision: 0.99, warmMedianMs: 100, coldMs: 500 };

/** Realistic queries: what officials and citizens type or paste. */
export const HAND_WRITTEN_QUERIES = [
  '营商环境',
  '"营商环境"',
  '“优化营商环境”',
  '一网通办',
  '0.5个工作日',
  '０.５个工作日',
  '市场监管局',
  '交房即交证',
  '不动产登记',
  '获得电力',
  '企业开办',
  '双随机、一公开',
  '双随机一公开',
  '工程建设项目审批',
  '政务服务',
  '好差评',
  '中小投资者',
  '招标投标',
  '跨境贸易',
  '办理破产',
  '知识产权',
  '信用修复',
  '首违不罚',
  '容缺受理',
  '告知承诺制',
  '一件事一次办',
  '2022年6月底前',
  '2022年底前',
  '全程网办',
  '税务局',
  '市发展改革委',
  '牵头单位',
  '企业开办 税务',
  '不动产 登记 抵押',
  '营商环境 执法检查',
  '政府采购',
  '用水报装',
  '12345',
  '帮办代办',
  '电子证照',
];

interface Query {
  text: string;
  kind: 'random' | 'department' | 'indicator' | 'number' | 'hand-written' | 'pasted';
}

/** Small deterministic PRNG (mulberry32), so every run samples the same queries. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function sampleQueries(distDir: string, truth: readonly GroundTruthPage[], { random = 200, seed = 20221 } = {}): Promise<Query[]> {
  const next = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const queries: Query[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: Query['kind']): void => {
    const key = normalizeForSearch(text);
    if (!key || seen.has(`${kind}:${key}`)) return;
    seen.add(`${kind}:${key}`);
    queries.push({ text, kind });
  };
  const blocks = truth.flatMap((page) => page.blocks).filter((block) => block.length >= 2);
  let attempts = 0;
  while (queries.filter((query) => query.kind === 'random').length < random && attempts < random * 20) {
    attempts += 1;
    const block = pick(blocks);
    const length = 2 + Math.floor(next() * 7);
    if (block.length < length) continue;
    const start = Math.floor(next() * (block.length - length + 1));
    const text = block.slice(start, start + length);
    // Queries people type contain at least one Chinese character, letter or digit, and no
    // leading or trailing space (which normalisation would drop anyway).
    if (!/[\p{L}\p{N}]/u.test(text) || text !== text.trim()) continue;
    add(text, 'random');
  }
  const pages = await extractSite(distDir);
  const filterValues = (key: string): string[] => [...new Set(pages.flatMap((page) => page.filters[key] ?? []))].sort();
  for (const name of filterValues('部门').slice(0, 60)) add(name, 'department');
  for (const name of filterValues('指标')) add(name, 'indicator');
  const numbers = new Set<string>();
  for (const block of blocks) {
    for (const match of block.matchAll(/\d+(?:\.\d+)?(?:个工作日|个小时|小时|个月|工作日|天|%|万元|亿元|项|次|家|户|个)/g)) numbers.add(match[0]);
  }
  const numberList = [...numbers].sort();
  for (let i = 0; i < Math.min(40, numberList.length); i += 1) add(pick(numberList), 'number');
  for (const text of HAND_WRITTEN_QUERIES) add(text, 'hand-written');
  // Clauses pasted from a PDF: a sentence with a line break and a stray space in it.
  const long = blocks.filter((block) => block.length > 40 && !/["“”「」『』]/.test(block));
  for (let i = 0; i < 10 && long.length > 0; i += 1) {
    const block = pick(long);
    const start = Math.floor(next() * (block.length - 30));
    const clause = block.slice(start, start + 24);
    add(`${clause.slice(0, 9)}\n${clause.slice(9, 16)} ${clause.slice(16)}`, 'pasted');
  }
  return queries;
}

interface QueryMeasure {
  query: Query;
  relevant: number;
  returned: number;
  hits: number;
  hitsInTopR: number;
  warmFirstMs: number | null;
}

interface EngineSummary {
  engine: string;
  queries: number;
  answerable: number;
  recall: number;
  precision: number;
  rPrecision: number;
  zeroResultRate: number;
  perfectRecallShare: number;
  warmMedianMs: number;
  warmP95Ms: number;
  coldMedianMs: number;
  coldP95Ms: number;
  coldSearchMedianMs: number;
  coldSearchP95Ms: number;
  coldBytesMedian: number;
  byKind: Record<string, { queries: number; recall: number; rPrecision: number }>;
}

/** The nearest-rank quantile (NaN for no values); bench/search-cold.ts uses it too. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}
const mean = (values: readonly number[]): number => (values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length);

function measure(query: Query, relevant: Set<string>, result: PageSearchResult): QueryMeasure {
  const urls = [...new Set(result.urls)];
  const hits = urls.filter((url) => relevant.has(url)).length;
  const hitsInTopR = urls.slice(0, relevant.size).filter((url) => relevant.has(url)).length;
  return { query, relevant: relevant.size, returned: urls.length, hits, hitsInTopR, warmFirstMs: result.firstResultMs };
}

function summarise(engine: string, measures: readonly QueryMeasure[], cold: readonly ColdMeasure[]): EngineSummary {
  const answerable = measures.filter((m) => m.relevant > 0);
  const withResults = measures.filter((m) => m.returned > 0);
  const kinds = [...new Set(measures.map((m) => m.query.kind))];
  const warm = measures.map((m) => m.warmFirstMs).filter((ms): ms is number => ms !== null);
  return {
    engine,
    queries: measures.length,
    answerable: answerable.length,
    recall: mean(answerable.map((m) => m.hits / m.relevant)),
    precision: mean(withResults.map((m) => m.hits / m.returned)),
    rPrecision: mean(answerable.map((m) => m.hitsInTopR / m.relevant)),
    zeroResultRate: answerable.filter((m) => m.returned === 0).length / Math.max(1, answerable.length),
    perfectRecallShare: answerable.filter((m) => m.hits === m.relevant).length / Math.max(1, answerable.length),
    warmMedianMs: quantile(warm, 0.5),
    warmP95Ms: quantile(warm, 0.95),
    coldMedianMs: quantile(cold.map((c) => c.ms), 0.5),
    coldP95Ms: quantile(cold.map((c) => c.ms), 0.95),
    coldSearchMedianMs: quantile(cold.map((c) => c.searchMs), 0.5),
    coldSearchP95Ms: quantile(cold.map((c) => c.searchMs), 0.95),
    coldBytesMedian: quantile(cold.map((c) => c.bytes), 0.5),
    byKind: Object.fromEntries(
      kinds.map((kind) => {
        const ofKind = answerable.filter((m) => m.query.kind === kind);
        return [kind, { queries: ofKind.length, recall: mean(ofKind.map((m) => m.hits / m.relevant)), rPrecision: mean(ofKind.map((m) => m.hitsInTopR / m.relevant)) }];
      }),
    ),
  };
}

/** Cold: a fresh browser context (empty cache) loading the search page with the query in its URL. */
interface ColdMeasure {
  /** Navigation start → first result on screen. */
  ms: number;
  /** Page script running (the head script may have loaded the index already) → first result on screen. */
  searchMs: number;
  bytes: number;
}

async function coldRun(browser: Browser, siteUrl: string, base: string, query: string, engine: 'exact' | 'pagefind'): Promise<ColdMeasure> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let bytes = 0;
    page.on('requestfinished', (request) => {
      void request.sizes().then((sizes) => {
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      }, () => undefined);
    });
    await searchByUrl(page, siteUrl, base, query, { engine });
    // From navigation start: page load, index download and the search itself.
    const ms = await page.evaluate(() => performance.getEntriesByName('kb-first-result')[0]?.startTime ?? Number.NaN);
    // From the page script starting: whatever of the index load the head's boot script has not
    // finished yet, then engine preparation, search and render.
    const searchMs = await page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-kb-search]')?.dataset.firstResultMs ?? Number.NaN));
    return { ms, searchMs, bytes };
  } finally {
    await context.close();
  }
}

async function warmRuns(page: Page, siteUrl: string, base: string, queries: readonly Query[], truth: readonly GroundTruthPage[], engine: 'exact' | 'pagefind'): Promise<QueryMeasure[]> {
  const measures: QueryMeasure[] = [];
  await page.goto(`${siteUrl}search/${engine === 'pagefind' ? '?engine=pagefind' : ''}`);
  // Warm up: the index is loaded once, as after a reader's first search.
  await searchByTyping(page, base, '营商环境', { related: engine === 'exact' });
  for (const query of queries) {
    const relevant = pagesContaining(truth, query.text);
    const result = await searchByTyping(page, base, query.text, { related: engine === 'exact' });
    measures.push(measure(query, relevant, result));
  }
  return measures;
}

async function directorySize(dir: string): Promise<{ files: number; bytes: number; gzipBytes: number }> {
  let files = 0;
  let bytes = 0;
  let gzipBytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const content = await readFile(path.join(entry.parentPath, entry.name));
    files += 1;
    bytes += content.length;
    // Pagefind's index and fragments are already gzipped.
    gzipBytes += /\.pf_|\.pagefind$/.test(entry.name) ? content.length : gzipSync(content).length;
  }
  return { files, bytes, gzipBytes };
}

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const fixed = (value: number, digits = 3): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '–');

export async function runSearchBenchmark(): Promise<string> {
  const base = arg('base') ?? '/';
  // A private copy: the shared build cache may be pruned or rebuilt while the benchmark runs.
  const sourceDist = arg('dist') ? path.resolve(arg('dist') as string) : (await buildSite({ base })).distDir;
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'kb-search-bench-'));
  const distDir = path.join(workDir, 'dist');
  await cp(sourceDist, distDir, { recursive: true });
  try {
    return await benchmarkSite(distDir, base);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function benchmarkSite(distDir: string, base: string): Promise<string> {
  const randomCount = Number(arg('random') ?? 200);
  const coldCount = Number(arg('cold') ?? 40);
  const seed = Number(arg('seed') ?? 20221);

  const truth = await readGroundTruth(distDir);
  const queries = await sampleQueries(distDir, truth, { random: randomCount, seed });
  const exactIndex = await readFile(path.join(distDir, EXACT_INDEX_PATH));
  const pagefindSize = await directorySize(path.join(distDir, 'pagefind'));
  const server = await serveSite(distDir, base);
  const browser = await launchChromium();
  if (!browser) throw new Error('bench:search needs Debian chromium: apt-get install -y chromium fonts-noto-cjk');
  const summaries: EngineSummary[] = [];
  const failures: string[] = [];
  try {
    const warm = new Map<'exact' | 'pagefind', QueryMeasure[]>();
    for (const engine of ['exact', 'pagefind'] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('pageerror', (error) => failures.push(`${engine}: ${error.message}`));
      const started = performance.now();
      warm.set(engine, await warmRuns(page, server.url, base, queries, truth, engine));
      await context.close();
      console.log(`${engine}: ${queries.length} queries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    // Cold loads alternate between the two engines, query by query (and which goes first), so
    // both meet the same machine: on a shared 2-core machine the noise moves by the minute.
    const next = prng(seed + 1);
    const coldQueries = Array.from({ length: Math.min(coldCount, queries.length) }, () => queries[Math.floor(next() * queries.length)] as Query);
    const cold = new Map<'exact' | 'pagefind', ColdMeasure[]>([['exact', []], ['pagefind', []]]);
    for (const [i, query] of coldQueries.entries()) {
      for (const engine of i % 2 === 0 ? (['exact', 'pagefind'] as const) : (['pagefind', 'exact'] as const)) {
        cold.get(engine)?.push(await coldRun(browser, server.url, base, query.text, engine));
      }
    }
    for (const engine of ['exact', 'pagefind'] as const) {
      const measures = warm.get(engine) ?? [];
      summaries.push(summarise(engine === 'exact' ? 'ours (exact layer + Pagefind)' : 'plain Pagefind', measures, cold.get(engine) ?? []));
      const missed = measures.filter((m) => m.relevant > 0 && m.hits < m.relevant);
      if (engine === 'exact') for (const m of missed) failures.push(`missed: ${JSON.stringify(m.query.text)} found ${m.hits}/${m.relevant}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const [ours, plain] = summaries as [EngineSummary, EngineSummary];
  const row = (label: string, pick: (s: EngineSummary) => string): string => `| ${label} | ${pick(ours)} | ${pick(plain)} |`;
  const kinds = Object.keys(ours.byKind);
  const met = (ok: boolean): string => (ok ? 'met' : '**NOT met**');
  const report = [
    '# Search benchmark',
    '',
    `Run: ${new Date().toISOString()} — \`npm run bench:search${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${process.platform}/${process.arch}, headless Debian Chromium, site served on 127.0.0.1 with gzip (scripts/serve.ts).`,
    '',
    `Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')} (1/5/15 min) at the end of the run — timings scale with it; other builds and tests shared the machine.`,
    '',
    `Site: ${truth.length} searchable pages, base \`${base}\`. Queries: ${queries.length} (${kinds.map((kind) => `${queries.filter((q) => q.kind === kind).length} ${kind}`).join(', ')}), seed ${seed}; ${ours.answerable} have at least one containing page. Ground truth: pages whose visible text contains the normalised query within one block.`,
    '',
    '| metric | ours (exact layer + Pagefind) | plain Pagefind |',
    '|---|---|---|',
    row('recall (mean over answerable queries)', (s) => fixed(s.recall)),
    row('queries with every containing page found', (s) => fixed(s.perfectRecallShare)),
    row('precision (mean over queries with results)', (s) => fixed(s.precision)),
    row('R-precision', (s) => fixed(s.rPrecision)),
    row('zero-result rate (answerable queries)', (s) => fixed(s.zeroResultRate)),
    row('warm: time to first result, median', (s) => ms(s.warmMedianMs)),
    row('warm: time to first result, p95', (s) => ms(s.warmP95Ms)),
    row(`cold (${coldCount} fresh loads): first result from navigation, median`, (s) => ms(s.coldMedianMs)),
    row('cold: first result from navigation, p95', (s) => ms(s.coldP95Ms)),
    row('cold: first result from the page script starting (the head script fetches and parses the index meanwhile), median', (s) => ms(s.coldSearchMedianMs)),
    row('cold: first result from the page script starting, p95', (s) => ms(s.coldSearchP95Ms)),
    row('cold: bytes transferred for page + search, median', (s) => kb(s.coldBytesMedian)),
    '',
    'By query kind (recall / R-precision):',
    '',
    '| kind | queries | ours | plain Pagefind |',
    '|---|---|---|---|',
    ...kinds.map((kind) => `| ${kind} | ${ours.byKind[kind]?.queries ?? 0} | ${fixed(ours.byKind[kind]?.recall ?? Number.NaN, 2)} / ${fixed(ours.byKind[kind]?.rPrecision ?? Number.NaN, 2)} | ${fixed(plain.byKind[kind]?.recall ?? Number.NaN, 2)} / ${fixed(plain.byKind[kind]?.rPrecision ?? Number.NaN, 2)} |`),
    '',
    `Index sizes: exact-index.json ${kb(exactIndex.length)} (${kb(gzipSync(exactIndex).length)} gzipped); Pagefind bundle ${pagefindSize.files} files, ${kb(pagefindSize.bytes)} (${kb(pagefindSize.gzipBytes)} as served).`,
    '',
    `Targets: recall ${targets.recall.toFixed(2)} — ${met(ours.recall >= targets.recall)}; R-precision ≥ ${targets.rPrecision} — ${met(ours.rPrecision >= targets.rPrecision)}; warm median < ${targets.warmMedianMs} ms — ${met(ours.warmMedianMs < targets.warmMedianMs)}; cold < ${targets.coldMs} ms (median) — ${met(ours.coldMedianMs < targets.coldMs)}.`,
    '',
    ...(failures.length > 0 ? ['Problems seen:', '', ...failures.slice(0, 30).map((failure) => `- ${failure}`), ''] : []),
  ].join('\n');
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${report}\n`);
  await updateBenchmarksSection('search', report.replace(/^#/gm, '##'));
  return report;
}

if (import.meta.main) {
  runSearchBenchmark().then(
    (report) => {
      console.log(report);
      console.log(`\nWritten to ${path.relative(process.cwd(), resultsFile)} and BENCHMARKS.md`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
