import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import * as fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { generateLeadCsv, generateLeadCsvChunks, LEAD_CSV_COLUMNS } from '../bench/gen.js';
import { JUNK_REASONS, VOCAB, generateLeads, type LeadRow } from '../scripts/gen/leads.js';
import { encodeUtf16le, encodeWindows1252, isWindows1252 } from '../scripts/gen/win1252.js';
import { FIXTURES_DIR, buildFixtures, type FixtureFileTruth } from '../scripts/gen-fixtures.js';

const DISPOSABLE: ReadonlySet<string> = new Set(createRequire(import.meta.url)('disposable-email-domains') as string[]);

/** Email key as a forgiving matcher would see it. */
function emailKey(s: string): string {
  const m = /[^\s<>:;,]+@[^\s<>:;,]+/.exec(s.toLowerCase());
  return m ? m[0].replace(/\.$/, '') : '';
}
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}
function digits(s: string): string {
  return s.replace(/\D/g, '');
}
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

describe('generateLeads', () => {
  const opts = { rows: 1500, seed: 11, duplicateRate: 0.1, junkRate: 0.06, statuses: ['Registered', 'Attended'] } as const;
  const g = generateLeads(opts);

  test('is deterministic for a seed and differs across seeds', () => {
    expect(generateLeads(opts)).toEqual(g);
    const other = generateLeads({ ...opts, seed: 12 });
    expect(other.rows.map((r) => r.email)).not.toEqual(g.rows.map((r) => r.email));
  });

  test('truth is consistent: clusters, duplicates and junk agree with the per-row truth', () => {
    const t = g.truth;
    expect(t.rows).toHaveLength(g.rows.length);
    const seen = new Set<number>();
    for (const c of t.clusters) {
      expect(c.length).toBeGreaterThan(1);
      const person = t.rows[c[0]!]!.person;
      expect(person).not.toBeNull();
      for (const i of c) {
        expect(seen.has(i)).toBe(false);
        seen.add(i);
        expect(t.rows[i]!.person).toBe(person);
      }
    }
    t.rows.forEach((r, i) => {
      if (r.kind === 'duplicate') {
        expect(r.duplicateOf).toBeLessThan(i);
        expect(t.rows[r.duplicateOf!]!.person).toBe(r.person);
        expect(t.clusters.some((c) => c.includes(i) && c.includes(r.duplicateOf!))).toBe(true);
      }
      if (r.kind === 'junk') expect(r.person).toBeNull();
    });
    expect(t.junk.map((j) => j.row)).toEqual(t.rows.flatMap((r, i) => (r.kind === 'junk' ? [i] : [])));
    // Rates land near what was asked.
    const dupRows = t.rows.filter((r) => r.kind === 'duplicate').length;
    expect(dupRows / g.rows.length).toBeGreaterThan(0.07);
    expect(dupRows / g.rows.length).toBeLessThan(0.13);
    expect(t.junk.length / g.rows.length).toBeGreaterThan(0.04);
    expect(t.junk.length / g.rows.length).toBeLessThan(0.08);
    expect(new Set(t.junk.map((j) => j.reason))).toEqual(new Set(JUNK_REASONS));
  });

  test('every duplicate stays findable: shares an email, a phone, or last name and company with its first row', () => {
    const { rows, truth } = g;
    truth.rows.forEach((t, i) => {
      if (t.kind !== 'duplicate') return;
      const a = rows[t.duplicateOf!]!;
      const b = rows[i]!;
      const sameEmail = emailKey(a.email) !== '' && emailKey(a.email) === emailKey(b.email);
      const pa = [a.phone, a.mobilePhone].map(digits).filter((d) => d.length >= 7).map((d) => d.slice(-7));
      const pb = [b.phone, b.mobilePhone].map(digits).filter((d) => d.length >= 7).map((d) => d.slice(-7));
      const samePhone = pa.some((d) => pb.includes(d));
      const sameNameCo = fold(a.lastName) === fold(b.lastName) && b.company !== '';
      expect(sameEmail || samePhone || sameNameCo, `row ${i} vs ${t.duplicateOf}: ${JSON.stringify([a, b])}`).toBe(true);
    });
  });

  test('duplicates differ from their first row in realistic ways', () => {
    const { rows, truth } = g;
    let differing = 0;
    let dups = 0;
    const ops = new Set<string>();
    truth.rows.forEach((t, i) => {
      if (t.kind !== 'duplicate') return;
      dups++;
      t.ops?.forEach((o) => ops.add(o));
      if (JSON.stringify({ ...rows[i], createdAt: '' }) !== JSON.stringify({ ...rows[t.duplicateOf!], createdAt: '' })) differing++;
    });
    expect(differing / dups).toBeGreaterThan(0.95);
    for (const op of ['nickname', 'typo_first', 'typo_last', 'email_case', 'email_personal', 'drop_email', 'drop_phone', 'status_changed'])
      expect(ops.has(op), op).toBe(true);
  });

  test('junk rows look like their reason', () => {
    const { rows, truth } = g;
    for (const { row, reason } of truth.junk) {
      const r: LeadRow = rows[row]!;
      if (reason === 'missing_contact') expect([r.email, r.phone, r.mobilePhone]).toEqual(['', '', '']);
      if (reason === 'disposable_email') expect(DISPOSABLE.has(r.email.split('@')[1]!)).toBe(true);
      if (reason === 'junk_email') expect(VOCAB.junk.emails).toContain(r.email);
      if (reason === 'junk_name') expect(VOCAB.junk.names.map((n) => n.join(' '))).toContain(`${r.firstName} ${r.lastName}`);
    }
  });

  test('values come in mixed real-world formats', () => {
    const countries = new Set(g.rows.map((r) => r.country));
    for (const c of ['US', 'USA', 'United States', 'Deutschland', 'UK']) expect(countries.has(c), c).toBe(true);
    const phones = g.rows.map((r) => r.phone).join('\n');
    expect(phones).toMatch(/\(\d{3}\) \d{3}-\d{4}/);
    expect(phones).toMatch(/\+44 \(0\)20 \d{4} \d{4}/);
    expect(phones).toMatch(/ (x|ext\. ?)\d{3}/);
    const emails = g.rows.map((r) => r.email);
    expect(emails.some((e) => e.startsWith('mailto:'))).toBe(true);
    expect(emails.some((e) => e !== e.trim())).toBe(true);
    expect(new Set(g.rows.map((r) => r.state))).toContain('California');
    expect(g.rows.some((r) => /Geschäftsführer|Directeur|Director de/.test(r.title))).toBe(true);
  });

  test('non-junk phone numbers are valid numbers of their country (libphonenumber-js)', () => {
    const loc = new Map(g.people.map((p) => [p.id, p.locale] as const));
    let total = 0;
    let valid = 0;
    g.truth.rows.forEach((t, i) => {
      const phone = g.rows[i]!.phone;
      if (!t.person || !phone) return;
      const number = phone.replace(/\s*(x|ext\.?|Ext|Durchwahl)\s*\d+$/i, '').replace(/^00/, '+');
      total++;
      if (isValidPhoneNumber(number, loc.get(t.person)!)) valid++;
    });
    expect(total).toBeGreaterThan(800);
    expect(valid / total).toBeGreaterThan(0.9);
  });
});

