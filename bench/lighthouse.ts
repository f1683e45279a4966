/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, its default emulation and simulated
 * throttling) driving Debian's Chromium on the home page, a plan, a department and the
 * search page with a query, served as a static host would (gzip, security headers).
 * Builds the site first when needed (the test suite's cached build). Writes
 * bench/results/lighthouse.md and its section of BENCHMARKS.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findSitePages, type PageKind } from '../scripts/checks/page-kinds.ts';
import { buildSite, projectRoot } from '../tests/support/build-site.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { serveSite } from '../tests/support/serve-site.ts';
import { updateBenchmarksSection } from './report.ts';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const measuredKinds: PageKind[] = ['home', 'plan', 'department', 'search'];
const targets: Record<(typeof categories)[number], number> = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 };
const resultsFile = path.join(projectRoot, 'bench', 'results', 'lighthouse.md');

interface PageScores {
  kind: PageKind;
  path: string;
  scores: Record<string, number>;
  /** Audits that cost points (score < 1), by title. */
  failing: string[];
}

async function main(): Promise<void> {
  const { distDir, base } = await buildSite({ base: '/' });
  const pages = (await findSitePages(distDir)).filter((page) => measuredKinds.includes(page.kind));
  const site = await serveSite(distDir, base);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS });
  const results: PageScores[] = [];
  try {
    for (const page of pages) {
      const url = new URL(page.path, site.url).href;
      const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = run;
      if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(categories.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
      const failing = categories.flatMap((id) =>
        (lhr.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => {
            const audit = lhr.audits[ref.id]!;
            return `${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`;
          }),
      );
      console.log(`${page.kind} ${page.path}: ${categories.map((id) => `${id} ${scores[id]}`).join(', ')}`);
      results.push({ kind: page.kind, path: page.path, scores, failing });
    }
  } finally {
    chrome.kill();
    await site.close();
  }
  const report = formatReport(results);
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, report);
  await updateBenchmarksSection('lighthouse', report.replace(/^#/gm, '##'));
  console.log(`\n${report}\nWritten to ${path.relative(projectRoot, resultsFile)} and BENCHMARKS.md`);
}

function formatReport(results: readonly PageScores[]): string {
  const date = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const mark = (id: (typeof categories)[number], score: number) => (score >= targets[id] ? `${score}` : `**${score}** (target ${targets[id]})`);
  return [
    '# Lighthouse benchmark',
    '',
    `Measured ${date} with \`npm run bench:lighthouse\`: Lighthouse ${lighthouseVersion()} (mobile emulation, simulated`,
    `throttling) driving Debian's Chromium, ${os.cpus().length} cores (load average ${os.loadavg()[0]!.toFixed(1)} at the end: other work shares them,`,
    `which lowers the performance scores), site served by scripts/serve.ts (gzip, security headers) on localhost.`,
    `Targets: accessibility 100, the others ≥ 95.`,
    '',
    `| page | ${categories.join(' | ')} |`,
    `|---|${categories.map(() => '---|').join('')}`,
    ...results.map((r) => `| ${r.kind} (\`/${r.path}\`) | ${categories.map((id) => mark(id, r.scores[id]!)).join(' | ')} |`),
    '',
    '## Audits that cost points',
    '',
    ...results.flatMap((r) => (r.failing.length === 0 ? [`- ${r.kind}: none`] : r.failing.map((f) => `- ${r.kind}: ${f}`))),
    '',
  ].join('\n');
}

function lighthouseVersion(): string {
  const manifest = createRequire(import.meta.url)('lighthouse/package.json') as { version: string };
  return manifest.version;
}

await main();
