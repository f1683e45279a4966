/**
 * Broken-link check of a served site with linkinator: every page reachable from the start
 * URL, every link, image, script and stylesheet, and every in-page anchor (`#id`) checked
 * against the server-rendered HTML of its target page (linkinator's `checkFragments`).
 */
import { check, LinkState } from 'linkinator';

export interface BrokenLink {
  url: string;
  status: number | undefined;
  /** The page that links to it. */
  parent: string | undefined;
  reason: string;
}

export interface LinkReport {
  /** Links checked (unique link/parent pairs, as linkinator counts them). */
  checked: number;
  /** Links outside the site, not checked (this machine has no internet). */
  external: string[];
  broken: BrokenLink[];
}

export async function checkSiteLinks(startUrl: string): Promise<LinkReport> {
  const origin = new URL(startUrl).origin;
  const external = new Set<string>();
  const result = await check({
    path: startUrl,
    recurse: true,
    checkFragments: true,
    checkCss: true,
    redirects: 'allow',
    concurrency: 8,
    timeout: 30_000,
    linksToSkip: async (link) => {
      let url: URL;
      try {
        url = new URL(link);
      } catch {
        return false;
      }
      if (url.protocol === 'data:') return true;
      if (url.origin === origin) return false;
      external.add(link);
      return true;
    },
  });
  const broken = result.links
    .filter((link) => link.state === LinkState.BROKEN)
    .map((link) => ({
      url: link.url,
      status: link.status,
      parent: link.parent,
      reason: (link.failureDetails ?? []).map((detail) => (detail instanceof Error ? detail.message : `HTTP ${detail.status}`)).join('; '),
    }));
  return { checked: result.links.length, external: [...external].sort(), broken };
}

export function formatBrokenLinks(broken: readonly BrokenLink[], limit = 50): string {
  const lines = broken.slice(0, limit).map((b) => `${b.status ?? '-'} ${b.url}  (on ${b.parent ?? '?'})${b.reason ? ` ${b.reason}` : ''}`);
  if (broken.length > limit) lines.push(`… and ${broken.length - limit} more`);
  return lines.join('\n');
}
