import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { escapeHtml } from './html.ts';
import { siteData } from './site-data.ts';
import { documentHeadings, nestHeadings } from './toc.ts';

/**
 * Generated document pages render their section headings as components (so each carries its
 * block id), which Starlight's heading collection does not see: build their table of contents
 * from the model instead.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  // Starlight renders head entries' content with set:html; titles come from source documents,
  // so the <title> text is escaped here (a title like `</title><script>` must stay text).
  route.head = route.head.map((entry) => (entry.tag === 'title' && entry.content ? { ...entry, content: escapeHtml(entry.content) } : entry));
  const documentId = (route.entry.data as { documentId?: string }).documentId;
  if (documentId === undefined) return;
  const data = await siteData();
  const doc = data.documentById.get(documentId);
  if (!doc) throw new Error(`page ${route.entry.id} names an unknown document: ${documentId}`);
  const headings = documentHeadings(doc.blocks);
  if (data.repairs.some((repair) => repair.documentId === doc.id)) headings.push({ depth: 2, slug: `${doc.id}-repairs`, text: '校注' });
  if (headings.length === 0) {
    route.toc = undefined;
    return;
  }
  route.toc = { minHeadingLevel: 2, maxHeadingLevel: 3, items: nestHeadings(headings, { min: 2, max: 3, topLabel: '概述' }) };
});
