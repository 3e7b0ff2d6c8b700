/**
 * Account matching speed: build an index of 100k generated accounts (target ≤ 3 s), match 1M
 * generated leads against it (target ≤ 30 s), and, in the same run, Fuse.js searching the same
 * 100k account names for a sample of the same leads, with the speed ratio.
 *
 * Run: npx tsx bench/accounts.bench.ts [--leads=1000000] [--accounts=100000] [--fuse=30]
 */
import Fuse from 'fuse.js';
import { createAccountIndex, loadAccountIndex, type AccountMatch } from '../src/match/accounts/index.js';
import { createWorkerPool } from '../src/node/pool.js';
import { generateAccounts, generateLeads } from './accounts-gen.js';
import { measure, peakMemoryMB, report, type Measurement } from './lib.js';

function arg(name: string, dflt: number): number {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : dflt;
}
const N_ACCOUNTS = arg('accounts', 100_000);
const N_LEADS = arg('leads', 1_000_000);
const N_FUSE = arg('fuse', 30);

const accounts = generateAccounts(N_ACCOUNTS, 424242);
const leads = generateLeads(accounts, N_LEADS, 434343);
console.log(`generated ${accounts.length.toLocaleString('en-US')} accounts and ${leads.length.toLocaleString('en-US')} leads`);

let index = createAccountIndex(accounts);
const build = measure('build index (createAccountIndex)', N_ACCOUNTS, () => (index = createAccountIndex(accounts)), { runs: 3, warmup: 0, unit: 'accounts' });
const json = JSON.stringify(index);
const reload = measure('reload saved index (loadAccountIndex)', N_ACCOUNTS, () => loadAccountIndex(JSON.parse(json)), { runs: 3, warmup: 0, unit: 'accounts', note: `JSON ${(json.length / 1e6).toFixed(0)} MB` });

let matches: AccountMatch[] = [];
// CPU time next to wall time: on the shared machine the wall time also counts waiting for a core.
const cpu0 = process.cpuUsage();
const bulk = measure('match leads (index.matchAll)', N_LEADS, () => (matches = index.matchAll(leads)), { runs: 1, warmup: 0, unit: 'leads' });
const cpu = process.cpuUsage(cpu0);
let right = 0;
let withTruth = 0;
let matched = 0;
for (let i = 0; i < leads.length; i++) {
  if (leads[i]!.truth !== null) withTruth++;
  if (matches[i]!.accountId !== null) matched++;
  if (matches[i]!.accountId !== null && matches[i]!.accountId === leads[i]!.truth) right++;
}

// Both cores: the same leads on two worker threads (each loads the saved index), answers back in lead order.
const fingerprint = (ms: readonly AccountMatch[]): string => {
  let h = 0;
  for (const m of ms) for (const s of [m.lead, m.accountId ?? '-', m.confidence, m.method, m.explanation].join('|')) h = (Math.imul(h, 31) + s.charCodeAt(0)) | 0;
  return (h >>> 0).toString(16);
};
const single = fingerprint(matches);
const singleCount = matches.length;
matches = []; // let the one-thread answers go before the two-thread run
const pool = await createWorkerPool(2, { callerTakesPart: false });
let parallelMatches: AccountMatch[] = [];
const tPar = performance.now();
parallelMatches = await pool.matchAccounts(index, leads);
const parSeconds = (performance.now() - tPar) / 1000;
const parallel: Measurement = { name: 'match leads on 2 worker threads (pool.matchAccounts)', items: N_LEADS, unit: 'leads', seconds: parSeconds, perSecond: N_LEADS / parSeconds, runs: [parSeconds], note: 'index sent to and loaded by each thread, included' };
await pool.close();
const sameAnswers = fingerprint(parallelMatches) === single && parallelMatches.length === singleCount;
parallelMatches = [];

// Fuse.js over the same 100k account names: the "raw library" doing the same job for a sample of the same leads.
const fuse = new Fuse(accounts, { keys: ['name'], includeScore: true, threshold: 0.4 });
const sample = leads.filter((l) => l.company).slice(0, N_FUSE);
const fuseRun = measure('Fuse.js search over the same accounts', sample.length, () => sample.map((l) => fuse.search(l.company!, { limit: 5 })), { runs: 1, warmup: 0, unit: 'leads' });
const same = measure('leadtidy on the same sample', sample.length, () => sample.map((l) => index.match(l)), { runs: 5, warmup: 1, unit: 'leads' });

report(`Account matching (${N_ACCOUNTS.toLocaleString('en-US')} accounts, ${N_LEADS.toLocaleString('en-US')} leads)`, [build, reload, bulk, parallel, fuseRun, same], 'Fuse.js search over the same accounts');
const par = parallel;
console.log(`\nindex build: ${build.seconds.toFixed(2)} s (target ≤ 3 s); ${N_LEADS.toLocaleString('en-US')} leads matched in ${bulk.seconds.toFixed(1)} s on one thread, ${par.seconds.toFixed(1)} s on two (target ≤ 30 s for 1M on this 2-core machine); two-thread answers identical to one thread: ${sameAnswers ? 'yes' : 'NO'}`);
console.log(`speed ratio, leadtidy vs Fuse.js on the same leads: ${(bulk.perSecond / fuseRun.perSecond).toFixed(0)}× (bulk run) / ${(same.perSecond / fuseRun.perSecond).toFixed(0)}× (same sample)`);
console.log(`Fuse.js: ${fuseRun.perSecond.toFixed(2)} leads/s → 1M leads would take ${(N_LEADS / fuseRun.perSecond / 3600).toFixed(1)} h`);
console.log(`matched ${((matched / N_LEADS) * 100).toFixed(1)}% of leads; right account for ${((right / withTruth) * 100).toFixed(1)}% of the ${withTruth.toLocaleString('en-US')} leads that have one`);
console.log(`matching CPU time: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (all threads, garbage-collector helpers included) for ${bulk.seconds.toFixed(1)} s wall`);
console.log(`peak RSS: ${peakMemoryMB().toFixed(0)} MB`);
