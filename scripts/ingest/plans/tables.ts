/**
 * Tables printed as "tab-cell" lines: every cell starts on a line whose first character is a TAB;
 * its continuation lines (no TAB) follow, blank lines may sit anywhere, and nothing marks a row.
 * Rows are rebuilt from the column count the header gives.
 */
import type { PolicyTable, TableCell } from '../../../src/schemas/index.ts';
import { IngestError } from '../core/errors.ts';
import { isBlank } from '../core/text.ts';
import { endsSentence, readNumbering } from './numbering.ts';

export interface SourceLine {
  /** 1-based physical line number. */
  n: number;
  text: string;
}

export interface RawCell {
  text: string;
  line: number;
  endLine: number;
}

export interface TableNote {
  text: string;
  line: number;
  endLine: number;
  /** Physical lines of the note that a page break cut and that were rejoined. */
  pieces: SourceLine[];
}

/** A table as found in the text: the cells in reading order plus caption, unit line and notes. */
export interface TableRegion {
  cells: RawCell[];
  caption: SourceLine | null;
  captionPosition: 'above' | 'below' | 'none';
  unitNote: SourceLine | null;
  notes: TableNote[];
  /** First and last physical line of everything the table consumed (caption and notes included). */
  line: number;
  endLine: number;
  /** Line numbers (into the document's line array) the region consumed. */
  consumed: Set<number>;
}

const TAB_CELL = /^\t/u;
const NOTE = /^\s*[*＊]?\s*(注|备注)\s*[:：]/u;
const UNIT_LINE = /^\s*单位\s*[:：]/u;
const CAPTION_LIKE = /(^\s*表\s*\d+\s*[:：])|(^\s*附\s*[:：])|(表\s*$)/u;

/** Lines that can never continue a cell: they start something else. */
export type StructuralTest = (text: string) => boolean;

function isCaptionCandidate(text: string, structural: StructuralTest): boolean {
  const t = text.trim();
  if (t === '' || TAB_CELL.test(text) || structural(t) || NOTE.test(t) || UNIT_LINE.test(t)) return false;
  return t.length <= 50 && !endsSentence(t);
}

function isCellContinuation(text: string, afterBlank: boolean, structural: StructuralTest): boolean {
  const t = text.trim();
  if (structural(t) || NOTE.test(t) || UNIT_LINE.test(t) || CAPTION_LIKE.test(t)) return false;
  // A sentence-length paragraph after a blank line is body text that follows the table.
  if (afterBlank && t.length >= 40 && endsSentence(t)) return false;
  return true;
}

/** A line followed by `单位：…` is the caption of the next table, not the end of this one. */
function introducesUnitLine(lines: SourceLine[], index: number): boolean {
  let k = index + 1;
  while (k < lines.length && isBlank(lines[k]!.text)) k++;
  return k < lines.length && UNIT_LINE.test(lines[k]!.text);
}

/**
 * Finds every table in `lines` (the lines of one document). `structural` says which lines start
 * a heading, a field or a new document, so they end a table.
 */
