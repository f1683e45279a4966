/**
 * The search page in headless Chromium over the built site, served as a static host would
 * serve it: queries plain Pagefind gets wrong return every page containing them, exact matches
 * first; filters narrow and live in the URL; an IME composition never searches or navigates;
 * result links land on the passage with the phrase highlighted; all of it under BASE_PATH=/kb/.
 *
 * Set KB_SEARCH_TEST_DIST=<built and indexed dist> (and KB_SEARCH_TEST_BASE) to run against an
 * existing build instead of building the site.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { serveSite } from '../support/serve-site.ts';
import { searchBootScript } from '../../src/scripts/search/boot-script.ts';
import { EXACT_INDEX_PATH } from '../../src/scripts/search/index-format.ts';
import { scriptHash } from '../../src/utils/csp.ts';
import { type GroundTruthPage, pagesContaining, readGroundTruth, readResults, searchByUrl, waitForSearch } from './harness.ts';

const browserTests = chromiumAvailable();

// Vitest puts Vite's BASE_URL ('/') into process.env; a site build spawned from here inherits it
// and Astro then takes it over the configured base, so a BASE_PATH=/kb/ build links to '/'.
delete process.env.BASE_URL;

async function builtSite(base: string): Promise<{ distDir: string; base: string }> {
  const prebuilt = process.env.KB_SEARCH_TEST_DIST;
  if (prebuilt && (process.env.KB_SEARCH_TEST_BASE ?? '/') === base) return { distDir: prebuilt, base };
  return buildSite({ base });
}

/** A passage of the site as a reader would paste it: a clause with a line break and spaces in it. */
function pastedClause(truth: readonly GroundTruthPage[]): { pasted: string; phrase: string } {
  // A clause without quote marks (a quote after a space would open a quoted phrase).
  const phrase = truth
    .flatMap((page) => page.blocks)
    .map((text) => text.slice(5, 35))
    .find((text) => text.length === 30 && (text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) > 20 && !/["“”「」『』]/.test(text));
  if (!phrase) throw new Error('the built site has no paragraph long enough to paste from');
  return { pasted: `${phrase.slice(0, 12)}\n${phrase.slice(12, 20)} ${phrase.slice(20)}`, phrase };
}

function expectExactFirst(result: { urls: string[]; tiers: string[] }, expected: Set<string>, query: string): void {
  const exact = result.urls.filter((_, i) => result.tiers[i] === 'exact');
  expect(new Set(exact), `exact matches for ${query}`).toEqual(expected);
  const firstOther = result.tiers.findIndex((tier) => tier !== 'exact');
  const lastExact = result.tiers.lastIndexOf('exact');
  if (firstOther >= 0) expect(lastExact, `an exact match ranks below another result for ${query}`).toBeLessThan(firstOther);
}

describe.skipIf(!browserTests)('search page in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  let truth: GroundTruthPage[];
  let base: string;
  let distDir: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ distDir, base } = await builtSite('/'));
    truth = await readGroundTruth(distDir);
    server = await serveSite(distDir, base);
    browser = (await launchChromium()) as Browser;
    context = await browser.newContext();
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /script-src|search|pagefind/i.test(message.text())) pageErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Runs `use` on a page of a fresh browser context: an empty cache, as on a first visit. */
  async function withColdPage(use: (cold: Page) => Promise<void>): Promise<void> {
    const fresh = await browser.newContext();
    try {
      await use(await fresh.newPage());
    } finally {
      await fresh.close();
    }
  }

  for (const query of ['"营商环境"', '“营商环境”', '营商环境', '商环', '境优', '0.5个工作日', '０.５个工作日', '市场监管局', '交房即交证', '牵头单位']) {
    it(`returns every page containing ${query}, exact matches first`, async () => {
      const expected = pagesContaining(truth, query);
      const result = await searchByUrl(page, server.url, base, query, { related: true });
      expectExactFirst(result, expected, query);
      if (expected.size > 0) expect(result.tiers[0]).toBe('exact');
    });
  }

  it('finds a clause pasted with a line break and spaces in it', async () => {
    const { pasted, phrase } = pastedClause(truth);
    const expected = pagesContaining(truth, phrase);
    expect(expected.size).toBeGreaterThan(0);
    const result = await searchByUrl(page, server.url, base, pasted);
    expectExactFirst(result, expected, pasted);
  });

  it('shows title, task or section, a highlighted excerpt and the 精确匹配 label for each exact match', async () => {
    await searchByUrl(page, server.url, base, '一网通办');
    const first = page.locator('.kb-result').first();
    await expect(first.locator('[data-testid="search-result"]').textContent()).resolves.toMatch(/\S/);
    await expect(first.locator('.kb-badge').textContent()).resolves.toBe('精确匹配');
    await expect(first.locator('.kb-excerpt mark').first().textContent()).resolves.toBe('一网通办');
    // Passages inside a task or section name it (the task number and title, or the heading).
    const places = await page.locator('.kb-result-where').allTextContents();
    expect(places.some((place) => /\S/.test(place))).toBe(true);
  });

  it('narrows results with a filter kept in the URL, and the back button restores them', async () => {
    const all = await searchByUrl(page, server.url, base, '营商环境');
    const select = page.locator('select[name="type"]');
    const values = await select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    expect(values.length).toBeGreaterThan(1);
    const counts = await select.locator('option').evaluateAll((options) => options.map((option) => option.textContent ?? ''));
    const value = values.find((candidate) => counts.some((label) => label.startsWith(`${candidate}（`) && !label.endsWith('（0）'))) ?? values[0]!;
    await select.selectOption(value);
    await waitForSearch(page, '营商环境');
    await page.waitForFunction((value) => new URL(location.href).searchParams.get('type') === value, value);
    const filtered = await readResults(page, base);
    expect(filtered.urls.length).toBeGreaterThan(0);
    expect(filtered.urls.length).toBeLessThan(all.urls.length);
    for (const url of filtered.urls) expect(all.urls).toContain(url);
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('type'));
    await waitForSearch(page, '营商环境');
    expect((await readResults(page, base)).urls).toEqual(all.urls);
  });

  it('does not search or navigate on any keystroke while a Chinese IME is composing, Enter included', async () => {
    await page.goto(`${server.url}search/`);
    await waitForSearch(page, '');
    const before = await page.evaluate(() => ({ url: location.href, count: document.querySelector<HTMLElement>('[data-kb-search]')?.dataset.searchCount }));
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#kb-search-q')!;
      input.focus();
      input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
      input.value = 'yingshang';
      input.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: 'yingshang' }));
      input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: 'yingshang', inputType: 'insertCompositionText' }));
      input.value = '营商';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: '营商', inputType: 'insertCompositionText' }));
      // The Enter that confirms the conversion.
      input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', code: 'Enter', keyCode: 13, isComposing: true }));
    });
    await page.waitForTimeout(600);
    const during = await page.evaluate(() => ({ url: location.href, count: document.querySelector<HTMLElement>('[data-kb-search]')?.dataset.searchCount }));
    expect(during).toEqual(before);
    // Safari reports the confirming Enter after compositionend, with keyCode 229.
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#kb-search-q')!;
      input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '营商' }));
      input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', code: 'Enter', keyCode: 229, isComposing: false }));
    });
    // Once composition has ended, the text is searched (the control that proves the test can fail).
    await waitForSearch(page, '营商');
    expect(new URL(page.url()).searchParams.get('q')).toBe('营商');
    const after = await readResults(page, base);
    expect(after.urls.length).toBe(pagesContaining(truth, '营商').size > 0 ? after.urls.length : 0);
    expect(after.tiers[0]).toBe('exact');
  });

  it('searches on Enter when no IME is composing', async () => {
    await page.goto(`${server.url}search/`);
    await waitForSearch(page, '');
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#kb-search-q')!;
      input.value = '一网通办';
      input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', code: 'Enter', keyCode: 13 }));
    });
    await waitForSearch(page, '一网通办');
    expect(new URL(page.url()).searchParams.get('q')).toBe('一网通办');
  });

  it('opens a result on its passage with the phrase highlighted', async () => {
    await searchByUrl(page, server.url, base, '一网 通办');
    const link = page.locator('[data-testid="search-result"]').first();
    const href = await link.getAttribute('href');
    expect(href).toContain('highlight=');
    await link.click();
    await page.waitForFunction(() => Number(document.documentElement.dataset.kbHighlights ?? 0) > 0);
    const marked = await page.locator('mark.kb-highlight').first().textContent();
    expect(marked?.replace(/\s/g, '')).toBe('一网通办');
  });

  it('shows a plain GET search box in the header of content pages', async () => {
    const plan = truth.find((candidate) => candidate.url.startsWith('plans/'));
    await page.goto(`${server.url}${plan?.url ?? ''}`);
    const form = page.locator('form.kb-search-box');
    await expect(form.getAttribute('action')).resolves.toBe(`${base}search/`);
    await expect(form.getAttribute('method')).resolves.toBe('get');
    // Focusing the box starts fetching the search index, so the search page finds it cached.
    const prefetch = page.waitForRequest(/search\/exact-index\.json$/);
    await form.locator('input[name="q"]').focus();
    await prefetch;
    await form.locator('input[name="q"]').fill('营商环境');
    await form.locator('button').click();
    await page.waitForURL(/\/search\/\?q=/);
    await waitForSearch(page, '营商环境');
  });

  it('keeps the header search box from submitting on the Enter that confirms an IME conversion', async () => {
    const plan = truth.find((candidate) => candidate.url.startsWith('plans/'));
    const start = `${server.url}${plan?.url ?? ''}`;
    await page.goto(start);
    // The browser submits a form implicitly on Enter; requestSubmit() stands in for that default action.
    const submitted = await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('form.kb-search-box')!;
      const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
      input.value = '营商';
      let count = 0;
      form.addEventListener('submit', (event) => {
        if (!event.defaultPrevented) count += 1;
        event.preventDefault();
      });
      input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter', keyCode: 229, isComposing: true }));
      form.requestSubmit();
      input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '营商' }));
      // Safari: the confirming Enter after compositionend.
      input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter', keyCode: 229, isComposing: false }));
      form.requestSubmit();
      input.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'Enter' }));
      const duringComposition = count;
      // A plain Enter submits.
      input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter', keyCode: 13 }));
      form.requestSubmit();
      return { duringComposition, afterwards: count - duringComposition };
    });
    expect(submitted).toEqual({ duringComposition: 0, afterwards: 1 });
  });

  it('says that search needs JavaScript, and offers the directories, when scripts are off', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${server.url}search/?q=营商环境`);
      await expect(plain.locator('[data-kb-nojs]').isVisible()).resolves.toBe(true);
      await expect(plain.locator('[data-kb-nojs]').textContent()).resolves.toContain('搜索需要启用 JavaScript');
      await expect(plain.locator(`[data-kb-nojs] a[href="${base}departments/"]`).count()).resolves.toBe(1);
    } finally {
      await noScript.close();
    }
  });

  it('loads its code as external modules; its one inline script, the boot script, is hashed in the CSP', async () => {
    const html = await readFile(path.join(distDir, 'search/index.html'), 'utf8');
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => !/\bsrc=/.test(attributes ?? ''));
    const ours = inline.map(([, , body]) => body ?? '').filter((body) => /kb-search|highlight|exact-index|kbSearch/.test(body));
    const boot = searchBootScript(`${base}${EXACT_INDEX_PATH}`);
    expect(ours).toEqual([boot]);
    // The header policy governs it (the build hashes every inline script of the built pages) …
    const headers = await readFile(path.join(distDir, '_headers'), 'utf8');
    expect(headers).toContain(`'${scriptHash(boot)}'`);
    // … and Astro's <meta> policy, which comes later in the head, lists it too (astro.config.mjs).
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
    expect(policy).toContain(`'${scriptHash(boot)}'`);
    expect(html).toMatch(/<script type="module" src="[^"]+\.js"><\/script>/);
  });

  it('asks the server again, past the cache, when it gets an index of another version', async () => {
    await withColdPage(async (cold) => {
      const served: string[] = [];
      await cold.route(`**/${EXACT_INDEX_PATH}`, async (route) => {
        // The first answer is a stale copy, as a host's cache may give after a redeploy.
        if (served.push(route.request().url()) === 1) await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ version: 1, pages: [], texts: [] }) });
        else await route.continue();
      });
      const result = await searchByUrl(cold, server.url, base, '单一窗口');
      expect(served).toHaveLength(2);
      expect(new Set(result.urls)).toEqual(pagesContaining(truth, '单一窗口'));
    });
  });

  it('fills the filter menus even when the query is cleared before the index has loaded', async () => {
    await withColdPage(async (cold) => {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await cold.route(`**/${EXACT_INDEX_PATH}`, async (route) => {
        await held;
        await route.continue();
      });
      await cold.goto(`${server.url}search/?q=${encodeURIComponent('营商环境')}`);
      await cold.fill('#kb-search-q', '');
      await cold.press('#kb-search-q', 'Enter');
      release();
      await cold.waitForFunction(() => (document.querySelector<HTMLSelectElement>('select[name="dept"]')?.options.length ?? 0) > 1, null, { timeout: 10_000 });
      const index = JSON.parse(await readFile(path.join(distDir, EXACT_INDEX_PATH), 'utf8')) as { filterValues: Record<string, string[]> };
      const options = await cold.locator('select[name="dept"] option').allTextContents();
      expect(options).toEqual(['全部', ...(index.filterValues['部门'] ?? [])]);
    });
  });

  it('leaves the exact-match index alone in the plain-Pagefind comparison mode', async () => {
    await withColdPage(async (cold) => {
      const indexRequests: string[] = [];
      cold.on('request', (request) => {
        if (request.url().includes(EXACT_INDEX_PATH)) indexRequests.push(request.url());
      });
      const result = await searchByUrl(cold, server.url, base, '单一窗口', { engine: 'pagefind' });
      expect(result.urls.length).toBeGreaterThan(0);
      expect(indexRequests).toEqual([]);
    });
  });

  it('downloads the index once, in the head, and the page script takes it over from there', async () => {
    await withColdPage(async (cold) => {
      const indexRequests: string[] = [];
      cold.on('request', (request) => {
        if (request.url().includes(EXACT_INDEX_PATH)) indexRequests.push(request.url());
      });
      const result = await searchByUrl(cold, server.url, base, '单一窗口');
      expect(result.urls.length).toBeGreaterThan(0);
      expect(indexRequests).toEqual([`${server.url}${EXACT_INDEX_PATH}`]);
      // The boot script's promise is what the page used: it holds the same index the engine searched.
      const pages = await cold.evaluate(async () => ((await (window as { kbSearchIndex?: Promise<{ pages: unknown[] }> }).kbSearchIndex)?.pages.length ?? 0));
      expect(pages).toBe(truth.length);
    });
  });

  it('raised no JavaScript error', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe.skipIf(!browserTests)('search page under BASE_PATH=/kb/', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let truth: GroundTruthPage[];
  let base: string;

  beforeAll(async () => {
    const site = await builtSite('/kb/');
    base = site.base;
    truth = await readGroundTruth(site.distDir);
    server = await serveSite(site.distDir, base);
    browser = (await launchChromium()) as Browser;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds exact matches, links them under /kb/ and lands on the highlighted passage', async () => {
    expect(server.url.endsWith('/kb/')).toBe(true);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const result = await searchByUrl(page, server.url, base, '市场监管局', { related: true });
    expectExactFirst(result, pagesContaining(truth, '市场监管局'), '市场监管局');
    const hrefs = await page.locator('[data-testid="search-result"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith('/kb/')).toBe(true);
    await page.locator('[data-testid="search-result"]').first().click();
    await page.waitForFunction(() => Number(document.documentElement.dataset.kbHighlights ?? 0) > 0);
    await expect(page.locator('form.kb-search-box').getAttribute('action')).resolves.toBe('/kb/search/');
    expect(errors).toEqual([]);
  });

  it('loads Pagefind from /kb/pagefind/ and links its results under /kb/', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const result = await searchByUrl(page, server.url, base, '一网通办', { engine: 'pagefind' });
    expect(result.urls.length).toBeGreaterThan(0);
    const hrefs = await page.locator('[data-testid="search-result"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href.startsWith('/kb/')).toBe(true);
    expect(errors).toEqual([]);
  });
});
