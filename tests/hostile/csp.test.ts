/**
 * The built site under the Content-Security-Policy and headers docs/security.md gives (their one
 * source: scripts/checks/headers.ts, written to dist/_headers by the build), served as a static host
 * serves it, in Chromium: one page of each kind and the search page with a query report no
 * `securitypolicyviolation` and no CSP console error, search works (both engines, Pagefind's being
 * WebAssembly), and the policy really bites: an inline script added at run time is blocked.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInlineHashes, headersFile, securityHeaders } from '../../scripts/checks/headers.ts';
import { findSitePages } from '../../scripts/checks/page-kinds.ts';
import { buildSite } from '../support/build-site.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { serveSite } from '../support/serve-site.ts';

// The root build, shared with the search end-to-end test (builds are cached by their inputs).
const BASE = '/';
const browserTests = chromiumAvailable();

let distDir: string;
let expectedHeaders: Record<string, string>;

beforeAll(async () => {
  ({ distDir } = await buildSite({ base: BASE }));
  expectedHeaders = securityHeaders(await collectInlineHashes(distDir));
});

describe('the headers a static host is told to send', () => {
  it('are written by the build to dist/_headers for every path under the base', async () => {
    expect(await readFile(path.join(distDir, '_headers'), 'utf8')).toBe(headersFile(BASE, expectedHeaders));
  });

  it('allow scripts only from the site itself, WebAssembly for Pagefind and hashed inline scripts: no unsafe-inline, no unsafe-eval', () => {
    const csp = expectedHeaders['Content-Security-Policy']!;
    const scriptSrc = /(?:^|; )script-src ([^;]+)/.exec(csp)![1]!.split(' ');
    expect(scriptSrc.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(scriptSrc.slice(2).every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source))).toBe(true);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/base-uri 'self'/);
  });
});

describe.skipIf(!browserTests)('every kind of page under the CSP in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    server = await serveSite(distDir, BASE);
    browser = (await launchChromium())!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page, recording CSP violations (as events and as console messages) and script errors. */
  async function open(sitePath: string): Promise<{ page: Page; problems: string[]; status: number | undefined; headers: Record<string, string> }> {
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`));
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const response = await page.goto(`${server.url}${sitePath}`, { waitUntil: 'networkidle' });
    return { page, problems, status: response?.status(), headers: (await response?.allHeaders()) ?? {} };
  }

  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

  /** Pages of every kind: those the site checks use, plus the kinds only this site has. */
  async function pagesToVisit(): Promise<string[]> {
    const kinds = (await findSitePages(distDir)).map((page) => page.path);
    const extra = [
      'plans/pds-2022-plans-a01/', // the overall plan
      'reports/sq-2022-rectification-summary/', // the summary table
      'reports/sq-2022-rectification-d02/', // a department report
      'reports/pds-bulletin-2021-63/', // a bulletin
      'sources/',
      'sources/pds-2022-plans/',
    ];
    return [...new Set([...kinds, ...extra])];
  }

  it('serves every page with the documented headers', async () => {
    const { headers } = await open('');
    for (const [name, value] of Object.entries(expectedHeaders)) expect(headers[name.toLowerCase()], name).toBe(value);
  });

  it('loads one page of each kind with no CSP violation and no console error', async () => {
    const visited: string[] = [];
    for (const sitePath of await pagesToVisit()) {
      const { page, problems, status } = await open(sitePath);
      expect(status, sitePath).toBe(200);
      // Let deferred scripts (theme, sidebar, copy links) run.
      await page.waitForLoadState('load');
      expect({ sitePath, violations: await violations(page), problems }).toEqual({ sitePath, violations: [], problems: [] });
      await page.context().close();
      visited.push(sitePath);
    }
    expect(visited.length).toBeGreaterThanOrEqual(12);
  }, 240_000);

  it('shows the 404 page under the CSP too', async () => {
    const { page, problems, status } = await open('no-such-page/');
    expect(status).toBe(404);
    expect(await violations(page)).toEqual([]);
    expect(problems.filter((p) => !/404/.test(p))).toEqual([]);
  });

  for (const engine of ['exact', 'pagefind'] as const) {
    it(`finds 营商环境 on the search page under the CSP (${engine} engine, no violation)`, async () => {
      const params = new URLSearchParams({ q: '营商环境', ...(engine === 'pagefind' ? { engine } : {}) });
      const { page, problems } = await open(`search/?${params}`);
      await page.waitForFunction(() => {
        const root = document.querySelector<HTMLElement>('[data-kb-search]');
        return root?.dataset.query === '营商环境' && (root.dataset.state === 'done' || root.dataset.state === 'error');
      }, undefined, { timeout: 20_000 });
      expect(await page.evaluate(() => document.querySelector<HTMLElement>('[data-kb-search]')!.dataset.state)).toBe('done');
      expect(await page.locator('[data-testid="search-result"]').count()).toBeGreaterThan(0);
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  it('blocks an inline script added at run time (the policy is in force, not only present)', async () => {
    const { page } = await open('plans/pds-2022-plans-a04/');
    // page.evaluate itself runs through the DevTools protocol, which CSP does not govern; the
    // <script> element it adds is page content, which CSP does.
    const pwned = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = true';
      document.body.append(script);
      return (window as unknown as { __pwned?: boolean }).__pwned ?? false;
    });
    expect(pwned).toBe(false);
    // Reported once per policy that blocks it (the header's and the <meta> one), nothing else.
    await expect.poll(() => violations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem blocked inline/)]));
    expect((await violations(page)).every((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
  });
});
