/**
 * BENCHMARKS.md gathers today's figures of every benchmark: each benchmark script writes its
 * full report to bench/results/<name>.md and its section of BENCHMARKS.md (between
 * `<!-- <name>:start -->` and `<!-- <name>:end -->` markers) with this function.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const benchmarksFile = path.resolve(import.meta.dirname, '..', 'BENCHMARKS.md');

const header = `# Benchmarks

Figures measured on this machine by the benchmark scripts (never by timed tests). Each section is
rewritten by its script; the full reports are in bench/results/.
`;

/** `document` with the section `name` replaced by (or, when absent, followed by) `body`. */
export function withSection(document: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from !== -1 && to > from) return document.slice(0, from) + section + document.slice(to + end.length);
  return `${document.trimEnd()}\n\n${section}\n`;
}

export async function updateBenchmarksSection(name: string, body: string): Promise<void> {
  const current = existsSync(benchmarksFile) ? await readFile(benchmarksFile, 'utf8') : header;
  await writeFile(benchmarksFile, withSection(current, name, body));
}
