/**
 * Hostile text cannot execute. The fixture corpus in tests/hostile/content/ adds two documents
 * exactly as a maintainer would (a text file + a manifest entry): a report and a plan package whose
 * titles, headings, paragraphs, tasks, deadlines and table cells are full of `{…}` expressions,
 * `<script>`, event-handler attributes, import/export lines, JSX-like tags, HTML fragments and
 * entities, backticks, `$`, Markdown syntax and unusual Unicode. The real pipeline builds it
 * (ingest → generate → astro build → open data → search index) in a private project copy; then:
 * the generated MDX holds no code derived from the sources, and in Chromium every hostile string
 * shows literally, on its page and in search results, while nothing runs.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import type { Browser, Page } from 'playwright-core';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelSchema, type Model } from '../../src/schemas/index.ts';
import { PAGE_COMPONENTS } from '../../scripts/generate/mdx.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { serveSite } from '../support/serve-site.ts';
import { HOSTILE_PLAN_FRAGMENTS, HOSTILE_REPORT_FRAGMENTS } from './hostile-strings.ts';
import { buildCorpusSite, type CorpusSite } from './support/corpus-site.ts';

const hostileContent = path.join(import.meta.dirname, 'content');

const REPORT_ID = 'cs-2022-hostile-report';
/** Editorial text from the manifest (a flag's note) and the registry (a department's note). */
const FLAG_NOTE = '疑为<img src=x onerror=alert(12)>与{flag}之误（原文照录）。';
const DEPARTMENT_NOTE = '备注<svg onload=alert(13)>与{dept}照录。';
const REPORT_TITLE = '关于<script>alert(1)</script>与{alert(2)}等字样的测试汇报';
const SPECIAL_PLAN_TITLE = '测试市开办企业<script>alert(8)</script>专项行动方案';

let site: CorpusSite;
let model: Model;

beforeAll(async () => {
  site = await buildCorpusSite(hostileContent);
  model = ModelSchema.parse(JSON.parse(await readFile(path.join(site.generatedDir, 'model.json'), 'utf8')));
});

describe('the hostile fixture corpus goes through the pipeline', () => {
  it('is ingested whole: three documents, three tasks, the table, and lossless 100 %', () => {
    expect(model.documents.map((d) => d.id).sort()).toEqual(['cs-2022-hostile-plans-a01', 'cs-2022-hostile-plans-a02', REPORT_ID]);
    expect(model.tasks).toHaveLength(3);
    expect(model.tables).toHaveLength(1);
    expect(site.log).toMatch(/lossless\s+100 %/);
  });

  it('keeps every hostile fragment, character for character, in the model', () => {
    const everything = JSON.stringify(model);
    for (const fragment of [...HOSTILE_REPORT_FRAGMENTS, ...Object.values(HOSTILE_PLAN_FRAGMENTS).flat()]) {
      expect(everything, fragment).toContain(JSON.stringify(fragment).slice(1, -1));
    }
  });
});

/** Every generated MDX page of the corpus, by document id. */
async function generatedPages(): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const folder of ['plans', 'reports']) {
    const dir = path.join(site.docsDir, folder);
    for (const name of await readdir(dir)) if (name.endsWith('.mdx')) pages.set(name.slice(0, -4), await readFile(path.join(dir, name), 'utf8'));
  }
  return pages;
}

/** The YAML frontmatter and the MDX body of a page. */
function splitFrontmatter(mdx: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  if (!match) throw new Error('generated page without frontmatter');
  return { frontmatter: parseYaml(match[1]!) as Record<string, unknown>, body: mdx.slice(match[0].length) };
}

const mdxParser = unified().use(remarkParse).use(remarkMdx);

/** Calls `visitor` on every node of a tree, depth first. */
function visit(node: Nodes, visitor: (node: Nodes) => void): void {
  visitor(node);
  if ('children' in node) for (const child of node.children) visit(child, visitor);
}

