/**
 * The streamed clean job writes byte-identical outputs to the in-memory job, on every
 * fixture, with deduplication on and off, accounts, existing records, a target profile,
 * worker threads, and an XLSX clean file.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import truth from '../fixtures/truth.json' with { type: 'json' };
import { cleanFile, cleanFileStream, createWorkerPool, type WorkerPool } from '../src/node.js';
import { csvRows } from '../src/io/csv-write.js';
import { projectCsv } from '../src/node/stream-job.js';

const names = Object.keys(truth.files);
const tmp = mkdtempSync(join(tmpdir(), 'leadtidy-stream-job-'));
let pool: WorkerPool;
beforeAll(async () => {
  pool = await createWorkerPool(2);
}, 60_000);
afterAll(async () => {
  await pool.close();
  rmSync(tmp, { recursive: true, force: true });
});

function filesIn(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) out[f] = readFileSync(join(dir, f), 'latin1');
  return out;
}

const variants = [
  ['default', {}],
  ['no dedupe, accounts, 2 workers', { dedupe: false, accounts: 'fixtures/accounts.csv' }],
  ['existing + salesforce target + html report', { existing: 'fixtures/crm-export.csv', target: 'salesforce-lead', report: 'report.html' }],
  // No set step: each batch's output is prepared where it ran (clean rows as CSV text).
  ['no dedupe, prepared output', { dedupe: false }],
  ['no dedupe, campaign, html report, prepared output on 2 workers', { dedupe: false, campaign: { name: 'Expo 2026', status: 'Attended' }, report: 'report.html' }],
] as const;

describe.each(names)('%s', (name) => {
  test.each(variants.map((v, i) => [v[0], i] as const))('%s: same bytes streamed', async (_label, i) => {
    const opts = { ...variants[i]![1], ...(variants[i]![0].includes('workers') ? { pool } : {}) } as Record<string, unknown>;
    const a = join(tmp, `${name}-${i}-mem`);
    const b = join(tmp, `${name}-${i}-stream`);
    const report = (dir: string) => (opts.report ? { report: join(dir, 'report.html') } : {});
    const r1 = await cleanFile(join('fixtures', name), { ...opts, ...report(a), out: join(a, 'out.clean.csv'), batchSize: 9 } as never);
    const r2 = await cleanFileStream(join('fixtures', name), { ...opts, ...report(b), out: join(b, 'out.clean.csv'), batchSize: 9 } as never);
    expect(r2.counts).toEqual(r1.counts);
    const fa = filesIn(a);
    const fb = filesIn(b);
    expect(Object.keys(fa).length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(fb)).toEqual(Object.keys(fa));
    for (const k of Object.keys(fa)) {
      // report.json names its output paths; everything else must match byte for byte.
      if (k.endsWith('.report.json')) expect(fb[k]!.replaceAll(b, a)).toBe(fa[k]);
      else if (k.endsWith('.html')) expect(fb[k]!.replaceAll(b, a)).toBe(fa[k]);
      else expect(fb[k], k).toBe(fa[k]);
    }
  }, 60_000);
});

test('XLSX clean file streamed equals in memory', async () => {
  const a = join(tmp, 'x-mem');
  const b = join(tmp, 'x-stream');
  const r1 = await cleanFile('fixtures/messe-de.csv', { out: join(a, 'o.clean.xlsx') });
  const r2 = await cleanFileStream('fixtures/messe-de.csv', { out: join(b, 'o.clean.xlsx') });
  expect(r2.report).toEqual(r1.result.report);
  expect(r2.counts).toEqual(r1.counts);
  expect(readFileSync(join(b, 'o.clean.xlsx')).length).toBeGreaterThan(1000);
});

describe('prepared output re-cut to the final columns', () => {
  test('projectCsv moves cells as written (property)', () => {
    const cell = fc.oneof(fc.constantFrom(null, '', '=1+1', '"q"', 'a,b', 'x\r\ny', ' s', '+1 415 555 2671'), fc.string({ maxLength: 6 }));
    const names = fc.uniqueArray(fc.constantFrom('email', 'phone', 'jobLevel', 'suffix', 'score', 'queue'), { maxLength: 6 });
    const extras = fc.uniqueArray(fc.constantFrom('Notes', 'Booth', 'x'), { maxLength: 3 });
    fc.assert(
      fc.property(names, extras, names, extras, fc.array(fc.array(cell, { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 5 }), (ff, fx, tf, tx, cells) => {
        const from = { fields: ff, extras: fx };
        const to = { fields: tf, extras: tx };
        const width = 1 + ff.length + fx.length;
        const rows = cells.map((r, i) => [String(i + 2), ...r.slice(0, width - 1)]);
        const value = (row: (string | null)[], col: string, list: string[], offset: number): string | null => {
          const k = list.indexOf(col);
          return k < 0 ? null : row[offset + k]!;
        };
        const moved = rows.map((r) => [r[0]!, ...tf.map((f) => value(r, f, ff, 1)), ...tx.map((x) => value(r, x, fx, 1 + ff.length))]);
        expect(projectCsv(csvRows(rows), from, to)).toBe(csvRows(moved));
      }),
      { numRuns: 500 },
    );
  });

  test('a field first filled in the last row: streamed equals in memory', { timeout: 60_000 }, async () => {
    const head = 'First Name,Last Name,Email,Company,Title,Notes';
    const first = ['Ann', 'Maria', 'Jose', 'Chen', 'Olga'];
    const rows = Array.from({ length: 40 }, (_, i) => `${first[i % 5]},O'Neil-Lee,${first[i % 5]}.${i}@acme.com,Acme,"Director ""Sales"", EMEA",=HYPERLINK(${i})`);
    // Only the last row's title gives a job sub-function: the column shows up in the last batch.
    rows.push('Bob,Smith,bob@gmail.com,Acme,Senior Software Engineer,"line1\nline2"');
    const dir = join(tmp, 'late');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'late.csv'), `${head}\r\n${rows.join('\r\n')}\r\n`);
    // 1: this thread; 2: the shared pool; 3: the job's own pool of two threads.
    for (const workers of [1, 2, 3]) {
      const a = join(dir, `mem${workers}`);
      const b = join(dir, `stream${workers}`);
      await cleanFile(join(dir, 'late.csv'), { dedupe: false, out: join(a, 'o.clean.csv') });
      const threads = workers === 2 ? { pool } : workers === 3 ? { workers: 2 } : {};
      await cleanFileStream(join(dir, 'late.csv'), { dedupe: false, out: join(b, 'o.clean.csv'), batchSize: 3, ...threads });
      const fa = filesIn(a);
      const fb = filesIn(b);
      for (const k of Object.keys(fa)) if (!k.endsWith('.json')) expect(fb[k], k).toBe(fa[k]);
    }
  });
});
