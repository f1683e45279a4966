/**
 * Structure faults in sources, the manifest and the registries. Each either stops the build with
 * an error naming `file:line` and what was expected, or builds with a warning naming `file:line`
 * that lands in model.diagnostics and the ingest summary; in both cases no text is dropped (the
 * lossless check runs on every successful ingest). docs/security.md tabulates these outcomes; the
 * last test checks that the table names every code observed here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ManifestEntry, Model } from '../../src/schemas/index.ts';
import { projectRoot } from '../support/build-site.ts';
import { BULLETIN_ENTRY, BULLETIN_TEXT, PLAN_ENTRY, PLAN_TEXT, REPORT_ENTRY, REPORT_TEXT, withLine } from './fixtures.ts';
import { errorsOf, ingest, lineOf, manifestYaml, modelOf, realRegistry, removeContent, writeContent } from './support/temp-content.ts';

afterAll(removeContent);

/** Codes seen by the tests below, checked against docs/security.md at the end. */
const observed = { stops: new Set<string>(), warns: new Set<string>() };

interface Expected {
  code: string;
  file: string;
  line: number;
  /** What the message must say (what was expected, or what is wrong). */
  says: RegExp;
}

/** Ingests and expects the build to stop with (at least) this error, formatted `file:line: … [code]`. */
function expectStop(dir: string, expected: Expected): void {
  const errors = errorsOf(ingest(dir));
  const error = errors.find((e) => e.code === expected.code);
  expect(error, `an error ${expected.code} among: ${errors.map((e) => e.message).join(' | ')}`).toBeDefined();
  expect({ file: path.basename(error!.file), line: error!.line }).toEqual({ file: expected.file, line: expected.line });
  expect(error!.message.startsWith(`${error!.file}:${expected.line}: `), error!.message).toBe(true);
  expect(error!.message).toMatch(expected.says);
  expect(error!.message).toMatch(new RegExp(`\\[${expected.code}\\]$`));
  observed.stops.add(expected.code);
}

/** Ingests and expects success (lossless 100 %) with this warning in the model's diagnostics. */
function expectWarning(dir: string, expected: Expected): Model {
  const outcome = ingest(dir);
  const model = modelOf(outcome);
  if (outcome.ok) expect(outcome.lossless.coverage).toBe(100);
  const warning = model.diagnostics.find((d) => d.code === expected.code);
  expect(warning, `a warning ${expected.code} among ${JSON.stringify(model.diagnostics)}`).toBeDefined();
  expect({ severity: warning!.severity, file: warning!.file, line: warning!.line }).toEqual({ severity: 'warning', file: expected.file, line: expected.line });
  expect(warning!.message).toMatch(expected.says);
  observed.warns.add(expected.code);
  return model;
}

const plan = (text: string, entry: Partial<ManifestEntry> = {}) =>
  writeContent({ manifest: [{ ...PLAN_ENTRY, ...entry }], sources: { 'plans.txt': text } });
const report = (text: string) => writeContent({ manifest: [REPORT_ENTRY], sources: { 'report.txt': text } });
const bulletin = (text: string) => writeContent({ manifest: [BULLETIN_ENTRY], sources: { 'bulletin.txt': text } });

describe('the clean fixtures the faults start from', () => {
  it('build without errors or warnings, with every task, table and department report', () => {
    const model = modelOf(ingest(writeContent({
      manifest: [PLAN_ENTRY, REPORT_ENTRY, BULLETIN_ENTRY],
      sources: { 'plans.txt': PLAN_TEXT, 'report.txt': REPORT_TEXT, 'bulletin.txt': BULLETIN_TEXT },
    })));
    expect(model.diagnostics).toEqual([]);
    expect(model.tasks.map((t) => t.id)).toEqual(['pds-test-plans-a01-t1', 'pds-test-plans-a02-t1', 'pds-test-plans-a02-t2']);
    expect(model.tables).toHaveLength(1);
    expect(model.summaryRows).toHaveLength(1);
    expect(model.documents.filter((d) => d.kind === 'department-report')).toHaveLength(2);
  });
});

