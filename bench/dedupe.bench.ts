/**
 * Deduplication at scale, on generated leads.
 *
 * 1. dedupe 1,000,000 generated leads with ~10% duplicates (typos, nicknames, reformatted phones,
 *    changed emails, missing fields). The generator's company pool is exhausted past a few tens of
 *    thousands of rows, so the file is 50 generated chunks of 20,000 rows (distinct seeds; duplicates
 *    within a chunk; company names repeat across chunks, which adds hard negatives). Rows are turned
 *    into clean-record-shaped objects directly (trimmed, '' → null) instead of through cleanse(),
 *    which would take minutes: phones and emails stay in the generator's mixed formats, which the
 *    dedupe keys (last 9 digits, email match key) absorb.
 * 2. match 500 leads against a saved index of the same 1,000,000 records as existing CRM records
 *    (toJSON → JSON text → loadExistingIndex), half of them re-rendered people from the CRM.
 *
 * Run: npx tsx bench/dedupe.bench.ts   (DEDUPE_BENCH_ROWS=100000 for a smaller run)
 */
import process from 'node:process';
import { generateLeads, type LeadRow, type Person } from '../scripts/gen/leads.js';
import { createExistingIndex, dedupe, loadExistingIndex } from '../src/dedupe/index.js';
import { measure, peakMemoryMB, report, type Measurement } from './lib.js';

const ROWS = Number(process.env.DEDUPE_BENCH_ROWS ?? 1_000_000);
const CHUNK = 20_000;

function toRecord(row: LeadRow, sourceRow: number, id?: string): Record<string, unknown> {
  const r: Record<string, unknown> = { sourceRow, extra: {}, campaigns: row.campaign ? [{ campaign: row.campaign, status: row.memberStatus || null, sourceRow }] : [] };
  if (id !== undefined) r.id = id;
  for (const [k, v] of Object.entries(row)) {
    const t = typeof v === 'string' ? v.trim() : '';
    r[k] = t === '' ? null : t;
  }
  return r;
}

const t0 = performance.now();
const records: Record<string, unknown>[] = [];
const truthPairs: [number, number][] = [];
const people: Person[] = [];
const rowsOfPerson = new Map<string, Set<string>>();
for (let c = 0; records.length < ROWS; c++) {
  const n = Math.min(CHUNK, ROWS - records.length);
  const g = generateLeads({ rows: n, seed: 1000 + c, duplicateRate: 0.1, junkRate: 0, idPrefix: `k${c}-`, statuses: ['Registered', 'Attended', 'No-show'], campaign: `Event ${c % 7}` });
  const base = records.length;
  // A JSON round trip flattens the generator's concatenated strings, as records parsed from a file would be.
  const chunk = JSON.parse(JSON.stringify(g.rows.map((row, i) => toRecord(row, base + i + 2)))) as Record<string, unknown>[];
  for (const rec of chunk) records.push(rec);
  for (const cl of g.truth.clusters) for (let i = 1; i < cl.length; i++) truthPairs.push([base + cl[0]!, base + cl[i]!]);
  if (c % 10 === 0) {
    const picked = g.people.slice(0, 50);
    people.push(...picked);
    const ids = new Set(picked.map((p) => p.id));
    g.truth.rows.forEach((t, i) => {
      if (t.person !== null && ids.has(t.person)) (rowsOfPerson.get(t.person) ?? rowsOfPerson.set(t.person, new Set()).get(t.person)!).add(`crm-${base + i}`);
    });
  }
}
const genSeconds = (performance.now() - t0) / 1000;
(globalThis as { gc?: () => void }).gc?.();
const inputMB = process.memoryUsage().rss / 1e6;
console.log(`generated ${records.length.toLocaleString('en-US')} records in ${genSeconds.toFixed(1)} s (${truthPairs.length.toLocaleString('en-US')} duplicate links)`);

