import { z } from 'zod';

/**
 * Where a piece of the model came from in a source text.
 * Every text-bearing object in the model carries one, so any fact on the site can link back
 * to its place in the source and the lossless check can account for every line.
 */
export const SourceSpanSchema = z.object({
  /** Source file name, relative to `content/sources/` (e.g. `pingdingshan-2022-action-plans.txt`). */
  file: z.string().min(1),
  /** First physical line (1-based, as `sed -n` counts). */
  line: z.number().int().positive(),
  /** Last physical line, inclusive; equal to `line` for single-line spans. */
  endLine: z.number().int().positive(),
});
export type SourceSpan = z.infer<typeof SourceSpanSchema>;

/**
 * A repair of a defect in a source (stray U+FFFD, duplicated sentence, a unit name broken by
 * spaces, a sentence cut by a page break …). Repairs are data shown to readers, never silent edits.
 */
export const RepairSchema = z.object({
  /** Stable id: `<documentId>-r<n>` in source order. */
  id: z.string(),
  /** The model document the repair belongs to. */
  documentId: z.string(),
  /** What kind of defect was repaired. */
  kind: z.enum([
    'page-break-join', // a paragraph cut in two by a page break was rejoined
    'duplicate', // a duplicated sentence or paragraph is shown once
    'unit-name-rejoined', // a unit name broken by spaces was rejoined
    'replacement-character', // a U+FFFD marker was interpreted (e.g. as a footnote marker)
    'missing-number', // a heading whose number is missing in the source
    'relocated', // text displaced in the source was attached where it belongs (e.g. endnotes)
    'normalised', // whitespace or width normalised in a derived field (the raw text is kept)
    'typo-flag', // a probable typo, flagged for editors (text left as printed)
    'lost-text', // text lost at a page break in the source, flagged (nothing invented)
  ]),
  /** The text as printed. */
  before: z.string(),
  /** The text as shown (equal to `before` for flags that change nothing). */
  after: z.string(),
  /** Human-readable explanation, in Chinese, shown to readers. */
  note: z.string(),
  source: SourceSpanSchema,
});
export type Repair = z.infer<typeof RepairSchema>;

/** A non-fatal finding of the pipeline (fatal ones throw an `IngestError`). */
export const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** Machine-readable code, e.g. `unit-unresolved`, `task-missing-deadline`. */
  code: z.string(),
  /** `file:line` style location. */
  file: z.string(),
  line: z.number().int().nonnegative(),
  /** What was found and what was expected. */
  message: z.string(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
