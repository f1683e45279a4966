/**
 * Builds the site for tests, once per (base, variant, inputs): the result is cached under
 * tmp/site-builds/ and reused by every test file of the run (and by later runs while the
 * inputs are unchanged). Builds are serialised by a lock, because the pipeline writes
 * shared intermediate files (generated/, src/content/docs/plans/ …).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { normaliseBase } from '../../src/utils/urls.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
const buildsRoot = path.join(projectRoot, 'tmp', 'site-builds');
const lockDir = path.join(buildsRoot, '.lock');

/** Tracked or new (not ignored) files that the built site depends on. */
const inputPathspecs = ['content', 'src', 'scripts', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

export interface BuiltSite {
  /** Absolute path of the built site (the `dist/` equivalent). */
  distDir: string;
  /** Normalised base the site was built for, e.g. `/` or `/kb/`. */
  base: string;
  /** Build log (stage timings), for diagnostics. */
  log: string;
}

export interface BuildSiteOptions {
  /** BASE_PATH to build for (default `/`). */
  base?: string;
  /** A separate build of the same inputs (e.g. `second` for the determinism check). */
  variant?: string;
}

/** Hash of the contents of every input file, so a changed source or script forces a rebuild. */
export async function inputsHash(): Promise<string> {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...inputPathspecs], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const files = listed.stdout
    .split('\0')
    .filter((file) => file !== '' && !/\.test\.ts$|\/fixtures\//.test(file))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const absolute = path.join(projectRoot, file);
    if (!existsSync(absolute)) continue; // deleted but not yet committed
    hash.update(file).update('\0').update(await readFile(absolute)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Builds (or reuses) the site for `base`; throws with the build log's tail when the build fails. */
export async function buildSite({ base: rawBase = '/', variant = 'main' }: BuildSiteOptions = {}): Promise<BuiltSite> {
  const base = normaliseBase(rawBase);
  const slug = `${base === '/' ? 'root' : base.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-${variant}`;
  await mkdir(buildsRoot, { recursive: true });
  return withLock(lockDir, async () => {
    const folder = path.join(buildsRoot, `${slug}-${await inputsHash()}`);
    const distDir = path.join(folder, 'dist');
    const logPath = path.join(folder, 'build.log');
    const marker = path.join(folder, 'complete');
    const failure = path.join(folder, 'failed');
    // A failed build is not retried by the other test files of the same run (same parent
    // process): they fail at once with the same message. The next run tries again.
    if (existsSync(failure)) {
      const { runner, message } = JSON.parse(await readFile(failure, 'utf8')) as { runner: number; message: string };
      if (runner === process.ppid) throw new Error(message);
    }
    if (!existsSync(marker)) {
      // Builds of older inputs for this base and variant are stale: keep tmp/ small.
      for (const entry of await readdir(buildsRoot)) {
        if (entry.startsWith(`${slug}-`)) await rm(path.join(buildsRoot, entry), { recursive: true, force: true });
      }
      await mkdir(folder, { recursive: true });
      try {
        await runBuildScript({
          cwd: projectRoot,
          logPath,
          env: {
            BASE_PATH: base,
            KB_DIST_DIR: distDir,
            // A cold cache per build: what CI sees, and an honest second build for the determinism check.
            KB_ASTRO_CACHE_DIR: path.join(folder, 'astro-cache'),
          },
        });
      } catch (error) {
        await writeFile(failure, JSON.stringify({ runner: process.ppid, message: (error as Error).message }));
        throw error;
      }
      await writeFile(marker, new Date().toISOString());
    }
    return { distDir, base, log: await readFile(logPath, 'utf8') };
  });
}

/**
 * Runs `scripts/build.ts` of the project in `cwd` with extra environment variables, writing its
 * output to `logPath`; throws with the log's tail when the build fails.
 */
export async function runBuildScript({ cwd, env, logPath }: { cwd: string; env: Record<string, string>; logPath: string }): Promise<void> {
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
    const what = env.BASE_PATH ? ` for base ${env.BASE_PATH}` : '';
    throw new Error(`Site build${what} in ${cwd} failed (exit ${code}); log: ${logPath}\n${tail}`);
  }
}

/**
 * Runs `task` holding a directory lock shared by test workers and processes; a lock left by
 * a dead process is taken over.
 */
export async function withLock<T>(lockDir: string, task: () => Promise<T>): Promise<T> {
  const ownerFile = path.join(lockDir, 'pid');
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(ownerFile, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(ownerFile, 'utf8').catch(() => ''));
      if (owner > 0 && !processAlive(owner)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      await sleep(500);
    }
  }
  try {
    return await task();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
