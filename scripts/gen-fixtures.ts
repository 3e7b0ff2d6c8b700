/**
 * Writes the realistic lead fixtures in `fixtures/` (run with `npm run fixtures`), plus `fixtures/truth.json`
 * (known duplicates, cross-file matches and junk rows) and `fixtures/README.md`.
 * Deterministic: running it again rewrites byte-identical files (test/generator.test.ts checks this).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import {
  generateLeads,
  Rand,
  VOCAB,
  asciiFold,
  type GeneratedLeads,
  type GenerateLeadsOptions,
  type LeadRow,
  type Person,
} from './gen/leads.js';
import { encodeUtf16le, encodeWindows1252, isWindows1252 } from './gen/win1252.js';

export const FIXTURE_SEED = 20260322;

/** Where a data row sits in its file. */
export interface RowPlace {
  /** 1-based data row: records after the header row, not counting blank rows. */
  readonly row: number;
  /** 1-based physical line (CSV/TSV) or sheet row (XLSX) where the record starts. */
  readonly line: number;
}

export type FixtureJunkReason = 'junk_name' | 'junk_email' | 'disposable_email' | 'missing_contact' | 'keyboard_mash' | 'not_a_lead';

export interface FixtureFileTruth {
  readonly file: string;
  readonly organizer: string;
  readonly encoding: string;
  readonly delimiter: string | null;
  readonly headerLine: number;
  readonly headers: readonly string[];
  readonly rows: number;
  readonly description: string;
  /** Per data row (index = row - 1): person id, or null for junk. */
  readonly people: (string | null)[];
  /** Per data row: where it starts in the file. */
  readonly lines: number[];
  /** Groups of data rows (1-based) that are the same person within this file. */
  readonly duplicates: number[][];
  readonly junk: { row: number; reason: FixtureJunkReason }[];
  /** Pairs of rows at the same company that are different people (dedupe must keep both). */
  readonly notDuplicates: [number, number][];
  /** How each duplicate differs from the first row of its person. */
  readonly duplicateOps: { row: number; of: number; ops: readonly string[] }[];
}

interface Built {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly truth: FixtureFileTruth;
}

// ───────────────────────────── writers ─────────────────────────────

function needsQuote(s: string, delim: string): boolean {
  return s.includes(delim) || s.includes('"') || s.includes('\n') || s.includes('\r');
}

function csvCell(s: string, delim: string, quoteAll: boolean): string {
  return quoteAll || needsQuote(s, delim) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Builds delimited text and tracks the physical line each record starts on. */
class TextSheet {
  private readonly parts: string[] = [];
  private line = 1;
  constructor(
    private readonly delim: string,
    private readonly eol: string,
    private readonly quoteAll = false,
  ) {}
  /** Appends one record; returns its starting line. */
  record(cells: readonly string[]): number {
    const start = this.line;
    const text = cells.map((c) => csvCell(c, this.delim, this.quoteAll)).join(this.delim);
    this.parts.push(text + this.eol);
    this.line += 1 + (text.match(/\n/g)?.length ?? 0);
    return start;
  }
  raw(text: string): void {
    this.parts.push(text + this.eol);
    this.line += 1;
  }
  toString(): string {
    return this.parts.join('');
  }
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

// ───────────────────────────── helpers ─────────────────────────────

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

function zoomDate(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())}, ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}
function deDate(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}.${p2(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}
function sfDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}
/** Excel serial date (1900 system) for a UTC instant. */
function excelSerial(ms: number): number {
  return ms / 86_400_000 + 25_569;
}

/** An 18-character Salesforce id: 15-char id plus the case-checksum suffix. */
function salesforceId(r: Rand, prefix: string): string {
  const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let id = `${prefix}5g0000`;
  while (id.length < 15) id += B62[r.int(0, 61)];
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let c = 0; c < 3; c++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id[c * 5 + i]!;
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += A[bits];
  }
  return id + suffix;
}

/** Level/function labels as a syndication vendor sends them. */
const LEVEL_LABEL: Record<string, string> = {
  owner: 'Owner', c_level: 'C-Level', partner: 'Partner', board: 'Board', vp: 'VP', director: 'Director',
  manager: 'Manager', senior: 'Staff', entry: 'Staff', intern: 'Other',
};
const FUNCTION_LABEL: Record<string, string> = {
  executive: 'Executive', marketing: 'Marketing', sales: 'Sales', finance: 'Finance', engineering: 'Engineering',
  information_technology: 'IT', operations: 'Operations', human_resources: 'Human Resources', legal: 'Legal',
  procurement: 'Purchasing', project_management: 'Operations', product: 'Product Management',
  customer_success: 'Customer Service', data: 'IT', administrative: 'Administration', consulting: 'Consulting',
  design: 'Creative', research: 'Research',
};

