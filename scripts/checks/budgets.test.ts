import { describe, expect, it } from 'vitest';
import { gzipSize, measureSite, median, siteBudgetViolations } from './budgets.ts';
import { page, writeTestSite } from './test-site.ts';

describe('size budgets', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('measures compressed HTML, CSS and JS, leaving Pagefind out', async () => {
    const dist = await writeTestSite({
      'index.html': page('首页', '<p>短</p>'),
      'plans/a/index.html': page('附件', '<p>长</p>'.repeat(500)),
      '_astro/site.css': 'body{color:red}',
      '_astro/app.js': 'console.log(1)',
      'pagefind/pagefind.js': 'x'.repeat(10_000),
    });
    const sizes = await measureSite(dist);
    expect(sizes.pages).toBe(2);
    expect(sizes.largestHtml.file).toBe('plans/a/index.html');
    expect(sizes.totalCssBytes).toBe(gzipSize('body{color:red}'));
    expect(sizes.jsFiles).toBe(1);
    expect(sizes.totalJsBytes).toBe(gzipSize('console.log(1)'));
  });

  it('reports each budget a site exceeds', () => {
    const sizes = {
      pages: 1,
      medianHtmlBytes: 3000,
      largestHtml: { file: 'index.html', bytes: 3000 },
      totalHtmlBytes: 3000,
      cssFiles: 1,
      totalCssBytes: 50_000,
      jsFiles: 0,
      totalJsBytes: 0,
    };
    expect(siteBudgetViolations(sizes, { contentPageJsBytes: 1, medianHtmlBytes: 4000, totalCssBytes: 40_000 })).toEqual([
      'total compressed CSS is 48.8 KiB, budget 39.1 KiB',
    ]);
    expect(siteBudgetViolations(sizes, { contentPageJsBytes: 1, medianHtmlBytes: 4000, totalCssBytes: 60_000 })).toEqual([]);
  });
});
