import type { Department, PolicyDocument, Repair, SourceSpan, Task, UnitRole } from '../schemas/index.ts';
import { ROLE_ORDER } from './labels.ts';

/** Counts of tasks by role. */
export type RoleCounts = Record<UnitRole, number> & { total: number };

export function emptyCounts(): RoleCounts {
  return { lead: 0, support: 0, responsible: 0, total: 0 };
}

/** Groups items by a key, keeping first-seen key order and item order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A task as seen from one department: the role it plays there. */
export interface Assignment {
  task: Task;
  /** The department's role; its strongest role when it is listed more than once. */
  role: UnitRole;
}

/** The strongest of two roles (lead > responsible > support). */
export function strongerRole(a: UnitRole, b: UnitRole): UnitRole {
  return ROLE_ORDER.indexOf(a) <= ROLE_ORDER.indexOf(b) ? a : b;
}

/**
 * Every department's tasks, in model order. A department listed twice in one task (e.g. as lead
 * and again as support) gets the task once, with its strongest role.
 */
export function assignmentsByDepartment(tasks: readonly Task[]): Map<string, Assignment[]> {
  const result = new Map<string, Assignment[]>();
  for (const task of tasks) {
    const roles = new Map<string, UnitRole>();
    for (const unit of task.units) {
      const seen = roles.get(unit.id);
      roles.set(unit.id, seen ? strongerRole(seen, unit.role) : unit.role);
    }
    for (const [departmentId, role] of roles) {
      const list = result.get(departmentId);
      if (list) list.push({ task, role });
      else result.set(departmentId, [{ task, role }]);
    }
  }
  return result;
}

export function countRoles(assignments: readonly Assignment[]): RoleCounts {
  const counts = emptyCounts();
  for (const { role } of assignments) {
    counts[role] += 1;
    counts.total += 1;
  }
  return counts;
}

/** One cell of the responsibility matrix. */
export interface MatrixCell {
  departmentId: string;
  documentId: string;
  counts: RoleCounts;
}

/**
 * The departments × plans matrix: for each department with at least one task, its counts by role
 * in each plan (plans in the order given). Rows keep the order of `departments`.
 */
export function responsibilityMatrix(
  departments: readonly Department[],
  plans: readonly Pick<PolicyDocument, 'id'>[],
  tasks: readonly Task[],
): { department: Department; cells: MatrixCell[]; total: RoleCounts }[] {
  const byDepartment = assignmentsByDepartment(tasks);
  const rows = [];
  for (const department of departments) {
    const assignments = byDepartment.get(department.id);
    if (!assignments || assignments.length === 0) continue;
    const byPlan = groupBy(assignments, (a) => a.task.documentId);
    const cells = plans.map((plan) => ({
      departmentId: department.id,
      documentId: plan.id,
      counts: countRoles(byPlan.get(plan.id) ?? []),
    }));
    rows.push({ department, cells, total: countRoles(assignments) });
  }
  return rows;
}

/** Deadline buckets of the deadlines page, in display order. */
export interface DeadlineBucket {
  /** `2022-06`, or `continuous` / `periodic` / `none` for tasks without a month. */
  key: string;
  tasks: Task[];
}

/**
 * Tasks grouped by the months of their 时间节点 (a task with two months appears under both),
 * months ascending, then 持续推进, 定期, and tasks without a 时间节点.
 */
export function deadlineBuckets(tasks: readonly Task[]): DeadlineBucket[] {
  const months = new Map<string, Task[]>();
  const rest: Record<'continuous' | 'periodic' | 'none', Task[]> = { continuous: [], periodic: [], none: [] };
  for (const task of tasks) {
    const { deadline } = task;
    if (deadline.months.length > 0) {
      for (const month of new Set(deadline.months)) {
        const list = months.get(month);
        if (list) list.push(task);
        else months.set(month, [task]);
      }
    } else if (deadline.kind === 'continuous') rest.continuous.push(task);
    else if (deadline.kind === 'periodic') rest.periodic.push(task);
    else rest.none.push(task);
  }
  const buckets: DeadlineBucket[] = [...months.keys()].sort().map((key) => ({ key, tasks: months.get(key) ?? [] }));
  for (const key of ['continuous', 'periodic', 'none'] as const) {
    if (rest[key].length > 0) buckets.push({ key, tasks: rest[key] });
  }
  return buckets;
}

/** True when two spans of the same file share at least one line. */
export function spansOverlap(a: SourceSpan, b: SourceSpan): boolean {
  return a.file === b.file && a.line <= b.endLine && b.line <= a.endLine;
}

/** The repairs of a document that touch the given span, in source order. */
export function repairsWithin(repairs: readonly Repair[], documentId: string, span: SourceSpan): Repair[] {
  return repairs
    .filter((repair) => repair.documentId === documentId && spansOverlap(repair.source, span))
    .sort((a, b) => a.source.line - b.source.line);
}

/**
 * RFC 4180 CSV with a UTF-8 BOM (so spreadsheet programs read Chinese correctly) and CRLF rows.
 * A text cell that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`, the
 * usual guard against spreadsheet formula injection: source text must not run in Excel either.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const escape = (value: string | number): string => {
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return '\uFEFF' + rows.map((row) => row.map(escape).join(',')).join('\r\n') + '\r\n';
}

/** Sorts ids/strings with the Chinese collation (pinyin order), for stable, readable lists. */
export function compareZh(a: string, b: string): number {
  return a.localeCompare(b, 'zh-Hans-CN');
}