function titleInfo(person: string | null, people: Map<string, Person>): { level: string; fn: string } {
  const p = person ? people.get(person) : undefined;
  if (!p) return { level: '', fn: '' };
  const t = VOCAB.titles[p.title]!;
  return { level: LEVEL_LABEL[t.level] ?? '', fn: FUNCTION_LABEL[t.fn] ?? '' };
}

function fileTruth(
  base: Omit<FixtureFileTruth, 'people' | 'lines' | 'duplicates' | 'junk' | 'notDuplicates' | 'duplicateOps' | 'rows'>,
  g: GeneratedLeads,
  lines: number[],
  extra: { junk?: { index: number; reason: FixtureJunkReason }[]; order?: number[]; ops?: Map<number, readonly string[]> } = {},
): FixtureFileTruth {
  // `order[k]` = generator row index written as data row k+1 (or -1 for an extra row).
  const order = extra.order ?? g.rows.map((_, i) => i);
  const dataRowOf = new Map<number, number>();
  order.forEach((gi, k) => {
    if (gi >= 0) dataRowOf.set(gi, k + 1);
  });
  const people = order.map((gi) => (gi >= 0 ? g.truth.rows[gi]!.person : null));
  const groups = new Map<string, number[]>();
  people.forEach((p, k) => {
    if (!p) return;
    const list = groups.get(p);
    if (list) list.push(k + 1);
    else groups.set(p, [k + 1]);
  });
  const junk: { row: number; reason: FixtureJunkReason }[] = [];
  order.forEach((gi, k) => {
    const reason = gi >= 0 ? g.truth.rows[gi]!.junkReason : extra.junk?.find((j) => j.index === k)?.reason;
    if (reason) junk.push({ row: k + 1, reason });
  });
  const notDuplicates: [number, number][] = [];
  const duplicateOps: { row: number; of: number; ops: readonly string[] }[] = [];
  g.truth.rows.forEach((t, gi) => {
    const row = dataRowOf.get(gi)!;
    if (t.kind === 'colleague' && t.colleagueOf !== undefined) notDuplicates.push([dataRowOf.get(t.colleagueOf)!, row]);
    if (t.kind === 'duplicate' && t.duplicateOf !== undefined)
      duplicateOps.push({ row, of: dataRowOf.get(t.duplicateOf)!, ops: extra.ops?.get(gi) ?? t.ops ?? [] });
  });
  return {
    ...base,
    rows: order.length,
    people,
    lines,
    duplicates: [...groups.values()].filter((x) => x.length > 1),
    junk,
    notDuplicates,
    duplicateOps,
  };
}

// ───────────────────────────── the files ─────────────────────────────

function gen(opts: GenerateLeadsOptions): GeneratedLeads {
  return generateLeads(opts);
}

function crmExport(seed: number): { built: Built; g: GeneratedLeads; ids: string[] } {
  const r = new Rand(seed + 1);
  const g = gen({
    rows: 320,
    seed,
    idPrefix: 'crm-',
    duplicateRate: 0.025,
    junkRate: 0.012,
    junkReasons: ['junk_name', 'junk_email'],
    colleagueRate: 0.08,
    dateRange: ['2023-01-15', '2026-02-28'],
    style: { nameCase: 'proper', country: 'name', state: 'code', titles: 'en', emailMess: 0.01, company: 'clean', website: 'clean', postalMess: 0.02, blankRate: 0.05 },
  });
  const headers = ['Id', 'FirstName', 'LastName', 'Email', 'Company', 'Title', 'Phone', 'MobilePhone', 'Street', 'City', 'State', 'PostalCode', 'Country', 'Website', 'LeadSource', 'Status', 'CreatedDate', 'LastModifiedDate'];
  const sheet = new TextSheet(',', '\r\n', true);
  sheet.record(headers);
  const lines: number[] = [];
  const ids: string[] = [];
  const statuses = ['Open - Not Contacted', 'Working - Contacted', 'Nurturing', 'Closed - Converted', 'Closed - Not Converted'];
  g.rows.forEach((row, i) => {
    const id = salesforceId(r, '00Q');
    ids.push(id);
    const created = g.times[i]!;
    const modified = created + r.int(0, 200) * 86_400_000 + r.int(0, 86_399) * 1000;
    lines.push(
      sheet.record([
        id, row.firstName, row.lastName, row.email, row.company, row.title, row.phone, row.mobilePhone, row.street,
        row.city, row.state, row.postalCode, row.country, row.website, r.pick(VOCAB.leadSources), r.pick(statuses),
        sfDate(created), sfDate(Math.min(modified, Date.parse('2026-03-01T00:00:00Z'))),
      ]),
    );
  });
  const truth = fileTruth(
    {
      file: 'crm-export.csv',
      organizer: 'CRM export (Salesforce Data Loader / report export of Leads), used as `existing` records',
      encoding: 'UTF-8 (no BOM)',
      delimiter: ',',
      headerLine: 1,
      headers,
      description: 'Salesforce API field names, every field quoted, CRLF, 18-character record ids, ISO timestamps with +0000. Clean-ish: proper-case names, country names, US/CA/AU state codes, mixed phone formats.',
    },
    g,
    lines,
  );
  return { built: { name: 'crm-export.csv', bytes: utf8(sheet.toString()), truth }, g, ids };
}