describe('the generated MDX holds no code derived from the sources', () => {
  it('parses back (remark-mdx) into fixed component imports, fixed components with string attributes, and plain text', async () => {
    const pages = await generatedPages();
    expect([...pages.keys()].sort()).toEqual(model.documents.map((d) => d.id).sort());
    const allowedImports = new Set(
      Object.entries(PAGE_COMPONENTS).map(([name, file]) => `import ${name} from '../../../components/doc/${file}';`),
    );
    for (const [id, mdx] of pages) {
      const tree = mdxParser.parse(splitFrontmatter(mdx).body) as Root;
      const found: string[] = [];
      visit(tree, (node) => {
        switch (node.type) {
          case 'root':
          case 'paragraph':
          case 'text':
            return;
          case 'mdxjsEsm':
            if (!allowedImports.has(node.value)) found.push(`ESM: ${node.value}`);
            return;
          case 'mdxJsxFlowElement':
          case 'mdxJsxTextElement':
            if (node.type === 'mdxJsxTextElement' || !(node.name! in PAGE_COMPONENTS)) found.push(`JSX element <${node.name}>`);
            for (const attribute of node.attributes) {
              if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') found.push(`JSX attribute expression on <${node.name}>`);
            }
            return;
          default:
            // Expressions, html, emphasis, links, code, headings, lists, quotes, tables, breaks …
            found.push(`${node.type} node`);
        }
      });
      expect(found, `${id}.mdx`).toEqual([]);
    }
  });

  it('carries each paragraph of the report as text nodes equal to the source text', async () => {
    const mdx = (await generatedPages()).get(REPORT_ID)!;
    const tree = mdxParser.parse(splitFrontmatter(mdx).body) as Root;
    const texts: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'text') texts.push(node.value);
    });
    const report = model.documents.find((d) => d.id === REPORT_ID)!;
    for (const block of report.blocks) if (block.type === 'paragraph') expect(texts).toContain(block.text);
  });

  it('puts hostile titles into the frontmatter as YAML strings, unchanged', async () => {
    const pages = await generatedPages();
    expect(splitFrontmatter(pages.get(REPORT_ID)!).frontmatter['title']).toBe(REPORT_TITLE);
    expect(splitFrontmatter(pages.get('cs-2022-hostile-plans-a02')!).frontmatter['title']).toBe(SPECIAL_PLAN_TITLE);
  });
});

