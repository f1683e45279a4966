/**
 * Whole-corpus behaviour on the real 2022 平顶山 plan package (seed 002), with a resolver that
 * accepts any name (the registry-backed check lives in corpus-registry.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema, DocumentSchema, TaskSchema, PolicyTableSchema, RepairSchema, DiagnosticSchema, type ManifestEntry } from '../../../src/schemas/index.ts';
import { decodeSource, type SourceText } from '../core/source-text.ts';
import { parsePlanPackage, type PlanPackageResult } from './index.ts';
import { checkLossless } from './lossless-check.ts';
import { splitResponsibility } from './responsibility.ts';
import { fakeContext } from './test-support/fixture.ts';

const sources = join(import.meta.dirname, '../../../content/sources');
let entry: ManifestEntry;
let text: SourceText;
let result: PlanPackageResult;

beforeAll(() => {
  const manifest = ManifestSchema.parse(parse(readFileSync(join(sources, 'manifest.yaml'), 'utf8')));
  entry = manifest.documents.find((d) => d.kind === 'plan-package')!;
  text = decodeSource(entry.file, readFileSync(join(sources, entry.file)));
  result = parsePlanPackage(entry, text, fakeContext());
});

const task = (id: string) => {
  const found = result.tasks.find((t) => t.id === `pds-2022-plans-${id}`);
  if (!found) throw new Error(`no task ${id}`);
  return found;
};
const units = (id: string) => task(id).units.map((u) => `${u.role}:${u.name}`);

describe('the 2022 平顶山 plan package', () => {
  it('yields output that the model schemas accept', () => {
    for (const d of result.documents) DocumentSchema.parse(d);
    for (const t of result.tasks) TaskSchema.parse(t);
    for (const t of result.tables) PolicyTableSchema.parse(t);
    for (const r of result.repairs) RepairSchema.parse(r);
    for (const d of result.diagnostics) DiagnosticSchema.parse(d);
    expect(result.summaryRows).toEqual([]);
  });

  it('splits into the overall plan and 28 special plans, each titled as printed', () => {
    expect(result.documents).toHaveLength(29);
    expect(result.documents.map((d) => d.attachment)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    expect(result.documents[0]).toMatchObject({ kind: 'overall-plan', title: '平顶山市2022年营商环境优化提升总体行动方案', parentId: null });
    for (const d of result.documents.slice(1)) {
      expect(d.kind).toBe('special-plan');
      expect(d.parentId).toBe('pds-2022-plans-a01');
      expect(d.title).toMatch(/^平顶山市.+优化提升专项行动方案$/u);
    }
  });

  it('rejoins the 14 titles printed over two lines, including those split inside parentheses', () => {
    expect(result.documents.find((d) => d.attachment === 23)!.title).toBe('平顶山市包容普惠创新（基本公共服务群众满意度）优化提升专项行动方案');
    expect(result.documents.find((d) => d.attachment === 14)!.title).toBe('平顶山市劳动力市场监管优化提升专项行动方案');
    const split = result.documents.filter((d) => {
      const printedOn = text.lines.slice(d.source.line - 1, d.source.line + 6).filter((l) => d.title.includes(l.trim()) && l.trim() !== '');
      return printedOn.length > 1;
    });
    expect(split).toHaveLength(14);
  });

  it('finds 422 tasks: the 420 numbered items plus the two further paragraphs of 附件3 （十）', () => {
    expect(result.tasks).toHaveLength(422);
    const perPlan = Object.fromEntries(
      Array.from({ length: 29 }, (_, i) => [i + 1, result.tasks.filter((t) => t.plan === i + 1).length]),
    );
    expect(perPlan).toEqual({
      1: 51, 2: 10, 3: 12, 4: 15, 5: 8, 6: 8, 7: 6, 8: 18, 9: 22, 10: 17, 11: 29, 12: 6, 13: 15, 14: 17, 15: 19,
      16: 20, 17: 19, 18: 5, 19: 9, 20: 4, 21: 15, 22: 8, 23: 23, 24: 4, 25: 9, 26: 4, 27: 23, 28: 20, 29: 6,
    });
  });

  it('reads 408 field blocks, 356 of them with a 时间节点', () => {
    const blocks = new Map(result.tasks.map((t) => [`${t.fieldSource.line}`, t]));
    expect(blocks.size).toBe(408);
    expect([...blocks.values()].filter((t) => t.deadline.raw !== null)).toHaveLength(356);
    expect(text.lines.filter((l) => /^责任单位\s*[:：]/u.test(l.trim()))).toHaveLength(408);
  });

  it('gives every task a unique stable id derived from its printed number path', () => {
    expect(new Set(result.tasks.map((t) => t.id)).size).toBe(result.tasks.length);
    expect(task('a04-t1-2')).toMatchObject({ number: '2.', numberPath: ['三、', '（一）', '2.'] });
    expect(task('a01-t4-49')).toMatchObject({ number: '49 .' });
    expect(task('a20-t1')).toMatchObject({ number: '（１）' });
    expect(task('a23-t23')).toMatchObject({ number: '（二十三）' });
    expect(task('a09-t1-11')).toMatchObject({ number: '11.' });
  });

  it('gives each task exactly the units its 责任单位 text names', () => {
    for (const t of result.tasks) {
      const expected = splitResponsibility(t.unitsRaw).map((u) => `${u.role}:${u.name}`);
      expect(t.units.map((u) => `${u.role}:${u.name}`)).toEqual(expected);
      expect(t.units.length).toBeGreaterThan(0);
      expect(text.lines[t.fieldSource.endLine - 1]).toContain(t.unitsRaw);
    }
  });

  it('names 1258 units over the 408 field blocks: 103 blocks with a lead, 1 with supporters only, 304 jointly responsible', () => {
    const blocks = [...new Map(result.tasks.map((t) => [t.fieldSource.line, t])).values()];
    expect(blocks.reduce((sum, t) => sum + t.units.length, 0)).toBe(1258);
    const kinds = blocks.map((t) => {
      const roles = new Set(t.units.map((u) => u.role));
      if (roles.has('lead')) return 'lead';
      return [...roles].join('+');
    });
    expect(kinds.filter((k) => k === 'lead')).toHaveLength(103);
    expect(kinds.filter((k) => k === 'support')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'responsible')).toHaveLength(304);
  });

  it('reads two lead groups in 附件24 （三） (L3199)', () => {
    expect(task('a24-t3').fieldSource.endLine).toBe(3199);
    expect(units('a24-t3')).toEqual(['lead:市生态环境局', 'lead:市农业农村局', 'lead:市自然资源和规划局', 'support:市发展改革委', 'support:市住房和城乡建设局']);
  });

  it('reads 附件17 （一）2. (L2451) as support-only: 配合 and no 牵头', () => {
    expect(task('a17-t1-2').fieldSource.endLine).toBe(2451);
    expect(task('a17-t1-2').units.every((u) => u.role === 'support')).toBe(true);
  });

  it('reads 附件20 `牵头、` and 附件18 lists without a role word after the lead', () => {
    expect(units('a20-t1')).toEqual(['lead:市科技局', 'support:市直相关部门']);
    expect(task('a18-t3').fieldSource.endLine).toBe(2650);
    expect(units('a18-t3')[0]).toBe('lead:市市场监督管理局');
    expect(units('a18-t3').slice(1).every((u) => u.startsWith('support:'))).toBe(true);
  });

  it('applies one field block to every numbered task it closes (附件11 （五）, 附件25 （一）)', () => {
    const shared = result.tasks.filter((t) => t.sharedFields);
    expect(shared.map((t) => t.id.replace('pds-2022-plans-', ''))).toEqual([
      ...['1', '2', '3', '4', '5', '6'].map((n) => `a11-t5-${n}`),
      ...['1', '2', '3'].map((n) => `a11-t7-${n}`),
      ...['1', '2', '3', '4'].map((n) => `a11-t9-${n}`),
      ...['1', '2', '3'].map((n) => `a25-t1-${n}`),
      ...['1', '2', '3'].map((n) => `a25-t5-${n}`),
    ]);
    expect(new Set(shared.filter((t) => t.id.includes('a11-t5-')).map((t) => t.fieldSource.line))).toEqual(new Set([1552]));
  });

  it('keeps the sub-items （1）–（4） of 附件4 （一）2. inside their parent task', () => {
    const parent = task('a04-t1-2');
    expect(parent.text).toContain('（1）部门联动例会机制。');
    expect(parent.text).toContain('（4）平台统筹建设机制。');
    expect(result.tasks.some((t) => t.number === '（1）')).toBe(false);
  });

  it('makes the unnumbered paragraphs of 附件3 （十） tasks of their own', () => {
    expect(task('a03-t10-p2')).toMatchObject({ number: '', unitsRaw: '市人民防空办公室' });
    expect(task('a03-t10-p3').unitsRaw).toBe('市财政局，各县（市、区）人民政府');
  });

  it('reads the unnumbered item between 2. and 4. of 附件17 （一） as the missing 3.', () => {
    expect(task('a17-t1-p3').text).toBe('持续优化服务流程，全面推行“一件事一次办”。\n\n落地实施。');
    expect(task('a17-t1-p3').title).toBe('持续优化服务流程，全面推行“一件事一次办”。');
    expect(result.repairs.find((r) => r.kind === 'missing-number' && r.source.line === 2452)).toBeDefined();
  });

  it('places a （x） task beside its sibling sections, in their common parent (附件11 （十）, 附件25 （二）–（四）)', () => {
    expect(task('a11-t9-4').sectionId).toBe('pds-2022-plans-a11-s3-9');
    expect(task('a11-t10').sectionId).toBe('pds-2022-plans-a11-s3');
    for (const id of ['a25-t2', 'a25-t3', 'a25-t4']) expect(task(id).sectionId).toBe('pds-2022-plans-a25-s3');
    expect(task('a25-t5-1').sectionId).toBe('pds-2022-plans-a25-s3-5');
  });

  it('gives every task the deepest section heading printed above it on its number path', () => {
    const sections = new Map(result.documents.flatMap((d) => d.blocks).flatMap((b) => (b.type === 'heading' ? [[b.id, b] as const] : [])));
    for (const t of result.tasks) {
      if (t.sectionId === null) continue;
      const section = sections.get(t.sectionId)!;
      expect(section.source.line).toBeLessThan(t.source.line);
      // The section's printed number is on the task's path (a sibling's number would not be).
      if (section.number !== null) expect(t.numberPath).toContain(section.number);
    }
  });

  it('labels the 时间节点 that tie dates to conditions by date and scope (L1123, L2164, L2473)', () => {
    const labels = new Map(result.tasks.filter((t) => t.deadline.kind === 'compound').map((t) => [t.fieldSource.line, t.deadline.label]));
    expect(labels.get(1123)).toBe('2022年6月（试点）、2022年12月');
    expect(labels.get(2164)).toBe('2022年3月（市级）、2022年12月（县级）');
    expect(labels.get(2473)).toBe('2022年4月（数据普查）');
    for (const label of labels.values()) expect(label.length).toBeLessThanOrEqual(24);
  });

  it('shows the sentence printed twice at L2692 once and keeps the doubled text in a repair', () => {
    const repair = result.repairs.find((r) => r.kind === 'duplicate')!;
    expect(repair).toMatchObject({ before: '强力推进“互联网+监管”。强力推进“互联网+监管”。', after: '强力推进“互联网+监管”。', source: { line: 2692 } });
    expect(task('a19-t3').text.startsWith('强力推进“互联网+监管”。强力推进')).toBe(false);
  });

  it('flags the fragment 落地实施。 (L2454) whose preceding text the source lost', () => {
    expect(result.repairs.filter((r) => r.kind === 'lost-text').map((r) => `${r.source.line} ${r.before}`)).toEqual(['2454 落地实施。']);
  });

  it('turns the editorial flags of the manifest into typo repairs of the plans that print them', () => {
    const flags = result.repairs.filter((r) => r.kind === 'typo-flag');
    expect(flags).toHaveLength(entry.flags?.length ?? 0);
    expect(flags.find((r) => r.before === '河南省人民办公厅')).toMatchObject({ documentId: 'pds-2022-plans-a04', source: { line: 604 } });
    for (const flag of flags) expect(flag.after).toBe(flag.before);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('rejoins the paragraphs cut by page breaks and records each join', () => {
    const joins = result.repairs.filter((r) => r.kind === 'page-break-join').map((r) => `${r.source.line}-${r.source.endLine}`);
    expect(joins).toEqual(['506-507', '508-510', '581-583', '588-589', '604-606', '607-609', '613-615', '684-686', '1957-1959', '2061-2063']);
    expect(task('a04-t2-1').text).toContain('用地范围内，2021年3月1日后通过出让或划拨等方式取得土地使用权的项目');
  });

  it('marks the seven level-1 sections printed without a number', () => {
    const missing = result.repairs.filter((r) => r.kind === 'missing-number' && r.source.line !== 2452);
    expect(missing.map((r) => `${r.source.line} ${r.after}`)).toEqual([
      '11 二、总体目标',
      '309 四、指标对比',
      '700 一、工作要求',
      '1676 五、保障措施',
      '2713 四、指标对比',
      '2754 一、总体要求',
      '2758 二、工作目标',
    ]);
  });

  it('keeps section intros such as 主要目标： as paragraphs, not tasks', () => {
    const intros = result.documents.flatMap((d) => d.blocks).filter((b) => b.type === 'paragraph' && b.role === 'intro');
    expect(intros.map((b) => b.source.line)).toEqual(expect.arrayContaining([21, 90, 131, 164, 1113, 1183, 1539, 3746]));
  });

  it('rebuilds the 17 tables with their row counts', () => {
    expect(result.tables.map((t) => `${t.documentId.slice(-3)} ${t.rows.length}`)).toEqual([
      'a02 3', 'a03 3', 'a03 6', 'a04 1', 'a04 2', 'a05 2', 'a06 2', 'a07 4', 'a09 4', 'a10 5', 'a11 8', 'a13 7', 'a15 5', 'a17 5', 'a19 2', 'a28 5', 'a29 4',
    ]);
    expect(result.tables.reduce((sum, t) => sum + t.rows.length, 0)).toBe(68);
    for (const t of result.tables) for (const row of t.rows) expect(row.length).toBe(t.columnRoles.length);
  });

  it('reads the targets of the 办理建筑许可 and 获得电力 tables (A3 表2, A4 ×2)', () => {
    const roles = (id: string) => result.tables.find((t) => t.id === `pds-2022-plans-${id}`)!.columnRoles;
    // A3 表2: 2022年底 spans 序号, 环节 and 时间; the 环节 column names the steps.
    expect(roles('a03-tbl2')).toEqual(['index', 'metric', 'target-2022-12']);
    // A4: the caption says 目标; the first table's header cells are the measures.
    expect(roles('a04-tbl1')).toEqual(['target', 'target', 'target', 'target']);
    // The second: 合计办理时间 is the target, its steps and 现行国家规定时限 are not.
    expect(roles('a04-tbl2')).toEqual(['metric', 'other', 'other', 'other', 'other', 'other', 'other', 'target', 'other', 'other']);
  });

  it('places each table in its document as a table block', () => {
    for (const t of result.tables) {
      const document = result.documents.find((d) => d.id === t.documentId)!;
      expect(document.blocks.some((b) => b.type === 'table' && b.tableId === t.id)).toBe(true);
    }
  });

  it('attaches the displaced endnotes to 附件4 as footnotes', () => {
    const a04 = result.documents.find((d) => d.attachment === 4)!;
    const notes = a04.blocks.filter((b) => b.type === 'footnote');
    expect(notes).toHaveLength(12);
    expect(notes.map((b) => b.source.line)).toEqual([3823, 3826, 3829, 3832, 3835, 3838, 3841, 3844, 3847, 3850, 3853, 3856]);
    expect(result.repairs.filter((r) => r.kind === 'replacement-character')).toHaveLength(12);
    expect(result.repairs.filter((r) => r.kind === 'relocated')).toHaveLength(12);
    expect(result.documents.find((d) => d.attachment === 29)!.blocks.some((b) => b.type === 'footnote')).toBe(false);
  });

  it('accounts for every non-whitespace character of the source', () => {
    const report = checkLossless(text, result);
    expect(report.missing).toEqual([]);
    expect(report.covered).toBe(report.total);
  });

  it('explains its findings with file:line diagnostics', () => {
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual([
      'task-missing-deadline pingdingshan-2022-action-plans.txt:270',
      'missing-number pingdingshan-2022-action-plans.txt:2452',
      'lost-text pingdingshan-2022-action-plans.txt:2454',
    ]);
  });
});
