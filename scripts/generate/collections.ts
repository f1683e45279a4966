import type { Model } from '../../src/schemas/index.ts';

/**
 * The JSON collections the site loads with Astro's `file()` loader (one array of objects with
 * an `id` per file). They are the model's own arrays, so the collection schemas are the model's
 * zod schemas.
 */
export const COLLECTION_NAMES = [
  'documents',
  'tasks',
  'tables',
  'summaryRows',
  'departments',
  'indicators',
  'mentions',
  'repairs',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

export function modelCollections(model: Model): Record<CollectionName, readonly { id: string }[]> {
  return {
    documents: model.documents,
    tasks: model.tasks,
    tables: model.tables,
    summaryRows: model.summaryRows,
    departments: model.departments,
    indicators: model.indicators,
    mentions: model.mentions,
    repairs: model.repairs,
  };
}

/** Throws when two entries of one collection share an id (the collection would silently keep one). */
export function assertUniqueIds(name: string, entries: readonly { id: string }[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) throw new Error(`duplicate id in collection ${name}: ${entry.id}`);
    seen.add(entry.id);
  }
}