/**
 * WHATWG windows-1252 bytes 0x80–0x9F, typed from the Encoding Standard's index (unassigned bytes map to C1 controls).
 * Node 20.18.3+/22.13+ decode these bytes as Latin-1 (nodejs/node#56542, #60888), so the platform decoder is
 * used as is only where it is right, and patched with this table where it is not.
 */
const WHATWG_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const platform1252 = new TextDecoder('windows-1252');
const platformIsRight = platform1252.decode(Uint8Array.of(0x80, 0x92)) === '€’';
const dec1252 = {
  decode(b: Uint8Array): string {
    const s = platform1252.decode(b);
    return platformIsRight ? s : s.replace(/[\u0080-\u009f]/g, (c) => WHATWG_80_9F[c.charCodeAt(0) - 0x80]!);
  },
};

describe('Windows-1252 and UTF-16 encoders', () => {
  test('the reference decoder agrees with the Encoding Standard on the whole 0x80–0xFF range', () => {
    expect([...WHATWG_80_9F]).toHaveLength(32);
    const high = dec1252.decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
    expect(high.slice(0, 32)).toBe(WHATWG_80_9F);
    expect(high.slice(32)).toBe(String.fromCharCode(...Array.from({ length: 96 }, (_, i) => 0xa0 + i)));
  });

  test('every byte decodes and re-encodes to itself', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = dec1252.decode(all);
    expect(encodeWindows1252(text)).toEqual(all);
  });

  test('typographic characters use the 0x80–0x9F table', () => {
    expect([...encodeWindows1252('€„“”‘’–—…šžŠŽŒœŸ™•')]).toEqual([
      0x80, 0x84, 0x93, 0x94, 0x91, 0x92, 0x96, 0x97, 0x85, 0x9a, 0x9e, 0x8a, 0x8e, 0x8c, 0x9c, 0x9f, 0x99, 0x95,
    ]);
    expect([...encodeWindows1252('Müller Straße')]).toEqual([...'Müller Straße'].map((c) => c.charCodeAt(0)));
  });

  test('round-trips any representable text; others become "?"', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((b) => dec1252.decode(Uint8Array.of(b))) }), (s) => {
        expect(isWindows1252(s)).toBe(true);
        expect(dec1252.decode(encodeWindows1252(s))).toBe(s);
      }),
    );
    expect(dec1252.decode(encodeWindows1252('Łukasz Dvořák 😀'))).toBe('?ukasz Dvo?ák ?');
    expect(isWindows1252('Łukasz')).toBe(false);
  });

  test('UTF-16 LE with BOM round-trips', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const b = encodeUtf16le(s);
        expect([b[0], b[1]]).toEqual([0xff, 0xfe]);
        expect(new TextDecoder('utf-16le').decode(b.subarray(2))).toBe(s);
      }),
    );
  });
});

