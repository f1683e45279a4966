import { describe, expect, it } from 'vitest';
import { findMentions } from '../../scripts/ingest/mentions.ts';
import { loadDepartments } from '../../scripts/ingest/registry/departments.ts';
import { loadIndicators } from '../../scripts/ingest/registry/indicators.ts';
import { createUnitResolver } from '../../scripts/ingest/registry/resolve.ts';
import { document, paragraph } from './support/model-builder.ts';

const registry = loadDepartments('content/data/departments.yaml');
const indicatorEntries = loadIndicators('content/data/indicators.yaml');
const resolver = createUnitResolver(registry.departments, { jurisdictions: registry.jurisdictions });

/** Mentions found in one paragraph of a report of `jurisdiction`. */
function mentionsIn(text: string, jurisdiction = '商丘市', kind: 'report' | 'special-plan' = 'report') {
  const doc = document({ id: 'r', kind, jurisdiction, blocks: [paragraph('r-b1', text, 1)] });
  return findMentions({
    documents: [doc],
    tasks: [],
    tables: [],
    summaryRows: [],
    indicatorEntries,
    departments: registry.departments,
    resolver,
  });
}
const indicatorsIn = (text: string) => mentionsIn(text).filter((m) => m.kind === 'indicator').map((m) => m.targetId);
const departmentsIn = (text: string, jurisdiction?: string) =>
  mentionsIn(text, jurisdiction).filter((m) => m.kind === 'department').map((m) => m.targetId);

describe('indicator mentions', () => {
  it('does not read 用电 inside 推广应用电子证照 or 使用电子 as 获得电力', () => {
    expect(indicatorsIn('推广应用电子证照，高频使用电子证照。')).toEqual([]);
  });

  it('does not read 通关 inside 打通关键环节 as 跨境贸易', () => {
    expect(indicatorsIn('打通关键环节，提升服务质效。')).toEqual([]);
  });

  it('does not read 入学 inside 深入学习 as 基本公共服务群众满意度', () => {
    expect(indicatorsIn('在中心组集中学习时带头深入学习。')).toEqual([]);
  });

  it('does not read 消费者权益保护 as 企业权益保护, nor 运用电视 as 获得电力 (002:695, 002:3343…, 004:328)', () => {
    expect(indicatorsIn('综合运用电视、网络等媒体，开展“3.15”消费者权益保护日宣传。')).toEqual([]);
    expect(indicatorsIn('依法保护企业合法权益，加强企业权益保护。')).toEqual(['protecting-enterprise-rights']);
  });

  it('does not read 外资 inside 境外资本市场, 开标 inside 公开标准, or 用工 inside 聘用工作人员 / 信用工作', () => {
    expect(indicatorsIn('鼓励企业到香港等境外资本市场上市，公开标准，事业单位聘用工作人员，发挥社会信用工作主管部门作用。')).toEqual([
      'credit-environment',
    ]);
  });

  it('does not read the 研发 of a product or tool (信贷产品, 小程序, 管控工具) as 创新创业活跃度, but reads 研发投入 and 研发活动', () => {
    expect(indicatorsIn('加大信贷产品的研发力度，大力研发推广小微信用贷款产品，研发线上管控工具，创新研发专属信贷产品。').filter((id) => id === 'innovation-and-entrepreneurship')).toEqual([]);
    expect(indicatorsIn('扎实推进规上工业企业研发活动全覆盖，全市研发投入强度提升。')).toEqual(['innovation-and-entrepreneurship']);
  });

  it('does not count unit names that contain an indicator name', () => {
    expect(indicatorsIn('市市场监管局、市行政审批和政务信息管理局、国家税务总局商丘市税务局参加。')).toEqual([]);
  });

  it('reads the longer name first: 劳动力市场监管 is not also 市场监管', () => {
    expect(indicatorsIn('加强劳动力市场监管。')).toEqual(['labour-market-regulation']);
  });

  it('does not let the unit name 市政府 hide 政府采购 in 平顶山市政府采购', () => {
    expect(indicatorsIn('平顶山市政府采购优化提升专项行动方案')).toEqual(['government-procurement']);
  });

  it('finds the names the reports use: 登记财产 (004:648), 缴纳税费 (004:1114), 知识产权创造运用和保护 (004:984)', () => {
    expect(indicatorsIn('我市登记财产指标排名靠前。')).toEqual(['registering-property']);
    expect(indicatorsIn('2021年缴纳税费指标评价中')).toEqual(['paying-taxes']);
    expect(indicatorsIn('知识产权创造运用和保护指标')).toEqual(['intellectual-property']);
  });

  it('finds every indicator 西平县 names at 001:29', () => {
    const text =
      '政务服务指标、开办企业指标、获得用气指标、获得用水指标、获得信贷指标、信用环境指标、蓝天碧水净土森林指标均有提升。';
    expect(indicatorsIn(text).sort()).toEqual(
      ['credit-environment', 'ecological-environment', 'getting-credit', 'getting-gas', 'getting-water', 'government-services', 'starting-a-business'].sort(),
    );
  });

  it('gives one mention per passage and indicator, with the first term and an excerpt', () => {
    const [mention, ...rest] = mentionsIn('开办企业时间压缩至0.5个工作日，开办企业实现零成本。').filter((m) => m.kind === 'indicator');
    expect(rest).toEqual([]);
    expect(mention).toMatchObject({ id: 'r-b1-starting-a-business', term: '开办企业', blockId: 'r-b1', documentId: 'r' });
    expect(mention!.excerpt).toContain('开办企业时间压缩至0.5个工作日');
  });
});

describe('department mentions', () => {
  it('reads 市财政局 in a 商丘 report as 商丘’s bureau', () => {
    expect(departmentsIn('市财政局牵头落实。')).toEqual(['sq-czj']);
  });

  it('reads 市委 in the 西平县 report as 驻马店市委 and 县委 as 西平’s own', () => {
    expect(departmentsIn('落实省委、市委部署，西平县委、县政府高度重视。', '西平县')).toEqual(['ha-sw', 'zmd-sw', 'xp-xw', 'xp-xzf']);
  });

  it('prefers the longest name: 国家税务总局商丘市税务局 is the tax bureau, not 税务总局', () => {
    expect(departmentsIn('国家税务总局商丘市税务局持续优化办税服务。')).toEqual(['sq-swj']);
  });

  it('leaves generic collectives (泛指) out', () => {
    expect(departmentsIn('税务部门、财政部门协同推进。')).toEqual([]);
  });

  it('does not look for departments in plans, whose units are in their 责任单位 fields', () => {
    expect(mentionsIn('市财政局牵头。', '平顶山市', 'special-plan').filter((m) => m.kind === 'department')).toEqual([]);
  });
});
