/**
 * Reads what a reader sees in a built page's searchable body (the element carrying
 * data-pagefind-body): its title, its filters, and its text as blocks (paragraphs, list items,
 * headings, table cells), each with the nearest landing anchor (a task, a section heading, a
 * block id). The exact-match index and the benchmark's ground truth are both made from this.
 */
import { parseDocument } from 'htmlparser2';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';

export interface ExtractedBlock {
  /** The block's text as displayed, whitespace runs collapsed to one space. */
  text: string;
  /** Index into `anchors`, or -1 before the first anchor. */
  anchorIndex: number;
}

export interface ExtractedPage {
  /** URL relative to the site base, e.g. `plans/pds-2022-plans-a04/`. */
  url: string;
  title: string;
  /** Filter name → values, in document order, without duplicates. */
  filters: Record<string, string[]>;
  /** [element id, label] of every landing anchor, in document order. */
  anchors: [string, string][];
  blocks: ExtractedBlock[];
}

/** Elements that start and end a block of text. */
const BLOCK_TAGS = new Set(
  'address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
/** Elements whose content is never shown as text, or is interface rather than document. */
const SKIPPED_TAGS = new Set('script style template noscript svg button select option textarea input iframe object canvas'.split(' '));
/** Classes of interface elements inside bodies (Starlight's heading anchor links). */
const SKIPPED_CLASSES = ['sl-anchor-link'];
const HEADING = /^h[1-6]$/;
/** Ids that are page furniture, not landing places. */
const IGNORED_IDS = new Set(['_top']);

/** Selectors Pagefind must skip too, so both indexes read the same text. */
export const EXCLUDED_SELECTORS = ['.sl-anchor-link', 'button', 'select', 'textarea', '[aria-hidden="true"]', '[hidden]'];

function isSkipped(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.name)) return true;
  const attributes = element.attribs;
  if ('hidden' in attributes || attributes['aria-hidden'] === 'true') return true;
  if ('data-pagefind-ignore' in attributes) return true;
  const classes = (attributes.class ?? '').split(/\s+/);
  return SKIPPED_CLASSES.some((name) => classes.includes(name));
}

export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u200b]+/gu, ' ').trim();
}

/** Visible text of a subtree (skipped elements left out). */
export function visibleText(nodes: readonly ChildNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (isText(node)) text += node.data;
    else if (isTag(node) && node.name === 'br') text += ' ';
    else if (isTag(node) && !isSkipped(node)) {
      const inner = visibleText(node.children);
      text += BLOCK_TAGS.has(node.name) ? ` ${inner} ` : inner;
    }
  }
  return text;
}

function findFirst(nodes: readonly ChildNode[], test: (element: Element) => boolean): Element | undefined {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (test(node)) return node;
    const found = findFirst(node.children, test);
    if (found) return found;
  }
  return undefined;
}

function findAllElements(nodes: readonly ChildNode[], test: (element: Element) => boolean, into: Element[] = []): Element[] {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (test(node)) into.push(node);
    findAllElements(node.children, test, into);
  }
  return into;
}

/** `dist/plans/x/index.html` relative path → `plans/x/`. */
export function urlForFile(relativePath: string): string {
  const posix = relativePath.split('\\').join('/');
  if (posix === 'index.html') return '';
  if (posix.endsWith('/index.html')) return posix.slice(0, -'index.html'.length);
  return posix;
}

