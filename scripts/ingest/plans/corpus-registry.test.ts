/**
 * The plan package read with the real department registry (content/data/departments.yaml):
 * every unit named in a 责任单位 field resolves to a registered department of 平顶山市 (or of an
 * enclosing jurisdiction), and each task's units are those its text names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../../src/schemas/index.ts';
import { createParseContext } from '../context.ts';
import { decodeSource } from '../core/source-text.ts';
import { loadDepartments } from '../registry/departments.ts';
import { createUnitResolver, type UnitResolver } from '../registry/resolve.ts';
import { parsePlanPackage, type PlanPackageResult } from './index.ts';
import { splitResponsibility } from './responsibility.ts';

const root = join(import.meta.dirname, '../../..');
let resolver: UnitResolver;
let result: PlanPackageResult;

beforeAll(() => {
  const manifest = ManifestSchema.parse(parse(readFileSync(join(root, 'content/sources/manifest.yaml'), 'utf8')));
  const entry = manifest.documents.find((d) => d.kind === 'plan-package')!;
  const registry = loadDepartments(join(root, 'content/data/departments.yaml'), 'content/data/departments.yaml');
  resolver = createUnitResolver(registry.departments, { jurisdictions: registry.jurisdictions });
  const ctx = createParseContext({ jurisdiction: entry.jurisdiction, resolver, diagnostics: [] });
  const text = decodeSource(entry.file, readFileSync(join(root, 'content/sources', entry.file)));
  result = parsePlanPackage(entry, text, ctx);
});

describe('the plan package with the department registry', () => {
  it('resolves every unit string of every 责任单位 field', () => {
    expect(resolver.unresolved().map((u) => `${u.file}:${u.line} ${u.name}`)).toEqual([]);
  });

  it('gives every task one registered unit per unit its 责任单位 text names, in order and with its role', () => {
    for (const task of result.tasks) {
      const named = splitResponsibility(task.unitsRaw);
      expect(task.units.map((u) => [u.raw, u.role])).toEqual(named.map((u) => [u.raw, u.role]));
      for (const unit of task.units) expect(unit.id).toMatch(/^[a-z]+-[a-z0-9-]+$/u);
    }
  });

  it('reads aliases as one department: 市发改委, 市发展改革委 and 市发展和改革委员会', () => {
    const ids = new Set(
      result.tasks.flatMap((t) => t.units).filter((u) => ['市发改委', '市发展改革委', '市发展和改革委员会'].includes(u.raw.replace(/牵头|配合|按职责分工负责|等.*$/gu, ''))).map((u) => u.id),
    );
    expect(ids.size).toBe(1);
  });

  it('reads 城乡一体化示范区、高新区管委会 as two registered 管委会', () => {
    const task = result.tasks.find((t) => t.id === 'pds-2022-plans-a17-t1-1')!;
    const names = task.units.map((u) => u.name);
    expect(names.filter((n) => n.includes('管委会'))).toHaveLength(2);
  });
});
