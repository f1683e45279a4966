/**
 * The search page keeps its whole state in the URL (`?q=…&dept=…`), so a search can be shared,
 * bookmarked and revisited with the back button. Filters use ASCII parameter names
 * (FILTER_PARAMS); a filter may repeat (`dept=a&dept=b`: either department).
 */
import { FILTER_KEYS, FILTER_PARAMS, type FilterKey } from './index-format.ts';

export type SearchEngineMode = 'exact' | 'pagefind';

export interface SearchState {
  /** The query as typed. */
  q: string;
  /** Selected values per filter. */
  filters: Partial<Record<FilterKey, string[]>>;
  /**
   * `pagefind` shows Pagefind's own results in Pagefind's order, without the exact-match layer;
   * it exists so the benchmark can compare both on the same page.
   */
  engine: SearchEngineMode;
}

export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Partial<Record<FilterKey, string[]>> = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(FILTER_PARAMS[key]).map((value) => value.trim()).filter(Boolean))];
    if (values.length > 0) filters[key] = values;
  }
  return { q: params.get('q') ?? '', filters, engine: params.get('engine') === 'pagefind' ? 'pagefind' : 'exact' };
}

/** `?q=…&type=…` for a state (empty values left out, filters in a fixed order). */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const key of FILTER_KEYS) {
    for (const value of state.filters[key] ?? []) params.append(FILTER_PARAMS[key], value);
  }
  if (state.engine === 'pagefind') params.set('engine', 'pagefind');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return writeSearchState(a) === writeSearchState(b);
}

/**
 * Link to a result's landing place that asks the page to highlight what was searched
 * (`?highlight=` repeated per term, handled by highlight.ts), then jumps to the anchor.
 */
export function landingUrl(base: string, pageUrl: string, anchor: string | undefined, highlights: readonly string[]): string {
  const params = new URLSearchParams();
  for (const text of highlights) if (text) params.append('highlight', text);
  const query = params.toString();
  return `${base}${pageUrl}${query ? `?${query}` : ''}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}
