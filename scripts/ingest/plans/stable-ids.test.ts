/**
 * Ids are anchors that readers share: they derive from the manifest id and the printed number path
 * (or a line counted within the document), so editing one plan never changes another plan's ids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ManifestSchema } from '../../../src/schemas/index.ts';
import { decodeSource, type SourceText } from '../core/source-text.ts';
import { parsePlanPackage, type PlanPackageResult } from './index.ts';
import { fakeContext } from './test-support/fixture.ts';

const sources = join(import.meta.dirname, '../../../content/sources');
const entry = ManifestSchema.parse(parse(readFileSync(join(sources, 'manifest.yaml'), 'utf8'))).documents.find((d) => d.kind === 'plan-package')!;
const original = decodeSource(entry.file, readFileSync(join(sources, entry.file)));

function idsByDocument(result: PlanPackageResult): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const d of result.documents) ids.set(d.id, [d.id, ...d.blocks.map((b) => b.id)]);
  for (const t of result.tasks) ids.get(t.documentId)!.push(`${t.id} ${t.sectionId}`);
  for (const t of result.tables) ids.get(t.documentId)!.push(t.id);
  return ids;
}

describe('ids', () => {
  const before = idsByDocument(parsePlanPackage(entry, original, fakeContext()));

  it('stay the same on a second run', () => {
    expect(idsByDocument(parsePlanPackage(entry, original, fakeContext()))).toEqual(before);
  });

  it('of every other plan stay the same when a paragraph and a task are added to 附件2', () => {
    const at = original.lines.indexOf('三、主要措施', original.lines.indexOf('附件2'));
    const edited: SourceText = {
      ...original,
      lines: [
        ...original.lines.slice(0, at),
        '新增一段说明文字，用于检验编号稳定。',
        '',
        ...original.lines.slice(at, at + 2),
        '（零）新增任务。内容。',
        '时间节点：2022年12月',
        '责任单位：市税务局',
        ...original.lines.slice(at + 2),
      ],
    };
    const after = idsByDocument(parsePlanPackage(entry, edited, fakeContext()));
    for (const [documentId, ids] of before) {
      if (documentId.endsWith('-a02')) continue;
      expect(after.get(documentId)).toEqual(ids);
    }
    expect(after.get('pds-2022-plans-a02')!.filter((id) => id.includes('-t'))).toEqual(
      expect.arrayContaining(before.get('pds-2022-plans-a02')!.filter((id) => id.includes('-t'))),
    );
  });
});