export function findTableRegions(lines: SourceLine[], structural: StructuralTest): TableRegion[] {
  const regions: TableRegion[] = [];
  const taken = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    if (!TAB_CELL.test(lines[i]!.text)) {
      i++;
      continue;
    }
    const consumed = new Set<number>();
    const cells: RawCell[] = [];
    let j = i;
    let lastInk = i;
    let afterBlank = false;
    for (; j < lines.length; j++) {
      const { n, text } = lines[j]!;
      if (TAB_CELL.test(text)) {
        cells.push({ text: text.trim(), line: n, endLine: n });
        consumed.add(j);
        lastInk = j;
        afterBlank = false;
      } else if (isBlank(text)) {
        afterBlank = true;
      } else if (isCellContinuation(text, afterBlank, structural) && !introducesUnitLine(lines, j)) {
        const cell = cells[cells.length - 1]!;
        cell.text += text.trim();
        cell.endLine = n;
        consumed.add(j);
        lastInk = j;
        afterBlank = false;
      } else break;
    }
    const region: TableRegion = {
      cells,
      caption: null,
      captionPosition: 'none',
      unitNote: null,
      notes: [],
      line: lines[i]!.n,
      endLine: lines[lastInk]!.n,
      consumed,
    };
    // Above: an optional unit line and a caption, blank lines between.
    let k = i - 1;
    const skipBlankBack = () => {
      while (k >= 0 && isBlank(lines[k]!.text)) k--;
    };
    skipBlankBack();
    if (k >= 0 && !taken.has(k) && UNIT_LINE.test(lines[k]!.text)) {
      region.unitNote = { n: lines[k]!.n, text: lines[k]!.text.trim() };
      consumed.add(k);
      k--;
      skipBlankBack();
    }
    if (k >= 0 && !taken.has(k) && isCaptionCandidate(lines[k]!.text, structural)) {
      region.caption = { n: lines[k]!.n, text: lines[k]!.text.trim() };
      region.captionPosition = 'above';
      consumed.add(k);
      k--;
      skipBlankBack();
      if (!region.unitNote && k >= 0 && !taken.has(k) && UNIT_LINE.test(lines[k]!.text)) {
        region.unitNote = { n: lines[k]!.n, text: lines[k]!.text.trim() };
        consumed.add(k);
      }
    }
    // Below: notes (注：… / *备注：…), then a caption if there was none above.
    let m = lastInk + 1;
    const skipBlank = () => {
      while (m < lines.length && isBlank(lines[m]!.text)) m++;
    };
    skipBlank();
    while (m < lines.length && NOTE.test(lines[m]!.text)) {
      const note = readNote(lines, m, structural, consumed);
      region.notes.push(...note.items);
      m = note.next;
      skipBlank();
    }
    if (!region.caption && m < lines.length && CAPTION_LIKE.test(lines[m]!.text.trim()) && isCaptionCandidate(lines[m]!.text, structural)) {
      region.caption = { n: lines[m]!.n, text: lines[m]!.text.trim() };
      region.captionPosition = 'below';
      consumed.add(m);
    }
    const used = [...consumed].sort((a, b) => a - b);
    region.line = lines[used[0]!]!.n;
    region.endLine = lines[used[used.length - 1]!]!.n;
    for (const index of consumed) taken.add(index);
    regions.push(region);
    i = Math.max(j, ...used.map((u) => u + 1));
  }
  return regions;
}

/**
 * A note may be a numbered list (注：1.… 2.…) and a page break may cut an item; following lines
 * belong to the note while they continue an unfinished sentence or carry the next item number.
 */
function readNote(lines: SourceLine[], start: number, structural: StructuralTest, consumed: Set<number>) {
  const first = lines[start]!;
  const pieces: SourceLine[] = [{ n: first.n, text: first.text.trim() }];
  consumed.add(start);
  const text = first.text.trim();
  const firstItem = /^[*＊]?\s*(?:注|备注)\s*[:：]\s*(\d+)\s*[.．]/u.exec(text);
  let nextItem = firstItem ? Number(firstItem[1]) + 1 : null;
  const items: TableNote[] = [];
  let current: TableNote = { text, line: first.n, endLine: first.n, pieces };
  let m = start + 1;
  for (;;) {
    let k = m;
    while (k < lines.length && isBlank(lines[k]!.text)) k++;
    if (k >= lines.length) break;
    const candidate = lines[k]!.text.trim();
    const numbering = readNumbering(candidate);
    if (nextItem !== null && numbering?.level === 3 && numbering.value === nextItem) {
      items.push(current);
      current = { text: candidate, line: lines[k]!.n, endLine: lines[k]!.n, pieces: [{ n: lines[k]!.n, text: candidate }] };
      nextItem++;
    } else if (!endsSentence(current.text) && !structural(candidate) && !TAB_CELL.test(lines[k]!.text)) {
      current.text += candidate;
      current.endLine = lines[k]!.n;
      current.pieces.push({ n: lines[k]!.n, text: candidate });
    } else break;
    consumed.add(k);
    m = k + 1;
  }
  items.push(current);
  // Several numbered items of one note are kept as separate note strings.
  return { items, next: m };
}

