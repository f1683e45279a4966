import { describe, expect, it } from 'vitest';
import { splitResponsibility, splitOutsideBrackets } from './responsibility.ts';

const roles = (value: string) => splitResponsibility(value).map((u) => `${u.role}:${u.name}`);

describe('splitResponsibility reads who leads and who supports', () => {
  it('makes the unit marked 牵头 the lead and everyone after it a supporter', () => {
    expect(roles('市政务服务和大数据局牵头，各县（市、区）政府，市直相关部门配合')).toEqual([
      'lead:市政务服务和大数据局',
      'support:各县（市、区）政府',
      'support:市直相关部门',
    ]);
  });

  it('never splits inside brackets such as 各县（市、区）', () => {
    expect(splitOutsideBrackets('各县（市、区）人民政府、市财政局', '、')).toEqual(['各县（市、区）人民政府', '市财政局']);
    expect(roles('市教体局，各县（市、区）人民政府')).toEqual(['responsible:市教体局', 'responsible:各县（市、区）人民政府']);
  });

  it('reads every unit before the last 牵头 of a group as a lead (A1 L189: three leads)', () => {
    expect(roles('市文化广电和旅游局、市卫健委、市民政局、市教体局牵头，市直相关部门按职责分工负责')).toEqual([
      'lead:市文化广电和旅游局',
      'lead:市卫健委',
      'lead:市民政局',
      'lead:市教体局',
      'support:市直相关部门',
    ]);
  });

  it('finds two lead groups in one field (A24 L3199)', () => {
    expect(roles('市生态环境局牵头，市农业农村局、市自然资源和规划局牵头，市发展改革委、市住房和城乡建设局按职责分工负责')).toEqual([
      'lead:市生态环境局',
      'lead:市农业农村局',
      'lead:市自然资源和规划局',
      'support:市发展改革委',
      'support:市住房和城乡建设局',
    ]);
  });

  it('reads 牵头 followed by 、 as the end of the lead group (A20)', () => {
    expect(roles('市科技局牵头、市直相关部门按职责分工负责')).toEqual(['lead:市科技局', 'support:市直相关部门']);
  });

  it('makes units after a lead supporters even without a role word (A18)', () => {
    expect(roles('市市场监督管理局牵头，市教体局、市科技局、市工信局、市人社局')).toEqual([
      'lead:市市场监督管理局',
      'support:市教体局',
      'support:市科技局',
      'support:市工信局',
      'support:市人社局',
    ]);
  });

  it('makes everyone a supporter when 配合 appears without any 牵头 (A17 L2451)', () => {
    expect(roles('各县（市、区）人民政府，城乡一体化示范区、高新区管委会，市直相关部门配合')).toEqual([
      'support:各县（市、区）人民政府',
      'support:城乡一体化示范区管委会',
      'support:高新区管委会',
      'support:市直相关部门',
    ]);
  });

  it('reads 城乡一体化示范区、高新区管委会 as two 管委会 and keeps the printed item as raw', () => {
    const items = splitResponsibility('各县（市、区）人民政府，城乡一体化示范区、高新区管委会');
    expect(items.map((u) => [u.raw, u.name])).toEqual([
      ['各县（市、区）人民政府', '各县（市、区）人民政府'],
      ['城乡一体化示范区', '城乡一体化示范区管委会'],
      ['高新区管委会', '高新区管委会'],
    ]);
  });

  it('makes every unit jointly responsible when no role word is used', () => {
    expect(roles('市中院、市检察院、市公安局')).toEqual(['responsible:市中院', 'responsible:市检察院', 'responsible:市公安局']);
    expect(roles('市住建局、市水利局、市交通运输局、市发展改革委、市公共资源交易中心等按职责分工落实')).toEqual([
      'responsible:市住建局',
      'responsible:市水利局',
      'responsible:市交通运输局',
      'responsible:市发展改革委',
      'responsible:市公共资源交易中心',
    ]);
  });

  it('treats units after 负责落实 or a bare list following a lead as supporters (A3 L415)', () => {
    expect(roles('市财政局牵头，市水利局、市自然资源和规划局、市城市管理局等部门配合，各县（市、区）人民政府')).toEqual([
      'lead:市财政局',
      'support:市水利局',
      'support:市自然资源和规划局',
      'support:市城市管理局',
      'support:各县（市、区）人民政府',
    ]);
    expect(roles('市城管局牵头，各县（市、区）人民政府负责落实')).toEqual(['lead:市城管局', 'support:各县（市、区）人民政府']);
  });

  it('splits on 及, on 和 after 政府 and on 等 before 市直有关单位', () => {
    expect(roles('市市场监管局及相关部门、各县（市、区）政府')).toEqual(['responsible:市市场监管局', 'responsible:相关部门', 'responsible:各县（市、区）政府']);
    expect(roles('市发展改革委牵头，各县（市、区）政府和相关市直单位协同配合')).toEqual([
      'lead:市发展改革委',
      'support:各县（市、区）政府',
      'support:相关市直单位',
    ]);
    expect(roles('市司法局、市中院、市检察院、市公安局等市直有关单位')).toEqual([
      'responsible:市司法局',
      'responsible:市中院',
      'responsible:市检察院',
      'responsible:市公安局',
      'responsible:市直有关单位',
    ]);
  });

  it('strips vague tails (等相关部门, 根据行业管理职责分工负责) without adding a unit', () => {
    expect(roles('平顶山海关、市税务局等相关部门按职责分工负责')).toEqual(['responsible:平顶山海关', 'responsible:市税务局']);
    expect(roles('市民政局、市各有关部门根据行业管理职责分工负责，各县（市、区）人民政府')).toEqual([
      'responsible:市民政局',
      'responsible:市各有关部门',
      'responsible:各县（市、区）人民政府',
    ]);
  });

  it('keeps a parenthetical that belongs to the name for the registry to read', () => {
    expect(roles('市发改委（市铁路办）')).toEqual(['responsible:市发改委（市铁路办）']);
  });

  it('ignores spaces and reads half-width commas and semicolons as group breaks', () => {
    expect(roles('市商务局 , 市财政局; 平顶山海关')).toEqual(['responsible:市商务局', 'responsible:市财政局', 'responsible:平顶山海关']);
  });
});
