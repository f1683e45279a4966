import type { PolicyDocument, UnitRole, SourceSpan } from '../schemas/index.ts';

/** Chinese label of a unit's role in a task, as the chips show it. */
export function roleLabel(role: UnitRole): string {
  return role === 'lead' ? '牵头' : role === 'support' ? '配合' : '负责';
}

/** Role order used everywhere lists are sorted by role: lead, then responsible, then support. */
export const ROLE_ORDER: readonly UnitRole[] = ['lead', 'responsible', 'support'];

/** The 文档类型 label of a document kind (also the Pagefind filter value). */
export function documentKindLabel(kind: PolicyDocument['kind']): string {
  switch (kind) {
    case 'overall-plan':
      return '总体行动方案';
    case 'special-plan':
      return '专项行动方案';
    case 'bulletin':
      return '工作通报';
    case 'report':
      return '汇报与报告';
    case 'summary-table':
      return '问题整改汇总表';
    case 'department-report':
      return '部门整改报告';
  }
}

/** True for the kinds that live under /plans/ (they carry tasks). */
export function isPlanKind(kind: PolicyDocument['kind']): boolean {
  return kind === 'overall-plan' || kind === 'special-plan';
}

/**
 * The short name of a plan: its title without the jurisdiction prefix, the year and the generic
 * suffix (`平顶山市获得电力专项行动方案` → `获得电力`). Falls back to the full title when
 * nothing would be left.
 */
export function planShortName(doc: Pick<PolicyDocument, 'title' | 'jurisdiction' | 'kind'>): string {
  if (doc.kind === 'overall-plan') return '总体行动方案';
  let name = doc.title.trim();
  if (name.startsWith(doc.jurisdiction)) name = name.slice(doc.jurisdiction.length);
  name = name.replace(/^\d{4}年/, '');
  name = name.replace(/(?:优化提升)?(?:专项)?行动(?:方案|计划)$/, '');
  name = name.replace(/(?:营商环境)?(?:专项)?(?:提升)?$/, '');
  return name.length > 0 ? name : doc.title;
}

/** The 方案 label of a plan (`附件4 获得电力`): the sidebar label and the Pagefind filter value. */
export function planLabel(doc: Pick<PolicyDocument, 'title' | 'jurisdiction' | 'kind' | 'attachment'>): string {
  const name = planShortName(doc);
  return doc.attachment === null ? name : `附件${doc.attachment} ${name}`;
}

/** How an attachment is listed under its document: `附件3 ` and its title, or a department report's issuer. */
export function attachmentLabel(doc: Pick<PolicyDocument, 'attachment' | 'kind' | 'issuer' | 'title'>): string {
  const name = doc.kind === 'department-report' ? doc.issuer : doc.title;
  return doc.attachment === null ? name : `附件${doc.attachment} ${name}`;
}

/** `原文第12行` or `原文第12–14行`: the citation printed next to every fact. */
export function lineCitation(span: Pick<SourceSpan, 'line' | 'endLine'>): string {
  return span.endLine > span.line ? `原文第${span.line}–${span.endLine}行` : `原文第${span.line}行`;
}

/** `2022-06` → `2022年6月`. */
export function monthLabel(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`not a year-month: ${month}`);
  return `${match[1]}年${Number(match[2])}月`;
}

/** Formats an ISO date that may be partial (`2022`, `2022-11`, `2022-11-02`) in Chinese. */
export function dateLabel(date: string): string {
  const [year, month, day] = date.split('-');
  if (!year) return date;
  let label = `${year}年`;
  if (month) label += `${Number(month)}月`;
  if (day) label += `${Number(day)}日`;
  return label;
}
