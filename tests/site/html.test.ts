/** html-validate over every built page (configuration: .htmlvalidate.json). */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatHtmlProblems, loadHtmlValidateConfig, validateSite } from '../../scripts/checks/html.ts';
import { buildSite, projectRoot } from '../support/build-site.ts';

describe('HTML of the built site', () => {
  let distDir: string;
  beforeAll(async () => {
    ({ distDir } = await buildSite({ base: '/' }));
  }, 1_800_000);

  it('has no html-validate error on any page', async () => {
    const { pages, problems } = await validateSite(distDir, await loadHtmlValidateConfig(projectRoot));
    console.log(`html-validate: ${pages} pages, ${problems.length} errors`);
    expect(pages).toBeGreaterThan(50);
    expect(problems.length, formatHtmlProblems(problems)).toBe(0);
  }, 600_000);
});
