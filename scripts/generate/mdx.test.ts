import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ModelSchema, type Model } from '../../src/schemas/index.ts';
import { documentMdx, PAGE_COMPONENTS, reportLabel, sidebarOrder, textParagraphs } from './mdx.ts';

/**
 * Fixture folders `fixtures/<case>/{model.json, expected.mdx}`: the page of the model's first
 * document must equal expected.mdx byte for byte (UPDATE_FIXTURES=1 rewrites them after a
 * deliberate change; review the diff).
 */
const fixturesDir = join(import.meta.dirname, 'fixtures');
// dev-model is the multi-document model the site is developed against; it has no single expected page.
const cases = readdirSync(fixturesDir).filter((name) => name !== 'dev-model' && existsSync(join(fixturesDir, name, 'model.json')));

function loadModel(name: string): Model {
  return ModelSchema.parse(JSON.parse(readFileSync(join(fixturesDir, name, 'model.json'), 'utf8')));
}

function splitFrontmatter(mdx: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  if (!match) throw new Error('no frontmatter');
  return { frontmatter: parseYaml(match[1] ?? '') as Record<string, unknown>, body: mdx.slice(match[0].length) };
}

// The site renders MDX without GFM (astro.config.mjs: satteri, gfm off), so the pages are
// parsed back the same way: CommonMark + MDX.
const parser = unified().use(remarkParse).use(remarkMdx);
function parseMdx(body: string): Root {
  return parser.parse(body);
}

function walk(node: Root | RootContent, visit: (node: Root | RootContent, parent: Root | RootContent | null) => void, parent: Root | RootContent | null = null): void {
  visit(node, parent);
  if ('children' in node) for (const child of node.children as RootContent[]) walk(child, visit, node);
}

const componentNames = new Set(Object.keys(PAGE_COMPONENTS));

