/**
 * The fixed parts around a report's body: the masthead and title block before it (刊名, 期号,
 * issuer, date, title, byline, addressee) and the footer after it (报送, 抄送, 附件 list, date,
 * 公开方式, 印发 imprint). Each is recognised by its form or by the manifest entry, never by position.
 */
import type { ManifestEntry } from '../../../src/schemas/index.ts';
import { IngestError } from '../core/errors.ts';
import { inkOf, showInvisible } from '../core/text.ts';
import { type DocumentBuilder, type SourceLine, closeCjkSpacing, head } from './builder.ts';
import { matchHeadingMarker } from './numbering.ts';

const DATE = /^[（(]?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[）)]?$/u;
const ISSUE = /^第\s*\d+\s*期$/u;
const ADDRESSEE = /^([^。，；：:]{2,30})([:：])$/u;
const IMPRINT = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/u;
const DISCLOSURE = /^[（(]此件.{1,12}[）)]$/u;
const FIELD = /^(报送|抄送|主送|分送)([：:])(.*)$/u;
const ATTACHMENTS = /^(附件)([：:])(.*)$/u;
const LIST_ITEM = /^(\d{1,2})\s*[.．、]\s*(.+)$/u;
/** A document number such as 商人常办〔2022〕27号 in the opening paragraph: the report's basis. */
const BASIS = /[\p{Script=Han}]{1,10}〔\d{4}〕\d{1,4}号/u;

/** What the front matter told: the printed title and where the body starts. */
export interface FrontMatter {
  title: string;
  bodyStart: number;
}

/**
 * Reads the opening lines of a main report or bulletin. The title is the line (or run of lines)
 * whose characters equal the manifest title; the other lines are recognised by form. The first
 * unrecognised line after the title starts the body.
 */
export function readFrontMatter(entry: ManifestEntry, lines: SourceLine[], doc: DocumentBuilder): FrontMatter {
  const titleInk = inkOf(entry.title);
  let title: string | null = null;
  const seen = new Set<string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    const ink = inkOf(text);
    const once = (label: string) => !seen.has(label) && (seen.add(label), true);
    if (title === null && titleInk.startsWith(ink) && ink.length > 0) {
      // The title may run over several lines; collect until it is complete.
      const parts = [line];
      let acc = ink;
      while (acc !== titleInk && i + 1 < lines.length && titleInk.startsWith(acc + inkOf(lines[i + 1]!.text))) {
        parts.push(lines[++i]!);
        acc += inkOf(lines[i]!.text);
      }
      if (acc === titleInk) {
        for (const p of parts) doc.takeLineMarkup(p);
        title = closeCjkSpacing(parts.map((p) => p.text).join(''));
        doc.addMeta('标题', parts.map((p) => p.text).join(''), parts[0]!.no, parts[parts.length - 1]!.no);
        continue;
      }
      i -= parts.length - 1;
    }
    if (entry.series && ink === inkOf(entry.series) && once('刊名')) {
      doc.takeLineMarkup(line);
      doc.addMeta('刊名', text, line.no);
    } else if (ISSUE.test(text) && once('期号')) {
      doc.addMeta('期号', text, line.no);
    } else if (ink === inkOf(entry.issuer) && once('发文机关')) {
      doc.takeLineMarkup(line);
      doc.addMeta('发文机关', text, line.no);
    } else if (DATE.test(text) && once('日期')) {
      doc.addMeta('日期', text, line.no);
    } else if (title !== null && entry.author && ink === inkOf(entry.author) && once('署名')) {
      doc.addMeta('署名', text, line.no);
    } else if (title !== null && ADDRESSEE.test(text) && !matchHeadingMarker(text) && once('主送')) {
      const [, name, colon] = ADDRESSEE.exec(text)!;
      doc.addMeta('主送', name!, line.no);
      doc.addMarkup(colon!, line.no);
    } else {
      break;
    }
  }
  if (title === null) {
    // Point at the line that ended the opening lines, quoted as printed (a `---` or a zero-width
    // space would otherwise read as "found "" instead").
    const found = lines[i] ?? lines[lines.length - 1];
    throw new IngestError(
      'title-not-found',
      doc.file,
      found?.no ?? 1,
      `expected the title "${entry.title}" (from the manifest) among the opening lines, before the body; found "${showInvisible(head(found?.raw.trim() ?? '', 30))}" instead`,
    );
  }
  return { title, bodyStart: i };
}

