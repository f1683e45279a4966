import type { Model } from '../schemas/index.ts';

/** The figures of the home page, computed from the data (never typed in). */
export interface HomeFigures {
  overallPlans: number;
  specialPlans: number;
  tasks: number;
  /** Departments named in at least one task. */
  departmentsWithTasks: number;
  departments: number;
  indicators: number;
  /** Report-like pages (bulletins, reports, summary tables, department reports). */
  reportDocuments: number;
  /** Report source documents (top-level bulletins and reports). */
  reportSources: number;
  departmentReports: number;
  tables: number;
}

export function homeFigures(model: Pick<Model, 'documents' | 'tasks' | 'departments' | 'indicators' | 'tables'>): HomeFigures {
  const kinds = (kind: string) => model.documents.filter((d) => d.kind === kind).length;
  const reportLike = model.documents.filter((d) => d.kind !== 'overall-plan' && d.kind !== 'special-plan');
  return {
    overallPlans: kinds('overall-plan'),
    specialPlans: kinds('special-plan'),
    tasks: model.tasks.length,
    departmentsWithTasks: new Set(model.tasks.flatMap((t) => t.units.map((u) => u.id))).size,
    departments: model.departments.length,
    indicators: model.indicators.length,
    reportDocuments: reportLike.length,
    reportSources: reportLike.filter((d) => d.parentId === null).length,
    departmentReports: kinds('department-report'),
    tables: model.tables.length,
  };
}
