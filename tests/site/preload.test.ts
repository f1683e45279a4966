/**
 * The built site under BASE_PATH=/kb/: every page declares, in <head>, every JavaScript module it
 * will load statically (its head scripts, or a modulepreload link), so no module waits to be
 * discovered inside another (scripts/publish/module-preload.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/checks/files.ts';
import { readPageScripts, siteUrl, staticImportGraph } from '../../scripts/publish/module-preload.ts';
import { urlForFile } from '../../scripts/search/extract.ts';
import { buildSite } from '../support/build-site.ts';

const base = '/kb/';

describe(`module preloads of the site built for BASE_PATH=${base}`, () => {
  let distDir: string;
  beforeAll(async () => {
    ({ distDir } = await buildSite({ base }));
  }, 1_800_000);

  it('declare in <head> every module of every page, body scripts and their imports alike', async () => {
    const readModule = async (url: string) => (url.startsWith(base) ? readFile(path.join(distDir, url.slice(base.length)), 'utf8') : null);
    const pages = await listFiles(distDir, (file) => file.endsWith('.html'));
    const undeclared: string[] = [];
    let modulesChecked = 0;
    for (const file of pages) {
      const html = await readFile(path.join(distDir, file), 'utf8');
      const page = readPageScripts(html);
      const head = readPageScripts(html.slice(0, page.headEnd) + '</head>');
      const declared = new Set([...head.preloaded, ...head.scripts.map((s) => s.src)]);
      const pageUrl = base + urlForFile(file);
      for (const script of page.scripts) {
        const src = siteUrl(script.src, pageUrl);
        if (src === null) continue; // another origin's script: not the build's to preload
        for (const url of [src, ...(await staticImportGraph(src, readModule))]) {
          modulesChecked += 1;
          if (!declared.has(url)) undeclared.push(`${file}: ${url}`);
        }
      }
    }
    console.log(`module preloads: ${pages.length} pages, ${modulesChecked} page modules, ${undeclared.length} undeclared`);
    expect(undeclared).toEqual([]);
    // The search page's script and the chunk it shares with the landing highlight.
    const search = readPageScripts(await readFile(path.join(distDir, 'search', 'index.html'), 'utf8'));
    expect(search.preloaded.length).toBeGreaterThanOrEqual(2);
    expect(search.preloaded.every((href) => href.startsWith(`${base}_astro/`))).toBe(true);
  });
});
