import { describe, expect, it } from 'vitest';
import { checkLossless, describeUnaccounted, modelTexts } from '../../scripts/ingest/lossless.ts';
import { document, heading, model, paragraph, repair, source, span, task } from './support/model-builder.ts';

const lines = [
  '商丘市人民政府', // 1
  '', // 2
  '一、总体推进情况', // 3
  '市政府高度重视，召开专题会议', // 4  (a paragraph cut by a page break …)
  '研究部署整改工作。', // 5  (… continues here)
  '市政府高度重视，召开专题会议研究部署整改工作。', // 6  (a duplicate, shown once)
  '时间节点：2022年6月', // 7
  '责任单位：市财政局', // 8
];

function complete() {
  return model({
    documents: [
      document({
        id: 'sample',
        title: '商丘市人民政府',
        source: span(1, 8),
        blocks: [
          heading('sample-s1', '一、', '总体推进情况', 3),
          paragraph('sample-b4', '市政府高度重视，召开专题会议研究部署整改工作。', 4, 5),
        ],
        markup: [
          { text: '时间节点：', source: span(7) },
          { text: '责任单位：', source: span(8) },
        ],
      }),
    ],
    tasks: [
      task({ id: 'sample-t1', documentId: 'sample', number: '', text: '', title: null, source: span(7, 8), fieldSource: span(7, 8), unitsRaw: '市财政局', deadline: { raw: '2022年6月', kind: 'date', months: ['2022-06'], continuing: false, label: '2022年6月' } }),
    ],
    repairs: [repair({ id: 'sample-r1', documentId: 'sample', before: '市政府高度重视，召开专题会议研究部署整改工作。', source: span(6) })],
  });
}

describe('the lossless check', () => {
  it('accounts for every character when the model keeps all text, including a duplicate kept in its repair', () => {
    const report = checkLossless([source(lines)], modelTexts(complete()));
    expect(report.unaccounted).toEqual([]);
    expect(report.coverage).toBe(100);
    expect(report.accountedChars).toBe(report.totalChars);
  });

  it('names the line and the characters a parser dropped from the middle of a paragraph', () => {
    const m = complete();
    const block = m.documents[0]!.blocks[1]!;
    if (block.type === 'paragraph') block.text = '市政府高度重视，召开专题会议研究整改工作。';
    const report = checkLossless([source(lines)], modelTexts(m));
    expect(report.unaccounted).toEqual([{ file: 'sample.txt', line: 5, missing: '部署' }]);
    expect(report.coverage).toBeLessThan(100);
    expect(describeUnaccounted(report)).toEqual(['sample.txt:5: not in the model: «部署»']);
  });

  it('fails when a duplicate is dropped without keeping it in a repair', () => {
    const m = complete();
    m.repairs = [];
    const report = checkLossless([source(lines)], modelTexts(m));
    expect(report.unaccounted.map((u) => u.line)).toEqual([6]);
  });

  it('does not accept text whose span points at other lines', () => {
    const m = complete();
    m.documents[0]!.blocks[0] = heading('sample-s1', '一、', '总体推进情况', 4);
    const report = checkLossless([source(lines)], modelTexts(m));
    expect(report.unaccounted).toEqual([{ file: 'sample.txt', line: 3, missing: '一、总体推进情况' }]);
  });

  it('fails on consumed field labels that are not listed as markup', () => {
    const m = complete();
    m.documents[0]!.markup = [];
    const report = checkLossless([source(lines)], modelTexts(m));
    expect(report.unaccounted).toEqual([
      { file: 'sample.txt', line: 7, missing: '时间节点：' },
      { file: 'sample.txt', line: 8, missing: '责任单位：' },
    ]);
  });

  it('ignores whitespace, and counts a source that is missing from the model entirely', () => {
    const other = source(['  附件 2 ', '\t'], 'other.txt');
    const report = checkLossless([source(lines), other], modelTexts(complete()));
    expect(report.unaccounted).toEqual([{ file: 'other.txt', line: 1, missing: '附件2' }]);
  });

  it('does not let a single stray character match anywhere in a long paragraph', () => {
    const m = complete();
    const block = m.documents[0]!.blocks[1]!;
    // 高 occurs elsewhere in the paragraph, but not where the line has it.
    if (block.type === 'paragraph') block.text = '市政府度重视，召开专题会议研究部署整改工作。';
    const report = checkLossless([source(lines)], modelTexts(m));
    expect(report.unaccounted).toEqual([{ file: 'sample.txt', line: 4, missing: '高' }]);
  });
});
