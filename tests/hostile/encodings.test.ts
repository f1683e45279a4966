/**
 * Encodings through the whole ingest (manifest → decode → parse → resolve → link → validate →
 * lossless), not only decodeSource: the real plan package and the 西平县 report saved with a BOM,
 * with CRLF, lone CR or mixed line ends, or as GB18030/GBK give exactly the model of the UTF-8/LF
 * originals; invalid UTF-8, NUL bytes and UTF-16 stop the build naming file:line.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestEntry, Model } from '../../src/schemas/index.ts';
import { loadManifest } from '../../scripts/ingest/manifest.ts';
import { errorsOf, ingest, modelOf, realContentDir, realSource, removeContent, writeContent } from './support/temp-content.ts';
import path from 'node:path';

afterAll(removeContent);

const PLANS = 'pingdingshan-2022-action-plans.txt';
const XIPING = 'xiping-regulations-report-2021.txt';
const realEntries = loadManifest(path.join(realContentDir, 'sources')).entries;
const entry = (file: string): ManifestEntry => realEntries.find((e) => e.file === file)!;

const original = { [PLANS]: realSource(PLANS).toString('utf8'), [XIPING]: realSource(XIPING).toString('utf8') };

/** The model of the two sources, each turned into bytes by `encode`. */
function modelWith(encode: (text: string) => Uint8Array, files = [PLANS, XIPING], entries = files.map(entry)): Model {
  const sources = Object.fromEntries(files.map((file) => [file, encode(original[file as keyof typeof original])]));
  return modelOf(ingest(writeContent({ manifest: entries, sources })));
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const withLineEnds = (text: string, end: string) => text.replace(/\n/g, end);

let baseline: Model;

beforeAll(() => {
  baseline = modelWith(utf8);
});

describe('the same model whatever the encoding and line ends', () => {
  it('reads the UTF-8/LF originals (the baseline: 30 documents, lossless 100 %)', () => {
    expect(baseline.documents).toHaveLength(30);
    expect(baseline.tasks.length).toBeGreaterThan(400);
  });

  it('gives the same model for UTF-8 with a byte-order mark', () => {
    expect(modelWith((text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]))).toEqual(baseline);
  });

  it('gives the same model for CRLF line ends', () => {
    expect(modelWith((text) => utf8(withLineEnds(text, '\r\n')))).toEqual(baseline);
  });

  it('gives the same model for lone CR line ends', () => {
    expect(modelWith((text) => utf8(withLineEnds(text, '\r')))).toEqual(baseline);
  });

  it('gives the same model for line ends mixed within one file', () => {
    // A lone CR is never followed by LF here: CR + LF is one CRLF line end, not two.
    const ends = ['\r\n', '\n', '\r'];
    let i = 0;
    expect(modelWith((text) => utf8(text.replace(/\n/g, () => ends[i++ % 3]!)))).toEqual(baseline);
  });

  it('detects GB18030 without a declaration and gives the same model (the plan package prints U+FFFD, which GB18030 encodes too)', () => {
    expect(modelWith((text) => iconv.encode(text, 'gb18030'))).toEqual(baseline);
  });

  it('reads GBK with CRLF, as Windows editors save it, when the manifest declares gbk', () => {
    const xipingOnly = modelWith(utf8, [XIPING]);
    const declared = modelWith((text) => iconv.encode(withLineEnds(text, '\r\n'), 'gbk'), [XIPING], [{ ...entry(XIPING), encoding: 'gbk' }]);
    expect(declared).toEqual({ ...xipingOnly, sources: [{ ...entry(XIPING), encoding: 'gbk' }] });
  });
});

describe('bytes that are not text stop the build at their line', () => {
  /** The real plan package with `bytes` put at the start of line `line`. */
  function planWithBytesAt(line: number, bytes: number[]): Uint8Array {
    const lines = original[PLANS].split('\n');
    const before = utf8(lines.slice(0, line - 1).join('\n') + '\n');
    return Buffer.concat([before, Buffer.from(bytes), utf8(lines.slice(line - 1).join('\n'))]);
  }
  const ingestPlan = (bytes: Uint8Array) => errorsOf(ingest(writeContent({ manifest: [entry(PLANS)], sources: { [PLANS]: bytes } })));

  it('stops on an invalid UTF-8 byte, naming file:line and asking for UTF-8', () => {
    const [error] = ingestPlan(planWithBytesAt(1200, [0xff]));
    expect(error!.code).toBe('invalid-utf8');
    expect(error!.message).toMatch(new RegExp(`^${PLANS}:1200: byte \\d+ is not valid UTF-8 and the file does not read as GB18030/GBK; save the file as UTF-8`));
  });

  it('stops on a UTF-8 character cut in half (a truncated multi-byte sequence)', () => {
    const [error] = ingestPlan(planWithBytesAt(37, [0xe8, 0x90]));
    expect(`${error!.code} ${error!.file}:${error!.line}`).toBe(`invalid-utf8 ${PLANS}:37`);
  });

  it('stops on a NUL byte, naming file:line', () => {
    const [error] = ingestPlan(planWithBytesAt(2500, [0x00]));
    expect(error!.message).toBe(`${PLANS}:2500: contains a NUL byte (binary data?); expected plain text [nul-byte]`);
  });

  it('stops on UTF-16, saying so', () => {
    const [error] = ingestPlan(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original[PLANS].slice(0, 2000), 'utf16le')]));
    expect(error!.code).toBe('utf16');
    expect(error!.message).toMatch(/UTF-16.*save it as UTF-8/);
  });

  it('stops on a file declared gbk that holds UTF-8, instead of showing mojibake', () => {
    const errors = errorsOf(ingest(writeContent({ manifest: [{ ...entry(XIPING), encoding: 'gbk' }], sources: { [XIPING]: utf8(original[XIPING]) } })));
    expect(errors[0]!.code).toBe('invalid-gb18030');
    expect(errors[0]!.file).toBe(XIPING);
  });

  it('stops on a file that holds only a byte-order mark, as on an empty document', () => {
    const errors = errorsOf(ingest(writeContent({ manifest: [entry(XIPING)], sources: { [XIPING]: Buffer.from([0xef, 0xbb, 0xbf]) } })));
    expect(errors.map((e) => `${e.code} ${e.file}:${e.line}`)).toEqual([`empty-document ${XIPING}:1`]);
  });
});
