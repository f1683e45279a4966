import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createExactEngine } from './engine.ts';
import { buildExcerpt, highlightRanges } from './excerpt.ts';
import { EXACT_INDEX_VERSION, storeText, unpackTexts, type ExactIndex } from './index-format.ts';
import { COMMON_FOLDS, findAll, foldCommonPunctuation, normalizeForSearch, normalizeWithMap, toOriginalRange } from './normalize.ts';
import { parseQuery } from './query.ts';

describe('normalisation', () => {
  it('folds full-width digits, letters and punctuation to half width', () => {
    expect(normalizeForSearch('０.５个工作日（ＡＢＣ）')).toBe('0.5个工作日(abc)');
  });
  it('removes whitespace between Chinese characters, as a clause pasted from a PDF has', () => {
    expect(normalizeForSearch('交房 即\n交证')).toBe('交房即交证');
    expect(normalizeForSearch('2022 年 6 月底前')).toBe('2022年6月底前');
    expect(normalizeForSearch('市场\u3000监管局')).toBe('市场监管局');
  });
  it('keeps one space between words of space-separated scripts', () => {
    expect(normalizeForSearch('  One   Stop\tShop ')).toBe('one stop shop');
    expect(normalizeForSearch('GB 18030')).toBe('gb 18030');
  });
  it('drops zero-width and other invisible characters', () => {
    expect(normalizeForSearch('营\u200b商\ufeff环\u00ad境')).toBe('营商环境');
  });
  it('folds compatibility forms such as circled numbers', () => {
    expect(normalizeForSearch('①')).toBe('1');
  });
  it('maps every normalised unit back to the original text', () => {
    const original = 'Ａ 市场　监管局';
    const normalized = normalizeWithMap(original);
    expect(normalized.text).toBe('a市场监管局');
    const at = normalized.text.indexOf('监管');
    const [start, end] = toOriginalRange(normalized, at, at + 2);
    expect(original.slice(start, end)).toBe('监管');
    expect(original.slice(...toOriginalRange(normalized, 0, normalized.text.length))).toBe(original);
  });
  it('keeps astral characters whole in the map', () => {
    const original = '𠀀 𠀁x';
    const normalized = normalizeWithMap(original);
    expect(normalized.text).toBe('𠀀𠀁x');
    expect(original.slice(...toOriginalRange(normalized, 2, 4))).toBe('𠀁');
  });
  it('is idempotent and never lets whitespace survive between Chinese characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('营', '商', ' ', '\u3000', '\n', 'Ａ', 'a', '1', '（', '\u200b') }), (text) => {
        const once = normalizeForSearch(text);
        expect(normalizeForSearch(once)).toBe(once);
        expect(once).not.toMatch(/[营商]\s|\s[营商]/u);
        expect(once).not.toMatch(/^\s|\s$/u);
      }),
    );
  });
  it('maps every normalised range back to an original slice that normalises to it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('营', '商', ' ', '\u3000', 'Ａ', 'a', 'b', '１', '\u200b', '①', '𠀀') }),
        fc.nat(),
        fc.nat(),
        (text, x, y) => {
          const normalized = normalizeWithMap(text);
          if (normalized.text.length === 0) return;
          const start = x % normalized.text.length;
          const end = start + 1 + (y % (normalized.text.length - start));
          const slice = text.slice(...toOriginalRange(normalized, start, end));
          expect(normalizeForSearch(slice)).toContain(normalized.text.slice(start, end).trim());
        },
      ),
    );
  });
  it('finds overlapping occurrences', () => {
    expect(findAll('哈哈哈', '哈哈')).toEqual([0, 1]);
    expect(findAll('abc', '')).toEqual([]);
  });
});

