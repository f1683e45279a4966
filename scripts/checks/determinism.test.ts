import { describe, expect, it } from 'vitest';
import { compareTrees, isEmptyDifference, unexplainedDifferences } from './determinism.ts';
import { writeTestSite } from './test-site.ts';

describe('determinism check', () => {
  it('finds no difference between identical trees', async () => {
    const files = { 'index.html': 'a', 'plans/x/index.html': 'b' };
    expect(isEmptyDifference(await compareTrees(await writeTestSite(files), await writeTestSite(files)))).toBe(true);
  });

  it('names files that differ or exist on one side only', async () => {
    const first = await writeTestSite({ 'index.html': 'a', 'old.html': 'x', 'same.css': 'c' });
    const second = await writeTestSite({ 'index.html': 'A', 'new.html': 'y', 'same.css': 'c' });
    expect(await compareTrees(first, second)).toEqual({ onlyInFirst: ['old.html'], onlyInSecond: ['new.html'], changed: ['index.html'] });
  });

  it('leaves out only the differences an exception explains', () => {
    const difference = { onlyInFirst: [], onlyInSecond: [], changed: ['pagefind/x.pf_meta', 'index.html'] };
    const exceptions = [{ pattern: /^pagefind\//, reason: 'test' }];
    expect(unexplainedDifferences(difference, exceptions)).toEqual({ onlyInFirst: [], onlyInSecond: [], changed: ['index.html'] });
  });
});
