/**
 * Tables read from TAB cells, one shape per case: what the parser makes of a printed table, or
 * the error it stops with.
 */
import { describe, expect, it } from 'vitest';
import { buildTable, findTableRegions, type SourceLine } from './tables.ts';

/** The grid of texts read from `cells`, printed one TAB cell per line under a section heading. */
function read(cells: readonly string[]) {
  const lines: SourceLine[] = ['四、指标对比', ...cells.map((cell) => `\t${cell}`)].map((text, i) => ({ n: i + 1, text }));
  const [region] = findTableRegions(lines, (text) => /^[一二三四五六七八九十]+、/u.test(text.trim()));
  const table = buildTable(region!, 'generated.txt');
  return { header: table.header.map((row) => row.map((cell) => [cell.text, cell.colspan, cell.rowspan])), rows: table.rows.map((row) => row.map((cell) => cell.text)) };
}

describe('two-row headers', () => {
  it('read a second row of dated labels, though they start with a digit', () => {
    const table = read(['指标（项目）', '现状水平', '目标', '', '', '2022年6月', '2022年12月', '办理环节（个）', '5', '4', '3', '办理时间（工作日）', '10', '8', '5']);
    expect(table.header).toEqual([
      [['指标（项目）', 1, 2], ['现状水平', 1, 2], ['目标', 2, 1]],
      [['2022年6月', 1, 1], ['2022年12月', 1, 1]],
    ]);
    expect(table.rows).toEqual([
      ['办理环节（个）', '5', '4', '3'],
      ['办理时间（工作日）', '10', '8', '5'],
    ]);
  });

  it('read a second-row label that the body repeats, such as 合计', () => {
    const table = read(['客户类型', '办理时间', '', '申请受理', '合计', '高压客户', '2', '5', '合计', '3', '7']);
    expect(table.header[1]).toEqual([['申请受理', 1, 1], ['合计', 1, 1]]);
    expect(table.rows).toEqual([
      ['高压客户', '2', '5'],
      ['合计', '3', '7'],
    ]);
  });

  it('refuse the tables CI found, whose first row lost its label before an empty cell', () => {
    const lostLabel = (header: string[], rows: string[][]) => [...header, ...rows.flat().slice(1)];
    const counterexamples = [
      lostLabel(['指标（项目）', '升级版目标'], [['办理环节（个）', ''], ...Array.from({ length: 4 }, () => ['办理环节（个）', '2'])]),
      lostLabel(['指标（项目）', '完成时限'], [['办理环节（个）', ''], ['办理环节（个）', '—'], ...Array.from({ length: 3 }, () => ['办理环节（个）', '2'])]),
    ];
    for (const cells of counterexamples) expect(() => read(cells)).toThrow(/^generated\.txt:2: /u);
  });
});
