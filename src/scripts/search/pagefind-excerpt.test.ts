import { describe, expect, it } from 'vitest';
import { readPagefindExcerpt } from './excerpt.ts';

const text = (pieces: { text: string }[]) => pieces.map((p) => p.text).join('');

describe('reading a Pagefind excerpt back into text', () => {
  it('keeps the marked words marked and everything else as text', () => {
    expect(readPagefindExcerpt('推进<mark>单一</mark><mark>窗口</mark>建设')).toEqual([
      { text: '推进', marked: false },
      { text: '单一', marked: true },
      { text: '窗口', marked: true },
      { text: '建设', marked: false },
    ]);
  });

  it('reads Pagefind’s escaped angle brackets as the printed < and > they stand for', () => {
    expect(text(readPagefindExcerpt('&lt;script&gt;alert(1)&lt;/script&gt;照录'))).toBe('<script>alert(1)</script>照录');
  });

  it('never decodes other entities: Pagefind does not escape &, so a printed &amp; stays as printed', () => {
    expect(text(readPagefindExcerpt('实体&amp;与&quot;字符'))).toBe('实体&amp;与&quot;字符');
  });

  it('asks the page text what was printed where &lt; could be either a printed < or a printed &lt;', () => {
    const page = '第一段。\n原样照录：&lt;script&gt;照录 与 <b>粗体</b>。';
    expect(text(readPagefindExcerpt('…原样照录：&lt;script&gt;<mark>照录</mark>与&lt;b&gt;粗体…', page))).toBe(
      '…原样照录：&lt;script&gt;照录与<b>粗体…',
    );
  });

  it('falls back to Pagefind’s reading when the excerpt is not in the page text', () => {
    expect(text(readPagefindExcerpt('&lt;p&gt;段落', '别的页面文字'))).toBe('<p>段落');
  });

  it('treats a printed <mark> in the page (escaped by Pagefind) as text, not as a highlight', () => {
    expect(readPagefindExcerpt('&lt;mark&gt;假标记', '&lt;mark&gt;假标记')).toEqual([{ text: '&lt;mark&gt;假标记', marked: false }]);
    expect(readPagefindExcerpt('&lt;mark&gt;假标记', '<mark>假标记')).toEqual([{ text: '<mark>假标记', marked: false }]);
  });
});
