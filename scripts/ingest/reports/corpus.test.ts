/**
 * Whole-corpus behaviour of the report parser on the four seed reports and bulletins.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticSchema, DocumentSchema, RepairSchema, SummaryRowSchema } from '../../../src/schemas/index.ts';
import { checkLossless } from './lossless.ts';
import { parseReport, type ReportParseResult } from './parse-report.ts';
import { loadManifest, loadSource, registryContext, type TestContext } from './test-support/corpus.ts';

const entries = loadManifest().filter((e) => e.kind === 'bulletin' || e.kind === 'report');
const parsed = new Map<string, { result: ReportParseResult; ctx: TestContext }>();
for (const entry of entries) {
  const ctx = registryContext(entry.jurisdiction);
  parsed.set(entry.id, { result: parseReport(entry, loadSource(entry), ctx), ctx });
}
const all = [...parsed.values()].map((p) => p.result);
const documents = all.flatMap((r) => r.documents);
const doc = (id: string) => {
  const found = documents.find((d) => d.id === id);
  if (!found) throw new Error(`no document ${id}`);
  return found;
};
const sq = parsed.get('sq-2022-rectification')!.result;
const metaOf = (id: string, label: string) => doc(id).meta.filter((m) => m.label === label).map((m) => m.value);
const repairsOf = (id: string, kind: string) => all.flatMap((r) => r.repairs).filter((r) => r.documentId === id && r.kind === kind);

describe('the seed reports and bulletins', () => {
  it('yield 21 documents from the 4 files, every one valid against the schemas', () => {
    expect(entries).toHaveLength(4);
    expect(documents.map((d) => d.id)).toEqual([
      'pds-bulletin-2021-63',
      'xp-2021-regulations-report',
      'pds-bulletin-2020-15',
      'sq-2022-rectification',
      'sq-2022-rectification-summary',
      ...Array.from({ length: 16 }, (_, i) => `sq-2022-rectification-d${String(i + 2).padStart(2, '0')}`),
    ]);
    for (const d of documents) DocumentSchema.parse(d);
    for (const r of all) {
      r.repairs.forEach((x) => RepairSchema.parse(x));
      r.diagnostics.forEach((x) => DiagnosticSchema.parse(x));
      r.summaryRows.forEach((x) => SummaryRowSchema.parse(x));
      expect(r.tasks).toEqual([]);
      expect(r.tables).toEqual([]);
    }
  });

  it('keeps every non-whitespace character of all four files (lossless 100 %)', () => {
    for (const entry of entries) {
      const report = checkLossless(loadSource(entry), parsed.get(entry.id)!.result);
      expect(report.missing, `${entry.file}`).toEqual([]);
      expect(report.covered).toBe(report.total);
      expect(report.total).toBeGreaterThan(2000);
    }
  });

  it('leaves no unit name unresolved and reports no errors', () => {
    for (const { result, ctx } of parsed.values()) {
      expect(ctx.unresolved).toEqual([]);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('gives every block an id that is unique within the corpus', () => {
    const ids = documents.flatMap((d) => d.blocks.map((b) => b.id));
    expect(new Set(ids).size).toBe(ids.length);
    const repairIds = all.flatMap((r) => r.repairs.map((x) => x.id));
    expect(new Set(repairIds).size).toBe(repairIds.length);
  });
});

describe('bulletin 第63期 (000)', () => {
  const id = 'pds-bulletin-2021-63';
  it('reads the masthead, issue, issuer, date, 报送, 抄送 and imprint as metadata', () => {
    expect(metaOf(id, '刊名')).toEqual(['优化营商环境工作通报']);
    expect(metaOf(id, '期号')).toEqual(['第 63 期']);
    expect(metaOf(id, '发文机关')).toEqual(['平顶山市优化营商环境工作领导小组办公室']);
    expect(metaOf(id, '日期')).toEqual(['2021 年 5 月 20 日']);
    expect(metaOf(id, '报送')).toEqual(['市优化营商环境工作领导小组第一组长、组长、各位副组长，省发改委营商环境建设处。']);
    expect(metaOf(id, '抄送')).toEqual(['市优化营商环境工作领导小组成员单位，市委督查室，市政府督查室。']);
    expect(metaOf(id, '印发')).toEqual(['平顶山市优化营商环境工作领导小组办公室 2021年5月20日印发']);
    // The issuer's registry id is filled in by the pipeline (cli.ts) with a non-recording lookup.
    expect(doc(id).issuerDepartmentId).toBeNull();
  });

  it('makes the six sections 一–六 siblings although markdown marks them ###, ##, ###, ####, ##, ##', () => {
    const headings = doc(id).blocks.filter((b) => b.type === 'heading');
    expect(headings.map((h) => [h.id, h.type === 'heading' && h.level])).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => [`${id}-s${n}`, 1]),
    );
    expect(doc(id).markup.map((m) => m.text)).toEqual(['#', '##', '###', '##', '###', '####', '##', '##', '---', '报送：', '---', '抄送：', '---']);
  });

  it('rejoins its 8 page-break splits, e.g. the number cut from its unit (示范机构 2 / 家)', () => {
    expect(repairsOf(id, 'page-break-join')).toHaveLength(8);
    const p49 = doc(id).blocks.find((b) => b.id === `${id}-b49`);
    expect(p49?.type === 'paragraph' && p49.text).toContain('示范机构 2家。');
  });
});

describe('the 西平县 report (001)', () => {
  const id = 'xp-2021-regulations-report';
  it('removes the letter-spacing of 汇 报 from the title and keeps the printed one in meta', () => {
    expect(doc(id).title).toBe('关于贯彻落实《优化营商环境条例》《河南省优化营商环境条例》工作开展情况的汇报');
    expect(metaOf(id, '标题')).toEqual(['关于贯彻落实《优化营商环境条例》《河南省优化营商环境条例》工作开展情况的 汇 报']);
    expect(metaOf(id, '日期')).toEqual(['(2021 年 9 月 16 日)']);
  });

  it('shows the duplicated closing paragraph once, keeping the truncated copy at line 35 in a repair', () => {
    const dup = repairsOf(id, 'duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.source.line).toBe(35);
    expect(dup[0]!.before).toMatch(/^虽然，我县优化营商环境工作取得一定成绩。.*提供坚强保障$/u);
    expect(doc(id).blocks.some((b) => b.source.line === 35)).toBe(false);
    expect(doc(id).blocks.find((b) => b.id === `${id}-b46`)).toMatchObject({ type: 'paragraph', source: { line: 46, endLine: 48 } });
  });

  it('reads run-in 1、 items as level-2 headings with the sentence up to 。 as title', () => {
    const h = doc(id).blocks.find((b) => b.id === `${id}-s1-1`);
    expect(h).toMatchObject({ type: 'heading', level: 2, number: '1、', title: '健全推进机制。' });
    expect(h?.type === 'heading' && h.runIn).toMatch(/^我们把优化营商环境作为“一把手工程”.*齐抓共管的良好局面。$/u);
  });

  it('strips the markdown bullets around 1、–4、 under 二、存在的问题', () => {
    expect(doc(id).markup.map((m) => [m.text, m.source.line])).toEqual([['-', 39], ['-', 40], ['-', 41], ['-', 42]]);
    expect(doc(id).blocks.filter((b) => b.id.startsWith(`${id}-s2-`))).toHaveLength(4);
  });
});

describe('bulletin 第15期 (003)', () => {
  const id = 'pds-bulletin-2020-15';
  it('reads the byline 市发展改革委 of the 汇报 carried by the bulletin', () => {
    expect(metaOf(id, '署名')).toEqual(['市发展改革委']);
    expect(doc(id).title).toBe('近期营商环境建设工作情况汇报');
  });
  it('nests （一）–（四） under 一、 only', () => {
    const headings = doc(id).blocks.flatMap((b) => (b.type === 'heading' ? [`${b.level}${b.number}`] : []));
    expect(headings).toEqual(['1一、', '2（一）', '2（二）', '2（三）', '2（四）', '1二、', '1三、', '1四、', '1五、', '1六、', '1七、']);
    expect(repairsOf(id, 'page-break-join')).toHaveLength(5);
  });
});

describe('the 商丘 report (004)', () => {
  const id = 'sq-2022-rectification';
  it('reads addressee, basis, date, disclosure note and the 17-item attachment list', () => {
    expect(metaOf(id, '主送')).toEqual(['市人大常委会']);
    expect(metaOf(id, '依据')).toEqual(['商人常办〔2022〕27号']);
    expect(metaOf(id, '日期')).toEqual(['2022 年 11 月 2 日']);
    expect(metaOf(id, '公开方式')).toEqual(['(此件依申请公开)']);
    const list = doc(id).meta.filter((m) => /^附件\d+$/.test(m.label));
    expect(list.map((m) => m.label)).toEqual(Array.from({ length: 17 }, (_, i) => `附件${i + 1}`));
    expect(list[0]!.value).toBe('商丘市优化营商环境执法检查问题整改情况汇总表');
  });

  it('warns that list item 7 lacks 条例 compared with the report’s own title line', () => {
    const mismatch = sq.diagnostics.filter((d) => d.code === 'attachment-title-mismatch');
    expect(mismatch.map((d) => d.line)).toEqual([91]);
  });

  it('nests 1. items under （一） under 二、 and rejoins the 11 page-break splits of the main report', () => {
    expect(doc(id).blocks.find((b) => b.id === `${id}-s2-1-3`)).toMatchObject({ level: 3, number: '3.', title: '聚焦重点专项整治。' });
    expect(repairsOf(id, 'page-break-join')).toHaveLength(11);
  });

  it('splits the file into the main report, the 附件1 summary table and 16 department reports', () => {
    const parts = documents.filter((d) => d.parentId === id);
    expect(parts.map((d) => [d.kind, d.attachment])).toEqual([
      ['summary-table', 1],
      ...Array.from({ length: 16 }, (_, i) => ['department-report', i + 2]),
    ]);
  });

  it('links each department report to the department named in its title line', () => {
    const depts = documents.filter((d) => d.kind === 'department-report').map((d) => d.departmentId);
    expect(depts).toEqual([
      'sq-fgw', 'sq-kjj', 'sq-gxj', 'sq-gaj', 'sq-czj', 'sq-rsj', 'sq-zrzy', 'sq-sthj',
      'sq-zjj', 'sq-jtysj', 'sq-yjj', 'sq-scjgj', 'sq-jrj', 'sq-spj', 'sq-swj', 'sq-gdgs',
    ]);
    expect(doc(`${id}-d02`).title).toBe('商丘市发展和改革委员会关于贯彻实施优化营商环境条例暨执法检查问题整改情况的报告');
    expect(metaOf(`${id}-d02`, '标题')).toEqual(['商丘市发展和改革委员会 关于贯彻实施优化营商环境条例暨 执法检查问题整改情况的报告']);
  });

  it('reads the summary table as 10 rows with their problems', () => {
    expect(sq.summaryRows.map((r) => r.problem)).toEqual([
      '《条例》和惠企政策宣传不够',
      '职能部门工作效率、服务水平有待进一步提高',
      '公用服务和硬件设施有待完善',
      '企业“融资难、融资贵”问题依然突出',
      '“双随机、一公开”和信用监管规范力度不够',
      '不动产登记数据共享不充分',
      '网上政务服务能力有待提升',
      '土地使用方面历史遗留问题解决难',
      '助企用工机制不够健全',
      '司法部门依法保护市场主体不够',
    ]);
    expect(repairsOf(`${id}-summary`, 'duplicate')).toHaveLength(9);
    expect(doc(`${id}-summary`).blocks).toEqual([
      expect.objectContaining({ type: 'table', tableId: `${id}-summary`, source: expect.objectContaining({ line: 111, endLine: 139 }) }),
    ]);
  });

  it('rejoins the wrap-broken unit names of rows 7 and 9 and resolves every 责任单位', () => {
    const rejoined = repairsOf(`${id}-summary`, 'unit-name-rejoined').map((r) => [r.before, r.after, r.source.line]);
    expect(rejoined).toEqual([
      ['市行政审批和 政务信息管理 局', '市行政审批和政务信息管理局', 130],
      ['市自然资源和 规划局', '市自然资源和规划局', 130],
      ['市人力资源 社会保障局', '市人力资源社会保障局', 136],
    ]);
    const row7 = sq.summaryRows[6]!;
    expect(row7.units.map((u) => u.id)).toEqual(['sq-szf', 'sq-spj', 'sq-scjgj', 'sq-zjj', 'sq-zrzy']);
    expect(sq.summaryRows[8]!.units.map((u) => u.id)).toEqual(['sq-szf', 'sq-rsj']);
  });

  it('splits 整改落实情况 at 一是/二是…, at 1. after 。, and at ①②③', () => {
    const counts = sq.summaryRows.map((r) => r.rectification.length);
    expect(counts).toEqual([3, 4, 1, 5, 3, 8, 2, 2, 4, 2]);
    expect(sq.summaryRows[4]!.rectification.map((p) => p.slice(0, 2))).toEqual(['1.', '2.', '3.']);
    expect(sq.summaryRows[5]!.rectification.some((p) => p.startsWith('①'))).toBe(true);
  });

  it('links each row to the department reports that answer it', () => {
    const short = (ids: string[]) => ids.map((x) => Number(x.slice(-2)));
    expect(sq.summaryRows.map((r) => short(r.departmentReportIds))).toEqual([
      [3, 4, 6, 7],
      [8, 9, 10, 15],
      [17],
      [14],
      [2, 9, 12, 13, 15],
      [5, 6, 8, 10, 16],
      [8, 13, 15],
      [6, 8],
      [7],
      [5],
    ]);
  });

  it('flags text lost at page breaks without inventing any', () => {
    const lost = sq.repairs.filter((r) => r.kind === 'lost-text').map((r) => [r.documentId.slice(-3), r.source.line]);
    expect(lost).toEqual(expect.arrayContaining([['d07', 428], ['d15', 1062], ['d15', 1066]]));
    for (const r of sq.repairs.filter((x) => x.kind === 'lost-text')) expect(r.after).toBe(r.before);
  });

  it('rejoins a sentence cut after a quoted phrase (91项“体外循环” / 的服务事项…, 附件7 lines 468/470)', () => {
    const item = doc(`${id}-d07`).blocks.find((b) => b.source.line === 468);
    expect(item).toMatchObject({ type: 'heading', number: '3.', source: { line: 468, endLine: 470 } });
    expect(item?.type === 'heading' && item.runIn).toContain('91项“体外循环”的服务事项进行了逐项逐环节深入梳理');
    expect(doc(`${id}-d07`).blocks.some((b) => b.source.line === 470)).toBe(false);
    expect(repairsOf(`${id}-d07`, 'page-break-join').map((r) => r.source.line)).toContain(468);
  });

  it('rejoins the heading split over two lines (（三）关于清理整顿…停 / 业措施的问题)', () => {
    expect(doc(`${id}-d10`).blocks.find((b) => b.source.line === 774)).toMatchObject({
      type: 'heading',
      number: '（三）',
      title: '关于清理整顿、专项整治采取普遍性停工、停产、停业措施的问题',
      source: { line: 774, endLine: 776 },
    });
  });
});

describe('editorial flags from the manifest', () => {
  it('turn each verified typo and lost fragment into a repair at the line that holds it, text unchanged', () => {
    const flagged = all.flatMap((r) => r.repairs).filter((r) => r.kind === 'typo-flag' || r.kind === 'lost-text');
    const at = (text: string) => flagged.find((r) => r.before === text);
    expect(at('下部工作打算')).toMatchObject({ kind: 'typo-flag', documentId: 'xp-2021-regulations-report', source: { line: 44 } });
    expect(at('在山日报')).toMatchObject({ kind: 'typo-flag', documentId: 'pds-bulletin-2020-15', source: { line: 63 } });
    expect(at('集中学习活')).toMatchObject({ kind: 'lost-text', documentId: 'sq-2022-rectification-d04', source: { line: 280 } });
    expect(at('线上线下载务服务')).toMatchObject({ documentId: 'sq-2022-rectification-summary', source: { line: 118 } });
    for (const r of flagged.filter((x) => x.kind === 'typo-flag')) expect(r.after).toBe(r.before);
  });
});
