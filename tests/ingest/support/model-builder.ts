import type { Block, Model, PolicyDocument, Repair, SourceSpan, Task } from '../../../src/schemas/index.ts';
import type { SourceText } from '../../../scripts/ingest/core/source-text.ts';

/** Small hand-made models for stage tests, built the way the parsers build them. */
export const FILE = 'sample.txt';

export function span(line: number, endLine = line, file = FILE): SourceSpan {
  return { file, line, endLine };
}

export function source(lines: string[], file = FILE): SourceText {
  return { file, lines, encoding: 'utf-8', lineEnds: 'lf' };
}

export function paragraph(id: string, text: string, line: number, endLine = line): Block {
  return { id, type: 'paragraph', text, role: 'body', source: span(line, endLine) };
}

export function heading(id: string, number: string | null, title: string, line: number, level = 1): Block {
  return { id, type: 'heading', level, number, title, source: span(line) };
}

export function document(overrides: Partial<PolicyDocument> & Pick<PolicyDocument, 'id' | 'blocks'>): PolicyDocument {
  return {
    sourceId: 'sample',
    kind: 'report',
    title: '样例报告',
    attachment: null,
    issuer: '商丘市人民政府',
    issuerDepartmentId: null,
    jurisdiction: '商丘市',
    date: '2022',
    parentId: null,
    departmentId: null,
    indicatorIds: [],
    meta: [],
    markup: [],
    source: span(1, 1),
    ...overrides,
  };
}

export function task(overrides: Partial<Task> & Pick<Task, 'id' | 'documentId' | 'text'>): Task {
  return {
    plan: 2,
    number: '1.',
    numberPath: ['1.'],
    sectionId: null,
    title: null,
    deadline: { raw: null, kind: 'none', months: [], continuing: false, label: '未注明' },
    unitsRaw: '市财政局',
    units: [{ id: 'pds-czj', name: '市财政局', role: 'responsible', raw: '市财政局' }],
    sharedFields: false,
    indicatorIds: [],
    relatedPlanIds: [],
    source: span(1),
    fieldSource: span(1),
    ...overrides,
  };
}

export function repair(overrides: Partial<Repair> & Pick<Repair, 'id' | 'documentId' | 'before' | 'source'>): Repair {
  return { kind: 'duplicate', after: '', note: '重复段落只显示一次', ...overrides };
}

export function model(parts: Partial<Model>): Model {
  return {
    sources: [],
    documents: [],
    tasks: [],
    tables: [],
    summaryRows: [],
    departments: [],
    indicators: [],
    mentions: [],
    repairs: [],
    diagnostics: [],
    ...parts,
  };
}
