import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHtmlProblems, loadHtmlValidateConfig, relaxedRuleReasons, relaxedRules, validateSite } from './html.ts';
import { page, writeTestSite } from './test-site.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

describe('html-validate over a built site', () => {
  it('gives a reason for every rule the project configuration relaxes', async () => {
    const config = await loadHtmlValidateConfig(projectRoot);
    expect(relaxedRules(config)).toEqual(Object.keys(relaxedRuleReasons).sort());
    for (const reason of Object.values(relaxedRuleReasons)) expect(reason.length).toBeGreaterThan(20);
  });

  it('counts rules set to off or warn, or given options, as relaxed', () => {
    expect(relaxedRules({ rules: { a: 'off', b: ['warn', {}], c: 'error', d: 0, e: 2, f: ['error', { relaxed: true }] } })).toEqual(['a', 'b', 'd', 'f']);
  });

  it('passes valid pages and names the file, line and rule of each error', async () => {
    const config = await loadHtmlValidateConfig(projectRoot);
    const dist = await writeTestSite({
      'index.html': page('首页', '<p>正文</p>'),
      'plans/a/index.html': page('附件', '<p>正文\n<div id="x"></div><div id="x"></div></p>'),
    });
    const { pages, problems } = await validateSite(dist, config);
    expect(pages).toBe(2);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.file === 'plans/a/index.html')).toBe(true);
    expect(problems.map((problem) => problem.ruleId)).toContain('no-dup-id');
    expect(formatHtmlProblems(problems)).toMatch(/^plans\/a\/index\.html:\d+:\d+ /);
  });
});
