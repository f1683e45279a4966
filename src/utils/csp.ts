import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/**
 * Starlight components that print `<script is:inline>` blocks (theme before first paint,
 * sidebar scroll restore). Astro's CSP support hashes only the scripts it bundles, so these are
 * hashed here from Starlight's own sources and added to `script-src`.
 */
export const STARLIGHT_INLINE_SCRIPT_COMPONENTS = ['ThemeProvider.astro', 'ThemeSelect.astro', 'SidebarPersister.astro'];

/** The bodies of every `<script is:inline …>` element of an Astro component source. */
export function inlineScripts(source: string): string[] {
  const scripts: string[] = [];
  for (const match of source.matchAll(/<script\s+is:inline\b[^>]*>([\s\S]*?)<\/script>/g)) scripts.push(match[1] ?? '');
  return scripts;
}

/** `sha256-…` source expression of a script body. */
export function scriptHash(body: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`;
}

/** Hashes of Starlight's inline scripts, read from the installed package. */
export function starlightInlineScriptHashes(): `sha256-${string}`[] {
  const distDir = starlightDistDir();
  const hashes = new Set<string>();
  for (const name of STARLIGHT_INLINE_SCRIPT_COMPONENTS) {
    const source = readFileSync(join(distDir, 'components', name), 'utf8');
    const scripts = inlineScripts(source);
    if (scripts.length === 0) throw new Error(`expected an inline script in @astrojs/starlight ${name}; update src/utils/csp.ts`);
    for (const body of scripts) hashes.add(scriptHash(body));
  }
  return [...hashes].sort() as `sha256-${string}`[];
}

function starlightDistDir(): string {
  // The package exports only ESM entry points; its main entry lives in dist/.
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (resolve) return dirname(fileURLToPath(resolve('@astrojs/starlight')));
  return join(process.cwd(), 'node_modules', '@astrojs', 'starlight', 'dist');
}
