/**
 * Parser for manifest kinds `bulletin` and `report`: a 工作通报 issue, a 汇报 or 报告, and — when
 * the manifest's `split` says so — its summary-table attachment and its department reports.
 * Everything is configured by the manifest entry; no line numbers of any particular file are used.
 */
import type { Diagnostic, ManifestEntry, PolicyDocument, SummaryRow } from '../../../src/schemas/index.ts';
import type { ParseContext, ParseResult } from '../context.ts';
import { IngestError } from '../core/errors.ts';
import type { SourceText } from '../core/source-text.ts';
import { inkOf } from '../core/text.ts';
import { reportsAnswering } from './answers.ts';
import { parseBody } from './body.ts';
import { DocumentBuilder, type SourceLine, closeCjkSpacing, head, readLine } from './builder.ts';
import { type AttachmentList, findFooterStart, readFooter, readFrontMatter, recordBasis } from './front-matter.ts';
import { applyEditorialFlags } from './flags.ts';
import { readSummaryTable } from './summary-table.ts';

export type ReportParseResult = ParseResult;

function compile(pattern: string, file: string, what: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch (error) {
    throw new IngestError('manifest-bad-pattern', 'manifest.yaml', 1, `${what} of ${file} is not a valid regular expression (${(error as Error).message})`);
  }
}

interface Region {
  lines: SourceLine[];
}

function spanOf(file: string, lines: SourceLine[]) {
  return { file, line: lines[0]!.no, endLine: lines[lines.length - 1]!.no };
}

/** All the text a document shows, for matching department reports to table rows. */
function documentText(doc: PolicyDocument): string {
  return doc.blocks
    .map((b) => (b.type === 'heading' ? `${b.title}${b.runIn ?? ''}` : b.type === 'paragraph' || b.type === 'footnote' ? b.text : ''))
    .join('\n');
}

