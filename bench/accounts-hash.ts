/**
 * Answer fingerprint of lead-to-account matching: matches generated leads against generated accounts
 * (the bench's generator and seeds) and prints one SHA-256 over every visible field of every answer,
 * so a speed change can show that it changed no answer. `--reverse` matches the leads in reverse order
 * (answers put back in input order): the hash must not change (no answer depends on the order).
 *
 * Run: npx tsx bench/accounts-hash.ts [--leads=200000] [--accounts=100000] [--reverse] [--impl=path/to/accounts/index.ts]
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { AccountMatch } from '../src/match/accounts/index.js';
import { generateAccounts, generateLeads } from './accounts-gen.js';

function arg(name: string, dflt: string): string {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : dflt;
}
const N_ACCOUNTS = Number(arg('accounts', '100000'));
const N_LEADS = Number(arg('leads', '200000'));
const reverse = process.argv.includes('--reverse');
const implArg = arg('impl', '');
const impl = implArg ? pathToFileURL(path.resolve(implArg)).href : '../src/match/accounts/index.js';
const mod = (await import(impl)) as typeof import('../src/match/accounts/index.js');

const accounts = generateAccounts(N_ACCOUNTS, 424242);
const leads = generateLeads(accounts, N_LEADS, 434343);
const index = mod.createAccountIndex(accounts);
const order = leads.map((_, i) => (reverse ? leads.length - 1 - i : i));
const t0 = performance.now();
const answers: AccountMatch[] = new Array(leads.length);
for (const i of order) answers[i] = index.match(leads[i]!, i);
const seconds = (performance.now() - t0) / 1000;

const h = createHash('sha256');
for (const m of answers) {
  // Every visible field, named one by one (lazy getters included).
  h.update(
    JSON.stringify([m.lead, m.accountId, m.confidence, m.method, m.explanation, m.evidence.map((e) => [e.kind, e.points, e.detail]), m.candidates.map((c) => [c.accountId, c.name, c.score, c.method]), m.parentId ?? null]),
  );
  h.update('\n');
}
console.log(`${N_LEADS} leads × ${N_ACCOUNTS} accounts${reverse ? ' (reverse order)' : ''}: sha256 ${h.digest('hex')} (${seconds.toFixed(1)} s)`);
