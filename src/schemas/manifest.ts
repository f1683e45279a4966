import { z } from 'zod';

/**
 * One entry of `content/sources/manifest.yaml`: a source text and how to read it.
 * Adding a document is a text file plus one of these; the parser is chosen by `kind`
 * and configured by `split`.
 */
export const ManifestEntrySchema = z.object({
  /** Stable ASCII id (lowercase, digits, `-`); prefixes every id derived from this source. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** File name inside `content/sources/`. */
  file: z.string().min(1),
  /** Optional declared encoding (`utf-8`, `gb18030`, `gbk`); detected when absent. */
  encoding: z.string().optional(),
  /**
   * `plan-package`: an overall plan plus special plans split at `附件N` lines (parsed into tasks).
   * `bulletin`: a 工作通报 issue. `report`: a 汇报 / 报告, optionally with attachments.
   */
  kind: z.enum(['plan-package', 'bulletin', 'report']),
  /** Title as it should be shown (the parser also records the title lines as printed). */
  title: z.string().min(1),
  /** Shorter title for navigation. */
  shortTitle: z.string().optional(),
  /** Issuing body as printed. */
  issuer: z.string().min(1),
  /** Author inside a container document (e.g. the 市发展改革委 汇报 inside a 通报). */
  author: z.string().optional(),
  /** Body the document is addressed to. */
  addressee: z.string().optional(),
  /** Jurisdiction whose departments the document speaks of (平顶山市, 西平县, 商丘市 …). */
  jurisdiction: z.string().min(1),
  /** Enclosing jurisdiction where the issuer is a county (西平县 → 驻马店市). */
  parentJurisdiction: z.string().optional(),
  /** ISO date, possibly partial: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/),
  /** Bulletin series name and issue number. */
  series: z.string().optional(),
  issue: z.number().int().positive().optional(),
  /** Editorial note shown with the document. */
  note: z.string().optional(),
  /**
   * Editorial flags for source defects no rule can find (a probable typo, text lost inside a
   * sentence that a page break cut). Each is located by the text as printed, never by line number,
   * and becomes a repair shown to readers; the text stays as printed. A flag whose text does not
   * occur exactly once in the file is reported as an error.
   */
  flags: z
    .array(
      z.object({
        /** `typo-flag`: a probable typo; `lost-text`: text lost at a page break. */
        kind: z.enum(['typo-flag', 'lost-text']),
        /** The text as printed, occurring exactly once in the file (within one line). */
        text: z.string().min(1),
        /** Explanation shown to readers, in Chinese (e.g. the probable intended reading). */
        note: z.string().min(1),
      }),
    )
    .optional(),
  /** How a multi-part file splits into documents. */
  split: z
    .object({
      /** Regex (one capture group: the number) for a line that starts attachment N. */
      attachmentMarker: z.string().optional(),
      /** Number given to the text before the first marker. */
      firstAttachment: z.number().int().optional(),
      /** Endnotes displaced to the end of the file: lines starting with `marker` go to attachment `attachTo`. */
      footnotes: z.object({ marker: z.string().min(1), attachTo: z.number().int() }).optional(),
      /** A summary table attachment starting at a line matching `marker`. */
      summaryTable: z.object({ marker: z.string() }).optional(),
      /** Department reports, each starting at a title line; named group `unit` is the department. */
      departmentReports: z
        .object({ titlePattern: z.string(), firstAttachment: z.number().int() })
        .optional(),
    })
    .optional(),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const ManifestSchema = z.object({ documents: z.array(ManifestEntrySchema).min(1) });
export type Manifest = z.infer<typeof ManifestSchema>;
