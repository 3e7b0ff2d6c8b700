/**
 * Header mapping: input column → canonical field, by (1) the pack's pins, (2) the alias
 * dictionary on a folded key, (3) the same after dropping noise words ("Contact First
 * Name" → "first name"), (4) the column's values (a column of emails is the email
 * field). Unmapped columns go to `extra`, untouched. Pure.
 */
import { issue, type Issue } from '../core/codes.js';
import { compactKey, foldKey } from '../core/text.js';

/** How a column got its field. */
export type MappingMethod = 'pinned' | 'alias' | 'alias_noise' | 'values' | 'unmapped' | 'conflict' | 'ignored';

export interface HeaderMapping {
  readonly header: string;
  readonly column: number;
  /** Canonical field, or `null` when the column goes to `extra`. */
  readonly field: string | null;
  readonly method: MappingMethod;
  readonly confidence: number;
}

/** Built-in value detectors usable in `headers.detect`. */
export type ValueDetector = 'email' | 'website' | 'phone';

export interface HeaderDictionary {
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly noiseTokens: readonly string[];
  /** Honorific and academic-title values: a "Title" column full of them is not a job title. */
  readonly honorifics?: { readonly values: readonly string[] };
}

export interface HeaderOptions {
  /** Header text → field, or `null` to force a column into `extra`. */
  readonly map?: Readonly<Record<string, string | null>>;
  /** Extra aliases per field, merged over the dictionary. */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  /** Value detectors to try on unmapped columns (default: all). */
  readonly detect?: readonly ValueDetector[];
  /** Minimum share of non-empty sampled values a detector must match (default 0.8). */
  readonly detectMinShare?: number;
}

export interface HeaderIndex {
  readonly byKey: ReadonlyMap<string, string>;
  readonly noise: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
}

/** Builds the folded-key → field index from a dictionary plus user aliases. */
export function buildHeaderIndex(dictionary: HeaderDictionary, aliases?: HeaderOptions['aliases']): HeaderIndex {
  const byKey = new Map<string, string>();
  for (const [field, list] of Object.entries(dictionary.fields)) {
    byKey.set(compactKey(field), field);
    for (const alias of list) byKey.set(compactKey(alias), field);
  }
  if (aliases) {
    // User aliases win over built-ins.
    for (const [field, list] of Object.entries(aliases)) for (const alias of list) byKey.set(compactKey(alias), field);
  }
  return {
    byKey,
    noise: new Set(dictionary.noiseTokens.map((t) => compactKey(t))),
    honorifics: new Set((dictionary.honorifics?.values ?? []).map((t) => foldKey(t))),
  };
}

function lookupAlias(header: string, index: HeaderIndex): { field: string; method: MappingMethod } | null {
  const key = compactKey(header);
  if (key === '') return null;
  const exact = index.byKey.get(key);
  if (exact) return { field: exact, method: 'alias' };
  const tokens = foldKey(header).split(' ');
  const kept = tokens.filter((t) => !index.noise.has(t));
  if (kept.length > 0 && kept.length < tokens.length) {
    const f = index.byKey.get(kept.join(''));
    if (f) return { field: f, method: 'alias_noise' };
  }
  // "Email 2", "Phone1": a trailing number on a known alias.
  const noDigits = key.replace(/\d+$/, '');
  if (noDigits !== key && noDigits !== '') {
    const f = index.byKey.get(noDigits);
    if (f) return { field: f, method: 'alias_noise' };
  }
  return null;
}

