/**
 * A fault in a source or a data file that stops the build. The message always names
 * `file:line` and what was expected, so a maintainer can act on it without reading code.
 */
export class IngestError extends Error {
  readonly file: string;
  readonly line: number;
  readonly code: string;

  constructor(code: string, file: string, line: number, message: string) {
    super(`${file}:${line}: ${message} [${code}]`);
    this.name = 'IngestError';
    this.code = code;
    this.file = file;
    this.line = line;
  }
}

/** Several faults found in one pass, reported together so one build run lists all of them. */
export class IngestErrors extends Error {
  readonly errors: IngestError[];

  constructor(errors: IngestError[]) {
    super(`${errors.length} source error(s):\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
    this.name = 'IngestErrors';
    this.errors = errors;
  }
}