function webinarZoom(seed: number, reuse: readonly Person[]): { built: Built; g: GeneratedLeads } {
  const r = new Rand(seed + 1);
  const g = gen({
    rows: 320,
    seed,
    idPrefix: 'zoom-',
    duplicateRate: 0.09,
    junkRate: 0.05,
    reuse: { people: reuse, rate: 0.08 },
    statuses: ['Yes', 'No'],
    dateRange: ['2026-02-02', '2026-03-04'],
    style: { country: 'name', emailMess: 0.08 },
  });
  const headers = ['Attended', 'User Name (Original Name)', 'First Name', 'Last Name', 'Email', 'Organization', 'Job Title', 'Phone', 'City', 'State/Province', 'Zip/Postal Code', 'Country/Region', 'Registration Time', 'Approval Status', 'Join Time', 'Leave Time', 'Time in Session (minutes)', 'Is Guest', 'Source Name'];
  const sheet = new TextSheet(',', '\r\n');
  sheet.record(headers);
  const lines: number[] = [];
  const start = Date.parse('2026-03-05T16:00:00Z');
  g.rows.forEach((row, i) => {
    const attended = row.memberStatus === 'Yes';
    const join = start - r.int(0, 600) * 1000 + (r.chance(0.2) ? r.int(5, 40) * 60_000 : 0);
    const minutes = r.int(3, 62);
    const leave = join + minutes * 60_000 + r.int(0, 59) * 1000;
    lines.push(
      sheet.record([
        attended ? 'Yes' : 'No',
        `${row.firstName.trim()} ${row.lastName.trim()}`,
        row.firstName,
        row.lastName,
        row.email,
        row.company,
        row.title,
        row.phone || row.mobilePhone,
        row.city,
        row.state,
        row.postalCode,
        row.country,
        zoomDate(g.times[i]!),
        'approved',
        attended ? zoomDate(join) : '--',
        attended ? zoomDate(leave) : '--',
        attended ? String(minutes) : '--',
        attended ? (r.chance(0.9) ? 'Yes' : 'No') : '--',
        r.pick(['LinkedIn', 'Newsletter', 'Website', 'Partner', '']),
      ]),
    );
  });
  const truth = fileTruth(
    {
      file: 'webinar-zoom.csv',
      organizer: 'Webinar platform (Zoom-style attendee report)',
      encoding: 'UTF-8 with BOM',
      delimiter: ',',
      headerLine: 1,
      headers,
      description: 'Zoom-style attendee/registration export, CRLF, quotes only where needed. Dates like "Mar 05, 2026 16:02:11"; "--" in join/leave/minutes for no-shows; country names from a dropdown; everything else typed by registrants (mixed case, messy emails and phones). Real Zoom reports put a few summary lines (topic, webinar id) above the header; this one starts with the header (the preamble case is covered by handmade-messy.csv). A person who registers twice appears twice, often with a different Attended value.',
    },
    g,
    lines,
  );
  return { built: { name: 'webinar-zoom.csv', bytes: utf8('\uFEFF' + sheet.toString()), truth }, g };
}

