/**
 * Shared by the fixture runner and the fixture writer: how a fixture folder is parsed and which
 * part of the result its expected.json pins down.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, ManifestEntry } from '../../../../src/schemas/index.ts';
import type { ParseContext } from '../../context.ts';
import { decodeSource } from '../../core/source-text.ts';
import { parsePlanPackage, type PlanPackageResult } from '../index.ts';

/** A context whose resolver accepts any name (its id is a slug of the code points). */
export function fakeContext(diagnostics: Diagnostic[] = []): ParseContext & { names: string[] } {
  const names: string[] = [];
  return {
    jurisdiction: '平顶山市',
    names,
    resolveUnit(name) {
      names.push(name);
      return { id: `u-${[...name].map((c) => c.codePointAt(0)!.toString(36)).join('-')}`, name };
    },
    warn(d) {
      diagnostics.push(d);
    },
  };
}

export const FIXTURE_ENTRY: ManifestEntry = {
  id: 'fx',
  file: 'input.txt',
  kind: 'plan-package',
  title: '测试方案包',
  issuer: '平顶山市',
  jurisdiction: '平顶山市',
  date: '2022',
  split: { attachmentMarker: '^附件(\\d+)$', firstAttachment: 1, footnotes: { marker: '\uFFFD', attachTo: 2 } },
};

export function parseFixture(dir: string): PlanPackageResult {
  const bytes = readFileSync(join(dir, 'input.txt'));
  const entryPath = join(dir, 'entry.json');
  const entry: ManifestEntry = existsSync(entryPath) ? { ...FIXTURE_ENTRY, ...JSON.parse(readFileSync(entryPath, 'utf8')) } : FIXTURE_ENTRY;
  return parsePlanPackage(entry, decodeSource('input.txt', bytes), fakeContext());
}

/** The part of a result a fixture pins down: everything a reader would see, without noise. */
export function project(result: PlanPackageResult) {
  return {
    documents: result.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      parentId: d.parentId,
      markup: d.markup.map((m) => `${m.source.line}:${m.text}`),
      blocks: d.blocks.map((b) => {
        const at = `L${b.source.line}${b.source.endLine !== b.source.line ? `-${b.source.endLine}` : ''}`;
        if (b.type === 'heading') {
          return { id: b.id, at, heading: b.level, number: b.number, ...(b.impliedNumber ? { impliedNumber: b.impliedNumber } : {}), title: b.title, ...(b.runIn ? { runIn: b.runIn } : {}) };
        }
        if (b.type === 'paragraph') return { id: b.id, at, paragraph: b.role, text: b.text };
        if (b.type === 'footnote') return { id: b.id, at, footnote: b.term ?? null, text: b.text };
        if (b.type === 'task') return { id: b.id, at, task: b.taskId };
        return { id: b.id, at, table: b.tableId };
      }),
    })),
    tasks: result.tasks.map((t) => ({
      id: t.id,
      number: t.number,
      numberPath: t.numberPath.join(' '),
      sectionId: t.sectionId,
      title: t.title,
      text: t.text,
      deadline: t.deadline,
      unitsRaw: t.unitsRaw,
      units: t.units.map((u) => `${u.role} ${u.name}${u.raw !== u.name ? ` ← ${u.raw}` : ''}`),
      sharedFields: t.sharedFields,
      lines: `${t.source.line}-${t.source.endLine} fields ${t.fieldSource.line}-${t.fieldSource.endLine}`,
    })),
    tables: result.tables.map((t) => ({
      id: t.id,
      caption: t.caption,
      captionPosition: t.captionPosition,
      unitNote: t.unitNote,
      header: t.header.map((row) => row.map((c) => `${c.text}${c.colspan > 1 ? ` ⟷${c.colspan}` : ''}${c.rowspan > 1 ? ` ↕${c.rowspan}` : ''}`)),
      rows: t.rows.map((row) => row.map((c) => c.text)),
      notes: t.notes,
      columnRoles: t.columnRoles,
      lines: `${t.source.line}-${t.source.endLine}`,
    })),
    repairs: result.repairs.map((r) => ({ id: r.id, kind: r.kind, line: r.source.line, before: r.before, after: r.after })),
    diagnostics: result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}`),
  };
}
