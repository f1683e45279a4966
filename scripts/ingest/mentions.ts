import type { Department, Mention, PolicyDocument, PolicyTable, SourceSpan, SummaryRow, Task } from '../../src/schemas/index.ts';
import type { IndicatorEntry } from './registry/indicators.ts';
import type { UnitResolver } from './registry/resolve.ts';
import { excerpt, fold, indicatorMatcher, TermMatcher } from './registry/terms.ts';

/** Document kinds whose passages are scanned for department names (plans have their 责任单位 fields). */
const REPORT_KINDS = new Set(['bulletin', 'report', 'summary-table', 'department-report']);

export interface MentionInput {
  documents: readonly PolicyDocument[];
  tasks: readonly Task[];
  tables: readonly PolicyTable[];
  summaryRows: readonly SummaryRow[];
  indicatorEntries: readonly IndicatorEntry[];
  departments: readonly Department[];
  resolver: Pick<UnitResolver, 'searchOrder'>;
}

/** A passage of a document: the text of one block, with the anchor a mention links to. */
interface Passage {
  documentId: string;
  blockId: string;
  text: string;
  source: SourceSpan;
}

/**
 * Finds, in every document, the passages that discuss an indicator (its name, aliases or keywords,
 * outside unit names and outside the registry's exclusions), and in report-type documents the passages
 * that name a department of the document's jurisdiction chain (names, aliases and full names; generic
 * 泛指 entries are left out). One mention per (block, target): the first hit gives term and excerpt.
 */
export function findMentions(input: MentionInput): Mention[] {
  const indicators = indicatorMatcher(input.indicatorEntries, input.departments, 'all');
  const departmentMatchers = new Map<string, TermMatcher<string>>();
  const departmentsFor = (jurisdiction: string): TermMatcher<string> => {
    let matcher = departmentMatchers.get(jurisdiction);
    if (matcher) return matcher;
    const order = input.resolver.searchOrder(jurisdiction);
    const rank = (d: Department) => order.indexOf(d.jurisdiction);
    // Nearer jurisdictions first, so 市委 in a 西平县 report is 驻马店's (its own 县委 is another word).
    // Generic entries stay in the matcher so they claim their words (财政部门 is not 财政部), but their
    // hits are dropped below.
    const named = input.departments.filter((d) => rank(d) >= 0).sort((a, b) => rank(a) - rank(b));
    matcher = new TermMatcher(named.flatMap((d) => [d.name, ...d.aliases, d.fullName].map((term) => ({ term, target: d.id }))));
    departmentMatchers.set(jurisdiction, matcher);
    return matcher;
  };

  const generic = new Set(input.departments.filter((d) => d.kind === '泛指').map((d) => d.id));
  const mentions: Mention[] = [];
  const documents = new Map(input.documents.map((d) => [d.id, d]));
  for (const passage of passages(input)) {
    const document = documents.get(passage.documentId)!;
    const folded = fold(passage.text);
    const scans: [Mention['kind'], TermMatcher<string>][] = [['indicator', indicators]];
    if (REPORT_KINDS.has(document.kind)) scans.push(['department', departmentsFor(document.jurisdiction)]);
    for (const [kind, matcher] of scans) {
      const seen = new Set<string>();
      for (const hit of matcher.find(folded)) {
        if (seen.has(hit.target) || (kind === 'department' && generic.has(hit.target))) continue;
        seen.add(hit.target);
        const origin = folded.origin;
        mentions.push({
          id: `${passage.blockId}-${hit.target}`,
          kind,
          targetId: hit.target,
          documentId: passage.documentId,
          blockId: passage.blockId,
          term: passage.text.slice(origin[hit.start], origin[hit.end - 1]! + 1),
          excerpt: excerpt(passage.text, hit, origin),
          source: passage.source,
        });
      }
    }
  }
  return mentions;
}

function* passages(input: MentionInput): Generator<Passage> {
  const tasks = new Map(input.tasks.map((t) => [t.id, t]));
  const tables = new Map(input.tables.map((t) => [t.id, t]));
  const rowsOf = new Map<string, SummaryRow[]>();
  for (const row of input.summaryRows) rowsOf.set(row.documentId, [...(rowsOf.get(row.documentId) ?? []), row]);
  for (const document of input.documents) {
    const rows = rowsOf.get(document.id) ?? [];
    for (const block of document.blocks) {
      const base = { documentId: document.id, blockId: block.id, source: block.source };
      switch (block.type) {
        case 'heading':
          yield { ...base, text: [block.title, block.runIn ?? ''].join('\n') };
          break;
        case 'paragraph':
        case 'footnote':
          yield { ...base, text: block.text };
          break;
        case 'task': {
          const task = tasks.get(block.taskId);
          // The task's own id is its anchor on the page.
          if (task) yield { documentId: document.id, blockId: task.id, source: task.source, text: task.text };
          break;
        }
        case 'table': {
          const table = tables.get(block.tableId);
          if (table) {
            const cells = [...table.header, ...table.rows].flat().map((c) => c.text);
            yield { ...base, text: [table.caption ?? '', ...cells, ...table.notes].join('\n') };
          } else if (rows.length > 0) {
            // A summary table (商丘 附件1) shows its rows in this one block.
            yield { ...base, text: rows.flatMap((r) => [r.problemText, r.suggestions, ...r.rectification, r.unitsRaw]).join('\n') };
          }
          break;
        }
      }
    }
  }
}
