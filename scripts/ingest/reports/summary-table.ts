/**
 * A problem-rectification summary table (商丘 附件1): one physical line per row, cells separated
 * by tabs, each text cell wrapped in one `<p>…</p>`, the header row repeated before every data
 * row (a page/row-split artefact). Read into SummaryRows.
 */
import type { SummaryRow } from '../../../src/schemas/index.ts';
import type { ParseContext } from '../context.ts';
import { IngestError } from '../core/errors.ts';
import { type DocumentBuilder, type SourceLine, head } from './builder.ts';

/** Columns a summary table must have, in order: 序号, 问题, 意见建议, 整改落实情况, 责任单位. */
const COLUMNS = 5;

/** Unit names end in one of these; a token ending otherwise was cut by a narrow column's wrap. */
const UNIT_END = /(局|委|院|厅|办|室|会|司|行|公司|政府|中心|分局|支行|部|组|所|处|队|站|社|台|馆|团|区|县|市)$/u;

/** Takes the `<p>…</p>` wrapper off a cell; the wrappers taken are collected in `wrappers`. */
function unwrapCell(cell: string, doc: DocumentBuilder, line: number, wrappers: string[]): string {
  let text = cell.trim();
  const open = /^<p>/i.exec(text);
  const close = /<\/p>$/i.exec(text);
  if (open) {
    wrappers.push(open[0]);
    text = text.slice(open[0].length);
  }
  if (close) {
    wrappers.push(close[0]);
    text = text.slice(0, text.length - close[0].length);
  }
  if (/<\/?[a-z][^>]*>/i.test(text)) {
    throw new IngestError('table-cell-markup', doc.file, line, `cell "${head(text, 20)}" holds HTML other than one <p>…</p> wrapper; expected plain text`);
  }
  return text.trim();
}

/** Splits 整改落实情况 into paragraphs at 一是/二是…, at `1.` after a sentence end, and at ①②③…. */
export function splitRectification(text: string): string[] {
  return text
    .split(/(?=(?<=^|[。；;：:！？])[一二三四五六七八九十]是)|(?<=[。；;])(?=\d{1,2}[.．、](?!\d))|(?=[①②③④⑤⑥⑦⑧⑨⑩])/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Splits a 责任单位 cell on spaces. The trailing 等 (“and others”) is not part of a name; a token
 * that does not end like a unit name (`市行政审批和`, `政务信息管理`) is continued by the next one.
 */
export function splitUnits(raw: string): { names: string[]; rejoined: { before: string; after: string }[] } {
  const tokens = raw.replace(/等$/u, '').trim().split(/\s+/u).filter(Boolean);
  const names: string[] = [];
  const rejoined: { before: string; after: string }[] = [];
  let parts: string[] = [];
  const flush = () => {
    if (parts.length === 0) return;
    const name = parts.join('');
    if (parts.length > 1) rejoined.push({ before: parts.join(' '), after: name });
    names.push(name);
    parts = [];
  };
  for (const token of tokens) {
    parts.push(token);
    if (UNIT_END.test(token)) flush();
  }
  flush();
  return { names, rejoined };
}

export interface SummaryTableResult {
  rows: Omit<SummaryRow, 'departmentReportIds'>[];
  headerLine: number;
}

/** Reads table lines (tab-separated) of a summary-table document. */
export function readSummaryTable(lines: SourceLine[], doc: DocumentBuilder, ctx: ParseContext): SummaryTableResult {
  const tableLines = lines.filter((l) => l.raw.includes('\t'));
  const first = tableLines[0];
  if (!first) {
    throw new IngestError('summary-table-missing', doc.file, lines[0]?.no ?? 1, 'expected a table of tab-separated cells (序号, 问题, 意见建议, 整改落实情况, 责任单位) after the summary-table caption');
  }
  const header = first.raw.split('\t').map((c) => c.trim());
  if (header.length !== COLUMNS) {
    throw new IngestError('summary-table-columns', doc.file, first.no, `the header row has ${header.length} cells; expected ${COLUMNS} (序号, 问题, 意见建议, 整改落实情况, 责任单位)`);
  }
  doc.addMeta('表头', header.join('\t'), first.no);
  const rows: SummaryTableResult['rows'] = [];
  for (const line of tableLines.slice(1)) {
    if (line.raw.trim() === first.raw.trim()) {
      doc.repair({ kind: 'duplicate', before: line.raw.trim(), after: '', note: '分页重复的表头行，仅显示一次', line: line.no, endLine: line.no });
      continue;
    }
    const cells = line.raw.split('\t');
    if (cells.length !== COLUMNS) {
      throw new IngestError('summary-row-cells', doc.file, line.no, `table row has ${cells.length} tab-separated cells; expected ${COLUMNS} like the header (序号, 问题, 意见建议, 整改落实情况, 责任单位)`);
    }
    const numberText = cells[0]!.trim();
    if (!/^\d+$/.test(numberText)) {
      throw new IngestError('summary-row-number', doc.file, line.no, `the 序号 cell reads "${head(numberText, 10)}"; expected a row number`);
    }
    const wrappers: string[] = [];
    const [problemText, suggestions, rectification, unitsRaw] = cells.slice(1).map((c) => unwrapCell(c, doc, line.no, wrappers)) as [string, string, string, string];
    doc.addMarkup(wrappers.join(' '), line.no);
    const sentenceEnd = problemText.indexOf('。');
    const problem = sentenceEnd > 0 ? problemText.slice(0, sentenceEnd) : problemText;
    const { names, rejoined } = splitUnits(unitsRaw);
    for (const r of rejoined) {
      doc.repair({ kind: 'unit-name-rejoined', before: r.before, after: r.after, note: '表格栏宽折行断开的单位名称已接续', line: line.no, endLine: line.no });
    }
    const units: SummaryRow['units'] = [];
    for (const name of names) {
      const unit = ctx.resolveUnit(name, { file: doc.file, line: line.no });
      if (unit && !units.some((u) => u.id === unit.id)) units.push({ id: unit.id, name: unit.name, raw: name });
    }
    const number = Number(numberText);
    if (number !== rows.length + 1) doc.warn('summary-row-number-gap', line.no, `row numbered ${number}; expected ${rows.length + 1}`);
    rows.push({
      id: `${doc.documentId}-row${number}`,
      documentId: doc.documentId,
      number,
      problem,
      problemText,
      suggestions,
      rectification: splitRectification(rectification),
      unitsRaw,
      units,
      source: doc.span(line.no),
    });
  }
  for (const line of lines) {
    if (!line.raw.includes('\t')) {
      doc.warn('summary-table-stray-line', line.no, `"${head(line.text, 20)}" inside the summary table is not a tab-separated row; kept as a note`);
      doc.takeLineMarkup(line);
      doc.blocks.push({ id: doc.lineBlockId(line.no), type: 'paragraph', text: line.text, role: 'note', source: doc.span(line.no) });
    }
  }
  if (rows.length === 0) {
    throw new IngestError('summary-table-empty', doc.file, first.no, 'the summary table has a header but no data rows; expected one row per problem');
  }
  return { rows, headerLine: first.no };
}
