/**
 * Reject accuracy on the bundled fixtures against fixtures/truth.json: share of known junk
 * rows rejected (recall) and share of real leads wrongly rejected, per file.
 */
import truth from '../fixtures/truth.json' with { type: 'json' };
import { cleanse } from '../src/index.js';
import { readLeadFile } from '../src/node.js';

let tp = 0;
let fn = 0;
let fp = 0;
let real = 0;
const misses: string[] = [];
const wrong: string[] = [];
console.log('| file | junk rows | rejected junk | real rows | real rows rejected |');
console.log('|---|---|---|---|---|');
for (const t of Object.values(truth.files)) {
  const parsed = await readLeadFile(`fixtures/${t.file}`);
  const result = cleanse(parsed);
  const rejectedIdx = new Map<number, string>();
  for (const r of result.rejected) rejectedIdx.set(parsed.meta.rowNumbers.indexOf(r.sourceRow) + 1, r.reasons.map((x) => x.code).join('+'));
  const junk = new Map(t.junk.map((j: { row: number; reason: string }) => [j.row, j.reason]));
  let ftp = 0;
  let ffp = 0;
  for (const [row, reason] of junk) {
    if (rejectedIdx.has(row)) ftp++;
    else misses.push(`${t.file}:${row} ${reason} ${JSON.stringify(parsed.rows[row - 1])}`);
  }
  for (const [row, codes] of rejectedIdx) {
    if (!junk.has(row)) {
      ffp++;
      wrong.push(`${t.file}:${row} ${codes} ${JSON.stringify(parsed.rows[row - 1])}`);
    }
  }
  tp += ftp;
  fn += junk.size - ftp;
  fp += ffp;
  real += parsed.rows.length - junk.size;
  console.log(`| ${t.file} | ${junk.size} | ${ftp} | ${parsed.rows.length - junk.size} | ${ffp} |`);
}
console.log(`\njunk recall ${(tp / (tp + fn)).toFixed(3)} (${tp}/${tp + fn}); real leads wrongly rejected ${fp}/${real} (${((fp / real) * 100).toFixed(2)}%)`);
if (process.argv.includes('--verbose')) {
  console.log('\nmissed junk:\n' + misses.join('\n'));
  console.log('\nwrongly rejected:\n' + wrong.join('\n'));
}