describe('the open data keeps hostile text inert', () => {
  it('writes hostile task text into tasks.csv exactly as printed (RFC 4180 quoting)', async () => {
    const rows = parseCsv(await readFile(path.join(site.distDir, 'data', 'tasks.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const task = rows.find((row) => row['id'] === 'cs-2022-hostile-plans-a01-t1')!;
    for (const fragment of HOSTILE_PLAN_FRAGMENTS['cs-2022-hostile-plans-a01'].slice(1, 4)) expect(task['text']).toContain(fragment);
  });

  // A cell that starts with = + - @ is a formula to Excel and LibreOffice (CSV injection, CWE-1236);
  // OWASP's mitigation is a leading ' in such cells (csv-stringify's `escape_formulas`).
  it('starts no tasks.csv cell with a formula character (= + - @), so spreadsheets run nothing', async () => {
    const rows = parseCsv(await readFile(path.join(site.distDir, 'data', 'tasks.csv'), 'utf8'), { bom: true }) as string[][];
    const formulas = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(formulas).toEqual([]);
  });
});

const browserTests = chromiumAvailable();

describe.skipIf(!browserTests)('hostile pages in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    server = await serveSite(site.distDir, site.base);
    browser = (await launchChromium())!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page with a canary, and records anything that would show code ran or was blocked. */
  async function visitPage(url: string): Promise<{ page: Page; incidents: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const incidents: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
      (window as unknown as { __violations: string[] }).__violations = [];
    });
    page.on('dialog', (dialog) => {
      incidents.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') incidents.push(`console error: ${message.text()}`);
    });
    page.on('request', (request) => {
      // What the hostile markup would load if it became markup: <img src=x>, the ESM import.
      const url = new URL(request.url());
      if (url.protocol === 'javascript:' || /\/(?:x|pwned\.js)$/.test(url.pathname)) incidents.push(`request: ${request.url()}`);
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    expect(response?.status(), url).toBe(200);
    return { page, incidents };
  }

  async function expectNothingRan(page: Page, incidents: string[]): Promise<void> {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(incidents).toEqual([]);
    // No element from the sources: no hostile tag became an element of the page.
    const injected = await page.evaluate(() =>
      [
        ...document.querySelectorAll('img[src="x"], svg[onload], iframe, foo, p > p, a[href^="javascript:"], [onerror], [onload], i, b'),
        ...[...document.querySelectorAll('script, style')].filter((element) => /alert|__pwned|display:none/.test(element.textContent ?? '')),
      ].map((element) => element.outerHTML.slice(0, 80)),
    );
    expect(injected).toEqual([]);
  }

  async function bodyText(page: Page): Promise<string> {
    return page.evaluate(() => document.querySelector('[data-pagefind-body]')?.textContent ?? '');
  }

  it('shows every hostile fragment of the report literally, and runs none of it', async () => {
    const { page, incidents } = await visitPage(`${server.url}reports/${REPORT_ID}/`);
    const text = await bodyText(page);
    for (const fragment of HOSTILE_REPORT_FRAGMENTS) expect(text, fragment).toContain(fragment);
    await expectNothingRan(page, incidents);
  });

  it('shows a hostile title literally in the heading, the window title and the page metadata', async () => {
    const { page, incidents } = await visitPage(`${server.url}reports/${REPORT_ID}/`);
    expect(await page.locator('h1').first().textContent()).toBe(REPORT_TITLE);
    expect(await page.title()).toContain(REPORT_TITLE);
    // Head entries (which Starlight prints with set:html) keep the title as text in their attributes.
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(REPORT_TITLE);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toContain(REPORT_TITLE);
    expect(await page.evaluate(() => document.head.querySelectorAll('script:not([src])').length)).toBe(
      await page.evaluate(() => [...document.head.querySelectorAll('script:not([src])')].filter((s) => !/alert|__pwned/.test(s.textContent ?? '')).length),
    );
    await expectNothingRan(page, incidents);
  });

  // A heading title is a JSX attribute value, where MDX decodes entities unless `&` is escaped.
  it('shows entity text in a heading literally (五、实体&amp;与&lt;特殊&gt;字符)', async () => {
    const { page, incidents } = await visitPage(`${server.url}reports/${REPORT_ID}/`);
    expect(await page.locator('h2#cs-2022-hostile-report-s5').textContent()).toBe('五、实体&amp;与&lt;特殊&gt;字符');
    await expectNothingRan(page, incidents);
  });

  it('shows a hostile editorial note from the manifest literally next to the flagged text', async () => {
    const { page, incidents } = await visitPage(`${server.url}reports/${REPORT_ID}/`);
    expect(await bodyText(page)).toContain(FLAG_NOTE);
    await expectNothingRan(page, incidents);
  });

  it('shows every hostile line on the raw source page literally', async () => {
    const { page, incidents } = await visitPage(`${server.url}sources/${REPORT_ID}/`);
    const text = await page.evaluate(() => document.querySelector('main')?.textContent ?? '');
    for (const fragment of HOSTILE_REPORT_FRAGMENTS) expect(text, fragment).toContain(fragment);
    await expectNothingRan(page, incidents);
  });

  it('shows hostile task text and a hostile registry note literally on the department page', async () => {
    const { page, incidents } = await visitPage(`${server.url}departments/cs-czj/`);
    const text = await page.evaluate(() => document.querySelector('main')?.textContent ?? '');
    expect(text).toContain(DEPARTMENT_NOTE);
    expect(text).toContain(HOSTILE_PLAN_FRAGMENTS['cs-2022-hostile-plans-a02'].find((f) => f.startsWith('=HYPERLINK'))!);
    await expectNothingRan(page, incidents);
  });

  for (const [documentId, fragments] of Object.entries(HOSTILE_PLAN_FRAGMENTS)) {
    it(`shows the hostile task, deadline and table text of ${documentId} literally, and runs none of it`, async () => {
      const { page, incidents } = await visitPage(`${server.url}plans/${documentId}/`);
      const text = await bodyText(page);
      for (const fragment of fragments) expect(text, fragment).toContain(fragment);
      await expectNothingRan(page, incidents);
    });
  }

  it('lists hostile titles literally in the sidebar', async () => {
    const { page, incidents } = await visitPage(server.url);
    const sidebar = await page.locator('nav.sidebar').textContent();
    expect(sidebar).toContain(`测试市发展和改革委员会：${REPORT_TITLE}`);
    await expectNothingRan(page, incidents);
  });

  const searches: [query: string, engine: 'exact' | 'pagefind'][] = [
    ['{alert(3)}', 'exact'],
    ['<script>alert(1)</script>', 'exact'],
    ['&lt;script&gt;', 'exact'],
    ["import pwned from './pwned.js'", 'exact'],
    ['3<script>alert(10)</script>天', 'exact'],
    ['<script>alert(1)</script>', 'pagefind'],
    ['<img src=x onerror=alert(1)>', 'pagefind'],
  ];
  for (const [query, engine] of searches) {
    it(`finds ${query} and shows it literally in the search results (${engine} engine)`, async () => {
      const params = new URLSearchParams({ q: query, ...(engine === 'pagefind' ? { engine } : {}) });
      const { page, incidents } = await visitPage(`${server.url}search/?${params}`);
      await page.waitForFunction(
        (query) => {
          const root = document.querySelector<HTMLElement>('[data-kb-search]');
          return root?.dataset.query === query && (root.dataset.state === 'done' || root.dataset.state === 'error');
        },
        query,
        { timeout: 20_000 },
      );
      const results = await page.evaluate(() => ({
        links: document.querySelectorAll('[data-testid="search-result"]').length,
        text: document.querySelector('[data-testid="search-results"]')?.textContent ?? '',
      }));
      expect(results.links, `results for ${query}`).toBeGreaterThan(0);
      expect(results.text).toContain(query);
      // The query itself is reflected into the page as text only.
      expect(await page.inputValue('#kb-search-q')).toBe(query);
      await expectNothingRan(page, incidents);
    });
  }

  // Known gap, narrowed: Pagefind escapes only < and > in its excerpts, so `&lt;` there may be a
  // printed < or a printed &lt;. The reader-facing search resolves each against the page's own text
  // (readPagefindExcerpt, unit-tested in src/scripts/search/pagefind-excerpt.test.ts). This mode,
  // engine=pagefind, is the benchmark's plain-Pagefind baseline: it loads no page text, so it reads
  // Pagefind's excerpt as Pagefind means it and shows printed entity text decoded. Nothing runs.
  it.fails('shows entity text such as &lt;script&gt; literally in Pagefind excerpts', async () => {
    const { page } = await visitPage(`${server.url}search/?${new URLSearchParams({ q: '照录', engine: 'pagefind' })}`);
    await page.waitForFunction(() => document.querySelectorAll('.kb-excerpt').length > 0, undefined, { timeout: 20_000 });
    const excerpts = await page.evaluate(() => [...document.querySelectorAll('.kb-excerpt')].map((e) => e.textContent ?? '').join('\n'));
    expect(excerpts).toContain('照录');
    expect(excerpts).toContain('&lt;script&gt;照录');
  });
});
