import type { PolicyDocument } from '../schemas/index.ts';
import { groupBy } from './aggregate.ts';
import { isPlanKind } from './labels.ts';

/** Plans grouped by their package (manifest source), each package's plans by attachment number. */
export function planPackages(documents: readonly PolicyDocument[]): { sourceId: string; plans: PolicyDocument[] }[] {
  return [...groupBy(documents.filter((d) => isPlanKind(d.kind)), (d) => d.sourceId)].map(([sourceId, plans]) => ({
    sourceId,
    plans: [...plans].sort((a, b) => (a.attachment ?? 0) - (b.attachment ?? 0)),
  }));
}
