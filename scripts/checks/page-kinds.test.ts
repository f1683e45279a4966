import { describe, expect, it } from 'vitest';
import { findSitePages } from './page-kinds.ts';
import { writeTestSite } from './test-site.ts';

const singletons = ['index.html', 'departments/index.html', 'matrix/index.html', 'deadlines/index.html', 'search/index.html'];

describe('representative pages', () => {
  it('prefers the chosen page of a collection and falls back to the first', async () => {
    const dist = await writeTestSite(
      Object.fromEntries(
        [...singletons, 'plans/pds-2022-plans-a01/index.html', 'plans/pds-2022-plans-a04/index.html', 'departments/pds-aaa/index.html', 'indicators/tax/index.html', 'reports/r1/index.html'].map((file) => [file, 'x']),
      ),
    );
    const pages = Object.fromEntries((await findSitePages(dist)).map(({ kind, path }) => [kind, path]));
    expect(pages).toEqual({
      home: '',
      plan: 'plans/pds-2022-plans-a04/',
      department: 'departments/pds-aaa/',
      directory: 'departments/',
      matrix: 'matrix/',
      indicator: 'indicators/tax/',
      report: 'reports/r1/',
      deadlines: 'deadlines/',
      search: 'search/?q=%E5%8D%95%E4%B8%80%E7%AA%97%E5%8F%A3',
    });
  });

  it('names every kind of page the site lacks', async () => {
    const dist = await writeTestSite({ 'index.html': 'x', 'plans/a/index.html': 'x' });
    await expect(findSitePages(dist)).rejects.toThrow(/department \(departments\/\*\/index\.html\), directory .*matrix.*indicator.*report.*deadlines.*search/);
  });
});
