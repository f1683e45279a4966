import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ModelSchema, type Diagnostic, type Model } from '../../src/schemas/index.ts';
import { createParseContext, type ParseContext, type ParseResult } from './context.ts';
import { IngestError, IngestErrors } from './core/errors.ts';
import { decodeSource, type SourceText } from './core/source-text.ts';
import { linkPlans } from './linking.ts';
import { checkLossless, modelTexts, type LosslessReport } from './lossless.ts';
import { loadManifest } from './manifest.ts';
import { findMentions } from './mentions.ts';
import { parsePlanPackage } from './plans/index.ts';
import { loadDepartments } from './registry/departments.ts';
import { loadIndicators, toIndicator } from './registry/indicators.ts';
import { createUnitResolver } from './registry/resolve.ts';
import { parseReport } from './reports/parse-report.ts';
import type { ManifestEntry } from '../../src/schemas/index.ts';

export interface IngestOptions {
  /** Folder with `sources/` (texts + manifest.yaml) and `data/` (registries). */
  contentDir?: string;
  /** Where `model.json` is written. */
  outDir?: string;
  /** Prints the summary (default true when run from the command line). */
  log?: (line: string) => void;
}

export interface IngestResult {
  model: Model;
  lossless: LosslessReport;
  modelPath: string;
}


type Parser = (entry: ManifestEntry, text: SourceText, ctx: ParseContext) => ParseResult;

/** The parser for each manifest kind. */
const PARSERS: Record<ManifestEntry['kind'], Parser> = {
  'plan-package': parsePlanPackage,
  bulletin: parseReport,
  report: parseReport,
};

/**
 * Builds the whole model from the content folder: manifest → decode → parse → resolve units → link →
 * mentions → validate → lossless check → `model.json`. Any fault stops the run with every error listed
 * as `file:line: …` (an IngestErrors).
 */
export function runIngest({
  contentDir = process.env.KB_CONTENT_DIR ?? 'content',
  outDir = process.env.KB_GENERATED_DIR ?? 'generated',
  log = () => {},
}: IngestOptions = {}): IngestResult {
  const sourcesDir = join(contentDir, 'sources');
  const dataDir = join(contentDir, 'data');
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const manifest = loadManifest(sourcesDir, shown(sourcesDir));
  const registry = loadDepartments(join(dataDir, 'departments.yaml'), shown(join(dataDir, 'departments.yaml')));
  const indicatorEntries = loadIndicators(join(dataDir, 'indicators.yaml'), shown(join(dataDir, 'indicators.yaml')));

  const errors: IngestError[] = [];
  const known = new Set(registry.jurisdictions.map((j) => j.name));
  const parents: Record<string, string> = {};
  for (const entry of manifest.entries) {
    for (const jurisdiction of [entry.jurisdiction, entry.parentJurisdiction]) {
      if (jurisdiction && !known.has(jurisdiction)) {
        errors.push(
          new IngestError('unknown-jurisdiction', shown(join(sourcesDir, 'manifest.yaml')), manifest.lines.get(entry.id)!, `document ${entry.id}: jurisdiction "${jurisdiction}" is not listed in content/data/departments.yaml (jurisdictions); add it with its prefix and parent, and its units`),
        );
      }
    }
    if (entry.parentJurisdiction) parents[entry.jurisdiction] = entry.parentJurisdiction;
  }
  if (errors.length > 0) throw new IngestErrors(errors);
  const resolver = createUnitResolver(registry.departments, { jurisdictions: registry.jurisdictions, parents });

  const parsed: ParseResult = { documents: [], tasks: [], tables: [], summaryRows: [], repairs: [], diagnostics: [] };
  const sources: SourceText[] = [];
  for (const entry of manifest.entries) {
    const text = decodeSource(entry.file, readFileSync(join(sourcesDir, entry.file)), entry.encoding);
    sources.push(text);
    const warnings: Diagnostic[] = [];
    const ctx = createParseContext({ jurisdiction: entry.jurisdiction, resolver, diagnostics: warnings });
    const result = PARSERS[entry.kind](entry, text, ctx);
    parsed.documents.push(...result.documents);
    parsed.tasks.push(...result.tasks);
    parsed.tables.push(...result.tables);
    parsed.summaryRows.push(...result.summaryRows);
    parsed.repairs.push(...result.repairs);
    parsed.diagnostics.push(...unique([...result.diagnostics, ...warnings]));
  }
  resolver.assertAllResolved();

  for (const document of parsed.documents) {
    if (document.issuerDepartmentId === null) {
      const entry = manifest.entries.find((e) => e.id === document.sourceId);
      const issuer = entry && resolver.lookup(entry.issuer, entry.jurisdiction);
      if (issuer) document.issuerDepartmentId = issuer.id;
    }
  }

  const indicators = indicatorEntries.map(toIndicator);
  linkPlans({ ...parsed, indicatorEntries, indicators, departments: registry.departments });
  const mentions = findMentions({ ...parsed, indicatorEntries, departments: registry.departments, resolver });

  const candidate: Model = {
    sources: manifest.entries,
    documents: parsed.documents,
    tasks: parsed.tasks,
    tables: parsed.tables,
    summaryRows: parsed.summaryRows,
    departments: registry.departments,
    indicators,
    mentions,
    repairs: parsed.repairs,
    diagnostics: parsed.diagnostics,
  };
  const validated = ModelSchema.safeParse(candidate);
  if (!validated.success) {
    throw new IngestErrors(
      validated.error.issues.slice(0, 50).map((issue) => {
        const at = locate(candidate, issue.path);
        return new IngestError('model-invalid', at.file, at.line, `model.${issue.path.join('.')}: ${issue.message}`);
      }),
    );
  }
  const model = validated.data;
  assertUniqueIds(model);

  const lossless = checkLossless(sources, modelTexts(model));
  if (lossless.unaccounted.length > 0) {
    throw new IngestErrors(
      lossless.unaccounted.map((u) => new IngestError('text-lost', u.file, u.line, `not in the model: «${u.missing}» (lossless coverage ${lossless.coverage} %)`)),
    );
  }

  mkdirSync(outDir, { recursive: true });
  const modelPath = join(outDir, 'model.json');
  writeFileSync(modelPath, `${stableStringify(model)}\n`);
  for (const line of summary(model, lossless, modelPath)) log(line);
  return { model, lossless, modelPath };
}

