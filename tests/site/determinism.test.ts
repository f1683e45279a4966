/** Two builds of the same sources give the same bytes (exceptions: scripts/checks/determinism.ts). */
import { describe, expect, it } from 'vitest';
import { compareTrees, unexplainedDifferences } from '../../scripts/checks/determinism.ts';
import { buildSite } from '../support/build-site.ts';

describe('deterministic build', () => {
  it('gives byte-identical dist/ when built twice from the same sources', async () => {
    const first = await buildSite({ base: '/' });
    const second = await buildSite({ base: '/', variant: 'second' });
    const difference = await compareTrees(first.distDir, second.distDir);
    expect(unexplainedDifferences(difference)).toEqual({ onlyInFirst: [], onlyInSecond: [], changed: [] });
  }, 1_800_000);
});