describe('query parsing', () => {
  it('treats an unquoted run of Chinese as one term and one phrase', () => {
    expect(parseQuery('营商环境')).toMatchObject({ phrase: '营商环境', terms: ['营商环境'], quoted: [] });
  });
  it('splits words at spaces, and joins them again for the phrase', () => {
    expect(parseQuery('营商环境  市场监管局')).toMatchObject({
      phrase: '营商环境市场监管局',
      terms: ['营商环境', '市场监管局'],
    });
  });
  it('reads ASCII, Chinese and corner-bracket quotes as one required phrase', () => {
    expect(parseQuery('"营商环境"')).toMatchObject({ phrase: '营商环境', terms: ['营商环境'], quoted: ['营商环境'] });
    expect(parseQuery('“交房 即交证” 不动产')).toMatchObject({
      phrase: '交房即交证不动产',
      terms: ['交房即交证', '不动产'],
      quoted: ['交房即交证'],
    });
    expect(parseQuery('「一网通办」')).toMatchObject({ quoted: ['一网通办'] });
    expect(parseQuery('＂0.5个工作日＂')).toMatchObject({ quoted: ['0.5个工作日'] });
  });
  it('accepts mismatched and unclosed quotes', () => {
    expect(parseQuery('"一网通办”')).toMatchObject({ quoted: ['一网通办'] });
    expect(parseQuery('“一网通办')).toMatchObject({ quoted: ['一网通办'], phrase: '一网通办' });
  });
  it('normalises terms and drops duplicates and empty quotes', () => {
    expect(parseQuery('ＡＢＣ abc ""')).toMatchObject({ terms: ['abc'], phrase: 'abc abc' });
    expect(parseQuery('   ')).toMatchObject({ phrase: '', terms: [] });
  });
  it('keeps quote marks that sit inside a pasted clause as text', () => {
    expect(parseQuery('实现“一网通办”服务')).toMatchObject({ phrase: '实现“一网通办”服务', terms: ['实现“一网通办”服务'], quoted: [] });
    expect(parseQuery('推进 “交房即交证”改革')).toMatchObject({ quoted: ['交房即交证'], terms: ['推进', '交房即交证', '改革'] });
  });
  it('keeps a pasted clause with line breaks as one phrase', () => {
    const query = parseQuery('企业开办时间压缩至\n0.5个工作日以内');
    expect(query.phrase).toBe('企业开办时间压缩至0.5个工作日以内');
  });
});

function fixtureIndex(): ExactIndex {
  const texts = [
    '营商环境优化提升行动方案', // 0
    '企业开办时间压缩至0.5个工作日以内。', // 1
    '市场监管局牵头，税务局配合。', // 2
    '推进交房即交证改革。', // 3
    '市场监管局', // 4
    '优化营商环境，推进一网通办。营商环境', // 5
    '营商，环境', // 6
    '环境保护与营商服务', // 7
  ];
  return {
    version: EXACT_INDEX_VERSION,
    texts: texts.map(storeText),
    pages: [
      {
        url: 'plans/a01/',
        title: '营商环境优化提升行动方案',
        group: 0,
        filters: { 文档类型: ['总体行动方案'], 部门: ['市场监管局'] },
        anchors: [['a01-t1', '（一）企业开办']],
        blocks: [[0, -1], [1, 0], [2, 0]],
      },
      {
        url: 'departments/sjj/',
        title: '市场监管局',
        group: 1,
        filters: { 文档类型: ['部门'] },
        anchors: [['t1', '附件1 （一）']],
        blocks: [[4, -1], [1, 0], [2, 0]],
      },
      {
        url: 'plans/a02/',
        title: '不动产登记',
        group: 0,
        filters: { 文档类型: ['专项行动方案'] },
        anchors: [],
        blocks: [[3, -1], [5, -1]],
      },
      {
        url: 'reports/r1/',
        title: '通报',
        group: 0,
        filters: { 文档类型: ['工作通报'] },
        anchors: [],
        blocks: [[6, -1], [7, -1]],
      },
    ],
    filterValues: { 文档类型: ['部门', '工作通报', '专项行动方案', '总体行动方案'], 部门: ['市场监管局'] },
  };
}

