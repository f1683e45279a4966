import { z } from 'zod';
import { BlockSchema } from './block.ts';
import { SourceSpanSchema } from './source.ts';

/**
 * A document as readers see it: one page. A plan package yields one document per 附件
 * (1 overall plan + N special plans); a report may yield a main report, a summary table
 * and department reports.
 */
export const DocumentSchema = z.object({
  /** Stable ASCII id: `<manifestId>` or `<manifestId>-a<NN>` / `-d<NN>` / `-summary`. URL slug. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** The manifest entry this document was split from. */
  sourceId: z.string(),
  kind: z.enum(['overall-plan', 'special-plan', 'bulletin', 'report', 'summary-table', 'department-report']),
  /** Title rejoined across lines, as printed (letter-spacing removed). */
  title: z.string().min(1),
  /** Attachment number (附件N) where the document is an attachment; null otherwise. */
  attachment: z.number().int().positive().nullable(),
  issuer: z.string(),
  /** Department registry id of the issuer or author, when it is a registered unit. */
  issuerDepartmentId: z.string().nullable(),
  jurisdiction: z.string(),
  /** ISO date, possibly partial. */
  date: z.string(),
  /** Parent document (a department report's main report; a special plan's overall plan). */
  parentId: z.string().nullable(),
  /** For department reports: the reporting department. */
  departmentId: z.string().nullable(),
  /** Indicators the document targets (plans) — mentions are separate. */
  indicatorIds: z.array(z.string()),
  /** Labelled metadata as printed: 期号, 报送, 抄送, 印发, 公开方式 … */
  meta: z.array(z.object({ label: z.string(), value: z.string(), source: SourceSpanSchema })),
  /**
   * Structural markup the parser consumed rather than showing as text: 附件N labels, 时间节点/责任单位
   * field labels, markdown artefacts (`#`, `- `, `---`), `<p>` wrappers of table cells. Listed so the
   * lossless check accounts for every character; never rendered.
   */
  markup: z.array(z.object({ text: z.string(), source: SourceSpanSchema })),
  /** The body, in source order. */
  blocks: z.array(BlockSchema),
  source: SourceSpanSchema,
});
export type PolicyDocument = z.infer<typeof DocumentSchema>;