describe('empty and title-only sources', () => {
  it('stops on an empty file, naming line 1', () => {
    expectStop(plan(''), { code: 'empty-file', file: 'plans.txt', line: 1, says: /the file is empty; expected the text of a document/ });
  });

  it('stops on a file of blank lines only', () => {
    expectStop(bulletin('\n\n  \n'), { code: 'empty-document', file: 'bulletin.txt', line: 1, says: /the file has no text; expected a report or bulletin with a title and a body/ });
  });

  it('stops on a bulletin that ends after its title, naming the title line', () => {
    expectStop(bulletin(BULLETIN_TEXT.split('\n').slice(0, 5).join('\n')), {
      code: 'no-body',
      file: 'bulletin.txt',
      line: 5,
      says: /ends after its title; expected the body/,
    });
  });

  it('stops on a split report that ends after its title, naming the missing attachment marker', () => {
    expectStop(report(REPORT_TEXT.split('\n').slice(0, 3).join('\n')), {
      code: 'summary-table-marker-missing',
      file: 'report.txt',
      line: 3,
      says: /expected the line that starts the summary-table attachment/,
    });
  });

  it('stops on a plan package that is only a title, naming the title line', () => {
    const outcome = ingest(plan('平顶山市测试优化提升总体行动方案\n'));
    const messages = outcome.ok ? outcome.model.diagnostics.map((d) => `${d.file}:${d.line}`) : outcome.errors.map((e) => `${path.basename(e.file)}:${e.line}`);
    expect(messages).toContain('plans.txt:1');
  });
});

describe('tasks with a field missing', () => {
  it('stops on a 时间节点 without its 责任单位, naming the 时间节点 line', () => {
    expectStop(plan(withLine(PLAN_TEXT, 15, null)), {
      code: 'field-missing-units',
      file: 'plans.txt',
      line: 14,
      says: /expected 责任单位：… after every 时间节点/,
    });
  });

  it('warns about a task without 时间节点 in a plan whose other tasks have one, and keeps the task', () => {
    const model = expectWarning(plan(withLine(PLAN_TEXT, 14, null)), {
      code: 'task-missing-deadline',
      file: 'plans.txt',
      line: 14,
      says: /expected 时间节点：… before 责任单位/,
    });
    const task = model.tasks.find((t) => t.id === 'pds-test-plans-a02-t1')!;
    expect(task.deadline.kind).toBe('none');
    expect(task.units.map((u) => u.name)).toEqual(['市税务局']);
  });

  it('warns about a task-like item after tasks that has neither 时间节点 nor 责任单位, and keeps its text', () => {
    const model = expectWarning(plan(withLine(withLine(PLAN_TEXT, 18, null), 17, null)), {
      code: 'task-missing-units',
      file: 'plans.txt',
      line: 16,
      says: /reads like a task .* but no field block follows it; expected 时间节点\/责任单位 lines/,
    });
    expect(JSON.stringify(model.documents)).toContain('依法简并部分税种征期。');
  });

  it('warns about a 时间节点 it cannot read, and shows the value as printed', () => {
    const model = expectWarning(plan(withLine(PLAN_TEXT, 14, '时间节点：待定')), {
      code: 'deadline-unrecognised',
      file: 'plans.txt',
      line: 14,
      says: /expected a value such as 2022年12月/,
    });
    expect(model.tasks.find((t) => t.id === 'pds-test-plans-a02-t1')!.deadline.raw).toBe('待定');
  });
});

describe('odd punctuation is text like any other', () => {
  // Found by tests/property with KB_PROPERTY_SEED=11: the repeated-sentence rule once dropped a
  // sentence end that followed another one or started the text.
  for (const paragraph of ['坚持问题导向？！', '坚持问题导向！！！', '。）坚持问题导向。']) {
    it(`builds a plan paragraph printed as ${paragraph} with every character`, () => {
      const model = modelOf(ingest(plan(withLine(PLAN_TEXT, 3, paragraph))));
      expect(JSON.stringify(model.documents)).toContain(paragraph);
    });
  }
});

describe('units the registry does not know', () => {
  it('stops on a task unit not in the registry, naming the 责任单位 line and the jurisdictions searched', () => {
    expectStop(plan(withLine(PLAN_TEXT, 15, '责任单位：市宇宙管理局')), {
      code: 'unit-unresolved',
      file: 'plans.txt',
      line: 15,
      says: /unit "市宇宙管理局" is not in content\/data\/departments\.yaml for 平顶山市 → 河南省/,
    });
  });

  it('stops on a department report whose title names an unknown unit', () => {
    expectStop(report(withLine(REPORT_TEXT, 22, '商丘市宇宙管理局 关于贯彻实施优化营商环境条例暨 执法检查问题整改情况的报告')), {
      code: 'unit-unresolved',
      file: 'report.txt',
      line: 22,
      says: /商丘市宇宙管理局/,
    });
  });

  it('lists every unknown unit at once, each with its line', () => {
    const text = withLine(withLine(PLAN_TEXT, 18, '责任单位：市月球局'), 15, '责任单位：市火星局');
    const errors = errorsOf(ingest(plan(text)));
    expect(errors.map((e) => `${e.line} ${e.code}`)).toEqual(['15 unit-unresolved', '18 unit-unresolved']);
  });
});

