/**
 * The HTTP response headers a static host should send with the built site: the
 * Content-Security-Policy and a few hardening headers. This module is the one place
 * their text lives; `npm run serve`, the site tests and docs/hosting.md all use it.
 *
 * Inline `<script>` and `<style>` elements (Starlight's theme bootstrap, Astro's inlined
 * styles) are allowed by their SHA-256 hashes, collected from the built pages, never by
 * 'unsafe-inline'. The build writes the resulting headers to `dist/_headers`.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './files.ts';

/** Hash sources (e.g. `'sha256-…'`) of the inline scripts and styles found in the built pages. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

const emptyHashes: InlineHashes = { scripts: [], styles: [] };

/**
 * The Content-Security-Policy for the site.
 * - `script-src 'wasm-unsafe-eval'`: Pagefind runs its search engine as WebAssembly.
 * - `img-src data:`: Starlight's icons and the search highlight use small data: URLs.
 * - `style-src-attr 'unsafe-inline'`: Starlight and Pagefind set `style="…"` attributes
 *   (e.g. CSS custom properties); attributes cannot run script, and hashing every value is
 *   impractical. Style *elements* are still restricted to files and hashes.
 */
export function contentSecurityPolicy(hashes: InlineHashes = emptyHashes): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...quoteAll(hashes.scripts)]],
    ['style-src', ["'self'", ...quoteAll(hashes.styles)]],
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${unique(values).join(' ')}`).join('; ');
}

/** Every header the site should be served with (names in canonical case). */
export function securityHeaders(hashes: InlineHashes = emptyHashes): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(hashes),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Old browsers that ignore frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** `'sha256-…'` source for one inline element's exact text content. */
export function hashSource(content: string): string {
  return `sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}`;
}

const inlineScript = /<script\b(?![^>]*\ssrc\s*=)([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const inlineStyle = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const nonExecutableType = /\stype\s*=\s*["']?(?:application\/(?:ld\+)?json|importmap|text\/template)/i;

/**
 * Hashes of the inline scripts and styles of one HTML page. JSON data blocks
 * (`type="application/json"`) are not executed and need no hash.
 */
export function inlineHashesOfHtml(html: string): InlineHashes {
  const scripts: string[] = [];
  for (const match of html.matchAll(inlineScript)) {
    const [, attributes = '', body = ''] = match;
    if (nonExecutableType.test(attributes) || body.length === 0) continue;
    scripts.push(hashSource(body));
  }
  const styles = [...html.matchAll(inlineStyle)].map((match) => hashSource(match[1] ?? ''));
  return { scripts: unique(scripts), styles: unique(styles) };
}

/** Hashes of every inline script and style of every page under `distDir`, sorted. */
export async function collectInlineHashes(distDir: string): Promise<InlineHashes> {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const file of await listFiles(distDir, (name) => name.endsWith('.html'))) {
    const found = inlineHashesOfHtml(await readFile(path.join(distDir, file), 'utf8'));
    for (const hash of found.scripts) scripts.add(hash);
    for (const hash of found.styles) styles.add(hash);
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/**
 * The headers file many static hosts read (Netlify, Cloudflare Pages): `/*` followed by the
 * indented headers, applied to every path under the site's base.
 */
export function headersFile(base: string, headers: Record<string, string>): string {
  const lines = [`${base}*`, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)];
  return `${lines.join('\n')}\n`;
}

/** Writes `dist/_headers` for the built site and returns the headers it holds. */
export async function writeHeadersFile(distDir: string, base: string): Promise<Record<string, string>> {
  const headers = securityHeaders(await collectInlineHashes(distDir));
  await writeFile(path.join(distDir, '_headers'), headersFile(base, headers));
  return headers;
}

function quoteAll(hashes: string[]): string[] {
  return hashes.map((hash) => `'${hash}'`);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
