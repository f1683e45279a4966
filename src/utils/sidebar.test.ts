import { describe, expect, it } from 'vitest';
import { pruneSidebar, type Entry } from './sidebar.ts';

const link = (href: string, label = href) => ({ type: 'link' as const, label, href, isCurrent: false, badge: undefined, attrs: {} });
const group = (label: string, entries: Entry[]) => ({ type: 'group' as const, label, entries, collapsed: false, badge: undefined });

const sidebar: Entry[] = [
  link('/'),
  group('查阅', [link('/departments/')]),
  group('行动方案', [link('/plans/a-a01/'), link('/plans/a-a02/'), link('/plans/b-a01/'), link('/plans/b-a02/')]),
];
const sourceOf = (href: string) => /^\/plans\/([a-z])-/.exec(href)?.[1];

describe('sidebar pruning', () => {
  it('keeps every document while the count is within the limit', () => {
    expect(pruneSidebar(sidebar, { sourceOf, currentSource: 'a', limit: 4, indexLinkFor: () => undefined })).toBe(sidebar);
  });

  it('keeps only the current source’s documents beyond the limit, plus the index link', () => {
    const pruned = pruneSidebar(sidebar, {
      sourceOf,
      currentSource: 'b',
      limit: 3,
      indexLinkFor: (label) => (label === '行动方案' ? { label: '全部行动方案', href: '/plans/' } : undefined),
    });
    const plans = pruned[2];
    expect(plans?.type === 'group' && plans.entries.map((e) => (e.type === 'link' ? e.href : e.label))).toEqual([
      '/plans/b-a01/',
      '/plans/b-a02/',
      '/plans/',
    ]);
    expect(pruned[1]).toEqual(sidebar[1]);
    expect(pruned[0]).toEqual(sidebar[0]);
  });

  it('lists no documents on pages that belong to no source', () => {
    const pruned = pruneSidebar(sidebar, { sourceOf, currentSource: undefined, limit: 3, indexLinkFor: () => ({ label: '全部', href: '/plans/' }) });
    const plans = pruned[2];
    expect(plans?.type === 'group' && plans.entries.map((e) => e.label)).toEqual(['全部']);
  });
});
