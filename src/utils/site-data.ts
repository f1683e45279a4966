import { getCollection, type CollectionKey } from 'astro:content';
import type {
  Block,
  Department,
  Indicator,
  Mention,
  PolicyDocument,
  PolicyTable,
  Repair,
  SummaryRow,
  Task,
} from '../schemas/index.ts';
import { assignmentsByDepartment, groupBy, type Assignment } from './aggregate.ts';
import { isPlanKind } from './labels.ts';
import type { SidebarDocument } from './sidebar.ts';
import { createLinks, type SiteLinks } from './urls.ts';

/** One raw source, line by line. */
export interface SourceLines {
  id: string;
  file: string;
  title: string;
  /** Editorial note from the manifest. */
  note?: string;
  lines: string[];
}

/**
 * Every collection, loaded once per build and indexed by id. Pages and components read the data
 * through this (calling getCollection on every page is a known build-time hot spot).
 */
export interface SiteData {
  documents: PolicyDocument[];
  tasks: Task[];
  tables: PolicyTable[];
  summaryRows: SummaryRow[];
  departments: Department[];
  indicators: Indicator[];
  mentions: Mention[];
  repairs: Repair[];
  sources: SourceLines[];
  documentById: Map<string, PolicyDocument>;
  taskById: Map<string, Task>;
  tableById: Map<string, PolicyTable>;
  departmentById: Map<string, Department>;
  indicatorById: Map<string, Indicator>;
  sourceById: Map<string, SourceLines>;
  /** Source manifest id by file name. */
  sourceIdByFile: Map<string, string>;
  /** Block by id, with the document that holds it. */
  blockById: Map<string, { block: Block; document: PolicyDocument }>;
  /** Tasks of each department, with its role. */
  assignments: Map<string, Assignment[]>;
  /**
   * Indexes, so that no page scans a whole collection (the build stays linear in the corpus).
   * Lists keep model order.
   */
  tasksByDocument: Map<string, Task[]>;
  tasksByIndicator: Map<string, Task[]>;
  repairsByDocument: Map<string, Repair[]>;
  summaryRowsByDocument: Map<string, SummaryRow[]>;
  /** Summary rows by responsible department, and by the department report that answers them. */
  summaryRowsByDepartment: Map<string, SummaryRow[]>;
  summaryRowsByReport: Map<string, SummaryRow[]>;
  /** Mentions by `indicator:<id>` / `department:<id>`, and by document. */
  mentionsByTarget: Map<string, Mention[]>;
  mentionsByDocument: Map<string, Mention[]>;
  /** Attachments (child documents) of a document. */
  childrenByParent: Map<string, PolicyDocument[]>;
  /** Documents a department reports or issues. */
  documentsByDepartment: Map<string, PolicyDocument[]>;
  /** Departments by canonical name (same-named units of other jurisdictions). */
  departmentsByName: Map<string, Department[]>;
  /** Jurisdictions that have at least one plan. */
  planJurisdictions: Set<string>;
  links: SiteLinks;
  /** Sidebar entries of the generated pages (label and order from their frontmatter). */
  sidebarPlans: SidebarDocument[];
  sidebarReports: SidebarDocument[];
}

let cached: Promise<SiteData> | undefined;

async function entries<T>(name: CollectionKey): Promise<T[]> {
  const list = await getCollection(name);
  return list.map((entry) => (entry as unknown as { data: T }).data);
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** Groups items under every key an item yields (an item may sit under several keys, once each). */
function groupByMany<T>(items: readonly T[], keys: (item: T) => Iterable<string>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

async function load(): Promise<SiteData> {
  const [documents, tasks, tables, summaryRows, departments, indicators, mentions, repairs, sources] = await Promise.all([
    entries<PolicyDocument>('documents'),
    entries<Task>('tasks'),
    entries<PolicyTable>('tables'),
    entries<SummaryRow>('summaryRows'),
    entries<Department>('departments'),
    entries<Indicator>('indicators'),
    entries<Mention>('mentions'),
    entries<Repair>('repairs'),
    entries<SourceLines>('sources'),
  ]);
  const docs = await getCollection('docs');
  const blockById = new Map<string, { block: Block; document: PolicyDocument }>();
  for (const document of documents) for (const block of document.blocks) blockById.set(block.id, { block, document });
  const links = createLinks(import.meta.env.BASE_URL);
  return {
    documents,
    tasks,
    tables,
    summaryRows,
    departments,
    indicators,
    mentions,
    repairs,
    sources,
    documentById: byId(documents),
    taskById: byId(tasks),
    tableById: byId(tables),
    departmentById: byId(departments),
    indicatorById: byId(indicators),
    sourceById: byId(sources),
    sourceIdByFile: new Map(sources.map((source) => [source.file, source.id])),
    blockById,
    assignments: assignmentsByDepartment(tasks),
    tasksByDocument: groupBy(tasks, (task) => task.documentId),
    tasksByIndicator: groupByMany(tasks, (task) => task.indicatorIds),
    repairsByDocument: groupBy(repairs, (repair) => repair.documentId),
    summaryRowsByDocument: groupBy(summaryRows, (row) => row.documentId),
    summaryRowsByDepartment: groupByMany(summaryRows, (row) => row.units.map((unit) => unit.id)),
    summaryRowsByReport: groupByMany(summaryRows, (row) => row.departmentReportIds),
    mentionsByTarget: groupBy(mentions, (mention) => `${mention.kind}:${mention.targetId}`),
    mentionsByDocument: groupBy(mentions, (mention) => mention.documentId),
    childrenByParent: groupByMany(documents, (doc) => (doc.parentId === null ? [] : [doc.parentId])),
    documentsByDepartment: groupByMany(documents, (doc) => {
      const ids: string[] = [];
      if (doc.departmentId !== null) ids.push(doc.departmentId);
      if (doc.issuerDepartmentId !== null && doc.kind !== 'department-report') ids.push(doc.issuerDepartmentId);
      return ids;
    }),
    departmentsByName: groupBy(departments, (department) => department.name),
    planJurisdictions: new Set(documents.filter((doc) => isPlanKind(doc.kind)).map((doc) => doc.jurisdiction)),
    links,
    ...sidebarDocuments(docs, new Map(documents.map((doc) => [doc.id, doc])), links),
  };
}

/** The generated pages as sidebar entries, split into plans and reports. */
function sidebarDocuments(
  docs: { data: { documentId?: string | undefined; title: string; sidebar: { label?: string | undefined; order?: number | undefined } } }[],
  documentById: Map<string, PolicyDocument>,
  links: SiteLinks,
): { sidebarPlans: SidebarDocument[]; sidebarReports: SidebarDocument[] } {
  const sidebarPlans: SidebarDocument[] = [];
  const sidebarReports: SidebarDocument[] = [];
  for (const { data } of docs) {
    const doc = data.documentId === undefined ? undefined : documentById.get(data.documentId);
    if (!doc) continue;
    const entry = { sourceId: doc.sourceId, label: data.sidebar.label ?? data.title, order: data.sidebar.order ?? 0, href: links.document(doc) };
    (isPlanKind(doc.kind) ? sidebarPlans : sidebarReports).push(entry);
  }
  return { sidebarPlans, sidebarReports };
}

/** The site's data, loaded on first use. */
export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

/** Looks an id up or stops the build with a message naming what was missing and where. */
export function required<T>(map: Map<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`unknown ${what} id referenced by a page: ${id}`);
  return value;
}
