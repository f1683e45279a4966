/**
 * Fixture folders: `fixtures/<case>/input.txt` (a small plan package showing one irregularity of
 * the sources) and `expected.json` (what the parser must make of it), or `error.txt` (the start of
 * the IngestError message it must throw, file:line included). Each case also passes the lossless
 * guard: every character of the input lands in the output.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../core/source-text.ts';
import { checkLossless } from './lossless-check.ts';
import { parseFixture, project } from './test-support/fixture.ts';

const root = join(import.meta.dirname, 'fixtures');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('plan-package fixtures', () => {
  it('has a fixture folder for each irregularity', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases) {
    const dir = join(root, name);
    const errorPath = join(dir, 'error.txt');
    if (existsSync(errorPath)) {
      it(`refuses ${name} with an error naming file:line`, () => {
        const expected = readFileSync(errorPath, 'utf8').trim();
        expect(() => parseFixture(dir)).toThrow(expected);
      });
      continue;
    }
    it(`reads ${name} as expected`, () => {
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
      expect(project(parseFixture(dir))).toEqual(expected);
    });
    it(`accounts for every character of ${name}`, () => {
      const text = decodeSource('input.txt', readFileSync(join(dir, 'input.txt')));
      const report = checkLossless(text, parseFixture(dir));
      expect(report.missing).toEqual([]);
      expect(report.covered).toBe(report.total);
    });
  }
});
