/**
 * Builds the site from another content folder (e.g. the hostile fixture corpus) through the real
 * pipeline — ingest → generate → astro build → open data → search index → headers — in a private
 * copy of the project, so the real `content/`, `generated/` and generated MDX pages under
 * `src/content/docs/` are never touched while other tests run. The result is cached under
 * tmp/corpus-builds/ by the hash of every input (project files and the content folder).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inputsHash, projectRoot, runBuildScript, withLock } from '../../support/build-site.ts';
import { copyProject } from '../../support/project-copy.ts';

const buildsRoot = path.join(projectRoot, 'tmp', 'corpus-builds');

/** What the site build reads besides the content folder. */
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
  return withLock(path.join(buildsRoot, '.lock'), async () => {
    const corpus = `${path.basename(path.dirname(path.resolve(contentDir)))}-${base.replace(/\W+/g, '') || 'root'}`;
    const key = `${corpus}-${await inputsHash()}-${await contentHash(contentDir)}`;
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
      for (const name of await readdir(buildsRoot)) {
        if (name !== key && name.startsWith(`${corpus}-`)) await rm(path.join(buildsRoot, name), { recursive: true, force: true });
      }
      await rm(folder, { recursive: true, force: true });
      await copyProject(projectDir, projectPathspecs);
      const copiedContent = path.join(projectDir, 'corpus');
      await copyFolder(contentDir, copiedContent);
      await runBuildScript({
        cwd: projectDir,
        logPath,
        env: {
          BASE_PATH: base,
          KB_CONTENT_DIR: copiedContent,
          KB_GENERATED_DIR: site.generatedDir,
          KB_DIST_DIR: site.distDir,
          KB_ASTRO_CACHE_DIR: path.join(folder, 'astro-cache'),
        },
      });
      await writeFile(path.join(folder, 'complete'), new Date().toISOString());
    }
    return { ...site, log: await readFile(logPath, 'utf8') };
  });
}
