import type { Department, Indicator, IndicatorTarget, PolicyDocument, PolicyTable, Task } from '../../src/schemas/index.ts';
import type { IndicatorEntry } from './registry/indicators.ts';
import { indicatorMatcher, type TermMatcher } from './registry/terms.ts';

/**
 * Links plans, tasks and indicators by rules over the indicator registry (no hand lists), so next
 * year's plans link without code changes:
 * - a plan targets the indicator named in its title (the most specific one: 创新创业活跃度 rather than
 *   its parent 包容普惠创新);
 * - a task of a special plan serves its plan's indicator;
 * - a task of the overall plan relates to the special plans whose indicator its title names or, when the
 *   title names none, its text names (names, aliases and keywords: 蓝天保卫战 → 蓝天碧水净土森林覆盖率);
 * - an indicator's targets are the rows of its plan's 指标对比 tables, and its goals the sentences of the
 *   overall plan's paragraphs that name it — or, in a goals paragraph (role `intro`: 主要目标：…), that
 *   discuss it by a keyword (普通高压客户参与用电报装不超过4个环节 is a goal of 获得电力).
 */
export interface LinkInput {
  documents: PolicyDocument[];
  tasks: Task[];
  tables: PolicyTable[];
  indicatorEntries: readonly IndicatorEntry[];
  indicators: Indicator[];
  departments: readonly Department[];
}

const PLAN_KINDS = new Set(['overall-plan', 'special-plan']);

export function linkPlans({ documents, tasks, tables, indicatorEntries, indicators, departments }: LinkInput): void {
  const names = indicatorMatcher(indicatorEntries, departments, 'names');
  const everything = indicatorMatcher(indicatorEntries, departments, 'all');
  const parentOf = new Map(indicatorEntries.map((e) => [e.id, e.parentId]));
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const order = new Map(indicatorEntries.map((e, i) => [e.id, i]));
  const mostSpecific = (ids: Iterable<string>): string[] => {
    const set = new Set(ids);
    for (const id of [...set]) for (let p = parentOf.get(id); p; p = parentOf.get(p)) set.delete(p);
    return [...set].sort((a, b) => order.get(a)! - order.get(b)!);
  };

  // 1. Plans → indicators, by the title.
  const plans = documents.filter((d) => PLAN_KINDS.has(d.kind));
  for (const plan of plans) {
    plan.indicatorIds = plan.kind === 'special-plan' ? mostSpecific(names.find(plan.title).map((h) => h.target)) : [];
  }
  const plansOf = new Map<string, PolicyDocument[]>();
  for (const plan of plans) {
    for (const id of plan.indicatorIds) {
      for (let i: string | null | undefined = id; i; i = parentOf.get(i)) {
        const list = plansOf.get(i) ?? [];
        if (!list.includes(plan)) list.push(plan);
        plansOf.set(i, list);
      }
    }
  }
  for (const indicator of indicators) {
    indicator.planIds = (plansOf.get(indicator.id) ?? []).sort(byAttachment).map((d) => d.id);
  }

  // 2. Tasks → indicators and related plans.
  const documentById = new Map(documents.map((d) => [d.id, d]));
  for (const task of tasks) {
    const plan = documentById.get(task.documentId);
    if (!plan || !PLAN_KINDS.has(plan.kind)) continue;
    if (plan.kind === 'special-plan') {
      task.indicatorIds = [...plan.indicatorIds];
      continue;
    }
    const inTitle = task.title ? hitsOf(everything, task.title) : [];
    const ids = mostSpecific(inTitle.length > 0 ? inTitle : hitsOf(everything, task.text));
    task.indicatorIds = ids;
    task.relatedPlanIds = [...new Set(ids.flatMap((id) => (plansOf.get(id) ?? []).map((d) => d.id)))].sort((a, b) =>
      byAttachment(documentById.get(a)!, documentById.get(b)!),
    );
  }

  // 3. Targets from the plans' indicator tables.
  for (const indicator of indicators) indicator.targets = [];
  for (const table of tables) {
    const plan = documentById.get(table.documentId);
    if (!plan || plan.kind !== 'special-plan' || plan.indicatorIds.length !== 1) continue;
    const indicator = byId.get(plan.indicatorIds[0]!);
    if (indicator) indicator.targets.push(...targetsOf(table));
  }

  // 4. Goals: sentences of the overall plan's paragraphs that name an indicator; in its goals
  // paragraphs (主要目标：…, which state targets without naming the indicator), keywords count too.
  for (const indicator of indicators) indicator.goals = [];
  for (const plan of plans.filter((d) => d.kind === 'overall-plan')) {
    for (const block of plan.blocks) {
      if (block.type !== 'paragraph') continue;
      const matcher = block.role === 'intro' ? everything : names;
      for (const sentence of sentences(block.text)) {
        for (const id of new Set(matcher.find(sentence).map((h) => h.target))) {
          byId.get(id)?.goals.push({ text: sentence, documentId: plan.id, blockId: block.id, source: block.source });
        }
      }
    }
  }
}

