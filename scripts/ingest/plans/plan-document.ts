/**
 * One plan (an 附件 of a plan package): title, section tree, tasks with their field blocks,
 * tables and paragraphs, in source order.
 */
import type {
  Block,
  Diagnostic,
  ManifestEntry,
  PolicyDocument,
  PolicyTable,
  Repair,
  Task,
  UnitRef,
} from '../../../src/schemas/index.ts';
import type { ParseContext } from '../context.ts';
import { IngestError } from '../core/errors.ts';
import { isBlank } from '../core/text.ts';
import { isRecognisedDeadline, parseDeadline } from './deadline.ts';
import {
  FIELD_LABEL,
  endsSentence,
  formatNumber,
  isBareSectionWord,
  readNumbering,
  unknownNumbering,
  type Numbering,
} from './numbering.ts';
import { splitResponsibility } from './responsibility.ts';
import { buildTable, findTableRegions, type SourceLine, type TableRegion } from './tables.ts';

export interface PlanPart {
  /** 附件 number (1 for the text before the first marker). */
  attachment: number;
  /** The physical lines of the part, the 附件N label line included. */
  lines: SourceLine[];
  /** The label line, when the part starts with one. */
  label: SourceLine | null;
  /** Displaced endnotes that belong to this part (marker still on the line). */
  footnotes: SourceLine[];
  /** Editorial flags of the manifest located on this part's lines. */
  flags?: { kind: 'typo-flag' | 'lost-text'; text: string; note: string; line: number }[];
}

export interface PlanDocumentResult {
  document: PolicyDocument;
  tasks: Task[];
  tables: PolicyTable[];
  repairs: Repair[];
  diagnostics: Diagnostic[];
}

interface HeadingItem {
  kind: 'heading';
  level: Numbering['level'];
  /** As printed; null for a bare section word. */
  number: string | null;
  value: number;
  impliedNumber?: string;
  title: string;
  runIn?: string;
  /** Everything after the number (title and run-in text). */
  text: string;
  line: number;
  endLine: number;
}
interface ParagraphItem {
  kind: 'paragraph';
  text: string;
  line: number;
  endLine: number;
}
interface FieldsItem {
  kind: 'fields';
  deadline: { raw: string; line: number } | null;
  units: { raw: string; line: number };
  line: number;
  endLine: number;
}
interface TableItem {
  kind: 'table';
  region: TableRegion;
  line: number;
  endLine: number;
}
type Item = HeadingItem | ParagraphItem | FieldsItem | TableItem;

/** What each item turned out to be once the field blocks were assigned. */
type Role =
  | { as: 'section' }
  | { as: 'paragraph'; role: 'body' | 'intro' }
  | { as: 'task'; task: number }
  | { as: 'task-content'; task: number }
  | { as: 'fields' }
  | { as: 'table' };

interface TaskDraft {
  /** Index of the heading item, or of the first paragraph for an unnumbered task. */
  first: number;
  heading: HeadingItem | null;
  content: number[];
  fields: FieldsItem;
  shared: boolean;
  /** For an unnumbered task: id suffix and the implied number when the source dropped it. */
  unnumbered?: { parentTask: number | null; position: number; impliedNumber?: string };
}

const TITLE_END = /方案\s*$/u;
const MAX_TITLE_LINES = 4;
const TASK_TITLE_MAX = 40;
/** Labels that look like task fields but are not the two this format uses. */
const OTHER_FIELD_LABEL = /^(完成时限|完成时间|时间要求|牵头单位|配合单位|责任部门|牵头部门|责任人)\s*[:：]/u;
/** A paragraph this short after another paragraph is a fragment left by lost text. */
const SHORT_FRAGMENT = 6;

