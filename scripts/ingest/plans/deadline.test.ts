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

  it('reads conditions around the dates as compound, labelled by each date and whom it is for', () => {
    const raw = '2022年3月市级完成对接，2022年12月县级完成对接';
    expect(parseDeadline(raw)).toEqual({ raw, kind: 'compound', months: ['2022-03', '2022-12'], continuing: false, label: '2022年3月（市级）、2022年12月（县级）' });
  });

  it('takes the scope of a date from the clause before it (试点 units first, the rest later)', () => {
    const raw = '新华区税务局、郏县税务局作为第一批试点推广单位，2022年6月底前见成效。各县（市、区）税务局2022年12月底前见成效';
    expect(parseDeadline(raw)).toEqual({ raw, kind: 'compound', months: ['2022-06', '2022-12'], continuing: false, label: '2022年6月（试点）、2022年12月' });
  });

  it('names what a single conditional date is for when that takes a few words', () => {
    expect(parseDeadline('2022年4月前完成数据普查工作')).toMatchObject({ kind: 'compound', months: ['2022-04'], label: '2022年4月（数据普查）' });
  });

  it('never labels a compound value with a whole sentence', () => {
    const { label } = parseDeadline('2022年12月底前各县（市、区）人民政府会同市直有关部门全部完成改造提升任务');
    expect(label).toBe('2022年12月');
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
