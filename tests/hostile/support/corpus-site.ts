/**
 * Builds the site from another content folder (e.g. the hostile fixture corpus) through the real
 * pipeline — ingest → generate → astro build → open data → search index → headers — in a private
 * copy of the project, so the real `content/`, `generated/` and generated MDX pages under
 * `src/content/docs/` are never touched while other tests run. The result is cached under
 * tmp/corpus-builds/ by the hash of every input (project files and the content folder).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inputsHash, projectRoot } from '../../support/build-site.ts';

const buildsRoot = path.join(projectRoot, 'tmp', 'corpus-builds');

/** What the site build reads besides the content folder (as tests/support/build-site.ts lists). */
const projectPathspecs = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

export interface CorpusSite {
  /** The private project copy the site was built in. */
  projectDir: string;
  /** Built site. */
  distDir: string;
  /** model.json and collections/ of this corpus. */
  generatedDir: string;
  /** Generated MDX pages (`plans/`, `reports/`) of this corpus. */
  docsDir: string;
  /** BASE_PATH the site was built for. */
  base: string;
  /** Build output (stage timings, ingest summary). */
  log: string;
}

/** Files of a folder, recursively, relative to it, sorted. */
async function filesOf(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function contentHash(contentDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await filesOf(contentDir)) hash.update(file).update('\0').update(await readFile(path.join(contentDir, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Tracked and new files of the project the build needs, copied; node_modules hard-linked. */
async function copyProject(destination: string): Promise<void> {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...projectPathspecs], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  for (const file of listed.split('\0')) {
    if (file === '' || !existsSync(path.join(projectRoot, file))) continue;
    await mkdir(path.dirname(path.join(destination, file)), { recursive: true });
    await copyFile(path.join(projectRoot, file), path.join(destination, file));
  }
  // Hard links, as bench/build.ts does: Astro rejects symlinked packages outside its root.
  execFileSync('cp', ['-al', path.join(projectRoot, 'node_modules'), path.join(destination, 'node_modules')]);
  for (const cache of ['.astro', '.vite', '.cache']) await rm(path.join(destination, 'node_modules', cache), { recursive: true, force: true });
}

async function copyFolder(from: string, to: string): Promise<void> {
  for (const file of await filesOf(from)) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await copyFile(path.join(from, file), path.join(to, file));
  }
}

/**
 * Builds (or reuses) the site of `contentDir` for `base`. Throws with the tail of the build log
 * when the pipeline fails.
 */
export async function buildCorpusSite(contentDir: string, { base = '/' }: { base?: string } = {}): Promise<CorpusSite> {
  await mkdir(buildsRoot, { recursive: true });
  const lock = path.join(buildsRoot, '.lock');
  await acquireLock(lock);
  try {
    const key = `${path.basename(path.dirname(path.resolve(contentDir)))}-${base.replace(/\W+/g, '') || 'root'}-${await inputsHash()}-${await contentHash(contentDir)}`;
    const folder = path.join(buildsRoot, key);
    const projectDir = path.join(folder, 'project');
    const site: Omit<CorpusSite, 'log'> = {
      projectDir,
      distDir: path.join(folder, 'dist'),
      generatedDir: path.join(projectDir, 'generated'),
      docsDir: path.join(projectDir, 'src', 'content', 'docs'),
      base,
    };
    const logPath = path.join(folder, 'build.log');
    if (!existsSync(path.join(folder, 'complete'))) {
      // Earlier builds of this corpus are stale now: keep one build per corpus and base.
      const prefix = key.split('-').slice(0, -2).join('-');
      for (const name of await readdir(buildsRoot)) {
        if (name !== key && name.startsWith(`${prefix}-`)) await rm(path.join(buildsRoot, name), { recursive: true, force: true });
      }
      await rm(folder, { recursive: true, force: true });
      await copyProject(projectDir);
      const copiedContent = path.join(projectDir, 'corpus');
      await copyFolder(contentDir, copiedContent);
      await run(projectDir, logPath, {
        BASE_PATH: base,
        KB_CONTENT_DIR: copiedContent,
        KB_GENERATED_DIR: site.generatedDir,
        KB_DIST_DIR: site.distDir,
        KB_ASTRO_CACHE_DIR: path.join(folder, 'astro-cache'),
      });
      await writeFile(path.join(folder, 'complete'), new Date().toISOString());
    }
    return { ...site, log: await readFile(logPath, 'utf8') };
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function run(cwd: string, logPath: string, env: Record<string, string>): Promise<void> {
  await mkdir(path.dirname(logPath), { recursive: true });
  const log = createWriteStream(logPath);
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  await new Promise((resolve) => log.end(resolve));
  if (code !== 0) {
    const tail = (await readFile(logPath, 'utf8')).split('\n').slice(-60).join('\n');
    throw new Error(`Build of ${env.KB_CONTENT_DIR} failed (exit ${code}); log: ${logPath}\n${tail}`);
  }
}

/** A directory lock shared by test workers; one left by a dead process is taken over. */
async function acquireLock(lockDir: string): Promise<void> {
  const owner = path.join(lockDir, 'pid');
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(owner, String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await readFile(owner, 'utf8').catch(() => ''));
      if (pid > 0 && !alive(pid)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      await sleep(500);
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
