/**
 * Properties over generated inputs (fast-check): tables printed as tab-cell lines, with cells cut
 * over several lines and blank lines anywhere, come back as the same grid; responsibility lists
 * come back as the same units with the roles their words give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { responsibilityFixtureUnits } from './test-support/units.ts';
import { splitResponsibility } from './responsibility.ts';
import { buildTable, findTableRegions, type SourceLine } from './tables.ts';

const HEADERS = ['指标（项目）', '现状水平', '2022年6月目标', '2022年12月目标', '国内前沿水平', '完成时限', '责任单位', '升级版目标'];
const LABELS = ['办理环节（个）', '办理时间（工作日）', '纳税次数', '收回债务所需成本', '信用信息归集数量（亿条）', '开工率'];
const FIGURES_AND_DASHES = ['2', '0.5天', '≤20', '98%', '—'];
const VALUES = [...FIGURES_AND_DASHES, '进一步提升', '截至2021年12月，共注册企业4591家', '2022年12月', ''];

/** Prints a cell as the sources do: a TAB line, then maybe continuation lines and blank lines. */
const printedCell = (text: string) =>
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.boolean()).map(([pieces, blankBetween]) => {
    if (text === '' || text.length < pieces) return [`\t${text}`];
    const size = Math.ceil(text.length / pieces);
    const parts = Array.from({ length: pieces }, (_, i) => text.slice(i * size, (i + 1) * size)).filter((p) => p !== '');
    return parts.flatMap((part, i) => (i === 0 ? [`\t${part}`] : blankBetween ? ['', part] : [part]));
  });

const table = fc.integer({ min: 2, max: HEADERS.length }).chain((width) =>
  fc.record({
    header: fc.shuffledSubarray(HEADERS.slice(1), { minLength: width - 1, maxLength: width - 1 }).map((rest) => [HEADERS[0]!, ...rest]),
    rows: fc.array(
      fc.tuple(fc.constantFrom(...LABELS), fc.array(fc.constantFrom(...VALUES.filter((v) => !v.startsWith('2022') && !v.startsWith('截至'))), { minLength: width - 1, maxLength: width - 1 })).map(([label, values]) => [label, ...values]),
      { minLength: 1, maxLength: 5 },
    ),
  }),
);

