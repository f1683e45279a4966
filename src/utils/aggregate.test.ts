import { describe, expect, it } from 'vitest';
import {
  assignmentsByDepartment,
  countRoles,
  deadlineBuckets,
  groupBy,
  repairsWithin,
  responsibilityMatrix,
  spansOverlap,
  strongerRole,
  toCsv,
} from './aggregate.ts';
import { department, plan, task, unit } from './test-fixtures.ts';

describe('grouping and counting', () => {
  it('groups by key keeping first-seen key order and item order', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
    expect([...groups.keys()]).toEqual(['b', 'a', 'c']);
    expect(groups.get('a')).toEqual(['a1', 'a2']);
  });

  it('gives each department its tasks with its role', () => {
    const tasks = [task('t1', [unit('fgw', 'lead'), unit('czj', 'support')]), task('t2', [unit('czj', 'responsible')])];
    const byDepartment = assignmentsByDepartment(tasks);
    expect(byDepartment.get('fgw')?.map((a) => [a.task.id, a.role])).toEqual([['t1', 'lead']]);
    expect(byDepartment.get('czj')?.map((a) => [a.task.id, a.role])).toEqual([
      ['t1', 'support'],
      ['t2', 'responsible'],
    ]);
  });

  it('counts a department listed twice in one task once, with its strongest role', () => {
    const tasks = [task('t1', [unit('fgw', 'support'), unit('fgw', 'lead')])];
    const assignments = assignmentsByDepartment(tasks).get('fgw') ?? [];
    expect(assignments).toHaveLength(1);
    expect(assignments[0]?.role).toBe('lead');
    expect(strongerRole('support', 'responsible')).toBe('responsible');
    expect(strongerRole('lead', 'responsible')).toBe('lead');
  });

  it('counts roles and the total', () => {
    const tasks = [
      task('t1', [unit('a', 'lead')]),
      task('t2', [unit('a', 'support')]),
      task('t3', [unit('a', 'support')]),
      task('t4', [unit('a', 'responsible')]),
    ];
    expect(countRoles(assignmentsByDepartment(tasks).get('a') ?? [])).toEqual({ lead: 1, support: 2, responsible: 1, total: 4 });
  });
});

describe('responsibility matrix', () => {
  it('has a row per department with tasks and a cell per plan, in the given orders', () => {
    const plans = [plan('p-a01', 1), plan('p-a02', 2)];
    const tasks = [
      task('t1', [unit('a', 'lead'), unit('b', 'support')], { documentId: 'p-a01' }),
      task('t2', [unit('a', 'support')], { documentId: 'p-a02' }),
    ];
    const rows = responsibilityMatrix([department('c'), department('b'), department('a')], plans, tasks);
    expect(rows.map((row) => row.department.id)).toEqual(['b', 'a']);
    const a = rows[1];
    expect(a?.cells.map((cell) => [cell.documentId, cell.counts.lead, cell.counts.support])).toEqual([
      ['p-a01', 1, 0],
      ['p-a02', 0, 1],
    ]);
    expect(a?.total.total).toBe(2);
    expect(rows[0]?.cells[1]?.counts.total).toBe(0);
  });
});

describe('deadline buckets', () => {
  it('lists months ascending, a task under each of its months, then 持续推进, 定期 and none', () => {
    const tasks = [
      task('late', [unit('a', 'lead')], { deadline: { raw: '2022年12月', kind: 'date', months: ['2022-12'], continuing: false, label: '' } }),
      task('both', [unit('a', 'lead')], { deadline: { raw: '2022年6月、12月', kind: 'date', months: ['2022-06', '2022-12'], continuing: false, label: '' } }),
      task('none', [unit('a', 'lead')], { deadline: { raw: null, kind: 'none', months: [], continuing: false, label: '' } }),
      task('cont', [unit('a', 'lead')], { deadline: { raw: '持续推进', kind: 'continuous', months: [], continuing: true, label: '' } }),
      task('quarter', [unit('a', 'lead')], { deadline: { raw: '每季度', kind: 'periodic', months: [], continuing: false, label: '' } }),
    ];
    const buckets = deadlineBuckets(tasks);
    expect(buckets.map((b) => [b.key, b.tasks.map((t) => t.id)])).toEqual([
      ['2022-06', ['both']],
      ['2022-12', ['late', 'both']],
      ['continuous', ['cont']],
      ['periodic', ['quarter']],
      ['none', ['none']],
    ]);
  });

  it('files a task with months under its months even when it also says 持续推进', () => {
    const t = task('x', [unit('a', 'lead')], { deadline: { raw: '2022年6月，持续推进', kind: 'date', months: ['2022-06'], continuing: true, label: '' } });
    expect(deadlineBuckets([t]).map((b) => b.key)).toEqual(['2022-06']);
  });
});

describe('repairs where they apply', () => {
  const repair = (id: string, line: number, endLine: number, documentId = 'd') => ({
    id,
    documentId,
    kind: 'duplicate' as const,
    before: 'x',
    after: 'x',
    note: 'n',
    source: { file: 'f.txt', line, endLine },
  });

  it('finds repairs of the document whose lines overlap the span, in source order', () => {
    const repairs = [repair('r2', 12, 12), repair('r1', 8, 10), repair('r3', 20, 21), repair('other', 10, 10, 'e')];
    expect(repairsWithin(repairs, 'd', { file: 'f.txt', line: 10, endLine: 12 }).map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('treats spans of different files as disjoint', () => {
    expect(spansOverlap({ file: 'a', line: 1, endLine: 5 }, { file: 'b', line: 1, endLine: 5 })).toBe(false);
    expect(spansOverlap({ file: 'a', line: 1, endLine: 5 }, { file: 'a', line: 5, endLine: 9 })).toBe(true);
    expect(spansOverlap({ file: 'a', line: 1, endLine: 4 }, { file: 'a', line: 5, endLine: 9 })).toBe(false);
  });
});

describe('CSV', () => {
  it('starts with a BOM, ends rows with CRLF and quotes fields with commas, quotes or line breaks', () => {
    const csv = toCsv([
      ['名称', '说明'],
      ['市发改委', '牵头，"重点"'],
      ['a,b', '第一行\n第二行'],
      [1, 'plain'],
    ]);
    expect(csv).toBe('\uFEFF名称,说明\r\n市发改委,"牵头，""重点"""\r\n"a,b","第一行\n第二行"\r\n1,plain\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(toCsv([['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', 'a=b'], [-3]])).toBe(
      `\uFEFF"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1),a=b\r\n-3\r\n`,
    );
  });
});
