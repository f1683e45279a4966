import type { Block } from '../schemas/index.ts';

/** A table-of-contents entry, the shape Starlight's route data uses. */
export interface TocEntry {
  depth: number;
  slug: string;
  text: string;
  children: TocEntry[];
}

/** Flat headings (depth, slug, text) of a document's section headings, depth 2 for 一、. */
export function documentHeadings(blocks: readonly Block[]): { depth: number; slug: string; text: string }[] {
  const headings = [];
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    const number = block.number ?? block.impliedNumber ?? '';
    headings.push({ depth: Math.min(6, block.level + 1), slug: block.id, text: `${number}${block.title}` });
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
