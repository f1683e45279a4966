/**
 * Checks that need a real browser page (playwright-core driving Debian's Chromium):
 * accessibility with axe-core, console errors (CSP violations included), the JavaScript a
 * page loads, and whether its text reads without JavaScript.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { gzipSize } from './budgets.ts';

/** WCAG 2.2 level AA, as axe-core tags its rules. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending elements (first few). */
  targets: string[];
}

/** Runs axe-core in the page (injected through the DevTools protocol, so CSP does not block it). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  }, wcagTags);
}

export interface PageVisit {
  /** Console errors, uncaught exceptions, failed requests and HTTP error responses, as text. */
  errors: string[];
  /** Compressed bytes of every script the page ran: files it loaded plus inline scripts. */
  scriptBytes: number;
  /** The script files it loaded. */
  scriptUrls: string[];
}

/**
 * Opens `url` in a fresh page and waits until the network is idle, recording errors and
 * scripts; `inspect` runs on the loaded page before it closes.
 */
export async function visitPage<T>(browser: Browser, url: string, inspect: (page: Page) => Promise<T>): Promise<PageVisit & { result: T }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const scriptSizes: Promise<number>[] = [];
  const scriptUrls: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
    if (response.request().resourceType() !== 'script') return;
    scriptUrls.push(response.url());
    scriptSizes.push(response.body().then(gzipSize, () => 0));
  });
  try {
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (!response || response.status() !== 200) errors.push(`HTTP ${response?.status() ?? 'no response'} for ${url}`);
    const inlineScripts = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')]
        .filter((script) => !/json|importmap/.test(script.getAttribute('type') ?? ''))
        .map((script) => script.textContent ?? ''),
    );
    const result = await inspect(page);
    const fileBytes = (await Promise.all(scriptSizes)).reduce((sum, bytes) => sum + bytes, 0);
    const inlineBytes = inlineScripts.reduce((sum, text) => sum + (text ? gzipSize(text) : 0), 0);
    return { errors, scriptBytes: fileBytes + inlineBytes, scriptUrls, result };
  } finally {
    await context.close();
  }
}

/** Text of the page's main content, as a reader sees it (`innerText` of the Pagefind body or <main>). */
export async function mainText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main') ?? document.body;
    return (main as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
  });
}

/** The main text of `url` with JavaScript disabled. */
export async function mainTextWithoutJs(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return await mainText(page);
  } finally {
    await context.close();
  }
}
