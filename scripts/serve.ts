/**
 * `npm run serve`: serves the built site (dist/) the way a static host would, under
 * BASE_PATH, with gzip, a 404 page, the security headers of scripts/checks/headers.ts and
 * correct types for Pagefind's index files. The site tests use the same server.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { normaliseBase } from '../src/utils/urls.ts';
import { collectInlineHashes, securityHeaders } from './checks/headers.ts';

export interface SiteServerOptions {
  /** The built site folder. */
  distDir: string;
  /** URL prefix the site is built for, e.g. `/` or `/kb/`. */
  base: string;
}

/** Pagefind's index files are opaque (already gzipped) binaries that sirv cannot type by extension. */
const pagefindBinary = /\.(?:pf_meta|pf_index|pf_fragment|pagefind)$/;
/** Astro's hashed assets never change under the same name. */
const hashedAsset = /^\/_astro\//;

/**
 * Where a request for `pathname` should go: a redirect (the base without its slash, a folder
 * without its slash), the file server with the base stripped, or the 404 page.
 */
export function routeRequest(
  pathname: string,
  base: string,
  isFolder: (sitePath: string) => boolean,
): { kind: 'redirect'; location: string } | { kind: 'file'; sitePath: string } | { kind: 'not-found' } {
  if (base !== '/' && pathname === base.slice(0, -1)) return { kind: 'redirect', location: base };
  if (!pathname.startsWith(base)) return { kind: 'not-found' };
  const sitePath = `/${pathname.slice(base.length)}`;
  if (!sitePath.endsWith('/') && !path.posix.extname(sitePath) && isFolder(sitePath)) {
    return { kind: 'redirect', location: `${pathname}/` };
  }
  return { kind: 'file', sitePath };
}

/** An HTTP server for a built site (not yet listening). */
export async function createSiteServer({ distDir, base: rawBase }: SiteServerOptions): Promise<http.Server> {
  const base = normaliseBase(rawBase);
  const root = path.resolve(distDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`No built site in ${root} (index.html missing): run \`npm run build\` first.`);
  }
  const headers = securityHeaders(await collectInlineHashes(root));
  const notFoundPath = path.join(root, '404.html');
  const notFoundPage = existsSync(notFoundPath) ? await readFile(notFoundPath) : Buffer.from('404 Not Found\n');
  const notFoundType = existsSync(notFoundPath) ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';

  const sendNotFound = (res: http.ServerResponse) => {
    res.writeHead(404, { 'Content-Type': notFoundType, 'Cache-Control': 'no-cache' });
    res.end(notFoundPage);
  };
  const files = sirv(root, {
    dev: false,
    etag: true,
    dotfiles: false,
    extensions: ['html'],
    onNoMatch: (_req, res) => sendNotFound(res),
    setHeaders: (res, pathname) => {
      if (pagefindBinary.test(pathname)) res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Cache-Control', hashedAsset.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const gzip = compression();
  const isFolder = (sitePath: string) => existsSync(path.join(root, sitePath, 'index.html'));

  return http.createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    gzip(req as never, res as never, () => {
      // The request target is a path (`//x` included: a path, not a host) or, from a proxy, an
      // absolute URL; a target that is neither is answered like a missing page, never a crash.
      const target = req.url ?? '/';
      let url: URL;
      let pathname: string;
      try {
        url = new URL(target.startsWith('/') ? `http://localhost${target}` : target);
        // Repeated slashes collapse, as most static hosts do: `//plans` must never redirect to
        // `//plans/`, which a browser reads as another host.
        pathname = decodeURIComponent(url.pathname).replace(/\/{2,}/gu, '/');
      } catch {
        sendNotFound(res);
        return;
      }
      const route = routeRequest(pathname, base, isFolder);
      if (route.kind === 'redirect') {
        res.writeHead(301, { Location: route.location + url.search });
        res.end();
      } else if (route.kind === 'not-found') {
        sendNotFound(res);
      } else {
        req.url = encodeURI(route.sitePath) + url.search;
        files(req, res, () => sendNotFound(res));
      }
    });
  });
}

/** Starts a server on `host:port` (port 0 = any free port) and returns its URL and a closer. */
export async function startSiteServer(
  options: SiteServerOptions & { host?: string; port?: number },
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await createSiteServer(options);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${normaliseBase(options.base)}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

if (import.meta.main) {
  const base = normaliseBase(process.env.BASE_PATH ?? '/');
  const port = Number(process.env.PORT ?? 4321);
  const distDir = process.env.KB_DIST_DIR ?? 'dist';
  try {
    const { url } = await startSiteServer({ distDir, base, host: process.env.HOST ?? 'localhost', port });
    console.log(`Serving ${path.resolve(distDir)} at ${url.replace('127.0.0.1', 'localhost')} (Ctrl+C to stop)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
