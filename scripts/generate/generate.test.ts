import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGenerate } from './generate.ts';

const fixture = join(import.meta.dirname, 'fixtures', 'dev-model', 'model.json');

function workspace(): { root: string; modelPath: string; docsDir: string; outDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'kb-generate-'));
  const outDir = join(root, 'generated');
  mkdirSync(outDir);
  const modelPath = join(outDir, 'model.json');
  writeFileSync(modelPath, readFileSync(fixture));
  return { root, modelPath, docsDir: join(root, 'docs'), outDir };
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

describe('runGenerate', () => {
  it('writes a page per document in plans/ or reports/ and every collection, next to the model by default', () => {
    const { modelPath, docsDir, outDir } = workspace();
    const result = runGenerate({ modelPath, docsDir, contentDir: 'content' });
    expect(result.pages).toBe(5);
    expect(readdirSync(join(docsDir, 'plans')).sort()).toEqual(['pds-2022-plans-a01.mdx', 'pds-2022-plans-a04.mdx']);
    expect(readdirSync(join(docsDir, 'reports')).sort()).toEqual([
      'sq-2022-rectification-d02.mdx',
      'sq-2022-rectification-summary.mdx',
      'sq-2022-rectification.mdx',
    ]);
    expect(readdirSync(join(outDir, 'collections')).sort()).toEqual(
      ['departments', 'documents', 'indicators', 'mentions', 'repairs', 'sources', 'summaryRows', 'tables', 'tasks'].map((n) => `${n}.json`),
    );
    const sources = JSON.parse(readFileSync(join(outDir, 'collections', 'sources.json'), 'utf8')) as { id: string; lines: string[] }[];
    expect(sources.map((s) => s.id)).toEqual(['pds-2022-plans', 'sq-2022-rectification']);
    expect(sources[0]?.lines[0]).toBe('平顶山市2022年营商环境优化提升');
    expect(sources.every((s) => !('note' in s)), 'no note key where the manifest has none').toBe(true);
  });

  it('carries the manifest note of a source into the sources collection, for the document header', () => {
    const { modelPath, docsDir, outDir } = workspace();
    const model = JSON.parse(readFileSync(modelPath, 'utf8'));
    model.sources[0].note = '文本未注明发文机关和成文日期。';
    writeFileSync(modelPath, JSON.stringify(model));
    runGenerate({ modelPath, docsDir, contentDir: 'content' });
    const sources = JSON.parse(readFileSync(join(outDir, 'collections', 'sources.json'), 'utf8')) as { note?: string }[];
    expect(sources[0]?.note).toBe('文本未注明发文机关和成文日期。');
  });

  it('is deterministic: a second run gives byte-identical files', () => {
    const { root, modelPath, docsDir } = workspace();
    runGenerate({ modelPath, docsDir, contentDir: 'content' });
    const first = snapshot(root);
    runGenerate({ modelPath, docsDir, contentDir: 'content' });
    expect(snapshot(root)).toEqual(first);
  });

  it('removes pages of documents that are no longer in the model', () => {
    const { modelPath, docsDir } = workspace();
    runGenerate({ modelPath, docsDir, contentDir: 'content' });
    const model = JSON.parse(readFileSync(modelPath, 'utf8')) as { documents: { id: string }[] };
    model.documents = model.documents.filter((d) => d.id !== 'pds-2022-plans-a04');
    writeFileSync(modelPath, JSON.stringify(model));
    runGenerate({ modelPath, docsDir, contentDir: 'content' });
    expect(readdirSync(join(docsDir, 'plans'))).toEqual(['pds-2022-plans-a01.mdx']);
  });

  it('stops with a clear message when the model is missing or does not match the schema', () => {
    const { modelPath, docsDir } = workspace();
    expect(() => runGenerate({ modelPath: modelPath + '.missing', docsDir })).toThrow(/cannot read the model .*npm run ingest/);
    writeFileSync(modelPath, JSON.stringify({ documents: [] }));
    expect(() => runGenerate({ modelPath, docsDir })).toThrow(/does not match ModelSchema/);
  });

  it('refuses duplicate ids, which a collection would silently collapse', () => {
    const { modelPath, docsDir } = workspace();
    const model = JSON.parse(readFileSync(modelPath, 'utf8')) as { departments: unknown[] };
    model.departments.push(model.departments[0]);
    writeFileSync(modelPath, JSON.stringify(model));
    expect(() => runGenerate({ modelPath, docsDir, contentDir: 'content' })).toThrow(/duplicate id in collection departments: pds-fgw/);
  });
});
