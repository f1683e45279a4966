import type { Task } from '../schemas/index.ts';
import { deadlineBuckets } from './aggregate.ts';
import { monthLabel } from './labels.ts';

/** Table-of-contents headings of a deadlines page (one per bucket). */
export function deadlineHeadings(tasks: readonly Task[]): { depth: number; slug: string; text: string }[] {
  return deadlineBuckets(tasks).map((bucket) => ({
    depth: 2,
    slug: `m-${bucket.key}`,
    text: bucketLabel(bucket.key),
  }));
}

/** Heading of a deadline bucket: `2022年6月`, 持续推进, 定期开展 or 未注明时间节点. */
export function bucketLabel(key: string): string {
  if (key === 'continuous') return '持续推进';
  if (key === 'periodic') return '定期开展';
  if (key === 'none') return '未注明时间节点';
  return monthLabel(key);
}
