import { fileURLToPath } from 'node:url';
import { runGenerate } from './generate.ts';

export { runGenerate };

/** `npm run generate`: model → MDX pages + JSON collections, with a one-line summary. */
function main(): void {
  const started = performance.now();
  try {
    const result = runGenerate();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const counts = Object.entries(result.collections)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
    console.log(`generate: ${result.pages} pages; collections: ${counts} (${seconds} s)`);
  } catch (error) {
    console.error(`generate failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
