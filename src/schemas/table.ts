import { z } from 'zod';
import { SourceSpanSchema } from './source.ts';

export const TableCellSchema = z.object({
  /** Cell text with its continuation lines joined (no whitespace added between CJK). */
  text: z.string(),
  colspan: z.number().int().positive().default(1),
  rowspan: z.number().int().positive().default(1),
  /** Lines of the cell. */
  source: SourceSpanSchema,
});
export type TableCell = z.infer<typeof TableCellSchema>;

/** A table rebuilt from tab-cell lines: header rows × data rows × cells. */
export const PolicyTableSchema = z.object({
  /** Stable id: `<documentId>-tbl<n>` (n counts tables within the document). */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  documentId: z.string(),
  caption: z.string().nullable(),
  captionPosition: z.enum(['above', 'below', 'none']),
  /** Unit line such as `单位：工作日`. */
  unitNote: z.string().nullable(),
  /** Header rows (more than one for merged two-row headers). */
  header: z.array(z.array(TableCellSchema)),
  rows: z.array(z.array(TableCellSchema)),
  /** Notes printed with the table (注：…, *备注：…). */
  notes: z.array(z.string()),
  /** Normalised column roles, for indicator targets: which column is 现状, 6月目标, 12月目标, 前沿水平 … */
  columnRoles: z.array(
    z.enum(['metric', 'index', 'current', 'target-2022-06', 'target-2022-12', 'target', 'frontier', 'deadline', 'unit', 'other']),
  ),
  source: SourceSpanSchema,
});
export type PolicyTable = z.infer<typeof PolicyTableSchema>;
