import { z } from 'zod';
import { SourceSpanSchema } from './source.ts';

/**
 * A passage of a document that discusses an indicator or names a department, found by rules over
 * the registries (names and aliases, with exclusions for false hits such as 用电 inside 推广应用电子
 * or 通关 inside 打通关键), so that new reports are linked without a hand list.
 */
export const MentionSchema = z.object({
  /** Stable id: `<blockId>-<targetId>`. */
  id: z.string(),
  /** What is mentioned. */
  kind: z.enum(['indicator', 'department']),
  /** Indicator or department registry id. */
  targetId: z.string(),
  documentId: z.string(),
  /** The block (paragraph, heading, task …) that contains the passage; the page anchor. */
  blockId: z.string(),
  /** The matched term as printed. */
  term: z.string(),
  /** A short excerpt around the match, for listings. */
  excerpt: z.string(),
  source: SourceSpanSchema,
});
export type Mention = z.infer<typeof MentionSchema>;
