import { z } from 'zod';
import { SourceSpanSchema } from './source.ts';
import { UnitRefSchema } from './unit-ref.ts';

/**
 * The normalised reading of a 时间节点 value.
 * `date`: one or more year-months; `continuous`: 持续推进/持续推动; `periodic`: 每季度…;
 * `compound`: dates with conditions (e.g. 试点 by 6月, others by 12月); `none`: no 时间节点 given.
 */
export const DeadlineSchema = z.object({
  /** As printed, or null when the task has no 时间节点. */
  raw: z.string().nullable(),
  kind: z.enum(['date', 'continuous', 'periodic', 'compound', 'none']),
  /** Year-months stated in the value, ascending (`2022-06`). */
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
  /** True when the value also says the work continues (`2022年12月，持续推进`). */
  continuing: z.boolean(),
  /** Short Chinese label for display (`2022年12月`, `持续推进`, `每季度一次`). */
  label: z.string(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

/** A task of a plan: a numbered item (or an unnumbered paragraph) with its own or a shared field block. */
export const TaskSchema = z.object({
  /** Stable id from the plan and the printed number path, e.g. `pds-2022-plans-a04-t1-2`. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** The plan document. */
  documentId: z.string(),
  /** 附件 number of the plan (1 = the overall plan). */
  plan: z.number().int().positive(),
  /** Number as printed (`2.`, `（三）`, `（１）`, `49 .`); empty string for an unnumbered task. */
  number: z.string(),
  /** Printed numbers of the enclosing sections and the task, outermost first (`['三、','（一）','2.']`). */
  numberPath: z.array(z.string()),
  /** The heading block the task sits under. */
  sectionId: z.string().nullable(),
  /** The task's lead sentence (title-only heading or the text up to the first 。), if it has one. */
  title: z.string().nullable(),
  /** Full text without the number, paragraphs joined with `\n\n`. */
  text: z.string(),
  deadline: DeadlineSchema,
  /** The 责任单位 value as printed. */
  unitsRaw: z.string(),
  units: z.array(UnitRefSchema).min(1),
  /** True when the field block is shared with sibling tasks (A11, A25) or inherited from a parent. */
  sharedFields: z.boolean(),
  /** Indicators the task serves (the plan's indicator; overall-plan items get the plans that cover them). */
  indicatorIds: z.array(z.string()),
  /** For overall-plan items: special plans covering the same ground. */
  relatedPlanIds: z.array(z.string()),
  /** Span of the task text and its field lines. */
  source: SourceSpanSchema,
  /** Lines of the 时间节点 and 责任单位 fields. */
  fieldSource: SourceSpanSchema,
});
export type Task = z.infer<typeof TaskSchema>;
