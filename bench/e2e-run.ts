/**
 * One end-to-end run in its own process (so peak memory is its own), driven by
 * bench/e2e.bench.ts. Prints one JSON line: { seconds, rows, peakMB }.
 *   papaparse <file>            raw papaparse of the file's text (header: true)
 *   memory <file> <workers>     read + parseLeadFile + cleanse record steps (cleanseParallel) + clean CSV written
 *   stream <file> <workers>     cleanFileStream (--no-dedupe): chunks in, outputs written as it goes
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import Papa from 'papaparse';
// The built package (as users get it; e2e.bench.ts builds it first), typed by its sources.
const dist = (name: string): string => new URL(`../dist/${name}.js`, import.meta.url).href;
const { cleanTable, parseLeadFile, toCsv } = (await import(dist('index'))) as typeof import('../src/index.js');
const { cleanFileStream, cleanseParallel } = (await import(dist('node'))) as typeof import('../src/node.js');

const [mode, file, w] = process.argv.slice(2);
const workers = Number(w ?? 2);
const out = mkdtempSync(join(tmpdir(), 'leadtidy-e2e-'));
let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 50);
const t0 = performance.now();
let rows = 0;
if (mode === 'papaparse') {
  rows = Papa.parse(readFileSync(file!, 'utf8'), { header: true, skipEmptyLines: true }).data.length;
} else if (mode === 'memory') {
  const bytes = readFileSync(file!);
  const parsed = parseLeadFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const result = await cleanseParallel(parsed, { workers, dedupe: false });
  const t = cleanTable(result.records);
  writeFileSync(join(out, 'clean.csv'), toCsv(t.headers, t.rows));
  rows = parsed.rows.length;
} else if (mode === 'stream') {
  const r = await cleanFileStream(file!, { workers, dedupe: false, out: join(out, 'x.clean.csv') });
  rows = r.report.rowsIn;
} else throw new Error(`unknown mode ${mode}`);
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);
rmSync(out, { recursive: true, force: true });
console.log(JSON.stringify({ seconds, rows, peakMB: Math.round(peak / 1048576) }));
