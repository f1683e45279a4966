import { describe, expect, it } from 'vitest';
import { parseDeadline } from './deadline.ts';

describe('parseDeadline keeps the value as printed and reads it', () => {
  it('reads a year-month, ignoring the spaces of 2022 年 12 月', () => {
    expect(parseDeadline('2022 年 12 月')).toEqual({ raw: '2022 年 12 月', kind: 'date', months: ['2022-12'], continuing: false, label: '2022年12月' });
  });

  it('reads 持续推进 and 持续推动 as continuous work', () => {
    expect(parseDeadline('持续推进')).toMatchObject({ kind: 'continuous', months: [], continuing: true, label: '持续推进' });
    expect(parseDeadline('持续推动')).toMatchObject({ kind: 'continuous', continuing: true });
  });

  it('reads a date followed by 持续推进 as a date that continues', () => {
    expect(parseDeadline('2022年12月，持续推进')).toMatchObject({ kind: 'date', months: ['2022-12'], continuing: true, label: '2022年12月，持续推进' });
  });

  it('lists several year-months in order', () => {
    expect(parseDeadline('2022年6月，2022年12月')).toMatchObject({ kind: 'date', months: ['2022-06', '2022-12'] });
  });

  it('reads conditions around the dates as compound, keeping the Chinese punctuation in the label', () => {
    expect(parseDeadline('2022年3月市级完成对接，2022年12月县级完成对接')).toMatchObject({
      kind: 'compound',
      months: ['2022-03', '2022-12'],
      label: '2022年3月市级完成对接，2022年12月县级完成对接',
    });
    expect(parseDeadline('2022年4月前完成数据普查工作')).toMatchObject({ kind: 'compound', months: ['2022-04'] });
  });

  it('reads 每季度一次 as periodic', () => {
    expect(parseDeadline('每季度一次')).toMatchObject({ kind: 'periodic', months: [], label: '每季度一次' });
  });

  it('reads table-style dates (2022.12) and 年底', () => {
    expect(parseDeadline('2022.12').months).toEqual(['2022-12']);
    expect(parseDeadline('2022年底前').months).toEqual(['2022-12']);
  });

  it('says none when the task has no 时间节点', () => {
    expect(parseDeadline(null)).toEqual({ raw: null, kind: 'none', months: [], continuing: false, label: '未注明' });
  });
});
