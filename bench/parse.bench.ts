/**
 * Parse throughput: `parseLeadFile` vs raw papaparse on the same generated 200k-row,
 * 15-column lead file (quoted fields present), in the same run.
 * Rows = 200,000 by default; `BENCH_ROWS=50000 npx tsx bench/parse.bench.ts` for a quick run.
 */
import Papa from 'papaparse';
import { parseLeadFile } from '../src/index.js';
import { generateLeadCsv } from './gen.js';
import { measure, report } from './lib.js';

const rows = Number(process.env.BENCH_ROWS ?? 200_000);
const text = generateLeadCsv({ rows, seed: 42 });
const bytes = new TextEncoder().encode(text);
const mb = bytes.length / (1024 * 1024);
console.log(`input: ${rows.toLocaleString('en-US')} rows, 15 columns, ${mb.toFixed(1)} MiB UTF-8`);

const opts = { runs: 5, warmup: 1, unit: 'rows' } as const;
const results = [
  measure('papaparse(string, header:true)', rows, () => Papa.parse(text, { header: true, skipEmptyLines: true }).data.length, { ...opts, note: 'raw library, text already decoded' }),
  measure('papaparse(decode(bytes), header:true)', rows, () => Papa.parse(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data.length, { ...opts, note: 'raw library on the same bytes' }),
  measure('parseLeadFile(bytes)', rows, () => parseLeadFile(bytes, { filename: 'leads.csv' }).rows.length, { ...opts, note: 'decode + detect + parse + header/row checks' }),
  measure('parseLeadFile(string)', rows, () => parseLeadFile(text).rows.length, opts),
];
report(`Parse ${rows.toLocaleString('en-US')} rows (${mb.toFixed(1)} MiB)`, results, 'papaparse(decode(bytes), header:true)');
for (const m of results) console.log(`${m.name}: ${(mb / m.seconds).toFixed(1)} MiB/s`);
const ours = results[2]!.perSecond / results[1]!.perSecond;
console.log(`parseLeadFile(bytes) / raw papaparse on the same bytes: ${(ours * 100).toFixed(0)}% (target ≥ 80%)`);
