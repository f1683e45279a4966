/**
 * The plan-package parser: an overall plan followed by special plans, each started by a line
 * `附件N` (manifest `split.attachmentMarker`), with endnotes that may sit at the end of the file
 * (`split.footnotes`). Returns the model fragment for the package.
 */
import type { Diagnostic, ManifestEntry } from '../../../src/schemas/index.ts';
import type { ParseContext, ParseResult } from '../context.ts';
import { IngestError } from '../core/errors.ts';
import type { SourceText } from '../core/source-text.ts';
import { isBlank } from '../core/text.ts';
import { parsePlanPart, type PlanPart } from './plan-document.ts';
import type { SourceLine } from './tables.ts';

export { splitResponsibility } from './responsibility.ts';
export { parseDeadline } from './deadline.ts';

export type PlanPackageResult = ParseResult;

const DEFAULT_MARKER = '^附件\\s*(\\d+)$';

/** Splits the package into its parts (附件1 = the text before the first marker) and places endnotes. */
export function splitPlanPackage(entry: ManifestEntry, text: SourceText): PlanPart[] {
  const marker = new RegExp(entry.split?.attachmentMarker ?? DEFAULT_MARKER, 'u');
  const first = entry.split?.firstAttachment ?? 1;
  const lines: SourceLine[] = text.lines.map((t, index) => ({ n: index + 1, text: t }));

  // Endnotes: the tail of the file made of lines that start with the marker (blank lines between).
  const footnoteSpec = entry.split?.footnotes;
  let footnoteStart = lines.length;
  if (footnoteSpec) {
    for (let k = lines.length - 1; k >= 0; k--) {
      const t = lines[k]!.text;
      if (isBlank(t)) continue;
      if (t.startsWith(footnoteSpec.marker)) footnoteStart = k;
      else break;
    }
    while (footnoteStart < lines.length && isBlank(lines[footnoteStart]!.text)) footnoteStart++;
  }
  const main = lines.slice(0, footnoteStart);
  const footnotes = lines.slice(footnoteStart);

  const parts: PlanPart[] = [];
  let current: PlanPart = { attachment: first, lines: [], label: null, footnotes: [] };
  for (const line of main) {
    const match = marker.exec(line.text.trim());
    if (match) {
      const number = Number(match[1]);
      if (number === current.attachment && current.label === null && current.lines.every((l) => isBlank(l.text))) {
        // The first part carries its own label (附件1) at the top.
        current.label = line;
        current.lines.push(line);
        continue;
      }
      const expected = current.attachment + 1;
      if (number !== expected) {
        throw new IngestError('attachment-order', text.file, line.n, `found 附件${number}; expected 附件${expected} (attachments must follow each other)`);
      }
      parts.push(current);
      current = { attachment: number, lines: [line], label: line, footnotes: [] };
    } else {
      current.lines.push(line);
    }
  }
  parts.push(current);
  if (footnoteSpec && footnotes.some((l) => !isBlank(l.text))) {
    const target = parts.find((p) => p.attachment === footnoteSpec.attachTo);
    if (!target) {
      const at = footnotes.find((l) => !isBlank(l.text))!.n;
      throw new IngestError('footnote-target', text.file, at, `endnotes are assigned to 附件${footnoteSpec.attachTo}, which the file does not have`);
    }
    target.footnotes = footnotes;
  }
  return parts;
}

/**
 * Editorial flags of the manifest (`flags`: probable typos, text lost at a page break) are located
 * by the text as printed, which must occur exactly once in the file; each goes to the part whose
 * lines hold it. A flag found zero or several times is an error diagnostic naming the file.
 */
function locateEditorialFlags(entry: ManifestEntry, text: SourceText, parts: PlanPart[], diagnostics: Diagnostic[]): void {
  for (const flag of entry.flags ?? []) {
    const hits = text.lines.flatMap((line, index) => Array.from({ length: line.split(flag.text).length - 1 }, () => index + 1));
    if (hits.length !== 1) {
      diagnostics.push({
        severity: 'error',
        code: hits.length === 0 ? 'flag-not-found' : 'flag-ambiguous',
        file: text.file,
        line: hits[0] ?? 1,
        message: `manifest flag "${flag.text}" occurs ${hits.length} times in the file; expected exactly once (within one line) — lengthen or correct it`,
      });
      continue;
    }
    const line = hits[0]!;
    const part = parts.find((p) => p.lines.some((l) => l.n === line) || p.footnotes.some((l) => l.n === line));
    if (!part) continue;
    (part.flags ??= []).push({ kind: flag.kind, text: flag.text, note: flag.note, line });
  }
}

export function parsePlanPackage(entry: ManifestEntry, text: SourceText, ctx: ParseContext): PlanPackageResult {
  if (entry.kind !== 'plan-package') {
    throw new IngestError('wrong-parser', text.file, 1, `manifest entry ${entry.id} is a ${entry.kind}; expected kind plan-package`);
  }
  const marker = new RegExp(entry.split?.attachmentMarker ?? DEFAULT_MARKER, 'u');
  const result: PlanPackageResult = { documents: [], tasks: [], tables: [], summaryRows: [], repairs: [], diagnostics: [] };
  const parts = splitPlanPackage(entry, text);
  locateEditorialFlags(entry, text, parts, result.diagnostics);
  for (const part of parts) {
    const parsed = parsePlanPart(entry, text.file, part, ctx, marker);
    result.documents.push(parsed.document);
    result.tasks.push(...parsed.tasks);
    result.tables.push(...parsed.tables);
    result.repairs.push(...parsed.repairs);
    result.diagnostics.push(...parsed.diagnostics);
  }
  return result;
}
