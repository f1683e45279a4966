import { describe, expect, it } from 'vitest';
import { createLinks, lineAnchor, normaliseBase } from './urls.ts';

describe('site URLs', () => {
  it('normalises any spelling of the base path', () => {
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('kb')).toBe('/kb/');
    expect(normaliseBase('/kb')).toBe('/kb/');
    expect(normaliseBase('//kb/docs//')).toBe('/kb/docs/');
  });

  it('puts plans under /plans/ and every other document under /reports/, under the base', () => {
    for (const base of ['/', '/kb/']) {
      const links = createLinks(base);
      expect(links.document({ id: 'pds-2022-plans-a04', kind: 'special-plan' })).toBe(`${base}plans/pds-2022-plans-a04/`);
      expect(links.document({ id: 'pds-2022-plans-a01', kind: 'overall-plan' })).toBe(`${base}plans/pds-2022-plans-a01/`);
      expect(links.document({ id: 'sq-2022-rectification-d02', kind: 'department-report' })).toBe(`${base}reports/sq-2022-rectification-d02/`);
      expect(links.document({ id: 'pds-bulletin-2021-63', kind: 'bulletin' })).toBe(`${base}reports/pds-bulletin-2021-63/`);
    }
  });

  it('builds department, CSV, indicator, listing, anchor and source-line URLs', () => {
    const links = createLinks('/kb/');
    expect(links.department('pds-fgw')).toBe('/kb/departments/pds-fgw/');
    expect(links.departmentCsv('pds-fgw')).toBe('/kb/departments/pds-fgw/tasks.csv');
    expect(links.indicator('getting-electricity')).toBe('/kb/indicators/getting-electricity/');
    expect([links.home, links.plans, links.reports, links.departments, links.indicators, links.matrix, links.deadlines, links.search]).toEqual([
      '/kb/',
      '/kb/plans/',
      '/kb/reports/',
      '/kb/departments/',
      '/kb/indicators/',
      '/kb/matrix/',
      '/kb/deadlines/',
      '/kb/search/',
    ]);
    expect(links.anchor({ id: 'pds-2022-plans-a04', kind: 'special-plan' }, 'pds-2022-plans-a04-t1-2')).toBe(
      '/kb/plans/pds-2022-plans-a04/#pds-2022-plans-a04-t1-2',
    );
    expect(links.source('pds-2022-plans', 497)).toBe('/kb/sources/pds-2022-plans/#L497');
    expect(links.source('pds-2022-plans')).toBe('/kb/sources/pds-2022-plans/');
    expect(lineAnchor(12)).toBe('L12');
  });

  it('refuses ids that are not ASCII slugs, so no URL can carry source text', () => {
    const links = createLinks('/');
    expect(() => links.department('市发改委')).toThrow(/unsafe URL segment/);
    expect(() => links.indicator('a/../b')).toThrow(/unsafe URL segment/);
    expect(() => links.anchor({ id: 'x', kind: 'report' }, 'a b')).toThrow(/unsafe URL segment/);
  });
});
