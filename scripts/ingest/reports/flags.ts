/**
 * Editorial flags from the manifest (`flags`): defects no rule can find, located by the text as
 * printed. Each becomes a repair of the document whose lines hold it; the text is never changed.
 */
import type { ManifestEntry, PolicyDocument } from '../../../src/schemas/index.ts';
import type { SourceText } from '../core/source-text.ts';
import type { DocumentBuilder } from './builder.ts';

export function applyEditorialFlags(
  entry: ManifestEntry,
  text: SourceText,
  builders: DocumentBuilder[],
  documents: PolicyDocument[],
): void {
  for (const flag of entry.flags ?? []) {
    const hits = text.lines.flatMap((line, i) => {
      const count = line.split(flag.text).length - 1;
      return Array.from({ length: count }, () => i + 1);
    });
    const owner = (line: number) => {
      const doc = documents.find((d) => d.source.line <= line && line <= d.source.endLine);
      return builders.find((b) => b.documentId === doc?.id) ?? builders[0]!;
    };
    if (hits.length !== 1) {
      const line = hits[0] ?? 1;
      owner(line).warn(
        hits.length === 0 ? 'flag-not-found' : 'flag-ambiguous',
        line,
        `manifest flag "${flag.text}" occurs ${hits.length} times in the file; expected exactly once (within one line) — lengthen or correct it`,
        'error',
      );
      continue;
    }
    const line = hits[0]!;
    owner(line).repair({ kind: flag.kind, before: flag.text, after: flag.text, note: flag.note, line, endLine: line });
  }
}
