/**
 * Blank lines carry no meaning in the sources: some plans put one between every paragraph, others
 * none at all. Removing them all, or adding one after every line, must not change what is read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ManifestSchema } from '../../../src/schemas/index.ts';
import type { SourceText } from '../core/source-text.ts';
import { decodeSource } from '../core/source-text.ts';
import { parsePlanPackage } from './index.ts';
import { checkLossless } from './lossless-check.ts';
import { fakeContext } from './test-support/fixture.ts';

const sources = join(import.meta.dirname, '../../../content/sources');
const entry = ManifestSchema.parse(parse(readFileSync(join(sources, 'manifest.yaml'), 'utf8'))).documents.find((d) => d.kind === 'plan-package')!;
const original = decodeSource(entry.file, readFileSync(join(sources, entry.file)));

/** What a reader sees, without line numbers (which the edits shift). */
function reading(text: SourceText) {
  const result = parsePlanPackage(entry, text, fakeContext());
  return {
    titles: result.documents.map((d) => d.title),
    headings: result.documents.flatMap((d) => d.blocks.filter((b) => b.type === 'heading').map((b) => `${b.id} ${b.title}`)),
    tasks: result.tasks.map((t) => ({ id: t.id, text: t.text, deadline: t.deadline, units: t.units, shared: t.sharedFields })),
    tables: result.tables.map((t) => ({ header: t.header.map((r) => r.map((c) => c.text)), rows: t.rows.map((r) => r.map((c) => c.text)), caption: t.caption, notes: t.notes })),
    repairs: result.repairs.map((r) => `${r.kind} ${r.after}`),
  };
}

describe('blank lines', () => {
  const expected = reading(original);

  it('can all be removed without changing tasks, headings or tables', () => {
    const dense: SourceText = { ...original, lines: original.lines.filter((l) => !/^ *$/u.test(l)) }; // a lone TAB is an empty cell, not a blank line
    expect(reading(dense)).toEqual(expected);
    expect(checkLossless(dense, parsePlanPackage(entry, dense, fakeContext())).missing).toEqual([]);
  });

  it('can be added after every line without changing tasks, headings or tables', () => {
    const airy: SourceText = { ...original, lines: original.lines.flatMap((l) => [l, '']) };
    expect(reading(airy)).toEqual(expected);
  });
});
