import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'zod';
import {
  DepartmentSchema,
  DocumentSchema,
  IndicatorSchema,
  MentionSchema,
  PolicyTableSchema,
  RepairSchema,
  SummaryRowSchema,
  TaskSchema,
} from './schemas/index.ts';

/** Folder written by `npm run generate` (KB_GENERATED_DIR lets benchmarks build other corpora). */
const generated = process.env['KB_GENERATED_DIR'] ?? 'generated';
const collection = (name: string) => `${generated}/collections/${name}.json`;

/** One raw source text, line by line, for the line-numbered source view. */
const SourceLinesSchema = z.object({
  /** Manifest id of the source. */
  id: z.string(),
  /** File name inside `content/sources/`. */
  file: z.string(),
  /** Title from the manifest. */
  title: z.string(),
  /** Editorial note from the manifest, shown with every document of the source. */
  note: z.string().optional(),
  /** Physical lines; `lines[0]` is line 1. */
  lines: z.array(z.string()),
});

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** Model document id of a generated page (absent on hand-written pages). */
        documentId: z.string().optional(),
        /** Model document kind of a generated page. */
        kind: DocumentSchema.shape.kind.optional(),
      }),
    }),
  }),
  documents: defineCollection({ loader: file(collection('documents')), schema: DocumentSchema }),
  tasks: defineCollection({ loader: file(collection('tasks')), schema: TaskSchema }),
  tables: defineCollection({ loader: file(collection('tables')), schema: PolicyTableSchema }),
  summaryRows: defineCollection({ loader: file(collection('summaryRows')), schema: SummaryRowSchema }),
  departments: defineCollection({ loader: file(collection('departments')), schema: DepartmentSchema }),
  indicators: defineCollection({ loader: file(collection('indicators')), schema: IndicatorSchema }),
  mentions: defineCollection({ loader: file(collection('mentions')), schema: MentionSchema }),
  repairs: defineCollection({ loader: file(collection('repairs')), schema: RepairSchema }),
  sources: defineCollection({ loader: file(collection('sources')), schema: SourceLinesSchema }),
};