describe('tables with a missing cell', () => {
  it('stops on a plan table whose body cells do not fill whole rows', () => {
    expectStop(plan(withLine(PLAN_TEXT, 28, null)), {
      code: 'table-shape',
      file: 'plans.txt',
      line: 20,
      says: /4-column header has 3 body cells.*expected complete rows/,
    });
  });

  it('stops on a summary-table row with a cell missing, naming the row', () => {
    expectStop(report(withLine(REPORT_TEXT, 14, '1\t<p>企业融资难。</p>\t<p>加大金融支持。</p>\t<p>市金融工作局等</p>')), {
      code: 'summary-row-cells',
      file: 'report.txt',
      line: 14,
      says: /4 tab-separated cells; expected 5 like the header/,
    });
  });
});

describe('attachment numbers', () => {
  it('stops on a duplicated 附件 number, naming the second one and the number expected', () => {
    const text = `${PLAN_TEXT}\n附件2\n平顶山市另一专项行动方案\n一、工作目标\n压缩时间。`;
    expectStop(plan(text), { code: 'attachment-order', file: 'plans.txt', line: 31, says: /found 附件2; expected 附件3/ });
  });

  it('stops on a skipped 附件 number', () => {
    expectStop(plan(withLine(PLAN_TEXT, 8, '附件3')), { code: 'attachment-order', file: 'plans.txt', line: 8, says: /found 附件3; expected 附件2/ });
  });
});

describe('manifest faults', () => {
  it('stops on an entry whose file does not exist, naming the manifest line of `file:`', () => {
    const manifest = manifestYaml([PLAN_ENTRY, { ...BULLETIN_ENTRY, file: 'missing.txt' }]);
    expectStop(writeContent({ manifest, sources: { 'plans.txt': PLAN_TEXT } }), {
      code: 'file-missing',
      file: 'manifest.yaml',
      line: lineOf(manifest, /file: missing\.txt/),
      says: /file "missing\.txt" does not exist in the sources folder/,
    });
  });

  for (const file of ['../data/departments.yaml', '/etc/passwd', '.hidden.txt']) {
    it(`stops on a file name that leaves the sources folder or hides (${file})`, () => {
      const manifest = manifestYaml([{ ...BULLETIN_ENTRY, file }]);
      expectStop(writeContent({ manifest, sources: { 'bulletin.txt': BULLETIN_TEXT } }), {
        code: 'bad-file',
        file: 'manifest.yaml',
        line: lineOf(manifest, /^\s*file: /),
        says: /must be a plain file name inside the sources folder/,
      });
    });
  }

  it('stops on a split pattern that is not a regular expression, quoting the parser', () => {
    const manifest = manifestYaml([{ ...PLAN_ENTRY, split: { attachmentMarker: '^附件(\\d+$', firstAttachment: 1 } }]);
    expectStop(writeContent({ manifest, sources: { 'plans.txt': PLAN_TEXT } }), {
      code: 'bad-pattern',
      file: 'manifest.yaml',
      line: lineOf(manifest, /attachmentMarker/),
      says: /split\.attachmentMarker is not a valid regular expression/,
    });
  });

  it('stops on two entries with the same id, naming the second and the first line', () => {
    const manifest = manifestYaml([PLAN_ENTRY, { ...BULLETIN_ENTRY, id: PLAN_ENTRY.id }]);
    expectStop(writeContent({ manifest, sources: { 'plans.txt': PLAN_TEXT, 'bulletin.txt': BULLETIN_TEXT } }), {
      code: 'duplicate-id',
      file: 'manifest.yaml',
      line: lineOf(manifest, /id: pds-test-plans$/, 2),
      says: /id is already used at line/,
    });
  });

  it('stops on two entries describing the same file', () => {
    const manifest = manifestYaml([BULLETIN_ENTRY, { ...BULLETIN_ENTRY, id: 'pds-test-bulletin-2' }]);
    expectStop(writeContent({ manifest, sources: { 'bulletin.txt': BULLETIN_TEXT } }), {
      code: 'duplicate-file',
      file: 'manifest.yaml',
      line: lineOf(manifest, /file: bulletin\.txt/, 2),
      says: /is already described at line/,
    });
  });

  it('stops on an id that is not an ASCII slug, naming the pattern ids must match', () => {
    const manifest = manifestYaml([{ ...BULLETIN_ENTRY, id: '平顶山 通报' }]);
    expectStop(writeContent({ manifest, sources: { 'bulletin.txt': BULLETIN_TEXT } }), {
      code: 'invalid-manifest',
      file: 'manifest.yaml',
      line: lineOf(manifest, /id: 平顶山 通报/),
      says: /manifest entry: id: .*must match pattern/,
    });
  });

  it('stops on a jurisdiction the registry does not list', () => {
    const manifest = manifestYaml([{ ...BULLETIN_ENTRY, jurisdiction: '火星市' }]);
    expectStop(writeContent({ manifest, sources: { 'bulletin.txt': BULLETIN_TEXT } }), {
      code: 'unknown-jurisdiction',
      file: 'manifest.yaml',
      line: lineOf(manifest, /- id: pds-test-bulletin/),
      says: /jurisdiction "火星市" is not listed/,
    });
  });

  it('stops when a document id derived from one entry collides with another entry (duplicate slugs)', () => {
    // The plan package makes pds-test-plans-a01 and -a02; a bulletin may not take either id.
    const manifest = manifestYaml([PLAN_ENTRY, { ...BULLETIN_ENTRY, id: 'pds-test-plans-a02' }]);
    const errors = errorsOf(ingest(writeContent({ manifest, sources: { 'plans.txt': PLAN_TEXT, 'bulletin.txt': BULLETIN_TEXT } })));
    const error = errors.find((e) => e.code === 'duplicate-id');
    expect(error?.message).toMatch(/document id "pds-test-plans-a02" is already used by plans\.txt:8/);
    expect(`${path.basename(error!.file)}:${error!.line}`).toBe('bulletin.txt:1');
    observed.stops.add('duplicate-id');
  });
});

