/**
 * The document part of the sidebar, built per page from the model rather than by Starlight's
 * autogenerate (which walks every document for every page: quadratic in the corpus). With one
 * plan package (today) every plan and report is listed; once more than `limit` documents would
 * be listed on every page, a page lists only the documents of its own source, followed by a link
 * to the full index.
 */

/** Labels of the sidebar groups that hold documents (astro.config.mjs declares the groups). */
export const SIDEBAR_PLANS_LABEL = '行动方案';
export const SIDEBAR_REPORTS_LABEL = '通报与报告';

/** A sidebar link, in the shape of Starlight's route data. */
export interface SidebarLinkEntry {
  type: 'link';
  label: string;
  href: string;
  isCurrent: boolean;
  badge: undefined;
  attrs: Record<string, never>;
}

export interface SidebarDocument {
  /** Manifest source the document comes from. */
  sourceId: string;
  label: string;
  /** Sort key (the generator's sidebar order). */
  order: number;
  href: string;
}

export interface DocumentLinkOptions {
  /** Path of the page being rendered (with the base), to mark the current link. */
  currentPath: string;
  /** Source of the page's own document, if it is one. */
  currentSource: string | undefined;
  /** Most document links a page may list before it lists only its own source's. */
  limit: number;
  /** Link to the full index, added when documents were left out. */
  index: { label: string; href: string };
}

function link(label: string, href: string, currentPath: string): SidebarLinkEntry {
  return { type: 'link', label, href, isCurrent: href === currentPath, badge: undefined, attrs: {} };
}

export function documentLinks(documents: readonly SidebarDocument[], options: DocumentLinkOptions): SidebarLinkEntry[] {
  const sorted = [...documents].sort((a, b) => a.order - b.order || a.href.localeCompare(b.href));
  if (sorted.length <= options.limit) return sorted.map((doc) => link(doc.label, doc.href, options.currentPath));
  const own = sorted.filter((doc) => doc.sourceId === options.currentSource);
  return [...own.map((doc) => link(doc.label, doc.href, options.currentPath)), link(options.index.label, options.index.href, options.currentPath)];
}