describe('exact-match engine', () => {
  const engine = createExactEngine(fixtureIndex());
  const urls = (query: string, filters = {}) =>
    engine.search(parseQuery(query), filters).map((match) => `${match.tier}:${match.page.url}`);

  it('finds 营商环境 inside a sentence and ranks the page whose title holds it first', () => {
    expect(urls('营商环境')).toEqual(['exact:plans/a01/', 'exact:plans/a02/']);
  });
  it('finds an infix pair that word segmentation splits (商环)', () => {
    expect(urls('商环')).toEqual(['exact:plans/a01/', 'exact:plans/a02/']);
  });
  it('finds 0.5个工作日 typed with full-width digits', () => {
    expect(urls('０．５个工作日')).toEqual(['exact:plans/a01/', 'exact:departments/sjj/']);
  });
  it('ranks the department page titled 市场监管局 first, then source documents', () => {
    expect(urls('市场监管局')).toEqual(['exact:departments/sjj/', 'exact:plans/a01/']);
  });
  it('puts pages with every term after pages with the whole phrase', () => {
    // 营商 and 环境 occur apart in reports/r1 (营商，环境 / 环境保护与营商服务).
    expect(urls('营商 环境')).toEqual(['exact:plans/a01/', 'exact:plans/a02/', 'all-terms:reports/r1/']);
  });
  it('does not match across block boundaries', () => {
    // "方案" ends block 0 and "企业" starts block 1 of plans/a01.
    expect(urls('方案企业')).toEqual([]);
  });
  it('narrows results with a filter, OR within one filter', () => {
    expect(urls('营商环境', { 文档类型: ['专项行动方案'] })).toEqual(['exact:plans/a02/']);
    expect(urls('营商环境', { 文档类型: ['专项行动方案', '总体行动方案'] })).toHaveLength(2);
    expect(urls('营商环境', { 部门: ['不存在'] })).toEqual([]);
  });
  it('counts occurrences and lists matching blocks with their anchors', () => {
    const [first] = engine.search(parseQuery('0.5个工作日'));
    expect(first?.blocks).toEqual([{ blockPosition: 1, textIndex: 1, anchorIndex: 0, found: ['0.5个工作日'] }]);
    const a02 = engine.search(parseQuery('营商环境')).find((match) => match.page.url === 'plans/a02/');
    expect(a02?.occurrences).toBe(2);
  });
  it('returns nothing for an empty query or a phrase found nowhere', () => {
    expect(urls('')).toEqual([]);
    expect(urls('区块链')).toEqual([]);
  });
  it('agrees with a plain substring scan of every page, for any query taken from the texts', () => {
    const index = fixtureIndex();
    const { displayed } = unpackTexts(index.texts);
    const pageTexts = index.pages.map((page) => page.blocks.map(([t]) => normalizeForSearch(displayed[t] ?? '')));
    fc.assert(
      fc.property(fc.nat(index.texts.length - 1), fc.nat(), fc.integer({ min: 1, max: 8 }), (t, s, len) => {
        const text = normalizeForSearch(displayed[t] ?? '');
        const start = s % text.length;
        const query = text.slice(start, start + len);
        const expected = pageTexts.flatMap((blocks, i) => (blocks.some((b) => b.includes(query)) ? [i] : []));
        const found = engine.search(parseQuery(`"${query}"`)).map((m) => m.pageIndex);
        expect([...found].sort()).toEqual(expected);
      }),
    );
  });
});

