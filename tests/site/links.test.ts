/**
 * linkinator over the served site, at the root and under a sub-path: every page, asset and
 * in-page anchor that the site links to exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSiteLinks, formatBrokenLinks } from '../../scripts/checks/links.ts';
import { buildSite } from '../support/build-site.ts';
import { serveSite } from '../support/serve-site.ts';

describe.each(['/', '/kb/'])('links of the site built for BASE_PATH=%s', (base) => {
  let site: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const { distDir } = await buildSite({ base });
    site = await serveSite(distDir, base);
  }, 1_800_000);
  afterAll(() => site?.close());

  it('has no broken link, asset or anchor', async () => {
    const report = await checkSiteLinks(site.url);
    console.log(`links (${base}): ${report.checked} checked, ${report.broken.length} broken, ${report.external.length} external left out`);
    expect(report.checked).toBeGreaterThan(100);
    expect(report.broken.length, formatBrokenLinks(report.broken)).toBe(0);
  }, 600_000);
});