describe('registry faults', () => {
  const sources = { 'plans.txt': PLAN_TEXT };
  const manifest = [PLAN_ENTRY];

  it('stops on two departments with the same id', () => {
    const departments = realRegistry('departments.yaml').replace('  - id: pds-rd\n', '  - id: pds-szf\n');
    expectStop(writeContent({ manifest, sources, departments }), {
      code: 'duplicate-id',
      file: 'departments.yaml',
      line: lineOf(departments, /- id: pds-szf$/, 2),
      says: /id is already used at line/,
    });
  });

  it('stops on one alias claimed by two departments of a jurisdiction', () => {
    const departments = realRegistry('departments.yaml').replace('aliases: [市人大, 市人大常委会]', 'aliases: [市人大, 市人大常委会, 市政府]');
    expectStop(writeContent({ manifest, sources, departments }), {
      code: 'alias-conflict',
      file: 'departments.yaml',
      line: lineOf(departments, /aliases: \[市人大, 市人大常委会, 市政府\]/),
      says: /"市政府" is already a name or alias of pds-szf/,
    });
  });

  it('stops on two indicators with the same id', () => {
    const indicators = realRegistry('indicators.yaml').replace('  - id: labour-market-regulation\n', '  - id: starting-a-business\n');
    const errors = errorsOf(ingest(writeContent({ manifest, sources, indicators })));
    const error = errors.find((e) => e.code === 'duplicate-id');
    expect(error?.line).toBe(lineOf(indicators, /- id: starting-a-business$/, 2));
    expect(path.basename(error!.file)).toBe('indicators.yaml');
    observed.stops.add('duplicate-id');
  });

  it('stops on a department id without its jurisdiction prefix', () => {
    const departments = realRegistry('departments.yaml').replace('  - id: pds-rd\n', '  - id: sq-rd-x\n');
    expectStop(writeContent({ manifest, sources, departments }), {
      code: 'id-prefix',
      file: 'departments.yaml',
      line: lineOf(departments, /- id: sq-rd-x$/),
      says: /ids of 平顶山市 start with "pds-"/,
    });
  });
});

describe('docs/security.md', () => {
  it('names every fault code these tests observed, under the outcome they showed', () => {
    const doc = readFileSync(path.join(projectRoot, 'docs', 'security.md'), 'utf8');
    const rows = doc.split('\n').filter((line) => line.startsWith('|'));
    for (const code of observed.stops) expect(rows.some((row) => row.includes(`\`${code}\``) && /stops the build/.test(row)), code).toBe(true);
    for (const code of observed.warns) expect(rows.some((row) => row.includes(`\`${code}\``) && /warns/.test(row)), code).toBe(true);
  });
});
