/**
 * The preload stage. Fixture folder `fixtures/module-preload/site/{input,expected}`: a site built
 * for `/kb/`, whose pages the stage rewrites; every HTML file must then equal its expected copy and
 * nothing else may change.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles } from '../checks/files.ts';
import { addModulePreloads, readPageScripts, staticImportGraph } from './module-preload.ts';

const fixture = path.join(import.meta.dirname, 'fixtures', 'module-preload', 'site');
const made: string[] = [];

async function copyOfInput(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-preload-'));
  made.push(dir);
  await cp(path.join(fixture, 'input'), dir, { recursive: true });
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('module preloads', () => {
  it('give every page a preload link in <head> for its body scripts and their static imports, as the fixture expects', async () => {
    const dist = await copyOfInput();
    const summary = await addModulePreloads({ distDir: dist, base: '/kb/' });
    expect(summary).toEqual({ pages: 1, links: 4 });
    const expectedFiles = await listFiles(path.join(fixture, 'expected'));
    expect(await listFiles(dist, (file) => file.endsWith('.html'))).toEqual(expectedFiles);
    for (const file of expectedFiles) {
      expect(await readFile(path.join(dist, file), 'utf8'), file).toBe(await readFile(path.join(fixture, 'expected', file), 'utf8'));
    }
    // The modules themselves are left as they were.
    for (const file of await listFiles(path.join(fixture, 'input'), (f) => f.endsWith('.js'))) {
      expect(await readFile(path.join(dist, file), 'utf8')).toBe(await readFile(path.join(fixture, 'input', file), 'utf8'));
    }
  });

  it('add nothing when run a second time', async () => {
    const dist = await copyOfInput();
    await addModulePreloads({ distDir: dist, base: '/kb/' });
    const once = await readFile(path.join(dist, 'guide', 'index.html'), 'utf8');
    expect(await addModulePreloads({ distDir: dist, base: '/kb/' })).toEqual({ pages: 0, links: 0 });
    expect(await readFile(path.join(dist, 'guide', 'index.html'), 'utf8')).toBe(once);
  });

  it('leave out dynamic imports, which load on demand, and import.meta', async () => {
    const sources: Record<string, string> = {
      '/a.js': 'import "./b.js"; const later = () => import("./c.js"); console.log(import.meta.url, later);',
      '/b.js': 'export {};',
      '/c.js': 'export {};',
    };
    expect(await staticImportGraph('/a.js', async (url) => sources[url] ?? null)).toEqual(['/b.js']);
  });

  it('leave out imports from other origins and keep a query string as the page requests it', async () => {
    const sources: Record<string, string> = {
      '/kb/_astro/a.js': 'import "https://cdn.example/lib.js"; import "//cdn.example/y.js"; import "./b.js?v=1"; import "../c.js";',
      '/kb/_astro/b.js?v=1': '',
      '/kb/c.js': '',
    };
    expect(await staticImportGraph('/kb/_astro/a.js', async (url) => sources[url] ?? null)).toEqual(['/kb/_astro/b.js?v=1', '/kb/c.js']);
  });

  it('resolve a relative script src against the page, and preload nothing from another origin', async () => {
    const dist = await copyOfInput();
    await writeFile(
      path.join(dist, 'guide', 'index.html'),
      '<html><head><title>相对</title></head><body><script type="module" src="../_astro/deep.B1.js"></script><script type="module" src="https://cdn.example/x.js"></script></body></html>',
    );
    await addModulePreloads({ distDir: dist, base: '/kb/' });
    const html = await readFile(path.join(dist, 'guide', 'index.html'), 'utf8');
    expect(readPageScripts(html).preloaded).toEqual(['/kb/_astro/deep.B1.js']);
  });

  it('follow an import cycle once', async () => {
    const sources: Record<string, string> = { '/a.js': 'import "./b.js";', '/b.js': 'import "./a.js"; import "./c.js";', '/c.js': '' };
    expect(await staticImportGraph('/a.js', async (url) => sources[url] ?? null)).toEqual(['/b.js', '/c.js']);
  });

  it('name the page and the missing file when a module is not in the build', async () => {
    const dist = await copyOfInput();
    await rm(path.join(dist, '_astro', 'deep.B1.js'));
    await expect(addModulePreloads({ distDir: dist, base: '/kb/' })).rejects.toThrow(/guide\/index\.html: it loads the module \/kb\/_astro\/deep\.B1\.js, but .*deep\.B1\.js is not in the build \(ENOENT\)/u);
  });

  it('read scripts with an HTML parser: a </head> in text is no tag', () => {
    const page = readPageScripts('<html><head><title>&lt;/head&gt;</title></head><body><script type="module" src="https://cdn.example/x.js"></script></body></html>');
    expect(page.scripts).toEqual([{ src: 'https://cdn.example/x.js', inHead: false }]);
    expect(page.headEnd).toBe('<html><head><title>&lt;/head&gt;</title>'.length);
  });

  it('leave alone a script from outside the site', async () => {
    const dist = await copyOfInput();
    await writeFile(path.join(dist, 'cdn.html'), '<html><head><title>外部</title></head><body><script type="module" src="https://cdn.example/x.js"></script></body></html>');
    await addModulePreloads({ distDir: dist, base: '/kb/' });
    expect(await readFile(path.join(dist, 'cdn.html'), 'utf8')).not.toContain('modulepreload');
  });

  it('refuse a page with module scripts and no </head>', async () => {
    const dist = await copyOfInput();
    await writeFile(path.join(dist, 'broken.html'), '<p>片段</p><script type="module" src="/kb/_astro/deep.B1.js"></script>');
    await expect(addModulePreloads({ distDir: dist, base: '/kb/' })).rejects.toThrow(/broken\.html: a page with module scripts has no <\/head>/u);
  });
});