let result: ReturnType<typeof dedupe> | undefined;
const ms: Measurement[] = [];
ms.push(measure(`dedupe ${records.length.toLocaleString('en-US')} leads`, records.length, () => (result = dedupe(records)), { runs: 1, warmup: 0, unit: 'records' }));
const r = result!;
const dedupePeak = peakMemoryMB();
console.log(`dedupe: ${ms[0]!.seconds.toFixed(1)} s`);
// Recall of the generator's duplicate links (pairs inside one found cluster).
const clusterOf = new Int32Array(records.length).fill(-1);
r.clusters.forEach((c, i) => c.members.forEach((m) => (clusterOf[m] = i)));
let found = 0;
for (const [a, b] of truthPairs) if (clusterOf[a] !== -1 && clusterOf[a] === clusterOf[b]) found++;
console.log(
  `compared pairs: ${r.pairs.compared.toLocaleString('en-US')} (of ${r.blocking.allPairs.toExponential(2)} possible); clusters: ${r.clusters.length.toLocaleString('en-US')}; ` +
    `survivors: ${r.records.length.toLocaleString('en-US')}; review: ${r.review.length.toLocaleString('en-US')}; duplicate links recovered: ${((100 * found) / truthPairs.length).toFixed(1)}%`,
);
console.log('| blocking rule | new pairs | blocks | largest block | skipped blocks |');
console.log('|---|---|---|---|---|');
for (const b of r.blocking.rules) console.log(`| ${b.rule} | ${b.pairs.toLocaleString('en-US')} | ${b.blocks.toLocaleString('en-US')} | ${b.largestBlocks[0]?.size ?? 0} | ${b.skippedBlocks} |`);
console.log(`peak RSS after dedupe: ${dedupePeak.toFixed(0)} MB (RSS with the generated input alone: ${inputMB.toFixed(0)} MB)`);
result = undefined;
if (process.env.DEDUPE_BENCH_SKIP_INDEX) process.exit(0);

// --- existing index --------------------------------------------------------------------------
const existing = records.map((x, i) => ({ ...x, id: `crm-${i}` }));
records.length = 0;
let t = performance.now();
let built: ReturnType<typeof createExistingIndex> | undefined = createExistingIndex(existing);
const buildS = (performance.now() - t) / 1000;
t = performance.now();
const text = JSON.stringify(built.toJSON());
built = undefined;
const saveS = (performance.now() - t) / 1000;
existing.length = 0;
t = performance.now();
const index = loadExistingIndex(text);
const loadS = (performance.now() - t) / 1000;
console.log(`index: built in ${buildS.toFixed(1)} s, saved ${(text.length / 1e6).toFixed(0)} MB JSON in ${saveS.toFixed(1)} s, loaded in ${loadS.toFixed(1)} s`);
const g = generateLeads({ rows: 500, seed: 77, duplicateRate: 0, junkRate: 0, idPrefix: 'new-', reuse: { people, rate: 0.5 } });
const incoming = g.rows.map((row, i) => toRecord(row, i + 2));
let labels: ReturnType<typeof index.match> = [];
ms.push(measure(`match 500 leads against a saved index of ${index.size.toLocaleString('en-US')} records`, 500, () => (labels = index.match(incoming)), { runs: 5, warmup: 1, unit: 'leads' }));
const reused = g.truth.rows.filter((x) => x.kind === 'reused').length;
const counts = { new: 0, update: 0, review: 0 };
for (const l of labels) counts[l.label]++;
let right = 0;
labels.forEach((l, i) => {
  const t = g.truth.rows[i]!;
  if (t.kind === 'reused') right += l.label === 'update' && l.existingId !== null && rowsOfPerson.get(t.person!)?.has(l.existingId) ? 1 : 0;
  else right += l.label === 'new' ? 1 : 0;
});
console.log(`labels: ${JSON.stringify(counts)} (${reused} of the 500 are people from the CRM); right label (and right record for updates): ${right}/500`);
report('dedupe at scale', ms);