/** Column roles by header text, tried in this order. */
const ROLE_RULES: [RegExp, PolicyTable['columnRoles'][number]][] = [
  [/^序号$/u, 'index'],
  [/^(完成时限|时间节点|完成时间|时限)$/u, 'deadline'],
  [/(责任|牵头)单位/u, 'unit'],
  [/前沿|最佳/u, 'frontier'],
  [/现状/u, 'current'],
  [/6月/u, 'target-2022-06'],
  [/12月|年底|年末/u, 'target-2022-12'],
  [/目标/u, 'target'],
  [/指标|项目|类型/u, 'metric'],
];

export function columnRole(header: string): PolicyTable['columnRoles'][number] {
  const text = header.normalize('NFKC').replace(/\s+/gu, '');
  for (const [pattern, role] of ROLE_RULES) if (pattern.test(text)) return role;
  return 'other';
}

/** Words of header cells (checked on the whitespace-free, width-folded text). */
const HEADER_WORD = /指标|项目|现状|目标|水平|时限|时间节点|序号|单位|国内最佳|类型|比例|^合计|办理时间$|^\d{4}年/u;
const VALUE_LIKE = /^[≤≥<>＜＞约\\—-]*\s*[\d.]+/u;
/** A cell that says there is no value: a dash, a slash, 无. */
const NO_VALUE = /^(?:[—–\-－/／]+|无)$/u;

function norm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

function toCell(cell: RawCell, colspan = 1, rowspan = 1, file: string): TableCell {
  return { text: cell.text, colspan, rowspan, source: { file, line: cell.line, endLine: cell.endLine } };
}

export interface BuiltTable {
  header: TableCell[][];
  rows: TableCell[][];
  columnRoles: PolicyTable['columnRoles'];
}

/**
 * Rebuilds header rows and data rows from the cells of a region.
 * - The header is the leading run of cells that read as column labels; with a 序号 column it runs
 *   to the first row number. When it reads no label at all, it runs to the first value-like cell.
 * - An empty cell inside the header starts a second header row (vertically merged cells leave empty
 *   placeholders); the column count is the width that makes the first row's cells span it exactly
 *   and leaves no figure in the second row.
 * - Header cells left over when the body is split by the column count are a spanning super-header.
 * Throws an IngestError naming the table's first line when the cell count fits no column count.
 */
export function buildTable(region: TableRegion, file: string): BuiltTable {
  const { header, rows, columnRoles, columnLabels } = buildGrid(region, file);
  return { header, rows, columnRoles: refineColumnRoles(columnRoles, columnLabels, rows, region.caption?.text ?? null) };
}