describe('stored texts', () => {
  it('give back every text as displayed and as normalised, whatever it holds', () => {
    const pieces = ['市场', '监管局', '，', '（', '）', '；', '：', '！', '？', '、', '。', ' ', '\u3000', '\n', 'A', 'ｂ', '２', '0.5', '①', '\u200b', '𠀋', 'One Stop'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }), (parts, noise) => {
        const text = parts.join('') + noise;
        expect(unpackTexts([storeText(text)])).toEqual({ displayed: [text], normalized: [normalizeForSearch(text)] });
      }),
      { seed: 20233, numRuns: 3000 },
    );
  });
  it('store plain prose as it is displayed and a text the cheap fold gets wrong with its normalised form', () => {
    expect(storeText('市场监管局牵头，税务局配合（按职责分工）：')).toBe('市场监管局牵头，税务局配合（按职责分工）：');
    expect(storeText('交房 即交证')).toEqual(['交房 即交证', '交房即交证']);
    expect(storeText('ＡＢＣ')).toEqual(['ＡＢＣ', 'abc']);
  });
  it('let the engine find a text stored with its normalised form by what a reader types', () => {
    const engine = createExactEngine({
      version: EXACT_INDEX_VERSION,
      texts: ['推进交房 即交证', '压缩至０.５个工作日'].map(storeText),
      pages: [{ url: 'plans/a01/', title: '方案', group: 0, filters: {}, anchors: [], blocks: [[0, -1], [1, -1]] }],
      filterValues: {},
    });
    expect(engine.search(parseQuery('交房即交证')).map((match) => match.page.url)).toEqual(['plans/a01/']);
    expect(engine.search(parseQuery('0.5个工作日')).map((match) => match.blocks[0]?.textIndex)).toEqual([1]);
    expect(engine.texts).toEqual(['推进交房 即交证', '压缩至０.５个工作日']);
  });
  it('give the engine the same normalised texts as unpackTexts, folded over the whole corpus at once', () => {
    const index = fixtureIndex();
    const engine = createExactEngine(index);
    expect(engine.normalizedTexts).toEqual(unpackTexts(index.texts).normalized);
    expect(engine.texts).toEqual(unpackTexts(index.texts).displayed);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('市', '场', '，', '（', '）', '：', ' ', 'Ａ', 'a', '1', '\n', '。', '\ud800', '𠀋') }), { maxLength: 8 }), (raw) => {
        const stored = raw.map(storeText);
        const built = createExactEngine({ ...index, texts: stored, pages: [] });
        expect(built.normalizedTexts).toEqual(unpackTexts(stored).normalized);
      }),
      { seed: 20234, numRuns: 1000 },
    );
  });
  it('fold only punctuation that folds to one character taking no space beside it', () => {
    for (const [from, to] of COMMON_FOLDS) {
      expect(normalizeWithMap(from).text).toBe(to);
      expect(normalizeWithMap(`a ${from} b`).text).toBe(`a${to}b`);
      expect(foldCommonPunctuation(`市场${from}监管`)).toBe(normalizeForSearch(`市场${from}监管`));
    }
  });
});

describe('excerpts and highlighting', () => {
  it('marks every occurrence in the original text, even where the original has spaces', () => {
    const original = '推进交房 即交证，交房即交证。';
    expect(highlightRanges(original, ['交房即交证'])).toEqual([
      [2, 8],
      [9, 14],
    ]);
  });
  it('merges overlapping marks', () => {
    expect(highlightRanges('哈哈哈', ['哈哈'])).toEqual([[0, 3]]);
  });
  it('builds a window around the first match with ellipses where it was cut', () => {
    const original = `${'甲'.repeat(100)}市场监管局${'乙'.repeat(100)}`;
    const pieces = buildExcerpt(original, ['市场监管局'], 40);
    expect(pieces[0]).toEqual({ text: '…', marked: false });
    expect(pieces.at(-1)).toEqual({ text: '…', marked: false });
    expect(pieces.filter((piece) => piece.marked)).toEqual([{ text: '市场监管局', marked: true }]);
    const shown = pieces.map((piece) => piece.text).join('');
    expect(shown.length).toBeLessThanOrEqual(42);
  });
  it('returns the whole short text with marks and no ellipsis', () => {
    expect(buildExcerpt('ＡＢ市场', ['ab'])).toEqual([
      { text: 'ＡＢ', marked: true },
      { text: '市场', marked: false },
    ]);
  });
});
