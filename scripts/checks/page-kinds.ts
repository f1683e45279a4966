/**
 * One page of each kind the site has, picked from a built site: the pages the browser
 * checks (accessibility, console errors, budgets) and the Lighthouse benchmark visit.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export const pageKinds = ['home', 'plan', 'department', 'directory', 'matrix', 'indicator', 'report', 'deadlines', 'search'] as const;
export type PageKind = (typeof pageKinds)[number];

/** Content pages: readable without JavaScript and held to the content-page JS budget. */
export const contentPageKinds: readonly PageKind[] = ['plan', 'department', 'indicator', 'report'];

export interface SitePage {
  kind: PageKind;
  /** Path relative to the site's base, e.g. `plans/pds-2022-plans-a04/` (with a query for search). */
  path: string;
}

/** Fixed pages, and for collections the page to prefer when it exists (else the first one). */
const fixedPages: Partial<Record<PageKind, string>> = {
  home: '',
  directory: 'departments/',
  matrix: 'matrix/',
  deadlines: 'deadlines/',
  search: 'search/?q=%E5%8D%95%E4%B8%80%E7%AA%97%E5%8F%A3',
};
const collections: Partial<Record<PageKind, { folder: string; prefer: string }>> = {
  // 附件4 获得电力: tasks, a target table and the relocated endnotes.
  plan: { folder: 'plans', prefer: 'pds-2022-plans-a04' },
  department: { folder: 'departments', prefer: 'pds-fgw' },
  indicator: { folder: 'indicators', prefer: 'getting-electricity' },
  // 商丘's report: the summary table and links to its department reports.
  report: { folder: 'reports', prefer: 'sq-2022-rectification' },
};

/** The representative page of every kind; throws naming the kinds the built site lacks. */
export async function findSitePages(distDir: string): Promise<SitePage[]> {
  const missing: string[] = [];
  const pages: SitePage[] = [];
  for (const kind of pageKinds) {
    const fixed = fixedPages[kind];
    if (fixed !== undefined) {
      const file = path.join(distDir, fixed.split('?')[0]!, 'index.html');
      if (existsSync(file)) pages.push({ kind, path: fixed });
      else missing.push(`${kind} (${path.relative(distDir, file)})`);
      continue;
    }
    const { folder, prefer } = collections[kind]!;
    const candidates = existsSync(path.join(distDir, folder))
      ? (await readdir(path.join(distDir, folder), { withFileTypes: true }))
          .filter((entry) => entry.isDirectory() && existsSync(path.join(distDir, folder, entry.name, 'index.html')))
          .map((entry) => entry.name)
          .sort()
      : [];
    const chosen = candidates.includes(prefer) ? prefer : candidates[0];
    if (chosen === undefined) missing.push(`${kind} (${folder}/*/index.html)`);
    else pages.push({ kind, path: `${folder}/${chosen}/` });
  }
  if (missing.length > 0) throw new Error(`The built site in ${distDir} has no page of kind: ${missing.join(', ')}`);
  return pages;
}
