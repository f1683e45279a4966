import type { Paragraph, Root, RootContent, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as stringifyYaml } from 'yaml';
import type { Block, Model, PolicyDocument } from '../../src/schemas/index.ts';
import { isPlanKind, planLabel } from '../../src/utils/labels.ts';
import { headingDepths } from '../../src/utils/toc.ts';

/**
 * Turns one model document into an MDX page, through an mdast tree serialised by remark-stringify
 * with remark-mdx and remark-gfm. Source text only ever becomes mdast `text` nodes inside
 * paragraphs (which the serialiser escapes) or JSX attribute string values (which it quotes and
 * encodes). Components, their attributes' names and the import lines are fixed here, never taken
 * from the source.
 */

/** Components a generated page may use, with the module each is imported from. */
export const PAGE_COMPONENTS = {
  DocumentHeader: 'DocumentHeader.astro',
  SectionHeading: 'SectionHeading.astro',
  SourceBlock: 'SourceBlock.astro',
  TaskCard: 'TaskCard.astro',
  PolicyTableView: 'PolicyTableView.astro',
  SummaryTable: 'SummaryTable.astro',
  RepairList: 'RepairList.astro',
} as const;
export type PageComponent = keyof typeof PAGE_COMPONENTS;

/** Import path of the page components, relative to `src/content/docs/<folder>/<id>.mdx`. */
const COMPONENT_DIR = '../../../components/doc/';

/**
 * A JSX attribute holding `value` literally. MDX decodes character references in attribute
 * strings (`&lt;` → `<`) and the serialiser escapes only the quote, so `&` is written as `&amp;`
 * here: a title printed as `实体&lt;特殊&gt;` then reads back exactly as printed.
 */
function attribute(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value: value.replaceAll('&', '&amp;') };
}

function element(name: PageComponent, attributes: Record<string, string>, children: Paragraph[] = []): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([key, value]) => attribute(key, value)),
    children,
  };
}

/** Source text as paragraphs of plain text nodes (blank lines separate paragraphs). */
export function textParagraphs(text: string): Paragraph[] {
  return text
    .split(/\n[ \t\u3000]*\n/)
    .filter((part) => part.trim().length > 0)
    .map((part): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: part } satisfies Text] }));
}

function spanAttributes(block: { source: { line: number; endLine: number } }): Record<string, string> {
  return { line: String(block.source.line), endLine: String(block.source.endLine) };
}

/** What a table block points at: a table of the tables collection or the summary rows of a document. */
export type TableTargets = Pick<Model, 'tables' | 'summaryRows'>;

function tableNode(doc: PolicyDocument, block: Extract<Block, { type: 'table' }>, targets: TableTargets): MdxJsxFlowElement {
  if (targets.tables.some((table) => table.id === block.tableId)) return element('PolicyTableView', { id: block.tableId, blockId: block.id });
  if (targets.summaryRows.some((row) => row.documentId === block.tableId)) {
    return element('SummaryTable', { documentId: block.tableId, blockId: block.id });
  }
  throw new Error(
    `${block.source.file}:${block.source.line}: table block ${block.id} of ${doc.id} points at ${block.tableId}, which is neither a table nor a summary table`,
  );
}

function blockNode(doc: PolicyDocument, block: Block, headingLevelAbove: number, targets: TableTargets, depths: Map<string, number>): MdxJsxFlowElement {
  switch (block.type) {
    case 'heading': {
      const attrs: Record<string, string> = {
        id: block.id,
        documentId: doc.id,
        depth: String(depths.get(block.id) ?? 2),
        title: block.title,
        ...spanAttributes(block),
      };
      if (block.number !== null) attrs['number'] = block.number;
      if (block.impliedNumber !== undefined) attrs['impliedNumber'] = block.impliedNumber;
      return element('SectionHeading', attrs, block.runIn === undefined ? [] : textParagraphs(block.runIn));
    }
    case 'paragraph':
      return element('SourceBlock', { id: block.id, documentId: doc.id, role: block.role, ...spanAttributes(block) }, textParagraphs(block.text));
    case 'footnote': {
      const attrs: Record<string, string> = { id: block.id, documentId: doc.id, role: 'footnote', ...spanAttributes(block) };
      if (block.term !== undefined) attrs['term'] = block.term;
      return element('SourceBlock', attrs, textParagraphs(block.text));
    }
    case 'task':
      return element('TaskCard', { id: block.taskId, blockId: block.id, depth: String(Math.min(6, headingLevelAbove + 1)) });
    case 'table':
      return tableNode(doc, block, targets);
  }
}

