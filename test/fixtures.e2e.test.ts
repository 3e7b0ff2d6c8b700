/**
 * End to end on every bundled fixture: parse → cleanse → the four outputs, checked
 * against fixtures/truth.json (encoding, delimiter, header line, row count) and the
 * invariants (row conservation, nothing lost).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import truth from '../fixtures/truth.json' with { type: 'json' };
import { cleanFile, readLeadFile } from '../src/node.js';
import { cleanse, parseLeadFile } from '../src/index.js';

type FileTruth = (typeof truth.files)[keyof typeof truth.files];
const files = Object.values(truth.files) as FileTruth[];
const tmp = mkdtempSync(join(tmpdir(), 'leadtidy-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ENCODING: Record<string, string | undefined> = {
  'UTF-8': 'utf-8', 'UTF-8 with BOM': 'utf-8', 'UTF-8 (no BOM)': 'utf-8', 'Windows-1252': 'windows-1252', 'UTF-16 LE with BOM': 'utf-16le',
};

describe.each(files.map((f) => [f.file, f] as const))('%s', (name, t) => {
  test('parses as the organizer wrote it', async () => {
    const parsed = await readLeadFile(join('fixtures', name));
    expect(parsed.rows).toHaveLength(t.people.length);
    expect(parsed.meta.headerRow).toBe(t.headerLine);
    const enc = Object.entries(ENCODING).find(([k]) => t.encoding.startsWith(k))?.[1];
    if (!name.endsWith('.xlsx')) {
      expect(parsed.meta.encoding).toBe(enc);
      expect(parsed.meta.delimiter).toBe(t.delimiter === 'tab' ? '\t' : t.delimiter);
    }
    for (const h of t.headers) if (h !== '') expect(parsed.headers).toContain(h);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('clean job writes the four outputs; every row is a record or a reject; nothing is lost', async () => {
    const out = join(tmp, `${name}.clean.csv`);
    const { parsed, result, outputs } = await cleanFile(join('fixtures', name), { out });
    // Row conservation: a clean record, a reject, or a row merged into a survivor, exactly once.
    const absorbed = result.clusters.flatMap((c) => c.sourceRows.filter((r, i) => c.members[i] !== c.master));
    const rows = [...result.records.map((r) => r.sourceRow), ...result.rejected.map((r) => r.sourceRow), ...absorbed].sort((a, b) => a - b);
    expect(rows).toEqual([...parsed.meta.rowNumbers]);
    for (const f of Object.values(outputs)) expect(readFileSync(f).length).toBeGreaterThan(0);

    // Key fields are mapped in every organizer's format.
    const fields = new Set(result.mapping.map((m) => m.field));
    expect(fields.has('email')).toBe(true);
    expect(fields.has('company')).toBe(true);
    expect(fields.has('firstName') || fields.has('fullName')).toBe(true);

    // The clean file re-reads to the same records, and carries every unmapped column.
    const clean = parseLeadFile(readFileSync(out));
    expect(clean.rows).toHaveLength(result.records.length);
    const extraHeaders = result.mapping.filter((m) => m.field === null).map((m) => m.header);
    for (const h of extraHeaders) expect(clean.headers).toContain(h);
    clean.rows.forEach((row, i) => {
      const rec = result.records[i]!;
      expect(row.sourceRow).toBe(String(rec.sourceRow));
      for (const h of extraHeaders) expect(row[h]!.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(rec.extra[h]);
    });

    // Changes replay from the parsed cells to the clean values.
    const mapped = new Map(result.mapping.filter((m) => m.field).map((m) => [m.field!, m.header]));
    const byRow = new Map(parsed.meta.rowNumbers.map((n, i) => [n, parsed.rows[i]!]));
    for (const rec of result.records) {
      for (const [field, header] of mapped) {
        let v: string | null = byRow.get(rec.sourceRow)![header] || null;
        for (const c of result.changes) if (c.row === rec.sourceRow && c.field === field) v = c.after;
        expect((rec as Record<string, unknown>)[field] ?? null).toBe(v);
      }
    }

    const report = JSON.parse(readFileSync(outputs.report, 'utf8'));
    expect(report.report.rowsIn).toBe(t.people.length);
    expect(report.report.pack.hash).toMatch(/^sha256:/);
  });
});

describe('reject rules against the known junk rows', () => {
  test('at least 95% of junk rows are rejected and at most 1% of real leads', async () => {
    let junk = 0;
    let caught = 0;
    let real = 0;
    let wrong = 0;
    for (const t of files) {
      const parsed = await readLeadFile(join('fixtures', t.file));
      const result = cleanse(parsed);
      const rejectedRows = new Set(result.rejected.map((r) => parsed.meta.rowNumbers.indexOf(r.sourceRow) + 1));
      const junkRows = new Set(t.junk.map((j: { row: number }) => j.row));
      junk += junkRows.size;
      real += parsed.rows.length - junkRows.size;
      for (const row of junkRows) if (rejectedRows.has(row)) caught++;
      for (const row of rejectedRows) if (!junkRows.has(row)) wrong++;
    }
    expect(caught / junk).toBeGreaterThanOrEqual(0.95);
    expect(wrong / real).toBeLessThanOrEqual(0.01);
  });
});

describe('duplicates and existing records against the fixtures truth', () => {
  test('within-file duplicate pairs: precision and recall ≥ 0.95; CRM matches: ≥ 0.95 found, none wrong', async () => {
    const crm = cleanse(await readLeadFile('fixtures/crm-export.csv'), { dedupe: false }).records;
    const existingTruth = truth.existingMatches as { file: string; row: number; crmIds: string[] }[];
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let found = 0;
    let wrong = 0;
    let expected = 0;
    for (const t of files.filter((f) => f.file !== 'crm-export.csv')) {
      const parsed = await readLeadFile(join('fixtures', t.file));
      const r = cleanse(parsed, { existing: crm });
      const dataRow = (sourceRow: number) => parsed.meta.rowNumbers.indexOf(sourceRow) + 1;
      const pairs = (rows: number[]) => rows.flatMap((a, i) => rows.slice(i + 1).map((b) => `${Math.min(a, b)}-${Math.max(a, b)}`));
      const got = new Set(r.clusters.flatMap((c) => pairs(c.sourceRows.map(dataRow))));
      const junk = new Set(t.junk.map((j: { row: number }) => j.row));
      const rejected = new Set(r.rejected.map((x) => dataRow(x.sourceRow)));
      const want = new Set((t.duplicates as number[][]).flatMap((g) => pairs(g.filter((x) => !junk.has(x)))));
      for (const p of got) (want.has(p) ? tp++ : fp++);
      for (const p of want) {
        const [a, b] = p.split('-').map(Number) as [number, number];
        if (!got.has(p) && !rejected.has(a) && !rejected.has(b)) fn++;
      }
      const label = new Map<number, string | null | undefined>();
      for (const rec of r.records) label.set(dataRow(rec.sourceRow), rec.existingId);
      for (const c of r.clusters) {
        const survivor = r.records.find((x) => c.sourceRows.includes(x.sourceRow));
        for (const s of c.sourceRows) label.set(dataRow(s), survivor?.existingId);
      }
      const wantIds = new Map(existingTruth.filter((e) => e.file === t.file).map((e) => [e.row, e.crmIds]));
      for (const [row, id] of label) {
        const w = wantIds.get(row);
        if (w) {
          expected++;
          if (id && w.includes(id)) found++;
          else if (id) wrong++;
        } else if (id) wrong++;
      }
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.95);
    expect(found / expected).toBeGreaterThanOrEqual(0.95);
    expect(wrong).toBe(0);
  });

  test('leads land on the accounts of their companies', async () => {
    const { accountsFromRows } = await import('../src/index.js');
    const accounts = accountsFromRows((await readLeadFile('fixtures/accounts.csv')).rows).accounts;
    const r = cleanse(await readLeadFile('fixtures/crm-export.csv'), { accounts, dedupe: false });
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const matched = r.records.filter((x) => x.accountId);
    expect(matched.length / r.records.filter((x) => x.company).length).toBeGreaterThanOrEqual(0.95);
    for (const x of matched) expect((byId.get(x.accountId!)?.name ?? '').toLowerCase()).toBe((x.company ?? "").toLowerCase());
  });
});

describe('fixture specifics', () => {
  test('Windows-1252 accents and euro signs decode', async () => {
    const p = await readLeadFile('fixtures/syndication-latin1.csv');
    const text = JSON.stringify(p.rows);
    expect(text).toContain('€');
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });

  test('trade-show XLSX: scan times are ISO strings, numbers print in full', async () => {
    const p = await readLeadFile('fixtures/tradeshow-badges.xlsx');
    expect(p.meta.sheets).toEqual(['Leads', 'Export Info']);
    for (const r of p.rows) expect(r['Scan Time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(p.rows.every((r) => /^\d+$/.test(r['Badge ID']!))).toBe(true);
  });

  test('messy hand-made sheet: header found below the title lines, preamble kept', async () => {
    const p = await readLeadFile('fixtures/handmade-messy.csv');
    expect(p.meta.preamble.length).toBeGreaterThan(0);
    expect(p.headers[0]).toBe('Name (First Last)');
  });
});

describe('CLI', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });

  test('clean: exit 0, summary on stdout', () => {
    const r = cli('clean', 'fixtures/messe-de.csv', '--out', join(tmp, 'cli', 'messe.clean.xlsx'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('rows in 240');
    expect(readFileSync(join(tmp, 'cli', 'messe.clean.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(tmp, 'cli', 'messe.rejects.csv'), 'utf8')).toContain('sourceRow,rejectReasons');
  });

  test('exit 1 for usage and I/O errors, exit 2 for an invalid pack', () => {
    expect(cli('clean').status).toBe(1);
    expect(cli('frobnicate', 'x.csv').status).toBe(1);
    expect(cli('clean', 'fixtures/nope.csv').status).toBe(1);
    const bad = join(tmp, 'bad-pack.json');
    writeFileSync(bad, JSON.stringify({ id: 'bad', version: '1.0.0', normalize: { email: ['sparkle'] } }));
    const r = cli('clean', 'fixtures/messe-de.csv', '--pack', bad, '--out', join(tmp, 'x.csv'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('normalize.email[0]');
    expect(cli('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(cli('--help').stdout).toContain('Exit codes');
  });

  test('an example pack from rules/ extends the default pack', () => {
    const r = cli('clean', 'fixtures/webinar-zoom.csv', '--pack', 'rules/example-events.json', '--out', join(tmp, 'ex.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('pack example-events@1.0.0');
  });
});
