import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type MetadataJson,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import { issue, type Issue } from '../../core/codes.js';
import { LeadtidyError } from '../../core/errors.js';
import { none, ok, type UnitResult } from '../../core/result.js';
import { codeAt, PairMemoCache, stripControl } from '../../core/text.js';

/** A normalized phone number. `e164`, `country`, `type` and `extension` are the public contract. */
export interface PhoneValue {
  /** E.164 ("+14155552671"). */
  readonly e164: string;
  /** Alpha-2 country of the number, where the numbering plan says (416 → CA, +44 1534 → JE). */
  readonly country?: string;
  /** Line type where the metadata knows it ("mobile", "fixed_line", "fixed_line_or_mobile", "toll_free", "voip", …). */
  readonly type?: string;
  /** Extension digits ("204"). */
  readonly extension?: string;
  /** Country calling code without "+" ("1", "44"). */
  readonly callingCode: string;
}

/** Options of {@link normalizePhone}. */
export interface PhoneOptions {
  /** Default country for numbers written without a country code (alpha-2, or a name resolved by the bound normalizer). */
  readonly country?: string | null | undefined;
  /** Compute the line type (default true; costs about 10% of the parse time). */
  readonly type?: boolean;
}

/** Shape of `dictionaries/calling-code-defaults.json`. */
export interface CallingCodeDefaults {
  readonly defaults: Readonly<Record<string, { readonly country: string; readonly alternatives: readonly string[] }>>;
}

/** What a phone normalizer is built from: libphonenumber-js metadata and the calling-code table. */
export interface PhoneDictionaries {
  /** libphonenumber-js metadata (`libphonenumber-js/min/metadata` or `/max/metadata` for exact types). */
  readonly metadata: MetadataJson;
  readonly callingCodes: CallingCodeDefaults;
  readonly resolveCountry?: (input: string) => string | null;
}

/** A phone normalizer bound to its metadata. */
export type PhoneNormalizer = (input: unknown, options?: PhoneOptions) => UnitResult<PhoneValue>;

