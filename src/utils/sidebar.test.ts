import { describe, expect, it } from 'vitest';
import { documentLinks, type SidebarDocument } from './sidebar.ts';

const doc = (sourceId: string, n: number): SidebarDocument => ({ sourceId, label: `${sourceId}${n}`, order: n, href: `/plans/${sourceId}-a0${n}/` });
const documents = [doc('b', 2), doc('a', 2), doc('a', 1), doc('b', 1)];
const index = { label: '全部行动方案', href: '/plans/' };

describe('document links of the sidebar', () => {
  it('lists every document in sidebar order while within the limit, marking the current page', () => {
    const links = documentLinks(documents, { currentPath: '/plans/b-a01/', currentSource: 'b', limit: 4, index });
    expect(links.map((l) => l.href)).toEqual(['/plans/a-a01/', '/plans/b-a01/', '/plans/a-a02/', '/plans/b-a02/']);
    expect(links.filter((l) => l.isCurrent).map((l) => l.href)).toEqual(['/plans/b-a01/']);
  });

  it('lists only the current source’s documents beyond the limit, then the index', () => {
    const links = documentLinks(documents, { currentPath: '/plans/b-a02/', currentSource: 'b', limit: 3, index });
    expect(links.map((l) => l.href)).toEqual(['/plans/b-a01/', '/plans/b-a02/', '/plans/']);
  });

  it('lists only the index on pages of no source beyond the limit', () => {
    const links = documentLinks(documents, { currentPath: '/departments/', currentSource: undefined, limit: 3, index });
    expect(links.map((l) => l.label)).toEqual(['全部行动方案']);
  });
});