function readFilters(document: readonly ChildNode[]): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const element of findAllElements(document, (el) => 'data-pagefind-filter' in el.attribs)) {
    const declaration = element.attribs['data-pagefind-filter'] ?? '';
    const colon = declaration.indexOf(':');
    const key = (colon >= 0 ? declaration.slice(0, colon) : declaration).trim();
    const value = collapseWhitespace(colon >= 0 ? declaration.slice(colon + 1) : visibleTextIgnoringHidden(element));
    if (!key || !value) continue;
    const values = (filters[key] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  return filters;
}

/** Filter elements are usually `hidden`: their own text counts, whatever hides them. */
function visibleTextIgnoringHidden(element: Element): string {
  let text = '';
  for (const node of element.children) {
    if (isText(node)) text += node.data;
    else if (isTag(node)) text += visibleTextIgnoringHidden(node);
  }
  return text;
}

/**
 * Extracts the searchable content of one built page, or `null` when the page has no
 * data-pagefind-body (navigation pages, 404).
 */
export function extractPage(html: string, relativePath: string): ExtractedPage | null {
  const bodyStart = findBodyStart(html);
  if (bodyStart < 0) return null;
  return extractFromBody(html.slice(bodyStart), relativePath, () => titleElementText(html))?.page ?? null;
}

/**
 * Offset of the `<` that opens the data-pagefind-body element, or -1. The body element is at the
 * first mention of the marker or later, and the page chrome before it (head, header, sidebar)
 * need not be parsed at all.
 */
export function findBodyStart(html: string): number {
  const marker = html.indexOf('data-pagefind-body');
  return marker < 0 ? -1 : html.lastIndexOf('<', marker);
}

/** Text of a page's `<title>` element (the title of pages without a title meta). */
export function titleElementText(html: string): string {
  return collapseWhitespace(visibleText(parseDocument(/<title[^>]*>[\s\S]*?<\/title>/i.exec(html)?.[0] ?? '').children));
}

export interface ExtractedBody {
  page: ExtractedPage;
  /** Where the body element's markup (opening to closing tag) lies in the input: [start, end). */
  bodyRange: [number, number];
}

/**
 * Extracts a page from its markup from the opening tag of a data-pagefind-body element to the
 * end of the file (what follows the body is read for filters and the title too). Also reports
 * where the body element lies, so the caller can hand Pagefind the body alone.
 * `fallbackTitle` is called only when no element carries data-pagefind-meta="title".
 */
export function extractFromBody(fromBody: string, relativePath: string, fallbackTitle: () => string): ExtractedBody | null {
  const document = parseDocument(fromBody, { withStartIndices: true, withEndIndices: true });
  const body = findFirst(document.children, (el) => 'data-pagefind-body' in el.attribs);
  if (!body) return null;

  const titleElement = findFirst(document.children, (el) =>
    (el.attribs['data-pagefind-meta'] ?? '').split(',').some((meta) => meta.trim() === 'title'),
  );
  const title = titleElement ? collapseWhitespace(visibleText(titleElement.children)) : fallbackTitle();

  const anchors: [string, string][] = [];
  const anchorIndexById = new Map<string, number>();
  const addAnchor = (id: string, label: string): number => {
    const known = anchorIndexById.get(id);
    if (known !== undefined) return known;
    anchors.push([id, label]);
    anchorIndexById.set(id, anchors.length - 1);
    return anchors.length - 1;
  };

  const blocks: ExtractedBlock[] = [];
  let buffer = '';
  let sectionAnchor = -1;
  let sectionLabel = '';
  const containerStack: number[] = [];
  let bufferAnchor = -1;
  const currentAnchor = (): number => containerStack[containerStack.length - 1] ?? sectionAnchor;
  const flush = (): void => {
    const text = collapseWhitespace(buffer);
    if (text) blocks.push({ text, anchorIndex: bufferAnchor });
    buffer = '';
    bufferAnchor = currentAnchor();
  };

  const walk = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (isText(node)) {
        if (!buffer.trim()) bufferAnchor = currentAnchor();
        buffer += node.data;
        continue;
      }
      if (!isTag(node) || isSkipped(node)) continue;
      if (node.name === 'br') {
        buffer += ' '; // a line break inside a block: a pasted clause may run across it
        continue;
      }
      const isBlock = BLOCK_TAGS.has(node.name);
      if (isBlock) flush();
      const id = node.attribs.id;
      let pushedContainer = false;
      if (id && !IGNORED_IDS.has(id)) {
        if (HEADING.test(node.name)) {
          const label = collapseWhitespace(visibleText(node.children));
          if (containerStack.length === 0) {
            sectionAnchor = addAnchor(id, label);
            sectionLabel = label;
          } else {
            addAnchor(id, label);
          }
        } else {
          const heading = findFirst(node.children, (el) => HEADING.test(el.name) && !isSkipped(el));
          const label = heading ? collapseWhitespace(visibleText(heading.children)) : sectionLabel;
          containerStack.push(addAnchor(id, label));
          pushedContainer = true;
        }
        bufferAnchor = currentAnchor();
      }
      // A task <article> or a <section> scopes the anchor of the heading inside it: text after
      // it belongs to the enclosing section again.
      const scopesHeading = node.name === 'article' || node.name === 'section';
      const savedSection: [number, string] = [sectionAnchor, sectionLabel];
      walk(node.children);
      if (isBlock) flush();
      if (scopesHeading) {
        [sectionAnchor, sectionLabel] = savedSection;
        bufferAnchor = currentAnchor();
      }
      if (pushedContainer) {
        flush();
        containerStack.pop();
        bufferAnchor = currentAnchor();
      }
    }
  };
  walk(body.children);
  flush();

  const page = { url: urlForFile(relativePath), title, filters: readFilters(document.children), anchors, blocks };
  // An unclosed body element ends with the input.
  return { page, bodyRange: [body.startIndex ?? 0, (body.endIndex ?? fromBody.length - 1) + 1] };
}