describe('generated MDX pages match their fixtures', () => {
  for (const name of cases) {
    it(`renders fixtures/${name} as expected.mdx`, () => {
      const model = loadModel(name);
      const doc = model.documents[0];
      if (!doc) throw new Error(`fixture ${name} has no document`);
      const actual = documentMdx(doc, model);
      const expectedPath = join(fixturesDir, name, 'expected.mdx');
      if (process.env['UPDATE_FIXTURES'] === '1') writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});

describe('source text never becomes code', () => {
  const model = loadModel('hostile-text');
  const doc = model.documents[0];
  if (!doc) throw new Error('hostile fixture has no document');
  const mdx = documentMdx(doc, model);
  const { frontmatter, body } = splitFrontmatter(mdx);
  const tree = parseMdx(body);

  it('emits only its own imports, all at the top, each naming a page component', () => {
    const imports: string[] = [];
    walk(tree, (node, parent) => {
      if (node.type === 'mdxjsEsm') {
        expect(parent?.type).toBe('root');
        imports.push(node.value);
      }
    });
    expect(imports.length).toBeGreaterThan(0);
    for (const line of imports) expect(line).toMatch(/^import (\w+) from '\.\.\/\.\.\/\.\.\/components\/doc\/\1\.astro';$/);
  });

  it('contains no JavaScript expressions anywhere, in text or attributes', () => {
    walk(tree, (node) => {
      expect(node.type).not.toBe('mdxFlowExpression');
      expect(node.type).not.toBe('mdxTextExpression');
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attribute of node.attributes) {
          expect(attribute.type).toBe('mdxJsxAttribute');
          expect(typeof attribute.value).toBe('string');
        }
      }
    });
  });

  it('contains no JSX elements but the page components, and none inside text', () => {
    walk(tree, (node, parent) => {
      if (node.type === 'mdxJsxTextElement') throw new Error(`inline JSX element <${node.name}> came from text`);
      if (node.type === 'mdxJsxFlowElement') {
        expect(componentNames.has(node.name ?? '')).toBe(true);
        expect(parent?.type).toBe('root');
      }
      expect(node.type).not.toBe('html');
    });
  });

  it('turns no text into Markdown structure (headings, lists, quotes, links, code, HTML)', () => {
    const allowed = new Set(['root', 'mdxjsEsm', 'mdxJsxFlowElement', 'paragraph', 'text']);
    walk(tree, (node) => {
      if (!allowed.has(node.type)) throw new Error(`unexpected ${node.type} node: ${JSON.stringify(toString(node)).slice(0, 80)}`);
    });
  });

  it('round-trips every paragraph and footnote text exactly', () => {
    const elements = tree.children.filter((node): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement');
    const byId = new Map(elements.map((element) => [element.attributes.find((a) => 'name' in a && a.name === 'id')?.value, element]));
    let checked = 0;
    for (const block of doc.blocks) {
      if (block.type !== 'paragraph' && block.type !== 'footnote') continue;
      const element = byId.get(block.id);
      if (!element) throw new Error(`block ${block.id} missing from the page`);
      const paragraphs = element.children.map((child) => toString(child));
      expect(paragraphs).toEqual(textParagraphs(block.text).map((p) => toString(p)));
      checked += 1;
    }
    expect(checked).toBe(doc.blocks.filter((b) => b.type === 'paragraph' || b.type === 'footnote').length);
  });

  it('keeps heading titles, numbers and terms as attribute strings that decode to the source text', () => {
    const heading = doc.blocks.find((b) => b.type === 'heading');
    if (!heading || heading.type !== 'heading') throw new Error('fixture needs a heading');
    const element = tree.children.find(
      (node): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement' && node.name === 'SectionHeading',
    );
    const attribute = (name: string) => element?.attributes.find((a) => 'name' in a && a.name === name)?.value;
    expect(attribute('title')).toBe(heading.title);
    expect(attribute('number')).toBe(heading.number);
    expect(element?.children.map((child) => toString(child))).toEqual([heading.runIn]);
    const footnote = tree.children.find(
      (node): node is MdxJsxFlowElement =>
        node.type === 'mdxJsxFlowElement' && node.attributes.some((a) => 'name' in a && a.name === 'role' && a.value === 'footnote'),
    );
    expect(footnote?.attributes.find((a) => 'name' in a && a.name === 'term')?.value).toBe('术语{x}"');
  });

  it('keeps the frontmatter a plain YAML mapping whose title is the source title', () => {
    expect(frontmatter['title']).toBe(doc.title);
    expect(frontmatter['documentId']).toBe(doc.id);
    expect(Object.keys(frontmatter).sort()).toEqual(['description', 'documentId', 'kind', 'sidebar', 'title']);
  });

  it('splits text into paragraphs only at blank lines and keeps every character', () => {
    expect(textParagraphs('甲\n\n乙').map((p) => toString(p))).toEqual(['甲', '乙']);
    expect(textParagraphs('甲\n乙').map((p) => toString(p))).toEqual(['甲\n乙']);
    expect(textParagraphs('\u2028\u200b').map((p) => toString(p))).toEqual(['\u2028\u200b']);
  });
});

describe('sidebar labels and order', () => {
  const model = loadModel('department-report');
  const find = (id: string) => {
    const doc = model.documents.find((d) => d.id === id);
    if (!doc) throw new Error(id);
    return doc;
  };

  it('labels reports by issuer and title, attachments by number and unit', () => {
    expect(reportLabel(find('sq-2022-rectification'), model)).toBe('商丘市人民政府：关于优化营商环境执法检查问题整改情况的报告');
    expect(reportLabel(find('sq-2022-rectification-d02'), model)).toBe('附件2 商丘市财政局');
    expect(reportLabel(find('sq-2022-rectification-summary'), model)).toBe('附件1 问题整改汇总表');
  });

  it('labels a bulletin by its series and issue, and prefers a manifest short title', () => {
    const bulletin = { ...find('sq-2022-rectification'), id: 'b', sourceId: 'b', kind: 'bulletin' as const };
    const sources = [...model.sources, { ...model.sources[0]!, id: 'b', kind: 'bulletin' as const, series: '优化营商环境工作通报', issue: 63 }];
    expect(reportLabel(bulletin, { documents: model.documents, sources })).toBe('优化营商环境工作通报 第63期');
    const short = sources.map((s) => (s.id === 'b' ? { ...s, shortTitle: '第63期通报' } : s));
    expect(reportLabel(bulletin, { documents: model.documents, sources: short })).toBe('第63期通报');
  });

  it('orders plans by attachment and keeps each report followed by its attachments', () => {
    expect(sidebarOrder(find('pds-2022-plans-a04'), model.documents)).toBe(4);
    const report = sidebarOrder(find('sq-2022-rectification'), model.documents);
    const summary = sidebarOrder(find('sq-2022-rectification-summary'), model.documents);
    const d02 = sidebarOrder(find('sq-2022-rectification-d02'), model.documents);
    expect(report).toBeLessThan(summary);
    expect(summary).toBeLessThan(d02);
  });
});
