/**
 * Any text a source can hold stays text in the generated MDX (fast-check): a paragraph, a heading
 * title or a run-in text made of arbitrary characters — weighted toward the characters MDX, Markdown
 * and HTML give meaning to — is serialised by the page generator and parsed back with remark-mdx
 * into nothing but the fixed components and text nodes, and those text nodes hold every
 * non-whitespace character of the input, in order.
 *
 * Seed fixed (KB_PROPERTY_SEED overrides it); fast-check prints seed and counterexample on failure.
 */
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../src/schemas/index.ts';
import { documentMdx, PAGE_COMPONENTS } from '../../scripts/generate/mdx.ts';
import { inkOf } from '../../scripts/ingest/core/text.ts';
import { HOSTILE_PLAN_FRAGMENTS, HOSTILE_REPORT_FRAGMENTS } from '../hostile/hostile-strings.ts';

const SEED = Number(process.env.KB_PROPERTY_SEED ?? 20221102);
const RUNS = Math.max(1, Math.floor(Number(process.env.KB_PROPERTY_RUNS ?? 40))) * 5;

/** Characters with a meaning in MDX, Markdown, HTML or YAML, and Unicode that editors hide. */
const SPECIAL = [...'{}<>/\\`$*_~#|[]()!>-+=:;&"\'.%^@'].concat(['\u2028', '\u2029', '\u200b', '\u200f', '\u202e', '\ufeff', '\u00a0', '\u3000', '\t', '\n', ' ', '一', '。', '：', '、', '（', '）', '&amp;', '&lt;', '&#60;', '<!--', '-->', '---', '```', 'import ', 'export ', '<script>', '</p>', 'http://x.y/']);

const sourceText = fc.oneof(
  fc.array(fc.constantFrom(...SPECIAL), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.constantFrom(...HOSTILE_REPORT_FRAGMENTS, ...Object.values(HOSTILE_PLAN_FRAGMENTS).flat()),
);

/** Heading titles are single source lines (a page break joins them without a line end). */
const headingTitle = sourceText.filter((t) => inkOf(t).length > 0 && !/[\n\r]/.test(t));

const span = (line: number) => ({ file: 'x.txt', line, endLine: line });

/** A report page with the text as a heading title, a run-in text and a paragraph. */
function documentWith(title: string, runIn: string, paragraph: string): PolicyDocument {
  return {
    id: 'fx-report',
    sourceId: 'fx-report',
    kind: 'report',
    title: '测试汇报',
    attachment: null,
    issuer: '测试市人民政府',
    issuerDepartmentId: null,
    jurisdiction: '测试市',
    date: '2022-11-02',
    parentId: null,
    departmentId: null,
    indicatorIds: [],
    meta: [],
    markup: [],
    blocks: [
      { id: 'fx-report-s1', source: span(1), type: 'heading', level: 1, number: '一、', title, runIn },
      { id: 'fx-report-b2', source: span(2), type: 'paragraph', text: paragraph, role: 'body' },
    ],
    source: span(1),
  } as PolicyDocument;
}

const parser = unified().use(remarkParse).use(remarkMdx);

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/** Parses the page body back: what is not a fixed component, a paragraph or text, and the texts by block id. */
function readBack(mdx: string): { foreign: string[]; texts: Map<string, string>; attributes: Map<string, Record<string, string>> } {
  const body = mdx.slice(mdx.indexOf('\n---\n') + 5);
  const tree = parser.parse(body) as Root;
  const foreign: string[] = [];
  const texts = new Map<string, string>();
  const attributes = new Map<string, Record<string, string>>();
  for (const node of tree.children) {
    if (node.type === 'mdxjsEsm') continue;
    if (node.type !== 'mdxJsxFlowElement' || !(node.name! in PAGE_COMPONENTS)) {
      foreign.push(node.type);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') attrs[attribute.name] = attribute.value;
      else foreign.push(`attribute expression on ${node.name}`);
    }
    let text = '';
    for (const child of node.children) {
      walk(child, (inner) => {
        if (inner.type === 'text') text += inner.value;
        else if (inner.type !== 'paragraph') foreign.push(`${inner.type} in ${node.name}`);
      });
    }
    if (attrs['id']) {
      texts.set(attrs['id'], text);
      attributes.set(attrs['id'], attrs);
    }
  }
  return { foreign, texts, attributes };
}

describe('arbitrary source text through the MDX page generator', () => {
  it(`stays text, every visible character in order (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(headingTitle, sourceText, sourceText, (title, runIn, paragraph) => {
        const doc = documentWith(title, runIn, paragraph);
        const mdx = documentMdx(doc, { documents: [doc], sources: [], tables: [], summaryRows: [] });
        const { foreign, texts, attributes } = readBack(mdx);
        expect(foreign).toEqual([]);
        expect(attributes.get('fx-report-s1')?.['title']).toBe(title);
        expect(inkOf(texts.get('fx-report-s1') ?? '')).toBe(inkOf(runIn));
        expect(inkOf(texts.get('fx-report-b2') ?? '')).toBe(inkOf(paragraph));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });

  // Entities in attribute values: MDX decodes character references there, so the generator writes
  // `&` as `&amp;` (a gap this test found, fixed in scripts/generate/mdx.ts).
  it('keeps entity text in a heading title literal (&amp;, &lt;script&gt;)', () => {
    for (const title of ['实体&amp;与&lt;特殊&gt;字符', '&lt;script&gt;alert(1)&lt;/script&gt;', '&#60;b&#62;']) {
      const doc = documentWith(title, '', '正文。');
      const { attributes } = readBack(documentMdx(doc, { documents: [doc], sources: [], tables: [], summaryRows: [] }));
      expect(attributes.get('fx-report-s1')?.['title']).toBe(title);
    }
  });
});
