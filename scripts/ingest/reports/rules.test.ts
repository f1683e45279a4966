/**
 * The small rules the report parser is built from, each stated as behaviour.
 */
import { describe, expect, it } from 'vitest';
import { ManifestEntrySchema } from '../../../src/schemas/index.ts';
import { decodeSource } from '../core/source-text.ts';
import { longestSharedRun, reportsAnswering } from './answers.ts';
import { firstSentenceEnd } from './body.ts';
import { closeCjkSpacing, readLine } from './builder.ts';
import { checkLossless } from './lossless.ts';
import { endsSentence, matchHeadingMarker } from './numbering.ts';
import { parseReport } from './parse-report.ts';
import { splitRectification, splitUnits } from './summary-table.ts';
import { tableContext } from './test-support/corpus.ts';

describe('heading markers', () => {
  it('recognises 一、 （一） (一) 1、 1. （1） (7) and gives their values', () => {
    const read = (t: string) => {
      const m = matchHeadingMarker(t);
      return m && [m.kind, m.printed, m.value];
    };
    expect(read('十二、标题')).toEqual(['cn', '十二、', 12]);
    expect(read('（三）标题')).toEqual(['cn-paren', '（三）', 3]);
    expect(read('(一) 标题')).toEqual(['cn-paren', '(一)', 1]);
    expect(read('1、标题')).toEqual(['arabic-dun', '1、', 1]);
    expect(read('2. 标题')).toEqual(['arabic-dot', '2.', 2]);
    expect(read('（1）标题')).toEqual(['arabic-paren', '（1）', 1]);
    expect(read('(7) 标题')).toEqual(['arabic-paren', '(7)', 7]);
    expect(read('（１２）标题')).toEqual(['arabic-paren', '（１２）', 12]);
  });

  it('does not take 一是, a decimal such as 1.2 亿元, a year or a bare marker for a heading', () => {
    for (const text of ['一是建立机制。', '1.2 亿元资金', '2021年，市人大', '三、', '12320 户']) expect(matchHeadingMarker(text)).toBeNull();
  });

  it('counts 。；：！？ and a quote closed after them as sentence ends, and ，、, a bare word or a quoted phrase as a cut', () => {
    expect(['完成。', '如下：', '如下:', '实现“最多跑一次”。', '全面推行“一件事一次办。”'].every(endsSentence)).toBe(true);
    // 004:468 ends `91项“体外循环”` and 470 goes on `的服务事项…`: the quote closes a phrase, not the sentence.
    expect(['服务平台，', '市委、', '示范机构 2', '涉及的63项“一门进驻”未全面覆盖和91项“体外循环”'].some(endsSentence)).toBe(false);
  });

  it('ends a run-in title at the first 。 outside quotes', () => {
    const text = '关于“有待加强。平台互不相通”问题。正文';
    expect(text.slice(0, firstSentenceEnd(text) + 1)).toBe('关于“有待加强。平台互不相通”问题。');
  });
});

describe('text helpers', () => {
  it('takes markdown headings, bullets and rules off a line as markup', () => {
    expect(readLine(1, '#### 四、提升').markup).toEqual(['####']);
    expect(readLine(2, '- 1、部分单位').text).toBe('1、部分单位');
    expect(readLine(3, '---')).toMatchObject({ text: '', markup: ['---'] });
  });
  it('removes letter-spacing and layout spaces between CJK characters only', () => {
    expect(closeCjkSpacing('情况的 汇 报')).toBe('情况的汇报');
    expect(closeCjkSpacing('商丘市财政局 关于…条例暨 执法检查')).toBe('商丘市财政局关于…条例暨执法检查');
    expect(closeCjkSpacing('2022 年')).toBe('2022 年');
  });
});

describe('summary-table cells', () => {
  it('rejoins unit names broken by a narrow column and drops the trailing 等', () => {
    expect(splitUnits('市政府 市行政审批和 政务信息管理 局 市市场监管局 市自然资源和 规划局等')).toEqual({
      names: ['市政府', '市行政审批和政务信息管理局', '市市场监管局', '市自然资源和规划局'],
      rejoined: [
        { before: '市行政审批和 政务信息管理 局', after: '市行政审批和政务信息管理局' },
        { before: '市自然资源和 规划局', after: '市自然资源和规划局' },
      ],
    });
    expect(splitUnits('市政府 市人力资源 社会保障局等').names).toEqual(['市政府', '市人力资源社会保障局']);
    expect(splitUnits('国网商丘供电公司 人行商丘市中心支行 商丘市银保监分局等').rejoined).toEqual([]);
  });

  it('splits 整改落实情况 at 一是/二是, at 1. after a sentence end and at ①②, losing no character', () => {
    const cell = '一是宣传。①印发手册;②开展竞赛。二是落实：1.建立机制。2.提升效率，3.不拆分。';
    const parts = splitRectification(cell);
    expect(parts).toEqual(['一是宣传。', '①印发手册;', '②开展竞赛。', '二是落实：1.建立机制。', '2.提升效率，3.不拆分。']);
    expect(parts.join('')).toBe(cell);
  });
});

