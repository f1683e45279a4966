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
import { assignmentsByDepartment, type Assignment } from './aggregate.ts';
import { createLinks, type SiteLinks } from './urls.ts';

/** One raw source, line by line. */
export interface SourceLines {
  id: string;
  file: string;
  title: string;
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
  links: SiteLinks;
}

let cached: Promise<SiteData> | undefined;

async function entries<T>(name: CollectionKey): Promise<T[]> {
  const list = await getCollection(name);
  return list.map((entry) => (entry as unknown as { data: T }).data);
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
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
  const blockById = new Map<string, { block: Block; document: PolicyDocument }>();
  for (const document of documents) for (const block of document.blocks) blockById.set(block.id, { block, document });
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
    links: createLinks(import.meta.env.BASE_URL),
  };
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
