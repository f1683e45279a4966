import { z } from 'zod';
import { DepartmentSchema } from './department.ts';
import { DocumentSchema } from './document.ts';
import { IndicatorSchema } from './indicator.ts';
import { ManifestEntrySchema } from './manifest.ts';
import { MentionSchema } from './mention.ts';
import { DiagnosticSchema, RepairSchema } from './source.ts';
import { SummaryRowSchema } from './summary-row.ts';
import { PolicyTableSchema } from './table.ts';
import { TaskSchema } from './task.ts';

/** The whole typed model written by `npm run ingest` to `generated/model.json`. */
export const ModelSchema = z.object({
  /** The manifest entries, as read. */
  sources: z.array(ManifestEntrySchema),
  documents: z.array(DocumentSchema),
  tasks: z.array(TaskSchema),
  tables: z.array(PolicyTableSchema),
  summaryRows: z.array(SummaryRowSchema),
  departments: z.array(DepartmentSchema),
  indicators: z.array(IndicatorSchema),
  mentions: z.array(MentionSchema),
  repairs: z.array(RepairSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type Model = z.infer<typeof ModelSchema>;
