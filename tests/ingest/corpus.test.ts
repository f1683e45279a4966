import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/schemas/index.ts';
import { runIngest, type IngestResult } from '../../scripts/ingest/cli.ts';
import { checkLossless, modelTexts } from '../../scripts/ingest/lossless.ts';
import { decodeSource } from '../../scripts/ingest/core/source-text.ts';

const PLANS = 'pingdingshan-2022-action-plans.txt';
let result: IngestResult;
let model: Model;
const sourceLines = (file: string) => readFileSync(join('content/sources', file), 'utf8').split(/\r?\n/);

beforeAll(() => {
  result = runIngest({ contentDir: 'content', outDir: mkdtempSync(join(tmpdir(), 'kb-ingest-')) });
  model = result.model;
});

describe('the whole corpus', () => {
  it('gives 29 plans, attachments 1 to 29, the overall plan first', () => {
    const plans = model.documents.filter((d) => d.kind === 'overall-plan' || d.kind === 'special-plan');
    expect(plans.map((d) => d.attachment)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    expect(plans[0]!.kind).toBe('overall-plan');
  });

  it('gives about 420 tasks, each with at least one unit', () => {
    expect(model.tasks.length).toBeGreaterThanOrEqual(410);
    expect(model.tasks.length).toBeLessThanOrEqual(440);
    expect(model.tasks.filter((t) => t.units.length === 0)).toEqual([]);
  });

  it('gives every 责任单位 line of the plans to a task, with its value as printed', () => {
    const lines = sourceLines(PLANS);
    const fieldLines = lines.flatMap((l, i) => (/^责任单位\s*[:：]/.test(l) ? [i + 1] : []));
    expect(fieldLines.length).toBe(408);
    for (const line of fieldLines) {
      const owners = model.tasks.filter((t) => t.fieldSource.file === PLANS && t.fieldSource.line <= line && line <= t.fieldSource.endLine);
      expect(owners.length, `${PLANS}:${line} has no task`).toBeGreaterThan(0);
      const printed = lines[line - 1]!.replace(/^责任单位\s*[:：]\s*/, '').replace(/\s+/g, '');
      for (const task of owners) expect(task.unitsRaw.replace(/\s+/g, '')).toBe(printed);
    }
  });

  it('gives every task the units its text gives: nothing is left of 责任单位 but separators and role words', () => {
    const roleWords = /根据行业管理职责分工负责|按职责分工负责|按职责分工落实|负责落实|协同配合|等相关部门|等相关单位|等有关部门|等部门|牵头|配合|等|及|和|[，,；;、]/gu;
    for (const task of model.tasks) {
      let rest = task.unitsRaw.replace(/\s+/g, '');
      for (const unit of [...task.units].sort((a, b) => b.raw.length - a.raw.length)) rest = rest.replace(unit.raw.replace(/\s+/g, ''), '');
      expect(rest.replace(roleWords, ''), `${task.id}: ${task.unitsRaw}`).toBe('');
    }
  });

  it('uses only the roles lead, support and responsible, with at least one lead where 牵头 is printed', () => {
    for (const task of model.tasks) {
      if (task.unitsRaw.includes('牵头')) expect(task.units.some((u) => u.role === 'lead'), task.id).toBe(true);
      else expect(task.units.some((u) => u.role === 'lead'), task.id).toBe(false);
    }
  });

  it('makes every unit responsible where 责任单位 has neither 牵头 nor 配合', () => {
    const plain = model.tasks.filter((t) => !/牵头|配合/.test(t.unitsRaw));
    expect(plain.length).toBeGreaterThan(300);
    for (const task of plain) expect(task.units.map((u) => u.role), task.id).toEqual(task.units.map(() => 'responsible'));
  });

  it('finds the indicators the reports name explicitly (001:29, 004:648, 004:1114, 004:1220)', () => {
    const at = (file: string, line: number) =>
      new Set(model.mentions.filter((m) => m.kind === 'indicator' && m.source.file === file && m.source.line <= line && line <= m.source.endLine).map((m) => m.targetId));
    const xiping = at('xiping-regulations-report-2021.txt', 29);
    for (const id of ['government-services', 'starting-a-business', 'getting-gas', 'getting-water', 'getting-credit', 'credit-environment', 'ecological-environment']) {
      expect(xiping.has(id), id).toBe(true);
    }
    expect(at('shangqiu-rectification-report-2022.txt', 648).has('registering-property')).toBe(true);
    expect(at('shangqiu-rectification-report-2022.txt', 1114).has('paying-taxes')).toBe(true);
    expect(at('shangqiu-rectification-report-2022.txt', 1220).has('getting-electricity')).toBe(true);
  });

  it('gives 17 tables, and the summary table of 商丘 as 10 rows with resolved units', () => {
    expect(model.tables).toHaveLength(17);
    expect(model.summaryRows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const row of model.summaryRows) expect(row.units.every((u) => u.id.startsWith('sq-'))).toBe(true);
  });

  it('gives 16 department reports, each linked to the 商丘 unit its title names', () => {
    const reports = model.documents.filter((d) => d.kind === 'department-report');
    expect(reports).toHaveLength(16);
    for (const report of reports) {
      const department = model.departments.find((d) => d.id === report.departmentId);
      expect(department?.jurisdiction, report.id).toBe('商丘市');
      expect(report.title.startsWith(department!.fullName) || report.title.startsWith(department!.name) || department!.aliases.some((a) => report.title.startsWith(a)), report.title).toBe(true);
    }
  });

  it('links each of the 28 special plans to its own leaf indicator, and each leaf indicator to its plan', () => {
    const specials = model.documents.filter((d) => d.kind === 'special-plan');
    const parents = new Set(model.indicators.map((i) => i.parentId).filter(Boolean));
    const leaves = model.indicators.filter((i) => !parents.has(i.id));
    expect(leaves).toHaveLength(28);
    expect(specials.map((d) => d.indicatorIds.length)).toEqual(Array(28).fill(1));
    expect(new Set(specials.map((d) => d.indicatorIds[0])).size).toBe(28);
    for (const leaf of leaves) expect(leaf.planIds, leaf.id).toHaveLength(1);
    const byName = (name: string) => model.indicators.find((i) => i.name === name)!;
    expect(model.documents.find((d) => d.id === byName('纳税').planIds[0])!.title).toContain('缴纳税费');
  });

  it('relates the overall plan’s 蓝天/碧水/净土/绿化 tasks (36.–39.) to the 蓝天碧水净土森林覆盖率 plan', () => {
    const a24 = model.documents.find((d) => d.kind === 'special-plan' && d.title.includes('蓝天碧水净土森林覆盖率'))!;
    const items = model.tasks.filter((t) => t.plan === 1 && ['36.', '37.', '38.', '39.'].includes(t.number.replace(/\s+/g, '')));
    expect(items).toHaveLength(4);
    for (const item of items) expect(item.relatedPlanIds).toContain(a24.id);
  });

  it('gives a special plan’s tasks its indicator, and relates nearly every overall-plan item to a special plan', () => {
    const documents = new Map(model.documents.map((d) => [d.id, d]));
    for (const task of model.tasks.filter((t) => t.plan > 1)) expect(task.indicatorIds, task.id).toEqual(documents.get(task.documentId)!.indicatorIds);
    const items = model.tasks.filter((t) => t.plan === 1);
    expect(items.filter((t) => t.relatedPlanIds.length > 0).length).toBeGreaterThanOrEqual(items.length - 5);
  });

  it('keeps every reference inside the model: units, departments, indicators, plans, anchors', () => {
    const departments = new Set(model.departments.map((d) => d.id));
    const indicators = new Set(model.indicators.map((i) => i.id));
    const documents = new Map(model.documents.map((d) => [d.id, d]));
    const tables = new Set(model.tables.map((t) => t.id));
    const anchors = new Map(model.documents.map((d) => [d.id, new Set(d.blocks.flatMap((b) => [b.id, ...(b.type === 'task' ? [b.taskId] : [])]))]));
    for (const t of model.tasks) {
      for (const u of t.units) expect(departments.has(u.id), `${t.id} unit ${u.id}`).toBe(true);
      for (const id of t.indicatorIds) expect(indicators.has(id)).toBe(true);
      for (const id of t.relatedPlanIds) expect(documents.get(id)?.kind).toBe('special-plan');
      expect(anchors.get(t.documentId)!.has(t.id), `${t.id} is shown on its page`).toBe(true);
    }
    for (const d of model.documents) {
      for (const id of [d.issuerDepartmentId, d.departmentId]) if (id) expect(departments.has(id)).toBe(true);
      for (const id of d.indicatorIds) expect(indicators.has(id)).toBe(true);
      if (d.parentId) expect(documents.has(d.parentId)).toBe(true);
    }
    for (const m of model.mentions) {
      expect((m.kind === 'indicator' ? indicators : departments).has(m.targetId)).toBe(true);
      expect(anchors.get(m.documentId)!.has(m.blockId), `mention ${m.id}`).toBe(true);
    }
    for (const i of model.indicators) {
      for (const id of i.planIds) expect(documents.get(id)?.kind).toBe('special-plan');
      for (const t of i.targets) expect(tables.has(t.tableId!)).toBe(true);
      for (const g of i.goals) expect(anchors.get(g.documentId)!.has(g.blockId)).toBe(true);
    }
  });

  it('reads targets from the plans’ indicator tables', () => {
    const starting = model.indicators.find((i) => i.id === 'starting-a-business')!;
    expect(starting.targets.length).toBeGreaterThan(0);
    expect(starting.targets.every((t) => t.tableId !== null && t.documentId === starting.planIds[0])).toBe(true);
  });

  it('accounts for every non-whitespace character of every source (lossless 100 %)', () => {
    expect(result.lossless.unaccounted).toEqual([]);
    expect(result.lossless.coverage).toBe(100);
    expect(result.lossless.totalChars).toBeGreaterThan(200_000);
  });

  it('notices when a paragraph of the real model is dropped', () => {
    const damaged = structuredClone(model);
    const report = damaged.documents.find((d) => d.kind === 'department-report')!;
    const index = report.blocks.findIndex((b) => b.type === 'paragraph');
    const [dropped] = report.blocks.splice(index, 1);
    const sources = model.sources.map((s) => decodeSource(s.file, readFileSync(join('content/sources', s.file))));
    const check = checkLossless(sources, modelTexts(damaged));
    expect(check.coverage).toBeLessThan(100);
    expect(check.unaccounted[0]!.line).toBe(dropped!.source.line);
  });

  it('writes the same model.json twice', () => {
    const again = runIngest({ contentDir: 'content', outDir: mkdtempSync(join(tmpdir(), 'kb-ingest-')) });
    expect(readFileSync(again.modelPath, 'utf8')).toBe(readFileSync(result.modelPath, 'utf8'));
  });
});
