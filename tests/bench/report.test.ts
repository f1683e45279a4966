import { describe, expect, it } from 'vitest';
import { withSection } from '../../bench/report.ts';

describe('BENCHMARKS.md sections', () => {
  it('appends a section that is not there yet', () => {
    expect(withSection('# Benchmarks\n', 'build', '## Build\nfigures')).toBe('# Benchmarks\n\n<!-- build:start -->\n## Build\nfigures\n<!-- build:end -->\n');
  });

  it('replaces only its own section', () => {
    const document = withSection(withSection('# B\n', 'build', 'old build'), 'search', 'search figures');
    const updated = withSection(document, 'build', 'new build');
    expect(updated).toContain('new build');
    expect(updated).not.toContain('old build');
    expect(updated).toContain('<!-- search:start -->\nsearch figures\n<!-- search:end -->');
    expect(updated.indexOf('new build')).toBeLessThan(updated.indexOf('search figures'));
  });
});
