import { z } from 'zod';
import { SourceSpanSchema } from './source.ts';

/**
 * One row of a problem-rectification summary table (商丘 附件1): a problem found by the inspection,
 * what was suggested, what was done, and who is responsible.
 */
export const SummaryRowSchema = z.object({
  /** Stable id: `<documentId>-row<n>`. */
  id: z.string(),
  documentId: z.string(),
  /** 序号 as printed. */
  number: z.number().int().positive(),
  /** The problem's name: the first sentence of the 问题 cell. */
  problem: z.string(),
  /** The whole 问题 cell. */
  problemText: z.string(),
  /** 意见建议 cell. */
  suggestions: z.string(),
  /** 整改落实情况, split into paragraphs at 一是/二是…, 1./2.…, ①②…. */
  rectification: z.array(z.string()),
  /** 责任单位 as printed. */
  unitsRaw: z.string(),
  /** Units resolved against the registry (role `responsible`). */
  units: z.array(z.object({ id: z.string(), name: z.string(), raw: z.string() })),
  /** Department reports that answer this row. */
  departmentReportIds: z.array(z.string()),
  source: SourceSpanSchema,
});
export type SummaryRow = z.infer<typeof SummaryRowSchema>;
