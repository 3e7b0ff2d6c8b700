import { issue, type Issue } from '../../core/codes.js';
import { LeadtidyError } from '../../core/errors.js';
import { none, ok, type UnitResult } from '../../core/result.js';
import { deepFreeze, PairMemoCache, stripControl } from '../../core/text.js';

/** A normalized postal code. `postalCode`, `country` and `state` are the public contract. */
export interface PostalValue {
  /** Canonical form for the country ("94105-1234", "K1A 0B1", "SW1A 1AA", "1012 AB"). */
  readonly postalCode: string;
  /** Alpha-2 country: the one given, or one inferred from a distinctive format. */
  readonly country?: string;
  /** Subdivision code without the country ("CA", "ON", "NSW", "SCT"), where the code implies it. */
  readonly state?: string;
  /** Whether `country` was inferred from the format rather than given. */
  readonly inferred?: boolean;
}

/** Options of {@link normalizePostalCode}. */
export interface PostalOptions {
  /** The record's country, alpha-2 ("US"); other spellings go through `resolveCountry`. */
  readonly country?: string | null | undefined;
}

/** Shape of `dictionaries/postal-formats.json`. */
export interface PostalFormatsDictionary {
  readonly patterns: Readonly<Record<string, string>>;
}

/** Shape of `dictionaries/postal-inference.json`. */
export interface PostalInferenceDictionary {
  readonly usZip3: readonly (readonly [string, string, string])[];
  readonly usZipExceptions: Readonly<Record<string, string>>;
  readonly usTerritoryCountries: Readonly<Record<string, string>>;
  readonly caFsa: Readonly<Record<string, string>>;
  readonly caFsaNunavut: readonly string[];
  readonly auRanges: readonly (readonly [string, string, string])[];
  readonly gbAreas: Readonly<Record<string, readonly string[]>>;
  readonly gbBorderAreas: readonly string[];
  readonly gbCrownDependencies: Readonly<Record<string, string>>;
  readonly countryPrefixes: Readonly<Record<string, string>>;
}

/** Dictionaries a postal-code normalizer is built from. */
export interface PostalDictionaries {
  readonly formats: PostalFormatsDictionary;
  readonly inference: PostalInferenceDictionary;
  readonly resolveCountry?: (input: string) => string | null;
}

/** A postal-code normalizer bound to its dictionaries. */
export type PostalNormalizer = (input: unknown, options?: PostalOptions) => UnitResult<PostalValue>;

interface Tables {
  patterns: Map<string, RegExp>;
  zip3: string[]; // index 0..999 → state
  zipExceptions: Map<string, string>;
  territories: Map<string, string>;
  caFsa: Map<string, string>;
  nunavut: Set<string>;
  au: (readonly [number, number, string])[];
  gbArea: Map<string, string>;
  gbBorder: Set<string>;
  crown: Map<string, string>;
  prefixes: Map<string, string>;
}

function buildTables(d: PostalDictionaries): Tables {
  const patterns = new Map<string, RegExp>();
  for (const [cc, src] of Object.entries(d.formats.patterns)) patterns.set(cc, new RegExp(src, 'i'));
  const zip3: string[] = new Array<string>(1000).fill('');
  for (const [a, b, st] of d.inference.usZip3) for (let i = Number(a); i <= Number(b); i++) zip3[i] = st;
  const gbArea = new Map<string, string>();
  for (const [nation, areas] of Object.entries(d.inference.gbAreas)) for (const a of areas) gbArea.set(a, nation);
  return {
    patterns,
    zip3,
    zipExceptions: new Map(Object.entries(d.inference.usZipExceptions)),
    territories: new Map(Object.entries(d.inference.usTerritoryCountries)),
    caFsa: new Map(Object.entries(d.inference.caFsa)),
    nunavut: new Set(d.inference.caFsaNunavut),
    au: d.inference.auRanges.map(([a, b, s]) => [Number(a), Number(b), s] as const),
    gbArea,
    gbBorder: new Set(d.inference.gbBorderAreas),
    crown: new Map(Object.entries(d.inference.gbCrownDependencies)),
    prefixes: new Map(Object.entries(d.inference.countryPrefixes)),
  };
}

