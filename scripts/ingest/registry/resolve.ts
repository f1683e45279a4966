import type { Department } from '../../../src/schemas/index.ts';
import { IngestError, IngestErrors } from '../core/errors.ts';
import type { Jurisdiction } from './departments.ts';
import { matchKey } from './normalize.ts';

export interface UnresolvedUnit {
  name: string;
  jurisdiction: string;
  file: string;
  line: number;
}

export interface UnitResolver {
  /**
   * The department a unit name means in a jurisdiction, or null (then the name is recorded as
   * unresolved with `at`). Exact match of the name or an alias after width/whitespace normalisation.
   */
  resolve(name: string, jurisdiction: string, at: { file: string; line: number }): Department | null;
  /** Like `resolve` but records nothing: for optional look-ups such as an issuer. */
  lookup(name: string, jurisdiction: string): Department | null;
  /** The jurisdictions searched for a document of `jurisdiction`, in order. */
  searchOrder(jurisdiction: string): string[];
  /** Every name that did not resolve, in the order met. */
  unresolved(): UnresolvedUnit[];
  /** Throws one IngestErrors listing every unresolved name with file:line; does nothing when all resolved. */
  assertAllResolved(): void;
}

export interface ResolverOptions {
  /** Jurisdiction tree from the registry; without it only the document's own jurisdiction is searched. */
  jurisdictions?: readonly Jurisdiction[];
  /** Extra parents, e.g. a manifest's `parentJurisdiction` (西平县 → 驻马店市), used when the tree has none. */
  parents?: Readonly<Record<string, string>>;
}

/**
 * Resolves unit names in the jurisdiction of the document first, then in its enclosing jurisdictions
 * (县 → 市 → 省 → 国家), then in the roots (国家, 国际). So 市财政局 in a 商丘 report is 商丘市财政局 and
 * 市委 in the 西平县 report is 驻马店市委, while 省委 resolves anywhere in 河南.
 */
export function createUnitResolver(departments: readonly Department[], options: ResolverOptions = {}): UnitResolver {
  const index = new Map<string, Map<string, Department>>();
  for (const department of departments) {
    let byKey = index.get(department.jurisdiction);
    if (!byKey) index.set(department.jurisdiction, (byKey = new Map()));
    for (const text of [department.name, ...department.aliases, department.fullName]) {
      const key = matchKey(text);
      if (!byKey.has(key)) byKey.set(key, department);
    }
  }
  const parentOf = new Map<string, string>();
  const roots: string[] = [];
  for (const j of options.jurisdictions ?? []) {
    if (j.parent) parentOf.set(j.name, j.parent);
    else roots.push(j.name);
  }
  for (const [child, parent] of Object.entries(options.parents ?? {})) {
    if (!parentOf.has(child)) parentOf.set(child, parent);
  }
  const orders = new Map<string, string[]>();
  const searchOrder = (jurisdiction: string): string[] => {
    let order = orders.get(jurisdiction);
    if (order) return order;
    order = [];
    for (let j: string | undefined = jurisdiction; j !== undefined && !order.includes(j); j = parentOf.get(j)) order.push(j);
    for (const root of roots) if (!order.includes(root)) order.push(root);
    orders.set(jurisdiction, order);
    return order;
  };
  const lookup = (name: string, jurisdiction: string): Department | null => {
    const key = matchKey(name);
    if (key === '') return null;
    for (const j of searchOrder(jurisdiction)) {
      const hit = index.get(j)?.get(key);
      if (hit) return hit;
    }
    return null;
  };
  const misses: UnresolvedUnit[] = [];
  return {
    lookup,
    searchOrder,
    resolve(name, jurisdiction, at) {
      const hit = lookup(name, jurisdiction);
      if (!hit) misses.push({ name, jurisdiction, file: at.file, line: at.line });
      return hit;
    },
    unresolved: () => [...misses],
    assertAllResolved() {
      if (misses.length === 0) return;
      throw new IngestErrors(
        misses.map(
          (m) =>
            new IngestError(
              'unit-unresolved',
              m.file,
              m.line,
              `unit "${m.name}" is not in content/data/departments.yaml for ${searchOrder(m.jurisdiction).join(' → ')}; add it as a name or alias of the right entry`,
            ),
        ),
      );
    },
  };
}