function tradeshowBadges(seed: number, reuse: readonly Person[]): { built: Built; g: GeneratedLeads } {
  const r = new Rand(seed + 1);
  const g = gen({
    rows: 260,
    seed,
    idPrefix: 'badge-',
    duplicateRate: 0.1,
    junkRate: 0.04,
    reuse: { people: reuse, rate: 0.08 },
    locales: { US: 0.7, CA: 0.1, GB: 0.06, DE: 0.06, NL: 0.04, AU: 0.04 },
    style: { nameCase: 'upper', country: 'mixed', state: 'code', emailMess: 0.05, postalMess: 0.05, website: 'none' },
  });
  const headers = ['Badge ID', 'FIRST', 'LAST', 'COMPANY', 'TITLE', 'EMAIL', 'PHONE', 'ADDRESS 1', 'CITY', 'STATE/PROV', 'ZIP', 'COUNTRY', 'Scan Time', 'Scanned By', 'Notes'];
  const aoa: XLSX.CellObject[][] = [headers.map((h) => ({ t: 's', v: h }))];
  const lines: number[] = [];
  const badgeOf: number[] = [];
  const rescans = new Map<number, readonly string[]>();
  const showDays = [Date.parse('2026-03-10T00:00:00Z'), Date.parse('2026-03-11T00:00:00Z'), Date.parse('2026-03-12T00:00:00Z')];
  const s = (v: string): XLSX.CellObject => ({ t: 's', v });
  let nextBadge = 104_211;
  g.rows.forEach((row0, i) => {
    const t = g.truth.rows[i]!;
    let row: LeadRow = row0;
    let badge: number;
    // Half the duplicates are the same badge scanned again (identical contact data); the rest registered twice.
    if (t.kind === 'duplicate' && t.duplicateOf !== undefined && r.chance(0.5)) {
      row = g.rows[t.duplicateOf]!;
      rescans.set(i, ['rescan']);
      badge = badgeOf[t.duplicateOf]!;
    } else badge = nextBadge + r.int(1, 40);
    nextBadge = Math.max(nextBadge, badge);
    badgeOf.push(badge);
    const scan = r.pick(showDays) + (9 * 3600 + r.int(0, 8 * 3600)) * 1000;
    // Digit-only ZIPs become numbers, as when the organizer's Excel converted them (leading zeros are lost).
    const zip: XLSX.CellObject = /^\d+$/.test(row.postalCode) ? { t: 'n', v: Number(row.postalCode) } : s(row.postalCode);
    aoa.push([
      { t: 'n', v: badge },
      s(row.firstName),
      s(row.lastName),
      s(row.company.toUpperCase()),
      s(row.title.toUpperCase()),
      s(r.chance(0.3) ? row.email.toUpperCase() : row.email),
      s(row.phone || row.mobilePhone),
      s(row.street.toUpperCase()),
      s(row.city),
      s(row.state.toUpperCase()),
      zip,
      s(row.country.toUpperCase()),
      { t: 'n', v: excelSerial(scan), z: 'yyyy-mm-dd hh:mm' },
      s(r.pick(['Booth iPad 1', 'Booth iPad 2', 'J. Rivera', 'M. Okafor', 'Lead App'])),
      s(r.pick(VOCAB.notes)),
    ]);
    lines.push(i + 2);
  });
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Leads');
  const info = XLSX.utils.aoa_to_sheet([
    ['Event', 'FutureOps Expo 2026'],
    ['Exhibitor', 'leadtidy demo booth #1142'],
    ['Exported', 'lead retrieval app v7.3'],
    ['Records', g.rows.length],
  ]);
  XLSX.utils.book_append_sheet(wb, info, 'Export Info');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  const truth = fileTruth(
    {
      file: 'tradeshow-badges.xlsx',
      organizer: 'Trade-show lead retrieval (badge scanner) export',
      encoding: 'XLSX (sheet "Leads" first; a second sheet "Export Info" holds metadata)',
      delimiter: null,
      headerLine: 1,
      headers,
      description: 'Badge-scan export: names, companies, titles, addresses and countries in CAPS; Badge ID and numeric ZIPs stored as numbers (Boston/New Jersey ZIPs lose their leading zero, e.g. 2110); "Scan Time" is a real Excel date (UTC). Half the duplicates are the same badge scanned again (same Badge ID, identical data), the other half registered twice with different data.',
    },
    g,
    lines,
    { ops: rescans },
  );
  return { built: { name: 'tradeshow-badges.xlsx', bytes, truth }, g };
}