describe('tab-cell tables', () => {
  it('come back as the grid that was printed, whatever the line breaks inside cells', () => {
    fc.assert(
      fc.property(
        table.chain((t) => fc.tuple(fc.constant(t), fc.tuple(...[...t.header, ...t.rows.flat()].map(printedCell)))),
        ([t, printed]) => {
          const texts = ['四、指标对比', '', ...printed.flat(), '', '五、保障措施'];
          const lines: SourceLine[] = texts.map((text, i) => ({ n: i + 1, text }));
          const structural = (s: string) => /^[一二三四五六七八九十]+、/u.test(s.trim());
          const [region, ...others] = findTableRegions(lines, structural);
          expect(others).toEqual([]);
          const built = buildTable(region!, 'generated.txt');
          expect(built.header.map((row) => row.map((c) => c.text))).toEqual([t.header]);
          expect(built.rows.map((row) => row.map((c) => c.text))).toEqual(t.rows);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuse a table missing one cell, naming its first line', () => {
    fc.assert(
      fc.property(table, fc.nat(), (t, drop) => {
        const cells = [...t.header, ...t.rows.flat()];
        const dataCells = cells.length - t.header.length;
        fc.pre(dataCells > 1);
        const index = t.header.length + (drop % dataCells);
        const left = cells.filter((_, i) => i !== index);
        // A body that now starts with an empty cell can read as the placeholders of a two-row
        // header; the next property covers it.
        fc.pre(left[t.header.length] !== '');
        const texts = ['四、指标对比', ...left.map((c) => `\t${c}`)];
        const lines: SourceLine[] = texts.map((text, i) => ({ n: i + 1, text }));
        const [region] = findTableRegions(lines, (s) => /^[一二三四五六七八九十]+、/u.test(s.trim()));
        expect(() => buildTable(region!, 'generated.txt')).toThrow(/^generated\.txt:2: /u);
      }),
      { numRuns: 200 },
    );
  });

  it('refuse a table whose lost cell leaves an empty one first, or read a second header row of labels and keep every text in order', () => {
    // The text gives cells in order and nothing else, so a table that lost a row's first cell
    // while that row's next cell is empty can be a genuine two-row header. The parser refuses it
    // when the would-be second header row holds a figure, a dash or a text of the body; when it
    // does read a two-row header, no text is lost or moved.
    const emptyAfterLoss = table.filter((t) => t.rows.length >= 2 && t.rows[0]!.length >= 2).map((t) => ({ ...t, rows: [[t.rows[0]![0]!, '', ...t.rows[0]!.slice(2)], ...t.rows.slice(1)] }));
    fc.assert(
      fc.property(emptyAfterLoss, (t) => {
        const left = [...t.header, ...t.rows.flat()].filter((_, i) => i !== t.header.length);
        const lines: SourceLine[] = ['四、指标对比', ...left.map((c) => `\t${c}`)].map((text, i) => ({ n: i + 1, text }));
        const [region] = findTableRegions(lines, (s) => /^[一二三四五六七八九十]+、/u.test(s.trim()));
        let built: ReturnType<typeof buildTable>;
        try {
          built = buildTable(region!, 'generated.txt');
        } catch (error) {
          expect(String(error)).toMatch(/generated\.txt:2: /u);
          return;
        }
        expect(built.header).toHaveLength(2);
        const kept = [...built.header.flat(), ...built.rows.flat()].map((c) => c.text).filter((text) => text !== '');
        expect(kept).toEqual(left.filter((text) => text !== ''));
        // And it read a second header row only of what can be labels.
        const body = new Set(built.rows.flat().map((c) => c.text));
        for (const label of built.header[1]!.map((c) => c.text)) {
          expect(FIGURES_AND_DASHES).not.toContain(label);
          expect(body.has(label), `${label} is in the body too`).toBe(false);
        }
      }),
      {
        // The two-row reading is rare among these (about 1 in 300), so more runs than elsewhere.
        numRuns: 2000,
        // Found by CI: these once read as a two-row header over figures and dashes (tables.test.ts).
        examples: [
          [{ header: ['指标（项目）', '升级版目标'], rows: [['办理环节（个）', ''], ...Array.from({ length: 4 }, () => ['办理环节（个）', '2'])] }],
          [{ header: ['指标（项目）', '完成时限'], rows: [['办理环节（个）', ''], ['办理环节（个）', '—'], ...Array.from({ length: 3 }, () => ['办理环节（个）', '2'])] }],
        ],
      },
    );
  });

});

describe('responsibility lists', () => {
  const names = fc.constantFrom(...responsibilityFixtureUnits);
  it('give back every unit printed, leads first, in the order printed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(names, { minLength: 1, maxLength: 4 }), fc.uniqueArray(names, { minLength: 0, maxLength: 4 }), fc.boolean(), (leads, others, sayConfirm) => {
        fc.pre(others.every((o) => !leads.includes(o)));
        const value = `${leads.join('、')}牵头${others.length ? `，${others.join('、')}${sayConfirm ? '配合' : ''}` : ''}`;
        const items = splitResponsibility(value);
        expect(items.map((u) => u.name)).toEqual([...leads, ...others]);
        expect(items.map((u) => u.role)).toEqual([...leads.map(() => 'lead'), ...others.map(() => 'support')]);
      }),
      { numRuns: 300 },
    );
  });

  it('make every unit jointly responsible when no role word is printed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(names, { minLength: 1, maxLength: 6 }), fc.constantFrom('、', '，'), (units, separator) => {
        const items = splitResponsibility(`${units.join(separator)}按职责分工负责`);
        expect(items.map((u) => [u.name, u.role])).toEqual(units.map((u) => [u, 'responsible']));
      }),
      { numRuns: 300 },
    );
  });
});