function buildGrid(region: TableRegion, file: string): BuiltTable & { columnLabels: string[] } {
  const cells = region.cells;
  const n = cells.length;
  const fail = (message: string): never => {
    throw new IngestError('table-shape', file, region.line, message);
  };
  let h = 0;
  let hasIndex = false;
  while (h < n) {
    const text = norm(cells[h]!.text);
    if (text === '' && h >= 2) break; // second header row starts
    if (hasIndex) {
      if (/^\d+$/u.test(text)) break;
      h++;
      continue;
    }
    if (!HEADER_WORD.test(text)) break;
    if (text === '序号') hasIndex = true;
    h++;
  }
  if (h === 0) {
    while (h < n && !VALUE_LIKE.test(norm(cells[h]!.text)) && norm(cells[h]!.text) !== '') h++;
  }
  if (h === 0 || h >= n) fail(`table of ${n} cells: found no header row; expected column labels (指标, 现状水平, 目标 …) before the data`);

  // Two-row header: empty placeholder cells follow the first row.
  if (h < n && norm(cells[h]!.text) === '') {
    const top = cells.slice(0, h);
    for (let width = h + 1; width <= n - h; width++) {
      if ((n - h - width) % width !== 0 || n - h - width === 0) continue;
      const second = cells.slice(h, h + width);
      const empties = second.filter((c) => norm(c.text) === '').length;
      const runs = second.reduce<number>((count, c, index) => {
        const filled = norm(c.text) !== '';
        const prevFilled = index > 0 && norm(second[index - 1]!.text) !== '';
        return count + (filled && !prevFilled ? 1 : 0);
      }, 0);
      if (empties + runs !== top.length) continue;
      // A second header row holds labels. A figure, a dash or a text that recurs in the body means
      // the body was misread as header: a data row that lost its first cell can start with an
      // empty cell and pass for the placeholders of a two-row header. What reads as a label
      // (2022年6月, 合计, 现状水平) stays a label, even where it starts with a digit.
      const bodyTexts = new Set(cells.slice(h + width).map((c) => norm(c.text)));
      const isLabel = (text: string) => HEADER_WORD.test(text) || columnRole(text) !== 'other';
      const dataLike = (text: string) => !isLabel(text) && (VALUE_LIKE.test(text) || NO_VALUE.test(text) || bodyTexts.has(text));
      if (second.some((c) => norm(c.text) !== '' && dataLike(norm(c.text)))) continue;
      // Map each top cell onto the second row: an empty placeholder below means rowspan 2,
      // a run of labels below means a colspan over the run.
      const headerTop: TableCell[] = [];
      const headerSecond: TableCell[] = [];
      let topIndex = 0;
      for (let col = 0; col < width; ) {
        const topCell = top[topIndex++]!;
        if (norm(second[col]!.text) === '') {
          headerTop.push(toCell(topCell, 1, 2, file));
          col++;
        } else {
          let end = col;
          while (end < width && norm(second[end]!.text) !== '') end++;
          headerTop.push(toCell(topCell, end - col, 1, file));
          for (let c = col; c < end; c++) headerSecond.push(toCell(second[c]!, 1, 1, file));
          col = end;
        }
      }
      const rows = chunk(cells.slice(h + width), width).map((row) => row.map((c) => toCell(c, 1, 1, file)));
      const columnLabels: string[] = [];
      let secondIndex = 0;
      for (const cell of headerTop) {
        if (cell.rowspan === 2) columnLabels.push(cell.text);
        else for (let c = 0; c < cell.colspan; c++) columnLabels.push(headerSecond[secondIndex++]!.text);
      }
      return { header: [headerTop, headerSecond], rows, columnRoles: columnLabels.map(columnRole), columnLabels };
    }
    fail(`table of ${n} cells with a two-row header of ${h} top cells: no column count fits; expected empty placeholder cells under merged headers and full data rows`);
  }

  // Plain header, possibly with leading super-header cells spanning the columns.
  for (let extra = 0; extra < h; extra++) {
    const width = h - extra;
    if (width < 2 && h > 1) break;
    if ((n - h) % width !== 0) continue;
    // Only a title-like cell (2022年底) can span the columns; a column label (序号, 指标) cannot.
    const superCells = cells.slice(0, extra);
    if (superCells.some((c) => !['target-2022-12', 'target-2022-06', 'target', 'other'].includes(columnRole(c.text)))) break;
    const header: TableCell[][] = [];
    // A super-header spans every column. The sources print a merged table row by row, and a
    // vertically merged cell leaves an empty TAB cell in the row below (A4's second table). A3 表2
    // prints `2022年底` before `序号` with no placeholder: it is the whole first row, over 序号,
    // 环节 and 时间 (3 columns, not 2 — a 序号 merged over two rows would come first and leave an
    // empty cell under itself); its 合计 row fills the 序号 column too.
    if (extra > 0) {
      header.push(cells.slice(0, extra).map((c) => toCell(c, Math.floor(width / extra), 1, file)));
    }
    const labels = cells.slice(extra, h);
    header.push(labels.map((c) => toCell(c, 1, 1, file)));
    const rows = chunk(cells.slice(h), width).map((row) => row.map((c) => toCell(c, 1, 1, file)));
    const superText = cells.slice(0, extra).map((x) => x.text).join('');
    const columnRoles = labels.map((c) => {
      const own = columnRole(c.text);
      return own === 'other' && extra > 0 ? columnRole(superText + c.text) : own;
    });
    return { header, rows, columnRoles, columnLabels: labels.map((c) => c.text) };
  }
  return fail(
    `table with a ${h}-column header has ${n - h} body cells, not a multiple of ${h}; expected complete rows (is the table truncated or a cell missing its TAB?)`,
  );
}

