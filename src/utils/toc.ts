import type { Block } from '../schemas/index.ts';

/** A table-of-contents entry, the shape Starlight's route data uses. */
export interface TocEntry {
  depth: number;
  slug: string;
  text: string;
  children: TocEntry[];
}

/**
 * The HTML heading depth (h2…h6) of every section heading of a document. Depth follows the
 * actual nesting, not the numbering style: a `1.` heading directly under `二、` is its child (h3),
 * as `（一）` would be, so heading levels never skip one (WCAG heading order).
 */
export function headingDepths(blocks: readonly Block[]): Map<string, number> {
  const depths = new Map<string, number>();
  const stack: { level: number; depth: number }[] = [];
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    while (stack.length > 0 && (stack.at(-1) as { level: number }).level >= block.level) stack.pop();
    const depth = Math.min(6, (stack.at(-1)?.depth ?? 1) + 1);
    depths.set(block.id, depth);
    stack.push({ level: block.level, depth });
  }
  return depths;
}

/** Flat headings (depth, slug, text) of a document's section headings, depth 2 for the outermost. */
export function documentHeadings(blocks: readonly Block[]): { depth: number; slug: string; text: string }[] {
  const depths = headingDepths(blocks);
  const headings = [];
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    const number = block.number ?? block.impliedNumber ?? '';
    headings.push({ depth: depths.get(block.id) ?? 2, slug: block.id, text: `${number}${block.title}` });
  }
  return headings;
}

/**
 * Nests flat headings into a tree, keeping only depths in [min, max]. A heading deeper than its
 * predecessor becomes its child; the first item is the page top (`_top`).
 */
export function nestHeadings(
  headings: readonly { depth: number; slug: string; text: string }[],
  options: { min: number; max: number; topLabel: string },
): TocEntry[] {
  const root: TocEntry = { depth: options.min - 1, slug: '', text: '', children: [] };
  const top: TocEntry = { depth: options.min, slug: '_top', text: options.topLabel, children: [] };
  root.children.push(top);
  const stack: TocEntry[] = [root];
  for (const heading of headings) {
    if (heading.depth < options.min || heading.depth > options.max) continue;
    const entry: TocEntry = { ...heading, children: [] };
    while (stack.length > 1 && (stack.at(-1) as TocEntry).depth >= entry.depth) stack.pop();
    (stack.at(-1) as TocEntry).children.push(entry);
    stack.push(entry);
  }
  return root.children;
}
