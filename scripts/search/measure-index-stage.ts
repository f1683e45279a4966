/**
 * Before/after figures for the search-index stage: runs `indexSite` of a baseline git revision
 * and of the working tree, each in its own process on its own copy of a built site, alternating,
 * and checks that both write the same files byte for byte (so search results are unchanged).
 *
 *   ./node_modules/.bin/node scripts/search/measure-index-stage.ts <built dist> --baseline <rev> [--rounds <n>]
 *
 * Wall time and peak resident memory come from /usr/bin/time (the larger of Node and the
 * Pagefind binary, as in bench/build.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');
/** The files indexSite is made of (relative imports only), at a revision. */
const stageFiles = ['scripts/search/index-site.ts', 'scripts/search/extract.ts', 'src/scripts/search/index-format.ts'];

interface Run {
  variant: string;
  seconds: number;
  peakMiB: number;
  digest: string;
  summary: string;
}

/** Digest of every file under `dir`, by relative path. */
async function treeDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
  for (const file of files) hash.update(file).update('\0').update(await readFile(path.join(dir, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

async function runOnce(variant: string, moduleFile: string, sourceDist: string, workRoot: string): Promise<Run> {
  const distDir = path.join(workRoot, `dist-${variant}`);
  await rm(distDir, { recursive: true, force: true });
  await cp(sourceDist, distDir, { recursive: true, filter: (file) => !/[\\/]pagefind$|exact-index\.json$/.test(file) });
  const script = `const { indexSite } = await import(${JSON.stringify(moduleFile)}); console.log(JSON.stringify(await indexSite({ distDir: ${JSON.stringify(distDir)}, base: '/' })));`;
  const timeFile = path.join(workRoot, `time-${variant}.txt`);
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, process.execPath, '--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${variant} failed:\n${result.stderr}`);
  const [seconds, peakKiB] = (await readFile(timeFile, 'utf8')).trim().split('\n').at(-1)!.split(' ').map(Number);
  const outputs = path.join(workRoot, `out-${variant}`);
  await rm(outputs, { recursive: true, force: true });
  await mkdir(outputs);
  await cp(path.join(distDir, 'pagefind'), path.join(outputs, 'pagefind'), { recursive: true });
  await cp(path.join(distDir, 'search'), path.join(outputs, 'search'), { recursive: true });
  await rm(distDir, { recursive: true, force: true });
  return { variant, seconds: seconds!, peakMiB: peakKiB! / 1024, digest: await treeDigest(outputs), summary: result.stdout.trim() };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const index = args.indexOf(name);
    return index === -1 ? fallback : args.splice(index, 2)[1]!;
  };
  const baseline = option('--baseline', '');
  const rounds = Number(option('--rounds', '1'));
  const sourceDist = path.resolve(args[0] ?? '');
  if (!args[0] || !baseline) throw new Error('usage: measure-index-stage.ts <built dist> --baseline <rev> [--rounds <n>]');
  // The baseline's files go inside the project, so their imports of packages resolve.
  await mkdir(path.join(projectRoot, 'tmp'), { recursive: true });
  const baselineRoot = await mkdtemp(path.join(projectRoot, 'tmp', 'index-stage-baseline-'));
  const workRoot = await mkdtemp(path.join(os.tmpdir(), 'kb-index-stage-'));
  try {
    for (const file of stageFiles) {
      await mkdir(path.dirname(path.join(baselineRoot, file)), { recursive: true });
      await writeFile(path.join(baselineRoot, file), execFileSync('git', ['show', `${baseline}:${file}`], { cwd: projectRoot }));
    }
    const variants: [string, string][] = [
      [`baseline (${baseline})`, path.join(baselineRoot, 'scripts/search/index-site.ts')],
      ['working tree', path.join(projectRoot, 'scripts/search/index-site.ts')],
    ];
    const runs: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const [variant, moduleFile] of variants) {
        const run = await runOnce(variant.replace(/\W+/g, '-'), moduleFile, sourceDist, workRoot);
        runs.push({ ...run, variant });
        console.log(`${variant}: ${run.seconds.toFixed(1)} s, ${run.peakMiB.toFixed(0)} MiB, outputs ${run.digest}, ${run.summary}`);
      }
    }
    const digests = new Set(runs.map((run) => run.digest));
    console.log(`load average ${os.loadavg().map((load) => load.toFixed(1)).join(' / ')}`);
    console.log(digests.size === 1 ? 'Both write the same Pagefind index and exact-match index, byte for byte.' : 'OUTPUTS DIFFER');
    if (digests.size !== 1) process.exitCode = 1;
  } finally {
    await rm(baselineRoot, { recursive: true, force: true });
    await rm(workRoot, { recursive: true, force: true });
  }
}