function isFooterStart(line: SourceLine, entry: ManifestEntry): boolean {
  const t = line.text;
  return (
    (t === '' && line.markup.length > 0 && !line.bullet) || // a `---` rule
    FIELD.test(t) ||
    ATTACHMENTS.test(t) ||
    IMPRINT.test(t) ||
    DISCLOSURE.test(t) ||
    DATE.test(t) ||
    inkOf(t) === inkOf(entry.issuer)
  );
}

/** Index of the first footer line after the body's first line, or `lines.length`. */
export function findFooterStart(lines: SourceLine[], from: number, entry: ManifestEntry): number {
  for (let i = from + 1; i < lines.length; i++) if (isFooterStart(lines[i]!, entry)) return i;
  return lines.length;
}

/** The 附件 list as printed: attachment number → title, with its line. */
export type AttachmentList = { number: number; title: string; line: number }[];

/**
 * Reads footer lines into meta entries. A field (报送/抄送) runs on over the following lines
 * until one ends its sentence; list items after 附件： are the attachment list.
 */
export function readFooter(entry: ManifestEntry, lines: SourceLine[], doc: DocumentBuilder): AttachmentList {
  const attachments: AttachmentList = [];
  let inList = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    doc.takeLineMarkup(line);
    const t = line.text;
    if (t === '') continue;
    const field = FIELD.exec(t);
    const list = ATTACHMENTS.exec(t);
    const item = LIST_ITEM.exec(t);
    if (field) {
      inList = false;
      let value = field[3]!.trim();
      let end = line.no;
      while (!/[。.]$/u.test(value) && i + 1 < lines.length && lines[i + 1]!.text !== '' && !isFooterStart(lines[i + 1]!, entry)) {
        value += lines[++i]!.text;
        // A continuation line's markdown artefacts (`##`) still have to be accounted for.
        doc.takeLineMarkup(lines[i]!);
        end = lines[i]!.no;
      }
      doc.addMarkup(`${field[1]}${field[2]}`, line.no);
      doc.addMeta(field[1]!, value, line.no, end);
    } else if (list) {
      inList = true;
      doc.addMarkup(`${list[1]}${list[2]}`, line.no);
      const rest = list[3]!.trim();
      const first = LIST_ITEM.exec(rest);
      if (first) addAttachment(doc, attachments, first, line.no);
      else if (rest) addAttachment(doc, attachments, ['', '1', rest] as unknown as RegExpExecArray, line.no);
    } else if (inList && item) {
      addAttachment(doc, attachments, item, line.no);
    } else if (IMPRINT.test(t)) {
      doc.addMeta('印发', t, line.no);
    } else if (DISCLOSURE.test(t)) {
      doc.addMeta('公开方式', t, line.no);
    } else if (DATE.test(t)) {
      doc.addMeta('日期', t, line.no);
    } else if (inkOf(t) === inkOf(entry.issuer)) {
      doc.addMeta('落款', t, line.no);
    } else {
      doc.warn('footer-unknown-line', line.no, `"${head(t, 20)}" after the body is none of 报送/抄送/附件/日期/公开方式/印发; kept as a note`);
      doc.blocks.push({ id: doc.lineBlockId(line.no), type: 'paragraph', text: t, role: 'meta', source: doc.span(line.no) });
    }
  }
  const numbers = attachments.map((a) => a.number);
  numbers.forEach((n, k) => {
    if (n !== k + 1) doc.warn('attachment-list-gap', attachments[k]!.line, `附件 list item numbered ${n}; expected ${k + 1}`);
  });
  return attachments;
}

function addAttachment(doc: DocumentBuilder, list: AttachmentList, m: RegExpExecArray, line: number): void {
  const number = Number(m[1]);
  const title = m[2]!.trim();
  list.push({ number, title, line });
  if (m[0]) doc.addMarkup(m[0].slice(0, m[0].length - m[2]!.length).trim(), line);
  doc.addMeta(`附件${number}`, title, line);
}

/** The document number the opening paragraph cites as the report's basis (商人常办〔2022〕27号). */
export function recordBasis(doc: DocumentBuilder): void {
  const firstHeading = doc.blocks.findIndex((b) => b.type === 'heading');
  const intro = doc.blocks.slice(0, firstHeading < 0 ? doc.blocks.length : firstHeading);
  for (const block of intro) {
    if (block.type !== 'paragraph') continue;
    const m = BASIS.exec(block.text);
    if (m) {
      doc.addMeta('依据', m[0], block.source.line, block.source.endLine);
      return;
    }
  }
}
