/**
 * Determinism: two builds of the same sources must give byte-identical output. Any file
 * allowed to differ is listed in `determinismExceptions` with the reason (and in README).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './files.ts';

export interface DeterminismException {
  /** Site-relative paths this exception covers. */
  pattern: RegExp;
  reason: string;
}

/** Output files that may differ between two builds of the same sources, each with why. */
export const determinismExceptions: DeterminismException[] = [];

export interface TreeDifference {
  onlyInFirst: string[];
  onlyInSecond: string[];
  changed: string[];
}

async function fileHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    hashes.set(file, createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex'));
  }
  return hashes;
}

/** Files present in only one of two folders, and files whose bytes differ. */
export async function compareTrees(first: string, second: string): Promise<TreeDifference> {
  const [a, b] = await Promise.all([fileHashes(first), fileHashes(second)]);
  return {
    onlyInFirst: [...a.keys()].filter((file) => !b.has(file)),
    onlyInSecond: [...b.keys()].filter((file) => !a.has(file)),
    changed: [...a.keys()].filter((file) => b.has(file) && a.get(file) !== b.get(file)),
  };
}

/** Differences not covered by an exception (what the determinism check fails on). */
export function unexplainedDifferences(difference: TreeDifference, exceptions = determinismExceptions): TreeDifference {
  const unexplained = (files: string[]) => files.filter((file) => !exceptions.some(({ pattern }) => pattern.test(file)));
  return {
    onlyInFirst: unexplained(difference.onlyInFirst),
    onlyInSecond: unexplained(difference.onlyInSecond),
    changed: unexplained(difference.changed),
  };
}

export function isEmptyDifference(difference: TreeDifference): boolean {
  return difference.onlyInFirst.length + difference.onlyInSecond.length + difference.changed.length === 0;
}
