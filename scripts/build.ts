/**
 * `npm run build`: the whole pipeline, one timed stage after another:
 *   ingest → generate → astro build → module preloads → open data → search index → headers
 * and a summary of the time each took.
 *
 * Environment: BASE_PATH (default `/`), KB_CONTENT_DIR (default `content`), KB_GENERATED_DIR
 * (default `generated`), KB_DIST_DIR (default `dist`), KB_ASTRO_CACHE_DIR (default Astro's own).
 * `--stage ingest,astro` runs only the named stages (benchmarks time them one process each).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Model } from '../src/schemas/model.ts';
import { writeHeadersFile } from './checks/headers.ts';
import { IngestError, IngestErrors } from './ingest/core/errors.ts';
import { normaliseBase } from '../src/utils/urls.ts';

export const projectRoot = path.resolve(import.meta.dirname, '..');

export interface BuildOptions {
  /** URL prefix the site is built for. */
  base: string;
  /** Folder of the sources and curated data (`sources/`, `data/`). */
  contentDir: string;
  /** Folder for model.json and the JSON collections. */
  generatedDir: string;
  /** Output folder of the built site. */
  distDir: string;
}

export const stageNames = ['ingest', 'generate', 'astro', 'preload', 'open-data', 'search-index', 'headers'] as const;
export type StageName = (typeof stageNames)[number];

export interface StageTiming {
  stage: StageName;
  seconds: number;
}

/** Thrown when a pipeline stage's module or export is not there: names the file and export. */
export class MissingStageError extends Error {}

/**
 * Imports `exportName` from a stage module, failing with a message that names the module when
 * the stage has not been written (or no longer exports what the pipeline calls).
 */
export async function loadStage<T>(relativeModule: string, exportName: string): Promise<T> {
  const file = path.join(projectRoot, relativeModule);
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(file).href);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(file)) {
      throw new MissingStageError(`Pipeline stage module ${relativeModule} is missing (it must export ${exportName}).`);
    }
    throw error;
  }
  const stage = module[exportName];
  if (typeof stage !== 'function') {
    throw new MissingStageError(`Pipeline stage module ${relativeModule} does not export a function ${exportName}.`);
  }
  return stage as T;
}

type Stage = (options: BuildOptions) => Promise<unknown>;

const stages: Record<StageName, Stage> = {
  ingest: async ({ contentDir, generatedDir }) => {
    type RunIngest = (o: { contentDir: string; outDir: string; log: (line: string) => void }) => unknown;
    const runIngest = await loadStage<RunIngest>('scripts/ingest/cli.ts', 'runIngest');
    await runIngest({ contentDir, outDir: generatedDir, log: (line) => console.log(line) });
  },
  generate: async ({ generatedDir }) => {
    const runGenerate = await loadStage<(o: { modelPath: string }) => Promise<unknown>>('scripts/generate/generate.ts', 'runGenerate');
    await runGenerate({ modelPath: path.join(generatedDir, 'model.json') });
  },
  astro: async ({ distDir }) => {
    const { build } = await import('astro');
    // KB_ASTRO_CACHE_DIR: a private cache, so test and benchmark builds start cold and never
    // share the developer's node_modules/.astro.
    const cacheDir = process.env.KB_ASTRO_CACHE_DIR;
    await build({ root: projectRoot, outDir: distDir, logLevel: 'warn', ...(cacheDir ? { cacheDir: path.resolve(cacheDir) } : {}) });
  },
  preload: async ({ distDir, base }) => {
    type AddModulePreloads = (o: { distDir: string; base: string }) => Promise<{ pages: number; links: number }>;
    const addModulePreloads = await loadStage<AddModulePreloads>('scripts/publish/module-preload.ts', 'addModulePreloads');
    const { pages, links } = await addModulePreloads({ distDir, base });
    console.log(`  module preloads: ${links} links on ${pages} pages`);
  },
  'open-data': async ({ generatedDir, distDir, base }) => {
    const writeOpenData = await loadStage<(o: { model: unknown; distDir: string; base: string }) => Promise<unknown>>(
      'scripts/publish/open-data.ts',
      'writeOpenData',
    );
    // Ingest validated the model against ModelSchema before writing it; no second validation.
    const model = JSON.parse(await readFile(path.join(generatedDir, 'model.json'), 'utf8')) as Model;
    await writeOpenData({ model, distDir, base });
  },
  'search-index': async ({ distDir, base }) => {
    const indexSite = await loadStage<(o: { distDir: string; base: string }) => Promise<unknown>>('scripts/search/index-site.ts', 'indexSite');
    await indexSite({ distDir, base });
  },
  headers: async ({ distDir, base }) => {
    await writeHeadersFile(distDir, base);
  },
};

