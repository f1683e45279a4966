/**
 * On a page opened from a search result (`?highlight=…`, repeated per term), marks every
 * occurrence of the searched text inside the page body, with the same normalisation as the
 * search (full/half width, spaces, line breaks), and brings the first one at the target anchor
 * into view. Text is wrapped in <mark> by splitting text nodes: no markup is ever parsed.
 */
import { highlightRanges } from './excerpt.ts';
import { normalizeForSearch } from './normalize.ts';

const BLOCK_SELECTOR =
  'address,article,aside,blockquote,caption,dd,details,div,dl,dt,fieldset,figcaption,figure,footer,form,h1,h2,h3,h4,h5,h6,header,li,main,nav,ol,p,pre,section,summary,table,tbody,td,tfoot,th,thead,tr,ul';
const SKIPPED_SELECTOR = 'script,style,template,noscript,svg,button,select,textarea,[hidden],[aria-hidden="true"],[data-pagefind-ignore],.sl-anchor-link';

interface TextGroup {
  nodes: Text[];
}

/** Text nodes of the body grouped by the block they belong to, as the search index reads them. */
function textGroups(body: Element): TextGroup[] {
  const groups: TextGroup[] = [];
  let current: { block: Element | null; group: TextGroup } | undefined;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIPPED_SELECTOR) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const block = text.parentElement?.closest(BLOCK_SELECTOR) ?? null;
    // A new group starts at each block, and again when a nested block interrupted this one.
    const previous = current?.group.nodes[current.group.nodes.length - 1];
    const interrupted = previous !== undefined && previous.parentElement?.closest(BLOCK_SELECTOR) !== block;
    if (!current || current.block !== block || interrupted) {
      current = { block, group: { nodes: [] } };
      groups.push(current.group);
    }
    current.group.nodes.push(text);
  }
  return groups;
}

function markGroup(group: TextGroup, needles: string[]): HTMLElement[] {
  const full = group.nodes.map((node) => node.data).join('');
  const ranges = highlightRanges(full, needles);
  if (ranges.length === 0) return [];
  const marks: HTMLElement[] = [];
  // Node start offsets within `full`.
  const starts: number[] = [];
  let offset = 0;
  for (const node of group.nodes) {
    starts.push(offset);
    offset += node.data.length;
  }
  // Wrap from the last range backwards so earlier offsets stay valid.
  for (let r = ranges.length - 1; r >= 0; r -= 1) {
    const [start, end] = ranges[r] as [number, number];
    for (let n = group.nodes.length - 1; n >= 0; n -= 1) {
      const node = group.nodes[n] as Text;
      const nodeStart = starts[n] ?? 0;
      const nodeEnd = nodeStart + node.data.length;
      if (nodeEnd <= start || nodeStart >= end) continue;
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeEnd) - nodeStart;
      const middle = node.splitText(from);
      middle.splitText(to - from);
      const mark = document.createElement('mark');
      mark.className = 'kb-highlight';
      middle.replaceWith(mark);
      mark.append(middle);
      marks.unshift(mark);
    }
  }
  return marks;
}

export function highlightPage(needles: readonly string[]): HTMLElement[] {
  const normalized = [...new Set(needles.map((needle) => normalizeForSearch(needle)).filter(Boolean))];
  const body = document.querySelector('[data-pagefind-body]');
  if (!body || normalized.length === 0) return [];
  const marks = textGroups(body).flatMap((group) => markGroup(group, normalized));
  return marks.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function run(): void {
  const needles = new URLSearchParams(location.search).getAll('highlight');
  const marks = highlightPage(needles);
  document.documentElement.dataset.kbHighlights = String(marks.length);
  if (marks.length === 0) return;
  const targetId = decodeURIComponent(location.hash.slice(1));
  const target = targetId ? document.getElementById(targetId) : null;
  // The first mark at or after the anchor the result pointed to.
  const first =
    (target && marks.find((mark) => target.contains(mark) || !!(target.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING))) ??
    marks[0];
  first?.scrollIntoView({ block: 'center' });
}

run();
