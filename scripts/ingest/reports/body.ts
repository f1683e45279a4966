/**
 * The body of a report: sections by the document's own numbering, paragraphs rejoined where a
 * page break cut them, duplicates shown once, text lost at page breaks flagged. Every decision
 * that changes what a reader sees is recorded as a repair with the text as printed.
 */
import { inkOf } from '../core/text.ts';
import { type DocumentBuilder, type SourceLine, head, tail } from './builder.ts';
import {
  type HeadingMarker,
  endsSentence,
  looksLikeUnknownNumbering,
  matchHeadingMarker,
  startsWithLabel,
} from './numbering.ts';

/** A standalone heading is short and has no sentence end; longer numbered lines are run-in. */
const STANDALONE_HEADING_MAX = 50;
/** The second line of a heading split over two lines is a short fragment without a sentence end. */
const HEADING_CONTINUATION_MAX = 20;
/** A standalone heading at least this long may have been cut at the end of a printed line. */
const HEADING_CUT_MIN = 20;
/** Paragraphs shorter than this are never treated as duplicates of each other. */
const DUPLICATE_MIN_INK = 20;
/** Characters repeated on both sides of a page break (`《商` / `《商丘市…`) betray a lost fragment. */
const OVERLAP_MIN = 2;
const OVERLAP_MAX = 8;

interface Item {
  marker: HeadingMarker | null;
  standalone: boolean;
  lines: SourceLine[];
  /** Text of each line (the first without its heading marker). */
  texts: string[];
  /** Never continued by the next line (a line that looks like a heading of an unknown scheme). */
  closed?: boolean;
  dropped?: boolean;
}

function isStandaloneHeading(marker: HeadingMarker): boolean {
  return !marker.rest.includes('。') && [...marker.rest].length <= STANDALONE_HEADING_MAX;
}

/**
 * A heading is continued on the next line only when it looks cut — long enough to have reached
 * the end of a printed line, or ending in a joining mark — and the next line is a short fragment
 * without a sentence end (`停` / `业措施的问题`). A short heading such as `二、强化考核检查` is complete.
 */
function isHeadingContinuation(heading: string, text: string): boolean {
  const cut = [...heading].length >= HEADING_CUT_MIN || /[、，“《（(]$/u.test(heading);
  return cut && !/[。；！？]/u.test(text) && [...text].length <= HEADING_CONTINUATION_MAX;
}

function lastText(item: Item): string {
  return item.texts[item.texts.length - 1]!;
}

/** Groups lines into items: a heading or a paragraph, each possibly spanning page breaks. */
function groupLines(lines: SourceLine[], doc: DocumentBuilder): Item[] {
  const items: Item[] = [];
  for (const line of lines) {
    // `整改情况：（一）…`: a paragraph label glued to a sub-heading. The label stays a paragraph
    // of its own and the rest is read as the heading it is.
    const label = /^([\p{Script=Han}]{2,6}[：:])(.+)$/u.exec(line.text);
    if (label && matchHeadingMarker(label[2]!)) {
      items.push({ marker: null, standalone: false, lines: [line], texts: [label[1]!] });
      const marker = matchHeadingMarker(label[2]!)!;
      items.push({ marker, standalone: isStandaloneHeading(marker), lines: [line], texts: [marker.rest.trim()] });
      continue;
    }
    const marker = matchHeadingMarker(line.text);
    const prev = items[items.length - 1];
    const prevOpen = prev !== undefined && !prev.closed && !endsSentence(lastText(prev));
    if (!marker && prev && prevOpen && !startsWithLabel(line.text)) {
      const joinsHeading = prev.marker && prev.standalone;
      if (!joinsHeading || (prev.texts.length === 1 && isHeadingContinuation(prev.texts[0]!, line.text))) {
        const before = lastText(prev);
        prev.lines.push(line);
        prev.texts.push(line.text);
        recordJoin(doc, before, line, prev.lines[prev.lines.length - 2]!.no);
        continue;
      }
    }
    const unknownNumbering = !marker && looksLikeUnknownNumbering(line.text);
    if (unknownNumbering) {
      doc.warn('unknown-numbering', line.no, `"${head(line.text, 16)}" looks numbered but matches no known scheme (一、 （一） 1、 1. （1）); kept as a paragraph of its own`);
    }
    items.push({
      closed: unknownNumbering,
      marker,
      standalone: marker ? isStandaloneHeading(marker) : false,
      lines: [line],
      texts: [marker ? marker.rest.trim() : line.text],
    });
  }
  return items;
}

function recordJoin(doc: DocumentBuilder, before: string, line: SourceLine, prevLine: number): void {
  doc.repair({
    kind: 'page-break-join',
    before: `${tail(before)}\n${head(line.text)}`,
    after: `${tail(before)}${head(line.text)}`,
    note: `原文此段在第${line.no}行处被分页截断，已接续为一段。`,
    line: prevLine,
    endLine: line.no,
  });
  const overlap = repeatedAcrossBreak(before, line.text);
  if (overlap) {
    doc.repair({
      kind: 'lost-text',
      before: `${tail(before)}\n${head(line.text)}`,
      after: `${tail(before)}\n${head(line.text)}`,
      note: `分页处“${overlap}”前后重复出现，其间文字可能缺失（原文照录）`,
      line: prevLine,
      endLine: line.no,
    });
  }
}

function repeatedAcrossBreak(before: string, after: string): string | null {
  const a = [...before];
  for (let n = Math.min(OVERLAP_MAX, a.length); n >= OVERLAP_MIN; n--) {
    const end = a.slice(-n).join('');
    if (after.startsWith(end) && /[\p{Script=Han}]/u.test(end)) return end;
  }
  return null;
}

/**
 * Index of the 。 that ends the first sentence, skipping any inside “quotes” (a heading may quote
 * several sentences of the inspection report); the first 。 at all when quotes never close.
 */
export function firstSentenceEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') depth++;
    else if (c === '”') depth = Math.max(0, depth - 1);
    else if (c === '。' && depth === 0) return i;
  }
  return text.indexOf('。');
}