describe('fixtures', () => {
  const set = buildFixtures();
  const truth = set.truth as { files: Record<string, FixtureFileTruth>; existingMatches: { file: string; row: number; crmIds: string[] }[] };

  test.each(set.files.map((f) => [f.name, f.bytes] as const))('%s on disk equals what the script produces now', (name, bytes) => {
    const disk = readFileSync(path.join(FIXTURES_DIR, name));
    expect(Buffer.compare(disk, Buffer.from(bytes)), `fixtures/${name} is stale: run npm run fixtures`).toBe(0);
  });

  test('at least six lead files, small enough to commit', () => {
    const leadFiles = set.files.filter((f) => !/\.(json|md)$/.test(f.name));
    expect(leadFiles.length).toBeGreaterThanOrEqual(6);
    expect(set.files.reduce((a, f) => a + f.bytes.length, 0)).toBeLessThan(1_000_000);
  });

  function decode(name: string, bytes: Uint8Array): string {
    if (name.endsWith('-latin1.csv')) return new TextDecoder('windows-1252').decode(bytes);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  }

  /** Data records (after the header, all-empty rows skipped) as header → value objects. */
  function records(name: string, bytes: Uint8Array, t: FixtureFileTruth): { header: string[]; rows: string[][] } {
    let all: string[][];
    if (name.endsWith('.xlsx')) {
      const wb = XLSX.read(bytes, { type: 'array' });
      expect(wb.SheetNames[0]).toBe('Leads');
      all = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: true, defval: '' }).map((r) => r.map((c) => String(c)));
    } else {
      const text = decode(name, bytes);
      const res = Papa.parse<string[]>(text, { delimiter: t.delimiter ?? ',', skipEmptyLines: false });
      all = res.data;
      // Physical line of each record start must match truth.lines.
      const lines = text.split(/\r?\n/);
      const header = all[t.headerLine - 1]!;
      expect(header).toEqual(t.headers);
      const dataRecs = all.slice(t.headerLine).filter((r) => r.some((c) => c.trim() !== ''));
      dataRecs.forEach((rec, k) => {
        const firstCell = rec[0]!.split('\n')[0]!;
        const raw = lines[t.lines[k]! - 1]!;
        expect(raw.startsWith(firstCell) || raw.startsWith(`"${firstCell.replace(/"/g, '""')}`), `${name} row ${k + 1}`).toBe(true);
      });
    }
    const header = all[t.headerLine - 1]!;
    const rows = all.slice(t.headerLine).filter((r) => r.some((c) => c.trim() !== ''));
    return { header, rows };
  }

  const IDENTITY: Record<string, { name: string; phones: string[] }> = {
    'crm-export.csv': { name: 'LastName', phones: ['Phone', 'MobilePhone'] },
    'webinar-zoom.csv': { name: 'Last Name', phones: ['Phone'] },
    'tradeshow-badges.xlsx': { name: 'LAST', phones: ['PHONE'] },
    'syndication-latin1.csv': { name: 'Contact Last Name', phones: ['Phone Number'] },
    'messe-de.csv': { name: 'Nachname', phones: ['Telefon', 'Mobil'] },
    'handmade-messy.csv': { name: 'Name (First Last)', phones: ['Phone'] },
    'partner-utf16.txt': { name: 'Last Name', phones: ['Business Phone', 'Mobile Phone'] },
  };

  const EMAIL_COL: Record<string, string> = {
    'crm-export.csv': 'Email',
    'webinar-zoom.csv': 'Email',
    'tradeshow-badges.xlsx': 'EMAIL',
    'syndication-latin1.csv': 'Email Address',
    'messe-de.csv': 'E-Mail-Adresse',
    'handmade-messy.csv': 'Email',
    'partner-utf16.txt': 'Email',
  };

  test.each(Object.keys(EMAIL_COL))('%s parses to the row count, header and junk the truth describes', (name) => {
    const t = truth.files[name]!;
    const bytes = set.files.find((f) => f.name === name)!.bytes;
    const { header, rows } = records(name, bytes, t);
    expect(header).toEqual(t.headers);
    expect(rows).toHaveLength(t.rows);
    expect(t.people).toHaveLength(t.rows);
    expect(t.rows).toBeGreaterThanOrEqual(150);
    expect(t.duplicates.length).toBeGreaterThan(3);
    expect(t.junk.length).toBeGreaterThan(1);
    const ei = header.indexOf(EMAIL_COL[name]!);
    for (const { row, reason } of t.junk) {
      const email = rows[row - 1]![ei] ?? '';
      if (reason === 'disposable_email') expect(DISPOSABLE.has(emailKey(email).split('@')[1]!), `${name} row ${row}`).toBe(true);
      if (reason === 'missing_contact' || reason === 'not_a_lead') expect(email.trim()).toBe('');
    }
    // Every repeat shares something a deduper can block on with the person's first row: the email, a phone
    // number, or the last name (within two typos).
    const id = IDENTITY[name]!;
    const col = (h: string): number => header.indexOf(h);
    const lastName = (r: string[]): string => {
      const v = r[col(id.name)] ?? '';
      if (id.name !== 'Name (First Last)') return fold(v);
      return fold(v.includes(',') ? v.split(',')[0]! : (v.trim().split(/\s+/).at(-1) ?? ''));
    };
    const phones = (r: string[]): string[] => id.phones.map((h) => digits(r[col(h)] ?? '')).filter((d) => d.length >= 7).map((d) => d.slice(-7));
    for (const group of t.duplicates) {
      const first = rows[group[0]! - 1]!;
      for (const rn of group.slice(1)) {
        const r = rows[rn - 1]!;
        const sameEmail = emailKey(first[ei] ?? '') !== '' && emailKey(first[ei] ?? '') === emailKey(r[ei] ?? '');
        const samePhone = phones(first).some((p) => phones(r).includes(p));
        const sameName = lastName(first) !== '' && levenshtein(lastName(first), lastName(r)) <= 2;
        expect(sameEmail || samePhone || sameName, `${name} rows ${group[0]} and ${rn}`).toBe(true);
      }
    }
    // Junk and people do not overlap, and every duplicate row is a person.
    for (const { row } of t.junk) expect(t.people[row - 1]).toBeNull();
    for (const g of t.duplicates) for (const rn of g) expect(t.people[rn - 1]).not.toBeNull();
  });

  test('known matches against crm-export point at the same person', () => {
    expect(truth.existingMatches.length).toBeGreaterThan(20);
    const crm = truth.files['crm-export.csv']!;
    const { header, rows } = records('crm-export.csv', set.files.find((f) => f.name === 'crm-export.csv')!.bytes, crm);
    const idCol = header.indexOf('Id');
    for (const m of truth.existingMatches) {
      const person = truth.files[m.file]!.people[m.row - 1];
      for (const id of m.crmIds) {
        const k = rows.findIndex((r) => r[idCol] === id);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(crm.people[k]).toBe(person);
      }
      expect(m.crmIds.every((id) => /^00Q[0-9A-Za-z]{15}$/.test(id))).toBe(true);
    }
    expect(new Set(truth.existingMatches.map((m) => m.file)).size).toBe(6);
  });

  test('format specifics: BOM, encodings, XLSX dates and numeric ZIPs', () => {
    const get = (n: string): Uint8Array => set.files.find((f) => f.name === n)!.bytes;
    expect([...get('webinar-zoom.csv').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...get('partner-utf16.txt').subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const latin = get('syndication-latin1.csv');
    expect(latin.includes(0x80)).toBe(true); // €
    expect(dec1252.decode(latin)).toContain('42,50 €');
    expect(latin.includes(0xfc) || latin.includes(0xe9)).toBe(true); // ü or é as one byte
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(latin)).toThrow();
    const wb = XLSX.read(get('tradeshow-badges.xlsx'), { type: 'array', cellDates: true });
    const ws = wb.Sheets.Leads!;
    expect(ws.M2!.t).toBe('d');
    expect(ws.M2!.v).toBeInstanceOf(Date);
    const zips = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws).map((r) => r.ZIP);
    expect(zips.some((z) => typeof z === 'number')).toBe(true);
    const messy = new TextDecoder().decode(get('handmade-messy.csv'));
    expect(messy).toMatch(/"[^"]*\n[^"]*"/); // a quoted field with an embedded newline
    expect(new TextDecoder('utf-16le').decode(get('partner-utf16.txt').subarray(2))).toMatch(/Łukasz|Dvořák|Satō/);
  });
});

