import type { PolicyDocument } from '../schemas/index.ts';
import { isPlanKind } from './labels.ts';

/**
 * Site URLs, all derived from ids and prefixed with the base path, so the site works under any
 * sub-path (`BASE_PATH=/kb/`). Pure: the base is passed in (pages pass `import.meta.env.BASE_URL`).
 */
export interface SiteLinks {
  home: string;
  /** Page of a document: `/plans/<id>/` for plans, `/reports/<id>/` otherwise. */
  document(doc: Pick<PolicyDocument, 'id' | 'kind'>): string;
  /** A block (or task) anchor on its document's page. */
  anchor(doc: Pick<PolicyDocument, 'id' | 'kind'>, anchorId: string): string;
  department(id: string): string;
  departmentCsv(id: string): string;
  indicator(id: string): string;
  departments: string;
  indicators: string;
  /** Index of every plan, grouped by source. */
  plans: string;
  /** Index of every report-like document. */
  reports: string;
  matrix: string;
  deadlines: string;
  sources: string;
  search: string;
  /** The raw source view of a manifest entry, optionally at a line anchor. */
  source(sourceId: string, line?: number): string;
  /** Any other path inside the site (`data/tasks.csv`). */
  path(relative: string): string;
}

/** Normalises a base path to start and end with exactly one `/` (`kb` → `/kb/`, `` → `/`). */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

const SAFE_SEGMENT = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

function segment(id: string): string {
  if (!SAFE_SEGMENT.test(id)) throw new Error(`unsafe URL segment (ids must be ASCII slugs): ${JSON.stringify(id)}`);
  return id;
}

/** The id of the line anchor of line `n` on a raw source page. */
export function lineAnchor(line: number): string {
  return `L${line}`;
}

export function createLinks(base: string): SiteLinks {
  const root = normaliseBase(base);
  const path = (relative: string): string => root + relative.replace(/^\/+/, '');
  const document = (doc: Pick<PolicyDocument, 'id' | 'kind'>): string =>
    path(`${isPlanKind(doc.kind) ? 'plans' : 'reports'}/${segment(doc.id)}/`);
  return {
    home: root,
    document,
    anchor: (doc, anchorId) => `${document(doc)}#${segment(anchorId)}`,
    department: (id) => path(`departments/${segment(id)}/`),
    departmentCsv: (id) => path(`departments/${segment(id)}/tasks.csv`),
    indicator: (id) => path(`indicators/${segment(id)}/`),
    departments: path('departments/'),
    plans: path('plans/'),
    reports: path('reports/'),
    indicators: path('indicators/'),
    matrix: path('matrix/'),
    deadlines: path('deadlines/'),
    sources: path('sources/'),
    search: path('search/'),
    source: (sourceId, line) => path(`sources/${segment(sourceId)}/`) + (line === undefined ? '' : `#${lineAnchor(line)}`),
    path,
  };
}
