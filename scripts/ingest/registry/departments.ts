import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DepartmentSchema, type Department } from '../../../src/schemas/index.ts';
import { IngestError, IngestErrors } from '../core/errors.ts';
import { matchKey } from './normalize.ts';
import { readYaml, topLevelList, validateItem } from './yaml-source.ts';

/** A jurisdiction of the registry: where names are looked up, and where to look next. */
export const JurisdictionSchema = z
  .object({
    /** Name as used in `jurisdiction` fields (平顶山市, 河南省, 国家 …). */
    name: z.string().min(1),
    /** Id prefix of its departments (`pds`, `sq` …): lowercase ASCII. */
    prefix: z.string().regex(/^[a-z]+$/),
    /** Enclosing jurisdiction, searched after this one; absent for roots (国家, 国际). */
    parent: z.string().min(1).optional(),
  })
  .strict();
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

export interface DepartmentRegistry {
  departments: Department[];
  jurisdictions: Jurisdiction[];
}

/** Reads `content/data/departments.yaml`; every fault is reported with its line, all at once. */
export function loadDepartments(path: string, file = path): DepartmentRegistry {
  return parseDepartments(readFileSync(path, 'utf8'), file);
}

export function parseDepartments(text: string, file: string): DepartmentRegistry {
  const source = readYaml(file, text);
  const errors: IngestError[] = [];

  const jurisdictions: Jurisdiction[] = [];
  const jurisdictionLines = new Map<string, number>();
  for (const item of topLevelList(source, 'jurisdictions')) {
    const jurisdiction = validateItem(source, item, JurisdictionSchema, 'jurisdiction', errors);
    if (!jurisdiction) continue;
    if (jurisdictionLines.has(jurisdiction.name)) {
      errors.push(
        new IngestError('duplicate-jurisdiction', file, item.line, `jurisdiction "${jurisdiction.name}" is listed twice (first at line ${jurisdictionLines.get(jurisdiction.name)})`),
      );
      continue;
    }
    jurisdictionLines.set(jurisdiction.name, item.line);
    jurisdictions.push(jurisdiction);
  }
  const byName = new Map(jurisdictions.map((j) => [j.name, j]));
  for (const j of jurisdictions) {
    if (j.parent && !byName.has(j.parent)) {
      errors.push(new IngestError('unknown-jurisdiction', file, jurisdictionLines.get(j.name)!, `jurisdiction "${j.name}": parent "${j.parent}" is not a listed jurisdiction`));
    }
  }

  const departments: Department[] = [];
  const idLines = new Map<string, number>();
  // matchKey(alias) + jurisdiction → the entry that claims it, with the line of the claim.
  const claims = new Map<string, { id: string; line: number }>();
  for (const item of topLevelList(source, 'departments')) {
    const department = validateItem(source, item, DepartmentSchema.strict(), 'department', errors);
    if (!department) continue;
    const where = `department ${department.id}`;
    if (idLines.has(department.id)) {
      errors.push(new IngestError('duplicate-id', file, item.lineOfField(['id']), `${where}: id is already used at line ${idLines.get(department.id)}`));
      continue;
    }
    idLines.set(department.id, item.line);
    const jurisdiction = byName.get(department.jurisdiction);
    if (!jurisdiction) {
      errors.push(
        new IngestError('unknown-jurisdiction', file, item.lineOfField(['jurisdiction']), `${where}: jurisdiction "${department.jurisdiction}" is not listed under \`jurisdictions\`; expected one of ${[...byName.keys()].join(', ')}`),
      );
    } else if (!department.id.startsWith(`${jurisdiction.prefix}-`)) {
      errors.push(new IngestError('id-prefix', file, item.lineOfField(['id']), `${where}: ids of ${jurisdiction.name} start with "${jurisdiction.prefix}-"`));
    }
    const names = [
      { text: department.name, line: item.lineOfField(['name']) },
      ...department.aliases.map((alias, i) => ({ text: alias, line: item.lineOfField(['aliases', i]) })),
      { text: department.fullName, line: item.lineOfField(['fullName']) },
    ];
    const own = new Set<string>();
    for (const { text, line } of names) {
      const key = matchKey(text);
      if (own.has(key)) continue; // the name repeated among the aliases is harmless
      own.add(key);
      const claimKey = `${department.jurisdiction}\u0000${key}`;
      const previous = claims.get(claimKey);
      if (previous) {
        errors.push(
          new IngestError('alias-conflict', file, line, `${where}: "${text}" is already a name or alias of ${previous.id} (line ${previous.line}) in ${department.jurisdiction}; one string must mean one unit per jurisdiction`),
        );
      } else claims.set(claimKey, { id: department.id, line });
    }
    departments.push(department);
  }
  if (errors.length > 0) throw new IngestErrors(errors);
  return { departments, jurisdictions };
}
