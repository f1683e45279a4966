/**
 * Block ids of a report are anchors readers share: an edit to one part of a multi-document file
 * (a department report of 商丘's 004) must not move the anchors of the other parts.
 */
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../core/source-text.ts';
import { parseReport, type ReportParseResult } from './parse-report.ts';
import { loadManifest, loadSource, registryContext } from './test-support/corpus.ts';

const entry = loadManifest().find((e) => e.id === 'sq-2022-rectification')!;
const original = loadSource(entry);

function parseWith(lines: string[]): ReportParseResult {
  const text = decodeSource(entry.file, Buffer.from(lines.join('\n'), 'utf8'));
  return parseReport(entry, text, registryContext(entry.jurisdiction));
}

/** Every id a page can link to: documents, blocks, summary rows, repairs; grouped by document. */
function anchorsByDocument(result: ReportParseResult): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const d of result.documents) map.set(d.id, [d.id, ...d.blocks.map((b) => b.id)]);
  for (const r of result.summaryRows) map.get(r.documentId)!.push(r.id);
  for (const r of result.repairs) map.get(r.documentId)!.push(r.id);
  return map;
}

describe('report block ids', () => {
  const before = anchorsByDocument(parseWith(original.lines));
  const firstReport = parseWith(original.lines).documents.find((d) => d.id === 'sq-2022-rectification-d02')!;

  it('stay the same in every other part when a paragraph is added to the first department report', () => {
    const lines = [...original.lines];
    // After the first body line of 附件2, a new paragraph (blank line + text), as an editor would add it.
    lines.splice(firstReport.source.line + 2, 0, '', '这是编辑新增的一段文字，用来检验其他部分的锚点不变。');
    const after = anchorsByDocument(parseWith(lines));
    for (const [id, anchors] of before) {
      if (id === 'sq-2022-rectification-d02') continue;
      expect(after.get(id), id).toEqual(anchors);
    }
    expect(after.get('sq-2022-rectification-d02')).not.toEqual(before.get('sq-2022-rectification-d02'));
  });

  it('count lines from the first line of their part: 附件2 starts at its title line', () => {
    const basis = firstReport.blocks[0]!;
    expect(basis.source.line).toBe(firstReport.source.line + 2);
    expect(basis.id).toBe('sq-2022-rectification-d02-b3');
  });
});
