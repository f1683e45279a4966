/**
 * Size budgets of the built site. Sizes are gzip (level 9) byte counts, the compression
 * every static host offers; the caps were set from the first full measurement (see
 * docs/ci.md) with headroom, so growth beyond them is a decision, not an accident.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { listFiles } from './files.ts';

export const budgets = {
  /** JavaScript a content page (plan, department, indicator, report) loads, compressed. */
  contentPageJsBytes: 20 * 1024,
  /** Median compressed size of an HTML page (first measured 8.7 KiB over 379 pages, 2026-11-23). */
  medianHtmlBytes: 11 * 1024,
  /** All CSS of the site, compressed (first measured 21.9 KiB in 5 files, 2026-11-23). */
  totalCssBytes: 28 * 1024,
};

export function gzipSize(content: string | Uint8Array): number {
  return gzipSync(content, { level: 9 }).length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface SiteSizes {
  pages: number;
  medianHtmlBytes: number;
  largestHtml: { file: string; bytes: number };
  totalHtmlBytes: number;
  cssFiles: number;
  totalCssBytes: number;
  jsFiles: number;
  totalJsBytes: number;
}

/** Compressed sizes of the HTML, CSS and JS files of a built site (Pagefind's index excluded). */
export async function measureSite(distDir: string): Promise<SiteSizes> {
  const sizeOf = async (file: string) => gzipSize(await readFile(path.join(distDir, file)));
  const html = await listFiles(distDir, (file) => file.endsWith('.html'));
  const css = await listFiles(distDir, (file) => file.endsWith('.css'));
  const js = await listFiles(distDir, (file) => /\.m?js$/.test(file) && !file.startsWith('pagefind/'));
  const htmlSizes = await Promise.all(html.map(async (file) => ({ file, bytes: await sizeOf(file) })));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    pages: html.length,
    medianHtmlBytes: median(htmlSizes.map(({ bytes }) => bytes)),
    largestHtml: htmlSizes.reduce((largest, page) => (page.bytes > largest.bytes ? page : largest)),
    totalHtmlBytes: sum(htmlSizes.map(({ bytes }) => bytes)),
    cssFiles: css.length,
    totalCssBytes: sum(await Promise.all(css.map(sizeOf))),
    jsFiles: js.length,
    totalJsBytes: sum(await Promise.all(js.map(sizeOf))),
  };
}

/** Human-readable budget violations of a measured site (empty when within budget). */
export function siteBudgetViolations(sizes: SiteSizes, limits = budgets): string[] {
  const violations: string[] = [];
  if (sizes.medianHtmlBytes > limits.medianHtmlBytes) {
    violations.push(`median compressed HTML page is ${kib(sizes.medianHtmlBytes)}, budget ${kib(limits.medianHtmlBytes)}`);
  }
  if (sizes.totalCssBytes > limits.totalCssBytes) {
    violations.push(`total compressed CSS is ${kib(sizes.totalCssBytes)}, budget ${kib(limits.totalCssBytes)}`);
  }
  return violations;
}

export function formatSiteSizes(sizes: SiteSizes): string {
  return [
    `pages: ${sizes.pages}`,
    `median HTML page: ${kib(sizes.medianHtmlBytes)} gz (largest ${sizes.largestHtml.file}: ${kib(sizes.largestHtml.bytes)})`,
    `all HTML: ${kib(sizes.totalHtmlBytes)} gz`,
    `CSS: ${sizes.cssFiles} files, ${kib(sizes.totalCssBytes)} gz`,
    `JS (without Pagefind): ${sizes.jsFiles} files, ${kib(sizes.totalJsBytes)} gz`,
  ].join('\n');
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
