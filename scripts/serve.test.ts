import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSource } from './checks/headers.ts';
import { routeRequest, startSiteServer } from './serve.ts';

describe('routing under the base path', () => {
  it('routes requests outside the base to the 404 page and folders to their slash form', () => {
    const isFolder = (sitePath: string) => sitePath === '/plans';
    expect(routeRequest('/kb', '/kb/', isFolder)).toEqual({ kind: 'redirect', location: '/kb/' });
    expect(routeRequest('/other/', '/kb/', isFolder)).toEqual({ kind: 'not-found' });
    expect(routeRequest('/kb/plans', '/kb/', isFolder)).toEqual({ kind: 'redirect', location: '/kb/plans/' });
    expect(routeRequest('/kb/plans/', '/kb/', isFolder)).toEqual({ kind: 'file', sitePath: '/plans/' });
    expect(routeRequest('/style.css', '/', isFolder)).toEqual({ kind: 'file', sitePath: '/style.css' });
  });
});

describe('site server', () => {
  let site: { url: string; close: () => Promise<void> };
  const theme = 'document.documentElement.dataset.theme="light"';

  beforeAll(async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'kb-serve-'));
    await mkdir(path.join(dist, 'plans', 'a'), { recursive: true });
    await mkdir(path.join(dist, 'pagefind', 'index'), { recursive: true });
    await mkdir(path.join(dist, '_astro'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), `<!doctype html><title>首页</title><script>${theme}</script>${'<p>正文</p>'.repeat(200)}`);
    await writeFile(path.join(dist, 'plans', 'a', 'index.html'), '<!doctype html><title>附件</title>');
    await writeFile(path.join(dist, '404.html'), '<!doctype html><title>页面不存在</title>');
    await writeFile(path.join(dist, 'pagefind', 'index', 'zh_abc.pf_index'), Buffer.from([0x1f, 0x8b, 1, 2]));
    await writeFile(path.join(dist, 'pagefind', 'wasm.zh.pagefind'), Buffer.from([0x1f, 0x8b, 3]));
    await writeFile(path.join(dist, '_astro', 'app.1234.css'), 'body{}');
    site = await startSiteServer({ distDir: dist, base: '/kb/', host: '127.0.0.1', port: 0 });
  });
  afterAll(() => site?.close());

  it('serves pages under the base with the security headers, the inline script hashed', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kb\/$/);
    const response = await fetch(site.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain(`'${hashSource(theme)}'`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>首页</title>');
  });

  it('compresses HTML for clients that accept gzip', async () => {
    const response = await fetch(site.url, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });

  it('answers pages outside the base and missing pages with the 404 page and status', async () => {
    for (const missing of [new URL('/plans/a/', site.url), new URL('no-such-page/', site.url)]) {
      const response = await fetch(missing);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('页面不存在');
      expect(response.headers.get('content-security-policy')).toBeTruthy();
    }
  });

  it('reads repeated slashes as one and survives request targets that are no URL', async () => {
    const origin = new URL(site.url).origin;
    const raw = async (target: string) => {
      const { request } = await import('node:http');
      return new Promise<{ status: number; location?: string }>((resolve, reject) => {
        const req = request(`${origin}/`, { path: target }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, ...(res.headers.location ? { location: res.headers.location } : {}) });
        });
        req.on('error', reject);
        req.end();
      });
    };
    expect(await raw('//')).toEqual({ status: 404 });
    expect(await raw('//kb//')).toEqual({ status: 200 });
    expect(await raw('//kb//plans/a')).toEqual({ status: 301, location: '/kb/plans/a/' });
    expect(await raw('//evil.example/kb/plans/a')).toEqual({ status: 404 });
    expect(await raw('http://[bad')).toEqual({ status: 404 });
    // Still serving.
    expect((await fetch(site.url)).status).toBe(200);
  });

  it('redirects a folder without its trailing slash', async () => {
    const response = await fetch(new URL('plans/a', site.url), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/kb/plans/a/');
  });

  it('serves Pagefind index files as opaque binaries, never re-encoded', async () => {
    for (const file of ['pagefind/index/zh_abc.pf_index', 'pagefind/wasm.zh.pagefind']) {
      const response = await fetch(new URL(file, site.url), { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(new Uint8Array(await response.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x1f, 0x8b]));
    }
  });

  it('lets browsers cache hashed assets for good and revalidate pages', async () => {
    const asset = await fetch(new URL('_astro/app.1234.css', site.url));
    expect(asset.headers.get('content-type')).toMatch(/^text\/css/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(site.url)).headers.get('cache-control')).toBe('no-cache');
  });
});
