import { describe, expect, it } from 'vitest';
import type { PolicyTable } from '../../src/schemas/index.ts';
import { linkPlans, sentences, targetsOf } from '../../scripts/ingest/linking.ts';
import { loadDepartments } from '../../scripts/ingest/registry/departments.ts';
import { loadIndicators, toIndicator } from '../../scripts/ingest/registry/indicators.ts';
import { document, paragraph, span, task } from './support/model-builder.ts';

const { departments } = loadDepartments('content/data/departments.yaml');
const indicatorEntries = loadIndicators('content/data/indicators.yaml');

function link(titles: string[], overallTasks: { title: string; text: string }[] = [], overallParagraphs: string[] = []) {
  const overall = document({
    id: 'p-a01',
    kind: 'overall-plan',
    title: '平顶山市2022年营商环境优化提升总体行动方案',
    attachment: 1,
    blocks: overallParagraphs.map((text, i) => paragraph(`p-a01-b${i + 1}`, text, i + 1)),
  });
  const specials = titles.map((title, i) =>
    document({ id: `p-a${String(i + 2).padStart(2, '0')}`, kind: 'special-plan', title, attachment: i + 2, blocks: [] }),
  );
  const tasks = overallTasks.map((t, i) => task({ id: `p-a01-t${i + 1}`, documentId: 'p-a01', plan: 1, title: t.title, text: t.text }));
  const indicators = indicatorEntries.map(toIndicator);
  const documents = [overall, ...specials];
  linkPlans({ documents, tasks, tables: [], indicatorEntries, indicators, departments });
  return { documents, tasks, indicators };
}

describe('linking plans and indicators', () => {
  it('links a plan to the indicator its title names, also by an alias (缴纳税费 → 纳税, 企业开办 → 开办企业)', () => {
    const { documents } = link(['平顶山市缴纳税费优化提升专项行动方案', '平顶山市企业开办优化提升专项行动方案']);
    expect(documents.map((d) => d.indicatorIds)).toEqual([[], ['paying-taxes'], ['starting-a-business']]);
  });

  it('links a 包容普惠创新 plan to its sub-indicator, and the parent to all such plans', () => {
    const { documents, indicators } = link(['平顶山市包容普惠创新（创新创业活跃度）优化提升专项行动方案', '平顶山市包容普惠创新（人才流动便利度）优化提升专项行动方案']);
    expect(documents.slice(1).map((d) => d.indicatorIds)).toEqual([['innovation-and-entrepreneurship'], ['talent-mobility']]);
    expect(indicators.find((i) => i.id === 'inclusive-innovation')!.planIds).toEqual(['p-a02', 'p-a03']);
    expect(indicators.find((i) => i.id === 'talent-mobility')!.planIds).toEqual(['p-a03']);
  });

  it('reads 劳动力市场监管 in a title as that indicator, not 市场监管', () => {
    const { documents } = link(['平顶山市劳动力市场监管优化提升专项行动方案']);
    expect(documents[1]!.indicatorIds).toEqual(['labour-market-regulation']);
  });

  it('relates overall-plan tasks to the special plans covering the same ground (A1 36.–39. ≈ A24)', () => {
    const { tasks } = link(
      ['平顶山市包容普惠创新（蓝天碧水净土森林覆盖率）优化提升专项行动方案', '平顶山市获得用水优化提升专项行动方案', '平顶山市获得用气优化提升专项行动方案'],
      [
        { title: '打赢蓝天保卫战。', text: '打赢蓝天保卫战。加快工业企业深度治理。' },
        { title: '持续推进城乡绿化建设。', text: '持续推进城乡绿化建设。深入开展国土绿化提速行动。' },
        { title: '提升供水供气效率。', text: '提升供水供气效率。整合优化水、气报装流程。' },
        { title: '提高数据共享服务能力。', text: '提高数据共享服务能力。建立数据共享协调机制。' },
      ],
    );
    expect(tasks.map((t) => t.relatedPlanIds)).toEqual([['p-a02'], ['p-a02'], ['p-a03', 'p-a04'], []]);
    expect(tasks[0]!.indicatorIds).toEqual(['ecological-environment']);
  });

  it('takes goal sentences of the overall plan that name an indicator, clause by clause', () => {
    const { indicators } = link([], [], ['2022年底，全市各项指标提升7%以上。其中：开办企业、纳税等9项指标提升11%以上；办理破产等指标提升5%以上。']);
    const goals = (id: string) => indicators.find((i) => i.id === id)!.goals.map((g) => g.text);
    expect(goals('starting-a-business')).toEqual(['其中：开办企业、纳税等9项指标提升11%以上；']);
    expect(goals('resolving-insolvency')).toEqual(['办理破产等指标提升5%以上。']);
    expect(goals('bidding')).toEqual([]);
  });

  it('takes, from a 主要目标 paragraph, goal sentences that discuss an indicator by keyword (用电报装 → 获得电力)', () => {
    const overall = document({
      id: 'p-a01',
      kind: 'overall-plan',
      title: '平顶山市2022年营商环境优化提升总体行动方案',
      attachment: 1,
      blocks: [
        { id: 'p-a01-b1', type: 'paragraph', role: 'intro', text: '主要目标：2022年底前，普通高压客户参与用电报装不超过4个环节。破产案件收回债务所需时间缩短为0.5年。', source: span(1) },
        paragraph('p-a01-b2', '提升用电报装效率，推进破产审判。', 2),
      ],
    });
    const indicators = indicatorEntries.map(toIndicator);
    linkPlans({ documents: [overall], tasks: [], tables: [], indicatorEntries, indicators, departments });
    const goals = (id: string) => indicators.find((i) => i.id === id)!.goals.map((g) => `${g.blockId} ${g.text}`);
    expect(goals('getting-electricity')).toEqual(['p-a01-b1 主要目标：2022年底前，普通高压客户参与用电报装不超过4个环节。']);
    expect(goals('resolving-insolvency')).toEqual(['p-a01-b1 破产案件收回债务所需时间缩短为0.5年。']);
  });

  it('splits text into sentences and clauses', () => {
    expect(sentences('一是加强。二是推进；三是落实')).toEqual(['一是加强。', '二是推进；', '三是落实']);
  });
});

