import type { Department, Indicator, Mention, PolicyDocument, Task } from '../schemas/index.ts';
import { documentKindLabel, isPlanKind, planLabel } from './labels.ts';

/** Pagefind filter names (the search markup contract). */
export type FilterName = '文档类型' | '方案' | '部门' | '指标' | '地区';

interface FilterData {
  tasks: readonly Task[];
  mentions: readonly Mention[];
  documentById: Map<string, PolicyDocument>;
  departmentById: Map<string, Department>;
  indicatorById: Map<string, Indicator>;
}

function names<T extends { name: string }>(ids: Iterable<string>, map: Map<string, T>): string[] {
  const result = new Set<string>();
  for (const id of ids) {
    const item = map.get(id);
    if (item) result.add(item.name);
  }
  return [...result].sort();
}

/**
 * The filter values of a document page: its kind, its plan (附件N name, plans only), the
 * departments it assigns tasks to or that report or are named in it, the indicators it targets
 * or discusses, and its jurisdiction. Values are sorted and de-duplicated.
 */
export function documentFilters(doc: PolicyDocument, data: FilterData): Record<FilterName, string[]> {
  const departmentIds = new Set<string>();
  const indicatorIds = new Set<string>(doc.indicatorIds);
  for (const task of data.tasks) {
    if (task.documentId !== doc.id) continue;
    for (const unit of task.units) departmentIds.add(unit.id);
    for (const id of task.indicatorIds) indicatorIds.add(id);
  }
  for (const mention of data.mentions) {
    if (mention.documentId !== doc.id) continue;
    if (mention.kind === 'department') departmentIds.add(mention.targetId);
    else indicatorIds.add(mention.targetId);
  }
  if (doc.departmentId !== null) departmentIds.add(doc.departmentId);
  const root = doc.parentId === null ? doc : (data.documentById.get(doc.parentId) ?? doc);
  return {
    文档类型: [documentKindLabel(doc.kind)],
    方案: isPlanKind(doc.kind) ? [planLabel(doc)] : [],
    部门: names(departmentIds, data.departmentById),
    指标: names(indicatorIds, data.indicatorById),
    地区: [...new Set([doc.jurisdiction, root.jurisdiction])].sort(),
  };
}