const MAX_INPUT = 120;
const SIMPLE = /^\+?[\d\s().\-]{6,24}$/;
// An extension at the end: "x204", "ext. 12", ";ext=204", "#12", "poste 12", "Durchwahl 5".
const EXT = /(?:\s*,?\s*(?:e?xt(?:ension)?\.?|x\.?|#|poste|dw\.?|durchwahl)\s*:?\s*)(\d{1,7})\s*$/i;
const SEP = /\s*(?:[;|\n\r]|,(?!\s*(?:e?xt|x)\b)|\s\/\s|\s+(?:or|oder|ou)\s+)\s*/i;
const LABEL = /^(?:tel(?:ephone|efon)?|phone|ph|mobile?|mob|cell|work|office|direct|main|hq|t|m|p|w|o|d|c)\s*\.?\s*[:.]?\s*(?=[+(\d])/i;
const TRUNK0 = /\(0\)/g;
const RFC_EXT = /;ext=/gi;
const KEYPAD: Readonly<Record<string, string>> = {
  A: '2', B: '2', C: '2', D: '3', E: '3', F: '3', G: '4', H: '4', I: '4', J: '5', K: '5', L: '5',
  M: '6', N: '6', O: '6', P: '7', Q: '7', R: '7', S: '7', T: '8', U: '8', V: '8', W: '9', X: '9', Y: '9', Z: '9',
};
const NANP = new Set(['US', 'CA', 'PR', 'AG', 'AI', 'AS', 'BB', 'BM', 'BS', 'DM', 'DO', 'GD', 'GU', 'JM', 'KN', 'KY', 'LC', 'MP', 'MS', 'SX', 'TC', 'TT', 'VC', 'VG', 'VI']);

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = codeAt(s, i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Splits a cell holding several numbers; "089/1234567" stays whole. */
function splitNumbers(s: string): string[] {
  const parts = s.split(SEP).filter((p) => p.trim() !== '');
  const out: string[] = [];
  for (const p of parts) {
    if (p.includes('/')) {
      const sides = p.split('/');
      if (sides.length > 1 && sides.every((x) => countDigits(x) >= 7)) {
        out.push(...sides.map((x) => x.trim()));
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

/** Letters after at least three digits, as in "1-800-FLOWERS". */
function vanityDigits(s: string): string | null {
  let digits = 0;
  let letters = 0;
  let firstLetterAfter = -1;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch >= '0' && ch <= '9') digits++;
    else if (/[A-Za-z]/.test(ch)) {
      if (firstLetterAfter < 0) firstLetterAfter = digits;
      letters++;
    } else if (!' +().-'.includes(ch)) return null;
  }
  if (letters < 2 || firstLetterAfter < 3 || digits + letters > 15) return null;
  return s.replace(/[A-Za-z]/g, (c) => KEYPAD[c.toUpperCase()] ?? c);
}

function typeName(t: string | undefined): string | undefined {
  return t ? t.toLowerCase() : undefined;
}

/**
 * Builds a phone normalizer over libphonenumber-js metadata (core API, so the metadata set
 * is the caller's choice). Results are memoized per (default country, input), bounded.
 *
 * @example
 * import metadata from 'libphonenumber-js/min/metadata';
 * const normalize = createPhoneNormalizer({ metadata, callingCodes });
 * normalize('(415) 555-2671 x204', { country: 'US' }).value
 * //=> { e164: '+14155552671', country: 'US', extension: '204', callingCode: '1', type: 'fixed_line_or_mobile' }
 */
export function createPhoneNormalizer(dicts: PhoneDictionaries): PhoneNormalizer {
  const { metadata } = dicts;
  const caches = [new PairMemoCache<UnitResult<PhoneValue>>(20_000, 'phone'), new PairMemoCache<UnitResult<PhoneValue>>(20_000, 'phone (with type)')] as const;
  let defaults: Map<string, { country: string; alternatives: readonly string[] }> | undefined;

  const parse = (text: string, country: CountryCode | undefined): PhoneNumber | undefined =>
    country ? parsePhoneNumberFromString(text, country, metadata) : parsePhoneNumberFromString(text, metadata);

  /** Parses one number; returns a result or the reason it failed. */
  const one = (raw: string, country: CountryCode | undefined, wantType: boolean): UnitResult<PhoneValue> => {
    const issues: Issue[] = [];
    let s = raw.trim();
    let ext: string | undefined;
    if (!SIMPLE.test(s)) {
      const label = LABEL.exec(s);
      if (label) s = s.slice(label[0].length);
      const m = EXT.exec(s);
      if (m && countDigits(s.slice(0, m.index)) >= 6) {
        ext = m[1];
        s = s.slice(0, m.index);
      }
      if (s.includes('(0)') && /^\s*(?:\+|00)/.test(s)) s = s.replace(TRUNK0, ' ');
      if (/[A-Za-z]/.test(s)) {
        const v = vanityDigits(s);
        if (v === null) return none([issue(countDigits(s) >= 6 ? 'phone.invalid' : 'phone.not_a_number', { input: raw, where: '' })]);
        s = v;
        issues.push(issue('phone.vanity_converted', { input: raw }));
      }
    }
    // International prefixes written out: "0049 89 …", "011 44 …", "+0049".
    const c0 = codeAt(s, 0);
    if (c0 === 48 /* 0 */ || (c0 === 43 /* + */ && codeAt(s, 1) === 48)) {
      s = s.replace(/^\+?0\s*0\s*(?=[1-9])/, '+');
      if (/^0\s*1\s*1/.test(s) && (!country || NANP.has(country))) s = s.replace(/^0\s*1\s*1\s*/, '+');
    }
    const digits = countDigits(s);
    if (digits === 0) return none([issue('phone.not_a_number', { input: raw })]);
    if (digits < 5) return none([issue('phone.too_short', { input: raw })]);
    if (digits > 17) return none([issue('phone.too_long', { input: raw })]);
    const international = codeAt(s, 0) === 43;
    if (!international && !country) return none([issue('phone.no_country', { input: raw })]);
    const p = parse(s, country);
    if (!p) return none([issue(digits < 7 ? 'phone.too_short' : 'phone.invalid', { input: raw, where: country ? ` for ${country}` : '' })]);
    if (!p.isValid()) return none([issue('phone.invalid', { input: raw, where: p.country ? ` in ${p.country}` : country && !international ? ` for ${country}` : '' })]);
    let pc = p.country as string | undefined;
    let confidence = 1;
    if (!pc) {
      const d = (defaults ??= new Map(Object.entries(dicts.callingCodes.defaults))).get(p.countryCallingCode);
      if (d) {
        pc = d.country;
        confidence = 0.6;
        issues.push(issue('phone.country_guessed', { callingCode: p.countryCallingCode, country: d.country, alternatives: [...d.alternatives] }));
      }
    }
    const value: { -readonly [K in keyof PhoneValue]: PhoneValue[K] } = { e164: p.number, callingCode: p.countryCallingCode };
    if (pc) value.country = pc;
    const e = ext ?? p.ext;
    if (e) value.extension = e;
    if (wantType) {
      const t = typeName(p.getType());
      if (t) value.type = t;
    }
    return ok(value, confidence, issues);
  };

  const compute = (input: string, country: CountryCode | undefined, wantType: boolean): UnitResult<PhoneValue> => {
    if (SIMPLE.test(input)) return one(input.trim(), country, wantType);
    const s = stripControl(input).replace(RFC_EXT, ' ext ').trim();
    if (s === '') return none();
    if (s.length > MAX_INPUT) return none([issue('phone.too_long', { input: `${s.slice(0, 40)}…` })]);
    if (SIMPLE.test(s)) return one(s, country, wantType);
    const parts = splitNumbers(s);
    if (parts.length <= 1) return one(s, country, wantType);
    let first: UnitResult<PhoneValue> | undefined;
    const others: string[] = [];
    for (const part of parts) {
      if (first?.value) {
        others.push(part.trim());
        continue;
      }
      const r = one(part, country, wantType);
      if (r.value) first = r;
      else if (!first) first = r;
    }
    if (!first?.value) return first ?? none([issue('phone.invalid', { input: s, where: '' })]);
    const skipped = parts.filter((p) => p.trim() !== '' && !others.includes(p.trim()));
    const all = [...skipped.slice(0, -1), ...others];
    return all.length ? ok(first.value, first.confidence, [...first.issues, issue('phone.multiple', { others: all })]) : first;
  };

  const resolveCountry = (c: string | null | undefined): CountryCode | undefined => {
    if (c === null || c === undefined) return undefined;
    let s = c.trim();
    if (s === '') return undefined;
    if (!/^[A-Za-z]{2}$/.test(s)) s = dicts.resolveCountry?.(s) ?? '';
    s = s.toUpperCase();
    if (s === 'UK') s = 'GB';
    return s && isSupportedCountry(s as CountryCode, metadata) ? (s as CountryCode) : undefined;
  };

  return (input: unknown, options?: PhoneOptions): UnitResult<PhoneValue> => {
    if (options !== undefined) {
      if (typeof options !== 'object' || options === null) throw new LeadtidyError('options', 'normalizePhone: options must be an object');
      const c = options.country;
      if (c !== undefined && c !== null && typeof c !== 'string') {
        throw new LeadtidyError('options', 'normalizePhone: invalid options', [{ path: 'country', message: `expected a string, got ${typeof c}` }]);
      }
    }
    if (typeof input !== 'string') {
      if (typeof input === 'number' && Number.isFinite(input)) input = String(input);
      else return none();
    }
    const str = input as string;
    const country = resolveCountry(options?.country);
    const wantType = options?.type !== false;
    const cache = caches[wantType ? 1 : 0];
    const hit = cache.get(country ?? '', str);
    if (hit) return hit;
    const r = compute(str, country, wantType);
    cache.set(country ?? '', str, r);
    return r;
  };
}
