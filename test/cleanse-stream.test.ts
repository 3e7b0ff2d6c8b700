/**
 * cleanseStream = cleanse: on every fixture, with deduplication on and off, with accounts
 * and existing records, with tiny batches, from parser events and from plain rows; and
 * memory stays bounded by the batch when no set step needs the whole file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import truth from '../fixtures/truth.json' with { type: 'json' };
import { cleanse, cleanseStream, collectCleanseStream, parseLeadFile, type ParsedLeadFile, type ParseStreamEvent } from '../src/index.js';
import { accountsFromRows } from '../src/match/accounts/index.js';
import { generateLeadCsv } from '../bench/gen.js';

const names = Object.keys(truth.files);
const read = (name: string) => parseLeadFile(new Uint8Array(readFileSync(join('fixtures', name))), { filename: name });
const accounts = accountsFromRows(read('accounts.csv').rows).accounts;

/** A parsed file replayed as parser events, cut into pieces of `size` rows. */
async function* events(p: ParsedLeadFile, size: number): AsyncGenerator<ParseStreamEvent> {
  yield { type: 'header', headers: p.headers, issues: [] };
  for (let i = 0; i < p.rows.length; i += size) {
    yield { type: 'rows', rows: p.rows.slice(i, i + size), rowNumbers: p.meta.rowNumbers.slice(i, i + size), issues: [] };
  }
  yield { type: 'end', headers: p.headers, issues: p.issues, meta: p.meta };
}

function withoutMatches<T extends { accountMatches: unknown }>(r: T): Omit<T, 'accountMatches'> {
  const { accountMatches: _m, ...rest } = r;
  return rest;
}

describe('cleanseStream vs cleanse', () => {
  const variants = [
    ['default pack (dedupe on)', {}],
    ['no dedupe', { dedupe: false }],
    ['no dedupe, accounts', { dedupe: false, accounts }],
    ['dedupe, accounts, existing', { accounts, existing: cleanse(read('crm-export.csv'), { dedupe: false }).records }],
  ] as const;
  test.each(names.flatMap((n) => variants.map(([label, o]) => [n, label, o] as const)))('%s, %s', async (name, _label, options) => {
    const parsed = read(name);
    const whole = cleanse(parsed, options);
    const streamed = await collectCleanseStream(cleanseStream(events(parsed, 13), { ...options, batchSize: 7 }));
    expect(withoutMatches(streamed)).toEqual({ ...withoutMatches(whole), meta: parsed.meta });
  }, 60_000);

  test('plain rows (no parser) in any chunking give the same records and report', async () => {
    const parsed = read('handmade-messy.csv');
    const rows = parsed.rows;
    const whole = cleanse(rows, { dedupe: false });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 50 }), async (cut, batchSize) => {
        const chunks: (typeof rows)[] = [];
        for (let i = 0; i < rows.length; i += cut) chunks.push(rows.slice(i, i + cut));
        const s = await collectCleanseStream(cleanseStream(chunks, { dedupe: false, batchSize }));
        expect(s.records).toEqual(whole.records);
        expect(s.rejected).toEqual(whole.rejected);
        expect(s.report).toEqual(whole.report);
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  test('without set steps, batches come out as soon as they are done', async () => {
    const parsed = parseLeadFile(generateLeadCsv({ rows: 2600, seed: 3 }));
    let pulled = 0;
    async function* counted(): AsyncGenerator<ParseStreamEvent> {
      for await (const e of events(parsed, 10)) {
        if (e.type === 'rows') pulled += e.rows.length;
        yield e;
      }
    }
    const it = cleanseStream(counted(), { dedupe: false, batchSize: 10 });
    const seen: number[] = [];
    for await (const e of it) {
      // The first 2,000 rows are sampled for header mapping before anything comes out; after
      // that a batch comes out before the next 10 rows are read.
      if (e.type === 'batch') seen.push(pulled);
    }
    expect(seen[0]).toBeLessThanOrEqual(2000 + 10 * 2);
    expect(seen.filter((p) => p < parsed.rows.length).length).toBeGreaterThan(50);
  });

  test('bad input is a clear error', async () => {
    await expect(collectCleanseStream(cleanseStream(42 as never))).rejects.toThrow(/iterable/);
    await expect(collectCleanseStream(cleanseStream([['x'] as never]))).rejects.toThrow(/row objects/);
    await expect(collectCleanseStream(cleanseStream([], { batchSize: 0 }))).rejects.toThrow(/batchSize/);
  });
});
