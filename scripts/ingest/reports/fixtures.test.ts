/**
 * Fixture runner: each folder under `fixtures/` holds a small source (`input.txt`), its manifest
 * entry (`entry.yaml`, `file` filled in), optionally the units its resolver knows (`units.yaml`,
 * name → id), and `expected.json`: what the parser must yield (a readable projection of the
 * result) or the error it must raise. `it` in expected.json says, in prose, what the case shows.
 * Set UPDATE_FIXTURES=1 to write a missing expected.json from the current output (then review it).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ManifestEntrySchema } from '../../../src/schemas/index.ts';
import { IngestError } from '../core/errors.ts';
import { decodeSource } from '../core/source-text.ts';
import { checkLossless } from './lossless.ts';
import { parseReport, type ReportParseResult } from './parse-report.ts';
import { tableContext } from './test-support/corpus.ts';

const root = new URL('./fixtures/', import.meta.url);

/** The parts of a result a fixture pins down, in a form that reads well in JSON. */
function project(result: ReportParseResult, unresolved: string[]) {
  return {
    documents: result.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      attachment: d.attachment,
      parentId: d.parentId,
      departmentId: d.departmentId,
      meta: d.meta.map((m) => `${m.source.line}${m.source.endLine !== m.source.line ? `-${m.source.endLine}` : ''} ${m.label}: ${m.value}`),
      markup: d.markup.map((m) => `${m.source.line} ${m.text}`),
      blocks: d.blocks.map((b) => {
        const lines = `${b.source.line}${b.source.endLine !== b.source.line ? `-${b.source.endLine}` : ''}`;
        if (b.type === 'heading') return { id: b.id, lines, level: b.level, number: b.number, title: b.title, ...(b.runIn ? { runIn: b.runIn } : {}) };
        if (b.type === 'paragraph') return { id: b.id, lines, ...(b.role !== 'body' ? { role: b.role } : {}), text: b.text };
        if (b.type === 'table') return { id: b.id, lines, tableId: b.tableId };
        return { id: b.id, lines, type: b.type };
      }),
    })),
    repairs: result.repairs.map((r) => ({ id: r.id, kind: r.kind, lines: `${r.source.line}-${r.source.endLine}`, before: r.before, after: r.after })),
    summaryRows: result.summaryRows.map((r) => ({
      id: r.id,
      problem: r.problem,
      rectification: r.rectification,
      unitsRaw: r.unitsRaw,
      units: r.units.map((u) => `${u.id} ${u.raw}`),
      departmentReportIds: r.departmentReportIds,
    })),
    diagnostics: result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}`),
    unresolved,
  };
}

describe('report fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = new URL(`${name}/`, root);
    const expectedPath = new URL('expected.json', dir);
    const expected = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : null;
    const title = expected?.it ?? name;
    it(`${name}: ${title}`, () => {
      const entry = ManifestEntrySchema.parse({ ...parse(readFileSync(new URL('entry.yaml', dir), 'utf8')), file: 'input.txt' });
      const unitsPath = new URL('units.yaml', dir);
      const units = existsSync(unitsPath) ? (parse(readFileSync(unitsPath, 'utf8')) as Record<string, string>) : {};
      const ctx = tableContext(entry.jurisdiction, units);
      let actual: unknown;
      let result: ReportParseResult | null = null;
      const text = decodeSource('input.txt', readFileSync(new URL('input.txt', dir)));
      try {
        result = parseReport(entry, text, ctx);
        actual = project(result, ctx.unresolved.map((u) => `${u.name} ${u.at.file}:${u.at.line}`));
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        actual = { error: { code: error.code, line: error.line, message: error.message } };
      }
      if (!expected) {
        if (process.env['UPDATE_FIXTURES']) writeFileSync(expectedPath, `${JSON.stringify({ it: name, ...(actual as object) }, null, 2)}\n`);
        throw new Error(`fixture ${name} has no expected.json`);
      }
      const { it: _prose, ...want } = expected;
      expect(actual).toEqual(want);
      if (result) {
        const lossless = checkLossless(text, result);
        expect(lossless.missing).toEqual([]);
      }
    });
  }
});
