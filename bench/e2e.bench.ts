/**
 * End to end on generated lead files (15 columns), default pack, no dedupe:
 *  - `E2E_ROWS` rows (default 1M): read + parse + every record step + every output written
 *    (clean CSV, rejects, change log, report) by the clean job as the CLI runs it on a file this
 *    size (streamed, `cleanFileStream`), on `E2E_WORKERS` threads (default 2) and on one, next
 *    to raw papaparse of the same file; each run in its own process, median of `E2E_RUNS`
 *    (default 3). `E2E_MEMORY=1` adds the in-memory path (`cleanseParallel` + clean CSV only;
 *    needs ~7 GB of heap at 1M rows).
 *  - then a `E2E_STREAM_ROWS`-row file (default 5M) streamed with peak memory.
 * Builds dist/ first: the runs import the built package, so worker threads load
 * dist/node-worker.js as an installed leadtidy does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { generateLeadCsvChunks } from './gen.js';

const here = dirname(fileURLToPath(import.meta.url));
const rows = Number(process.env.E2E_ROWS ?? 1_000_000);
const streamRows = Number(process.env.E2E_STREAM_ROWS ?? 5_000_000);
const workers = Number(process.env.E2E_WORKERS ?? 2);
const runs = Number(process.env.E2E_RUNS ?? 3);
const memory = process.env.E2E_MEMORY === '1';
const dir = mkdtempSync(join(tmpdir(), 'leadtidy-e2e-data-'));

async function generate(n: number, seed: number): Promise<string> {
  const file = join(dir, `leads-${n}.csv`);
  const out = createWriteStream(file);
  for (const chunk of generateLeadCsvChunks({ rows: n, seed })) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return file;
}

interface Run { seconds: number; rows: number; peakMB: number }
function run(mode: string, file: string, w = workers): Run {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(here, 'e2e-run.ts'), mode, file, String(w)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Run;
}
function median(xs: Run[]): Run {
  const s = [...xs].sort((a, b) => a.seconds - b.seconds);
  return s[Math.floor(s.length / 2)]!;
}
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

// The runs import the built package (workers load dist/node-worker.js, as users get it).
execFileSync('npx', ['tsdown'], { stdio: 'ignore' });
try {
  const file = await generate(rows, 11);
  console.log(`input: ${fmt(rows)} rows × 15 columns, ${(statSync(file).size / 1048576).toFixed(0)} MiB; ${runs} runs each, medians; each run in its own process`);
  const results: [string, Run][] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved so that load on the shared machine hits every variant alike.
    results.push(['papaparse(text, header: true)', run('papaparse', file)]);
    results.push([`clean job streamed (parse + record steps + all outputs), ${workers} threads`, run('stream', file, workers)]);
    results.push(['clean job streamed (parse + record steps + all outputs), 1 thread', run('stream', file, 1)]);
    if (memory) {
      results.push([`in memory: parse + record steps + clean CSV, ${workers} threads`, run('memory', file, workers)]);
      results.push(['in memory: parse + record steps + clean CSV, 1 thread', run('memory', file, 1)]);
    }
  }
  const names = [...new Set(results.map(([n]) => n))];
  const med = new Map(names.map((n) => [n, median(results.filter(([m]) => m === n).map(([, r]) => r))]));
  const base = med.get(names[0]!)!;
  console.log(`\n## End to end, ${fmt(rows)} rows`);
  console.log('| run | median s | rows/s | vs papaparse | peak RSS MB |');
  console.log('|---|---|---|---|---|');
  for (const n of names) {
    const r = med.get(n)!;
    console.log(`| ${n} | ${r.seconds.toFixed(2)} | ${fmt(r.rows / r.seconds)} | ${((base.seconds / r.seconds) * 100).toFixed(1)}% | ${r.peakMB} |`);
  }
  rmSync(file);
  if (streamRows > 0) {
    const big = await generate(streamRows, 12);
    console.log(`\n## Streaming, ${fmt(streamRows)} rows (${(statSync(big).size / 1048576).toFixed(0)} MiB), --no-dedupe, ${workers} workers`);
    const r = run('stream', big, workers);
    console.log('| run | s | rows/s | peak RSS MB |');
    console.log('|---|---|---|---|');
    console.log(`| cleanFileStream → clean, rejects, changes, report | ${r.seconds.toFixed(1)} | ${fmt(r.rows / r.seconds)} | ${r.peakMB} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
