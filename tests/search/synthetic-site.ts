/**
 * A small built site made of real policy text, for developing and testing the search stage
 * before (and independently of) the Astro site: the same markup contract as the real pages
 * (data-pagefind-body, a title h1, hidden filters, task articles whose heading carries the
 * task id, section headings with block ids), plus chrome outside the body that must not be
 * found.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface SyntheticPage {
  url: string;
  title: string;
  filters: Record<string, string[]>;
  html: string;
}

/** Wraps body markup into a full page with chrome outside the searchable body. */
export function pageHtml(title: string, filters: Record<string, string[]>, bodyMarkup: string): string {
  const filterMarkup = Object.entries(filters)
    .flatMap(([name, values]) => values.map((value) => `<span hidden data-pagefind-filter="${escapeHtml(name)}">${escapeHtml(value)}</span>`))
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)} | 知识库</title></head><body>
<header><a href="/">站点导航页眉文字</a><form role="search"><input name="q"><button>搜索</button></form></header>
<nav><ul><li>侧栏链接甲乙丙</li></ul></nav>
<main><div data-pagefind-body><h1 id="_top" data-pagefind-meta="title">${escapeHtml(title)}</h1>${filterMarkup}
${bodyMarkup}
</div></main>
<footer>页脚版权信息丁戊己</footer></body></html>`;
}

/**
 * Splits each source file into pages of `linesPerPage` non-empty lines: lines that look like
 * headings (一、 / （一）) become section headings or tasks, the rest paragraphs.
 */
export async function syntheticPages({ linesPerPage = 60, maxPages = Infinity } = {}): Promise<SyntheticPage[]> {
  const sources = [
    ['pingdingshan-2022-action-plans.txt', '专项行动方案', '平顶山市'],
    ['shangqiu-rectification-report-2022.txt', '报告', '商丘市'],
    ['pingdingshan-bulletin-2021-no63.txt', '工作通报', '平顶山市'],
    ['xiping-regulations-report-2021.txt', '报告', '西平县'],
  ] as const;
  const pages: SyntheticPage[] = [];
  for (const [file, kind, region] of sources) {
    const text = await readFile(path.join(projectRoot, 'content/sources', file), 'utf8');
    const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    const stem = file.replace(/\.txt$/, '');
    for (let start = 0, part = 1; start < lines.length && pages.length < maxPages; start += linesPerPage, part += 1) {
      const chunk = lines.slice(start, start + linesPerPage);
      const id = `${stem}-p${part}`;
      let markup = '';
      chunk.forEach((line, offset) => {
        const blockId = `${id}-b${start + offset + 1}`;
        if (/^[一二三四五六七八九十]+、/.test(line)) {
          markup += `<div class="kb-section"><h2 id="${blockId}">${escapeHtml(line)}</h2><a class="sl-anchor-link" href="#${blockId}"><span class="sr-only">章节链接</span></a></div>\n`;
        } else if (/^（[一二三四五六七八九十]+）/.test(line)) {
          markup += `<article class="kb-task"><h4 id="${blockId}"><span class="kb-number">${escapeHtml(line.slice(0, line.indexOf('）') + 1))}</span>${escapeHtml(line.slice(line.indexOf('）') + 1, line.indexOf('）') + 12))}</h4><p>${escapeHtml(line)}</p><button type="button">复制链接</button></article>\n`;
        } else {
          markup += `<p id="${blockId}">${escapeHtml(line)}</p>\n`;
        }
      });
      const title = `${chunk[0]?.slice(0, 24) ?? stem}（第${part}部分）`;
      const filters = { 文档类型: [kind], 地区: [region], 部门: part % 2 === 0 ? ['市场监管局', '税务局'] : ['发展改革委'] };
      const url = `${kind === '专项行动方案' ? 'plans' : 'reports'}/${id}/`;
      pages.push({ url, title, filters, html: pageHtml(title, filters, markup) });
    }
  }
  return pages;
}

/** Writes the pages (plus a home page without a searchable body) under `distDir`. */
export async function writeSyntheticSite(distDir: string, pages: readonly SyntheticPage[]): Promise<void> {
  await mkdir(distDir, { recursive: true });
  await writeFile(path.join(distDir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><title>首页</title></head><body><p>首页没有可检索正文</p></body></html>');
  for (const page of pages) {
    const folder = path.join(distDir, page.url);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'index.html'), page.html);
  }
}