const VALUE_ROLES: readonly PolicyTable['columnRoles'][number][] = ['current', 'target-2022-06', 'target-2022-12', 'target', 'frontier'];
const TARGET_ROLES: readonly PolicyTable['columnRoles'][number][] = ['target-2022-06', 'target-2022-12', 'target'];
/** A column of totals (合计办理时间, 总时间): the headline figure of a table whose other columns are its parts. */
const TOTAL_LABEL = /^(合计|总计|总)/u;
/** A caption that says the table sets targets (…时限目标, …目标表). */
const TARGET_CAPTION = /目标/u;

function isValueCell(cell: TableCell): boolean {
  return VALUE_LIKE.test(norm(cell.text));
}

/**
 * Column roles from the header alone miss two shapes of target table; the body and the caption
 * settle them:
 * - A column of names is the table's measures, whatever its header says: in A3 表2 the column
 *   `环节（个）` under `2022年底` lists the steps (工程地质勘察 …) and the next column their times.
 *   When no column is the metric by its header, the first value or unlabelled column whose cells
 *   are mostly names (not numbers) becomes it.
 * - A caption that says 目标 makes the table's figures targets even when no header says so
 *   (A4: `2022年10千伏接网工程建设时限目标`, `…的环节和时限目标`). When no column is a target by its
 *   header, the target is the column of totals (合计办理时间; the step columns beside it are its
 *   parts and 现行国家规定时限 is the rule it is compared with); without one, in a table that has
 *   no metric column (its header cells name the measures and one row holds the figures), every
 *   unlabelled column of figures is a target.
 */
export function refineColumnRoles(
  roles: PolicyTable['columnRoles'],
  labels: string[],
  rows: TableCell[][],
  caption: string | null,
): PolicyTable['columnRoles'] {
  const refined = [...roles];
  const cellsOf = (column: number) => rows.map((row) => row[column]).filter((c): c is TableCell => c !== undefined && norm(c.text) !== '');
  if (!refined.includes('metric')) {
    const names = refined.findIndex((role, column) => {
      if (role !== 'other' && !VALUE_ROLES.includes(role)) return false;
      const cells = cellsOf(column);
      return cells.length > 0 && cells.filter((c) => !isValueCell(c)).length * 2 > cells.length;
    });
    if (names >= 0) refined[names] = 'metric';
  }
  if (!refined.some((role) => TARGET_ROLES.includes(role)) && caption !== null && TARGET_CAPTION.test(caption)) {
    const totals = labels.flatMap((label, column) => (refined[column] === 'other' && TOTAL_LABEL.test(norm(label)) ? [column] : []));
    if (totals.length > 0) {
      for (const column of totals) refined[column] = 'target';
    } else if (!refined.includes('metric')) {
      refined.forEach((role, column) => {
        const cells = cellsOf(column);
        if (role === 'other' && cells.length > 0 && cells.every(isValueCell)) refined[column] = 'target';
      });
    }
  }
  return refined;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
