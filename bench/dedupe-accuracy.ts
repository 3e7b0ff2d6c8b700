/**
 * Pairwise precision, recall and F1 of `dedupe` on labelled data:
 *  - ../shared/data/person_linkage/febrl1.csv, febrl2.csv (rec-N-org / rec-N-dup-k) with bench/dedupe-febrl.pack.json;
 *  - ../shared/data/person_linkage/fake_1000.csv (column `cluster`) with bench/dedupe-fake1000.pack.json;
 *  - generated leads with known duplicates (scripts/gen/leads.ts), run through cleanse() first, default pack.
 * Each dataset is scored with the pack's hand-set weights and with weights estimated by EM (estimateWeights); for
 * leads also with EM keeping the hand weights of the company-level comparisons (`keep`).
 * Run: npx tsx bench/dedupe-accuracy.ts [--verbose]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { generateLeads } from '../scripts/gen/leads.js';
import { cleanse } from '../src/index.js';
import { dedupe, estimateWeights, DEFAULT_DEDUPE_SECTION, type DedupeResult } from '../src/dedupe/index.js';
import { peakMemoryMB } from './lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, '../shared/data/person_linkage');
const verbose = process.argv.includes('--verbose');

function csv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path.join(DATA, file), 'utf8'), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
    transform: (v) => v.trim(),
  }).data;
}

function pairsOf(groups: Iterable<readonly number[]>): Set<string> {
  const out = new Set<string>();
  for (const g of groups) {
    const s = [...g].sort((a, b) => a - b);
    for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) out.add(`${s[i]}-${s[j]}`);
  }
  return out;
}

interface Score { precision: number; recall: number; f1: number; tp: number; predicted: number; truth: number }

function score(result: DedupeResult, truth: Set<string>): Score {
  const pred = pairsOf(result.clusters.map((c) => c.members));
  let tp = 0;
  for (const p of pred) if (truth.has(p)) tp++;
  const precision = pred.size ? tp / pred.size : 1;
  const recall = truth.size ? tp / truth.size : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, tp, predicted: pred.size, truth: truth.size };
}

function groupsBy<T>(items: readonly T[], key: (t: T) => string): number[][] {
  const m = new Map<string, number[]>();
  items.forEach((t, i) => {
    const k = key(t);
    const g = m.get(k);
    if (g) g.push(i);
    else m.set(k, [i]);
  });
  return [...m.values()];
}

const rows: string[] = [];
function run(name: string, records: readonly Record<string, unknown>[], truth: Set<string>, pack: unknown, target: number, keep?: readonly string[]): void {
  const modes = keep ? (['hand weights', 'EM weights', 'EM weights, company-level kept'] as const) : (['hand weights', 'EM weights'] as const);
  for (const mode of modes) {
    let p = pack;
    if (mode !== 'hand weights') {
      const section = (pack as { dedupe?: unknown }).dedupe ?? pack;
      p = { ...(pack as object), dedupe: estimateWeights(records, { pack: section, ...(mode === 'EM weights' ? {} : { keep: keep! }) }).section };
    }
    const t0 = performance.now();
    const r = dedupe(records, { pack: p });
    const ms = performance.now() - t0;
    const s = score(r, truth);
    rows.push(
      `| ${name} | ${mode} | ${records.length.toLocaleString('en-US')} | ${r.pairs.compared.toLocaleString('en-US')} | ${s.precision.toFixed(4)} | ${s.recall.toFixed(4)} | **${s.f1.toFixed(4)}** | ≥ ${target} ${s.f1 >= target ? '✓' : '✗'} | ${ms.toFixed(0)} ms |`,
    );
    if (verbose) {
      const pred = pairsOf(r.clusters.map((c) => c.members));
      const fn = [...truth].filter((x) => !pred.has(x)).slice(0, 10);
      const fp = [...pred].filter((x) => !truth.has(x)).slice(0, 10);
      const show = (x: string) => x.split('-').map((i) => JSON.stringify(records[Number(i)])).join('\n    ');
      console.log(`\n${name} (${mode}): false negatives\n  ${fn.map(show).join('\n  ')}\nfalse positives\n  ${fp.map(show).join('\n  ')}`);
    }
  }
}

const febrlPack = JSON.parse(readFileSync(path.join(ROOT, 'bench/dedupe-febrl.pack.json'), 'utf8')) as unknown;
for (const file of ['febrl1.csv', 'febrl2.csv']) {
  const recs = csv(file);
  const truth = pairsOf(groupsBy(recs, (r) => /^rec-(\d+)-/.exec(r.rec_id ?? '')?.[1] ?? r.rec_id ?? ''));
  run(file, recs, truth, febrlPack, 0.97);
}

const fakePack = JSON.parse(readFileSync(path.join(ROOT, 'bench/dedupe-fake1000.pack.json'), 'utf8')) as unknown;
const fake = csv('fake_1000.csv');
run('fake_1000.csv', fake, pairsOf(groupsBy(fake, (r) => r.cluster ?? '')), fakePack, 0.9);

// Generated leads: rows → cleanse → clean records; truth clusters mapped through sourceRow.
for (const seed of [11, 12]) {
  const g = generateLeads({ rows: 10_000, seed, duplicateRate: 0.1, statuses: ['Registered', 'Attended', 'No-show'], campaign: 'Webinar' });
  const res = cleanse(g.rows as unknown as Record<string, string>[], { dedupe: false }); // dedupe is measured below, on the clean records
  const byRow = new Map(res.records.map((r, i) => [r.sourceRow - 2, i] as const));
  const groups = g.truth.clusters.map((c) => c.map((row) => byRow.get(row)).filter((x): x is number => x !== undefined));
  // Company, email domain, city and country all say "same company": EM keeps their hand weights in the third mode.
  run(`generated leads (seed ${seed})`, res.records, pairsOf(groups), { dedupe: DEFAULT_DEDUPE_SECTION }, 0.97, ['company', 'emailDomain', 'city', 'country']);
}

console.log('\n## dedupe accuracy (pairwise, within each file)');
console.log('| data | weights | records | pairs compared | precision | recall | F1 | target | time |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(`peak RSS: ${peakMemoryMB().toFixed(0)} MB`);
