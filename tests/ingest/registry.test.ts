import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchKey } from '../../scripts/ingest/registry/normalize.ts';
import { IngestErrors } from '../../scripts/ingest/core/errors.ts';
import { loadDepartments, parseDepartments } from '../../scripts/ingest/registry/departments.ts';
import { loadIndicators, parseIndicators } from '../../scripts/ingest/registry/indicators.ts';

const jurisdictions = `jurisdictions:
  - { name: 河南省, prefix: ha }
  - { name: 平顶山市, prefix: pds, parent: 河南省 }
  - { name: 商丘市, prefix: sq, parent: 河南省 }
`;

function errorsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof IngestErrors) return e.errors.map((x) => x.message);
    throw e;
  }
  throw new Error('expected the registry to be refused');
}

describe('the department registry', () => {
  it('loads the curated registry: every entry valid, ids unique, one meaning per alias and jurisdiction', () => {
    const { departments, jurisdictions } = loadDepartments('content/data/departments.yaml');
    expect(departments.length).toBeGreaterThan(200);
    expect(new Set(departments.map((d) => d.id)).size).toBe(departments.length);
    expect(jurisdictions.map((j) => j.name)).toEqual(expect.arrayContaining(['平顶山市', '商丘市', '西平县', '驻马店市', '河南省', '国家']));
  });

  it('keeps the 财政局 of 商丘 and of 平顶山 as two entities', () => {
    const { departments } = loadDepartments('content/data/departments.yaml');
    const finance = departments.filter((d) => d.name === '市财政局');
    expect(finance.map((d) => [d.id, d.jurisdiction]).sort()).toEqual([
      ['pds-czj', '平顶山市'],
      ['sq-czj', '商丘市'],
    ]);
  });

  it('lists only spellings that occur in the sources, and only units the sources name', () => {
    const { departments } = loadDepartments('content/data/departments.yaml');
    const corpus = readdirSync('content/sources')
      .filter((f) => f.endsWith('.txt'))
      .map((f) => matchKey(readFileSync(join('content/sources', f), 'utf8')))
      .join('\n');
    for (const d of departments) {
      for (const alias of d.aliases) expect(corpus.includes(matchKey(alias)), `${d.id}: alias ${alias}`).toBe(true);
      expect([d.name, d.fullName, ...d.aliases].some((n) => corpus.includes(matchKey(n))), d.id).toBe(true);
    }
  });

  it('names the line of an unknown kind and lists the allowed kinds', () => {
    const text = `${jurisdictions}departments:
  - id: pds-czj
    name: 市财政局
    fullName: 平顶山市财政局
    aliases: []
    kind: 财政部门
    jurisdiction: 平顶山市
`;
    const [message] = errorsOf(() => parseDepartments(text, 'departments.yaml'));
    expect(message).toMatch(/^departments\.yaml:10: department: kind "财政部门" is not allowed; expected one of 人民政府, 市直部门, /);
  });

  it('names the line of a duplicate id', () => {
    const text = `${jurisdictions}departments:
  - { id: pds-czj, name: 市财政局, fullName: 平顶山市财政局, aliases: [], kind: 市直部门, jurisdiction: 平顶山市 }
  - { id: pds-czj, name: 市税务局, fullName: 国家税务总局平顶山市税务局, aliases: [], kind: 中央驻地方单位, jurisdiction: 平顶山市 }
`;
    expect(errorsOf(() => parseDepartments(text, 'd.yaml'))).toEqual([
      'd.yaml:7: department pds-czj: id is already used at line 6 [duplicate-id]',
    ]);
  });

  it('refuses an alias claimed by two entries of one jurisdiction, naming both lines', () => {
    const text = `${jurisdictions}departments:
  - id: pds-fgw
    name: 市发展和改革委员会
    fullName: 平顶山市发展和改革委员会
    aliases: [市发改委]
    kind: 市直部门
    jurisdiction: 平顶山市
  - id: pds-fgw2
    name: 市发改
    fullName: 平顶山市发改
    aliases: [ 市发改委 ]
    kind: 市直部门
    jurisdiction: 平顶山市
`;
    expect(errorsOf(() => parseDepartments(text, 'd.yaml'))).toEqual([
      'd.yaml:15: department pds-fgw2: "市发改委" is already a name or alias of pds-fgw (line 9) in 平顶山市; one string must mean one unit per jurisdiction [alias-conflict]',
    ]);
  });

  it('allows the same alias in two jurisdictions', () => {
    const text = `${jurisdictions}departments:
  - { id: pds-czj, name: 市财政局, fullName: 平顶山市财政局, aliases: [], kind: 市直部门, jurisdiction: 平顶山市 }
  - { id: sq-czj, name: 市财政局, fullName: 商丘市财政局, aliases: [], kind: 市直部门, jurisdiction: 商丘市 }
`;
    expect(parseDepartments(text, 'd.yaml').departments.map((d) => d.id)).toEqual(['pds-czj', 'sq-czj']);
  });

  it('names missing fields, unknown fields, unknown jurisdictions and ids without the jurisdiction prefix', () => {
    const text = `${jurisdictions}departments:
  - id: pds-czj
    name: 市财政局
    aliases: []
    kind: 市直部门
    jurisdiction: 平顶山市
  - id: pds-gaj
    name: 市公安局
    fullName: 平顶山市公安局
    alias: [公安局]
    aliases: []
    kind: 市直部门
    jurisdiction: 平顶山市
  - { id: zmd-sw, name: 市委, fullName: 驻马店市委, aliases: [], kind: 党委部门, jurisdiction: 驻马店市 }
  - { id: sq-sw, name: 市委, fullName: 平顶山市委, aliases: [], kind: 党委部门, jurisdiction: 平顶山市 }
`;
    expect(errorsOf(() => parseDepartments(text, 'd.yaml'))).toEqual([
      'd.yaml:6: department: missing field `fullName` (string) [invalid-department]',
      'd.yaml:11: department: unknown field(s) `alias` [invalid-department]',
      'd.yaml:18: department zmd-sw: jurisdiction "驻马店市" is not listed under `jurisdictions`; expected one of 河南省, 平顶山市, 商丘市 [unknown-jurisdiction]',
      'd.yaml:19: department sq-sw: ids of 平顶山市 start with "pds-" [id-prefix]',
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    expect(() => parseDepartments('jurisdictions:\n  - { name: 河南省\nfoo', 'd.yaml')).toThrow(/^d\.yaml:\d+: is not valid YAML/);
  });
});

describe('the indicator registry', () => {
  it('has 28 leaf indicators and 包容普惠创新 as the parent of seven of them', () => {
    const entries = loadIndicators('content/data/indicators.yaml');
    const parentIds = new Set(entries.map((e) => e.parentId).filter((p) => p !== null));
    const leaves = entries.filter((e) => !parentIds.has(e.id));
    expect(leaves).toHaveLength(28);
    const parent = entries.find((e) => e.name === '包容普惠创新')!;
    expect(entries.filter((e) => e.parentId === parent.id).map((e) => e.name)).toEqual([
      '创新创业活跃度',
      '人才流动便利度',
      '市场开放度',
      '基本公共服务群众满意度',
      '蓝天碧水净土森林覆盖率',
      '综合立体交通指数',
      '产业链和产业集群指数',
    ]);
  });

  it('knows the names the texts use besides the evaluation names', () => {
    const entries = loadIndicators('content/data/indicators.yaml');
    const names = (id: string) => {
      const e = entries.find((x) => x.id === id)!;
      return [e.name, ...e.aliases];
    };
    expect(names('starting-a-business')).toEqual(expect.arrayContaining(['开办企业', '企业开办']));
    expect(names('paying-taxes')).toEqual(expect.arrayContaining(['纳税', '缴纳税费']));
    expect(names('registering-property')).toEqual(expect.arrayContaining(['不动产登记', '登记财产']));
    expect(names('intellectual-property')).toEqual(expect.arrayContaining(['知识产权', '知识产权创造运用和保护']));
  });

  it('keeps only aliases, keywords and exclusions that occur in the sources', () => {
    const corpus = readdirSync('content/sources')
      .filter((f) => f.endsWith('.txt'))
      .map((f) => matchKey(readFileSync(join('content/sources', f), 'utf8')))
      .join('\n');
    for (const e of loadIndicators('content/data/indicators.yaml')) {
      for (const term of [...e.aliases, ...e.keywords, ...e.exclude]) expect(corpus.includes(matchKey(term)), `${e.id}: ${term}`).toBe(true);
    }
  });

  const base = (extra: string) => `indicators:
  - id: getting-electricity
    name: 获得电力
    aliases: []
    keywords: [用电]
    exclude: [使用电子]
    group: 企业全生命周期
    parentId: null
${extra}`;

  it('refuses a term that points to two indicators', () => {
    const text = base(`  - { id: getting-water, name: 获得用水, aliases: [], keywords: [用电], exclude: [], group: g, parentId: null }
`);
    expect(errorsOf(() => parseIndicators(text, 'i.yaml'))).toEqual([
      'i.yaml:9: indicator getting-water: "用电" is already a term of getting-electricity (line 5); a term must point to one indicator [term-conflict]',
    ]);
  });

  it('refuses an exclusion that cannot exclude anything, and an unknown parent', () => {
    const text = base(`  - { id: talent, name: 人才流动便利度, aliases: [], keywords: [人才], exclude: [深入学习], group: g, parentId: innovation }
`);
    expect(errorsOf(() => parseIndicators(text, 'i.yaml'))).toEqual([
      'i.yaml:9: indicator talent: exclusion "深入学习" contains none of its terms, so it excludes nothing [useless-exclusion]',
      'i.yaml:9: indicator talent: parentId "innovation" is not an indicator id [unknown-parent]',
    ]);
  });
});