function syndication(seed: number, reuse: readonly Person[], people: Map<string, Person>): { built: Built; g: GeneratedLeads } {
  const r = new Rand(seed + 1);
  const g = gen({
    rows: 280,
    seed,
    idPrefix: 'synd-',
    duplicateRate: 0.07,
    junkRate: 0.05,
    reuse: { people: reuse, rate: 0.07 },
    locales: { DE: 0.25, FR: 0.18, ES: 0.14, GB: 0.12, NL: 0.08, AT: 0.06, CH: 0.07, US: 0.1 },
    dateRange: ['2026-01-05', '2026-02-27'],
    style: { country: 'mixed', titles: 'mixed', emailMess: 0.06 },
  });
  for (const p of g.people) people.set(p.id, p);
  const headers = ['Contact First Name', 'Contact Last Name', 'Email Address', 'Company Name', 'Phone Number', 'Job Title', 'Job Function', 'Job Level', 'City', 'State/Province', 'Postal Code', 'Country', 'Asset Downloaded', 'Lead Date', 'Lead Score', 'Cost per Lead', 'Opt-In'];
  const sheet = new TextSheet(';', '\r\n');
  sheet.record(headers);
  const lines: number[] = [];
  g.rows.forEach((row, i) => {
    const { level, fn } = titleInfo(g.truth.rows[i]!.person, people);
    const last = row.lastName.replace(/'/g, () => (r.chance(0.5) ? '’' : "'"));
    const score = (r.int(200, 990) / 10).toFixed(1).replace('.', ',');
    const cost = `${r.pick(['38', '42', '45', '55', '61'])},${r.pick(['00', '50', '75'])} €`;
    lines.push(
      sheet.record([
        row.firstName, last, row.email, row.company, row.phone || row.mobilePhone, row.title, fn, level, row.city, row.state,
        row.postalCode, row.country, r.pick(VOCAB.assets), deDate(g.times[i]!), score, cost,
        r.pick(['Yes', 'No', 'Y', 'true', '']),
      ]),
    );
  });
  const text = sheet.toString();
  if (!isWindows1252(text)) throw new Error('syndication-latin1.csv: text has characters outside Windows-1252');
  const truth = fileTruth(
    {
      file: 'syndication-latin1.csv',
      organizer: 'Content-syndication vendor (European desk)',
      encoding: 'Windows-1252 (no BOM)',
      delimiter: ';',
      headerLine: 1,
      headers,
      description: 'Excel-on-Windows style CSV: `;` delimiter, CRLF, Windows-1252 bytes (é, ü, ß, ñ as single bytes; € as 0x80, – as 0x96, ’ as 0x92, „“ as 0x84/0x93). Decimal commas ("87,5"), costs like "42,50 €", dates dd.mm.yyyy. Vendor-supplied Job Function / Job Level columns; titles mostly in the contact\'s language.',
    },
    g,
    lines,
  );
  return { built: { name: 'syndication-latin1.csv', bytes: encodeWindows1252(text), truth }, g };
}

function messeDe(seed: number, reuse: readonly Person[]): { built: Built; g: GeneratedLeads } {
  const r = new Rand(seed + 1);
  const g = gen({
    rows: 240,
    seed,
    idPrefix: 'messe-',
    duplicateRate: 0.08,
    junkRate: 0.05,
    reuse: { people: reuse, rate: 0.06 },
    locales: { DE: 0.72, AT: 0.15, CH: 0.13 },
    style: { country: 'de', state: 'name', titles: 'local', phone: 'de', salutation: 0.95, salutationLang: 'de', emailMess: 0.06, postalMess: 0.12 },
  });
  const headers = ['Anrede', 'Titel', 'Vorname', 'Nachname', 'Firma', 'Position', 'E-Mail-Adresse', 'Telefon', 'Mobil', 'Straße', 'PLZ', 'Ort', 'Bundesland', 'Land', 'Newsletter-Einwilligung', 'Bemerkung'];
  const sheet = new TextSheet(';', '\r\n');
  sheet.record(headers);
  const lines: number[] = [];
  g.rows.forEach((row) => {
    const dr = row.salutation === 'Dr.';
    lines.push(
      sheet.record([
        dr ? r.pick(['Herr', 'Frau']) : row.salutation,
        dr ? 'Dr.' : r.chance(0.03) ? 'Prof. Dr.' : '',
        row.firstName, row.lastName, row.company, row.title, row.email, row.phone, row.mobilePhone, row.street,
        row.postalCode, row.city, row.state, row.country, r.pick(['ja', 'nein', 'Ja', 'x', '']),
        r.pick(['', '', '', 'Rückruf erwünscht', 'Angebot senden', 'Kontakt über Vertriebspartner', 'Interesse an Demo; bitte Termin']),
      ]),
    );
  });
  const truth = fileTruth(
    {
      file: 'messe-de.csv',
      organizer: 'German trade fair (Messe) exhibitor lead list',
      encoding: 'UTF-8 (no BOM)',
      delimiter: ';',
      headerLine: 1,
      headers,
      description: 'German headers and values: Anrede Herr/Frau, academic Titel, Land as Deutschland/Österreich/Schweiz (sometimes DE, D, BRD), Bundesland/Kanton names, German titles (Geschäftsführer, Vertriebsleiterin…), phones like "+49 (0)89 1234567", "089/1234567", "0049 89 1234567", extensions as "-204"; PLZ sometimes "D-80331". Semicolon, CRLF.',
    },
    g,
    lines,
  );
  return { built: { name: 'messe-de.csv', bytes: utf8(sheet.toString()), truth }, g };
}

function handmadeMessy(seed: number, reuse: readonly Person[]): { built: Built; g: GeneratedLeads } {
  const r = new Rand(seed + 1);
  const g = gen({
    rows: 180,
    seed,
    idPrefix: 'hand-',
    duplicateRate: 0.1,
    junkRate: 0.08,
    reuse: { people: reuse, rate: 0.06 },
    locales: { US: 0.8, CA: 0.1, GB: 0.1 },
    style: { nameCase: 'mixed', lastFirst: 0.2, country: 'mixed', emailMess: 0.15, blankRate: 0.12 },
  });
  const headers = ['Name (First Last)', 'Company / Account', 'Title', 'Email', 'Phone', '', 'City, State', 'Country', 'Notes', 'Notes', ''];
  const sheet = new TextSheet(',', '\r\n');
  sheet.raw('NYC Roadshow - leads (March 2026) - DO NOT SHARE,,,,,,,,,,');
  sheet.raw('collected by booth team; see Notes for follow-ups,,,,,,,,,,');
  sheet.raw(',,,,,,,,,,');
  sheet.raw('');
  const headerLine = 5;
  sheet.record(headers);
  const lines: number[] = [];
  const order: number[] = [];
  const extraJunk: { index: number; reason: FixtureJunkReason }[] = [];
  g.rows.forEach((row, i) => {
    if (i > 0 && i % 37 === 0) sheet.raw(r.chance(0.5) ? '' : ',,,,,,,,,,');
    if (i === 90) {
      // A section label typed into the first cell: not a lead.
      extraJunk.push({ index: order.length, reason: 'not_a_lead' });
      order.push(-1);
      lines.push(sheet.record(['--- Day 2 (Thursday) ---', '', '', '', '', '', '', '', '', '', '']));
    }
    const cityState = row.city ? (row.state ? `${row.city}, ${row.state}` : row.city) : '';
    let note = r.pick(VOCAB.notes);
    if (r.chance(0.06)) note = `${note || 'Met at booth'}\nwants a demo next week`;
    const cells = [
      row.fullName,
      row.company,
      row.title,
      row.email,
      row.phone || row.mobilePhone,
      r.chance(0.5) ? row.website : '',
      cityState,
      row.country,
      note,
      r.chance(0.2) ? r.pick(['called 3/14', 'sent deck', 'VIP', 'left voicemail']) : '',
      '',
    ];
    // Ragged rows: trailing empty cells dropped, or a stray extra cell.
    const k = r.next();
    let out = cells;
    if (k < 0.15) {
      let end = cells.length;
      while (end > 1 && cells[end - 1] === '') end--;
      out = cells.slice(0, end);
    } else if (k < 0.2) out = [...cells, r.pick(['x', '??', 'follow up'])];
    order.push(i);
    lines.push(sheet.record(out));
  });
  const truth = fileTruth(
    {
      file: 'handmade-messy.csv',
      organizer: 'Hand-made spreadsheet from a field-marketing roadshow',
      encoding: 'UTF-8 (no BOM)',
      delimiter: ',',
      headerLine,
      headers,
      description: 'A title line, a note line, a line of empty cells and an empty line before the header (line 5). Merged header text ("Name (First Last)", "Company / Account", "City, State"), two "Notes" columns, two empty header cells. Full names sometimes "Last, First"; blank and comma-only rows every 37 records; ragged rows (missing trailing cells or one extra); a few quoted notes with embedded newlines; a "--- Day 2 ---" section label row (junk: not_a_lead); mixed case and messy emails.',
    },
    g,
    lines,
    { junk: extraJunk, order },
  );
  return { built: { name: 'handmade-messy.csv', bytes: utf8(sheet.toString()), truth }, g };
}

function partnerUtf16(seed: number, reuse: readonly Person[]): { built: Built; g: GeneratedLeads } {
  const r = new Rand(seed + 1);
  const g = gen({
    rows: 200,
    seed,
    idPrefix: 'partner-',
    duplicateRate: 0.07,
    junkRate: 0.04,
    reuse: { people: reuse, rate: 0.06 },
    locales: { US: 0.3, GB: 0.15, DE: 0.15, FR: 0.1, NL: 0.1, ES: 0.1, CH: 0.05, AU: 0.05 },
    style: { salutation: 0.6, salutationLang: 'en', country: 'mixed' },
  });
  // Some partners' contacts have names outside Latin-1 (the reason this file is UTF-16); applied per person.
  const uni = VOCAB.unicodeNames;
  const renamed = new Map<string, [string, string]>();
  const renamedOps = new Map<number, readonly string[]>();
  g.people.forEach((p, k) => {
    if (p.id.startsWith('partner-') && k % 9 === 4) renamed.set(p.id, uni[renamed.size % uni.length]!);
  });
  const headers = ['Salutation', 'First Name', 'Last Name', 'Company', 'Job Title', 'Email', 'Business Phone', 'Mobile Phone', 'City', 'State/Province', 'Zip/Postal Code', 'Country', 'Opt-In', 'Partner Notes'];
  const sheet = new TextSheet('\t', '\r\n');
  sheet.record(headers);
  const lines: number[] = [];
  g.rows.forEach((row, i) => {
    const pid = g.truth.rows[i]!.person;
    let { firstName, lastName, email } = row;
    const nm = pid ? renamed.get(pid) : undefined;
    if (nm) {
      [firstName, lastName] = nm;
      const ops = g.truth.rows[i]!.ops;
      if (ops) renamedOps.set(i, ops.filter((o) => o !== 'nickname' && o !== 'typo_first' && o !== 'typo_last'));
      const dom = email.split('@')[1];
      if (email && dom) email = `${asciiFold(nm[0]).toLowerCase().replace(/[^a-z]/g, '')}.${asciiFold(nm[1]).toLowerCase().replace(/[^a-z]/g, '')}@${dom}`;
    }
    lines.push(
      sheet.record([
        row.salutation, firstName, lastName, row.company, row.title, email, row.phone, row.mobilePhone, row.city, row.state,
        row.postalCode, row.country, r.pick(['TRUE', 'FALSE', 'Yes', '1', '']), r.pick(['', '', 'co-marketing webinar', 'referred by partner AE', 'joint customer']),
      ]),
    );
  });
  const truth = fileTruth(
    {
      file: 'partner-utf16.txt',
      organizer: 'Co-marketing partner list saved from Excel as "Unicode Text"',
      encoding: 'UTF-16 LE with BOM',
      delimiter: '\t',
      headerLine: 1,
      headers,
      description: 'Excel "Unicode Text" (.txt): UTF-16 LE with BOM, tab-delimited, CRLF, quotes only where needed. Includes names outside Windows-1252 (Łukasz Wiśniewski, Zdeněk Dvořák, Şebnem Yılmaz, Satō…), English salutations, Opt-In as TRUE/FALSE/Yes/1.',
    },
    g,
    lines,
    { ops: renamedOps },
  );
  return { built: { name: 'partner-utf16.txt', bytes: encodeUtf16le(sheet.toString()), truth }, g };
}

// ───────────────────────────── assembly ─────────────────────────────

export interface FixtureSet {
  readonly files: readonly { name: string; bytes: Uint8Array }[];
  readonly truth: unknown;
}

/** Builds every fixture in memory (no I/O). */
export function buildFixtures(seed = FIXTURE_SEED): FixtureSet {
  const crm = crmExport(seed);
  const people = new Map<string, Person>();
  for (const p of crm.g.people) people.set(p.id, p);
  const crmPeople = crm.g.people;
  const built: Built[] = [crm.built];
  // Other files reuse CRM people (known matches) and, from the second file on, people of earlier files.
  let shared: Person[] = [...crmPeople];
  const makers = [
    (s: number, reuse: readonly Person[]) => webinarZoom(s, reuse),
    (s: number, reuse: readonly Person[]) => tradeshowBadges(s, reuse),
    (s: number, reuse: readonly Person[]) => syndication(s, reuse, people),
    (s: number, reuse: readonly Person[]) => messeDe(s, reuse),
    (s: number, reuse: readonly Person[]) => handmadeMessy(s, reuse),
    (s: number, reuse: readonly Person[]) => partnerUtf16(s, reuse),
  ];
  makers.forEach((make, k) => {
    const res = make(seed + 1000 * (k + 1), shared);
    built.push(res.built);
    for (const p of res.g.people) people.set(p.id, p);
    shared = [...shared, ...res.g.people.filter((p, j) => j % 7 === 0 && !p.id.startsWith('crm-'))];
  });

  // Cross-file truth.
  const crmRowsByPerson = new Map<string, number[]>();
  crm.built.truth.people.forEach((p, k) => {
    if (!p) return;
    const list = crmRowsByPerson.get(p) ?? [];
    list.push(k + 1);
    crmRowsByPerson.set(p, list);
  });
  const existingMatches: { file: string; row: number; crmRows: number[]; crmIds: string[] }[] = [];
  const appearances = new Map<string, { file: string; row: number }[]>();
  for (const b of built) {
    b.truth.people.forEach((p, k) => {
      if (!p) return;
      const list = appearances.get(p) ?? [];
      list.push({ file: b.truth.file, row: k + 1 });
      appearances.set(p, list);
      if (b.truth.file !== 'crm-export.csv' && crmRowsByPerson.has(p)) {
        const crmRows = crmRowsByPerson.get(p)!;
        existingMatches.push({ file: b.truth.file, row: k + 1, crmRows, crmIds: crmRows.map((cr) => crm.ids[cr - 1]!) });
      }
    });
  }
  const crossFile = [...appearances.entries()]
    .filter(([, list]) => new Set(list.map((x) => x.file)).size > 1)
    .map(([person, rows]) => ({ person, rows }));

  const truth = {
    source: `Generated by scripts/gen-fixtures.ts (seed ${seed}) from scripts/gen/vocab.json; regenerate with \`npm run fixtures\`.`,
    rowNumbering:
      '`row` is the 1-based data row: records after the header row, skipping rows whose cells are all empty; `lines[row-1]` is the 1-based physical line (CSV/TSV, counting embedded newlines) or sheet row (XLSX) where the record starts.',
    junkReasons: {
      junk_name: 'placeholder or test name (test test, Mickey Mouse, Max Mustermann…)',
      junk_email: 'placeholder email (asdf@asdf.com, test@test.com…)',
      disposable_email: 'disposable mailbox domain (mailinator.com…)',
      missing_contact: 'neither email nor phone',
      keyboard_mash: 'keyboard runs in name, company and email',
      not_a_lead: 'a section label or note typed into the data area',
    },
    files: Object.fromEntries(built.map((b) => [b.truth.file, b.truth])),
    existingMatches,
    crossFile,
  };
  return { files: [...built.map((b) => ({ name: b.name, bytes: b.bytes })), { name: 'truth.json', bytes: utf8(prettyJson(truth) + '\n') }, { name: 'README.md', bytes: utf8(readme(built, existingMatches.length, crossFile.length)) }], truth };
}

/** JSON with objects indented and arrays of scalars (or of small scalar arrays) kept on one line. */
function prettyJson(v: unknown, indent = ''): string {
  const inner = indent + '  ';
  const flat = (x: unknown): boolean => x === null || typeof x !== 'object' || (Array.isArray(x) && x.every((y) => y === null || typeof y !== 'object'));
  if (Array.isArray(v)) {
    if (v.every(flat)) return JSON.stringify(v);
    return `[\n${v.map((x) => inner + prettyJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    const small = entries.every(([, x]) => x === null || typeof x !== 'object' || (Array.isArray(x) && x.length <= 4 && x.every(flat)));
    if (small && entries.length <= 5) return `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${JSON.stringify(x)}`).join(', ')} }`;
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${prettyJson(x, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(v);
}

function readme(built: readonly Built[], nExisting: number, nCross: number): string {
  const rows = built
    .map((b) => {
      const t = b.truth;
      const dupRows = t.duplicates.reduce((a, g) => a + g.length - 1, 0);
      const delim = t.delimiter === null ? '—' : t.delimiter === '\t' ? 'tab' : `\`${t.delimiter}\``;
      return `| \`${t.file}\` | ${t.organizer} | ${t.encoding} | ${delim} | ${t.headerLine} | ${t.rows} | ${t.duplicates.length} groups (${dupRows} extra rows) | ${t.junk.length} |`;
    })
    .join('\n');
  const details = built
    .map((b) => `### \`${b.truth.file}\`\n${b.truth.description}\n\nHeaders: ${b.truth.headers.map((h) => (h ? `\`${h}\`` : '(empty)')).join(', ')}\n`)
    .join('\n');
  return `# Fixtures

Realistic lead files as different organizers send them. **Generated** by \`scripts/gen-fixtures.ts\` (\`npm run fixtures\`)
from the hand-authored vocabulary in \`scripts/gen/vocab.json\`; every person and company is invented. Do not edit by
hand: change the script and regenerate (the files are byte-identical on every run; \`test/generator.test.ts\` checks it).

| file | organizer | encoding | delimiter | header line | data rows | known duplicates | junk rows |
|---|---|---|---|---|---|---|---|
${rows}

Across files: ${nExisting} rows in the other files are people already in \`crm-export.csv\` (use it as \`existing\`),
and ${nCross} people appear in more than one file.

## truth.json
- \`files[name].people[row-1]\`: the person behind each data row (\`null\` for junk); equal ids = same person, also across files.
- \`files[name].duplicates\`: groups of data rows (1-based) that are one person within the file;
  \`duplicateOps\` says how each repeat differs (nickname, typo, personal email, dropped fields, reformatting…).
- \`files[name].junk\`: rows that should be rejected, with a reason (\`junk_name\`, \`junk_email\`, \`disposable_email\`,
  \`missing_contact\`, \`keyboard_mash\`, \`not_a_lead\`).
- \`files[name].notDuplicates\`: pairs of different people at the same company (often sharing a switchboard number or
  surname): a deduper must keep them apart.
- \`files[name].lines\`: the physical line (or sheet row) where each data row starts.
- \`existingMatches\`: rows of other files that match a \`crm-export.csv\` record (\`crmRows\`, \`crmIds\`).
- \`crossFile\`: people that appear in several files.

Row numbers: \`row\` counts data records after the header, skipping rows whose cells are all empty (blank lines,
comma-only lines). Junk reasons are what a marketer would reject; \`missing_contact\` rows have a plausible name but
neither email nor phone.

## Files
${details}`;
}

/** Writes the fixtures to `dir`. */
export function writeFixtures(dir: string, seed = FIXTURE_SEED): string[] {
  mkdirSync(dir, { recursive: true });
  const set = buildFixtures(seed);
  for (const f of set.files) writeFileSync(path.join(dir, f.name), f.bytes);
  return set.files.map((f) => f.name);
}

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = writeFixtures(FIXTURES_DIR);
  console.log(`wrote ${names.length} files to ${path.relative(process.cwd(), FIXTURES_DIR) || '.'}: ${names.join(', ')}`);
}
