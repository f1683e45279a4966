import { z } from 'zod';
import { SourceSpanSchema } from './source.ts';

/**
 * The body of a document is an ordered list of blocks. Together, the blocks of all documents
 * account for every non-whitespace character of the sources (the lossless check).
 * Text is kept as printed (after joining page-break splits, which are recorded as repairs);
 * derived, normalised forms live in separate fields.
 */
const base = {
  /** Stable id, unique within the model; used as the HTML anchor. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  source: SourceSpanSchema,
};

export const HeadingBlockSchema = z.object({
  ...base,
  type: z.literal('heading'),
  /** Depth in the document's own hierarchy: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）. */
  level: z.number().int().min(1).max(6),
  /** The number as printed (`三、`, `（一）`, `49 .`), or null when the source omits it. */
  number: z.string().nullable(),
  /** The number the position implies, when the source omits or misprints it (`二、`). */
  impliedNumber: z.string().optional(),
  /** The heading text without its number. */
  title: z.string(),
  /** Body text printed on the same line after the heading sentence (run-in headings), if any. */
  runIn: z.string().optional(),
});

export const ParagraphBlockSchema = z.object({
  ...base,
  type: z.literal('paragraph'),
  text: z.string(),
  /** `intro`: section intro such as 主要目标：…; `note`: 注/备注; `meta`: 报送/抄送/印发 lines. */
  role: z.enum(['body', 'intro', 'note', 'meta', 'title', 'list-item']).default('body'),
});

/** A task of a plan; its content lives in the tasks collection. */
export const TaskRefBlockSchema = z.object({ ...base, type: z.literal('task'), taskId: z.string() });

/** A table; its content lives in the tables collection (or the summary rows for 商丘 附件1). */
export const TableRefBlockSchema = z.object({ ...base, type: z.literal('table'), tableId: z.string() });

/** A footnote (e.g. the displaced endnotes of 附件4). */
export const FootnoteBlockSchema = z.object({
  ...base,
  type: z.literal('footnote'),
  /** The term the note defines, when it starts with one (“三省”). */
  term: z.string().optional(),
  text: z.string(),
});

export const BlockSchema = z.discriminatedUnion('type', [
  HeadingBlockSchema,
  ParagraphBlockSchema,
  TaskRefBlockSchema,
  TableRefBlockSchema,
  FootnoteBlockSchema,
]);
export type Block = z.infer<typeof BlockSchema>;
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
