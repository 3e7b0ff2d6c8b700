/**
 * Fast generator of big synthetic lead CSV files for benchmarks (realistic values in mixed formats, quoted fields,
 * near-duplicates), built on the fixture generator's vocabulary and renderers.
 *
 *   npx tsx bench/gen.ts --rows 200000 --out bench/.data/leads-200k.csv [--seed 42] [--columns "First Name,Email"]
 *
 * Library: `generateLeadCsv({ rows, seed })` returns the whole text; `generateLeadCsvChunks(...)` yields it in chunks
 * so millions of rows can be streamed to disk without holding the string.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CompanyPool,
  DEFAULT_LOCALES,
  DEFAULT_STYLE,
  LOCALES,
  Rand,
  VOCAB,
  asciiFold,
  formatPhone,
  makePerson,
  renderPerson,
  type Locale,
} from '../scripts/gen/leads.js';

/** The 15 columns of a generated file, in default order. */
export const LEAD_CSV_COLUMNS = [
  'First Name',
  'Last Name',
  'Email',
  'Company',
  'Job Title',
  'Phone',
  'Mobile',
  'Street',
  'City',
  'State/Province',
  'Postal Code',
  'Country',
  'Website',
  'Lead Source',
  'Created Date',
] as const;
export type LeadCsvColumn = (typeof LEAD_CSV_COLUMNS)[number];

export interface LeadCsvOptions {
  readonly rows: number;
  readonly seed?: number;
  /** Subset and order of columns (default: all 15). */
  readonly columns?: readonly LeadCsvColumn[];
  /** Share of rows that repeat a recent row with different formatting (default 0.05). */
  readonly duplicateRate?: number;
  /** Rows per yielded chunk (default 10 000). */
  readonly chunkRows?: number;
  /** Line ending (default "\n"). */
  readonly eol?: string;
}

function esc(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

interface Pool {
  readonly first: string[];
  readonly firstSlug: string[];
  readonly last: string[];
  readonly lastSlug: string[];
  readonly company: string[][];
  readonly domain: string[];
  readonly website: string[][];
  /** street, city, state, postal, country (escaped). */
  readonly addr: string[][];
  readonly phone: string[];
  readonly mobile: string[];
  readonly title: string[];
}

const POOL_PEOPLE = 600;

function buildPool(r: Rand, loc: Locale): Pool {
  const pool = new CompanyPool(`bench-${loc}-`);
  const p: Pool = { first: [], firstSlug: [], last: [], lastSlug: [], company: [], domain: [], website: [], addr: [], phone: [], mobile: [], title: [] };
  const germanic = loc === 'DE' || loc === 'AT' || loc === 'CH';
  const n = Math.max(60, Math.round(POOL_PEOPLE * (DEFAULT_LOCALES[loc] ?? 0.05) * 4));
  for (let i = 0; i < n; i++) {
    const person = makePerson(r, `b${i}`, loc, pool);
    const row = renderPerson(r, person, DEFAULT_STYLE);
    p.first.push(esc(row.firstName));
    p.firstSlug.push(asciiFold(person.first, germanic).toLowerCase().replace(/[^a-z]/g, ''));
    p.last.push(esc(row.lastName));
    p.lastSlug.push(asciiFold(person.last, germanic).toLowerCase().replace(/[^a-z]/g, ''));
    // Several renderings of the same company, so one company appears in many forms.
    const variants = [esc(row.company)];
    const sites = [esc(row.website)];
    for (let k = 0; k < 3; k++) {
      const again = renderPerson(r, person, DEFAULT_STYLE);
      variants.push(esc(again.company));
      sites.push(esc(again.website));
    }
    p.company.push(variants);
    p.website.push(sites);
    p.domain.push(person.company.domain);
    p.addr.push([esc(row.street), esc(row.city), esc(row.state), esc(row.postalCode), esc(row.country)]);
    p.phone.push(esc(row.phone));
    p.mobile.push(person.mobile ? esc(formatPhone(r, person.mobile, '')) : '');
    p.title.push(esc(row.title));
  }
  return p;
}

function dates(r: Rand): string[] {
  const out: string[] = [];
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < 2000; i++) {
    const d = new Date(t0 + r.int(0, 440 * 86400) * 1000);
    const y = d.getUTCFullYear();
    const m = String(d.getUTCMonth() + 1).padStart(2, '0');
    const dd = String(d.getUTCDate()).padStart(2, '0');
    const k = r.int(0, 4);
    out.push(
      k === 0 ? `${y}-${m}-${dd}` : k === 1 ? `${m}/${dd}/${y}` : k === 2 ? `${dd}.${m}.${y}` : k === 3 ? d.toISOString().slice(0, 19) + 'Z' : `${y}-${m}-${dd} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`,
    );
  }
  return out;
}

/**
 * Yields a lead CSV in chunks (the header is in the first chunk). Deterministic for a given seed.
 * @example
 * for (const chunk of generateLeadCsvChunks({ rows: 5_000_000, seed: 1 })) out.write(chunk);
 */
