import { startSiteServer } from '../../scripts/serve.ts';

/**
 * Serves a built site on 127.0.0.1 at a free port, with the same server (headers, 404 page,
 * base handling) as `npm run serve`. `url` ends with the base, e.g. `http://127.0.0.1:41234/kb/`.
 */
export function serveSite(distDir: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  return startSiteServer({ distDir, base, host: '127.0.0.1', port: 0 });
}
