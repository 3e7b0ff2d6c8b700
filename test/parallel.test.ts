/**
 * Record steps on worker threads give exactly what one thread gives: on every fixture (with
 * batches small enough that each file spans several), with set steps on and off, and on
 * generated data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import truth from '../fixtures/truth.json' with { type: 'json' };
import { generateLeadCsv } from '../bench/gen.js';
import { cleanse, parseLeadFile } from '../src/index.js';
import { accountsFromRows, createAccountIndex } from '../src/match/accounts/index.js';
import { cleanseParallel, createWorkerPool, planSpec, type WorkerPool } from '../src/node/pool.js';
import { builtInEnvironment } from '../src/builtins.js';
import { planCleanse, runRecordSteps } from '../src/engine/cleanse.js';

const names = Object.keys(truth.files);
const read = (name: string) => parseLeadFile(new Uint8Array(readFileSync(join('fixtures', name))), { filename: name });
const accounts = accountsFromRows(read('accounts.csv').rows).accounts;

describe('worker threads vs one thread', () => {
  // One pool for the whole file: starting threads from TypeScript source costs seconds.
  let pool: WorkerPool;
  beforeAll(async () => {
    pool = await createWorkerPool(3);
  }, 60_000);
  afterAll(() => pool.close());

  test.each(names)('%s: default pack (dedupe on)', async (name) => {
    const parsed = read(name);
    const parallel = await cleanseParallel(parsed, { pool, batchSize: 7 });
    expect(parallel).toEqual(cleanse(parsed));
  }, 60_000);

  test.each(names)('%s: no dedupe, with accounts, campaign override', async (name) => {
    const parsed = read(name);
    const options = { dedupe: false, accounts, campaign: { name: 'Q3 Webinar' } } as const;
    const parallel = await cleanseParallel(parsed, { ...options, pool, batchSize: 5 });
    expect(parallel).toEqual(cleanse(parsed, options));
  }, 60_000);

  test('generated rows, record steps only: same records, rejects, changes, issues and report', async () => {
    const parsed = parseLeadFile(generateLeadCsv({ rows: 3000, seed: 5 }));
    const parallel = await cleanseParallel(parsed, { pool, batchSize: 500, dedupe: false });
    const single = cleanse(parsed, { dedupe: false });
    expect(parallel.records.length).toBeGreaterThan(2500);
    expect(parallel).toEqual(single);
  }, 120_000);

  test('batches are independent: any split merges to the whole', async () => {
    const parsed = read('handmade-messy.csv');
    const plan = planCleanse(builtInEnvironment, parsed.headers, parsed.rows, { dedupe: false });
    const runner = await pool.runner(plan, planSpec(plan, parsed.rows, { dedupe: false }));
    try {
      expect(pool.size).toBe(2);
      expect(runner.threads).toBe(3);
      const whole = runRecordSteps(plan, parsed.rows, parsed.meta.rowNumbers, 0);
      const k = Math.floor(parsed.rows.length / 2);
      const [a, b] = await Promise.all([
        runner.run(parsed.rows.slice(0, k), parsed.meta.rowNumbers.slice(0, k), 0),
        runner.run(parsed.rows.slice(k), parsed.meta.rowNumbers.slice(k), k),
      ]);
      expect([...a.records, ...b.records]).toEqual(whole.records);
      expect([...a.changes, ...b.changes]).toEqual(whole.changes);
    } finally {
      await runner.close();
    }
  }, 60_000);

  test('account matching on worker threads answers exactly as one thread, in lead order', async () => {
    const index = createAccountIndex(accounts);
    const leads = [...read('handmade-messy.csv').rows, ...read('messe-de.csv').rows].map((r) => cleanse([r], { dedupe: false }).records[0]).filter((x) => x !== undefined);
    expect(leads.length).toBeGreaterThan(300);
    const parallel = await pool.matchAccounts(index, leads, { batchSize: 37 });
    expect(parallel).toEqual(index.matchAll(leads));
    expect(parallel.filter((m) => m.accountId !== null).length).toBeGreaterThan(50);
  }, 60_000);

  test('worker threads only (the calling thread not taking part) give the same result', async () => {
    const own = await createWorkerPool(2, { callerTakesPart: false });
    try {
      expect(own.size).toBe(2);
      const parsed = read('messe-de.csv');
      expect(await cleanseParallel(parsed, { pool: own, batchSize: 11 })).toEqual(cleanse(parsed));
    } finally {
      await own.close();
    }
  }, 60_000);

  test('one worker runs on the calling thread; bad options are clear errors', async () => {
    const parsed = read('webinar-zoom.csv');
    expect(await cleanseParallel(parsed, { workers: 1 })).toEqual(cleanse(parsed));
    await expect(cleanseParallel(parsed, { batchSize: 0 })).rejects.toThrow(/batchSize/);
    await expect(cleanseParallel('nope' as never)).rejects.toThrow(/expects an array/);
    await expect(createWorkerPool(0)).rejects.toThrow(/workers/);
  });
});
