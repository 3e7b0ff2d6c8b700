/**
 * `npm run demo`: runs the leadtidy CLI on every bundled fixture, writing into out/,
 * and says where the outputs are.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import process from 'node:process';

const fixtures = readdirSync('fixtures').filter((f) => /\.(csv|tsv|txt|xlsx|xls)$/i.test(f)).sort();
let failed = 0;
for (const f of fixtures) {
  const out = join('out', `${basename(f, extname(f))}.clean.csv`);
  console.log(`\n$ leadtidy clean fixtures/${f} --out ${out}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'clean', join('fixtures', f), '--out', out], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
console.log(`\nDone: ${fixtures.length - failed} of ${fixtures.length} fixtures cleaned. Outputs are in ./out/ (clean file, *.rejects.csv, *.changes.csv, *.report.json per fixture).`);
process.exitCode = failed ? 1 : 0;