const MAX_INPUT = 24;
// Distinctive shapes, tested on the upper-cased input with spaces/dashes kept.
const GB = /^([A-Z]{1,2})(\d[A-Z\d]?) ?(\d[A-Z]{2})$/;
const CA = /^([ABCEGHJKLMNPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?-?(\d[ABCEGHJ-NPRSTV-Z]\d)$/;
const NL = /^([1-9]\d{3}) ?([A-Z]{2})$/;
const PL = /^(\d{2})-(\d{3})$/;
const PT = /^(\d{4})-(\d{3})$/;
const BR = /^(\d{5})-(\d{3})$/;
const IE = /^([AC-FHKNPRTV-Y]\d{2}|D6W) ?([\dAC-FHKNPRTV-Y]{4})$/;
const US4 = /^(\d{5})[- ](\d{4})$/;
const JP = /^〒? ?(\d{3})-(\d{4})$/;
const PREFIXED = /^([A-Z]{1,2})[- ](\d{4,5}|\d{2} ?\d{3}|\d{3} \d{2}|\d{4} ?[A-Z]{2})$/;
const DIGITS_ONLY = /^\d+$/;

type Shape = { postalCode: string; country: string; state?: string; confidence: number; issues?: Issue[] };

/**
 * Builds a postal-code normalizer. Validation given a country uses per-country patterns;
 * without one, only distinctive formats (GB, CA, NL, PL, PT, BR, IE Eircode, US ZIP+4, JP,
 * a country prefix such as "D-80331") name a country.
 *
 * @example
 * const normalize = createPostalNormalizer({ formats, inference });
 * normalize('k1a0b1').value //=> { postalCode: 'K1A 0B1', country: 'CA', state: 'ON', inferred: true }
 */
export function createPostalNormalizer(dicts: PostalDictionaries): PostalNormalizer {
  let tables: Tables | undefined;

  const usState = (t: Tables, zip5: string): string | undefined => {
    const exc = t.zipExceptions.get(zip5);
    if (exc) return exc;
    return t.zip3[Number(zip5.slice(0, 3))] || undefined;
  };
  const caState = (t: Tables, fsa: string): string | undefined =>
    t.nunavut.has(fsa) ? 'NU' : t.caFsa.get(fsa[0]!);
  const auState = (t: Tables, pc: string): string | undefined => {
    const n = Number(pc);
    for (const [a, b, s] of t.au) if (n >= a && n <= b) return s;
    return undefined;
  };
  const gbInfo = (t: Tables, area: string, input: string): { country: string; state?: string; issues?: Issue[] } => {
    const crown = t.crown.get(area);
    if (crown) return { country: crown };
    const nation = t.gbArea.get(area) ?? 'ENG';
    if (t.gbBorder.has(area)) return { country: 'GB', state: nation, issues: [issue('postal.border_area', { input, area, state: nation })] };
    return { country: 'GB', state: nation };
  };

  /** Canonical form of `s` for `country`, or null when it does not fit. */
  const forCountry = (t: Tables, s: string, country: string, raw: string): Shape | null => {
    const up = s.toUpperCase();
    const compact = up.replace(/[\s-]/g, '');
    const issues: Issue[] = [];
    let pc: string | null = null;
    let state: string | undefined;
    let effective = country;
    switch (country) {
      case 'US':
      case 'PR':
      case 'VI':
      case 'GU':
      case 'AS':
      case 'MP': {
        let d = compact;
        if (!DIGITS_ONLY.test(d)) return null;
        // Spreadsheets drop leading zeros: 2139 → 02139, 21391234 → 02139-1234.
        if (d.length === 3 || d.length === 4 || d.length === 7 || d.length === 8) {
          d = d.padStart(d.length <= 5 ? 5 : 9, '0');
        }
        if (d.length !== 5 && d.length !== 9) return null;
        pc = d.length === 5 ? d : `${d.slice(0, 5)}-${d.slice(5)}`;
        if (d !== compact) issues.push(issue('postal.zero_padded', { input: raw, postalCode: pc }));
        state = usState(t, d.slice(0, 5));
        if (!state) return null;
        break;
      }
      case 'CA': {
        const m = CA.exec(compact.length === 6 ? `${compact.slice(0, 3)} ${compact.slice(3)}` : up);
        if (!m) return null;
        pc = `${m[1]} ${m[2]}`;
        state = caState(t, m[1]!);
        break;
      }
      case 'GB':
      case 'JE':
      case 'GG':
      case 'IM': {
        if (compact.length < 5 || compact.length > 7) return null;
        const m = GB.exec(`${compact.slice(0, -3)} ${compact.slice(-3)}`);
        if (!m) return null;
        pc = `${m[1]}${m[2]} ${m[3]}`;
        const info = gbInfo(t, m[1]!, raw);
        if (info.issues) issues.push(...info.issues);
        effective = country === 'GB' ? info.country : country;
        if (effective === 'GB') state = info.state;
        break;
      }
      case 'NL': {
        const m = /^([1-9]\d{3})([A-Z]{2})$/.exec(compact);
        if (!m) return null;
        pc = `${m[1]} ${m[2]}`;
        break;
      }
      case 'BR': {
        if (!DIGITS_ONLY.test(compact) || (compact.length !== 8 && compact.length !== 7)) return null;
        const d = compact.padStart(8, '0');
        pc = `${d.slice(0, 5)}-${d.slice(5)}`;
        if (d !== compact) issues.push(issue('postal.zero_padded', { input: raw, postalCode: pc }));
        break;
      }
      case 'JP': {
        const d = compact.replace(/^〒/, '');
        if (!DIGITS_ONLY.test(d) || d.length !== 7) return null;
        pc = `${d.slice(0, 3)}-${d.slice(3)}`;
        break;
      }
      case 'PL':
        if (!DIGITS_ONLY.test(compact) || compact.length !== 5) return null;
        pc = `${compact.slice(0, 2)}-${compact.slice(2)}`;
        break;
      case 'PT':
        if (!DIGITS_ONLY.test(compact) || compact.length !== 7) return null;
        pc = `${compact.slice(0, 4)}-${compact.slice(4)}`;
        break;
      case 'IE': {
        const m = IE.exec(compact.length === 7 ? `${compact.slice(0, 3)} ${compact.slice(3)}` : up);
        if (!m) return null;
        pc = `${m[1]} ${m[2]}`;
        break;
      }
      case 'SE':
      case 'CZ':
      case 'SK':
      case 'GR':
        if (!DIGITS_ONLY.test(compact) || compact.length !== 5) return null;
        pc = `${compact.slice(0, 3)} ${compact.slice(3)}`;
        break;
      case 'DE':
      case 'FR':
      case 'IT':
      case 'ES':
      case 'MX':
      case 'FI':
      case 'MY':
      case 'TH':
      case 'TR':
      case 'KR': {
        if (!DIGITS_ONLY.test(compact)) return null;
        let d = compact;
        if (d.length === 4 && (country === 'DE' || country === 'FR' || country === 'IT' || country === 'ES')) {
          d = `0${d}`;
          issues.push(issue('postal.zero_padded', { input: raw, postalCode: d }));
        }
        if (d.length !== 5) return null;
        pc = d;
        break;
      }
      case 'AU':
      case 'NZ':
      case 'AT':
      case 'BE':
      case 'CH':
      case 'DK':
      case 'NO':
      case 'ZA':
      case 'HU':
      case 'LU': {
        if (!DIGITS_ONLY.test(compact)) return null;
        let d = compact;
        if (d.length === 3 && (country === 'AU' || country === 'NZ' || country === 'ZA' || country === 'NO' || country === 'DK')) {
          d = `0${d}`;
          issues.push(issue('postal.zero_padded', { input: raw, postalCode: d }));
        }
        if (d.length !== 4) return null;
        pc = d;
        if (country === 'AU') state = auState(t, d);
        break;
      }
      case 'IN':
      case 'SG':
      case 'CN':
      case 'RU':
        if (!DIGITS_ONLY.test(compact) || compact.length !== 6) return null;
        pc = compact;
        break;
      default: {
        const re = t.patterns.get(country);
        const collapsed = up.replace(/\s+/g, ' ');
        if (!re) {
          pc = collapsed;
          break;
        }
        if (re.test(collapsed)) pc = collapsed;
        else if (re.test(compact)) pc = compact;
        else return null;
      }
    }
    const shape: Shape = { postalCode: pc, country: effective, confidence: 1 };
    if (state) shape.state = state;
    if (issues.length) shape.issues = issues;
    return shape;
  };

  /** Country from a distinctive format, or null. */
  const infer = (t: Tables, s: string, raw: string): Shape | null => {
    const up = s.toUpperCase().replace(/\s+/g, ' ');
    let m = PREFIXED.exec(up);
    if (m) {
      const cc = t.prefixes.get(m[1]!);
      if (cc) {
        const r = forCountry(t, m[2]!, cc, raw);
        if (r) return { ...r, confidence: 0.9 };
      }
    }
    const compact = up.replace(/[\s-]/g, '');
    if (compact.length >= 5 && compact.length <= 7 && GB.test(`${compact.slice(0, -3)} ${compact.slice(-3)}`) && /^[A-Z]/.test(compact)) {
      const r = forCountry(t, compact, 'GB', raw);
      if (r) return { ...r, confidence: 0.95 };
    }
    if (CA.test(up) || (compact.length === 6 && CA.test(`${compact.slice(0, 3)} ${compact.slice(3)}`))) return forCountry(t, compact, 'CA', raw);
    if (NL.test(up)) return { ...forCountry(t, up, 'NL', raw)!, confidence: 0.95 };
    if (IE.test(up) && /[A-Z]/.test(compact.slice(3))) return { ...forCountry(t, up, 'IE', raw)!, confidence: 0.95 };
    if ((m = US4.exec(up))) return { ...forCountry(t, `${m[1]}${m[2]}`, 'US', raw)!, confidence: 0.95 };
    if (PL.test(up)) return { ...forCountry(t, up, 'PL', raw)!, confidence: 0.9 };
    if (PT.test(up)) return { ...forCountry(t, up, 'PT', raw)!, confidence: 0.9 };
    if (BR.test(up)) return { ...forCountry(t, up, 'BR', raw)!, confidence: 0.9 };
    if (JP.test(up)) return { ...forCountry(t, up, 'JP', raw)!, confidence: 0.8 };
    return null;
  };

  const resolveCountry = (c: string | null | undefined): string | null => {
    if (c === null || c === undefined || c.trim() === '') return null;
    const s = c.trim();
    if (/^[A-Za-z]{2}$/.test(s)) return s.toUpperCase() === 'UK' ? 'GB' : s.toUpperCase();
    return dicts.resolveCountry ? dicts.resolveCountry(s) : null;
  };

  // Results per (country as given, input); shared between callers, so frozen.
  const cache = new PairMemoCache<UnitResult<PostalValue>>(20_000, 'postal code');

  return (input: unknown, options?: PostalOptions): UnitResult<PostalValue> => {
    if (options !== undefined) {
      if (typeof options !== 'object' || options === null) throw new LeadtidyError('options', 'normalizePostalCode: options must be an object');
      const c = options.country;
      if (c !== undefined && c !== null && typeof c !== 'string') {
        throw new LeadtidyError('options', 'normalizePostalCode: invalid options', [{ path: 'country', message: `expected a string, got ${typeof c}` }]);
      }
    }
    if (typeof input !== 'string') return none();
    const c = options?.country ?? '';
    const hit = cache.get(c, input);
    if (hit !== undefined) return hit;
    const r = deepFreeze(compute(input, options));
    cache.set(c, input, r);
    return r;
  };

  function compute(input: string, options: PostalOptions | undefined): UnitResult<PostalValue> {
    const s = stripControl(input).replace(/\s+/g, ' ').trim();
    if (s === '') return none();
    if (s.length > MAX_INPUT || !/[A-Za-z0-9]/.test(s)) return none([issue('postal.invalid', { input: s.slice(0, 40), country: 'any' })]);
    const t = (tables ??= buildTables(dicts));
    const country = resolveCountry(options?.country);
    if (country) {
      // Strip a matching country prefix ("D-80331" in a German record).
      const pm = PREFIXED.exec(s.toUpperCase());
      const body = pm && t.prefixes.get(pm[1]!) === country ? pm[2]! : s;
      const r = forCountry(t, body, country, s);
      if (!r) return none([issue('postal.invalid', { input: s, country })]);
      return ok(toValue(r, false), r.confidence, r.issues);
    }
    const r = infer(t, s, s);
    if (r) return ok(toValue(r, true), r.confidence, r.issues);
    const plain = s.toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9 -]*$/.test(plain) || !/\d/.test(plain)) return none([issue('postal.invalid', { input: s, country: 'any' })]);
    return ok({ postalCode: plain }, 0.5, [issue('postal.unrecognised', { input: s })]);
  }
}

function toValue(r: Shape, inferred: boolean): PostalValue {
  const v: { postalCode: string; country?: string; state?: string; inferred?: boolean } = { postalCode: r.postalCode, country: r.country };
  if (r.state) v.state = r.state;
  if (inferred) v.inferred = true;
  return v;
}