export function parsePlanPart(entry: ManifestEntry, file: string, part: PlanPart, ctx: ParseContext, markerPattern: RegExp): PlanDocumentResult {
  const documentId = `${entry.id}-a${String(part.attachment).padStart(2, '0')}`;
  const overallId = `${entry.id}-a${String(entry.split?.firstAttachment ?? 1).padStart(2, '0')}`;
  const repairs: Omit<Repair, 'id'>[] = [];
  const diagnostics: Diagnostic[] = [];
  const markup: PolicyDocument['markup'] = [];
  const span = (line: number, endLine = line) => ({ file, line, endLine });
  const warn = (code: string, line: number, message: string) => diagnostics.push({ severity: 'warning', code, file, line, message });

  const lines = part.lines.filter((l) => l !== part.label);
  // Paragraph ids count lines from the start of this document, so edits to another document of
  // the same file (which shift absolute line numbers) leave them unchanged.
  const firstLine = part.label?.n ?? part.lines[0]?.n ?? 1;
  if (part.label) markup.push({ text: part.label.text.trim(), source: span(part.label.n) });

  // Title: the first non-blank lines up to one ending with 方案.
  const titleLines: SourceLine[] = [];
  let cursor = 0;
  while (cursor < lines.length && titleLines.length < MAX_TITLE_LINES) {
    const line = lines[cursor++]!;
    if (isBlank(line.text)) continue;
    titleLines.push(line);
    if (TITLE_END.test(line.text)) break;
  }
  if (titleLines.length === 0 || !TITLE_END.test(titleLines[titleLines.length - 1]!.text)) {
    const at = titleLines[0]?.n ?? part.label?.n ?? lines[0]?.n ?? 1;
    throw new IngestError('plan-title', file, at, `附件${part.attachment}: expected a title ending with 方案 within its first ${MAX_TITLE_LINES} non-blank lines`);
  }
  const title = titleLines.map((l) => l.text.trim()).join('');
  const body = lines.slice(cursor);
  if (body.every((line) => isBlank(line.text)) && part.footnotes.every((line) => isBlank(line.text))) {
    // A title alone would build an empty page; most likely the file was cut short.
    throw new IngestError('no-body', file, titleLines[titleLines.length - 1]!.n, `附件${part.attachment} ends after its title; expected the text of the plan (sections and tasks)`);
  }

  const structural = (text: string): boolean =>
    FIELD_LABEL.test(text.trim()) || readNumbering(text) !== null || isBareSectionWord(text) || markerPattern.test(text.trim());
  const regions = findTableRegions(body, structural);
  const inTable = new Map<number, TableRegion>();
  for (const region of regions) for (const index of region.consumed) inTable.set(index, region);

  // Logical items: headings, paragraphs (page-break splits rejoined), field blocks, tables.
  const items: Item[] = [];
  const recordJoin = (pieces: SourceLine[]) => {
    repairs.push({
      documentId,
      kind: 'page-break-join',
      before: pieces.map((p) => p.text.trim()).join('\n'),
      after: pieces.map((p) => p.text.trim()).join(''),
      note: `原文此段在第${pieces.slice(1).map((p) => p.n).join('、')}行处被分页截断，已接续为一段。`,
      source: span(pieces[0]!.n, pieces[pieces.length - 1]!.n),
    });
  };
  /** A sentence printed twice in a row is shown once; the doubled text survives in the repair. */
  const dropRepeatedSentences = (text: string, line: number, endLine: number): string => {
    // Every character lands in a sentence: a run of ends (？！, ！！！) closes one sentence, and text
    // before the first end or after the last one is a sentence of its own.
    const sentences = text.match(/[^。！？]*[。！？]+|[^。！？]+/gu) ?? [];
    const kept: string[] = [];
    for (const sentence of sentences) {
      const previous = kept[kept.length - 1];
      if (previous !== undefined && previous === sentence && /[。！？]$/u.test(sentence) && sentence.length >= 4) {
        repairs.push({
          documentId,
          kind: 'duplicate',
          before: `${sentence}${sentence}`,
          after: sentence,
          note: '原文此句连续重复了一次，此处只显示一次。',
          source: span(line, endLine),
        });
        continue;
      }
      kept.push(sentence);
    }
    return kept.join('');
  };
  const nextInk = (from: number): number => {
    let k = from;
    while (k < body.length && isBlank(body[k]!.text) && !inTable.has(k)) k++;
    return k;
  };
  const joinable = (k: number): boolean => {
    if (k >= body.length || inTable.has(k)) return false;
    const text = body[k]!.text;
    return !structural(text) && !/^\t/u.test(text) && !OTHER_FIELD_LABEL.test(text.trim());
  };
  /** Reads a paragraph starting at `start`, following page-break splits; returns text and last index. */
  const readParagraph = (start: number, firstText: string) => {
    const pieces: SourceLine[] = [{ n: body[start]!.n, text: body[start]!.text }];
    let text = firstText.trim();
    let last = start;
    while (!endsSentence(text) && !OTHER_FIELD_LABEL.test(text)) {
      const k = nextInk(last + 1);
      if (!joinable(k)) break;
      pieces.push({ n: body[k]!.n, text: body[k]!.text });
      text += body[k]!.text.trim();
      last = k;
    }
    if (pieces.length > 1) recordJoin(pieces);
    return { text, last };
  };

  const seenRegions = new Set<TableRegion>();
  let lastLevel1 = 0;
  for (let i = 0; i < body.length; i++) {
    const region = inTable.get(i);
    if (region) {
      if (!seenRegions.has(region)) {
        seenRegions.add(region);
        items.push({ kind: 'table', region, line: region.line, endLine: region.endLine });
      }
      continue;
    }
    const { n, text } = body[i]!;
    if (isBlank(text)) continue;
    const trimmed = text.trim();
    const field = FIELD_LABEL.exec(trimmed);
    if (field) {
      const label = field[0];
      const value = trimmed.slice(label.length).trim();
      markup.push({ text: label.trim(), source: span(n) });
      if (field[1] === '时间节点') {
        const k = nextInk(i + 1);
        const unitsLine = k < body.length ? FIELD_LABEL.exec(body[k]!.text.trim()) : null;
        if (!unitsLine || unitsLine[1] !== '责任单位') {
          throw new IngestError('field-missing-units', file, n, `时间节点 is not followed by a 责任单位 line; expected 责任单位：… after every 时间节点`);
        }
        const unitsText = body[k]!.text.trim();
        markup.push({ text: unitsLine[0].trim(), source: span(body[k]!.n) });
        items.push({
          kind: 'fields',
          deadline: { raw: value, line: n },
          units: { raw: unitsText.slice(unitsLine[0].length).trim(), line: body[k]!.n },
          line: n,
          endLine: body[k]!.n,
        });
        i = k;
      } else {
        items.push({ kind: 'fields', deadline: null, units: { raw: value, line: n }, line: n, endLine: n });
      }
      continue;
    }
    const numbering = readNumbering(trimmed);
    if (numbering || isBareSectionWord(trimmed)) {
      let rest = numbering ? numbering.rest : trimmed;
      let last = i;
      if (numbering && rest === '') {
        // A number alone on its line (A2 （一）): the heading text is the next line.
        const k = nextInk(i + 1);
        if (joinable(k)) {
          rest = body[k]!.text.trim();
          last = k;
        }
      }
      const stop = rest.indexOf('。');
      if (numbering && stop !== -1 && stop < rest.length - 1 && !endsSentence(rest)) {
        const paragraph = readParagraph(last, rest);
        rest = paragraph.text;
        last = paragraph.last;
      }
      rest = dropRepeatedSentences(rest, n, body[last]!.n);
      const headingTitle = leadingSentence(rest);
      const runIn = rest.slice(headingTitle.length);
      const level = numbering?.level ?? 1;
      const value = numbering?.value ?? lastLevel1 + 1;
      const item: HeadingItem = {
        kind: 'heading',
        level,
        number: numbering?.number ?? null,
        value,
        title: headingTitle,
        text: rest,
        line: n,
        endLine: body[last]!.n,
      };
      if (runIn !== '') item.runIn = runIn;
      if (!numbering) {
        item.impliedNumber = formatNumber(1, value);
        repairs.push({
          documentId,
          kind: 'missing-number',
          before: trimmed,
          after: `${item.impliedNumber}${trimmed}`,
          note: `原文此标题缺少序号，按位置应为“${item.impliedNumber}”。`,
          source: span(n),
        });
      }
      if (level === 1) lastLevel1 = value;
      items.push(item);
      i = last;
      continue;
    }
    const label = OTHER_FIELD_LABEL.exec(trimmed);
    if (label) {
      warn('unknown-field-label', n, `line starts with the label “${label[1]}”; plans give task fields as 时间节点：… and 责任单位：… — read as a paragraph`);
    }
    const odd = unknownNumbering(trimmed);
    if (odd) warn('unknown-numbering', n, `line starts with “${odd}”, a numbering style plans do not use; expected 一、 （一） 1. or （1）. Read as a paragraph.`);
    const paragraph = readParagraph(i, text);
    const paragraphText = dropRepeatedSentences(paragraph.text, n, body[paragraph.last]!.n);
    if (paragraphText.length <= SHORT_FRAGMENT && !odd && !/^(主要目标|注|备注)/u.test(paragraphText) && items[items.length - 1]?.kind === 'paragraph') {
      // A few words after a full paragraph, like 落地实施。: the text before them was lost.
      repairs.push({
        documentId,
        kind: 'lost-text',
        before: paragraphText,
        after: paragraphText,
        note: `此段仅有“${paragraphText}”，其前文疑在原文分页处缺失；按原文照录。`,
        source: span(n),
      });
      warn('lost-text', n, `a paragraph of ${paragraphText.length} characters (“${paragraphText}”) after a full paragraph; text before it seems lost in the source`);
    }
    items.push({ kind: 'paragraph', text: paragraphText, line: n, endLine: body[paragraph.last]!.n });
    i = paragraph.last;
  }

  // Assign each field block to the task(s) it closes.
  const roles: Role[] = items.map((item) =>
    item.kind === 'table' ? { as: 'table' } : item.kind === 'fields' ? { as: 'fields' } : item.kind === 'heading' ? { as: 'section' } : { as: 'paragraph', role: 'body' },
  );
  const drafts: TaskDraft[] = [];
  let boundary = -1;
  let lastTaskOfBlock: number | null = null;
  for (let f = 0; f < items.length; f++) {
    const item = items[f]!;
    if (item.kind === 'table' || (item.kind === 'heading' && item.level === 1)) {
      boundary = f;
      lastTaskOfBlock = null;
      continue;
    }
    if (item.kind !== 'fields') continue;
    const segment: number[] = [];
    for (let k = boundary + 1; k < f; k++) segment.push(k);
    boundary = f;
    if (segment.length === 0) {
      throw new IngestError('field-without-task', file, item.line, `a 时间节点/责任单位 block with no task text before it; expected a numbered item or a paragraph above the field lines`);
    }
    const headings = segment.filter((k) => items[k]!.kind === 'heading');
    if (headings.length === 0) {
      // Unnumbered paragraph(s) with their own field block: a task of their own.
      const draft: TaskDraft = { first: segment[0]!, heading: null, content: segment, fields: item, shared: false };
      const previous = lastTaskOfBlock === null ? null : drafts[lastTaskOfBlock]!;
      const next = previous?.heading ? nextSibling(items, f, previous.heading.level) : null;
      if (previous?.heading && next && next.value === previous.heading.value + 2) {
        // 1. 2. (no number) 4.: the source lost the number of a sibling task.
        const implied = previous.heading.value + 1;
        draft.unnumbered = { parentTask: null, position: implied, impliedNumber: formatNumber(previous.heading.level, implied) };
        drafts.push(draft);
        lastTaskOfBlock = drafts.length - 1;
      } else if (previous?.heading) {
        // Further paragraphs of the previous task, each with its own fields (A3 （十）).
        const siblings = drafts.filter((d) => d.unnumbered?.parentTask === lastTaskOfBlock).length;
        draft.unnumbered = { parentTask: lastTaskOfBlock, position: siblings + 2 };
        drafts.push(draft);
      } else {
        const position = previous?.unnumbered && previous.unnumbered.parentTask === null ? previous.unnumbered.position + 1 : 1;
        draft.unnumbered = { parentTask: null, position };
        drafts.push(draft);
        lastTaskOfBlock = drafts.length - 1;
      }
      segment.forEach((k, index) => (roles[k] = index === 0 ? { as: 'task', task: drafts.length - 1 } : { as: 'task-content', task: drafts.length - 1 }));
      continue;
    }
    // Tasks are the shallowest headings with body text after the last title-only heading (so a
    // title-only （五） above 1.–6. is their section, and （1）–（4） below a run-in 2. are its
    // sub-items); with no such heading, the last title-only heading is the task (its body follows).
    const titleOnly = headings.filter((k) => !hasBodyText(items[k] as HeadingItem));
    const lastTitleOnly = titleOnly.length ? titleOnly[titleOnly.length - 1]! : -1;
    const bodyBearing = headings.filter((k) => k > lastTitleOnly && hasBodyText(items[k] as HeadingItem));
    const taskLevel = bodyBearing.length
      ? Math.min(...bodyBearing.map((k) => (items[k] as HeadingItem).level))
      : (items[lastTitleOnly] as HeadingItem).level;
    // The task headings: trailing headings at the task level, back to a shallower heading.
    const taskHeadings: number[] = [];
    for (let idx = headings.length - 1; idx >= 0; idx--) {
      const h = items[headings[idx]!] as HeadingItem;
      if (h.level < taskLevel) break;
      if (h.level === taskLevel) taskHeadings.unshift(headings[idx]!);
    }
    const firstTask = taskHeadings[0]!;
    for (const k of segment) {
      if (k >= firstTask) continue;
      const it = items[k]!;
      if (it.kind === 'paragraph') roles[k] = { as: 'paragraph', role: 'intro' };
    }
    const shared = taskHeadings.length > 1;
    taskHeadings.forEach((k, index) => {
      const end = taskHeadings[index + 1] ?? f;
      const content = segment.filter((s) => s >= k && s < end);
      drafts.push({ first: k, heading: items[k] as HeadingItem, content, fields: item, shared });
      const taskIndex = drafts.length - 1;
      content.forEach((s) => (roles[s] = s === k ? { as: 'task', task: taskIndex } : { as: 'task-content', task: taskIndex }));
    });
    lastTaskOfBlock = drafts.length - 1;
  }
  // A run-in item left without fields while items of its level in the same section have them:
  // probably a task whose 时间节点/责任单位 lines are missing.
  {
    const taskLevels = new Set<number>();
    const pending: HeadingItem[] = [];
    const flush = () => {
      for (const h of pending) {
        if (!taskLevels.has(h.level)) continue;
        warn('task-missing-units', h.line, `${h.number ?? ''}${h.title} reads like a task (items of its level in this section have 责任单位) but no field block follows it; expected 时间节点/责任单位 lines`);
      }
      pending.length = 0;
      taskLevels.clear();
    };
    items.forEach((it, k) => {
      if (it.kind !== 'heading') return;
      if (it.level === 1) flush();
      const role = roles[k]!;
      if (role.as === 'task') taskLevels.add(it.level);
      else if (role.as === 'section' && hasBodyText(it) && it.level > 1) pending.push(it);
    });
    flush();
  }
  // 主要目标：… and similar labelled goal paragraphs introduce a section.
  items.forEach((it, k) => {
    if (it.kind === 'paragraph' && roles[k]!.as === 'paragraph' && /^主要目标\s*[:：]/u.test(it.text)) roles[k] = { as: 'paragraph', role: 'intro' };
  });

  // Walk in order: blocks, ids from the printed number path, tasks.
  const blocks: Block[] = [];
  const tasks: Task[] = [];
  const tables: PolicyTable[] = [];
  /** The open number path; section headings carry their block id, task headings none. */
  const stack: { level: number; value: number; printed: string; sectionId?: string }[] = [];
  const taskIds: string[] = [];
  const taskPaths: { path: string[]; values: number[]; sectionId: string | null }[] = [];
  const usedIds = new Map<string, number>();
  const claim = (id: string, line: number) => {
    const other = usedIds.get(id);
    if (other !== undefined) {
      throw new IngestError('duplicate-id', file, line, `id ${id} is already used by the item at line ${other}; expected distinct number paths within a plan (repeated numbering?)`);
    }
    usedIds.set(id, line);
  };
  const push = (level: number, value: number, printed: string) => {
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    stack.push({ level, value, printed });
  };
  // Task ids leave out the level-1 number of the section that holds the plan's first task (三、主要措施:
  // `-t1-2`); tasks in any other level-1 section keep it (`-s4-t1`), so their ids cannot collide.
  let mainLevel1: number | null | undefined;
  const taskPrefix = (): string => {
    const level1 = stack.find((s) => s.level === 1)?.value ?? null;
    if (mainLevel1 === undefined) mainLevel1 = level1;
    return level1 === null || level1 === mainLevel1 ? `${documentId}-t` : `${documentId}-s${level1}-t`;
  };
  const lastSeen = new Map<number, number>();
  /**
   * The section that holds an item: the deepest section heading on the path above it. A task
   * printed as （十） after the section （九） is its sibling, so it belongs to their common parent,
   * not to the section printed just before it.
   */
  const sectionAbove = (level: number): string | null =>
    stack.filter((s) => s.level < level && s.sectionId !== undefined).pop()?.sectionId ?? null;
  let tableCount = 0;
  const documentTaskWithoutDeadline: FieldsItem[] = [];
  const hasAnyDeadline = items.some((it) => it.kind === 'fields' && it.deadline !== null);

  items.forEach((it, k) => {
    const role = roles[k]!;
    if (it.kind === 'heading' && (role.as === 'section' || role.as === 'task')) {
      const expected = lastSeen.get(it.level);
      if (it.number !== null && expected !== undefined && it.value !== expected + 1 && it.value !== 1) {
        warn('numbering-gap', it.line, `${it.number} follows ${formatNumber(it.level, expected)}; expected ${formatNumber(it.level, expected + 1)} or a restart at ${formatNumber(it.level, 1)}`);
      }
      lastSeen.set(it.level, it.value);
      if (it.level === 1) for (const level of [2, 3, 4]) lastSeen.delete(level);
      else if (it.level === 2) lastSeen.delete(4);
      push(it.level, it.value, it.number ?? it.impliedNumber ?? '');
    }
    if (role.as === 'section' && it.kind === 'heading') {
      const id = `${documentId}-s${stack.map((s) => s.value).join('-')}`;
      claim(id, it.line);
      stack[stack.length - 1]!.sectionId = id;
      const block: Block = { id, type: 'heading', source: span(it.line, it.endLine), level: it.level, number: it.number, title: it.title };
      if (it.impliedNumber) block.impliedNumber = it.impliedNumber;
      if (it.runIn !== undefined) block.runIn = it.runIn;
      blocks.push(block);
    } else if (role.as === 'paragraph' && it.kind === 'paragraph') {
      blocks.push({ id: `${documentId}-b${it.line - firstLine + 1}`, type: 'paragraph', source: span(it.line, it.endLine), text: it.text, role: role.role });
    } else if (role.as === 'table' && it.kind === 'table') {
      tableCount++;
      const id = `${documentId}-tbl${tableCount}`;
      const built = buildTable(it.region, file);
      tables.push({
        id,
        documentId,
        caption: it.region.caption?.text ?? null,
        captionPosition: it.region.captionPosition,
        unitNote: it.region.unitNote?.text ?? null,
        header: built.header,
        rows: built.rows,
        notes: it.region.notes.map((note) => note.text),
        columnRoles: built.columnRoles,
        source: span(it.region.line, it.region.endLine),
      });
      for (const note of it.region.notes) if (note.pieces.length > 1) recordJoin(note.pieces);
      blocks.push({ id, type: 'table', source: span(it.region.line, it.region.endLine), tableId: id });
    } else if (role.as === 'task') {
      const draft = drafts[role.task]!;
      let id: string;
      let number = '';
      let numberPath: string[];
      let sectionId: string | null;
      if (draft.heading) {
        number = draft.heading.number ?? draft.heading.impliedNumber ?? '';
        numberPath = stack.map((s) => s.printed);
        id = `${taskPrefix()}${stack.filter((s) => s.level > 1).map((s) => s.value).join('-') || stack.map((s) => s.value).join('-')}`;
        sectionId = sectionAbove(draft.heading.level);
        taskPaths[role.task] = { path: numberPath, values: stack.map((s) => s.value), sectionId };
      } else {
        const u = draft.unnumbered!;
        if (u.parentTask !== null) {
          id = `${taskIds[u.parentTask]}-p${u.position}`;
          numberPath = taskPaths[u.parentTask]!.path;
          sectionId = taskPaths[u.parentTask]!.sectionId;
        } else {
          // A task that lost its number sits beside its siblings, not under the previous one.
          const impliedLevel = u.impliedNumber ? readNumbering(u.impliedNumber)!.level : 99;
          const parents = stack.filter((s) => s.level < impliedLevel);
          const parentValues = parents.filter((s) => s.level > 1).map((s) => s.value);
          id = `${taskPrefix()}${parentValues.length ? `${parentValues.join('-')}-` : ''}p${u.position}`;
          numberPath = parents.map((s) => s.printed);
          sectionId = sectionAbove(impliedLevel);
        }
        if (u.impliedNumber) {
          repairs.push({
            documentId,
            kind: 'missing-number',
            before: (it as ParagraphItem).text,
            after: `${u.impliedNumber}${(it as ParagraphItem).text}`,
            note: `原文此项缺少序号，按位置应为“${u.impliedNumber}”。`,
            source: span(it.line),
          });
          warn('missing-number', it.line, `an unnumbered task between numbered siblings; read as the missing ${u.impliedNumber}`);
          lastSeen.set(readNumbering(u.impliedNumber)!.level, u.position);
        }
      }
      claim(id, it.line);
      taskIds[role.task] = id;
      const contentItems = draft.content.map((c) => items[c]!) as (HeadingItem | ParagraphItem)[];
      const texts = contentItems.map((c, index) => {
        if (c.kind === 'heading' && index === 0) return c.text;
        if (c.kind === 'heading') return `${c.number ?? ''}${c.text}`;
        return c.text;
      });
      let taskTitle: string | null = null;
      if (draft.heading && draft.heading.title.length <= TASK_TITLE_MAX) taskTitle = draft.heading.title || null;
      if (!draft.heading && draft.unnumbered?.impliedNumber) {
        // Read as a numbered sibling whose number was lost: it takes its title the way its
        // siblings do, from the leading sentence of its text.
        const leading = leadingSentence((items[draft.first] as ParagraphItem).text);
        if (leading.length <= TASK_TITLE_MAX) taskTitle = leading || null;
      }
      const fields = draft.fields;
      const deadline = parseDeadline(fields.deadline?.raw ?? null);
      if (fields.deadline && !isRecognisedDeadline(deadline)) {
        warn('deadline-unrecognised', fields.deadline.line, `时间节点 “${fields.deadline.raw}” names no year-month, 持续推进 or 每…; expected a value such as 2022年12月`);
      }
      if (!fields.deadline && hasAnyDeadline && !documentTaskWithoutDeadline.includes(fields)) {
        documentTaskWithoutDeadline.push(fields);
        warn('task-missing-deadline', fields.line, `a field block without 时间节点 in a plan whose other tasks have one; expected 时间节点：… before 责任单位`);
      }
      const at = { file, line: fields.units.line };
      const units: UnitRef[] = [];
      for (const unit of splitResponsibility(fields.units.raw)) {
        const resolved = ctx.resolveUnit(unit.name, at);
        if (resolved) units.push({ id: resolved.id, name: resolved.name, role: unit.role, raw: unit.raw });
      }
      if (fields.units.raw === '') throw new IngestError('empty-units', file, fields.units.line, '责任单位 has no value; expected at least one unit');
      const last = contentItems[contentItems.length - 1]!;
      tasks.push({
        id,
        documentId,
        plan: part.attachment,
        number,
        numberPath,
        sectionId,
        title: taskTitle,
        text: texts.join('\n\n'),
        deadline,
        unitsRaw: fields.units.raw,
        units,
        sharedFields: draft.shared,
        indicatorIds: [],
        relatedPlanIds: [],
        source: span(it.line, Math.max(last.endLine, draft.shared ? last.endLine : fields.endLine)),
        fieldSource: span(fields.line, fields.endLine),
      });
      blocks.push({ id, type: 'task', source: span(it.line, last.endLine), taskId: id });
    }
  });

  // Displaced endnotes of this part.
  const footnoteMarker = entry.split?.footnotes?.marker;
  let footnote: { line: SourceLine; text: string; endLine: number } | null = null;
  let footnoteCount = 0;
  const flushFootnote = () => {
    if (!footnote) return;
    const text = footnote.text;
    const term = /^([^：:]{1,20})[：:]/u.exec(text)?.[1]?.trim();
    footnoteCount++;
    const block: Block = { id: `${documentId}-fn${footnoteCount}`, type: 'footnote', source: span(footnote.line.n, footnote.endLine), text };
    if (term) block.term = term;
    blocks.push(block);
    footnote = null;
  };
  for (const line of part.footnotes) {
    if (isBlank(line.text)) continue;
    if (footnoteMarker && line.text.startsWith(footnoteMarker)) {
      flushFootnote();
      const text = line.text.slice(footnoteMarker.length).trim();
      repairs.push({
        documentId,
        kind: 'replacement-character',
        before: footnoteMarker,
        after: '',
        note: '原文此处为一个无法显示的字符（U+FFFD），系脚注标记，已按脚注处理。',
        source: span(line.n),
      });
      repairs.push({
        documentId,
        kind: 'relocated',
        before: text,
        after: text,
        note: `此脚注在原文中位于文件末尾（第${line.n}行），属于附件${part.attachment}，已移至本方案末尾。`,
        source: span(line.n),
      });
      footnote = { line, text, endLine: line.n };
    } else if (footnote) {
      footnote.text += line.text.trim();
      footnote.endLine = line.n;
    }
  }
  flushFootnote();

  const lastLine = part.lines[part.lines.length - 1]?.n ?? firstLine;
  const document: PolicyDocument = {
    id: documentId,
    sourceId: entry.id,
    kind: part.attachment === (entry.split?.firstAttachment ?? 1) ? 'overall-plan' : 'special-plan',
    title,
    attachment: part.attachment,
    issuer: entry.issuer,
    issuerDepartmentId: null,
    jurisdiction: entry.jurisdiction,
    date: entry.date,
    parentId: part.attachment === (entry.split?.firstAttachment ?? 1) ? null : overallId,
    departmentId: null,
    indicatorIds: [],
    meta: [],
    markup,
    blocks,
    source: span(firstLine, lastLine),
  };
  // Editorial flags (manifest): the text stays as printed; the repair tells readers.
  for (const flag of part.flags ?? []) {
    repairs.push({ documentId, kind: flag.kind, before: flag.text, after: flag.text, note: flag.note, source: span(flag.line) });
  }
  // Repairs in source order, numbered within the document.
  const ordered = repairs
    .map((r, index) => ({ r, index }))
    .sort((a, b) => a.r.source.line - b.r.source.line || a.index - b.index)
    .map(({ r }, index) => ({ id: `${documentId}-r${index + 1}`, ...r }));
  diagnostics.sort((a, b) => a.line - b.line);
  return { document, tasks, tables, repairs: ordered, diagnostics };
}

/** The text up to and including its first 。 (all of it when it has none): a numbered item's title. */
function leadingSentence(text: string): string {
  const cut = text.indexOf('。');
  return cut === -1 ? text : text.slice(0, cut + 1);
}

/**
 * Whether a numbered line carries body text: a run-in sentence after its title, or one long
 * sentence (an item with no title, 1.贯彻落实…。). A short line, even one ending in 。, is a title.
 */
function hasBodyText(heading: HeadingItem): boolean {
  return heading.runIn !== undefined || (heading.title.endsWith('。') && heading.title.length > TASK_TITLE_MAX);
}

/** The next heading at `level` after index `from`, unless a shallower heading comes first. */
function nextSibling(items: Item[], from: number, level: number): HeadingItem | null {
  for (let k = from + 1; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind !== 'heading') continue;
    if (it.level < level) return null;
    if (it.level === level) return it;
  }
  return null;
}
