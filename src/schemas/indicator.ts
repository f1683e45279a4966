import { z } from 'zod';
import { SourceSpanSchema } from './source.ts';

/** One target of an indicator: a row of a 指标对比 table or a goal sentence of a plan. */
export const IndicatorTargetSchema = z.object({
  /** The measure (`办理时间`, `环节（个）`). */
  metric: z.string(),
  current: z.string().nullable(),
  /** 2022年6月目标 */
  june2022: z.string().nullable(),
  /** 2022年12月目标 (or 2022年底目标 / 升级版目标). */
  december2022: z.string().nullable(),
  /** 国内前沿水平 / 国内最佳. */
  frontier: z.string().nullable(),
  /** 完成时限 as printed. */
  deadline: z.string().nullable(),
  /** The table the row comes from, or null for a goal sentence. */
  tableId: z.string().nullable(),
  /** The document that states the target. */
  documentId: z.string(),
  source: SourceSpanSchema,
});
export type IndicatorTarget = z.infer<typeof IndicatorTargetSchema>;

/**
 * A 营商环境评价 indicator. Curated in `content/data/indicators.yaml`; targets and plan links are
 * filled in by the pipeline from the plans.
 */
export const IndicatorSchema = z.object({
  /** Stable ASCII slug (`starting-a-business`). */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Name as used in the evaluation (`开办企业`). */
  name: z.string().min(1),
  /** Other names in the texts (`企业开办`); used, with `name`, to find mentions. */
  aliases: z.array(z.string()),
  /** Group for the directory (e.g. 政务环境 / 市场环境 / 法治环境 / 宜居宜业环境 …). */
  group: z.string(),
  /** Parent indicator for sub-indicators (包容普惠创新 → 创新创业活跃度 …). */
  parentId: z.string().nullable(),
  /** Short description in Chinese. */
  description: z.string().optional(),
  /** Special plans that target it (document ids); filled by the pipeline. */
  planIds: z.array(z.string()),
  /** Targets from the plan's 指标对比 table and goals; filled by the pipeline. */
  targets: z.array(IndicatorTargetSchema),
  /** Sentences of the overall plan that set goals for it; filled by the pipeline. */
  goals: z.array(z.object({ text: z.string(), documentId: z.string(), blockId: z.string(), source: SourceSpanSchema })),
});
export type Indicator = z.infer<typeof IndicatorSchema>;
