/**
 * `npm run bench:build`: wall time and peak memory of each build stage (ingest, generate,
 * astro build, open data, search index) for the real corpus and for synthetic corpora 10×
 * and 30× its size (bench/synthetic-corpus.ts). Every corpus is built in a temporary copy
 * of the project (tracked files + hard-linked packages); each stage runs as its own process
 * under /usr/bin/time, which reports its peak resident memory. Writes
 * bench/results/build.md and its section of BENCHMARKS.md.
 *
 *   npm run bench:build                 # scales 1, 10, 30
 *   npm run bench:build -- --scales 1   # only the real corpus
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listFiles } from '../scripts/checks/files.ts';
import { stageNames, type StageName } from '../scripts/build.ts';
import { copyProject } from '../tests/support/project-copy.ts';
import { updateBenchmarksSection } from './report.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const resultsFile = path.join(projectRoot, 'bench', 'results', 'build.md');
const timeBinary = '/usr/bin/time';

/** Targets from the brief (issue 5). */
const targets = { realSeconds: 30, largestSeconds: 300, largestPeakMiB: 4096 };

export interface StageMeasure {
  stage: StageName;
  seconds: number;
  peakMiB: number;
}

export interface ScaleMeasure {
  scale: number;
  copies: number;
  sourceMiB: number;
  pages: number;
  /** Uncompressed size of all HTML pages. */
  htmlMiB: number;
  /** The largest page and its size. */
  largestPage: string;
  tasks: number;
  departments: number;
  stages: StageMeasure[];
  /** The whole build in one process (`npm run build`), measured for the real corpus. */
  oneProcess?: { seconds: number; peakMiB: number };
}

