import { describe, expect, it } from 'vitest';
import { endsSentence, isBareSectionWord, readNumbering, toChineseNumeral, unknownNumbering } from './numbering.ts';

const read = (line: string) => {
  const n = readNumbering(line);
  return n && [n.level, n.number, n.value, n.rest];
};

describe('readNumbering knows the numbering schemes of the plans', () => {
  it('reads 一、 as level 1', () => {
    expect(read('三、主要措施')).toEqual([1, '三、', 3, '主要措施']);
    expect(read('    一、目标任务')).toEqual([1, '一、', 1, '目标任务']);
  });

  it('reads （一） in full-width, half-width and mixed brackets, up to compound numerals', () => {
    expect(read('（一）全面提升政务服务效能')).toEqual([2, '（一）', 1, '全面提升政务服务效能']);
    expect(read('(二)进一步加强智慧法院建设')).toEqual([2, '(二)', 2, '进一步加强智慧法院建设']);
    expect(read('(一）进一步降低企业参与成本')).toEqual([2, '(一）', 1, '进一步降低企业参与成本']);
    expect(read('（二十三）强化打击职能')).toEqual([2, '（二十三）', 23, '强化打击职能']);
    expect(read('（十一）大力支持企业引才聚才')?.[2]).toBe(11);
  });

  it('reads 1. with the spacing variants of the sources, and full-width digits', () => {
    expect(read('49 .多措并举促进开放招商。')).toEqual([3, '49 .', 49, '多措并举促进开放招商。']);
    expect(read('11. 推进办税缴费便利化。')).toEqual([3, '11.', 11, '推进办税缴费便利化。']);
    expect(read('１２．新的条目。')).toEqual([3, '１２．', 12, '新的条目。']);
  });

  it('does not take a decimal or a date for a number', () => {
    expect(readNumbering('1.5小时内办结。')).toBeNull();
    expect(readNumbering('2022.12')).toBeNull();
    expect(readNumbering('2022年底，全市营商环境评价各项指标提升7%以上。')).toBeNull();
  });

  it('reads （1） and （１） as level 4', () => {
    expect(read('（1）部门联动例会机制。')).toEqual([4, '（1）', 1, '部门联动例会机制。']);
    expect(read('（３）增加创新创业平台数量与规模。')).toEqual([4, '（３）', 3, '增加创新创业平台数量与规模。']);
  });

  it('leaves words in brackets alone', () => {
    expect(readNumbering('（全省平均）')).toBeNull();
    expect(readNumbering('（ 0-30 )')).toBeNull();
  });
});

describe('the other line shapes', () => {
  it('recognises bare section words standing alone, not sentences', () => {
    for (const word of ['总体目标', '指标对比', '保障措施', '工作要求', '总体要求', '工作目标']) expect(isBareSectionWord(word)).toBe(true);
    expect(isBareSectionWord('主要目标：2022年4月')).toBe(false);
    expect(isBareSectionWord('落地实施。')).toBe(false);
    expect(isBareSectionWord('获得用水指标提升对比表')).toBe(false);
  });

  it('names numbering styles plans do not use', () => {
    expect(unknownNumbering('1、整合申报表。')).toBe('1、');
    expect(unknownNumbering('①简并征期。')).toBe('①');
    expect(unknownNumbering('一是加强统筹。')).toBeNull();
  });

  it('knows where a sentence ends, closing quotes included', () => {
    expect(endsSentence('实现“一件事一次办”。')).toBe(true);
    expect(endsSentence('报装“低压一次都不跑、高压最多跑一次”。”')).toBe(true);
    expect(endsSentence('低压居民、低压小微企业')).toBe(false);
    expect(endsSentence('将“三零')).toBe(false);
  });

  it('writes Chinese numerals for implied numbers', () => {
    expect([1, 10, 11, 20, 23, 99].map(toChineseNumeral)).toEqual(['一', '十', '十一', '二十', '二十三', '九十九']);
  });
});
