/**
 * The search page's one inline script, placed in its <head> (src/pages/search/index.astro).
 *
 * It starts downloading the exact-match index and parsing its JSON while the browser is still
 * parsing the page and waiting for its styles. The page's own script is a module, which runs
 * only once the whole page is parsed; it takes the parsed index over from `window.kbSearchIndex`
 * (search-page.ts), so the first search needs only to prepare the engine.
 *
 * Its text depends only on the index URL (so on the base path). The policy that governs it is the
 * Content-Security-Policy header (scripts/checks/headers.ts hashes every inline script of the built
 * pages). Astro's CSP <meta> comes later in the head, so it does not apply to this script today;
 * astro.config.mjs still lists its hash, so that the script stays allowed if the order changes.
 *
 * In the benchmark's plain-Pagefind mode (`?engine=pagefind`) it does nothing: that mode must not
 * download the exact-match index.
 */

/** What the boot script leaves on `window`: the index, parsed, or the reason it could not be. */
export const BOOT_GLOBAL = 'kbSearchIndex';

/** The inline script for an index at `indexUrl` (an absolute path such as `/kb/search/exact-index.json`). */
export function searchBootScript(indexUrl: string): string {
  const url = JSON.stringify(indexUrl).replace(/</g, '\\u003c');
  return `if (new URLSearchParams(location.search).get('engine') !== 'pagefind') {
  window.${BOOT_GLOBAL} = fetch(${url}).then((response) => {
    if (!response.ok) throw new Error(${url} + ': HTTP ' + response.status);
    return response.json();
  });
  window.${BOOT_GLOBAL}.catch(() => {});
}`;
}
