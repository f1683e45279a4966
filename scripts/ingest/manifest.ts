import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestEntrySchema, type ManifestEntry } from '../../src/schemas/index.ts';
import { IngestError, IngestErrors } from './core/errors.ts';
import { readYaml, topLevelList, validateItem } from './registry/yaml-source.ts';

export interface LoadedManifest {
  entries: ManifestEntry[];
  /** Line of each entry in the manifest, by id (for later messages about an entry as a whole). */
  lines: Map<string, number>;
}

/**
 * Reads `<sourcesDir>/manifest.yaml`: validates every entry, and checks that each file exists, ids and
 * files are unique, and the split patterns compile. All faults are reported together, each with the
 * manifest line it concerns.
 */
export function loadManifest(sourcesDir: string, displayDir = sourcesDir): LoadedManifest {
  const path = join(sourcesDir, 'manifest.yaml');
  const file = join(displayDir, 'manifest.yaml');
  if (!existsSync(path)) throw new IngestError('manifest-missing', file, 1, 'the source manifest does not exist; expected a list `documents:` describing each source text');
  return parseManifest(readFileSync(path, 'utf8'), file, (name) => existsSync(join(sourcesDir, name)));
}

export function parseManifest(text: string, file: string, fileExists: (name: string) => boolean): LoadedManifest {
  const source = readYaml(file, text);
  const errors: IngestError[] = [];
  const entries: ManifestEntry[] = [];
  const lines = new Map<string, number>();
  const fileLines = new Map<string, number>();
  const items = topLevelList(source, 'documents');
  if (items.length === 0) errors.push(new IngestError('manifest-empty', file, 1, 'the manifest lists no documents'));
  for (const item of items) {
    const entry = validateItem(source, item, ManifestEntrySchema.strict(), 'manifest entry', errors);
    if (!entry) continue;
    const where = `document ${entry.id}`;
    if (lines.has(entry.id)) {
      errors.push(new IngestError('duplicate-id', file, item.lineOfField(['id']), `${where}: id is already used at line ${lines.get(entry.id)}`));
      continue;
    }
    lines.set(entry.id, item.line);
    if (fileLines.has(entry.file)) {
      errors.push(new IngestError('duplicate-file', file, item.lineOfField(['file']), `${where}: file "${entry.file}" is already described at line ${fileLines.get(entry.file)}`));
    } else fileLines.set(entry.file, item.line);
    if (/[\\/]/.test(entry.file) || entry.file.startsWith('.')) {
      errors.push(new IngestError('bad-file', file, item.lineOfField(['file']), `${where}: file "${entry.file}" must be a plain file name inside the sources folder`));
    } else if (!fileExists(entry.file)) {
      errors.push(new IngestError('file-missing', file, item.lineOfField(['file']), `${where}: file "${entry.file}" does not exist in the sources folder`));
    }
    if (!isRealDate(entry.date)) {
      errors.push(new IngestError('bad-date', file, item.lineOfField(['date']), `${where}: date "${entry.date}" is not a calendar date; expected YYYY, YYYY-MM or YYYY-MM-DD`));
    }
    for (const [path, pattern] of patternsOf(entry)) {
      try {
        new RegExp(pattern, 'u');
      } catch (e) {
        errors.push(new IngestError('bad-pattern', file, item.lineOfField(path), `${where}: ${path.join('.')} is not a valid regular expression: ${(e as Error).message}`));
      }
    }
    entries.push(entry);
  }
  if (errors.length > 0) throw new IngestErrors(errors);
  return { entries, lines };
}

function isRealDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return y >= 1900 && y <= 2100;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

function patternsOf(entry: ManifestEntry): [string[], string][] {
  const out: [string[], string][] = [];
  const split = entry.split;
  if (split?.attachmentMarker) out.push([['split', 'attachmentMarker'], split.attachmentMarker]);
  if (split?.summaryTable) out.push([['split', 'summaryTable', 'marker'], split.summaryTable.marker]);
  if (split?.departmentReports) out.push([['split', 'departmentReports', 'titlePattern'], split.departmentReports.titlePattern]);
  return out;
}
