/**
 * Small clean sources, resolved by the real registries, that the fault and encoding tests break
 * in one way each. Each builds cleanly as it stands (faults.test.ts checks that first).
 */
import type { ManifestEntry } from '../../src/schemas/index.ts';

/** A plan package of 平顶山市: overall plan (附件1) with one task, special plan (附件2) with two tasks and a table. */
export const PLAN_TEXT = [
  '平顶山市测试优化提升总体行动方案', // 1
  '一、总体要求', // 2
  '坚持问题导向。', // 3
  '二、主要任务', // 4
  '1.推行企业开办一网通办。压缩开办时间。', // 5
  '时间节点：2022年12月底前', // 6
  '责任单位：市市场监管局牵头，市税务局配合', // 7
  '附件2', // 8
  '平顶山市测试专项行动方案', // 9
  '一、工作目标', // 10
  '压缩办税时间。', // 11
  '二、重点任务', // 12
  '（一）合并申报。推行综合申报。', // 13
  '时间节点：2022年12月', // 14
  '责任单位：市税务局', // 15
  '（二）简并征期。依法简并部分税种征期。', // 16
  '时间节点：2022年6月', // 17
  '责任单位：市税务局、市财政局', // 18
  '三、指标对比', // 19
  '\t序号', // 20
  '\t指标', // 21
  '\t2021年现状', // 22
  '\t2022年目标', // 23
  '', // 24
  '\t1', // 25
  '\t开办时间', // 26
  '\t3天', // 27
  '\t1天', // 28
  '四、保障措施', // 29
  '加强组织领导。', // 30
].join('\n');

export const PLAN_ENTRY: ManifestEntry = {
  id: 'pds-test-plans',
  file: 'plans.txt',
  kind: 'plan-package',
  title: '平顶山市测试行动方案',
  issuer: '平顶山市',
  jurisdiction: '平顶山市',
  date: '2022',
  split: { attachmentMarker: '^附件(\\d+)$', firstAttachment: 1 },
};

/** A 商丘市 report with a summary table (附件1) and two department reports. */
export const REPORT_TEXT = [
  '商丘市人民政府', // 1
  '', // 2
  '关于优化营商环境执法检查问题整改情况的报告', // 3
  '', // 4
  '一、总体推进情况', // 5
  '', // 6
  '市政府高度重视优化营商环境工作。', // 7
  '', // 8
  '附件 1', // 9
  '', // 10
  '商丘市优化营商环境执法检查问题整改情况汇总表', // 11
  '', // 12
  '序号\t执法检查报告中提出的问题\t检查组提出的意见建议及市人大常委会委员提出的审议意见\t整改落实情况\t责任单位', // 13
  '1\t<p>企业“融资难、融资贵”问题依然突出。</p>\t<p>加大金融支持。</p>\t<p>1.建立政银企对接机制。</p>\t<p>市金融工作局等</p>', // 14
  '', // 15
  '商丘市金融工作局 关于贯彻实施优化营商环境条例暨 执法检查问题整改情况的报告', // 16
  '', // 17
  '一、存在问题及原因', // 18
  '', // 19
  '小微企业融资难、融资贵问题仍然存在。', // 20
  '', // 21
  '商丘市科学技术局 关于贯彻实施优化营商环境条例暨 执法检查问题整改情况的报告', // 22
  '', // 23
  '一、主要工作及成效', // 24
  '', // 25
  '科技创新组织领导更加有力。', // 26
].join('\n');

export const REPORT_ENTRY: ManifestEntry = {
  id: 'sq-test-report',
  file: 'report.txt',
  kind: 'report',
  title: '关于优化营商环境执法检查问题整改情况的报告',
  issuer: '商丘市人民政府',
  addressee: '商丘市人大常委会',
  jurisdiction: '商丘市',
  date: '2022-11-02',
  split: {
    summaryTable: { marker: '^附件\\s*1$' },
    departmentReports: { titlePattern: '^(?<unit>\\S+) 关于贯彻实施优化营商环境条例暨 执法检查问题整改情况的报告$', firstAttachment: 2 },
  },
};

/** A 平顶山市 bulletin. */
export const BULLETIN_TEXT = [
  '优化营商环境工作通报', // 1
  '', // 2
  '第 63 期', // 3
  '', // 4
  '全市优化营商环境工作情况通报', // 5
  '', // 6
  '一、总体情况', // 7
  '', // 8
  '全市营商环境持续优化，市发展改革委牵头推进各项工作。', // 9
].join('\n');

export const BULLETIN_ENTRY: ManifestEntry = {
  id: 'pds-test-bulletin',
  file: 'bulletin.txt',
  kind: 'bulletin',
  title: '全市优化营商环境工作情况通报',
  series: '优化营商环境工作通报',
  issue: 63,
  issuer: '平顶山市优化营商环境工作领导小组办公室',
  jurisdiction: '平顶山市',
  date: '2021-05-20',
};

/** Replaces line `n` (1-based) of a text; `null` deletes it, an array inserts several. */
export function withLine(text: string, n: number, replacement: string | string[] | null): string {
  const lines = text.split('\n');
  lines.splice(n - 1, 1, ...(replacement === null ? [] : Array.isArray(replacement) ? replacement : [replacement]));
  return lines.join('\n');
}
