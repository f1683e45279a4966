import { describe, expect, it } from 'vitest';
import { formatSummary, loadStage, MissingStageError, parseStageArgument, stageNames } from './build.ts';

describe('build pipeline runner', () => {
  it('runs every stage in pipeline order when no --stage is given', () => {
    expect(parseStageArgument([])).toEqual([...stageNames]);
    expect(stageNames).toEqual(['ingest', 'generate', 'astro', 'preload', 'open-data', 'search-index', 'headers']);
  });

  it('runs only the stages named by --stage', () => {
    expect(parseStageArgument(['--stage', 'ingest,astro'])).toEqual(['ingest', 'astro']);
  });

  it('refuses an unknown or empty --stage list, naming the valid stages', () => {
    expect(() => parseStageArgument(['--stage', 'ingest,compile'])).toThrow(/ingest, generate, astro/);
    expect(() => parseStageArgument(['--stage'])).toThrow(/comma-separated/);
  });

  it('names the module when a stage module is missing', async () => {
    await expect(loadStage('scripts/no-such-stage/cli.ts', 'runNothing')).rejects.toThrow(
      new MissingStageError('Pipeline stage module scripts/no-such-stage/cli.ts is missing (it must export runNothing).'),
    );
  });

  it('names the export when a stage module lacks it', async () => {
    await expect(loadStage('scripts/checks/files.ts', 'runNothing')).rejects.toThrow(/does not export a function runNothing/);
  });

  it('prints each stage time and the total', () => {
    const summary = formatSummary([
      { stage: 'ingest', seconds: 1.234 },
      { stage: 'astro', seconds: 10 },
    ]);
    expect(summary.split('\n')).toEqual(['Build summary:', '  ingest     1.23 s', '  astro     10.00 s', '  total     11.23 s']);
  });
});
