/**
 * Record steps end to end on one thread: parseLeadFile + cleanse (default pack: every
 * normalizer, title classification, reject/score/route) on a generated lead file, next
 * to raw papaparse on the same text. `BENCH_ROWS` sets the size (default 100,000).
 */
import Papa from 'papaparse';
import { cleanse, cleanTable, parseLeadFile, toCsv } from '../src/index.js';
import { generateLeadCsv } from './gen.js';
import { measure, report } from './lib.js';

const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const text = generateLeadCsv({ rows, seed: 11 });
console.log(`input: ${rows.toLocaleString('en-US')} rows × 15 columns, ${(text.length / 1048576).toFixed(1)} MiB`);
const parsed = parseLeadFile(text);
const opts = { runs: 3, warmup: 1, unit: 'rows' } as const;
const results = [
  measure('papaparse(text, header:true)', rows, () => Papa.parse(text, { header: true, skipEmptyLines: true }).data.length, opts),
  measure('parseLeadFile(text)', rows, () => parseLeadFile(text).rows.length, opts),
  measure('cleanse(parsed) — record steps, default pack', rows, () => cleanse(parsed).records.length, opts),
  measure('parse + cleanse + write clean CSV', rows, () => {
    const r = cleanse(parseLeadFile(text));
    const t = cleanTable(r.records);
    return toCsv(t.headers, t.rows).length;
  }, opts),
];
report(`Pipeline, one thread, ${rows.toLocaleString('en-US')} rows`, results, 'papaparse(text, header:true)');
