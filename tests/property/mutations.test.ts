/**
 * Random damage to the real sources (fast-check): lines deleted, duplicated or swapped, garbage
 * lines inserted (tabs, numbering-like lines, field-label-like lines, odd Unicode, text that tries to
 * be code), files truncated.
 * Whatever the damage, the ingest either stops with IngestError/IngestErrors naming a line that
 * exists, or succeeds with every non-whitespace character of the damaged text in the model
 * (lossless 100 %). Never another exception.
 *
 * Reproducible: the seed is fixed (KB_PROPERTY_SEED overrides it, KB_PROPERTY_RUNS the number of
 * runs); on failure fast-check prints the seed, the path and the shrunk counterexample.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelSchema, type Diagnostic, type ManifestEntry, type Model } from '../../src/schemas/index.ts';
import { createParseContext } from '../../scripts/ingest/context.ts';
import { IngestError, IngestErrors } from '../../scripts/ingest/core/errors.ts';
import { decodeSource } from '../../scripts/ingest/core/source-text.ts';
import { checkLossless, describeUnaccounted, modelTexts } from '../../scripts/ingest/lossless.ts';
import { loadManifest } from '../../scripts/ingest/manifest.ts';
import { parsePlanPackage } from '../../scripts/ingest/plans/index.ts';
import { loadDepartments } from '../../scripts/ingest/registry/departments.ts';
import { createUnitResolver } from '../../scripts/ingest/registry/resolve.ts';
import { parseReport } from '../../scripts/ingest/reports/parse-report.ts';
import { HOSTILE_PLAN_FRAGMENTS, HOSTILE_REPORT_FRAGMENTS } from '../hostile/hostile-strings.ts';
import { errorsOf, ingest, realContentDir, realSource, removeContent, writeContent } from '../hostile/support/temp-content.ts';

afterAll(removeContent);

const SEED = Number(process.env.KB_PROPERTY_SEED ?? 20221102);
/** Whole runs per property (fast-check loops forever on a fractional count). */
const RUNS = Math.max(1, Math.floor(Number(process.env.KB_PROPERTY_RUNS ?? 40)));

const entries = loadManifest(path.join(realContentDir, 'sources')).entries;
const registry = loadDepartments(path.join(realContentDir, 'data', 'departments.yaml'));

// ── Mutations ──────────────────────────────────────────────────────────────────────────────

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; distance: number }
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'truncate'; at: number };

/** Lines a converter or a person might leave in a document. */
const garbageLine = fc.oneof(
  // Numbering-like lines, alone or with text, as every numbering scheme of the corpus prints them.
  fc
    .tuple(
      fc.constantFrom('一、', '三、', '十二、', '（一）', '（三）', '(二)', '1.', '12.', '3、', '（1）', '(7)', '①', '附件', '附件7', '附件 1', '第 63 期'),
      fc.constantFrom('', '加强组织领导', '优化营商环境。', '任务。推进', '\t'),
    )
    .map(([number, text]) => number + text),
  // Field-label-like lines, with and without values, in the spellings of the corpus.
  fc
    .tuple(
      fc.constantFrom('时间节点：', '时间节点:', '完成时限：', '责任单位：', '责任单位:', '牵头单位：', '配合单位：', '报送：', '抄送：'),
      fc.constantFrom('', '2022年12月底前', '2022年13月', '持续推进', '市发展改革委牵头', '市发展改革委、市财政局', '市宇宙局', '各县（市、区）政府'),
    )
    .map(([label, value]) => label + value),
  // Tabs: table cells, empty cells, a table header.
  fc.constantFrom('\t', '\t\t', '\t序号', '\t1', '\t\t指标', '序号\t问题\t意见建议\t整改落实情况\t责任单位', '1\t<p>问题</p>\t\t'),
  // Markdown and markup leftovers.
  fc.constantFrom('---', '# 标题', '- 列表', '<p>', '</p>', '\uFFFD注：', '（此件公开发布）', '2022 年 11 月 2 日'),
  // Text that tries to be code (the fragments of the hostile fixture corpus).
  fc.constantFrom(...HOSTILE_REPORT_FRAGMENTS, ...Object.values(HOSTILE_PLAN_FRAGMENTS).flat()),
  // Anything at all (printable and not), including the odd Unicode of Word exports.
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('\t', ' ', '\u3000', '。', '：', '、', '\u200b', '\u2028', '\u202e', '\u00a0', '一', '（', '）', '1', '.'), maxLength: 12 }),
);

