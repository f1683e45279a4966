import { describe, expect, it } from 'vitest';
import { landingUrl, readSearchState, sameState, writeSearchState } from './url-state.ts';

describe('search state in the URL', () => {
  it('reads the query and the filters, ignoring empty and repeated values', () => {
    expect(readSearchState('?q=%E8%90%A5%E5%95%86&type=&dept=%E7%A8%8E%E5%8A%A1%E5%B1%80&dept=%E7%A8%8E%E5%8A%A1%E5%B1%80&region=%E5%B9%B3%E9%A1%B6%E5%B1%B1%E5%B8%82')).toEqual({
      q: '营商',
      filters: { 部门: ['税务局'], 地区: ['平顶山市'] },
      engine: 'exact',
    });
  });
  it('writes only what is set, in a fixed order, so equal states give equal URLs', () => {
    const state = { q: '"营商环境" 税务', filters: { 地区: ['商丘市'], 文档类型: ['报告', '工作通报'] }, engine: 'exact' as const };
    const written = writeSearchState(state);
    expect(written).toBe('?q=%22%E8%90%A5%E5%95%86%E7%8E%AF%E5%A2%83%22+%E7%A8%8E%E5%8A%A1&type=%E6%8A%A5%E5%91%8A&type=%E5%B7%A5%E4%BD%9C%E9%80%9A%E6%8A%A5&region=%E5%95%86%E4%B8%98%E5%B8%82');
    expect(readSearchState(written)).toEqual(state);
    expect(sameState(readSearchState(written), state)).toBe(true);
    expect(writeSearchState({ q: '  ', filters: {}, engine: 'exact' })).toBe('');
  });
  it('keeps the benchmark-only Pagefind mode in the URL', () => {
    expect(readSearchState('?q=a&engine=pagefind').engine).toBe('pagefind');
    expect(readSearchState('?q=a&engine=other').engine).toBe('exact');
  });
  it('links results to their anchor with the searched terms to highlight, under any base', () => {
    expect(landingUrl('/kb/', 'plans/a04/', 'pds-2022-plans-a04-t1-2', ['0.5个工作日'])).toBe(
      '/kb/plans/a04/?highlight=0.5%E4%B8%AA%E5%B7%A5%E4%BD%9C%E6%97%A5#pds-2022-plans-a04-t1-2',
    );
    expect(landingUrl('/', 'reports/r/', undefined, [])).toBe('/reports/r/');
  });
});
