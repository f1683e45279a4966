// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { scriptHash, starlightInlineScriptHashes } from './src/utils/csp.ts';
import { searchBootScript } from './src/scripts/search/boot-script.ts';
import { EXACT_INDEX_PATH } from './src/scripts/search/index-format.ts';
import { SIDEBAR_PLANS_LABEL, SIDEBAR_REPORTS_LABEL } from './src/utils/sidebar.ts';

// Astro reads `import.meta.env.*` from process.env while rendering, so an inherited BASE_URL
// (vitest sets one for every child process) would silently override the base set below.
delete process.env.BASE_URL;

/** Sub-path the site is served under (`/kb/`); always starts and ends with `/`. */
const base = normaliseBase(process.env.BASE_PATH ?? '/');
/** Absolute origin, only when known: Starlight's built-in sitemap needs it and is skipped otherwise. */
const site = process.env.SITE_URL || undefined;

/** @param {string} value */
function normaliseBase(value) {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

export default defineConfig({
  base,
  site,
  trailingSlash: 'always',
  // No code blocks in the corpus; Shiki's inline styles would also break the CSP.
  // Generated pages hold source text that must render exactly as printed: no typographic
  // quotes or dashes, and no GFM (bare URLs would turn into links; the pages use components, not
  // Markdown tables). No code blocks either, so no syntax highlighting (Shiki breaks the CSP).
  markdown: {
    syntaxHighlight: false,
    processor: satteri({ features: { gfm: false, smartPunctuation: false } }),
  },
  build: { format: 'directory' },
  // Scripts and styles Astro emits are hashed into a CSP <meta>; Starlight's inline scripts
  // (theme before first paint, sidebar state) are hashed from its sources (src/utils/csp.ts).
  security: {
    csp: {
      algorithm: 'SHA-256',
      // Pagefind compiles WebAssembly, which CSP treats as eval unless allowed explicitly.
      // The search page's boot script (src/scripts/search/boot-script.ts) depends on the base. It
      // sits before Astro's CSP <meta>, which therefore does not govern it today (the header policy
      // of scripts/checks/headers.ts does); listed so it stays allowed if the head's order changes.
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [...starlightInlineScriptHashes(), scriptHash(searchBootScript(`${base}${EXACT_INDEX_PATH}`))],
      },
      // Starlight sets CSS custom properties in style attributes (TOC depth, icon size): allowed as
      // attributes only (style-src-attr); <style> elements stay hashed.
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  integrations: [
    starlight({
      title: '营商环境政策知识库',
      description: '平顶山市2022年营商环境优化提升总体行动方案、28项专项行动方案及相关通报、汇报的可检索知识库。',
      defaultLocale: 'root',
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      pagefind: false,
      expressiveCode: false,
      disable404Route: true,
      pagination: false,
      lastUpdated: false,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      customCss: ['./src/styles/site.css'],
      routeMiddleware: './src/utils/route-middleware.ts',
      components: {
        Search: './src/components/search/SearchBox.astro',
        PageTitle: './src/components/PageTitle.astro',
      },
      sidebar: [
        { label: '首页', link: '/' },
        {
          label: '查阅',
          items: [
            { label: '部门目录', link: '/departments/' },
            { label: '指标目录', link: '/indicators/' },
            { label: '责任矩阵', link: '/matrix/' },
            { label: '时间节点', link: '/deadlines/' },
            { label: '全部方案', link: '/plans/' },
            { label: '全部通报与报告', link: '/reports/' },
            { label: '原文', link: '/sources/' },
          ],
        },
        // Filled per page with the generated documents (src/utils/route-middleware.ts): Starlight's
        // autogenerate walks every document for every page, quadratic in the corpus.
        { label: SIDEBAR_PLANS_LABEL, items: [{ label: '全部行动方案', link: '/plans/' }] },
        { label: SIDEBAR_REPORTS_LABEL, collapsed: true, items: [{ label: '全部通报与报告', link: '/reports/' }] },
      ],
    }),
    mdx(),
  ],
});
