import type { RoleCounts } from './aggregate.ts';

/** Compact text of a matrix cell: `牵2 负1 配3`, roles with zero tasks left out. */
export function cellLabel(counts: RoleCounts): string {
  const parts: string[] = [];
  if (counts.lead > 0) parts.push(`牵${counts.lead}`);
  if (counts.responsible > 0) parts.push(`负${counts.responsible}`);
  if (counts.support > 0) parts.push(`配${counts.support}`);
  return parts.join(' ');
}
