import { describe, expect, it } from 'vitest';
import { extractFromBody, extractPage, findBodyStart, urlForFile } from './extract.ts';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="zh-CN"><head><title>标签页标题</title>${head}</head><body><nav>导航文字</nav><main><div data-pagefind-body>${body}</div></main><footer>页脚</footer></body></html>`;

describe('reading a built page', () => {
  it('reads only the searchable body, never the chrome around it', () => {
    const extracted = extractPage(page('<h1 id="_top" data-pagefind-meta="title">附件4 获得电力</h1><p>办电时间压缩至 15 个工作日</p>'), 'plans/a04/index.html');
    expect(extracted?.url).toBe('plans/a04/');
    expect(extracted?.title).toBe('附件4 获得电力');
    expect(extracted?.blocks.map((block) => block.text)).toEqual(['附件4 获得电力', '办电时间压缩至 15 个工作日']);
  });
  it('finds the body even when its marker is mentioned earlier, and falls back to <title>', () => {
    const html = '<!doctype html><html><head><title>关于 data-pagefind-body 的说明</title></head><body><nav>导航</nav><main><div data-pagefind-body><p>正文 data-pagefind-body</p></div></main></body></html>';
    const extracted = extractPage(html, 'x/index.html');
    expect(extracted?.title).toBe('关于 data-pagefind-body 的说明');
    expect(extracted?.blocks.map((block) => block.text)).toEqual(['正文 data-pagefind-body']);
  });
  it('tells where the body element lies, so Pagefind can be given the body alone', () => {
    const html = page('<h1 data-pagefind-meta="title">标题</h1><p>正文</p>');
    const fromBody = html.slice(findBodyStart(html));
    const extracted = extractFromBody(fromBody, 'x/index.html', () => '不应使用');
    const [start, end] = extracted?.bodyRange ?? [0, 0];
    expect(fromBody.slice(start, end)).toBe('<div data-pagefind-body><h1 data-pagefind-meta="title">标题</h1><p>正文</p></div>');
    expect(extracted?.page).toEqual(extractPage(html, 'x/index.html'));
  });
  it('returns null for a page without a searchable body', () => {
    expect(extractPage('<html><body><p>首页</p></body></html>', 'index.html')).toBeNull();
  });
  it('reads hidden filters, one value per element, and keeps their text out of the blocks', () => {
    const extracted = extractPage(
      page('<h1 data-pagefind-meta="title">标题</h1><span hidden data-pagefind-filter="部门">市场监管局</span><span hidden data-pagefind-filter="部门">税务局</span><span hidden data-pagefind-filter="部门">市场监管局</span><span data-pagefind-filter="地区:平顶山市"></span><p>正文</p>'),
      'x/index.html',
    );
    expect(extracted?.filters).toEqual({ 部门: ['市场监管局', '税务局'], 地区: ['平顶山市'] });
    expect(extracted?.blocks.map((block) => block.text)).toEqual(['标题', '正文']);
  });
  it('leaves out buttons, heading anchor links, scripts and data-pagefind-ignore parts', () => {
    const extracted = extractPage(
      page('<h2 id="s1">一、总体要求<a class="sl-anchor-link" href="#s1"><span class="sr-only">章节标题</span></a></h2><p>正文<button>复制链接</button></p><script>var x="脚本"</script><section data-pagefind-ignore><p>修复说明</p></section>'),
      'x/index.html',
    );
    expect(extracted?.blocks.map((block) => block.text)).toEqual(['一、总体要求', '正文']);
    expect(extracted?.anchors).toEqual([['s1', '一、总体要求']]);
  });
  it('splits text into blocks at block elements and table cells, and joins inline elements and line breaks', () => {
    const extracted = extractPage(
      page('<p>由<a href="/d/">市场监管局</a>牵头<br>税务局配合</p><table><tr><th>指标</th><td>0.5个<em>工作日</em></td></tr></table><div>直接文字<p>段落</p>尾随</div>'),
      'x/index.html',
    );
    expect(extracted?.blocks.map((block) => block.text)).toEqual(['由市场监管局牵头 税务局配合', '指标', '0.5个工作日', '直接文字', '段落', '尾随']);
  });
  it('attributes text to the task whose heading carries its id, and returns to the section after the task', () => {
    const extracted = extractPage(
      page(
        '<div class="kb-section"><h2 id="a01-s1">一、重点任务</h2></div><p>导语</p>' +
          '<article class="kb-task"><h4 id="a01-t1-1"><span class="kb-number">（一）</span>推进一网通办</h4><p>任务正文</p><dl><dt>时间节点</dt><dd>2022年6月底前</dd></dl></article>' +
          '<p id="a01-b40">任务之后的段落</p><p>再一段</p>',
      ),
      'plans/a01/index.html',
    );
    expect(extracted?.anchors).toEqual([
      ['a01-s1', '一、重点任务'],
      ['a01-t1-1', '（一）推进一网通办'],
      ['a01-b40', '一、重点任务'],
    ]);
    expect(extracted?.blocks.map((block) => [block.text, block.anchorIndex])).toEqual([
      ['一、重点任务', 0],
      ['导语', 0],
      ['（一）推进一网通办', 1],
      ['任务正文', 1],
      ['时间节点', 1],
      ['2022年6月底前', 1],
      ['任务之后的段落', 2],
      ['再一段', 0],
    ]);
  });
  it('maps built file paths to base-relative URLs', () => {
    expect(urlForFile('index.html')).toBe('');
    expect(urlForFile('plans/a01/index.html')).toBe('plans/a01/');
    expect(urlForFile('404.html')).toBe('404.html');
  });
});
