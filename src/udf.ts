/**
 * The warehouse UDF surface: the record-level functions as plain functions taking and
 * returning JSON-friendly values (strings, null, plain objects), for BigQuery and
 * Snowflake JavaScript UDFs. `npm run build:udf` bundles this file into one
 * self-contained script, `dist/leadtidy-udf.js`, that defines a global `leadtidy`.
 * Pure: no Node built-ins.
 */
import { cleanse } from './index.js';
import { normalizeCountryFull as normalizeCountry } from './normalize/country/full.js';
import { normalizeState } from './normalize/state/index.js';
import { normalizePostalCode } from './normalize/postal/index.js';
import { normalizePhone } from './normalize/phone/index.js';
import { formatPhone } from './normalize/geo/step.js';
import { normalizeEmail, emailMatchKey, emailRegistrableDomain } from './normalize/email/index.js';
import { parsePersonName, nicknameKeys } from './normalize/person-name/index.js';
import { normalizeCompanyName, companyMatchKey } from './normalize/company/index.js';
import { normalizeWebsite, registrableDomain } from './normalize/website/index.js';
import { classifyTitle } from './normalize/title/index.js';
import { blockingKeysOf } from './dedupe/index.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);

/** ISO 3166-1 alpha-2 of a country as written, or null: country('Deutschland') → 'DE'. */
export function country(input: unknown): string | null {
  const s = str(input);
  return s === null ? null : (normalizeCountry(s).value?.code ?? null);
}

/** English country name: countryName('USA') → 'United States'. */
export function countryName(input: unknown): string | null {
  const s = str(input);
  return s === null ? null : (normalizeCountry(s).value?.name ?? null);
}

/** Subdivision code without the country: state('Bayern', 'DE') → 'BY'. */
export function state(input: unknown, countryCode?: unknown): string | null {
  const s = str(input);
  if (s === null) return null;
  const c = str(countryCode);
  const v = normalizeState(s, c ? { country: country(c) ?? c } : {}).value;
  return v ? v.code.slice(v.country.length + 1) : null;
}

/** Canonical postal code: postalCode('2139', 'US') → '02139'. */
export function postalCode(input: unknown, countryCode?: unknown): string | null {
  const s = str(input);
  if (s === null) return null;
  const c = str(countryCode);
  return normalizePostalCode(s, c ? { country: country(c) ?? c } : {}).value?.postalCode ?? null;
}

/** E.164 (with ";ext=NNN"): phone('(415) 555-2671 x12', 'US') → '+14155552671;ext=12'. */
export function phone(input: unknown, countryCode?: unknown): string | null {
  const s = str(input);
  if (s === null) return null;
  const c = str(countryCode);
  const v = normalizePhone(s, c ? { country: country(c) ?? c } : {}).value;
  return v ? formatPhone(v) : null;
}

/** Normalized email address, or null when invalid: email(' Jane <JANE@Gmial.com>') → 'jane@gmail.com'. */
export function email(input: unknown): string | null {
  const s = str(input);
  return s === null ? null : (normalizeEmail(s).value?.email ?? null);
}

/** Email flags for reject rules: { isFree, isDisposable, isRole } or null. */
export function emailFlags(input: unknown): { isFree: boolean; isDisposable: boolean; isRole: boolean } | null {
  const s = str(input);
  const v = s === null ? null : normalizeEmail(s).value;
  return v ? { isFree: v.isFree, isDisposable: v.isDisposable, isRole: v.isRole } : null;
}

/** Registrable domain of an email: emailDomain('a@mail.acme.co.uk') → 'acme.co.uk'. */
export function emailDomain(input: unknown): string | null {
  const s = str(input);
  return s === null ? null : emailRegistrableDomain(s);
}

/** Email match key (plus tags dropped, Gmail dots ignored). */
export function emailKey(input: unknown): string | null {
  const s = str(input);
  return s === null ? null : emailMatchKey(s);
}

/** Cleaned company display name: companyName('ACME GMBH') → 'Acme GmbH'. */
export function companyName(input: unknown): string | null {
  const s = str(input);
  return s === null ? null : (normalizeCompanyName(s).value?.name ?? null);
}

/** Company match key (legal forms, punctuation and case removed): companyKey('The ACME Corp.') → 'acme'. */
export function companyKey(input: unknown): string | null {
  const s = str(input);
  return s === null ? null : companyMatchKey(s);
}

/** Website URL: website('WWW.Acme.com/') → 'https://www.acme.com'. */
export function website(input: unknown): string | null {
  const s = str(input);
  return s === null ? null : (normalizeWebsite(s).value?.url ?? null);
}

/** Registrable domain of a URL, host or email: websiteDomain('shop.acme.co.uk') → 'acme.co.uk'. */
export function websiteDomain(input: unknown): string | null {
  const s = str(input);
  return s === null ? null : registrableDomain(s);
}

/** Person name parts: personName('DR. JOHN Q. SMITH JR') → { salutation: 'Dr.', first: 'John', middle: 'Q.', last: 'Smith', suffix: 'Jr.' }. */
export function personName(input: unknown): Record<string, string> | null {
  const s = str(input);
  const v = s === null ? null : parsePersonName(s).value;
  if (!v) return null;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

/** Canonical given-name keys for matching: firstNameKeys('Bob') → ['bert', 'bob', 'bobby', 'robert']. */
export function firstNameKeys(input: unknown): string[] {
  const s = str(input);
  return s === null ? [] : [...nicknameKeys(s)];
}

/** Job level and function from a title: title('VP Mktg') → { level: 'vp', function: 'marketing', subFunction: null }. */
export function title(input: unknown): { level: string | null; function: string | null; subFunction: string | null } | null {
  const s = str(input);
  const v = s === null ? null : classifyTitle(s).value;
  return v ? { level: v.level, function: v.function, subFunction: v.subFunction ?? null } : null;
}

/** One record's deduplication blocking keys, per rule, for a GROUP BY: blockingKeys({ email, firstName, lastName, company, phone }). */
export function blockingKeys(record: unknown): Record<string, string[]> {
  if (record === null || typeof record !== 'object') return {};
  return blockingKeysOf(record as never);
}

/** All record steps of the default pack on one row (any header names), e.g. a table row as JSON. */
export function cleanRow(row: unknown): Record<string, unknown> | null {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return null;
  const r = cleanse([row as Record<string, string>], { dedupe: false });
  const rec = r.records[0];
  if (!rec) return { rejected: r.rejected[0]?.reasons.map((x) => x.code) ?? [] };
  const { extra, campaigns: _c, sourceRow: _s, ...fields } = rec as unknown as Record<string, unknown>;
  return { ...fields, extra };
}
