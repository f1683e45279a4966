import type { APIRoute, GetStaticPaths } from 'astro';
import { toCsv } from '../../../utils/aggregate.ts';
import { planLabel, roleLabel } from '../../../utils/labels.ts';
import { required, siteData } from '../../../utils/site-data.ts';

/** A department's tasks as a CSV file (a static file per department). */
export const getStaticPaths = (async () => {
  const data = await siteData();
  return data.departments.map((department) => ({ params: { id: department.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const department = required(data.departmentById, String(params['id']), 'department');
  const rows: (string | number)[][] = [['方案', '任务编号', '任务', '时间节点', '本单位角色', '责任单位（原文）', '页面', '原文行']];
  for (const { task, role } of data.assignments.get(department.id) ?? []) {
    const plan = required(data.documentById, task.documentId, 'plan');
    rows.push([
      planLabel(plan),
      task.numberPath.join(''),
      task.text,
      task.deadline.raw ?? '',
      roleLabel(role),
      task.unitsRaw,
      data.links.anchor(plan, task.id),
      `${task.source.file}:${task.source.line}-${task.source.endLine}`,
    ]);
  }
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