const EMAIL_LIKE = /^(?:mailto:)?[^\s@<>]{1,64}@[^\s@<>]{1,255}\.[a-z]{2,63}$/i;
const URL_LIKE = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9](?:[a-z0-9-]{0,62}\.){1,6}[a-z]{2,63}(?:[/?#][^\s]{0,2000})?$/i;
const PHONE_CHARS = /^[+()\d\s./-]{7,25}(?:\s?(?:x|ext\.?|extension|#)\s?\d{1,6})?$/i;

const DETECTORS: Readonly<Record<ValueDetector, (v: string) => boolean>> = {
  email: (v) => EMAIL_LIKE.test(v),
  website: (v) => !v.includes('@') && URL_LIKE.test(v),
  phone: (v) => {
    if (!PHONE_CHARS.test(v)) return false;
    let digits = 0;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
    }
    return digits >= 7 && digits <= 15;
  },
};

const SAMPLE = 200;

function sampleValues(rows: readonly Readonly<Record<string, unknown>>[], header: string): string[] {
  const sample: string[] = [];
  for (let i = 0; i < rows.length && sample.length < SAMPLE; i++) {
    const row = rows[i]!;
    if (!Object.prototype.hasOwnProperty.call(row, header)) continue;
    const v = row[header];
    if (v === undefined || v === null) continue;
    const s = String(v).trim();
    if (s !== '') sample.push(s);
  }
  return sample;
}

/** Share of sampled values that are honorifics ("Dr.", "Mrs", "Prof. Dr."). */
function honorificShare(rows: readonly Readonly<Record<string, unknown>>[], header: string, index: HeaderIndex): number {
  const sample = sampleValues(rows, header);
  if (sample.length < 3 || index.honorifics.size === 0) return 0;
  let hits = 0;
  for (const s of sample) if (index.honorifics.has(foldKey(s))) hits++;
  return hits / sample.length;
}

function detectByValues(
  rows: readonly Readonly<Record<string, unknown>>[],
  header: string,
  detectors: readonly ValueDetector[],
  minShare: number,
): { field: ValueDetector; share: number } | null {
  const sample = sampleValues(rows, header);
  if (sample.length < 3) return null;
  for (const d of detectors) {
    const test = DETECTORS[d];
    let hits = 0;
    for (const s of sample) if (test(s)) hits++;
    const share = hits / sample.length;
    if (share >= minShare) return { field: d, share };
  }
  return null;
}

export interface HeaderMapResult {
  readonly mappings: readonly HeaderMapping[];
  /** field → header that feeds it. */
  readonly fieldToHeader: ReadonlyMap<string, string>;
  readonly issues: readonly Issue[];
}

/**
 * Maps headers to canonical fields.
 *
 * @example
 * mapHeaders(['E-Mail-Adresse', 'Société', 'Zip/Postal Code'], [], index).mappings.map(m => m.field)
 * //=> ["email", "company", "postalCode"]
 */
export function mapHeaders(
  headers: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
  index: HeaderIndex,
  options: HeaderOptions = {},
  knownFields: ReadonlySet<string> | null = null,
): HeaderMapResult {
  const issues: Issue[] = [];
  const pins = new Map<string, string | null>();
  if (options.map) for (const [h, f] of Object.entries(options.map)) pins.set(compactKey(h), f);
  const candidates: { header: string; column: number; field: string | null; method: MappingMethod; confidence: number }[] = [];
  const pinnedSeen = new Set<string>();
  for (let c = 0; c < headers.length; c++) {
    const header = headers[c]!;
    const pk = compactKey(header);
    if (pins.has(header) || pins.has(pk)) {
      const f = pins.has(header) ? pins.get(header)! : pins.get(pk)!;
      pinnedSeen.add(pins.has(header) ? header : pk);
      candidates.push({ header, column: c + 1, field: f, method: f === null ? 'ignored' : 'pinned', confidence: 1 });
      continue;
    }
    const a = lookupAlias(header, index);
    // "Title"/"Titel" holding "Dr."/"Mrs" is an honorific column, not a job title.
    if (a && a.field === 'title' && honorificShare(rows, header, index) >= 0.6) {
      a.field = 'salutation';
      a.method = 'alias_noise';
    }
    if (a && (knownFields === null || knownFields.has(a.field))) {
      candidates.push({ header, column: c + 1, field: a.field, method: a.method, confidence: a.method === 'alias' ? 0.95 : 0.8 });
    } else {
      candidates.push({ header, column: c + 1, field: null, method: 'unmapped', confidence: 0 });
    }
  }
  if (options.map) {
    for (const h of Object.keys(options.map)) {
      if (!pinnedSeen.has(h) && !pinnedSeen.has(compactKey(h))) {
        issues.push(issue('header.pinned_missing', { header: h, field: options.map[h] ?? 'extra' }));
      }
    }
  }
  // One column per field: pinned beats alias beats alias_noise; then the leftmost.
  const rank: Record<MappingMethod, number> = { pinned: 0, alias: 1, alias_noise: 2, values: 3, unmapped: 9, conflict: 9, ignored: 9 };
  const fieldToHeader = new Map<string, string>();
  const byField = new Map<string, typeof candidates>();
  for (const cand of candidates) {
    if (cand.field === null) continue;
    const list = byField.get(cand.field) ?? [];
    list.push(cand);
    byField.set(cand.field, list);
  }
  for (const [field, list] of byField) {
    list.sort((x, y) => rank[x.method] - rank[y.method] || x.column - y.column);
    const winner = list[0]!;
    fieldToHeader.set(field, winner.header);
    if (list.length > 1) {
      for (const loser of list.slice(1)) {
        loser.field = null;
        loser.method = 'conflict';
        loser.confidence = 0;
      }
      issues.push(issue('header.conflict', { headers: list.map((l) => l.header), field, winner: winner.header }, { field }));
    }
  }
  // Value-based detection for what is still unmapped, only into free fields.
  const detectors = (options.detect ?? (['email', 'website', 'phone'] as const)).filter((d) => !fieldToHeader.has(d));
  const minShare = options.detectMinShare ?? 0.8;
  for (const cand of candidates) {
    if (cand.method !== 'unmapped') continue;
    const free = detectors.filter((d) => !fieldToHeader.has(d));
    if (free.length === 0) break;
    const hit = detectByValues(rows, cand.header, free, minShare);
    if (hit) {
      cand.field = hit.field;
      cand.method = 'values';
      cand.confidence = Math.min(0.9, hit.share);
      fieldToHeader.set(hit.field, cand.header);
      issues.push(
        issue('header.detected_by_values', { header: cand.header, field: hit.field, share: `${Math.round(hit.share * 100)}%` }, { field: hit.field }),
      );
    }
  }
  for (const cand of candidates) {
    if (cand.method === 'unmapped') issues.push(issue('header.unmapped', { header: cand.header }));
  }
  return { mappings: candidates, fieldToHeader, issues };
}
