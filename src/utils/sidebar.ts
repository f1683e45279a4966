/**
 * Keeps the sidebar linear in the size of the corpus. With one plan package (today) every plan
 * and report is listed on every page; once documents from several sources would put more than
 * `limit` document links on every page (hundreds of pages × hundreds of links), each page lists
 * only the documents of its own source, followed by a link to the full index.
 */
export interface LinkEntry {
  type: 'link';
  label: string;
  href: string;
  isCurrent: boolean;
  badge: undefined | unknown;
  attrs: Record<string, unknown>;
}
export interface GroupEntry<L extends LinkEntry = LinkEntry> {
  type: 'group';
  label: string;
  entries: Entry<L>[];
  collapsed: boolean;
  badge: undefined | unknown;
}
export type Entry<L extends LinkEntry = LinkEntry> = L | GroupEntry<L>;

export interface PruneOptions {
  /** Source (manifest id) of a document link, or undefined when the link is not a document. */
  sourceOf(href: string): string | undefined;
  /** Source of the current page's document, if it is one. */
  currentSource: string | undefined;
  /** Most document links a page may list before pruning starts. */
  limit: number;
  /** Link that replaces the pruned documents of a group (the group's full index). */
  indexLinkFor(groupLabel: string): { label: string; href: string } | undefined;
}

function countDocumentLinks(entries: readonly Entry[], sourceOf: PruneOptions['sourceOf']): number {
  let count = 0;
  for (const entry of entries) {
    if (entry.type === 'group') count += countDocumentLinks(entry.entries, sourceOf);
    else if (sourceOf(entry.href) !== undefined) count += 1;
  }
  return count;
}

function pruneGroup<L extends LinkEntry>(group: GroupEntry<L>, options: PruneOptions): GroupEntry<L> {
  let pruned = false;
  const entries: Entry<L>[] = [];
  for (const entry of group.entries) {
    if (entry.type === 'group') {
      entries.push(pruneGroup(entry, options));
      continue;
    }
    const source = options.sourceOf(entry.href);
    if (source === undefined || source === options.currentSource) entries.push(entry);
    else pruned = true;
  }
  const index = pruned ? options.indexLinkFor(group.label) : undefined;
  if (index) entries.push({ type: 'link', label: index.label, href: index.href, isCurrent: false, badge: undefined, attrs: {} } as L);
  return { ...group, entries };
}

export function pruneSidebar<L extends LinkEntry>(entries: Entry<L>[], options: PruneOptions): Entry<L>[] {
  if (countDocumentLinks(entries, options.sourceOf) <= options.limit) return entries;
  return entries.map((entry) => (entry.type === 'group' ? pruneGroup(entry, options) : entry));
}