/** Frontmatter of a generated page (validated by the docs collection schema). */
/** The parts of the model a page needs; `sources` (manifest entries) only refine sidebar labels. */
export type PageModel = Pick<Model, 'documents' | 'tables' | 'summaryRows'> & { sources?: Model['sources'] };

export function pageFrontmatter(doc: PolicyDocument, model: Pick<PageModel, 'documents' | 'sources'>): Record<string, unknown> {
  const order = sidebarOrder(doc, model.documents);
  const label = isPlanKind(doc.kind) ? planLabel(doc) : reportLabel(doc, model);
  return {
    title: doc.title,
    description: `${doc.issuer}${isPlanKind(doc.kind) ? '' : ' · ' + doc.date}：${doc.title}`,
    documentId: doc.id,
    kind: doc.kind,
    sidebar: { label, order },
  };
}

/**
 * Sidebar label of a report-like document: the manifest's short title when it gives one, a
 * bulletin by its series and issue number, a report by its issuer and title, an attachment by
 * its number and, for department reports, the reporting unit.
 */
export function reportLabel(doc: PolicyDocument, model: Pick<PageModel, 'documents' | 'sources'>): string {
  if (doc.kind === 'summary-table') return `附件${doc.attachment ?? 1} 问题整改汇总表`;
  if (doc.kind === 'department-report') {
    const name = doc.issuer.length > 0 ? doc.issuer : doc.title;
    return doc.attachment === null ? name : `附件${doc.attachment} ${name}`;
  }
  const source = model.sources?.find((entry) => entry.id === doc.sourceId);
  if (doc.parentId === null && source?.shortTitle) return source.shortTitle;
  if (doc.kind === 'bulletin' && source?.issue !== undefined) return `${source.series ?? '工作通报'} 第${source.issue}期`;
  return doc.parentId === null ? `${doc.issuer}：${doc.title}` : doc.title;
}

/**
 * Sidebar position: plans by attachment number; reports newest first, each followed by its
 * attachments. Computed from the model only, so output is deterministic.
 */
export function sidebarOrder(doc: PolicyDocument, documents: readonly PolicyDocument[]): number {
  if (isPlanKind(doc.kind)) return doc.attachment ?? 0;
  const roots = documents
    .filter((d) => !isPlanKind(d.kind) && d.parentId === null)
    .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : b.date.localeCompare(a.date)));
  const root = doc.parentId === null ? doc : documents.find((d) => d.id === doc.parentId) ?? doc;
  const rootIndex = Math.max(0, roots.findIndex((d) => d.id === root.id));
  const within = doc === root ? 0 : (doc.attachment ?? 99) + 1;
  return rootIndex * 1000 + within;
}

/** The mdast tree of a document page body. */
export function documentTree(doc: PolicyDocument, targets: TableTargets): Root {
  const body: MdxJsxFlowElement[] = [element('DocumentHeader', { documentId: doc.id })];
  const depths = headingDepths(doc.blocks);
  let headingLevelAbove = 1;
  for (const block of doc.blocks) {
    body.push(blockNode(doc, block, headingLevelAbove, targets, depths));
    if (block.type === 'heading') headingLevelAbove = depths.get(block.id) ?? 2;
  }
  body.push(element('RepairList', { documentId: doc.id }));

  const used = new Set(body.map((node) => node.name as PageComponent));
  const imports = (Object.keys(PAGE_COMPONENTS) as PageComponent[])
    .filter((name) => used.has(name))
    .map(
      (name): MdxjsEsm => ({ type: 'mdxjsEsm', value: `import ${name} from '${COMPONENT_DIR}${PAGE_COMPONENTS[name]}';` }),
    );
  const children: RootContent[] = [...imports, ...body];
  return { type: 'root', children };
}

const processor = unified().use(remarkStringify, { bullet: '-', emphasis: '_', fences: true }).use(remarkGfm).use(remarkMdx);

/** Serialises an mdast tree to MDX text. */
export function serialiseMdx(tree: Root): string {
  return processor.stringify(tree);
}

/** The complete MDX page of a document: YAML frontmatter plus the serialised body. */
export function documentMdx(doc: PolicyDocument, model: PageModel): string {
  const frontmatter = stringifyYaml(pageFrontmatter(doc, model), { lineWidth: 0 });
  return `---\n${frontmatter}---\n\n${serialiseMdx(documentTree(doc, model))}`;
}
