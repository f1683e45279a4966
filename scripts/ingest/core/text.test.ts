import { describe, expect, it } from 'vitest';
import { chineseNumeral, inkOf, normalizeForMatch, showInvisible } from './text.ts';

describe('Chinese numerals used in section numbers', () => {
  it('reads one to ninety-nine, including compound numerals such as 二十三', () => {
    expect(['一', '九', '十', '十一', '二十', '二十三'].map(chineseNumeral)).toEqual([1, 9, 10, 11, 20, 23]);
  });
  it('rejects what is not a numeral', () => {
    expect(chineseNumeral('是')).toBeNull();
    expect(chineseNumeral('一二')).toBeNull();
    expect(chineseNumeral('')).toBeNull();
  });
});

describe('normalising text for matching', () => {
  it('folds full-width digits and signs and removes spaces inside Chinese text', () => {
    expect(normalizeForMatch('2022 年 12 月')).toBe('2022年12月');
    expect(normalizeForMatch('（１）提升 ９０％')).toBe('(1)提升90%');
  });
  it('keeps a single space between Latin words', () => {
    expect(normalizeForMatch('Doing   Business')).toBe('Doing Business');
  });
});

describe('ink, the characters the lossless check counts', () => {
  it('is every character except whitespace', () => {
    expect(inkOf(' 甲 乙\t丙\n')).toBe('甲乙丙');
  });
});

describe('text quoted in messages', () => {
  it('spells out characters a terminal would not show, and leaves the rest as printed', () => {
    expect(showInvisible('a\u200bb\u202ec\u2028d\te\u0000')).toBe('a\\u{200B}b\\u{202E}c\\u{2028}d\\te\\u{0}');
    expect(showInvisible('责任单位：市发展改革委 <p>')).toBe('责任单位：市发展改革委 <p>');
  });
});