/** Runs the named stages in pipeline order and returns how long each took. */
export async function runBuild(options: BuildOptions, only: readonly StageName[] = stageNames): Promise<StageTiming[]> {
  // The pipeline's modules read these too (astro.config.mjs, the ingest and generate CLIs).
  process.env.BASE_PATH = options.base;
  process.env.KB_CONTENT_DIR = options.contentDir;
  process.env.KB_GENERATED_DIR = options.generatedDir;
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  const timings: StageTiming[] = [];
  for (const stage of stageNames.filter((name) => only.includes(name))) {
    const started = performance.now();
    console.log(`▶ ${stage}`);
    await stages[stage](options);
    timings.push({ stage, seconds: (performance.now() - started) / 1000 });
  }
  return timings;
}

/** Stage names from `--stage a,b` (all stages without it); unknown names are an error. */
export function parseStageArgument(argv: readonly string[]): StageName[] {
  const index = argv.indexOf('--stage');
  if (index === -1) return [...stageNames];
  const requested = (argv[index + 1] ?? '').split(',').filter(Boolean);
  const unknown = requested.filter((name) => !(stageNames as readonly string[]).includes(name));
  if (requested.length === 0 || unknown.length > 0) {
    throw new Error(`--stage expects a comma-separated list of ${stageNames.join(', ')}; got "${argv[index + 1] ?? ''}".`);
  }
  return requested as StageName[];
}

export function formatSummary(timings: readonly StageTiming[]): string {
  const width = Math.max(...timings.map(({ stage }) => stage.length), 'total'.length);
  const total = timings.reduce((sum, { seconds }) => sum + seconds, 0);
  const rows = [...timings, { stage: 'total', seconds: total }].map(
    ({ stage, seconds }) => `  ${stage.padEnd(width)}  ${seconds.toFixed(2).padStart(7)} s`,
  );
  return ['Build summary:', ...rows].join('\n');
}

if (import.meta.main) {
  try {
    const options: BuildOptions = {
      base: normaliseBase(process.env.BASE_PATH ?? '/'),
      contentDir: path.resolve(process.env.KB_CONTENT_DIR ?? 'content'),
      generatedDir: path.resolve(process.env.KB_GENERATED_DIR ?? 'generated'),
      distDir: path.resolve(process.env.KB_DIST_DIR ?? 'dist'),
    };
    const only = parseStageArgument(process.argv.slice(2));
    const timings = await runBuild(options, only);
    console.log(formatSummary(timings));
    if (only.includes('astro')) console.log(`Built ${options.distDir} for base ${options.base}`);
    if (process.argv.includes('--report-json')) {
      console.log(`BUILD_REPORT ${JSON.stringify({ timings, maxRssKiB: process.resourceUsage().maxRSS })}`);
    }
    // Astro can leave handles open (file watchers, workers); the build is over.
    process.exit(0);
  } catch (error) {
    // Source faults and missing stages are the maintainer's to fix: their message says where; a
    // stack trace would only bury it.
    const expected = error instanceof MissingStageError || error instanceof IngestError || error instanceof IngestErrors;
    const message = expected ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`\nBuild failed: ${message}`);
    process.exit(1);
  }
}
