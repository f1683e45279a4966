import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { IngestError } from '../core/errors.ts';

/**
 * A YAML data file read with positions, so every complaint about it can name `file:line`.
 * The `yaml` package keeps source ranges on every node; a LineCounter turns offsets into lines.
 */
export interface YamlSource {
  file: string;
  document: Document.Parsed;
  /** 1-based line of a node, or 1 when the node has no range. */
  lineOf(node: unknown): number;
}

export function readYaml(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (document.errors.length > 0) {
    throw new IngestError(
      'yaml-syntax',
      file,
      lineAt(document.errors[0]!.pos[0]),
      `is not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`,
    );
  }
  return {
    file,
    document,
    lineOf(node) {
      const range = (node as Node | undefined)?.range;
      return range ? lineAt(range[0]) : 1;
    },
  };
}

/** One item of a top-level YAML list, with a way to find the line of any of its fields. */
export interface YamlItem {
  /** The item as plain data. */
  value: unknown;
  /** Line where the item starts. */
  line: number;
  /** Line of a field (the key's line), or the item's line when the field is absent. */
  lineOfField(path: readonly PropertyKey[]): number;
}

/** The items of the list under `key` at the top of the document; an error when it is missing. */
export function topLevelList(source: YamlSource, key: string): YamlItem[] {
  const root = source.document.contents;
  const list = isMap(root) ? root.get(key, true) : undefined;
  if (!isSeq(list)) {
    throw new IngestError('yaml-shape', source.file, source.lineOf(root), `expected a top-level list \`${key}:\``);
  }
  return list.items.map((node) => ({
    value: (node as Node).toJSON(),
    line: source.lineOf(node),
    lineOfField(path) {
      let current: unknown = node;
      let line = source.lineOf(node);
      for (const segment of path) {
        if (isMap(current)) {
          const pair = current.items.find((p) => isScalar(p.key) && p.key.value === segment);
          if (!pair) break;
          line = source.lineOf(pair.key);
          current = pair.value;
        } else if (isSeq(current) && typeof segment === 'number') {
          current = current.items[segment];
          if (!current) break;
          line = source.lineOf(current);
        } else break;
      }
      return line;
    },
  }));
}

/** Validates an item with a zod schema; each issue becomes an IngestError at the field's line. */
export function validateItem<T>(
  source: YamlSource,
  item: YamlItem,
  schema: z.ZodType<T>,
  what: string,
  errors: IngestError[],
): T | null {
  const result = schema.safeParse(item.value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || '(entry)';
    let message: string;
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const got = getPath(item.value, issue.path);
      message = `${what}: ${field} "${String(got)}" is not allowed; expected one of ${(issue.values as unknown[]).join(', ')}`;
    } else if (issue.code === 'invalid_type' && getPath(item.value, issue.path) === undefined) {
      message = `${what}: missing field \`${field}\` (${issue.expected})`;
    } else if (issue.code === 'unrecognized_keys') {
      message = `${what}: unknown field(s) ${issue.keys.map((k) => `\`${k}\``).join(', ')}`;
    } else {
      message = `${what}: ${field}: ${issue.message}`;
    }
    errors.push(new IngestError(`invalid-${what.split(' ')[0]}`, source.file, item.lineOfField(issue.path), message));
  }
  return null;
}

function getPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