/** Runs one build stage (null: all of them) in its own process and returns its wall time and peak RSS. */
async function measureStage<S extends StageName | null>(projectDir: string, stage: S, env: NodeJS.ProcessEnv): Promise<{ stage: S; seconds: number; peakMiB: number }> {
  const reportFile = path.join(projectDir, `time-${stage ?? 'all'}.txt`);
  const stageArguments = stage === null ? [] : ['--stage', stage];
  const child = spawn(timeBinary, ['-f', '%e %M', '-o', reportFile, process.execPath, 'scripts/build.ts', ...stageArguments], {
    cwd: projectDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`Stage ${stage ?? 'all'} failed in ${projectDir} (exit ${code}):\n${output.slice(-4000)}`);
  const [seconds, peakKiB] = (await readFile(reportFile, 'utf8')).trim().split('\n').at(-1)!.split(' ').map(Number);
  return { stage, seconds: seconds!, peakMiB: peakKiB! / 1024 };
}

/**
 * Builds one corpus in the shared project copy (every scale runs the same code, even when the
 * real project changes meanwhile), each scale with its own content, generated, dist and cache.
 */
async function measureScale(scale: number, projectDir: string): Promise<ScaleMeasure> {
  const scaleDir = path.join(projectDir, 'bench-scales', `scale-${scale}`);
  const corpus = await writeSyntheticCorpus(path.join(projectRoot, 'content'), path.join(scaleDir, 'content'), scale);
  const env = {
    BASE_PATH: '/',
    KB_CONTENT_DIR: corpus.contentDir,
    KB_GENERATED_DIR: path.join(scaleDir, 'generated'),
    KB_DIST_DIR: path.join(scaleDir, 'dist'),
    KB_ASTRO_CACHE_DIR: path.join(scaleDir, 'astro-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const stages: StageMeasure[] = [];
  for (const stage of stageNames) {
    const measure = await measureStage(projectDir, stage, env);
    console.log(`  ×${scale} ${stage}: ${measure.seconds.toFixed(1)} s, ${measure.peakMiB.toFixed(0)} MiB`);
    stages.push(measure);
  }
  let oneProcess: { seconds: number; peakMiB: number } | undefined;
  if (scale === 1) {
    // `npm run build` runs every stage in one process: what a maintainer waits for.
    const whole = await measureStage(projectDir, null, { ...env, KB_DIST_DIR: path.join(scaleDir, 'dist-one-process') });
    oneProcess = { seconds: whole.seconds, peakMiB: whole.peakMiB };
    console.log(`  ×1 npm run build (one process): ${whole.seconds.toFixed(1)} s, ${whole.peakMiB.toFixed(0)} MiB`);
  }
  const model = JSON.parse(await readFile(path.join(env.KB_GENERATED_DIR, 'model.json'), 'utf8')) as { tasks: unknown[]; departments: unknown[] };
  const htmlFiles = await listFiles(env.KB_DIST_DIR, (file) => file.endsWith('.html'));
  const htmlSizes = await Promise.all(htmlFiles.map(async (file) => ({ file, bytes: (await stat(path.join(env.KB_DIST_DIR, file))).size })));
  const largest = htmlSizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  await rm(scaleDir, { recursive: true, force: true });
  return {
    scale,
    copies: corpus.copies,
    sourceMiB: corpus.sourceBytes / 1024 / 1024,
    pages: htmlFiles.length,
    htmlMiB: htmlSizes.reduce((sum, { bytes }) => sum + bytes, 0) / 2 ** 20,
    largestPage: `${largest.file} (${(largest.bytes / 2 ** 20).toFixed(1)} MiB)`,
    tasks: model.tasks.length,
    departments: model.departments.length,
    stages,
    ...(oneProcess ? { oneProcess } : {}),
  };
}

const totalSeconds = (measure: ScaleMeasure) => measure.stages.reduce((sum, stage) => sum + stage.seconds, 0);
const peakMiB = (measure: ScaleMeasure) => Math.max(...measure.stages.map((stage) => stage.peakMiB));

export function formatResults(measures: readonly ScaleMeasure[], command: string, date: string, load: { start: number; end: number }): string {
  const stageHeader = stageNames.map((stage) => `${stage} s / MiB`);
  const lines = [
    '# Build benchmark',
    '',
    `Measured ${date} on this machine (${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}), with:`,
    '',
    '```sh',
    command,
    '```',
    '',
    `Load average (1 min) at the start ${load.start.toFixed(1)}, at the end ${load.end.toFixed(1)}: above ${os.cpus().length}, other work`,
    'shared the cores and the times are inflated accordingly.',
    '',
    'Each stage runs as its own process (`node scripts/build.ts --stage <name>`) under `/usr/bin/time`; memory is',
    'the peak resident set of the largest process of the stage (for the search index, Node or the Pagefind binary).',
    'Synthetic corpora: the real corpus plus copies of the 2022 plan package issued by fictional cities',
    '(平顶山 → 青川 …), each with its own manifest entry and its own copy of the 平顶山 department registry,',
    'so pages, departments and the search index all grow (bench/synthetic-corpus.ts).',
    '',
    `| corpus | sources | pages | HTML | tasks | departments | ${stageHeader.join(' | ')} | total s | peak MiB | s per MiB of source |`,
    `|---|---|---|---|---|---|${stageNames.map(() => '---|').join('')}---|---|---|`,
    ...measures.map((m) => {
      const cells = m.stages.map((s) => `${s.seconds.toFixed(1)} / ${s.peakMiB.toFixed(0)}`);
      const label = m.scale === 1 ? 'real (×1)' : `×${m.scale} (+${m.copies} plan packages)`;
      return `| ${label} | ${m.sourceMiB.toFixed(2)} MiB | ${m.pages} | ${m.htmlMiB.toFixed(0)} MiB | ${m.tasks} | ${m.departments} | ${cells.join(' | ')} | ${totalSeconds(m).toFixed(1)} | ${peakMiB(m).toFixed(0)} | ${(totalSeconds(m) / m.sourceMiB).toFixed(1)} |`;
    }),
    '',
    'Largest page: ' + measures.map((m) => `×${m.scale} ${m.largestPage}`).join('; ') + '.',
    '',
    '## Targets',
    '',
    ...targetLines(measures),
    '',
  ];
  return lines.join('\n');
}

function targetLines(measures: readonly ScaleMeasure[]): string[] {
  const lines: string[] = [];
  const real = measures.find((m) => m.scale === 1);
  if (real?.oneProcess) {
    const { seconds, peakMiB: peak } = real.oneProcess;
    lines.push(`- Real corpus < ${targets.realSeconds} s: \`npm run build\` (one process) ${seconds.toFixed(1)} s, ${peak.toFixed(0)} MiB — ${seconds < targets.realSeconds ? 'met' : 'NOT met'} (the stages one process each: ${totalSeconds(real).toFixed(1)} s).`);
  }
  const largest = measures.at(-1);
  if (largest && largest.scale > 1) {
    const seconds = totalSeconds(largest);
    const peak = peakMiB(largest);
    lines.push(`- ×${largest.scale} < ${targets.largestSeconds} s and < ${targets.largestPeakMiB} MiB: ${seconds.toFixed(1)} s, ${peak.toFixed(0)} MiB — ${seconds < targets.largestSeconds && peak < targets.largestPeakMiB ? 'met' : 'NOT met'}.`);
  }
  if (real && largest && largest !== real) {
    const growth = totalSeconds(largest) / totalSeconds(real);
    const sizeRatio = largest.sourceMiB / real.sourceMiB;
    lines.push(`- Growth: ${sizeRatio.toFixed(1)}× the sources took ${growth.toFixed(1)}× the time — ${growth <= sizeRatio ? 'no faster than linear' : 'FASTER than linear'}.`);
    const perStage = stageNames.map((stage) => {
      const ratio = largest.stages.find((s) => s.stage === stage)!.seconds / real.stages.find((s) => s.stage === stage)!.seconds;
      return `${stage} ${ratio.toFixed(1)}×${ratio > sizeRatio ? ' (faster than linear)' : ''}`;
    });
    lines.push(`- Time growth per stage (×${largest.scale} over ×1): ${perStage.join(', ')}.`);
  }
  return lines;
}

if (import.meta.main) {
  const index = process.argv.indexOf('--scales');
  const scales = index === -1 ? [1, 10, 30] : process.argv[index + 1]!.split(',').map(Number);
  if (scales.some((scale) => !Number.isInteger(scale) || scale < 1)) throw new Error('--scales expects positive integers, e.g. 1,10,30');
  if (!existsSync(timeBinary)) throw new Error(`${timeBinary} is needed to measure peak memory: apt-get install -y time`);
  const loadAtStart = os.loadavg()[0]!;
  const workRoot = await mkdtemp(path.join(os.tmpdir(), 'kb-bench-build-'));
  const measures: ScaleMeasure[] = [];
  try {
    const projectDir = path.join(workRoot, 'project');
    await copyProject(projectDir);
    for (const scale of scales) {
      console.log(`Corpus ×${scale}`);
      measures.push(await measureScale(scale, projectDir));
    }
  } finally {
    await rm(workRoot, { recursive: true, force: true });
  }
  const command = `npm run bench:build${index === -1 ? '' : ` -- --scales ${scales.join(',')}`}`;
  const report = formatResults(measures, command, new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', {
    start: loadAtStart,
    end: os.loadavg()[0]!,
  });
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, report);
  await updateBenchmarksSection('build', report.replace(/^#/gm, '##'));
  console.log(`\n${report}\nWritten to ${path.relative(projectRoot, resultsFile)} and BENCHMARKS.md`);
}
