import { z } from 'zod';

/**
 * A unit (department, court, company, collective …) of one jurisdiction. Units of different
 * jurisdictions are different entities: 商丘市财政局 ≠ 平顶山市财政局.
 * Curated in `content/data/departments.yaml`.
 */
export const DepartmentKindSchema = z.enum([
  // A people's government itself (国务院, 省政府, 市政府, 县政府).
  '人民政府',
  // A working department of the document's own level of government (市直部门; also 县直 for a county).
  '市直部门',
  '中央驻地方单位',
  '企业',
  '县区政府',
  '法院检察院',
  '党委部门',
  '人大政协',
  '议事协调机构',
  // A department of a higher-level government named in a city or county document (省财政厅, 财政部).
  '上级部门',
  '其他',
  // A generic collective (市直相关部门, 各有关金融机构 …): resolves task units, never listed as a mention.
  '泛指',
]);
export type DepartmentKind = z.infer<typeof DepartmentKindSchema>;

export const DepartmentSchema = z.object({
  /** Stable ASCII slug, prefixed by the jurisdiction (`pds-fgw`, `sq-czj`); used in URLs. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Canonical name as the site shows it (`市发展和改革委员会`). */
  name: z.string().min(1),
  /** Full formal name including the jurisdiction (`平顶山市发展和改革委员会`). */
  fullName: z.string().min(1),
  /** Every spelling the sources use for this unit in this jurisdiction (exact strings). */
  aliases: z.array(z.string()),
  kind: DepartmentKindSchema,
  /** 平顶山市, 商丘市, 西平县, 驻马店市, 河南省 … */
  jurisdiction: z.string().min(1),
  /** Editorial note on a judgement call (e.g. “市法院 read as the intermediate court”). */
  note: z.string().optional(),
});
export type Department = z.infer<typeof DepartmentSchema>;
