/**
 * Accuracy of lead-to-account matching.
 * 1. Generated accounts and leads with known answers (bench/accounts-gen.ts), hard negatives included:
 *    precision and recall overall and per family. Targets: precision ≥ 0.99 at recall ≥ 0.95.
 * 2. ../shared/data/companies/patstat_reference.csv: one account per entity (its most frequent
 *    spelling), every name variant as a lead; share landing on an account of its own entity (target ≥ 95%).
 *
 * Run: npx tsx bench/accounts-accuracy.ts [--verbose]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { createAccountIndex } from '../src/match/accounts/index.js';
import { generateAccounts, generateLeads } from './accounts-gen.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');

function pct(x: number): string {
  return (x * 100).toFixed(2) + '%';
}

// --- 1. generated ---------------------------------------------------------------
const N_ACCOUNTS = 5000;
const N_LEADS = 20000;
const accounts = generateAccounts(N_ACCOUNTS, 20260801);
const leads = generateLeads(accounts, N_LEADS, 20260802);
const index = createAccountIndex(accounts);
const byFamily = new Map<string, { n: number; tp: number; fp: number; fn: number; wrong: number }>();
let tp = 0;
let fp = 0;
let positives = 0;
let predicted = 0;
const errors: string[] = [];
for (let i = 0; i < leads.length; i++) {
  const l = leads[i]!;
  const m = index.match(l, i);
  const fam = l.family.split('/').slice(0, 2).join('/');
  const f = byFamily.get(fam) ?? { n: 0, tp: 0, fp: 0, fn: 0, wrong: 0 };
  f.n++;
  if (l.truth !== null) positives++;
  if (m.accountId !== null) predicted++;
  if (m.accountId !== null && m.accountId === l.truth) {
    tp++;
    f.tp++;
  } else if (m.accountId !== null) {
    fp++;
    f.fp++;
    if (l.truth !== null) f.wrong++;
    errors.push(`FP ${l.family}: ${JSON.stringify({ company: l.company, email: l.email, country: l.country })} → ${m.accountId} (${index.get(m.accountId)?.name}) truth ${l.truth ?? 'none'} ${l.truth ? `(${index.get(l.truth)?.name})` : ''} | ${m.explanation}`);
  }
  if (l.truth !== null && m.accountId !== l.truth) {
    f.fn++;
    if (m.accountId === null) errors.push(`FN ${l.family}: ${JSON.stringify({ company: l.company, email: l.email, country: l.country })} truth ${l.truth} (${index.get(l.truth)?.name}) | ${m.explanation}`);
  }
  byFamily.set(fam, f);
}
const precision = tp / predicted;
const recall = tp / positives;
console.log(`\n## Account matching accuracy: generated data (${N_ACCOUNTS.toLocaleString('en-US')} accounts, ${N_LEADS.toLocaleString('en-US')} leads, ${positives.toLocaleString('en-US')} with an account)`);
console.log('| measure | value | target |');
console.log('|---|---|---|');
console.log(`| precision | ${pct(precision)} (${fp} wrong of ${predicted}) | ≥ 99% |`);
console.log(`| recall | ${pct(recall)} (${tp} of ${positives}) | ≥ 95% |`);
console.log('\n| family | leads | right | wrong account | no match (should have) | false positive (no account) |');
console.log('|---|---|---|---|---|---|');
for (const [fam, f] of [...byFamily].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  console.log(`| ${fam} | ${f.n} | ${f.tp} | ${f.wrong} | ${f.fn - f.wrong} | ${f.fp - f.wrong} |`);
}
if (verbose) for (const e of errors.slice(0, 200)) console.log(e);

// --- 2. patstat -------------------------------------------------------------------
const file = path.resolve(ROOT, '../shared/data/companies/patstat_reference.csv');
const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
const groups = new Map<string, string[]>();
for (const r of rows) {
  const g = groups.get(r['leuven_id']!) ?? [];
  g.push(r['person_name']!);
  groups.set(r['leuven_id']!, g);
}
const patAccounts = [...groups].map(([id, names]) => {
  const count = new Map<string, number>();
  for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
  const name = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  return { id, name };
});
const patIndex = createAccountIndex(patAccounts);
let own = 0;
let other = 0;
let none = 0;
const misses = new Map<string, number>();
for (const r of rows) {
  const m = patIndex.match({ company: r['person_name'] });
  if (m.accountId === r['leuven_id']) own++;
  else {
    if (m.accountId === null) none++;
    else other++;
    const k = `${m.accountId === null ? 'none' : 'other'}: ${r['person_name']} (entity ${patIndex.get(r['leuven_id']!)?.name})`;
    misses.set(k, (misses.get(k) ?? 0) + 1);
  }
}
console.log(`\n## Account matching accuracy: PATSTAT (${patAccounts.length} entities as accounts, ${rows.length} name variants as leads)`);
console.log('| measure | value | target |');
console.log('|---|---|---|');
console.log(`| variants on an account of their own entity | ${pct(own / rows.length)} (${own} of ${rows.length}) | ≥ 95% |`);
console.log(`| on another entity's account | ${pct(other / rows.length)} (${other}) | |`);
console.log(`| no account | ${pct(none / rows.length)} (${none}) | |`);
if (verbose) for (const [k, v] of [...misses].sort((a, b) => b[1] - a[1]).slice(0, 80)) console.log(v, k);
