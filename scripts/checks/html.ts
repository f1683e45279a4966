/**
 * html-validate over every page of a built site. The configuration is `.htmlvalidate.json`
 * (html-validate:recommended); every rule it relaxes must have its reason in
 * `relaxedRuleReasons` below (JSON has no comments; a test keeps the two in step).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { listFiles } from './files.ts';

/** Why each rule that `.htmlvalidate.json` turns off or configures differently is relaxed. */
export const relaxedRuleReasons: Record<string, string> = {
  'void-style':
    'Astro serialises void elements as `<meta/>`, `<link/>`; both that and `<meta>` are valid HTML, and the output style is not ours to choose.',
  'valid-id':
    'Starlight gives the page heading `id="_top"` (target of its skip link and "back to top"); HTML allows any id without whitespace, which `relaxed` still enforces.',
  'no-implicit-button-type':
    'Starlight’s menu and theme buttons have no `type`; they sit outside any form, where the type has no effect. Our own form buttons set it.',
  'unique-landmark':
    'Starlight renders the table of contents twice (a mobile and a desktop `<nav>`, only one shown at a time) with the same label "本页内容".',
};

export interface HtmlProblem {
  /** Page path relative to the site root. */
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

export async function loadHtmlValidateConfig(projectRoot: string): Promise<ConfigData> {
  return JSON.parse(await readFile(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
}

/**
 * Rules a configuration relaxes, i.e. that need a reason: set to off or warn, or given options
 * (which loosen a preset's defaults). Restating `error` alone changes nothing.
 */
export function relaxedRules(config: ConfigData): string[] {
  return Object.entries(config.rules ?? {})
    .filter(([, setting]) => Array.isArray(setting) || !(setting === 'error' || setting === 2))
    .map(([rule]) => rule)
    .sort();
}

/** Every error (not warning) html-validate reports for the HTML pages under `distDir`. */
export async function validateSite(distDir: string, config: ConfigData): Promise<{ pages: number; problems: HtmlProblem[] }> {
  const validator = new HtmlValidate(config);
  const pages = await listFiles(distDir, (file) => file.endsWith('.html'));
  const problems: HtmlProblem[] = [];
  for (const file of pages) {
    const report = await validator.validateString(await readFile(path.join(distDir, file), 'utf8'), file);
    for (const result of report.results) {
      for (const { line, column, ruleId, message, severity } of result.messages) {
        if (severity === 2) problems.push({ file, line, column, ruleId, message });
      }
    }
  }
  return { pages: pages.length, problems };
}

export function formatHtmlProblems(problems: readonly HtmlProblem[], limit = 50): string {
  const lines = problems.slice(0, limit).map((p) => `${p.file}:${p.line}:${p.column} ${p.ruleId}: ${p.message}`);
  if (problems.length > limit) lines.push(`… and ${problems.length - limit} more`);
  return lines.join('\n');
}
