import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, writeOpenData } from './open-data.ts';
import { document, model, span, task } from '../../tests/ingest/support/model-builder.ts';

const plan = document({ id: 'pds-2022-plans-a02', kind: 'special-plan', title: '平顶山市企业开办优化提升专项行动方案', attachment: 2, blocks: [] });
const report = document({ id: 'sq-2022-rectification-d06', kind: 'department-report', title: '商丘市财政局 关于…的报告', departmentId: 'sq-czj', blocks: [] });
const sample = model({
  documents: [plan, report],
  tasks: [
    task({
      id: 'pds-2022-plans-a02-t2-1',
      documentId: plan.id,
      plan: 2,
      number: '1.',
      title: '压缩开办时间。',
      text: '压缩开办时间。推行“一网通办”，办理时间压缩至0.5个工作日。\n\n第二段, 含逗号。',
      deadline: { raw: '2022年6月底', kind: 'date', months: ['2022-06'], continuing: false, label: '2022年6月' },
      unitsRaw: '市市场监管局牵头，市税务局配合',
      units: [
        { id: 'pds-scjgj', name: '市市场监督管理局', role: 'lead', raw: '市市场监管局牵头' },
        { id: 'pds-swj', name: '市税务局', role: 'support', raw: '市税务局配合' },
      ],
      indicatorIds: ['starting-a-business'],
      source: span(240, 242, 'pingdingshan-2022-action-plans.txt'),
    }),
  ],
  departments: [
    { id: 'pds-scjgj', name: '市市场监督管理局', fullName: '平顶山市市场监督管理局', aliases: ['市市场监管局'], kind: '市直部门', jurisdiction: '平顶山市' },
    { id: 'pds-swj', name: '市税务局', fullName: '国家税务总局平顶山市税务局', aliases: [], kind: '中央驻地方单位', jurisdiction: '平顶山市' },
  ],
});

function write(base = '/kb/') {
  const distDir = mkdtempSync(join(tmpdir(), 'kb-open-data-'));
  writeOpenData({ model: sample, distDir, base });
  return (name: string) => readFileSync(join(distDir, 'data', name), 'utf8');
}

describe('open data', () => {
  it('gives each task its id, plan, printed number, text, deadline, units with roles, source and page URL', () => {
    const [record] = JSON.parse(write()('tasks.json'));
    expect(record).toMatchObject({
      id: 'pds-2022-plans-a02-t2-1',
      plan: 2,
      number: '1.',
      document: 'pds-2022-plans-a02',
      title: '压缩开办时间。',
      deadline: { raw: '2022年6月底', kind: 'date', months: ['2022-06'], label: '2022年6月' },
      units: [
        { id: 'pds-scjgj', name: '市市场监督管理局', role: 'lead', raw: '市市场监管局牵头' },
        { id: 'pds-swj', name: '市税务局', role: 'support', raw: '市税务局配合' },
      ],
      indicatorIds: ['starting-a-business'],
      source: { file: 'pingdingshan-2022-action-plans.txt', line: 240, endLine: 242 },
      url: '/kb/plans/pds-2022-plans-a02/#pds-2022-plans-a02-t2-1',
    });
  });

  it('builds URLs under any base path, with or without slashes', () => {
    for (const base of ['/kb', 'kb/', '/kb/']) {
      expect(JSON.parse(write(base)('tasks.json'))[0].url).toBe('/kb/plans/pds-2022-plans-a02/#pds-2022-plans-a02-t2-1');
    }
    expect(JSON.parse(write('/')('documents.json')).map((d: { url: string }) => d.url)).toEqual([
      '/plans/pds-2022-plans-a02/',
      '/reports/sq-2022-rectification-d06/',
    ]);
  });

  it('lists each department’s tasks by role and its own report', () => {
    const read = write();
    const [market, tax] = JSON.parse(read('departments.json'));
    expect(market).toMatchObject({ id: 'pds-scjgj', url: '/kb/departments/pds-scjgj/', taskCount: 1, tasks: { lead: ['pds-2022-plans-a02-t2-1'], support: [], responsible: [] } });
    expect(tax.tasks.support).toEqual(['pds-2022-plans-a02-t2-1']);
  });

  it('writes tasks.csv for Excel: UTF-8 BOM, CRLF records, RFC 4180 quoting of quotes, commas and line breaks', () => {
    const csv = write()('tasks.csv');
    expect(csv.startsWith('\uFEFFid,plan,number,')).toBe(true);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header!.split(',')).toEqual([...CSV_COLUMNS]);
    expect(row).toContain('"压缩开办时间。推行“一网通办”，办理时间压缩至0.5个工作日。\n\n第二段, 含逗号。"');
    expect(row).toContain(',市市场监督管理局,市税务局,,pds-scjgj;pds-swj,starting-a-business,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes a field containing a double quote by doubling it', () => {
    const quoted = structuredClone(sample);
    quoted.tasks[0]!.title = '推行"一网通办"';
    const distDir = mkdtempSync(join(tmpdir(), 'kb-open-data-'));
    writeOpenData({ model: quoted, distDir, base: '/' });
    expect(readFileSync(join(distDir, 'data', 'tasks.csv'), 'utf8')).toContain(',"推行""一网通办""",');
  });

  it('writes the same bytes for the same model', () => {
    const a = write();
    const b = write();
    for (const name of ['tasks.json', 'departments.json', 'indicators.json', 'documents.json', 'tasks.csv']) expect(a(name)).toBe(b(name));
  });

  it('defuses cells a spreadsheet would run as formulas with a leading apostrophe, and keeps JSON as printed', () => {
    const formulaModel = { ...sample, tasks: sample.tasks.map((t) => ({ ...t, title: '=HYPERLINK("http://x")', unitsRaw: '@SUM(A1)' })) };
    const distDir = mkdtempSync(join(tmpdir(), 'kb-open-data-'));
    writeOpenData({ model: formulaModel, distDir, base: '/' });
    const csv = readFileSync(join(distDir, 'data', 'tasks.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`'@SUM(A1)`);
    expect(JSON.parse(readFileSync(join(distDir, 'data', 'tasks.json'), 'utf8'))[0].title).toBe('=HYPERLINK("http://x")');
  });
});
