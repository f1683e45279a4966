import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { IndicatorSchema, type Indicator } from '../../../src/schemas/index.ts';
import { IngestError, IngestErrors } from '../core/errors.ts';
import { matchKey } from './normalize.ts';
import { readYaml, topLevelList, validateItem } from './yaml-source.ts';

/** An entry of `content/data/indicators.yaml`: the curated part of an indicator plus its matching rules. */
export const IndicatorEntrySchema = IndicatorSchema.pick({
  id: true,
  name: true,
  aliases: true,
  group: true,
  parentId: true,
  description: true,
})
  .extend({
    /** Topic words that show a passage discusses the indicator (not names of it). */
    keywords: z.array(z.string().min(1)),
    /** Longer strings inside which a name, alias or keyword is not a mention (用电 in 使用电子). */
    exclude: z.array(z.string().min(1)),
  })
  .strict();
export type IndicatorEntry = z.infer<typeof IndicatorEntrySchema>;

/** Reads `content/data/indicators.yaml`; every fault is reported with its line, all at once. */
export function loadIndicators(path: string, file = path): IndicatorEntry[] {
  return parseIndicators(readFileSync(path, 'utf8'), file);
}

export function parseIndicators(text: string, file: string): IndicatorEntry[] {
  const source = readYaml(file, text);
  const errors: IngestError[] = [];
  const entries: { entry: IndicatorEntry; line: number; parentLine: number }[] = [];
  const idLines = new Map<string, number>();
  const claims = new Map<string, { id: string; line: number }>();
  for (const item of topLevelList(source, 'indicators')) {
    const entry = validateItem(source, item, IndicatorEntrySchema, 'indicator', errors);
    if (!entry) continue;
    const where = `indicator ${entry.id}`;
    if (idLines.has(entry.id)) {
      errors.push(new IngestError('duplicate-id', file, item.lineOfField(['id']), `${where}: id is already used at line ${idLines.get(entry.id)}`));
      continue;
    }
    idLines.set(entry.id, item.line);
    const terms = [
      { text: entry.name, line: item.lineOfField(['name']) },
      ...entry.aliases.map((t, i) => ({ text: t, line: item.lineOfField(['aliases', i]) })),
      ...entry.keywords.map((t, i) => ({ text: t, line: item.lineOfField(['keywords', i]) })),
    ];
    const own = new Set<string>();
    for (const { text, line } of terms) {
      const key = matchKey(text);
      if (own.has(key)) {
        errors.push(new IngestError('duplicate-term', file, line, `${where}: "${text}" is listed twice`));
        continue;
      }
      own.add(key);
      const previous = claims.get(key);
      if (previous) {
        errors.push(new IngestError('term-conflict', file, line, `${where}: "${text}" is already a term of ${previous.id} (line ${previous.line}); a term must point to one indicator`));
      } else claims.set(key, { id: entry.id, line });
    }
    for (const [i, excluded] of entry.exclude.entries()) {
      if (![...own].some((term) => matchKey(excluded).includes(term))) {
        errors.push(new IngestError('useless-exclusion', file, item.lineOfField(['exclude', i]), `${where}: exclusion "${excluded}" contains none of its terms, so it excludes nothing`));
      }
    }
    entries.push({ entry, line: item.line, parentLine: item.lineOfField(['parentId']) });
  }
  for (const { entry, parentLine } of entries) {
    if (entry.parentId !== null && !idLines.has(entry.parentId)) {
      errors.push(new IngestError('unknown-parent', file, parentLine, `indicator ${entry.id}: parentId "${entry.parentId}" is not an indicator id`));
    }
  }
  if (errors.length > 0) throw new IngestErrors(errors);
  return entries.map((e) => e.entry);
}

/** The model form of an entry, before the pipeline fills plans, targets and goals. */
export function toIndicator(entry: IndicatorEntry): Indicator {
  const indicator: Indicator = {
    id: entry.id,
    name: entry.name,
    aliases: entry.aliases,
    group: entry.group,
    parentId: entry.parentId,
    planIds: [],
    targets: [],
    goals: [],
  };
  if (entry.description !== undefined) indicator.description = entry.description;
  return indicator;
}
