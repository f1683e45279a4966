/**
 * The few parts of Pagefind's browser API the search page uses, loaded from the site's own
 * bundle (`<base>pagefind/pagefind.js`) on first use.
 */

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, unknown> }): Promise<{ results: PagefindResult[] } | null>;
}

let loading: Promise<PagefindApi> | undefined;

/** Loads and initialises Pagefind once; every caller shares the same instance. */
export function loadPagefind(base: string): Promise<PagefindApi> {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    // The index stores base-free URLs (it is built from dist/): prefix them with the base.
    await api.options({ baseUrl: base, excerptLength: 40 });
    await api.init();
    return api;
  })();
  return loading;
}

/** Pagefind's filter argument: OR among the values of one filter, AND across filters. */
export function pagefindFilters(filters: Partial<Record<string, string[]>>): Record<string, { any: string[] }> {
  const result: Record<string, { any: string[] }> = {};
  for (const [key, values] of Object.entries(filters)) {
    if (values && values.length > 0) result[key] = { any: values };
  }
  return result;
}
