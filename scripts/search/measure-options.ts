/**
 * Sizes of the exact-match designs on a built site, for docs/search.md:
 *   node scripts/search/measure-options.ts [distDir]
 * (a) the chosen block-text index (exact-index.json), (b) a character-bigram → pages index
 * (which still needs the texts to verify candidates and cut excerpts), (c) Pagefind's own
 * fragments, which a "verify Pagefind's candidates" design would have to download.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createExactEngine } from '../../src/scripts/search/engine.ts';
import type { ExactIndex } from '../../src/scripts/search/index-format.ts';
import { EXACT_INDEX_PATH, unpackTexts } from '../../src/scripts/search/index-format.ts';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export async function measureOptions(distDir: string): Promise<string[]> {
  const raw = await readFile(path.join(distDir, EXACT_INDEX_PATH));
  const index = JSON.parse(raw.toString('utf8')) as ExactIndex;
  const { displayed, normalized } = unpackTexts(index.texts);
  const lines: string[] = [];
  const started = performance.now();
  createExactEngine(JSON.parse(raw.toString('utf8')) as ExactIndex);
  const engineMs = performance.now() - started;
  const pageTextChars = index.pages.reduce((sum, page) => sum + page.blocks.reduce((s, [t]) => s + (displayed[t]?.length ?? 0), 0), 0);
  const uniqueChars = displayed.reduce((sum, text) => sum + text.length, 0);
  lines.push(
    `pages ${index.pages.length}; text shown on all pages ${pageTextChars} chars; distinct block texts ${index.texts.length} (${uniqueChars} chars, ${((1 - uniqueChars / pageTextChars) * 100).toFixed(0)} % saved by sharing)`,
    `(a) exact-index.json: ${kb(raw.length)}, ${kb(gzipSync(raw).length)} gzipped; parse + engine set-up in Node: ${engineMs.toFixed(0)} ms`,
  );

  // (b) bigram → sorted page ids (delta-encoded), as a compact n-gram index would ship it.
  const postings = new Map<string, Set<number>>();
  index.pages.forEach((page, pageIndex) => {
    for (const [textIndex] of page.blocks) {
      const text = normalized[textIndex] ?? '';
      for (let i = 0; i + 1 < text.length; i += 1) {
        const gram = text.slice(i, i + 2);
        let pages = postings.get(gram);
        if (!pages) postings.set(gram, (pages = new Set()));
        pages.add(pageIndex);
      }
    }
  });
  const encoded: Record<string, number[]> = {};
  let postingCount = 0;
  for (const [gram, pages] of [...postings].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sorted = [...pages].sort((a, b) => a - b);
    postingCount += sorted.length;
    encoded[gram] = sorted.map((value, i) => value - (sorted[i - 1] ?? 0));
  }
  const bigramJson = Buffer.from(JSON.stringify(encoded));
  lines.push(
    `(b) bigram → pages index: ${postings.size} bigrams, ${postingCount} postings, ${kb(bigramJson.length)} (${kb(gzipSync(bigramJson).length)} gzipped) — plus the texts for verification and excerpts`,
  );

  // (c) Pagefind's fragments: one per page, each the page's full text.
  const pagefindDir = path.join(distDir, 'pagefind');
  let fragments = 0;
  let fragmentBytes = 0;
  let indexBytes = 0;
  for (const entry of await readdir(pagefindDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const size = (await readFile(path.join(entry.parentPath, entry.name))).length;
    if (entry.name.endsWith('.pf_fragment')) {
      fragments += 1;
      fragmentBytes += size;
    } else if (entry.name.endsWith('.pf_index') || entry.name.endsWith('.pf_meta')) indexBytes += size;
  }
  lines.push(
    `(c) Pagefind: ${fragments} fragments, ${kb(fragmentBytes)} gzipped in all (${kb(fragmentBytes / Math.max(1, fragments))} per page); index chunks + meta ${kb(indexBytes)}`,
  );
  return lines;
}

if (import.meta.main) {
  const distDir = path.resolve(process.argv[2] ?? 'dist');
  for (const line of await measureOptions(distDir)) console.log(line);
}
