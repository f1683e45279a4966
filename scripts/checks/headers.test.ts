import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInlineHashes, contentSecurityPolicy, hashSource, headersFile, inlineHashesOfHtml, securityHeaders, writeHeadersFile } from './headers.ts';

describe('security headers', () => {
  it('allows scripts and styles only from the site itself, plus WebAssembly for Pagefind', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/style-src [^;]*unsafe-inline/);
  });

  it('allows inline elements by their hash', () => {
    const csp = contentSecurityPolicy({ scripts: ['sha256-abc='], styles: ['sha256-def='] });
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='");
    expect(csp).toContain("style-src 'self' 'sha256-def='");
  });

  it('hashes the exact text of an inline element as browsers do (SHA-256, base64)', () => {
    // echo -n "alert('x');" | openssl dgst -sha256 -binary | base64
    expect(hashSource("alert('x');")).toBe('sha256-gdduJJN0Ft4NTW7qTO4UjiDBubsSbNtWFkkUH3J1otM=');
  });

  it('finds inline scripts and styles but not external scripts or JSON data blocks', () => {
    const html = [
      '<script>one()</script>',
      '<script type="module" src="/_astro/a.js"></script>',
      '<script type="application/ld+json">{"a":1}</script>',
      '<script type="module">two()</script>',
      '<style>p{color:red}</style>',
      '<script>one()</script>',
    ].join('');
    expect(inlineHashesOfHtml(html)).toEqual({
      scripts: [hashSource('one()'), hashSource('two()')],
      styles: [hashSource('p{color:red}')],
    });
  });

  it('collects hashes from every page of a built site and writes them to _headers', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'kb-headers-'));
    await mkdir(path.join(dist, 'plans', 'a'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), '<script>b()</script>');
    await writeFile(path.join(dist, 'plans', 'a', 'index.html'), '<script>a()</script><style>x{}</style>');
    const hashes = await collectInlineHashes(dist);
    expect(hashes.scripts).toEqual([hashSource('a()'), hashSource('b()')].sort());
    expect(hashes.styles).toEqual([hashSource('x{}')]);

    const headers = await writeHeadersFile(dist, '/kb/');
    const file = await readFile(path.join(dist, '_headers'), 'utf8');
    expect(file).toBe(headersFile('/kb/', headers));
    expect(file.split('\n')[0]).toBe('/kb/*');
    expect(file).toContain(`  Content-Security-Policy: ${contentSecurityPolicy(hashes)}\n`);
    expect(Object.keys(securityHeaders())).toEqual(Object.keys(headers));
  });
});
