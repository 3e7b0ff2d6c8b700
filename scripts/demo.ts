/**
 * `npm run demo`: runs the leadtidy CLI on every bundled fixture, writing into out/,
 * and says where the outputs are.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import process from 'node:process';

// Lead files only: accounts.csv is the account list, crm-export.csv doubles as the existing records.
const fixtures = readdirSync('fixtures').filter((f) => /\.(csv|tsv|txt|xlsx|xls)$/i.test(f) && f !== 'accounts.csv').sort();
let failed = 0;
for (const f of fixtures) {
  const out = join('out', `${basename(f, extname(f))}.clean.csv`);
  const extra = f === 'crm-export.csv' ? [] : ['--existing', 'fixtures/crm-export.csv', '--accounts', 'fixtures/accounts.csv'];
  const report = join('out', `${basename(f, extname(f))}.report.html`);
  console.log(`\n$ leadtidy clean fixtures/${f} --out ${out} ${extra.join(' ')} --report ${report}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'clean', join('fixtures', f), '--out', out, ...extra, '--report', report], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
console.log(`\nDone: ${fixtures.length - failed} of ${fixtures.length} fixtures cleaned. Outputs are in ./out/ (per fixture: clean file, *.rejects.csv, *.changes.csv, *.report.json, *.report.html, and *.merges.json where duplicates merged).`);
process.exitCode = failed ? 1 : 0;
