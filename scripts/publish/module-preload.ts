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

/**
 * The modules a script imports statically, directly or through other modules, as site URLs in the
 * order first met (depth first). Dynamic imports are left out: they load on demand (Pagefind's).
 * `readModule` gives a module's source from its URL, or null for one outside the build.
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
      const target = new URL(record.specifier, new URL(url, 'https://site.invalid')).pathname;
      if (seen.has(target)) continue;
      seen.add(target);
      order.push(target);
      await visit(target);
    }
  };
  await visit(entry);
  return order;
}

/**
 * The `<link>` elements a page needs: its body scripts and every module they or head scripts
 * import, in document order, each once, none the page already declares in `<head>`.
 */
export async function preloadLinksFor(page: PageScripts, readModule: (url: string) => Promise<string | null>): Promise<string[]> {
  const wanted: string[] = [];
  const have = new Set([...page.preloaded, ...page.scripts.filter((s) => s.inHead).map((s) => s.src)]);
  const add = (url: string) => {
    if (have.has(url)) return;
    have.add(url);
    wanted.push(url);
  };
  for (const script of page.scripts) {
    // A script from elsewhere (another origin) is not the build's to preload.
    if ((await readModule(script.src)) === null) continue;
    if (!script.inHead) add(script.src);
    for (const url of await staticImportGraph(script.src, readModule)) add(url);
  }
  return wanted.map((url) => `<link rel="modulepreload" href="${url.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`);
}

/** Adds the preload links to every HTML page of the built site. */
export async function addModulePreloads({ distDir, base }: ModulePreloadOptions): Promise<ModulePreloadSummary> {
  const modules = new Map<string, Promise<string | null>>();
  // Module URLs are site paths (`/kb/_astro/x.js`); anything not under the base is not ours.
  const readModule = (url: string): Promise<string | null> => {
    let source = modules.get(url);
    if (!source) {
      const file = path.join(distDir, url.slice(base.length));
      source = url.startsWith(base)
        ? readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
            throw new Error(`${url}: a page loads this module, but ${file} is not in the build (${error.code})`);
          })
        : Promise.resolve(null);
      modules.set(url, source);
    }
    return source;
  };
  const summary: ModulePreloadSummary = { pages: 0, links: 0 };
  for (const file of await listFiles(distDir, (relative) => relative.endsWith('.html'))) {
    const target = path.join(distDir, file);
    const html = await readFile(target, 'utf8');
    const page = readPageScripts(html);
    if (page.scripts.length === 0) continue;
    if (page.headEnd < 0) throw new Error(`${target}: a page with module scripts has no </head> to put their preload links in`);
    const links = await preloadLinksFor(page, readModule);
    if (links.length === 0) continue;
    await writeFile(target, html.slice(0, page.headEnd) + links.join('') + html.slice(page.headEnd));
    summary.pages += 1;
    summary.links += links.length;
  }
  return summary;
}
