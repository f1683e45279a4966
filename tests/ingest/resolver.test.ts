import { describe, expect, it } from 'vitest';
import { loadDepartments } from '../../scripts/ingest/registry/departments.ts';
import { createUnitResolver } from '../../scripts/ingest/registry/resolve.ts';

const registry = loadDepartments('content/data/departments.yaml');
const make = () => createUnitResolver(registry.departments, { jurisdictions: registry.jurisdictions });
const at = { file: 'test.txt', line: 7 };

describe('resolving unit names', () => {
  it('reads 市财政局 as the finance bureau of the document’s own city', () => {
    const resolver = make();
    expect(resolver.resolve('市财政局', '平顶山市', at)?.id).toBe('pds-czj');
    expect(resolver.resolve('市财政局', '商丘市', at)?.id).toBe('sq-czj');
  });

  it('reads 市委 and 市人大 in the 西平县 report as those of 驻马店, and 县委 as 西平县’s own', () => {
    const resolver = make();
    expect(resolver.searchOrder('西平县')).toEqual(['西平县', '驻马店市', '河南省', '国家', '国际']);
    expect(resolver.resolve('市委', '西平县', at)?.id).toBe('zmd-sw');
    expect(resolver.resolve('市人大', '西平县', at)?.id).toBe('zmd-rd');
    expect(resolver.resolve('县委', '西平县', at)?.id).toBe('xp-xw');
  });

  it('finds provincial and national bodies from any city', () => {
    const resolver = make();
    expect(resolver.resolve('省委', '商丘市', at)?.id).toBe('ha-sw');
    expect(resolver.resolve('国务院', '平顶山市', at)?.id).toBe('cn-gwy');
  });

  it('maps every spelling of one unit to one entry', () => {
    const resolver = make();
    for (const name of ['市发展改革委', '市发改委', '市发展和改革委员会', '市发改委（市铁路办）']) {
      expect(resolver.resolve(name, '平顶山市', at)?.id).toBe('pds-fgw');
    }
    for (const name of ['各县（市、区）人民政府', '各县（市、区）政府', '各县（市、区）']) {
      expect(resolver.resolve(name, '平顶山市', at)?.id).toBe('pds-xq-zf');
    }
    expect(resolver.resolve('各县（市）人民政府', '平顶山市', at)?.id).toBe('pds-xs-zf');
  });

  it('ignores whitespace and character width, and nothing else', () => {
    const resolver = make();
    expect(resolver.resolve('市人力资源 社会保障局', '商丘市', at)?.id).toBe('sq-rsj');
    expect(resolver.resolve('各县(市、区)人民政府', '平顶山市', at)?.id).toBe('pds-xq-zf');
    expect(resolver.resolve('市财政', '商丘市', at)).toBeNull();
  });

  it('does not find a unit of another city', () => {
    const resolver = make();
    expect(resolver.resolve('市行政审批和政务信息管理局', '平顶山市', at)).toBeNull();
    expect(resolver.resolve('平顶山海关', '商丘市', at)).toBeNull();
  });

  it('collects every unresolved name with file:line and stops the build listing all of them', () => {
    const resolver = make();
    resolver.resolve('市不存在局', '平顶山市', { file: 'plans.txt', line: 12 });
    resolver.resolve('市财政局', '平顶山市', { file: 'plans.txt', line: 13 });
    resolver.resolve('市另一个局', '商丘市', { file: 'report.txt', line: 99 });
    expect(resolver.unresolved()).toEqual([
      { name: '市不存在局', jurisdiction: '平顶山市', file: 'plans.txt', line: 12 },
      { name: '市另一个局', jurisdiction: '商丘市', file: 'report.txt', line: 99 },
    ]);
    expect(() => resolver.assertAllResolved()).toThrow(
      /plans\.txt:12: unit "市不存在局" is not in content\/data\/departments\.yaml for 平顶山市 → 河南省 → 国家 → 国际[\s\S]*report\.txt:99: unit "市另一个局"/,
    );
  });

  it('resolves every unit string of the 002 responsibility fields, the A19 table and 004’s summary table and titles', () => {
    const resolver = make();
    const pingdingshan = [
      '市政务服务和大数据局', '市政务服务和大数据管理局', '市中院', '市中级法院', '市法院', '人行平顶山市中心支行', '人民银行平顶山中心支行',
      '平顶山银保监分局', '市银保监分局', '城乡一体化示范区', '高新区管委会', '市住房和城乡建设局（市房产事务服务中心）', '市直相关部门',
      '相关部门', '市场监管领域相关部门', '全市行政执法部门', '全市部门联合“双随机、一公开”联席会议制度成员单位', '有关县（市、区）政府',
    ];
    for (const name of pingdingshan) resolver.resolve(name, '平顶山市', at);
    const shangqiu = [
      '市政府', '市发展改革委', '市工业和信息化局', '市税务局', '市人力资源社会保障局', '市行政审批和政务信息管理局', '市住房城乡建设局',
      '国网商丘供电公司', '人行商丘市中心支行', '商丘市银保监分局', '市应急局', '市中级人民法院', '市检察院', '国家税务总局商丘市税务局',
      '商丘市人力资源和社会保障局', '商丘市市场监督管理局', '商丘市人民政府', '商丘市人大常委会',
    ];
    for (const name of shangqiu) expect(resolver.resolve(name, '商丘市', at)?.jurisdiction).toBe('商丘市');
    expect(resolver.unresolved()).toEqual([]);
  });
});
