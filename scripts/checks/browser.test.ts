import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../../tests/support/chromium.ts';
import { startSiteServer } from '../serve.ts';
import { gzipSize } from './budgets.ts';
import { mainText, mainTextWithoutJs, runAxe, visitPage } from './browser.ts';
import { page, writeTestSite } from './test-site.ts';

const enhancement = "document.querySelector('main').insertAdjacentHTML('beforeend', '<p>由脚本添加</p>');";

describe.skipIf(!chromiumAvailable())('browser checks', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const dist = await writeTestSite({
      'index.html': page('首页', '<p>可访问的页面</p>'),
      'bad/index.html': page('问题页面', '<img src="/missing.png"><a href="/"></a><p style="color:#ccc;background:#fff">浅色文字</p>'),
      'csp/index.html': page('内联事件', '<img alt="图" src="data:," onload="console.log(1)">'),
      'enhanced/index.html': page('增强', '<p>正文在页面中</p>', '<script type="module" src="/_astro/enhance.js"></script>'),
      '_astro/enhance.js': enhancement,
      '404.html': page('页面不存在', ''),
    });
    site = await startSiteServer({ distDir: dist, base: '/', host: '127.0.0.1', port: 0 });
    browser = (await launchChromium())!;
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('finds no axe violation on an accessible page', async () => {
    const { result } = await visitPage(browser, site.url, runAxe);
    expect(result).toEqual([]);
  });

  it('names the axe rules a page breaks at WCAG 2.2 AA', async () => {
    const { result, errors } = await visitPage(browser, new URL('bad/', site.url).href, runAxe);
    expect(result.map(({ id }) => id).sort()).toEqual(['color-contrast', 'image-alt', 'link-name']);
    expect(errors).toContain(`HTTP 404: ${new URL('/missing.png', site.url).href}`);
  });

  it('reports a Content-Security-Policy violation as a console error', async () => {
    const { errors } = await visitPage(browser, new URL('csp/', site.url).href, async () => undefined);
    expect(errors.join('\n')).toMatch(/Content Security Policy/);
  });

  it('counts the compressed bytes of the scripts a page runs', async () => {
    const visit = await visitPage(browser, new URL('enhanced/', site.url).href, mainText);
    expect(visit.errors).toEqual([]);
    expect(visit.scriptUrls).toEqual([new URL('/_astro/enhance.js', site.url).href]);
    expect(visit.scriptBytes).toBe(gzipSize(enhancement));
    expect(visit.result).toContain('由脚本添加');
  });

  it('reads the page text with JavaScript turned off', async () => {
    const text = await mainTextWithoutJs(browser, new URL('enhanced/', site.url).href);
    expect(text).toContain('正文在页面中');
    expect(text).not.toContain('由脚本添加');
  });
});