export function* generateLeadCsvChunks(opts: LeadCsvOptions): Generator<string> {
  const r = new Rand(opts.seed ?? 42);
  const cols = opts.columns ?? LEAD_CSV_COLUMNS;
  for (const c of cols) if (!LEAD_CSV_COLUMNS.includes(c)) throw new Error(`generateLeadCsv: unknown column "${c}"`);
  const colIdx = cols.map((c) => LEAD_CSV_COLUMNS.indexOf(c));
  const eol = opts.eol ?? '\n';
  const chunkRows = opts.chunkRows ?? 10_000;
  const dupRate = opts.duplicateRate ?? 0.05;
  const pools = new Map<Locale, Pool>();
  for (const loc of LOCALES) pools.set(loc, buildPool(r, loc));
  const dateList = dates(r);
  // Cumulative locale table for one random draw per row.
  const locs = LOCALES.filter((l) => (DEFAULT_LOCALES[l] ?? 0) > 0);
  const cum: number[] = [];
  let acc = 0;
  for (const l of locs) cum.push((acc += DEFAULT_LOCALES[l]!));
  const sources = VOCAB.leadSources.map(esc);
  const rnd = r.next;
  const idx = (n: number): number => (rnd() * n) | 0;
  const recent: string[][] = [];
  const cells: string[] = new Array<string>(LEAD_CSV_COLUMNS.length).fill('');

  let buf: string[] = [cols.map(esc).join(',')];
  for (let i = 0; i < opts.rows; i++) {
    let row: string[];
    if (recent.length > 50 && rnd() < dupRate) {
      // A near-duplicate of a recent row: other email case, phone or company rendering, a dropped field.
      row = recent[idx(recent.length)]!.slice();
      const k = idx(4);
      if (k === 0) row[2] = row[2]!.toUpperCase();
      else if (k === 1) row[5] = '';
      else if (k === 2) row[4] = '';
      else row[0] = row[0]!.toLowerCase();
    } else {
      const x = rnd() * acc;
      let li = 0;
      while (li < cum.length - 1 && x >= cum[li]!) li++;
      const p = pools.get(locs[li]!)!;
      const fi = idx(p.first.length);
      const la = idx(p.last.length);
      const ci = idx(p.company.length);
      const ai = idx(p.addr.length);
      const fs = p.firstSlug[fi]!;
      const ls = p.lastSlug[la]!;
      const e = idx(10);
      const local = e < 6 ? `${fs}.${ls}` : e < 8 ? `${fs[0] ?? 'x'}${ls}` : e === 8 ? fs : `${fs}_${ls}`;
      const addr = p.addr[ai]!;
      cells[0] = p.first[fi]!;
      cells[1] = p.last[la]!;
      cells[2] = `${local}@${p.domain[ci]!}`;
      cells[3] = p.company[ci]![idx(4)]!;
      cells[4] = p.title[fi]!;
      cells[5] = p.phone[ai]!;
      cells[6] = p.mobile[ai]!;
      cells[7] = addr[0]!;
      cells[8] = addr[1]!;
      cells[9] = addr[2]!;
      cells[10] = addr[3]!;
      cells[11] = addr[4]!;
      cells[12] = p.website[ci]![idx(4)]!;
      cells[13] = sources[idx(sources.length)]!;
      cells[14] = dateList[idx(dateList.length)]!;
      row = cells.slice();
      if (recent.length < 1000) recent.push(row);
      else recent[idx(1000)] = row;
    }
    let line = row[colIdx[0]!]!;
    for (let c = 1; c < colIdx.length; c++) line += ',' + row[colIdx[c]!]!;
    buf.push(line);
    if (buf.length >= chunkRows) {
      yield buf.join(eol) + eol;
      buf = [];
    }
  }
  if (buf.length) yield buf.join(eol) + eol;
}

/**
 * Generates a whole lead CSV as one string.
 * @example
 * generateLeadCsv({ rows: 2, seed: 1 }).split('\n')[0] //=> "First Name,Last Name,Email,Company,…"
 */
export function generateLeadCsv(opts: LeadCsvOptions): string {
  let s = '';
  for (const chunk of generateLeadCsvChunks(opts)) s += chunk;
  return s;
}

/** Streams a generated CSV to `file`, respecting backpressure. Resolves to the number of bytes written. */
export async function writeLeadCsv(file: string, opts: LeadCsvOptions): Promise<number> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const out = createWriteStream(file);
  let bytes = 0;
  for (const chunk of generateLeadCsvChunks(opts)) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((res) => out.once('drain', res));
  }
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  return bytes;
}

function parseArgs(argv: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? (a.slice(2).split(/=(.*)/s) as [string, string]) : [a.slice(2), argv[++i] ?? ''];
      m.set(k, v);
    }
  }
  return m;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const rows = Number(args.get('rows') ?? '200000');
  const out = args.get('out');
  if (!Number.isInteger(rows) || rows < 0 || !out) {
    console.error('usage: npx tsx bench/gen.ts --rows 200000 --out file.csv [--seed 42] [--columns "First Name,Email,…"]');
    process.exit(1);
  }
  const columns = args.get('columns')?.split(',').map((s) => s.trim()) as LeadCsvColumn[] | undefined;
  const t0 = performance.now();
  const bytes = await writeLeadCsv(out, { rows, seed: Number(args.get('seed') ?? '42'), ...(columns ? { columns } : {}) });
  const s = (performance.now() - t0) / 1000;
  console.error(`wrote ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB to ${out} in ${s.toFixed(2)} s`);
}
