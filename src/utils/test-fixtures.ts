import type { Department, PolicyDocument, Task, UnitRef } from '../schemas/index.ts';

/** Small builders for the utils tests: only the fields a test cares about vary. */
const span = { file: 'plan.txt', line: 1, endLine: 1 };

export function task(id: string, units: UnitRef[], overrides: Partial<Task> = {}): Task {
  return {
    id,
    documentId: 'p-a01',
    plan: 1,
    number: '1.',
    numberPath: ['一、', '1.'],
    sectionId: null,
    title: null,
    text: '任务正文。',
    deadline: { raw: '2022年6月', kind: 'date', months: ['2022-06'], continuing: false, label: '2022年6月' },
    unitsRaw: units.map((u) => u.raw).join('，'),
    units,
    sharedFields: false,
    indicatorIds: [],
    relatedPlanIds: [],
    source: span,
    fieldSource: span,
    ...overrides,
  };
}

export function unit(id: string, role: UnitRef['role']): UnitRef {
  return { id, name: id, role, raw: id };
}

export function department(id: string, overrides: Partial<Department> = {}): Department {
  return { id, name: id, fullName: id, aliases: [], kind: '市直部门', jurisdiction: '平顶山市', ...overrides };
}

export function plan(id: string, attachment: number, overrides: Partial<PolicyDocument> = {}): PolicyDocument {
  return {
    id,
    sourceId: 'p',
    kind: attachment === 1 ? 'overall-plan' : 'special-plan',
    title: `平顶山市计划${attachment}专项行动方案`,
    attachment,
    issuer: '平顶山市',
    issuerDepartmentId: null,
    jurisdiction: '平顶山市',
    date: '2022',
    parentId: null,
    departmentId: null,
    indicatorIds: [],
    meta: [],
    markup: [],
    blocks: [],
    source: span,
    ...overrides,
  };
}