describe('targets from indicator tables', () => {
  const cell = (text: string, line: number) => ({ text, colspan: 1, rowspan: 1, source: span(line) });
  const table = (roles: PolicyTable['columnRoles'], rows: string[][]): PolicyTable => ({
    id: 't-tbl1',
    documentId: 't',
    caption: null,
    captionPosition: 'none',
    unitNote: null,
    header: [roles.map((r, i) => cell(r, 1 + i))],
    rows: rows.map((r, ri) => r.map((text, ci) => cell(text, 10 + ri * 10 + ci))),
    notes: [],
    columnRoles: roles,
    source: span(1, 40),
  });

  it('reads a row per target by the column roles', () => {
    const targets = targetsOf(table(['metric', 'current', 'target-2022-06', 'target-2022-12', 'frontier', 'deadline'], [['办理时间', '1个工作日', '0.5个工作日', '0.5个工作日', '0.5个工作日', '2022.12']]));
    expect(targets).toEqual([
      {
        metric: '办理时间',
        current: '1个工作日',
        june2022: '0.5个工作日',
        december2022: '0.5个工作日',
        frontier: '0.5个工作日',
        deadline: '2022.12',
        tableId: 't-tbl1',
        documentId: 't',
        source: span(10, 15),
      },
    ]);
  });

  it('takes an 升级版目标 column as the year-end target', () => {
    expect(targetsOf(table(['metric', 'current', 'target'], [['纳税时间', '120小时', '100小时']]))[0]!.december2022).toBe('100小时');
  });

  it('names a target per cell by its column header and the unit when the headers are the measures', () => {
    const t4 = { ...table(['target', 'target'], [['≤20', '≤30']]), unitNote: '单位：工作日' };
    t4.header = [[cell('线路T接或新、改建架空线路', 1), cell('新建变电站间隔', 2)]];
    expect(targetsOf(t4).map((t) => [t.metric, t.december2022])).toEqual([
      ['线路T接或新、改建架空线路（工作日）', '≤20'],
      ['新建变电站间隔（工作日）', '≤30'],
    ]);
  });

  it('keeps the word of a summary row (合计) with its measure', () => {
    const rows = [['1', '工程地质勘察', '7'], ['合计', '5个环节', '25个工作日']];
    expect(targetsOf(table(['index', 'metric', 'target-2022-12'], rows)).map((t) => t.metric)).toEqual(['工程地质勘察', '合计（5个环节）']);
  });

  it('gives no targets for a table without a measure or without values (a list of 环节)', () => {
    expect(targetsOf(table(['index', 'target-2022-12', 'target-2022-12'], [['1', '工程地质勘察', '7']]))).toEqual([]);
    expect(targetsOf(table(['metric', 'other'], [['高压', '5天']]))).toEqual([]);
  });
});
