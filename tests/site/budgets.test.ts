/** Size budgets of the built site (scripts/checks/budgets.ts); the figures are printed every run. */
import { beforeAll, describe, expect, it } from 'vitest';
import { budgets, formatSiteSizes, measureSite, siteBudgetViolations, type SiteSizes } from '../../scripts/checks/budgets.ts';
import { buildSite } from '../support/build-site.ts';

describe('size budgets of the built site', () => {
  let sizes: SiteSizes;
  beforeAll(async () => {
    sizes = await measureSite((await buildSite({ base: '/' })).distDir);
    console.log(`site sizes:\n${formatSiteSizes(sizes)}`);
  }, 1_800_000);

  it('keeps the median HTML page and the total CSS within their caps', () => {
    expect(siteBudgetViolations(sizes, budgets)).toEqual([]);
  });
});