export function parseReport(entry: ManifestEntry, text: SourceText, ctx: ParseContext): ReportParseResult {
  const file = text.file;
  if (entry.kind !== 'bulletin' && entry.kind !== 'report') {
    throw new IngestError('wrong-parser', file, 1, `manifest kind "${entry.kind}" is not a bulletin or report; expected kind bulletin or report for parseReport`);
  }
  const diagnostics: Diagnostic[] = [];
  const lines = text.lines.map((raw, i) => readLine(i + 1, raw)).filter((l) => l.raw.trim() !== '');
  if (lines.length === 0) {
    throw new IngestError('empty-document', file, 1, 'the file has no text; expected a report or bulletin with a title and a body');
  }

  // Where the attachments start, by the manifest's markers.
  const summaryMarker = entry.split?.summaryTable ? compile(entry.split.summaryTable.marker, file, 'split.summaryTable.marker') : null;
  const deptConfig = entry.split?.departmentReports;
  const deptPattern = deptConfig ? compile(deptConfig.titlePattern, file, 'split.departmentReports.titlePattern') : null;
  const summaryIndex = summaryMarker ? lines.findIndex((l) => summaryMarker.test(l.raw.trim())) : -1;
  if (summaryMarker && summaryIndex < 0) {
    throw new IngestError('summary-table-marker-missing', file, lines[lines.length - 1]!.no, `no line matches split.summaryTable.marker /${summaryMarker.source}/; expected the line that starts the summary-table attachment`);
  }
  const deptIndexes = deptPattern ? lines.flatMap((l, i) => (deptPattern.test(l.raw.trim()) ? [i] : [])) : [];
  if (deptPattern && deptIndexes.length === 0) {
    throw new IngestError('department-reports-missing', file, lines[lines.length - 1]!.no, `no line matches split.departmentReports.titlePattern /${deptPattern.source}/; expected one title line per department report`);
  }
  const cuts = [summaryIndex, ...deptIndexes].filter((i) => i >= 0).sort((a, b) => a - b);
  const mainEnd = cuts[0] ?? lines.length;
  const regionAfter = (start: number): Region => ({ lines: lines.slice(start, cuts.find((c) => c > start) ?? lines.length) });

  const documents: PolicyDocument[] = [];
  const builders: DocumentBuilder[] = [];

  // The main report or bulletin.
  const mainLines = lines.slice(0, mainEnd);
  if (mainLines.length === 0) {
    throw new IngestError('no-main-report', file, lines[0]!.no, 'the file starts with an attachment; expected the main report (title and body) first');
  }
  const main = new DocumentBuilder(entry.id, file, diagnostics);
  builders.push(main);
  const front = readFrontMatter(entry, mainLines, main);
  const bodyLines = mainLines.slice(front.bodyStart);
  if (bodyLines.length === 0) {
    throw new IngestError('no-body', file, mainLines[mainLines.length - 1]!.no, 'the document ends after its title; expected the body of the report');
  }
  const footerStart = findFooterStart(bodyLines, 0, entry);
  const body = bodyLines.slice(0, footerStart);
  for (const line of body) main.takeLineMarkup(line);
  parseBody(main, body.filter((l) => l.text !== ''));
  const attachments: AttachmentList = readFooter(entry, bodyLines.slice(footerStart), main);
  recordBasis(main);
  if (!main.blocks.some((b) => b.type === 'heading')) {
    main.warn('no-sections', bodyLines[0]!.no, 'no numbered section heading (一、 （一） 1、 1. （1）) found in the body; the document is shown as plain paragraphs');
  }
  documents.push({
    id: entry.id,
    sourceId: entry.id,
    kind: entry.kind === 'bulletin' ? 'bulletin' : 'report',
    title: front.title,
    attachment: null,
    issuer: entry.issuer,
    // Left to the pipeline, which looks the issuer up without recording a miss (an issuer is not a
    // responsibility field); department reports resolve their unit below.
    issuerDepartmentId: null,
    jurisdiction: entry.jurisdiction,
    date: entry.date,
    parentId: null,
    departmentId: null,
    indicatorIds: [],
    meta: main.meta,
    markup: main.markup,
    blocks: main.blocks,
    source: spanOf(file, mainLines),
  });

  // The summary-table attachment.
  let summaryRows: Omit<SummaryRow, 'departmentReportIds'>[] = [];
  if (summaryIndex >= 0) {
    const region = regionAfter(summaryIndex).lines;
    const id = `${entry.id}-summary`;
    const marker = region[0]!;
    const doc = new DocumentBuilder(id, file, diagnostics, marker.no);
    builders.push(doc);
    doc.takeLineMarkup(marker);
    doc.addMarkup(marker.text, marker.no);
    const number = Number(/\d+/.exec(marker.text)?.[0] ?? '1');
    const captionLines = region.slice(1).filter((l, i, all) => !l.raw.includes('\t') && all.slice(0, i).every((p) => !p.raw.includes('\t')));
    if (captionLines.length === 0) {
      throw new IngestError('summary-caption-missing', file, marker.no, 'expected the table caption (e.g. …整改情况汇总表) on the line after the summary-table marker');
    }
    // The caption is shown without its markdown artefacts (`- `, `##`), which still count as markup.
    for (const l of captionLines) doc.takeLineMarkup(l);
    const captionText = captionLines.map((l) => l.text).join('');
    doc.addMeta('标题', captionText, captionLines[0]!.no, captionLines[captionLines.length - 1]!.no);
    const tableLines = region.slice(1 + captionLines.length);
    const table = readSummaryTable(tableLines, doc, ctx);
    summaryRows = table.rows;
    doc.blocks.unshift({
      id: doc.lineBlockId(table.headerLine),
      type: 'table',
      tableId: id,
      source: doc.span(table.headerLine, tableLines[tableLines.length - 1]!.no),
    });
    const listed = attachments.find((a) => a.number === number);
    if (listed && inkOf(listed.title) !== inkOf(captionText)) {
      doc.warn('attachment-title-mismatch', listed.line, `附件${number} is listed as "${listed.title}" but its caption reads "${captionText}"`);
    }
    documents.push({
      id,
      sourceId: entry.id,
      kind: 'summary-table',
      title: closeCjkSpacing(captionText),
      attachment: number,
      issuer: entry.issuer,
      issuerDepartmentId: null,
      jurisdiction: entry.jurisdiction,
      date: entry.date,
      parentId: entry.id,
      departmentId: null,
      indicatorIds: [],
      meta: doc.meta,
      markup: doc.markup,
      blocks: doc.blocks,
      source: spanOf(file, region),
    });
  }

  // The department reports, each starting at a title line naming its department.
  const departmentDocs: PolicyDocument[] = [];
  deptIndexes.forEach((start, k) => {
    const region = regionAfter(start).lines;
    const titleLine = region[0]!;
    const number = deptConfig!.firstAttachment + k;
    const id = `${entry.id}-d${String(number).padStart(2, '0')}`;
    const doc = new DocumentBuilder(id, file, diagnostics, titleLine.no);
    builders.push(doc);
    const unitName = deptPattern!.exec(titleLine.raw.trim())?.groups?.['unit']?.trim();
    if (!unitName) {
      throw new IngestError('department-title-unit', file, titleLine.no, `titlePattern matched "${head(titleLine.text, 30)}" but captured no named group "unit"; expected (?<unit>…) around the department name`);
    }
    const department = ctx.resolveUnit(unitName, { file, line: titleLine.no });
    if (!department) {
      doc.warn('department-unresolved', titleLine.no, `department report title names "${unitName}", which is not a registered unit of ${entry.jurisdiction}; expected a name or alias from content/data/departments.yaml`, 'error');
    }
    doc.addMeta('标题', titleLine.text, titleLine.no);
    const title = closeCjkSpacing(titleLine.text);
    const rest = region.slice(1);
    if (rest.length === 0) {
      throw new IngestError('no-body', file, titleLine.no, `department report "${head(title, 20)}" ends after its title; expected the body of the report`);
    }
    const deptEntry = { ...entry, issuer: unitName };
    const footer = findFooterStart(rest, 0, deptEntry);
    for (const line of rest.slice(0, footer)) doc.takeLineMarkup(line);
    parseBody(doc, rest.slice(0, footer).filter((l) => l.text !== ''));
    readFooter(deptEntry, rest.slice(footer), doc);
    recordBasis(doc);
    const listed = attachments.find((a) => a.number === number);
    if (attachments.length > 0 && !listed) {
      doc.warn('attachment-unlisted', titleLine.no, `department report 附件${number} "${head(title, 20)}" is not in the main report's 附件 list`);
    } else if (listed && inkOf(listed.title) !== inkOf(title)) {
      doc.warn('attachment-title-mismatch', listed.line, `附件${number} is listed as "${listed.title}" but its title line reads "${title}"`);
    }
    const document: PolicyDocument = {
      id,
      sourceId: entry.id,
      kind: 'department-report',
      title,
      attachment: number,
      issuer: unitName,
      issuerDepartmentId: department?.id ?? null,
      jurisdiction: entry.jurisdiction,
      date: entry.date,
      parentId: entry.id,
      departmentId: department?.id ?? null,
      indicatorIds: [],
      meta: doc.meta,
      markup: doc.markup,
      blocks: doc.blocks,
      source: spanOf(file, region),
    };
    departmentDocs.push(document);
    documents.push(document);
  });
  const lastListed = attachments[attachments.length - 1];
  if (lastListed && deptConfig && deptConfig.firstAttachment + deptIndexes.length - 1 < lastListed.number) {
    main.warn('attachment-missing', lastListed.line, `the 附件 list runs to 附件${lastListed.number} but only ${deptIndexes.length} department report title lines were found`);
  }

  const reports = departmentDocs.map((d) => ({
    id: d.id,
    departmentId: d.departmentId,
    text: documentText(d),
    headings: d.blocks.flatMap((b) => (b.type === 'heading' ? [b.title] : [])),
  }));
  const rows: SummaryRow[] = summaryRows.map((row) => ({
    ...row,
    departmentReportIds: reportsAnswering({ problem: row.problem, problemText: row.problemText, unitIds: row.units.map((u) => u.id) }, reports),
  }));

  applyEditorialFlags(entry, text, builders, documents);

  return {
    documents,
    tasks: [],
    tables: [],
    summaryRows: rows,
    repairs: builders.flatMap((b) => b.finishRepairs()),
    diagnostics,
  };
}
