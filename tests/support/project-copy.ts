/**
 * A private copy of the project for builds of other corpora (benchmarks, fixture corpora): its
 * tracked and new (not ignored) files, and node_modules as hard links (a full copy across file
 * systems; Astro rejects symlinked packages outside its root). Package caches are left out so
 * the copy starts cold; Astro's own cache belongs in KB_ASTRO_CACHE_DIR, so nothing writes into
 * the linked files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './build-site.ts';

/** Copies the project (optionally only the given git pathspecs) into `destination`. */
export async function copyProject(destination: string, pathspecs: readonly string[] = []): Promise<void> {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...pathspecs], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  for (const file of listed.split('\0')) {
    if (file === '' || !existsSync(path.join(projectRoot, file))) continue;
    await mkdir(path.dirname(path.join(destination, file)), { recursive: true });
    await copyFile(path.join(projectRoot, file), path.join(destination, file));
  }
  const modules = path.join(destination, 'node_modules');
  try {
    execFileSync('cp', ['-al', path.join(projectRoot, 'node_modules'), modules]);
  } catch {
    await rm(modules, { recursive: true, force: true });
    execFileSync('cp', ['-a', path.join(projectRoot, 'node_modules'), modules]);
  }
  for (const cache of ['.astro', '.vite', '.cache']) await rm(path.join(modules, cache), { recursive: true, force: true });
}
