import { z } from 'zod';
import { SourceSpanSchema } from './source.ts';

/**
 * A passage of a document that discusses an indicator, found by rules over the indicator registry
 * (names and aliases, with exclusions for false hits such as 用电 inside 推广应用电子).
 */
export const MentionSchema = z.object({
  /** Stable id: `<blockId>-<indicatorId>`. */
  id: z.string(),
  indicatorId: z.string(),
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
