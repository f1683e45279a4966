import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineScripts, scriptHash, starlightInlineScriptHashes } from './csp.ts';
import { bucketLabel, deadlineHeadings } from './deadline-headings.ts';
import { directoryGroups } from './directory.ts';
import { homeFigures } from './figures.ts';
import { documentFilters } from './filters.ts';
import { escapeHtml } from './html.ts';
import { cellLabel } from './matrix.ts';
import { shorten, taskHeading } from './tasks.ts';
import { department, plan, task, unit } from './test-fixtures.ts';

describe('task headings', () => {
  it('uses the lead sentence as heading and does not repeat it in the body', () => {
    expect(taskHeading({ title: '压减办电时间。', text: '压减办电时间。低压用户5个工作日。\n\n高压用户25个工作日。' })).toEqual({
      title: '压减办电时间。',
      rest: ['低压用户5个工作日。', '高压用户25个工作日。'],
    });
  });

  it('keeps the whole text when the title is not its beginning, or when there is no title', () => {
    expect(taskHeading({ title: '标题', text: '正文。' })).toEqual({ title: '标题', rest: ['正文。'] });
    const long = '一二三四五六七八九十'.repeat(5);
    expect(taskHeading({ title: null, text: long })).toEqual({ title: shorten(long, 40), rest: [long] });
    expect(shorten(long, 40)).toHaveLength(41);
  });
});

describe('matrix cells and deadline headings', () => {
  it('writes counts compactly, leaving out roles with none', () => {
    expect(cellLabel({ lead: 2, support: 3, responsible: 0, total: 5 })).toBe('牵2 配3');
    expect(cellLabel({ lead: 0, support: 0, responsible: 1, total: 1 })).toBe('负1');
    expect(cellLabel({ lead: 0, support: 0, responsible: 0, total: 0 })).toBe('');
  });

  it('labels deadline buckets and makes one heading per bucket', () => {
    expect([bucketLabel('2022-06'), bucketLabel('continuous'), bucketLabel('periodic'), bucketLabel('none')]).toEqual([
      '2022年6月',
      '持续推进',
      '定期开展',
      '未注明时间节点',
    ]);
    expect(deadlineHeadings([task('t', [unit('a', 'lead')])])).toEqual([{ depth: 2, slug: 'm-2022-06', text: '2022年6月' }]);
  });
});

describe('department directory', () => {
  it('groups by jurisdiction (the plans’ city first), then kind in schema order, then name', () => {
    const groups = directoryGroups([
      department('sq-czj', { name: '市财政局', jurisdiction: '商丘市' }),
      department('pds-xq', { name: '各县（市、区）政府', kind: '县区政府' }),
      department('pds-czj', { name: '市财政局' }),
      department('pds-fgw', { name: '市发展和改革委员会' }),
      department('zz-x', { name: '某单位', jurisdiction: '郑州市' }),
    ]);
    expect(groups.map((g) => [g.jurisdiction, g.count])).toEqual([
      ['平顶山市', 3],
      ['商丘市', 1],
      ['郑州市', 1],
    ]);
    expect(groups[0]?.kinds.map((k) => [k.kind, k.departments.map((d) => d.id)])).toEqual([
      ['市直部门', ['pds-czj', 'pds-fgw']],
      ['县区政府', ['pds-xq']],
    ]);
  });
});

describe('search filters of a document page', () => {
  it('lists kind, plan, departments (tasks, mentions, reporting unit), indicators and jurisdiction', () => {
    const doc = plan('p-a04', 4, { title: '平顶山市获得电力专项行动方案', indicatorIds: ['electricity'] });
    const filters = documentFilters(doc, {
      tasks: [task('t1', [unit('fgw', 'lead'), unit('czj', 'support')], { documentId: 'p-a04', indicatorIds: ['water'] })],
      mentions: [],
      documentById: new Map([[doc.id, doc]]),
      departmentById: new Map([
        ['fgw', department('fgw', { name: '市发改委' })],
        ['czj', department('czj', { name: '市财政局' })],
      ]),
      indicatorById: new Map([
        ['electricity', { id: 'electricity', name: '获得电力', aliases: [], group: 'g', parentId: null, planIds: [], targets: [], goals: [] }],
        ['water', { id: 'water', name: '获得用水', aliases: [], group: 'g', parentId: null, planIds: [], targets: [], goals: [] }],
      ]),
    });
    expect(filters).toEqual({
      文档类型: ['专项行动方案'],
      方案: ['附件4 获得电力'],
      部门: ['市发改委', '市财政局'].sort(),
      指标: ['获得用水', '获得电力'].sort(),
      地区: ['平顶山市'],
    });
  });
});

describe('home figures', () => {
  it('are computed from the data', () => {
    const figures = homeFigures({
      documents: [plan('a01', 1), plan('a02', 2), plan('a03', 3), { ...plan('r', 1), id: 'r', kind: 'report', attachment: null }, { ...plan('r-d02', 2), id: 'r-d02', kind: 'department-report', parentId: 'r' }],
      tasks: [task('t1', [unit('a', 'lead'), unit('b', 'support')]), task('t2', [unit('a', 'lead')])],
      departments: [department('a'), department('b'), department('c')],
      indicators: [],
      tables: [],
    });
    expect(figures).toMatchObject({ overallPlans: 1, specialPlans: 2, tasks: 2, departmentsWithTasks: 2, departments: 3, reportDocuments: 2, reportSources: 1, departmentReports: 1 });
  });
});

describe('content security policy helpers', () => {
  it('finds the bodies of inline scripts and hashes them as browsers do', () => {
    const source = '<div/><script is:inline>a()</script><script>bundled()</script><script is:inline data-x="1">\n b();\n</script>';
    expect(inlineScripts(source)).toEqual(['a()', '\n b();\n']);
    // sha256 of the empty string, base64: a well-known value.
    expect(scriptHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  it('hashes every inline script of the installed Starlight components', () => {
    const hashes = starlightInlineScriptHashes();
    const themeProvider = readFileSync('node_modules/@astrojs/starlight/dist/components/ThemeProvider.astro', 'utf8');
    const body = inlineScripts(themeProvider)[0] ?? '';
    expect(body).toContain('StarlightThemeProvider');
    expect(hashes).toContain(scriptHash(body));
    expect(hashes.length).toBeGreaterThanOrEqual(3);
  });

  it('escapes text for element content', () => {
    expect(escapeHtml(`</title><script>alert("x")</script>&'`)).toBe('&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  });
});
