import { describe, expect, it } from 'vitest';
import { decodeSource } from '../core/source-text.ts';
import { parsePlanPackage } from './index.ts';
import { checkLossless } from './lossless-check.ts';
import { FIXTURE_ENTRY, fakeContext } from './test-support/fixture.ts';

const input = ['测试市总体行动方案', '一、总体要求', '坚持问题导向，对标一流。', '三、主要措施', '（一）合并申报。推行综合申报。', '时间节点：2022年12月', '责任单位：市税务局'].join('\n');
const text = decodeSource('input.txt', new TextEncoder().encode(input));

describe('the lossless guard', () => {
  it('accepts an output that keeps every character', () => {
    const report = checkLossless(text, parsePlanPackage(FIXTURE_ENTRY, text, fakeContext()));
    expect(report).toEqual({ total: report.covered, covered: report.covered, missing: [] });
  });

  it('names the line of a paragraph the output lost', () => {
    const result = parsePlanPackage(FIXTURE_ENTRY, text, fakeContext());
    result.documents[0]!.blocks = result.documents[0]!.blocks.filter((b) => b.type !== 'paragraph');
    expect(checkLossless(text, result).missing).toEqual([{ file: 'input.txt', line: 3, text: '坚持问题导向，对标一流。' }]);
  });

  it('notices a field label that is not listed as markup', () => {
    const result = parsePlanPackage(FIXTURE_ENTRY, text, fakeContext());
    result.documents[0]!.markup = result.documents[0]!.markup.filter((m) => !m.text.startsWith('时间节点'));
    expect(checkLossless(text, result).missing).toEqual([{ file: 'input.txt', line: 6, text: '时间节点：' }]);
  });

  it('does not accept text found only on another line', () => {
    const result = parsePlanPackage(FIXTURE_ENTRY, text, fakeContext());
    const task = result.tasks[0]!;
    task.source = { ...task.source, line: 1, endLine: 1 };
    expect(checkLossless(text, result).missing.map((m) => m.line)).toEqual([5]);
  });
});
