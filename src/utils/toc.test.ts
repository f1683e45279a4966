import { describe, expect, it } from 'vitest';
import type { Block } from '../schemas/index.ts';
import { documentHeadings, headingDepths, nestHeadings } from './toc.ts';

const heading = (id: string, level: number, number: string | null, title: string, impliedNumber?: string): Block => ({
  id,
  type: 'heading',
  level,
  number,
  title,
  source: { file: 'f', line: 1, endLine: 1 },
  ...(impliedNumber ? { impliedNumber } : {}),
});

describe('table of contents of a document', () => {
  const blocks: Block[] = [
    heading('d-s1', 1, '一、', '总体要求'),
    { id: 'd-b3', type: 'paragraph', role: 'body', text: '正文', source: { file: 'f', line: 3, endLine: 3 } },
    heading('d-s2', 1, null, '主要任务', '二、'),
    heading('d-s2-1', 2, '（一）', '提升效能'),
    heading('d-s2-1-1', 3, '1.', '太深的标题'),
    heading('d-s3', 1, '三、', '保障措施'),
  ];

  it('takes the section headings with their block ids as slugs, number first', () => {
    expect(documentHeadings(blocks).map((h) => [h.depth, h.slug, h.text])).toEqual([
      [2, 'd-s1', '一、总体要求'],
      [2, 'd-s2', '二、主要任务'],
      [3, 'd-s2-1', '（一）提升效能'],
      [4, 'd-s2-1-1', '1.太深的标题'],
      [2, 'd-s3', '三、保障措施'],
    ]);
  });

  it('nests them under their parents, keeps depths 2–3 and starts with the page top', () => {
    const toc = nestHeadings(documentHeadings(blocks), { min: 2, max: 3, topLabel: '概述' });
    expect(toc.map((entry) => [entry.slug, entry.children.map((child) => child.slug)])).toEqual([
      ['_top', []],
      ['d-s1', []],
      ['d-s2', ['d-s2-1']],
      ['d-s3', []],
    ]);
    expect(toc[2]?.children[0]?.children).toEqual([]);
  });
});

describe('heading depths', () => {
  it('nest by position, so a 1. heading right under 二、 is one level down, never two', () => {
    const blocks: Block[] = [
      heading('d-s1', 1, '一、', '总体'),
      heading('d-s1-1', 3, '1.', '直接在一、之下'),
      heading('d-s2', 1, '二、', '主要措施'),
      heading('d-s2-1', 2, '（一）', '分项'),
      heading('d-s2-1-1', 3, '1.', '细项'),
      heading('d-s2-2', 2, '（二）', '分项二'),
    ];
    expect([...headingDepths(blocks)]).toEqual([
      ['d-s1', 2],
      ['d-s1-1', 3],
      ['d-s2', 2],
      ['d-s2-1', 3],
      ['d-s2-1-1', 4],
      ['d-s2-2', 3],
    ]);
  });
});
