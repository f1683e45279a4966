/**
 * `npm run bench:search-cold -- <dist> [<dist> …] [--rounds 6] [--base /]`: the time from navigation
 * to the first search result, cold (a fresh browser context per load), for two or more builds of
 * the site side by side: loads alternate between the builds, query by query, so every build meets
 * the same machine. Use it to check a change to the search page against the build before it:
 *
 *   git worktree add /tmp/before <rev> && (cd /tmp/before && npm ci && npm run build)
 *   npm run bench:search-cold -- /tmp/before/dist dist
 *
 * Prints, per build, the median and 90th percentile of the first result and of DOMContentLoaded.
 */
import { launchChromium } from '../tests/support/chromium.ts';
import { serveSite } from '../tests/support/serve-site.ts';
import { quantile } from './search.ts';

const QUERIES = ['营商环境', '单一窗口', '0.5个工作日', '市场监管局', '交房即交证', '不动产登记', '信用', '政务服务'];

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const dists = process.argv.slice(2).filter((value, i, all) => !value.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (dists.length === 0) throw new Error('usage: node bench/search-cold.ts <dist> [<dist> …] [--rounds 6] [--base /]');
const rounds = Number(option('rounds', '6'));
const base = option('base', '/');
const servers = await Promise.all(dists.map((dist) => serveSite(dist, base)));
const browser = await launchChromium();
if (!browser) throw new Error('needs Debian chromium: apt-get install -y chromium fonts-noto-cjk');
const timings = dists.map(() => ({ first: [] as number[], domContentLoaded: [] as number[] }));
try {
  // The browser's first context is slower than the rest: warm the browser up, not the site.
  const warmUp = await browser.newContext();
  await (await warmUp.newPage()).goto(servers[0]!.url);
  await warmUp.close();
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, query] of QUERIES.entries()) {
      const order = dists.map((_, k) => k);
      if ((round + i) % 2 === 1) order.reverse();
      for (const k of order) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${servers[k]!.url}search/?q=${encodeURIComponent(query)}`);
        await page.waitForFunction(() => performance.getEntriesByName('kb-first-result').length > 0, null, { timeout: 30_000 });
        const [first, domContentLoaded] = await page.evaluate(() => [
          performance.getEntriesByName('kb-first-result')[0]?.startTime ?? Number.NaN,
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
        ]);
        timings[k]!.first.push(first!);
        timings[k]!.domContentLoaded.push(domContentLoaded!);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}
console.log(`${rounds * QUERIES.length} cold loads per build, alternating; milliseconds from navigation start`);
console.log('| build | first result, median | p90 | DOMContentLoaded, median |');
console.log('|---|---|---|---|');
for (const [k, dist] of dists.entries()) {
  const { first, domContentLoaded } = timings[k]!;
  console.log(`| ${dist} | ${quantile(first, 0.5).toFixed(0)} | ${quantile(first, 0.9).toFixed(0)} | ${quantile(domContentLoaded, 0.5).toFixed(0)} |`);
}
