/**
 * Throw-away content folders for in-process ingest runs: a manifest, source files (text or raw
 * bytes) and the registries (the real ones unless a test replaces them). The real `content/`
 * is only read, never written.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ManifestEntry, Model } from '../../../src/schemas/index.ts';
import { runIngest } from '../../../scripts/ingest/cli.ts';
import { IngestError, IngestErrors } from '../../../scripts/ingest/core/errors.ts';
import type { LosslessReport } from '../../../scripts/ingest/lossless.ts';
import { projectRoot } from '../../support/build-site.ts';

export const realContentDir = path.join(projectRoot, 'content');

export interface ContentFiles {
  /** The manifest text, or its entries (serialised as YAML). */
  manifest: string | ManifestEntry[];
  /** Files of `sources/` besides the manifest. */
  sources: Record<string, string | Uint8Array>;
  /** Replaces content/data/departments.yaml. */
  departments?: string;
  /** Replaces content/data/indicators.yaml. */
  indicators?: string;
}

const created: string[] = [];

/** Writes a content folder under the system temp folder and returns its path. */
export function writeContent({ manifest, sources, departments, indicators }: ContentFiles): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-hostile-'));
  created.push(dir);
  mkdirSync(path.join(dir, 'sources'));
  mkdirSync(path.join(dir, 'data'));
  writeFileSync(path.join(dir, 'sources', 'manifest.yaml'), typeof manifest === 'string' ? manifest : manifestYaml(manifest));
  for (const [name, body] of Object.entries(sources)) writeFileSync(path.join(dir, 'sources', name), body);
  writeFileSync(path.join(dir, 'data', 'departments.yaml'), departments ?? realRegistry('departments.yaml'));
  writeFileSync(path.join(dir, 'data', 'indicators.yaml'), indicators ?? realRegistry('indicators.yaml'));
  return dir;
}

/** Removes every folder `writeContent` made (call from afterAll). */
export function removeContent(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function realRegistry(name: 'departments.yaml' | 'indicators.yaml'): string {
  return readFileSync(path.join(realContentDir, 'data', name), 'utf8');
}

export function realSource(name: string): Buffer {
  return readFileSync(path.join(realContentDir, 'sources', name));
}

export function manifestYaml(entries: readonly ManifestEntry[]): string {
  return stringify({ documents: entries }, { lineWidth: 0 });
}

/** The 1-based line of the first manifest line matching `pattern` (for expected messages). */
export function lineOf(text: string, pattern: RegExp, occurrence = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) if (pattern.test(lines[i]!) && ++seen === occurrence) return i + 1;
  throw new Error(`no line ${occurrence}× matching ${pattern}`);
}

export type IngestOutcome =
  | { ok: true; model: Model; lossless: LosslessReport }
  | { ok: false; errors: IngestError[] };

/**
 * Runs the whole ingest in-process. Source faults (IngestError / IngestErrors) are the expected
 * way to fail and come back as `errors`; anything else is a crash and is rethrown.
 */
export function ingest(contentDir: string): IngestOutcome {
  try {
    const { model, lossless } = runIngest({ contentDir, outDir: path.join(contentDir, 'generated') });
    return { ok: true, model, lossless };
  } catch (error) {
    if (error instanceof IngestErrors) return { ok: false, errors: error.errors };
    if (error instanceof IngestError) return { ok: false, errors: [error] };
    throw error;
  }
}

/** The errors of an outcome that must have stopped the build. */
export function errorsOf(outcome: IngestOutcome): IngestError[] {
  if (outcome.ok) throw new Error(`expected the ingest to stop, but it succeeded with diagnostics ${JSON.stringify(outcome.model.diagnostics)}`);
  return outcome.errors;
}

/** The model of an outcome that must have succeeded. */
export function modelOf(outcome: IngestOutcome): Model {
  if (!outcome.ok) throw new Error(`expected the ingest to succeed, but it stopped:\n${outcome.errors.map((e) => e.message).join('\n')}`);
  return outcome.model;
}
