/**
 * Collects what one document of a report yields (meta, markup, blocks, repairs, diagnostics)
 * while the parser walks its lines, and turns source lines into markup-free text.
 */
import type { Block, Diagnostic, PolicyDocument, Repair } from '../../../src/schemas/index.ts';

export interface SourceLine {
  /** 1-based physical line number. */
  no: number;
  /** The line as printed. */
  raw: string;
  /** The line without markdown artefacts and surrounding whitespace. */
  text: string;
  /** Markdown artefacts taken off the line (`###`, `-`, `---`). */
  markup: string[];
  /** True when the line carried a markdown bullet (`- `). */
  bullet: boolean;
}

/** Splits markdown artefacts off a printed line; they are conversion noise, not the document's. */
export function readLine(no: number, raw: string): SourceLine {
  let text = raw.trim();
  const markup: string[] = [];
  let bullet = false;
  if (/^-{3,}$|^\*{3,}$|^_{3,}$/.test(text)) return { no, raw, text: '', markup: [text], bullet };
  const heading = /^(#{1,6})\s+/.exec(text);
  if (heading) {
    markup.push(heading[1]!);
    text = text.slice(heading[0].length).trim();
  }
  const item = /^[-*+]\s+/.exec(text);
  if (item) {
    markup.push(item[0].trim());
    text = text.slice(item[0].length).trim();
    bullet = true;
  }
  return { no, raw, text, markup, bullet };
}

export type RepairDraft = Omit<Repair, 'id' | 'documentId' | 'source'> & { line: number; endLine: number };
export type MetaEntry = PolicyDocument['meta'][number];

export class DocumentBuilder {
  readonly documentId: string;
  readonly file: string;
  readonly meta: MetaEntry[] = [];
  readonly markup: PolicyDocument['markup'] = [];
  readonly blocks: Block[] = [];
  readonly repairs: RepairDraft[] = [];
  readonly diagnostics: Diagnostic[];
  private readonly blockIds = new Set<string>();
  /**
   * First physical line of this document's part of the file (1 for the main report). Block ids count
   * lines from here, so a line added to one department report leaves the ids of the others unchanged.
   */
  readonly firstLine: number;

  constructor(documentId: string, file: string, diagnostics: Diagnostic[], firstLine = 1) {
    this.documentId = documentId;
    this.file = file;
    this.diagnostics = diagnostics;
    this.firstLine = firstLine;
  }

  /** A physical line number counted within the document's part (its first line is 1). */
  localLine(line: number): number {
    return line - this.firstLine + 1;
  }

  /** The id of a paragraph-like block starting at a physical line: `<documentId>-b<local line>`. */
  lineBlockId(line: number): string {
    return this.uniqueBlockId(`${this.documentId}-b${this.localLine(line)}`, line);
  }

  span(line: number, endLine = line) {
    return { file: this.file, line, endLine };
  }

  addMeta(label: string, value: string, line: number, endLine = line): void {
    this.meta.push({ label, value, source: this.span(line, endLine) });
  }

  addMarkup(text: string, line: number): void {
    if (text.trim() !== '') this.markup.push({ text, source: this.span(line) });
  }

  /** Markdown artefacts of a line go to `markup`. */
  takeLineMarkup(line: SourceLine): void {
    for (const m of line.markup) this.addMarkup(m, line.no);
  }

  repair(draft: RepairDraft): void {
    this.repairs.push(draft);
  }

  warn(code: string, line: number, message: string, severity: Diagnostic['severity'] = 'warning'): void {
    this.diagnostics.push({ severity, code, file: this.file, line, message });
  }

  /** A block id, unique within the document: the structural id, or the id with the (local) line appended. */
  uniqueBlockId(id: string, line: number): string {
    const unique = this.blockIds.has(id) ? `${id}-l${this.localLine(line)}` : id;
    this.blockIds.add(unique);
    return unique;
  }

  /** Repairs numbered `<documentId>-r<n>` in source order. */
  finishRepairs(): Repair[] {
    return this.repairs
      .map((r, order) => ({ r, order }))
      .sort((a, b) => a.r.line - b.r.line || a.order - b.order)
      .map(({ r }, i) => ({
        id: `${this.documentId}-r${i + 1}`,
        documentId: this.documentId,
        kind: r.kind,
        before: r.before,
        after: r.after,
        note: r.note,
        source: this.span(r.line, r.endLine),
      }));
  }
}

/** Removes letter-spacing and layout spaces between CJK characters (`汇 报` → `汇报`). */
export function closeCjkSpacing(text: string): string {
  return text.replace(/(?<=[\p{Script=Han}《》“”、，])\s+(?=[\p{Script=Han}《》“”])/gu, '').trim();
}

/** The first and last few characters around a page-break join, as printed. */
export function tail(text: string, n = 12): string {
  return [...text].slice(-n).join('');
}
export function head(text: string, n = 12): string {
  return [...text].slice(0, n).join('');
}