/**
 * Where in the file a mutation applies, as a fraction of its length, uniform over the lines (fc.double
 * spreads over float bit patterns, i.e. mostly near 0, and biased integers favour the edges: either
 * would keep damaging the title and little else).
 */
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

/** Truncation ends most documents early, so it is drawn less often than the local damage. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fraction.map((at) => ({ kind: 'delete', at }) as const), weight: 3 },
  { arbitrary: fraction.map((at) => ({ kind: 'duplicate', at }) as const), weight: 3 },
  { arbitrary: fc.record({ at: fraction, distance: fc.integer({ min: 1, max: 40 }) }).map((m) => ({ kind: 'swap', ...m }) as const), weight: 3 },
  { arbitrary: fc.record({ at: fraction, line: garbageLine }).map((m) => ({ kind: 'insert', ...m }) as const), weight: 4 },
  { arbitrary: fraction.map((at) => ({ kind: 'truncate', at }) as const), weight: 1 },
);

/** One to four mutations, applied in order. */
const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

function applyMutations(text: string, list: readonly Mutation[]): string {
  const lines = text.split('\n');
  for (const m of list) {
    const i = Math.min(lines.length - 1, Math.floor(m.at * lines.length));
    if (lines.length === 0) break;
    switch (m.kind) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, lines[i]!);
        break;
      case 'swap': {
        const j = Math.min(lines.length - 1, i + m.distance);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        break;
      }
      case 'insert':
        lines.splice(i, 0, m.line);
        break;
      case 'truncate':
        lines.length = Math.max(1, i);
        break;
    }
  }
  return lines.join('\n');
}

// ── One document through the ingest, in-process ──────────────────────────────────────────────

type Outcome = { ok: true; model: Model } | { ok: false; errors: IngestError[] };

/**
 * The ingest steps of one manifest entry, as runIngest runs them: decode, parse with the real
 * registry's resolver, stop on unresolved units, validate against the model schema, lossless check.
 * Linking and mentions run in the (slower) whole-pipeline property below.
 */
function ingestDocument(entry: ManifestEntry, bytes: Uint8Array): Outcome {
  try {
    const text = decodeSource(entry.file, bytes, entry.encoding);
    const parents = entry.parentJurisdiction ? { [entry.jurisdiction]: entry.parentJurisdiction } : {};
    const resolver = createUnitResolver(registry.departments, { jurisdictions: registry.jurisdictions, parents });
    const warnings: Diagnostic[] = [];
    const ctx = createParseContext({ jurisdiction: entry.jurisdiction, resolver, diagnostics: warnings });
    const parse = entry.kind === 'plan-package' ? parsePlanPackage : parseReport;
    const result = parse(entry, text, ctx);
    resolver.assertAllResolved();
    const candidate = {
      sources: [entry],
      documents: result.documents,
      tasks: result.tasks,
      tables: result.tables,
      summaryRows: result.summaryRows,
      departments: registry.departments,
      indicators: [],
      mentions: [],
      repairs: result.repairs,
      diagnostics: [...result.diagnostics, ...warnings],
    };
    const validated = ModelSchema.safeParse(candidate);
    if (!validated.success) {
      // runIngest turns these into IngestErrors (model-invalid) located at the nearest source span.
      const issue = validated.error.issues[0]!;
      return { ok: false, errors: [new IngestError('model-invalid', entry.file, 0, `model.${issue.path.join('.')}: ${issue.message}`)] };
    }
    const lossless = checkLossless([text], modelTexts(validated.data));
    if (lossless.unaccounted.length > 0) {
      throw new Error(`lossless check failed (${lossless.coverage} %):\n${describeUnaccounted(lossless, 10).join('\n')}`);
    }
    return { ok: true, model: validated.data };
  } catch (error) {
    if (error instanceof IngestErrors) return { ok: false, errors: error.errors };
    if (error instanceof IngestError) return { ok: false, errors: [error] };
    throw error;
  }
}