describe('bench generator', () => {
  test('is deterministic, parses to the requested rows and columns, and chunks add up', () => {
    const csv = generateLeadCsv({ rows: 20_000, seed: 5 });
    expect(generateLeadCsv({ rows: 20_000, seed: 5 })).toBe(csv);
    expect(generateLeadCsv({ rows: 20_000, seed: 6 })).not.toBe(csv);
    const chunks = [...generateLeadCsvChunks({ rows: 20_000, seed: 5, chunkRows: 3000 })];
    expect(chunks.length).toBe(7);
    expect(chunks.join('')).toBe(csv);
    const res = Papa.parse<string[]>(csv.trimEnd(), { delimiter: ',' });
    expect(res.errors).toEqual([]);
    expect(res.data[0]).toEqual([...LEAD_CSV_COLUMNS]);
    expect(res.data).toHaveLength(20_001);
    expect(res.data.every((r) => r.length === 15)).toBe(true);
    expect(csv).toMatch(/"[^"\n]*,[^"\n]*"/); // quoted fields with commas are present
    const emails = res.data.slice(1).map((r) => r[2]!);
    expect(new Set(emails.map((e) => e.toLowerCase())).size / emails.length).toBeGreaterThan(0.8);
  });

  test('columns option selects and orders columns', () => {
    const csv = generateLeadCsv({ rows: 10, seed: 1, columns: ['Email', 'Country'] });
    const rows = Papa.parse<string[]>(csv.trimEnd()).data;
    expect(rows[0]).toEqual(['Email', 'Country']);
    expect(rows.slice(1).every((r) => r.length === 2 && r[0]!.includes('@'))).toBe(true);
    expect(() => generateLeadCsv({ rows: 1, columns: ['Nope' as 'Email'] })).toThrow(/unknown column/);
  });
});
