/**
 * Test support: the seed corpus and a parse context for it. Until the registry's resolver
 * (`scripts/ingest/registry/resolve.ts`) exists, units resolve by exact name/alias lookup in
 * `content/data/departments.yaml` within the jurisdiction and its enclosing ones — the contract
 * the real resolver keeps — and unresolved names are collected like the real one does.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Diagnostic, ManifestEntry } from '../../../../src/schemas/index.ts';
import { ManifestSchema } from '../../../../src/schemas/index.ts';
import type { ParseContext, SourceAt } from '../../context.ts';
import { decodeSource, type SourceText } from '../../core/source-text.ts';

const ROOT = new URL('../../../../', import.meta.url);

interface RegistryEntry {
  id: string;
  name: string;
  fullName: string;
  aliases?: string[];
  jurisdiction: string;
}

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

/** A parse context whose resolver reads the department registry (exact names and aliases). */
export function registryContext(jurisdiction: string): TestContext {
  const registry = parse(readFileSync(new URL('content/data/departments.yaml', ROOT), 'utf8')) as {
    jurisdictions: { name: string; parent?: string }[];
    departments: RegistryEntry[];
  };
  const chain: string[] = [];
  for (let j: string | undefined = jurisdiction; j; j = registry.jurisdictions.find((x) => x.name === j)?.parent) chain.push(j);
  const unresolved: TestContext['unresolved'] = [];
  const warnings: Diagnostic[] = [];
  return {
    jurisdiction,
    unresolved,
    warnings,
    resolveUnit(name, at) {
      const key = name.replace(/\s+/g, '');
      for (const j of chain) {
        const hit = registry.departments.find((d) => d.jurisdiction === j && [d.name, d.fullName, ...(d.aliases ?? [])].includes(key));
        if (hit) return { id: hit.id, name: hit.name };
      }
      unresolved.push({ name, at });
      return null;
    },
    warn(d) {
      warnings.push(d);
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
