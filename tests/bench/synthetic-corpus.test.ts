import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copiesForScale, fictionalCities, syntheticPrefix, writeSyntheticCorpus } from '../../bench/synthetic-corpus.ts';

const contentDir = path.resolve(import.meta.dirname, '../../content');

describe('synthetic corpora for the build benchmark', () => {
  it('adds enough plan packages to reach the requested size', () => {
    expect(copiesForScale(1, 700, 380)).toBe(0);
    expect(copiesForScale(10, 700, 380)).toBe(17);
    expect(copiesForScale(30, 700, 380)).toBe(53);
  });

  it('gives each synthetic city a letters-only id prefix', () => {
    expect([0, 1, 25, 26, 52].map(syntheticPrefix)).toEqual(['synaa', 'synab', 'synaz', 'synba', 'synca']);
  });

  it('picks distinct city names that the texts never use', () => {
    const cities = fictionalCities(60, ['青川市营商环境']);
    expect(new Set(cities).size).toBe(60);
    expect(cities).not.toContain('青川');
    expect(fictionalCities(0, [])).toEqual([]);
  });

  it('copies the plan package under new cities, with manifest and registry entries of their own', async () => {
    const target = await mkdtemp(path.join(os.tmpdir(), 'kb-synthetic-'));
    const corpus = await writeSyntheticCorpus(contentDir, target, 3);
    expect(corpus.copies).toBeGreaterThanOrEqual(3);
    const manifest = parse(await readFile(path.join(target, 'sources', 'manifest.yaml'), 'utf8'));
    const copies = manifest.documents.filter((entry: { id: string }) => entry.id.startsWith('syn'));
    expect(copies).toHaveLength(corpus.copies);
    const first = copies[0];
    expect(first.id).toBe('synaa-2022-plans');
    expect(first.jurisdiction).not.toContain('平顶山');
    const text = await readFile(path.join(target, 'sources', first.file), 'utf8');
    expect(text).not.toContain('平顶山');
    expect(text).toContain(first.jurisdiction);

    const registry = parse(await readFile(path.join(target, 'data', 'departments.yaml'), 'utf8'));
    const original = registry.departments.filter((d: { jurisdiction: string }) => d.jurisdiction === '平顶山市');
    const copied = registry.departments.filter((d: { jurisdiction: string }) => d.jurisdiction === first.jurisdiction);
    expect(copied).toHaveLength(original.length);
    expect(copied.every((d: { id: string }) => d.id.startsWith('synaa-'))).toBe(true);
    expect(registry.jurisdictions).toContainEqual(expect.objectContaining({ name: first.jurisdiction, prefix: 'synaa' }));
  });
});
