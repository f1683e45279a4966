import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { escapeHtml } from './html.ts';
import { documentLinks, SIDEBAR_PLANS_LABEL, SIDEBAR_REPORTS_LABEL } from './sidebar.ts';
import { siteData } from './site-data.ts';
import { documentHeadings, nestHeadings } from './toc.ts';

/** Documents every page may list in a sidebar group before it lists only its own source's. */
const SIDEBAR_DOCUMENT_LIMIT = 80;

/**
 * Per page: escape the <title>, keep the sidebar linear in the corpus, and build the table of
 * contents of generated document pages from the model (their section headings are components,
 * so that each carries its block id, and Starlight's heading collection does not see them).
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  // Starlight renders head entries' content with set:html; titles come from source documents,
  // so the <title> text is escaped here (a title like `</title><script>` must stay text).
  route.head = route.head.map((entry) => (entry.tag === 'title' && entry.content ? { ...entry, content: escapeHtml(entry.content) } : entry));
  const data = await siteData();
  const documentId = (route.entry.data as { documentId?: string }).documentId;
  const doc = documentId === undefined ? undefined : data.documentById.get(documentId);
  if (documentId !== undefined && !doc) throw new Error(`page ${route.entry.id} names an unknown document: ${documentId}`);
  const linkOptions = { currentPath: context.url.pathname, currentSource: doc?.sourceId, limit: SIDEBAR_DOCUMENT_LIMIT };
  route.sidebar = route.sidebar.map((entry) => {
    if (entry.type !== 'group') return entry;
    if (entry.label === SIDEBAR_PLANS_LABEL) {
      return { ...entry, entries: documentLinks(data.sidebarPlans, { ...linkOptions, index: { label: '全部行动方案', href: data.links.plans } }) };
    }
    if (entry.label === SIDEBAR_REPORTS_LABEL) {
      return { ...entry, entries: documentLinks(data.sidebarReports, { ...linkOptions, index: { label: '全部通报与报告', href: data.links.reports } }) };
    }
    return entry;
  });
  if (!doc) return;
  const headings = documentHeadings(doc.blocks);
  if (data.repairsByDocument.has(doc.id)) headings.push({ depth: 2, slug: `${doc.id}-repairs`, text: '校注' });
  if (headings.length === 0) {
    route.toc = undefined;
    return;
  }
  route.toc = { minHeadingLevel: 2, maxHeadingLevel: 3, items: nestHeadings(headings, { min: 2, max: 3, topLabel: '概述' }) };
});
