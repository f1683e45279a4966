/**
 * The build's `preload` stage: lets every page's browser fetch all of the page's JavaScript modules
 * at once, instead of one level of imports at a time.
 *
 * Astro writes each page's script as `<script type="module" src>`, often at the end of `<body>`,
 * and Vite splits code that two pages share into chunks the script imports. A browser finds such
 * a chunk only after the script has arrived and been parsed: on the search page the script was
 * requested about 190 ms after the stylesheets and its chunk another 60 ms later, and the first
 * result waited for both (docs/search.md). A `<link rel="modulepreload">` in `<head>` for each
 * module of the page's static import graph lets the browser fetch them in parallel with the
 * stylesheets. Nothing runs earlier: a preloaded module still runs when its script would have.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { init, parse } from 'es-module-lexer';
import { Parser } from 'htmlparser2';
import { listFiles } from '../checks/files.ts';
import { urlForFile } from '../search/extract.ts';

export interface ModulePreloadOptions {
  /** The built site. */
  distDir: string;
  /** The URL prefix the site is built for (`/` or `/kb/`). */
  base: string;
}

export interface ModulePreloadSummary {
  /** Pages that got at least one preload link. */
  pages: number;
  /** Preload links written, over all pages. */
  links: number;
}

/** Where a page's module scripts are and where `</head>` ends, as offsets into its HTML. */
export interface PageScripts {
  /** `src` of every `<script type="module" src>`, in document order, with whether it is in `<head>`. */
  scripts: { src: string; inHead: boolean }[];
  /** `href` of every `<link rel="modulepreload">` the page already has. */
  preloaded: string[];
  /** Offset of `</head>`, where the links go; -1 when the page has none. */
  headEnd: number;
}

/** Reads the module scripts of a page with an HTML parser (never a regular expression). */
export function readPageScripts(html: string): PageScripts {
  const found: PageScripts = { scripts: [], preloaded: [], headEnd: -1 };
  let inHead = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'head') inHead = true;
        if (name === 'script' && attributes.type === 'module' && attributes.src) found.scripts.push({ src: attributes.src, inHead });
        if (name === 'link' && attributes.rel?.split(/\s+/u).includes('modulepreload') && attributes.href) found.preloaded.push(attributes.href);
      },
      onclosetag(name) {
        if (name === 'head' && found.headEnd < 0) {
          inHead = false;
          found.headEnd = parser.startIndex;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return found;
}

/** Stands in for the site's origin while resolving URLs: nothing outside it is the build's. */
const SITE = 'https://site.invalid';

/**
 * A module URL resolved against `from` as a site URL (path and query, as the page will request
 * it), or null when it points to another origin.
 */
export function siteUrl(specifier: string, from: string): string | null {
  const resolved = new URL(specifier, new URL(from, SITE));
  return resolved.origin === SITE ? resolved.pathname + resolved.search : null;
}

/**
 * The modules a script imports statically, directly or through other modules, as site URLs in the
 * order first met (depth first). Dynamic imports are left out: they load on demand (Pagefind's);
 * so are imports from other origins, which are not the build's to preload.
 * `readModule` gives a module's source from its site URL, or null for one outside the build.
 */
export async function staticImportGraph(entry: string, readModule: (url: string) => Promise<string | null>): Promise<string[]> {
  await init();
  const seen = new Set<string>([entry]);
  const order: string[] = [];
  const visit = async (url: string): Promise<void> => {
    const source = await readModule(url);
    if (source === null) return;
    const [imports] = parse(source, url);
    for (const record of imports) {
      // `import … from` and `export * from`; not import(), import.meta or source/defer phases.
      if ((record.type !== 'static' && record.type !== 'reexport-star') || record.phase !== null) continue;
      const target = siteUrl(record.specifier, url);
      if (target === null || seen.has(target)) continue;
      seen.add(target);
      order.push(target);
      await visit(target);
    }
  };
  await visit(entry);
  return order;
}

/**
 * The `<link>` elements a page at `pageUrl` needs: its body scripts and every module they or head
 * scripts import, in document order, each once, none the page already declares in `<head>`.
 * `importsOf` gives a script's static import graph, or null for a script that is not the build's.
 */
export async function preloadLinksFor(page: PageScripts, pageUrl: string, importsOf: (url: string) => Promise<string[] | null>): Promise<string[]> {
  const resolve = (url: string) => siteUrl(url, pageUrl);
  const wanted: string[] = [];
  const have = new Set([...page.preloaded, ...page.scripts.filter((s) => s.inHead).map((s) => s.src)].map(resolve));
  const add = (url: string) => {
    if (have.has(url)) return;
    have.add(url);
    wanted.push(url);
  };
  for (const script of page.scripts) {
    const src = resolve(script.src);
    // A script from elsewhere (another origin, or outside the base) is not the build's to preload.
    const imports = src === null ? null : await importsOf(src);
    if (src === null || imports === null) continue;
    if (!script.inHead) add(src);
    for (const url of imports) add(url);
  }
  return wanted.map((url) => `<link rel="modulepreload" href="${url.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`);
}

/** Adds the preload links to every HTML page of the built site. */
export async function addModulePreloads({ distDir, base }: ModulePreloadOptions): Promise<ModulePreloadSummary> {
  const modules = new Map<string, Promise<string | null>>();
  // Module URLs are site paths (`/kb/_astro/x.js`, maybe with a query); the file is the path under the base.
  const readModule = (url: string): Promise<string | null> => {
    const pathname = decodeURIComponent(new URL(url, SITE).pathname);
    let source = modules.get(pathname);
    if (!source) {
      const file = path.join(distDir, pathname.slice(base.length));
      source = pathname.startsWith(base)
        ? readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
            throw new Error(`it loads the module ${url}, but ${file} is not in the build (${error.code})`);
          })
        : Promise.resolve(null);
      modules.set(pathname, source);
    }
    return source;
  };
  // Pages share their scripts: each script's graph is worked out once.
  const graphs = new Map<string, Promise<string[] | null>>();
  const importsOf = (src: string): Promise<string[] | null> => {
    let graph = graphs.get(src);
    if (!graph) {
      graph = readModule(src).then((source) => (source === null ? null : staticImportGraph(src, readModule)));
      graphs.set(src, graph);
    }
    return graph;
  };
  const summary: ModulePreloadSummary = { pages: 0, links: 0 };
  const files = await listFiles(distDir, (relative) => relative.endsWith('.html'));
  // A few pages at a time, so one page's file reads and writes overlap another's parsing.
  await forEachConcurrently(files, 8, async (file) => {
    const target = path.join(distDir, file);
    const html = await readFile(target, 'utf8');
    const page = readPageScripts(html);
    if (page.scripts.length === 0) return;
    if (page.headEnd < 0) throw new Error(`${target}: a page with module scripts has no </head> to put their preload links in`);
    // The page's own URL, against which a relative script src resolves (`guide/index.html` → `/kb/guide/`).
    const pageUrl = base + urlForFile(file);
    const links = await preloadLinksFor(page, pageUrl, importsOf).catch((error: Error) => {
      throw new Error(`${target}: ${error.message}`);
    });
    if (links.length === 0) return;
    await writeFile(target, html.slice(0, page.headEnd) + links.join('') + html.slice(page.headEnd));
    summary.pages += 1;
    summary.links += links.length;
  });
  return summary;
}

/** Runs `work` over `items`, at most `limit` at a time; the first failure stops the rest and is thrown. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
