import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Model, PolicyDocument, Task, UnitRole } from '../../src/schemas/index.ts';
import { normaliseBase } from '../../src/utils/urls.ts';

/**
 * Open data: the model's tasks, departments, indicators and documents as JSON, and the tasks as CSV,
 * under `<distDir>/data/`. Field by field documentation: docs/open-data.md. Output is deterministic
 * (model order, fixed key order), so identical models give identical files.
 */
export interface OpenDataOptions {
  model: Model;
  /** The built site folder (`dist`). */
  distDir: string;
  /** The site's base path (`/` or `/kb/`); URLs in the data are `<base>plans/<documentId>/#<taskId>` etc. */
  base: string;
}

export interface OpenDataFiles {
  /** Paths written, relative to `distDir`. */
  files: string[];
}

const PLAN_KINDS = new Set<PolicyDocument['kind']>(['overall-plan', 'special-plan']);
const ROLE_ORDER: UnitRole[] = ['lead', 'support', 'responsible'];


export function documentUrl(document: Pick<PolicyDocument, 'id' | 'kind'>, base: string): string {
  return `${normaliseBase(base)}${PLAN_KINDS.has(document.kind) ? 'plans' : 'reports'}/${document.id}/`;
}

export function writeOpenData({ model, distDir, base }: OpenDataOptions): OpenDataFiles {
  const root = normaliseBase(base);
  const documents = new Map(model.documents.map((d) => [d.id, d]));
  const urlOf = (documentId: string, anchor?: string) => {
    const document = documents.get(documentId);
    const page = document ? documentUrl(document, root) : `${root}`;
    return anchor ? `${page}#${anchor}` : page;
  };

  const tasks = model.tasks.map((t) => taskRecord(t, documents.get(t.documentId), urlOf(t.documentId, t.id)));

  const tasksByUnit = new Map<string, Record<UnitRole, string[]>>();
  for (const t of model.tasks) {
    for (const u of t.units) {
      const entry = tasksByUnit.get(u.id) ?? { lead: [], support: [], responsible: [] };
      if (!entry[u.role].includes(t.id)) entry[u.role].push(t.id);
      tasksByUnit.set(u.id, entry);
    }
  }
  const reportsByUnit = new Map<string, string[]>();
  for (const d of model.documents) {
    if (d.departmentId) reportsByUnit.set(d.departmentId, [...(reportsByUnit.get(d.departmentId) ?? []), d.id]);
  }
  const rowsByUnit = new Map<string, string[]>();
  for (const r of model.summaryRows) for (const u of r.units) rowsByUnit.set(u.id, [...(rowsByUnit.get(u.id) ?? []), r.id]);
  const mentionsByTarget = new Map<string, number>();
  for (const m of model.mentions) mentionsByTarget.set(m.targetId, (mentionsByTarget.get(m.targetId) ?? 0) + 1);

  const departments = model.departments.map((d) => {
    const byRole = tasksByUnit.get(d.id) ?? { lead: [], support: [], responsible: [] };
    return {
      id: d.id,
      name: d.name,
      fullName: d.fullName,
      aliases: d.aliases,
      kind: d.kind,
      jurisdiction: d.jurisdiction,
      note: d.note ?? null,
      url: `${root}departments/${d.id}/`,
      taskCount: new Set(ROLE_ORDER.flatMap((r) => byRole[r])).size,
      tasks: byRole,
      summaryRowIds: rowsByUnit.get(d.id) ?? [],
      reportIds: reportsByUnit.get(d.id) ?? [],
      mentionCount: mentionsByTarget.get(d.id) ?? 0,
    };
  });

  const tasksOfIndicator = new Map<string, string[]>();
  for (const t of model.tasks) for (const id of t.indicatorIds) tasksOfIndicator.set(id, [...(tasksOfIndicator.get(id) ?? []), t.id]);
  const tasksOfDocument = new Map<string, number>();
  for (const t of model.tasks) tasksOfDocument.set(t.documentId, (tasksOfDocument.get(t.documentId) ?? 0) + 1);
  const tablesOfDocument = new Map<string, string[]>();
  for (const t of model.tables) tablesOfDocument.set(t.documentId, [...(tablesOfDocument.get(t.documentId) ?? []), t.id]);

  const indicators = model.indicators.map((i) => ({
    id: i.id,
    name: i.name,
    aliases: i.aliases,
    group: i.group,
    parentId: i.parentId,
    description: i.description ?? null,
    url: `${root}indicators/${i.id}/`,
    planIds: i.planIds,
    taskIds: tasksOfIndicator.get(i.id) ?? [],
    targets: i.targets.map((t) => ({
      metric: t.metric,
      current: t.current,
      june2022: t.june2022,
      december2022: t.december2022,
      frontier: t.frontier,
      deadline: t.deadline,
      tableId: t.tableId,
      documentId: t.documentId,
      source: span(t.source),
      url: urlOf(t.documentId, t.tableId ?? undefined),
    })),
    goals: i.goals.map((g) => ({ text: g.text, documentId: g.documentId, blockId: g.blockId, source: span(g.source), url: urlOf(g.documentId, g.blockId) })),
    mentionCount: mentionsByTarget.get(i.id) ?? 0,
  }));

  const documentRecords = model.documents.map((d) => ({
    id: d.id,
    sourceId: d.sourceId,
    kind: d.kind,
    title: d.title,
    attachment: d.attachment,
    issuer: d.issuer,
    issuerDepartmentId: d.issuerDepartmentId,
    jurisdiction: d.jurisdiction,
    date: d.date,
    parentId: d.parentId,
    departmentId: d.departmentId,
    indicatorIds: d.indicatorIds,
    url: documentUrl(d, root),
    source: span(d.source),
    taskCount: tasksOfDocument.get(d.id) ?? 0,
    tableIds: tablesOfDocument.get(d.id) ?? [],
    meta: d.meta.map((m) => ({ label: m.label, value: m.value })),
  }));

  const dataDir = join(distDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const written: [string, string][] = [
    ['tasks.json', jsonLines(tasks)],
    ['departments.json', jsonLines(departments)],
    ['indicators.json', jsonLines(indicators)],
    ['documents.json', jsonLines(documentRecords)],
    ['tasks.csv', tasksCsv(tasks)],
  ];
  for (const [name, content] of written) writeFileSync(join(dataDir, name), content);
  return { files: written.map(([name]) => `data/${name}`) };
}

type TaskRecord = ReturnType<typeof taskRecord>;

function taskRecord(t: Task, document: PolicyDocument | undefined, url: string) {
  return {
    id: t.id,
    plan: t.plan,
    number: t.number,
    numberPath: t.numberPath,
    document: t.documentId,
    documentTitle: document?.title ?? null,
    title: t.title,
    text: t.text,
    deadline: { raw: t.deadline.raw, kind: t.deadline.kind, months: t.deadline.months, continuing: t.deadline.continuing, label: t.deadline.label },
    unitsRaw: t.unitsRaw,
    units: t.units.map((u) => ({ id: u.id, name: u.name, role: u.role, raw: u.raw })),
    sharedFields: t.sharedFields,
    indicatorIds: t.indicatorIds,
    relatedPlanIds: t.relatedPlanIds,
    source: { file: t.source.file, line: t.source.line, endLine: t.source.endLine },
    url,
  };
}

function span(s: { file: string; line: number; endLine: number }) {
  return { file: s.file, line: s.line, endLine: s.endLine };
}

/** A JSON array with one record per line: valid JSON, small, and readable in a diff. */
function jsonLines(records: unknown[]): string {
  return records.length === 0 ? '[]\n' : `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

export const CSV_COLUMNS = [
  'id',
  'plan',
  'number',
  'document',
  'document_title',
  'title',
  'text',
  'deadline_raw',
  'deadline_label',
  'deadline_kind',
  'deadline_months',
  'units_raw',
  'lead_units',
  'support_units',
  'responsible_units',
  'unit_ids',
  'indicator_ids',
  'related_plan_ids',
  'source_file',
  'source_line',
  'url',
] as const;

/**
 * RFC 4180 CSV (CRLF, quoted when needed) with a UTF-8 byte-order mark so that Excel reads it as UTF-8.
 * A cell starting with = + - @ TAB or CR gets a leading ' (OWASP's CSV-injection mitigation), because
 * spreadsheets would run it as a formula; the JSON files keep the text exactly as printed.
 */
function tasksCsv(tasks: TaskRecord[]): string {
  const names = (t: TaskRecord, role: UnitRole) => t.units.filter((u) => u.role === role).map((u) => u.name).join('、');
  const rows = tasks.map((t) => [
    t.id,
    t.plan,
    t.number,
    t.document,
    t.documentTitle ?? '',
    t.title ?? '',
    t.text,
    t.deadline.raw ?? '',
    t.deadline.label,
    t.deadline.kind,
    t.deadline.months.join(';'),
    t.unitsRaw,
    names(t, 'lead'),
    names(t, 'support'),
    names(t, 'responsible'),
    [...new Set(t.units.map((u) => u.id))].join(';'),
    t.indicatorIds.join(';'),
    t.relatedPlanIds.join(';'),
    t.source.file,
    t.source.line,
    t.url,
  ]);
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quoted_match: /[",\r\n]/, escape_formulas: true })}`;
}
