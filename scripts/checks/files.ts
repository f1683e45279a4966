/** File-system helpers shared by the site checks. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file under `dir` (recursively) whose relative path passes `keep`, as sorted
 * POSIX-style relative paths, so results do not depend on the platform or directory order.
 */
export async function listFiles(dir: string, keep: (relativePath: string) => boolean = () => true): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter(keep)
    .sort();
}