function hitsOf(matcher: TermMatcher<string>, text: string): string[] {
  return matcher.find(text).map((h) => h.target);
}

function byAttachment(a: PolicyDocument, b: PolicyDocument): number {
  return (a.attachment ?? 0) - (b.attachment ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Sentences and semicolon clauses, as printed (a goal list is usually one clause of a long sentence). */
export function sentences(text: string): string[] {
  return (text.match(/[^。；;！？!?]+[。；;！？!?]?/gu) ?? []).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * The targets a table states. A table with a measure column gives one target per row, its value
 * columns (现状, 目标, 前沿水平) read by role; a table whose header cells are themselves the measures
 * (A4's 10千伏接网工程建设时限目标: one row of ≤20 / ≤30 …) gives one target per target cell, named by
 * its column header and the table's unit. Tables with neither (a fee schedule) give no targets.
 */
export function targetsOf(table: PolicyTable): IndicatorTarget[] {
  const roles = table.columnRoles;
  const metricColumn = roles.indexOf('metric');
  const valueRoles = ['current', 'target-2022-06', 'target-2022-12', 'target', 'frontier'] as const;
  if (!roles.some((r) => (valueRoles as readonly string[]).includes(r))) return [];
  const cell = (row: PolicyTable['rows'][number], role: (typeof roles)[number]): string | null => {
    const i = roles.indexOf(role);
    const text = i >= 0 ? row[i]?.text.trim() : undefined;
    return text ? text : null;
  };
  const spanOf = (row: PolicyTable['rows'][number]) => ({
    file: row[0]!.source.file,
    line: Math.min(...row.map((c) => c.source.line)),
    endLine: Math.max(...row.map((c) => c.source.endLine)),
  });
  const base = { current: null, june2022: null, frontier: null, deadline: null, tableId: table.id, documentId: table.documentId };
  const out: IndicatorTarget[] = [];
  const indexColumn = roles.indexOf('index');
  if (metricColumn < 0) {
    // Numbered rows without a measure column are a list (of 环节 …), not targets.
    if (indexColumn >= 0) return [];
    const headers = columnHeaders(table);
    const unit = table.unitNote?.replace(/^单位[:：]\s*/u, '').trim();
    for (const row of table.rows) {
      roles.forEach((role, i) => {
        const value = row[i]?.text.trim();
        const header = headers[i];
        if (!value || !header || !(valueRoles as readonly string[]).includes(role)) return;
        out.push({ ...base, metric: unit ? `${header}（${unit}）` : header, december2022: value, source: spanOf(row) });
      });
    }
    return out;
  }
  for (const row of table.rows) {
    const measure = row[metricColumn]?.text.trim();
    if (!measure) continue;
    // A summary row (合计) names itself in the 序号 column; keep that word with the measure.
    const label = indexColumn >= 0 ? row[indexColumn]?.text.trim() : undefined;
    const metric = label && !/^\d+$/u.test(label) ? `${label}（${measure}）` : measure;
    const target: IndicatorTarget = {
      ...base,
      metric,
      current: cell(row, 'current'),
      june2022: cell(row, 'target-2022-06'),
      december2022: cell(row, 'target-2022-12') ?? cell(row, 'target'),
      frontier: cell(row, 'frontier'),
      deadline: cell(row, 'deadline'),
      source: spanOf(row),
    };
    if (target.current ?? target.june2022 ?? target.december2022 ?? target.frontier) out.push(target);
  }
  return out;
}

/** The label of each column: the last header row's cells, expanded over their colspans. */
function columnHeaders(table: PolicyTable): (string | undefined)[] {
  const last = table.header.at(-1) ?? [];
  return last.flatMap((c) => Array.from({ length: c.colspan }, () => c.text.trim() || undefined));
}
