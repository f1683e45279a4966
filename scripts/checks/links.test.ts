import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer } from '../serve.ts';
import { checkSiteLinks, formatBrokenLinks } from './links.ts';
import { page, writeTestSite } from './test-site.ts';

describe('link check of a served site', () => {
  let site: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const dist = await writeTestSite({
      'index.html': page(
        '首页',
        [
          '<a href="/kb/plans/a/">附件</a>',
          '<a href="/kb/plans/a/#t1">任务一</a>',
          '<a href="/kb/plans/a/#no-such-task">不存在的任务</a>',
          '<a href="/kb/missing/">不存在的页面</a>',
          '<a href="/plans/a/">缺少前缀</a>',
          '<a href="https://www.gov.cn/">外部</a>',
        ].join('\n'),
      ),
      'plans/a/index.html': page('附件', '<section id="t1">任务</section><a href="/kb/">首页</a>'),
      '404.html': page('页面不存在', ''),
    });
    site = await startSiteServer({ distDir: dist, base: '/kb/', host: '127.0.0.1', port: 0 });
  });
  afterAll(() => site?.close());

  it('reports missing pages, links that miss the base and anchors absent from their page', async () => {
    const report = await checkSiteLinks(site.url);
    const broken = report.broken.map(({ url }) => new URL(url).pathname + new URL(url).hash).sort();
    expect(broken).toEqual(['/kb/missing/', '/kb/plans/a/#no-such-task', '/plans/a/']);
    expect(formatBrokenLinks(report.broken)).toContain('404');
  });

  it('does not reach outside the site, but lists what it left out', async () => {
    const report = await checkSiteLinks(site.url);
    expect(report.external).toEqual(['https://www.gov.cn/']);
  });
});
