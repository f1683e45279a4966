import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IngestError } from './errors.ts';
import { decodeSource } from './source-text.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const catchError = (fn: () => unknown): IngestError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
};

describe('decoding a source text', () => {
  it('reads plain UTF-8 with LF line ends and numbers lines as sed does', () => {
    const text = decodeSource('a.txt', utf8('附件2\n\n平顶山市企业开办优化提升专项行动方案\n'));
    expect(text.lines).toEqual(['附件2', '', '平顶山市企业开办优化提升专项行动方案']);
    expect(text.encoding).toBe('utf-8');
    expect(text.lineEnds).toBe('lf');
  });

  it('keeps a last line that has no line end, even when it is only a space', () => {
    expect(decodeSource('a.txt', utf8('甲\n ')).lines).toEqual(['甲', ' ']);
  });

  it('drops a UTF-8 byte-order mark and says it was there', () => {
    const text = decodeSource('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('责任单位：市税务局')]));
    expect(text.lines).toEqual(['责任单位：市税务局']);
    expect(text.encoding).toBe('utf-8-bom');
  });

  it('splits CRLF, lone CR and mixed line ends into the same lines', () => {
    expect(decodeSource('a.txt', utf8('一\r\n二\r\n')).lines).toEqual(['一', '二']);
    expect(decodeSource('a.txt', utf8('一\r二\r')).lineEnds).toBe('cr');
    const mixed = decodeSource('a.txt', utf8('一\r\n二\r三\n四'));
    expect(mixed.lines).toEqual(['一', '二', '三', '四']);
    expect(mixed.lineEnds).toBe('mixed');
  });

  it('detects GB18030 (GBK) text and converts it', () => {
    const bytes = iconv.encode('时间节点：2022年12月\n责任单位：市发展改革委牵头\n', 'gb18030');
    const text = decodeSource('legacy.txt', bytes);
    expect(text.encoding).toBe('gb18030');
    expect(text.lines).toEqual(['时间节点：2022年12月', '责任单位：市发展改革委牵头']);
  });

  it('decodes as GB18030 when the manifest declares gbk', () => {
    const bytes = iconv.encode('营商环境', 'gbk');
    expect(decodeSource('legacy.txt', bytes, 'GBK').lines).toEqual(['营商环境']);
  });

  it('refuses bytes that are neither UTF-8 nor Chinese GB18030, naming the line', () => {
    const bytes = new Uint8Array([...utf8('第一行\n第二行\n'), 0xff, 0xfe, 0x41, 0x0a]);
    const error = catchError(() => decodeSource('broken.txt', bytes));
    expect(error.code).toBe('invalid-utf8');
    expect(error.message).toMatch(/^broken\.txt:3: .*not valid UTF-8/);
  });

  it('detects GB18030 text that prints U+FFFD itself (a character GB18030 encodes like any other)', () => {
    const bytes = iconv.encode('附件4\n\uFFFD注：用电报装\n', 'gb18030');
    const text = decodeSource('legacy.txt', bytes);
    expect(text.encoding).toBe('gb18030');
    expect(text.lines).toEqual(['附件4', '\uFFFD注：用电报装']);
  });

  it('refuses a file declared GBK whose bytes are not GB18030, naming the first bad line', () => {
    const bytes = new Uint8Array([...iconv.encode('第一行\n第二行\n', 'gbk'), 0x81, 0x0a]);
    const error = catchError(() => decodeSource('legacy.txt', bytes, 'gbk'));
    expect(error.code).toBe('invalid-gb18030');
    expect(error.message).toMatch(/^legacy\.txt:3: declared gbk but this line is not valid GB18030/);
  });

  it('refuses a file declared UTF-8 that is not', () => {
    const bytes = iconv.encode('营商环境', 'gb18030');
    expect(catchError(() => decodeSource('x.txt', bytes, 'utf-8')).code).toBe('invalid-utf8');
  });

  it('refuses UTF-16 with a clear word instead of a NUL-byte complaint', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('营商环境\n', 'utf16le')]);
    const error = catchError(() => decodeSource('wide.txt', bytes));
    expect(error.code).toBe('utf16');
    expect(error.message).toBe('wide.txt:1: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 [utf16]');
  });

  it('refuses NUL bytes, naming the line', () => {
    const error = catchError(() => decodeSource('bin.txt', new Uint8Array([...utf8('一\n二\n'), 0])));
    expect(error.code).toBe('nul-byte');
    expect(error.line).toBe(3);
  });

  it('refuses an empty file', () => {
    expect(catchError(() => decodeSource('empty.txt', new Uint8Array())).code).toBe('empty-file');
  });

  it('refuses an encoding it does not know', () => {
    expect(catchError(() => decodeSource('x.txt', utf8('一'), 'latin-9')).code).toBe('unknown-encoding');
  });

  it('keeps U+FFFD, zero-width and bidi characters as they are: they are text to account for', () => {
    const text = decodeSource('odd.txt', utf8('\uFFFD “三省”\u200b\u200f\u2028末'));
    expect(text.lines[0]).toContain('\uFFFD');
    expect(text.lines[0]).toContain('\u200f');
  });
});
