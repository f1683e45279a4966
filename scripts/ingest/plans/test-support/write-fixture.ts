/**
 * Writes `expected.json` for the fixture folders named on the command line, from the parser's
 * current output. Review every written file by eye before committing: the fixture is only a test
 * if a human checked that the output is right.
 *   node scripts/ingest/plans/test-support/write-fixture.ts <case> …
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFixture, project } from './fixture.ts';

for (const name of process.argv.slice(2)) {
  const dir = join(import.meta.dirname, '..', 'fixtures', name);
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(project(parseFixture(dir)), null, 2)}\n`);
  console.log(`wrote ${name}/expected.json`);
}
