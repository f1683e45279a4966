import type { Department, DepartmentKind } from '../schemas/index.ts';
import { compareZh, groupBy } from './aggregate.ts';
import { DepartmentKindSchema } from '../schemas/index.ts';

/** Order of jurisdictions in the directory: the plans' city first, then by name. */
const JURISDICTION_ORDER = ['平顶山市', '商丘市', '驻马店市', '西平县', '河南省', '国家'];

export interface DirectoryGroup {
  jurisdiction: string;
  count: number;
  kinds: { kind: DepartmentKind; departments: Department[] }[];
}

function jurisdictionRank(name: string): number {
  const index = JURISDICTION_ORDER.indexOf(name);
  return index === -1 ? JURISDICTION_ORDER.length : index;
}

/**
 * Departments grouped by jurisdiction (known ones in a fixed order, others after, by name), then
 * by kind (in the schema's order), then by name in pinyin order.
 */
export function directoryGroups(departments: readonly Department[]): DirectoryGroup[] {
  const kinds = DepartmentKindSchema.options;
  return [...groupBy(departments, (d) => d.jurisdiction)]
    .sort(([a], [b]) => jurisdictionRank(a) - jurisdictionRank(b) || compareZh(a, b))
    .map(([jurisdiction, list]) => ({
      jurisdiction,
      count: list.length,
      kinds: [...groupBy(list, (d) => d.kind)]
        .sort(([a], [b]) => kinds.indexOf(a) - kinds.indexOf(b))
        .map(([kind, members]) => ({ kind, departments: [...members].sort((a, b) => compareZh(a.name, b.name)) })),
    }));
}
