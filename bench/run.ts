/**
 * `npm run bench [-- <filter>…]`: runs every bench/*.bench.ts and bench/*-accuracy.ts
 * in its own process (so peak memory is per benchmark), in name order.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') || f.endsWith('-accuracy.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort((a, b) => Number(a.endsWith('-accuracy.ts')) - Number(b.endsWith('-accuracy.ts')) || a.localeCompare(b));

console.log(`# leadtidy benchmarks — node ${process.version}, ${new Date().toISOString()}`);
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`!!! ${f} exited with ${r.status ?? r.signal}`);
  }
}
process.exitCode = failed ? 1 : 0;
