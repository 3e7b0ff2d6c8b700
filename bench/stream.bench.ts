/**
 * Streaming parse: `parseLeadStream` over 64 KB chunks vs `parseLeadFile` on the same bytes
 * (generated 200k-row, 15-column lead CSV), in the same run; then the peak RSS of streaming a
 * generated 1M-row input that is produced chunk by chunk and never held whole.
 *
 * `npx tsx bench/stream.bench.ts`; `BENCH_ROWS=50000 BENCH_STREAM_ROWS=200000` for a quick run.
 * The peak-RSS part runs first, so the whole-file parse does not set the peak.
 */
import process from 'node:process';
import { parseLeadFile } from '../src/io/parse.js';
import { parseLeadStream } from '../src/io/stream.js';
import { generateLeadCsv, generateLeadCsvChunks } from './gen.js';
import { peakMemoryMB, report, type Measurement } from './lib.js';

const CHUNK = 64 * 1024;
const enc = new TextEncoder();

function* slices(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** A generated CSV as 64 KB byte chunks, produced lazily (a few generated rows at a time). */
function* generatedChunks(rows: number): Generator<Uint8Array> {
  for (const text of generateLeadCsvChunks({ rows, seed: 7, chunkRows: 500 })) yield* slices(enc.encode(text), CHUNK);
}

async function streamRows(source: Iterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const e of parseLeadStream(source, { filename: 'leads.csv' })) if (e.type === 'rows') n += e.rows.length;
  return n;
}

async function keepRows(source: Iterable<Uint8Array>): Promise<number> {
  const all: Record<string, string>[] = [];
  for await (const e of parseLeadStream(source, { filename: 'leads.csv' })) if (e.type === 'rows') for (const r of e.rows) all.push(r);
  return all.length;
}

// --- 1. peak memory of streaming 1M generated rows ------------------------------------------
const bigRows = Number(process.env.BENCH_STREAM_ROWS ?? 1_000_000);
const rssBefore = peakMemoryMB();
const t0 = performance.now();
const streamed = await streamRows(generatedChunks(bigRows));
const secs = (performance.now() - t0) / 1000;
const rssAfter = peakMemoryMB();
if (streamed !== bigRows) throw new Error(`streamed ${streamed} rows, expected ${bigRows}`);
console.log(`\n## Streaming ${bigRows.toLocaleString('en-US')} generated rows (64 KB chunks, generated on the fly)`);
console.log(`rows: ${streamed.toLocaleString('en-US')} in ${secs.toFixed(1)} s (${Math.round(streamed / secs).toLocaleString('en-US')} rows/s, generation included)`);
console.log(`peak RSS: ${rssAfter.toFixed(0)} MB (before: ${rssBefore.toFixed(0)} MB)`);

// --- 2. throughput: stream vs whole file on the same bytes ----------------------------------
const rows = Number(process.env.BENCH_ROWS ?? 200_000);
const bytes = enc.encode(generateLeadCsv({ rows, seed: 42 }));
const mb = bytes.length / (1024 * 1024);
console.log(`\ninput: ${rows.toLocaleString('en-US')} rows, 15 columns, ${mb.toFixed(1)} MiB UTF-8`);
// Rounds interleave the variants, so that load from other processes hits all of them alike.
const variants: [string, string, () => Promise<number>][] = [
  ['parseLeadFile(bytes)', 'whole file', async () => parseLeadFile(bytes, { filename: 'leads.csv' }).rows.length],
  ['parseLeadStream(64 KB chunks)', 'same bytes, batches of 2000, rows dropped', () => streamRows(slices(bytes, CHUNK))],
  ['parseLeadStream, rows kept', 'all rows kept, like parseLeadFile', () => keepRows(slices(bytes, CHUNK))],
];
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const times: number[][] = variants.map(() => []);
for (const [, , fn] of variants) await fn(); // warm-up
for (let r = 0; r < rounds; r++) {
  for (let v = 0; v < variants.length; v++) {
    const t = performance.now();
    if ((await variants[v]![2]()) !== rows) throw new Error(`${variants[v]![0]}: wrong row count`);
    times[v]!.push((performance.now() - t) / 1000);
  }
}
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const results: Measurement[] = variants.map(([name, note], v) => {
  const seconds = median(times[v]!);
  return { name, items: rows, unit: 'rows', seconds, perSecond: rows / seconds, runs: times[v]!, note };
});
report(`Stream vs whole-file parse, ${rows.toLocaleString('en-US')} rows (${mb.toFixed(1)} MiB), ${rounds} interleaved rounds`, results, 'parseLeadFile(bytes)');
for (let v = 1; v < variants.length; v++) {
  const ratios = times[0]!.map((t0, r) => t0 / times[v]![r]!);
  console.log(`${variants[v]![0]} / parseLeadFile, median of per-round speed ratios: ${(median(ratios) * 100).toFixed(0)}%`);
}
for (const m of results) console.log(`${m.name}: runs ${m.runs.map((x) => x.toFixed(2)).join(' / ')} s`);