describe('which department reports answer a row', () => {
  const reports = [
    { id: 'named', departmentId: 'a', text: '（一）不动产登记数据共享不充分问题。', headings: [] },
    { id: 'headed', departmentId: 'b', text: '……', headings: ['（二）监管信息共享不及时。'] },
    { id: 'listed', departmentId: 'c', text: '与房管部门共享不动产登记资料', headings: [] },
    { id: 'unlisted', departmentId: 'd', text: '与房管部门共享不动产登记资料', headings: [] },
  ];
  it('counts a report that names the problem, takes a heading from its cell, or is listed and discusses it', () => {
    const row = { problem: '不动产登记数据共享不充分', problemText: '不动产登记数据共享不充分。造成监管信息共享不及时。', unitIds: ['c'] };
    expect(reportsAnswering(row, reports)).toEqual(['named', 'headed', 'listed']);
  });
  it('measures the longest run two texts share', () => {
    expect(longestSharedRun('公用服务和硬件设施有待完善', '公用服务和迎检设施')).toBe(5);
    expect(longestSharedRun('甲乙', '丙丁')).toBe(0);
  });
});

describe('the local lossless check', () => {
  const entry = ManifestEntrySchema.parse({ id: 'fx', file: 'x.txt', kind: 'report', title: '某某报告', issuer: '某县人民政府', jurisdiction: '某县', date: '2021' });
  const text = decodeSource('x.txt', new TextEncoder().encode('某县人民政府\n\n某某报告\n\n一、总体情况\n\n全县认真落实。\n'));
  const result = parseReport(entry, text, tableContext('某县', { 某县人民政府: 'x-zf' }));

  it('passes when every character is in the output', () => {
    expect(checkLossless(text, result).missing).toEqual([]);
  });

  it('names file:line and the characters when a block dropped some', () => {
    const damaged = structuredClone(result);
    const paragraph = damaged.documents[0]!.blocks.find((b) => b.type === 'paragraph')!;
    if (paragraph.type === 'paragraph') paragraph.text = '全县落实';
    const report = checkLossless(text, damaged);
    expect(report.missing).toEqual([{ file: 'x.txt', line: 7, text: '认真。' }]);
    expect(report.covered).toBe(report.total - 3);
  });
});

describe('footer fields', () => {
  it('accounts for the markdown artefacts of a 报送 line continued over a heading-like line (found by tests/property, seed 7)', () => {
    const entry = ManifestEntrySchema.parse({ id: 'fx', file: 'x.txt', kind: 'bulletin', title: '某某通报', issuer: '某县人民政府', jurisdiction: '某县', date: '2021' });
    const text = decodeSource('x.txt', new TextEncoder().encode('某某通报\n\n一、总体情况\n\n全县认真落实。\n\n报送：县领导，\n## 二、下步打算\n'));
    const result = parseReport(entry, text, tableContext('某县', { 某县人民政府: 'x-zf' }));
    expect(checkLossless(text, result).missing).toEqual([]);
    expect(result.documents[0]!.markup.map((m) => `${m.source.line}:${m.text}`)).toContain('8:##');
  });
});

describe('markdown artefacts around the summary table', () => {
  it('accounts for a bullet on the caption and on a stray line inside the table (found by tests/property, seeds 32 and 33)', () => {
    const entry = ManifestEntrySchema.parse({
      id: 'fx', file: 'x.txt', kind: 'report', title: '某某报告', issuer: '某县人民政府', jurisdiction: '某县', date: '2021',
      split: { summaryTable: { marker: '^附件\\s*1$' } },
    });
    const source = [
      '某县人民政府', '', '某某报告', '', '一、总体情况', '', '全县认真落实。', '', '附件 1', '', '- 问题整改汇总表', '',
      '序号\t问题\t意见建议\t整改落实情况\t责任单位', '- 注：续表', '1\t<p>问题一。</p>\t<p>建议。</p>\t<p>已整改。</p>\t<p>某县人民政府</p>',
    ].join('\n');
    const text = decodeSource('x.txt', new TextEncoder().encode(source));
    const result = parseReport(entry, text, tableContext('某县', { 某县人民政府: 'x-zf' }));
    expect(checkLossless(text, result).missing).toEqual([]);
    const markup = result.documents.flatMap((d) => d.markup.map((m) => `${m.source.line}:${m.text}`));
    expect(markup).toEqual(expect.arrayContaining(['11:-', '14:-']));
  });
});
