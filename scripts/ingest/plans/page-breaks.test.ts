/**
 * A page break can cut any sentence of a task. Cutting a line of the real corpus anywhere inside a
 * sentence (and, sometimes, leaving a blank line between the pieces) must leave every task's text
 * unchanged and record exactly one more page-break join.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ManifestSchema } from '../../../src/schemas/index.ts';
import { decodeSource, type SourceText } from '../core/source-text.ts';
import { parsePlanPackage } from './index.ts';
import { endsSentence } from './numbering.ts';
import { fakeContext } from './test-support/fixture.ts';

const sources = join(import.meta.dirname, '../../../content/sources');
const entry = ManifestSchema.parse(parse(readFileSync(join(sources, 'manifest.yaml'), 'utf8'))).documents.find((d) => d.kind === 'plan-package')!;
const original = decodeSource(entry.file, readFileSync(join(sources, entry.file)));
const baseline = parsePlanPackage(entry, original, fakeContext());
const tasksOf = (result: typeof baseline) => result.tasks.map((t) => ({ id: t.id, text: t.text, unitsRaw: t.unitsRaw, deadline: t.deadline.raw }));
const expected = tasksOf(baseline);
const joinRepairs = baseline.repairs.filter((r) => r.kind === 'page-break-join');
const joins = joinRepairs.length;
const alreadyJoined = (n: number) => joinRepairs.some((r) => r.source.line <= n && n <= r.source.endLine);

/** Lines of task text that hold at least one full sentence, with the places a cut may fall. */
const cuttable = baseline.tasks.flatMap((t) => {
  const out: { line: number; at: number }[] = [];
  for (let n = t.source.line; n <= t.source.endLine; n++) {
    const text = original.lines[n - 1]!;
    if (/^\s*(时间节点|责任单位)/u.test(text) || text.startsWith('\t') || alreadyJoined(n)) continue;
    const first = text.indexOf('。');
    if (first === -1) continue; // a title-only line: a cut there would make two lines of a heading
    // Cut inside a later sentence: not right after punctuation, not before a digit or bracket.
    for (let at = first + 2; at < text.trimEnd().length - 1; at += 7) {
      if (!endsSentence(text.slice(0, at)) && !/^[\d（(、，\s]/u.test(text.slice(at)) && !/\s$/u.test(text.slice(0, at))) out.push({ line: n, at });
    }
  }
  return out;
});

describe('page breaks inside task sentences', () => {
  it('are found in the corpus to test with', () => {
    expect(cuttable.length).toBeGreaterThan(1000);
  });

  it('are rejoined without changing any task', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cuttable), fc.boolean(), ({ line, at }, blank) => {
        const text = original.lines[line - 1]!;
        const cut: SourceText = {
          ...original,
          lines: [...original.lines.slice(0, line - 1), text.slice(0, at), ...(blank ? [''] : []), text.slice(at), ...original.lines.slice(line)],
        };
        const result = parsePlanPackage(entry, cut, fakeContext());
        expect(tasksOf(result)).toEqual(expected);
        expect(result.repairs.filter((r) => r.kind === 'page-break-join')).toHaveLength(joins + 1);
      }),
      { numRuns: 15 },
    );
  });
});
