/**
 * Synthetic corpora for the build benchmark: the real corpus plus copies of the plan
 * package issued by fictional cities (平顶山 → 青川 …), each copy with its own manifest
 * entry and its own department registry entries, so that pages, departments and the
 * search index all grow with the corpus. Written into a temporary content folder; the
 * real content/ is only read.
 */
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';

const originalCity = '平顶山';
const originalJurisdiction = `${originalCity}市`;
const planPackageId = 'pds-2022-plans';

const firstChars = [...'青白云石临安清长金玉宁丰永福嘉和泰兴华瑞'];
const secondChars = [...'川岭溪原泉林阳湖峰桥'];

/** Fictional two-character city names that occur nowhere in `texts` (so replacing creates no clash). */
export function fictionalCities(count: number, texts: readonly string[]): string[] {
  const cities: string[] = [];
  if (count === 0) return cities;
  for (const second of secondChars) {
    for (const first of firstChars) {
      const city = first + second;
      if (!texts.some((text) => text.includes(city))) cities.push(city);
      if (cities.length === count) return cities;
    }
  }
  throw new Error(`Only ${cities.length} fictional city names available, ${count} needed.`);
}

/** Id prefix of the `index`-th synthetic city: letters only, as the registry requires (`synaa`, `synab` …). */
export function syntheticPrefix(index: number): string {
  const letter = (n: number) => String.fromCharCode(97 + n);
  return `syn${letter(Math.floor(index / 26) % 26)}${letter(index % 26)}`;
}

/** Number of plan-package copies that makes the corpus about `scale` times its size in bytes. */
export function copiesForScale(scale: number, corpusBytes: number, planPackageBytes: number): number {
  return Math.max(0, Math.round(((scale - 1) * corpusBytes) / planPackageBytes));
}

interface ManifestEntry {
  id: string;
  file: string;
  title: string;
  shortTitle?: string;
  issuer: string;
  jurisdiction: string;
  [key: string]: unknown;
}

interface Registry {
  jurisdictions: { name: string; prefix: string; parent?: string }[];
  departments: { id: string; jurisdiction: string; [key: string]: unknown }[];
}

/** Replaces the original city in every string of a JSON-like value. */
function renameCity<T>(value: T, city: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll(originalCity, city)) as T;
}

export interface SyntheticCorpus {
  contentDir: string;
  copies: number;
  sourceBytes: number;
}

/**
 * Writes `content/` for a corpus about `scale` times the real one into `targetDir`:
 * all real sources and data, plus the plan-package copies.
 */
export async function writeSyntheticCorpus(realContentDir: string, targetDir: string, scale: number): Promise<SyntheticCorpus> {
  const sourcesDir = path.join(realContentDir, 'sources');
  const manifest = parse(await readFile(path.join(sourcesDir, 'manifest.yaml'), 'utf8')) as { documents: ManifestEntry[] };
  const planEntry = manifest.documents.find((entry) => entry.id === planPackageId);
  if (!planEntry) throw new Error(`${sourcesDir}/manifest.yaml has no entry ${planPackageId} to copy.`);
  const registryPath = path.join(realContentDir, 'data', 'departments.yaml');
  const registry = parse(await readFile(registryPath, 'utf8')) as Registry;
  const originalPrefix = registry.jurisdictions.find((j) => j.name === originalJurisdiction)?.prefix;
  if (!originalPrefix) throw new Error(`${registryPath} has no jurisdiction ${originalJurisdiction}.`);

  const sourceFiles = manifest.documents.map((entry) => entry.file);
  const texts = await Promise.all(sourceFiles.map((file) => readFile(path.join(sourcesDir, file), 'utf8')));
  const corpusBytes = (await Promise.all(sourceFiles.map((file) => stat(path.join(sourcesDir, file))))).reduce((sum, s) => sum + s.size, 0);
  const planText = await readFile(path.join(sourcesDir, planEntry.file), 'utf8');
  const copies = copiesForScale(scale, corpusBytes, Buffer.byteLength(planText));
  const cities = fictionalCities(copies, [...texts, JSON.stringify(registry)]);

  await mkdir(path.join(targetDir, 'sources'), { recursive: true });
  await mkdir(path.join(targetDir, 'data'), { recursive: true });
  for (const file of await readdir(path.join(realContentDir, 'data'))) {
    await copyFile(path.join(realContentDir, 'data', file), path.join(targetDir, 'data', file));
  }
  for (const file of sourceFiles) await copyFile(path.join(sourcesDir, file), path.join(targetDir, 'sources', file));

  const originalDepartments = registry.departments.filter((department) => department.jurisdiction === originalJurisdiction);
  const parent = registry.jurisdictions.find((j) => j.name === originalJurisdiction)?.parent;
  let sourceBytes = corpusBytes;
  for (const [index, city] of cities.entries()) {
    const prefix = syntheticPrefix(index);
    const file = `${prefix}-2022-action-plans.txt`;
    const text = planText.replaceAll(originalCity, city);
    await writeFile(path.join(targetDir, 'sources', file), text);
    sourceBytes += Buffer.byteLength(text);
    manifest.documents.push({ ...renameCity(planEntry, city), id: planPackageId.replace(originalPrefix, prefix), file });
    registry.jurisdictions.push({ name: `${city}市`, prefix, ...(parent ? { parent } : {}) });
    for (const department of originalDepartments) {
      registry.departments.push({ ...renameCity(department, city), id: department.id.replace(`${originalPrefix}-`, `${prefix}-`) });
    }
  }
  await writeFile(path.join(targetDir, 'sources', 'manifest.yaml'), stringify(manifest, { lineWidth: 0 }));
  await writeFile(path.join(targetDir, 'data', 'departments.yaml'), stringify(registry, { lineWidth: 0 }));
  return { contentDir: targetDir, copies, sourceBytes };
}
