import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIngest } from '../../scripts/ingest/cli.ts';
import { IngestErrors } from '../../scripts/ingest/core/errors.ts';

/** A copy of the content folder that a test may damage. */
function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-content-'));
  cpSync('content', dir, { recursive: true });
  return dir;
}

function ingestErrors(contentDir: string): string[] {
  try {
    runIngest({ contentDir, outDir: mkdtempSync(join(tmpdir(), 'kb-out-')) });
  } catch (e) {
    if (e instanceof IngestErrors) return e.errors.map((x) => x.message);
    throw e;
  }
  throw new Error('expected the ingest to fail');
}

describe('npm run ingest', () => {
  it('stops listing every unresolved unit string with file:line when the registry lacks a spelling', () => {
    const dir = contentCopy();
    const registry = join(dir, 'data', 'departments.yaml');
    writeFileSync(registry, readFileSync(registry, 'utf8').replace('aliases: [市发展改革委, 市发改委, ', 'aliases: ['));
    const errors = ingestErrors(dir);
    const fieldLines = readFileSync('content/sources/pingdingshan-2022-action-plans.txt', 'utf8')
      .split('\n')
      .flatMap((l, i) => (/^责任单位：.*市发改委(?!（市铁路办）)/.test(l) ? [i + 1] : []));
    expect(fieldLines.length).toBeGreaterThan(20);
    for (const line of fieldLines) {
      expect(errors).toContain(
        `pingdingshan-2022-action-plans.txt:${line}: unit "市发改委" is not in content/data/departments.yaml for 平顶山市 → 河南省 → 国家 → 国际; add it as a name or alias of the right entry [unit-unresolved]`,
      );
    }
    expect(errors.some((e) => e.includes('unit "市发展改革委"'))).toBe(true);
  });

  it('names the manifest line of a document whose jurisdiction the registry does not know', () => {
    const dir = contentCopy();
    const manifest = join(dir, 'sources', 'manifest.yaml');
    const text = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, text.replace('jurisdiction: 商丘市', 'jurisdiction: 开封市'));
    const entryLine = text.split('\n').findIndex((l) => l.includes('- id: sq-2022-rectification')) + 1;
    expect(ingestErrors(dir)).toEqual([
      expect.stringMatching(new RegExp(`sources/manifest\\.yaml:${entryLine}: document sq-2022-rectification: jurisdiction "开封市" is not listed in content/data/departments\\.yaml`)),
    ]);
  });

  it('exits non-zero and prints the errors when run from the command line', () => {
    const dir = contentCopy();
    const manifest = join(dir, 'sources', 'manifest.yaml');
    const text = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, text.replace('file: xiping-regulations-report-2021.txt', 'file: xiping-missing.txt'));
    const fileLine = text.split('\n').findIndex((l) => l.includes('file: xiping-regulations-report-2021.txt')) + 1;
    const run = spawnSync(process.execPath, ['scripts/ingest/cli.ts'], {
      env: { ...process.env, KB_CONTENT_DIR: dir, KB_GENERATED_DIR: mkdtempSync(join(tmpdir(), 'kb-out-')) },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`ingest failed: 1 error\\(s\\)\\n {2}.*manifest\\.yaml:${fileLine}: document xp-2021-regulations-report: file "xiping-missing\\.txt" does not exist`),
    );
  });
});