function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.severity, d.code, d.file, d.line, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The source position of the model object an issue path points into (its nearest `source`). */
function locate(model: unknown, path: readonly PropertyKey[]): { file: string; line: number } {
  let current = model;
  let found = { file: 'generated/model.json', line: 0 };
  for (const key of path) {
    if (current === null || typeof current !== 'object') break;
    const source = (current as { source?: { file?: unknown; line?: unknown } }).source;
    if (source && typeof source.file === 'string' && typeof source.line === 'number') found = { file: source.file, line: source.line };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return found;
}

/** Ids are anchors and URLs: documents, blocks, tasks and tables must not share one. */
function assertUniqueIds(model: Model): void {
  const seen = new Map<string, { file: string; line: number }>();
  const errors: IngestError[] = [];
  const claim = (id: string, source: { file: string; line: number }, what: string) => {
    const previous = seen.get(id);
    if (previous) errors.push(new IngestError('duplicate-id', source.file, source.line, `${what} id "${id}" is already used by ${previous.file}:${previous.line}`));
    else seen.set(id, source);
  };
  for (const d of model.documents) {
    claim(d.id, d.source, 'document');
    for (const b of d.blocks) {
      // A task or table block may share the id of what it shows (it is the same anchor).
      if ((b.type === 'task' && b.id === b.taskId) || (b.type === 'table' && b.id === b.tableId)) continue;
      claim(b.id, b.source, `${b.type} block`);
    }
  }
  for (const t of model.tasks) claim(t.id, t.source, 'task');
  for (const t of model.tables) claim(t.id, t.source, 'table');
  const mentionIds = new Set<string>();
  for (const m of model.mentions) {
    if (mentionIds.has(m.id)) errors.push(new IngestError('duplicate-id', m.source.file, m.source.line, `mention id "${m.id}" is not unique`));
    mentionIds.add(m.id);
  }
  if (errors.length > 0) throw new IngestErrors(errors);
}

/** JSON with object keys sorted, so the same model always gives the same bytes. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

function summary(model: Model, lossless: LosslessReport, modelPath: string): string[] {
  const count = <T>(items: readonly T[], key: (item: T) => string) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
  };
  const referenced = new Set([
    ...model.tasks.flatMap((t) => t.units.map((u) => u.id)),
    ...model.summaryRows.flatMap((r) => r.units.map((u) => u.id)),
    ...model.mentions.filter((m) => m.kind === 'department').map((m) => m.targetId),
  ]);
  const warnings = model.diagnostics.filter((d) => d.severity === 'warning').length;
  return [
    `ingest: wrote ${modelPath}`,
    `  sources      ${model.sources.length}`,
    `  documents    ${model.documents.length} (${count(model.documents, (d) => d.kind)})`,
    `  tasks        ${model.tasks.length} (with deadline ${model.tasks.filter((t) => t.deadline.kind !== 'none').length}, units ${model.tasks.reduce((n, t) => n + t.units.length, 0)})`,
    `  tables       ${model.tables.length}; summary rows ${model.summaryRows.length}`,
    `  departments  ${model.departments.length} in the registry, ${referenced.size} named in tasks, rows or reports`,
    `  indicators   ${model.indicators.length} (${model.indicators.filter((i) => i.planIds.length > 0).length} with plans, ${model.indicators.reduce((n, i) => n + i.targets.length, 0)} targets, ${model.indicators.reduce((n, i) => n + i.goals.length, 0)} goals)`,
    `  mentions     ${model.mentions.length} (${count(model.mentions, (m) => m.kind)})`,
    `  repairs      ${model.repairs.length} (${count(model.repairs, (r) => r.kind)})`,
    `  diagnostics  ${model.diagnostics.length} (${warnings} warnings)`,
    `  lossless     ${lossless.coverage} % of ${lossless.totalChars} characters`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    runIngest({ log: (line) => console.log(line) });
  } catch (error) {
    if (error instanceof IngestErrors) {
      console.error(`ingest failed: ${error.errors.length} error(s)`);
      for (const e of error.errors) console.error(`  ${e.message}`);
    } else if (error instanceof IngestError) {
      console.error(`ingest failed:\n  ${error.message}`);
    } else throw error;
    process.exitCode = 1;
  }
}
