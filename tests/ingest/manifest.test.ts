import { describe, expect, it } from 'vitest';
import { IngestErrors } from '../../scripts/ingest/core/errors.ts';
import { loadManifest, parseManifest } from '../../scripts/ingest/manifest.ts';

const entry = (id: string, file: string, extra = '') => `  - id: ${id}
    file: ${file}
    kind: report
    title: 报告
    issuer: 商丘市人民政府
    jurisdiction: 商丘市
    date: "2022-11-02"
${extra}`;

function errorsOf(text: string, files: string[]): string[] {
  try {
    parseManifest(text, 'manifest.yaml', (name) => files.includes(name));
  } catch (e) {
    if (e instanceof IngestErrors) return e.errors.map((x) => x.message);
    throw e;
  }
  throw new Error('expected the manifest to be refused');
}

describe('the source manifest', () => {
  it('reads the five documents of the corpus', () => {
    const { entries } = loadManifest('content/sources');
    expect(entries.map((e) => e.id)).toEqual([
      'pds-2022-plans',
      'pds-bulletin-2021-63',
      'xp-2021-regulations-report',
      'pds-bulletin-2020-15',
      'sq-2022-rectification',
    ]);
  });

  it('names the line of a file that does not exist', () => {
    expect(errorsOf(`documents:\n${entry('a', 'a.txt')}${entry('b', 'missing.txt')}`, ['a.txt'])).toEqual([
      'manifest.yaml:10: document b: file "missing.txt" does not exist in the sources folder [file-missing]',
    ]);
  });

  it('names duplicate ids and duplicate files', () => {
    const text = `documents:\n${entry('a', 'a.txt')}${entry('a', 'b.txt')}${entry('c', 'a.txt')}`;
    expect(errorsOf(text, ['a.txt', 'b.txt'])).toEqual([
      'manifest.yaml:9: document a: id is already used at line 2 [duplicate-id]',
      'manifest.yaml:17: document c: file "a.txt" is already described at line 2 [duplicate-file]',
    ]);
  });

  it('names an unknown kind with the kinds it knows', () => {
    const text = `documents:\n${entry('a', 'a.txt').replace('kind: report', 'kind: memo')}`;
    expect(errorsOf(text, ['a.txt'])).toEqual([
      'manifest.yaml:4: manifest entry: kind "memo" is not allowed; expected one of plan-package, bulletin, report [invalid-manifest]',
    ]);
  });

  it('names a malformed date and an impossible one', () => {
    const text = `documents:\n${entry('a', 'a.txt').replace('2022-11-02', '2022/11/02')}${entry('b', 'b.txt').replace('2022-11-02', '2022-02-30')}`;
    expect(errorsOf(text, ['a.txt', 'b.txt'])).toEqual([
      expect.stringMatching(/^manifest\.yaml:8: manifest entry: date: /),
      'manifest.yaml:15: document b: date "2022-02-30" is not a calendar date; expected YYYY, YYYY-MM or YYYY-MM-DD [bad-date]',
    ]);
  });

  it('names a split pattern that is not a regular expression', () => {
    const text = `documents:\n${entry('a', 'a.txt', '    split:\n      attachmentMarker: "^附件(\\\\d+$"\n')}`;
    expect(errorsOf(text, ['a.txt'])[0]).toMatch(/^manifest\.yaml:10: document a: split\.attachmentMarker is not a valid regular expression/);
  });
});
