import iconv from 'iconv-lite';
import { IngestError } from './errors.ts';

/** A decoded source text, split into physical lines (1-based numbering as `sed -n` counts). */
export interface SourceText {
  /** File name relative to the sources folder. */
  file: string;
  /** `lines[0]` is line 1. Line ends are removed; nothing else is changed. */
  lines: string[];
  /** The encoding the bytes were decoded from. */
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030';
  /** Line-end style found (`mixed` when several occur). */
  lineEnds: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes source bytes. UTF-8 (with or without BOM) is read as is; bytes that are not valid
 * UTF-8 are tried as GB18030 (a superset of GBK/GB2312) when they decode cleanly and look like
 * Chinese text; otherwise the build stops naming the first bad line. NUL bytes are refused.
 * A `declared` encoding from the manifest skips detection.
 */
export function decodeSource(file: string, bytes: Uint8Array, declared?: string): SourceText {
  if (bytes.length === 0) throw new IngestError('empty-file', file, 1, 'the file is empty; expected the text of a document');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new IngestError('utf16', file, 1, 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new IngestError('nul-byte', file, lineOfByte(bytes, nul), 'contains a NUL byte (binary data?); expected plain text');
  }
  let text: string;
  let encoding: SourceText['encoding'];
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const wanted = declared?.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (wanted && !['utf8', 'gb18030', 'gbk', 'gb2312'].includes(wanted)) {
    throw new IngestError('unknown-encoding', file, 1, `declared encoding "${declared}" is not supported; expected utf-8, gb18030 or gbk`);
  }
  if (wanted && wanted !== 'utf8') {
    text = iconv.decode(Buffer.from(bytes), 'gb18030');
    encoding = 'gb18030';
    const badLine = firstLineNotGb18030(bytes);
    if (badLine !== null) {
      throw new IngestError('invalid-gb18030', file, badLine, `declared ${declared} but this line is not valid GB18030/GBK; fix the declared encoding in the manifest or the bytes of the file`);
    }
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom ? bytes.subarray(3) : bytes);
      encoding = hasBom ? 'utf-8-bom' : 'utf-8';
    } catch {
      const badAt = firstInvalidUtf8(bytes);
      if (wanted === 'utf8' || !looksLikeGb18030(bytes)) {
        throw new IngestError(
          'invalid-utf8',
          file,
          lineOfByte(bytes, badAt),
          `byte ${badAt} is not valid UTF-8 and the file does not read as GB18030/GBK; save the file as UTF-8`,
        );
      }
      text = iconv.decode(Buffer.from(bytes), 'gb18030');
      encoding = 'gb18030';
    }
  }
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf && 'crlf', cr && 'cr', lf && 'lf'].filter(Boolean) as ('crlf' | 'cr' | 'lf')[];
  const lineEnds = kinds.length === 0 ? 'none' : kinds.length > 1 ? 'mixed' : kinds[0]!;
  const lines = text.split(/\r\n|\r|\n/);
  // A final line end does not start another line (as `wc -l` and editors count).
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return { file, lines, encoding, lineEnds };
}

/** Offset of the first byte that breaks UTF-8 (structure only: lead byte, continuation bytes). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The first line (1-based) whose bytes do not decode to GB18030 and back unchanged, or null.
 * Lines can be cut at 0x0A: GB18030 never uses that byte inside a multi-byte character.
 */
function firstLineNotGb18030(bytes: Uint8Array): number | null {
  const buffer = Buffer.from(bytes);
  let start = 0;
  for (let line = 1; ; line++) {
    const end = buffer.indexOf(0x0a, start);
    const chunk = buffer.subarray(start, end === -1 ? buffer.length : end);
    if (!iconv.encode(iconv.decode(chunk, 'gb18030'), 'gb18030').equals(chunk)) return line;
    if (end === -1) return null;
    start = end + 1;
  }
}

/**
 * Valid GB18030 with mostly CJK code points: not random binary or mis-declared Latin-1. Validity is
 * a lossless round trip (a U+FFFD in the text may be a real character the source printed, as the
 * plan package's endnote markers are; a decoding failure also yields U+FFFD, but never re-encodes
 * to the same bytes).
 */
function looksLikeGb18030(bytes: Uint8Array): boolean {
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (text.includes('\uFFFD') && !iconv.encode(text, 'gb18030').equals(Buffer.from(bytes))) return false;
  const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const nonAscii = (text.match(/[^\x00-\x7f]/g) ?? []).length;
  return nonAscii > 0 && cjk / nonAscii > 0.5;
}

/** `file:line` for messages. */
export function at(source: Pick<SourceText, 'file'>, line: number): string {
  return `${source.file}:${line}`;
}
