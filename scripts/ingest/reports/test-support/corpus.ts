/**
 * Test support: the seed corpus, a parse context with the real unit resolver for it, and a
 * table-driven context for fixtures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Diagnostic, ManifestEntry } from '../../../../src/schemas/index.ts';
import { ManifestSchema } from '../../../../src/schemas/index.ts';
import { type ParseContext, type SourceAt, createParseContext } from '../../context.ts';
import { loadDepartments } from '../../registry/departments.ts';
import { createUnitResolver } from '../../registry/resolve.ts';
import { decodeSource, type SourceText } from '../../core/source-text.ts';

const ROOT = new URL('../../../../', import.meta.url);

export function loadManifest(): ManifestEntry[] {
  return ManifestSchema.parse(parse(readFileSync(new URL('content/sources/manifest.yaml', ROOT), 'utf8'))).documents;
}

export function loadSource(entry: ManifestEntry): SourceText {
  return decodeSource(entry.file, readFileSync(new URL(`content/sources/${entry.file}`, ROOT)));
}

export interface TestContext extends ParseContext {
  unresolved: { name: string; at: SourceAt }[];
  warnings: Diagnostic[];
}

/**
 * A parse context with the pipeline's own unit resolver over `content/data/departments.yaml`
 * (jurisdiction tree and the manifest's parent jurisdictions included), as `npm run ingest` builds it.
 */
export function registryContext(jurisdiction: string): TestContext {
  const registry = loadDepartments(fileURLToPath(new URL('content/data/departments.yaml', ROOT)), 'content/data/departments.yaml');
  const parents = Object.fromEntries(loadManifest().flatMap((e) => (e.parentJurisdiction ? [[e.jurisdiction, e.parentJurisdiction]] : [])));
  const resolver = createUnitResolver(registry.departments, { jurisdictions: registry.jurisdictions, parents });
  const warnings: Diagnostic[] = [];
  const ctx = createParseContext({ jurisdiction, resolver, diagnostics: warnings });
  return {
    ...ctx,
    warnings,
    get unresolved() {
      return resolver.unresolved().map((u) => ({ name: u.name, at: { file: u.file, line: u.line } }));
    },
  };
}

/** A parse context over a small explicit name → id table, for fixtures. */
export function tableContext(jurisdiction: string, units: Record<string, string>): TestContext {
  const unresolved: TestContext['unresolved'] = [];
  const warnings: Diagnostic[] = [];
  return {
    jurisdiction,
    unresolved,
    warnings,
    resolveUnit(name, at) {
      const id = units[name];
      if (id) return { id, name };
      unresolved.push({ name, at });
      return null;
    },
    warn(d) {
      warnings.push(d);
    },
  };
}