function joined(item: Item): string {
  return item.texts.join('');
}

/** A paragraph whose text is the start of (or equal to) another one is a duplicate: show it once. */
function dropDuplicates(items: Item[], doc: DocumentBuilder): void {
  const paragraphs = items.filter((i) => !i.marker);
  for (let i = 0; i < paragraphs.length; i++) {
    for (let j = i + 1; j < paragraphs.length; j++) {
      const a = paragraphs[i]!;
      const b = paragraphs[j]!;
      if (a.dropped || b.dropped) continue;
      const inkA = inkOf(joined(a));
      const inkB = inkOf(joined(b));
      if (Math.min(inkA.length, inkB.length) < DUPLICATE_MIN_INK) continue;
      if (!inkB.startsWith(inkA) && !inkA.startsWith(inkB)) continue;
      // Keep the longer (complete) copy; of two equal copies keep the first.
      const [kept, copy] = inkB.length > inkA.length ? [b, a] : [a, b];
      copy.dropped = true;
      doc.repair({
        kind: 'duplicate',
        before: joined(copy),
        after: '',
        note: `本段与第${kept.lines[0]!.no}行起的段落重复，此处只显示一次。`,
        line: copy.lines[0]!.no,
        endLine: copy.lines[copy.lines.length - 1]!.no,
      });
    }
  }
}

export interface BodyOptions {
  /** Lines of the body, in order, blank lines left out, markup already taken off. */
  lines: SourceLine[];
}

/** Parses body lines into heading and paragraph blocks on the builder. */
export function parseBody(doc: DocumentBuilder, lines: SourceLine[]): void {
  const items = groupLines(lines, doc);
  dropDuplicates(items, doc);
  const stack: { kind: string; value: number }[] = [];
  const visible = items.filter((i) => !i.dropped);
  visible.forEach((item, index) => {
    const first = item.lines[0]!.no;
    const last = item.lines[item.lines.length - 1]!.no;
    const text = joined(item);
    const next = visible[index + 1];
    if (!item.standalone && !endsSentence(text) && (!next || next.marker)) {
      doc.repair({
        kind: 'lost-text',
        before: tail(text, 20),
        after: tail(text, 20),
        note: '段落未以句末标点结束，其后文字可能在分页处缺失（原文照录）',
        line: last,
        endLine: last,
      });
    }
    if (!item.marker) {
      doc.blocks.push({
        id: doc.lineBlockId(first),
        type: 'paragraph',
        text,
        role: item.lines[0]!.bullet ? 'list-item' : 'body',
        source: doc.span(first, last),
      });
      return;
    }
    const { kind, value, printed } = item.marker;
    const at = stack.findIndex((s) => s.kind === kind);
    const expected = at >= 0 ? stack[at]!.value + 1 : 1;
    if (at >= 0) stack.length = at;
    // A restart at 1 is printed numbering starting over (e.g. under 问题二：); anything else is a gap.
    if (value !== expected && value !== 1) {
      doc.warn('numbering-gap', first, `heading "${printed}" follows a sibling numbered ${expected - 1}; expected ${expected}`);
    }
    stack.push({ kind, value });
    const sentenceEnd = firstSentenceEnd(text);
    const runIn = !item.standalone && sentenceEnd >= 0 && sentenceEnd < text.length - 1;
    doc.blocks.push({
      id: doc.uniqueBlockId(`${doc.documentId}-s${stack.map((s) => s.value).join('-')}`, first),
      type: 'heading',
      level: Math.min(stack.length, 6),
      number: printed,
      title: runIn ? text.slice(0, sentenceEnd + 1) : text,
      ...(runIn ? { runIn: text.slice(sentenceEnd + 1).trim() } : {}),
      source: doc.span(first, last),
    });
  });
}
