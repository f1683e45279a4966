import type { Department, Diagnostic, PolicyDocument, PolicyTable, Repair, SummaryRow, Task } from '../../src/schemas/index.ts';

/** Where a name or fact sits in a source text (`file` relative to `content/sources/`). */
/** What every parser returns for one source: its slice of the model (empty arrays where n/a). */
export interface ParseResult {
  documents: PolicyDocument[];
  tasks: Task[];
  tables: PolicyTable[];
  summaryRows: SummaryRow[];
  repairs: Repair[];
  diagnostics: Diagnostic[];
}

export interface SourceAt {
  file: string;
  line: number;
}

/** What a parser gets from the pipeline besides the text: the registries and a place for findings. */
export interface ParseContext {
  /** Jurisdiction of the manifest entry (平顶山市, 商丘市 …); unit names are read within it. */
  jurisdiction: string;
  /**
   * Resolves a unit name as printed (after the parser stripped role words such as 牵头/配合) to a
   * registered department of this jurisdiction, its parent jurisdiction, or the province/nation.
   * Returns null and records the name (with `at`) when nothing matches; the build then stops and
   * lists every unresolved name, so parsers just carry on.
   */
  resolveUnit(name: string, at: SourceAt): { id: string; name: string } | null;
  /** Records a non-fatal finding; it lands in `model.diagnostics` and the ingest summary. */
  warn(diagnostic: Diagnostic): void;
}

/** The part of the unit resolver a parse context needs (see `registry/resolve.ts`). */
export interface UnitLookup {
  resolve(name: string, jurisdiction: string, at: SourceAt): Department | null;
}

export interface ParseContextOptions {
  jurisdiction: string;
  resolver: UnitLookup;
  /** Receives every diagnostic the parser reports (the pipeline's shared list). */
  diagnostics: Diagnostic[];
}

/** Builds the context a parser gets for one manifest entry. */
export function createParseContext({ jurisdiction, resolver, diagnostics }: ParseContextOptions): ParseContext {
  return {
    jurisdiction,
    resolveUnit(name, at) {
      const department = resolver.resolve(name, jurisdiction, at);
      return department ? { id: department.id, name: department.name } : null;
    },
    warn(diagnostic) {
      diagnostics.push(diagnostic);
    },
  };
}