/** Every error names the damaged file (or the manifest) and a line that exists. */
function expectLocated(errors: readonly IngestError[], file: string, lineCount: number): void {
  for (const error of errors) {
    if (error.code === 'model-invalid') continue;
    expect([file, 'manifest.yaml'], error.message).toContain(path.basename(error.file));
    expect(error.line, error.message).toBeGreaterThanOrEqual(1);
    if (path.basename(error.file) === file) expect(error.line, error.message).toBeLessThanOrEqual(Math.max(1, lineCount + 1));
  }
}

const params = (runs: number) => ({ seed: SEED, numRuns: runs, endOnFailure: true });

describe('random damage to a real source never crashes the ingest, and never loses text', () => {
  const runsFor: Record<string, number> = {
    'pingdingshan-2022-action-plans.txt': RUNS,
    'shangqiu-rectification-report-2022.txt': RUNS,
  };
  for (const entry of entries) {
    const original = realSource(entry.file).toString('utf8');
    it(`${entry.file}: stops with a located IngestError or parses with lossless 100 % (${runsFor[entry.file] ?? RUNS * 2} runs, seed ${SEED})`, () => {
      const seen = { parsed: 0, stopped: 0 };
      fc.assert(
        fc.property(mutations, (list) => {
          const damaged = applyMutations(original, list);
          const outcome = ingestDocument(entry, Buffer.from(damaged, 'utf8'));
          if (outcome.ok) seen.parsed++;
          else {
            seen.stopped++;
            expectLocated(outcome.errors, entry.file, damaged.split('\n').length);
          }
        }),
        params(runsFor[entry.file] ?? RUNS * 2),
      );
      // Both outcomes occur: the damage is neither always fatal nor always harmless.
      expect(seen.parsed).toBeGreaterThan(0);
    });
  }

  it('the unmutated sources parse (the properties start from working inputs)', () => {
    for (const entry of entries) expect(ingestDocument(entry, realSource(entry.file)).ok, entry.file).toBe(true);
  });
});

describe('random damage through the whole pipeline (linking, mentions, ids, validation)', () => {
  const small = entries.filter((e) => e.kind !== 'plan-package');
  const planPackage = entries.find((e) => e.kind === 'plan-package')!;

  it(`runIngest on a damaged plan package only ever throws IngestError(s) (${Math.max(3, Math.floor(RUNS / 4))} runs, seed ${SEED})`, () => {
    const original = realSource(planPackage.file).toString('utf8');
    fc.assert(
      fc.property(mutations, (list) => {
        const damaged = applyMutations(original, list);
        const outcome = ingest(writeContent({ manifest: [planPackage], sources: { [planPackage.file]: damaged } }));
        if (outcome.ok) expect(outcome.lossless.coverage).toBe(100);
        else expectLocated(errorsOf(outcome), planPackage.file, damaged.split('\n').length);
      }),
      params(Math.max(3, Math.floor(RUNS / 4))),
    );
  }, 180_000);

  it(`runIngest on a damaged report or bulletin only ever throws IngestError(s) (${Math.max(4, Math.floor(RUNS / 4))} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...small), mutations, (entry, list) => {
        const damaged = applyMutations(realSource(entry.file).toString('utf8'), list);
        const dir = writeContent({ manifest: [entry], sources: { [entry.file]: damaged } });
        const outcome = ingest(dir); // rethrows anything that is not an IngestError
        if (outcome.ok) expect(outcome.lossless.coverage).toBe(100);
        else expectLocated(errorsOf(outcome), entry.file, damaged.split('\n').length);
      }),
      params(Math.max(4, Math.floor(RUNS / 4))),
    );
  });
});
