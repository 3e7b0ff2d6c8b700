/**
 * The streamed clean job writes byte-identical outputs to the in-memory job, on every
 * fixture, with deduplication on and off, accounts, existing records, a target profile,
 * worker threads, and an XLSX clean file.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import truth from '../fixtures/truth.json' with { type: 'json' };
import { cleanFile, cleanFileStream, createWorkerPool, type WorkerPool } from '../src/node.js';

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
] as const;

describe.each(names)('%s', (name) => {
  test.each(variants.map((v, i) => [v[0], i] as const))('%s: same bytes streamed', async (_label, i) => {
    const opts = { ...variants[i]![1], ...(variants[i]![0].includes('workers') ? { pool } : {}) } as Record<string, unknown>;
    const a = join(tmp, `${name}-${i}-mem`);
    const b = join(tmp, `${name}-${i}-stream`);
    const report = (dir: string) => (opts.report ? { report: join(dir, 'report.html') } : {});
    await cleanFile(join('fixtures', name), { ...opts, ...report(a), out: join(a, 'out.clean.csv'), batchSize: 9 } as never);
    await cleanFileStream(join('fixtures', name), { ...opts, ...report(b), out: join(b, 'out.clean.csv'), batchSize: 9 } as never);
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
