import { describe, expect, it } from 'vitest';
import { attachmentLabel, dateLabel, documentKindLabel, lineCitation, monthLabel, planLabel, planShortName, roleLabel } from './labels.ts';
import { plan } from './test-fixtures.ts';

describe('labels', () => {
  it('names roles as the chips show them', () => {
    expect([roleLabel('lead'), roleLabel('support'), roleLabel('responsible')]).toEqual(['牵头', '配合', '负责']);
  });

  it('lists an attachment by its number and title, a department report by its issuer', () => {
    expect(attachmentLabel(plan('a04', 4, { title: '平顶山市获得电力优化提升专项行动方案' }))).toBe('附件4 平顶山市获得电力优化提升专项行动方案');
    expect(attachmentLabel(plan('r3', 3, { kind: 'department-report', issuer: '商丘市财政局', title: '整改情况报告' }))).toBe('附件3 商丘市财政局');
    expect(attachmentLabel(plan('r0', 1, { attachment: null, title: '汇总表' }))).toBe('汇总表');
  });

  it('shortens plan titles to the subject and prefixes the attachment number', () => {
    const electricity = plan('a04', 4, { title: '平顶山市获得电力优化提升专项行动方案' });
    expect(planShortName(electricity)).toBe('获得电力');
    expect(planLabel(electricity)).toBe('附件4 获得电力');
    expect(planShortName(plan('a02', 2, { title: '平顶山市2022年企业开办专项行动方案' }))).toBe('企业开办');
    expect(planLabel(plan('a01', 1, { title: '平顶山市2022年营商环境优化提升总体行动方案' }))).toBe('附件1 总体行动方案');
  });

  it('falls back to the full title when nothing would be left', () => {
    expect(planShortName(plan('x', 5, { title: '平顶山市专项行动方案' }))).toBe('平顶山市专项行动方案');
  });

  it('cites one line or a range of lines', () => {
    expect(lineCitation({ line: 12, endLine: 12 })).toBe('原文第12行');
    expect(lineCitation({ line: 12, endLine: 14 })).toBe('原文第12–14行');
  });

  it('formats months and partial dates in Chinese', () => {
    expect(monthLabel('2022-06')).toBe('2022年6月');
    expect(() => monthLabel('2022')).toThrow();
    expect(dateLabel('2022')).toBe('2022年');
    expect(dateLabel('2021-05-20')).toBe('2021年5月20日');
    expect(documentKindLabel('department-report')).toBe('部门整改报告');
  });
});
