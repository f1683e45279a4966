import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeSource } from '../ingest/core/source-text.ts';
import { ModelSchema, type Model } from '../../src/schemas/index.ts';
import { isPlanKind } from '../../src/utils/labels.ts';
import { assertUniqueIds, COLLECTION_NAMES, modelCollections } from './collections.ts';
import { documentMdx } from './mdx.ts';

export interface GenerateOptions {
  /** The model written by `npm run ingest`. */
  modelPath?: string;
  /** Where the MDX pages go (`<docsDir>/plans`, `<docsDir>/reports`). */
  docsDir?: string;
  /** Where `collections/*.json` go (default: the model's folder). */
  outDir?: string;
  /** Folder holding `sources/` (for the raw source view). */
  contentDir?: string;
}

export interface GenerateResult {
  pages: number;
  collections: Record<string, number>;
}

/** One raw source as the line-numbered source view shows it. */
export interface SourceLines {
  id: string;
  file: string;
  title: string;
  lines: string[];
}

function readModel(modelPath: string): Model {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(modelPath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the model at ${modelPath} (run \`npm run ingest\` first): ${(error as Error).message}`);
  }
  const parsed = ModelSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${modelPath} does not match ModelSchema:\n  ${first.join('\n  ')}`);
  }
  return parsed.data;
}

function writeIfChanged(path: string, text: string): void {
  try {
    if (readFileSync(path, 'utf8') === text) return;
  } catch {
    // missing file: write it
  }
  writeFileSync(path, text);
}

/** Removes generated `.mdx` files that no longer correspond to a document. */
function pruneFolder(folder: string, keep: Set<string>): void {
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.mdx') && !keep.has(name)) rmSync(join(folder, name));
  }
}

/**
 * Reads the model and writes the MDX pages and the JSON collections. Output depends on the
 * model only (no dates, no counters), so two runs give identical files.
 */
export function runGenerate(options: GenerateOptions = {}): GenerateResult {
  const generatedDir = process.env['KB_GENERATED_DIR'] ?? 'generated';
  const modelPath = options.modelPath ?? join(generatedDir, 'model.json');
  const docsDir = options.docsDir ?? join('src', 'content', 'docs');
  const outDir = options.outDir ?? dirname(modelPath);
  const contentDir = options.contentDir ?? process.env['KB_CONTENT_DIR'] ?? 'content';
  const model = readModel(modelPath);

  const folders = { plans: join(docsDir, 'plans'), reports: join(docsDir, 'reports') };
  const keep = { plans: new Set<string>(), reports: new Set<string>() };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  for (const doc of model.documents) {
    const folder = isPlanKind(doc.kind) ? 'plans' : 'reports';
    const name = `${doc.id}.mdx`;
    keep[folder].add(name);
    writeIfChanged(join(folders[folder], name), documentMdx(doc, model));
  }
  pruneFolder(folders.plans, keep.plans);
  pruneFolder(folders.reports, keep.reports);

  const collectionsDir = join(outDir, 'collections');
  mkdirSync(collectionsDir, { recursive: true });
  const counts: Record<string, number> = {};
  const collections = modelCollections(model);
  for (const name of COLLECTION_NAMES) {
    assertUniqueIds(name, collections[name]);
    writeIfChanged(join(collectionsDir, `${name}.json`), JSON.stringify(collections[name], null, 1) + '\n');
    counts[name] = collections[name].length;
  }

  const sources: SourceLines[] = model.sources.map((entry) => {
    const path = join(contentDir, 'sources', entry.file);
    const text = decodeSource(entry.file, readFileSync(path), entry.encoding);
    return { id: entry.id, file: entry.file, title: entry.title, ...(entry.note ? { note: entry.note } : {}), lines: text.lines };
  });
  assertUniqueIds('sources', sources);
  writeIfChanged(join(collectionsDir, 'sources.json'), JSON.stringify(sources, null, 1) + '\n');
  counts['sources'] = sources.length;

  return { pages: model.documents.length, collections: counts };
}
