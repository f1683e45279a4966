/**
 * One page of each kind, in Chromium, served as a static host would (security headers
 * included) under BASE_PATH=/kb/: WCAG 2.2 AA with axe-core, no console error (a CSP
 * violation is one), and for content pages: readable without JavaScript and at most
 * 20 KB of compressed JavaScript.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kib, budgets } from '../../scripts/checks/budgets.ts';
import { mainText, mainTextWithoutJs, runAxe, visitPage } from '../../scripts/checks/browser.ts';
import { contentPageKinds, findSitePages, pageKinds, type SitePage } from '../../scripts/checks/page-kinds.ts';
import { buildSite } from '../support/build-site.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { serveSite } from '../support/serve-site.ts';

const base = '/kb/';

describe.skipIf(!chromiumAvailable())(`pages of each kind in Chromium (BASE_PATH=${base})`, () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  let pages: Map<string, SitePage>;

  beforeAll(async () => {
    const { distDir } = await buildSite({ base });
    pages = new Map((await findSitePages(distDir)).map((page) => [page.kind, page]));
    site = await serveSite(distDir, base);
    browser = (await launchChromium())!;
  }, 1_800_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const urlOf = (kind: string) => new URL(pages.get(kind)!.path, site.url).href;

  it.each(pageKinds)('%s page: no WCAG 2.2 AA violation and no console error', async (kind) => {
    const { result: violations, errors } = await visitPage(browser, urlOf(kind), runAxe);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it.each(contentPageKinds)('%s page: reads without JavaScript and ships at most 20 KB of compressed JS', async (kind) => {
    const url = urlOf(kind);
    const withJs = await visitPage(browser, url, mainText);
    const withoutJs = await mainTextWithoutJs(browser, url);
    console.log(`${kind} (${pages.get(kind)!.path}): ${kib(withJs.scriptBytes)} JS gz; text ${withoutJs.length} chars without JS, ${withJs.result.length} with`);
    expect(withoutJs.length).toBeGreaterThan(200);
    // Enhancements may add a few labels (copy-link buttons); the text itself must not depend on JS.
    expect(withoutJs.length).toBeGreaterThanOrEqual(0.9 * withJs.result.length);
    expect(withJs.scriptBytes).toBeLessThanOrEqual(budgets.contentPageJsBytes);
  }, 120_000);
});
