import { issue } from '../../core/codes.js';
import { LeadtidyError } from '../../core/errors.js';
import { none, ok, type UnitResult } from '../../core/result.js';
import { PairMemoCache, stripControl } from '../../core/text.js';
import { buildTypoIndex, type TypoIndex } from '../country/fuzzy.js';
import { placeWords } from '../country/key.js';

/** A resolved subdivision. `code`, `country` and `name` are the public contract. */
export interface StateValue {
  /** ISO 3166-2 code with the country ("US-CA"). */
  readonly code: string;
  /** ISO 3166-1 alpha-2 of the country ("US"). */
  readonly country: string;
  /** English name where CLDR has one, else the ISO name ("California", "Bavaria"). */
  readonly name: string;
  /** The ISO 3166-2 (usually local-language) name when it differs ("Bayern"). */
  readonly localName?: string;
  /** 1 for first-level subdivisions, 2 for provinces/departments/counties (IT, ES, FR, IE). */
  readonly level: 1 | 2;
  /** For level 2: the ISO code of the first-level parent ("IT-25"). */
  readonly parent?: string;
}

/** Options of {@link normalizeState}. */
export interface StateOptions {
  /** The record's country (alpha-2 preferred; names and alpha-3 are resolved too). */
  readonly country?: string | null | undefined;
  /**
   * Countries whose short codes are understood without a country, in order (default
   * `["US", "CA", "AU"]`: "CA" alone is California, the B2B convention).
   */
  readonly preferCountries?: readonly string[];
  /** Correct small spelling mistakes when the answer is unique (default true). */
  readonly typos?: boolean;
}

/** Shape of `dictionaries/subdivisions.json`. */
export interface SubdivisionDictionary {
  readonly preferredForCodes: readonly string[];
  /** Countries most common in B2B files: a name shared with an obscure subdivision elsewhere goes to them. */
  readonly b2bCountries?: readonly string[];
  readonly genericWords: readonly string[];
  /** Subdivisions only found with their country given (CN-HK: without a country, "Hong Kong" is the country HK). */
  readonly noGlobal?: readonly string[];
  /** country → subdivision code → "name\tlocal\tlevel\tparent\tcodeKeys\tnameKeys". */
  readonly subdivisions: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Dictionaries (and an optional country resolver for the `country` option). */
export interface StateDictionaries {
  readonly subdivisions: SubdivisionDictionary;
  /** Maps a country as written ("USA", "Deutschland") to alpha-2; defaults to alpha-2 only. */
  readonly resolveCountry?: (input: string) => string | null;
}

/** A state normalizer bound to its dictionaries. */
export type StateNormalizer = (input: unknown, options?: StateOptions) => UnitResult<StateValue>;

interface CountryTable {
  readonly entries: Map<string, StateValue>;
  readonly codes: Map<string, string[]>;
  readonly names: Map<string, string[]>;
  typo?: TypoIndex;
}

interface Tables {
  readonly countries: Map<string, CountryTable>;
  /** name keys and 3+ character code keys → full codes, across every country. */
  readonly global: Map<string, string[]>;
  readonly generic: Set<string>;
}

const MAX_INPUT = 100;
const ISO_PREFIXED = /^([A-Za-z]{2})[-\s]([A-Za-z0-9]{1,3})$/;
const PARENS = /[([][^()[\]]*[)\]]/g;
const INNER = /[([]([^()[\]]*)[)\]]/g;
const SPLIT = /\s*(?:,|\/|\||\s-\s|\s–\s)\s*/;

function pushTo(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
}

function buildTables(dict: SubdivisionDictionary): Tables {
  const countries = new Map<string, CountryTable>();
  const global = new Map<string, string[]>();
  const noGlobal = new Set(dict.noGlobal ?? []);
  for (const [country, subs] of Object.entries(dict.subdivisions)) {
    const t: CountryTable = { entries: new Map(), codes: new Map(), names: new Map() };
    for (const [code, packed] of Object.entries(subs)) {
      const [name = code, local = '', level = '1', parent = '', codeKeys = '', nameKeys = ''] = packed.split('\t');
      const full = `${country}-${code}`;
      const v: StateValue = Object.freeze({
        code: full,
        country,
        name,
        level: level === '2' ? 2 : 1,
        ...(local ? { localName: local } : {}),
        ...(parent ? { parent } : {}),
      });
      t.entries.set(full, v);
      for (const k of codeKeys.split('|')) {
        if (!k) continue;
        pushTo(t.codes, k, full);
        if (k.length >= 3 && !noGlobal.has(full)) pushTo(global, k, full);
      }
      for (const k of nameKeys.split('|')) {
        if (!k) continue;
        pushTo(t.names, k, full);
        if (k.length >= 3 && !noGlobal.has(full)) pushTo(global, k, full);
      }
    }
    countries.set(country, t);
  }
  return { countries, global, generic: new Set(dict.genericWords) };
}

function typoIndex(t: CountryTable): TypoIndex {
  if (!t.typo) {
    const entries: (readonly [string, string])[] = [];
    for (const [k, codes] of t.names) if (k.length >= 6 && codes.length === 1 && /^[a-z]+$/.test(k)) entries.push([k, codes[0]!]);
    t.typo = buildTypoIndex(entries);
  }
  return t.typo;
}

type Found = { codes: string[]; via: 'code' | 'name' | 'typo' } | null;

/** Picks one code: unique, or the only first-level one among several. */
function choose(t: Tables, codes: readonly string[]): string | null {
  if (codes.length === 1) return codes[0]!;
  const level1 = codes.filter((c) => t.countries.get(c.slice(0, 2))?.entries.get(c)?.level === 1);
  return level1.length === 1 ? level1[0]! : null;
}

/**
 * Builds a state/province normalizer over the given dictionaries. Tables are built on the
 * first call; results are memoized per (country, input), bounded.
 *
 * @example
 * const normalize = createStateNormalizer({ subdivisions });
 * normalize('Calif.').value //=> { code: 'US-CA', country: 'US', name: 'California', level: 1 }
 */
export function createStateNormalizer(dicts: StateDictionaries): StateNormalizer {
  let tables: Tables | undefined;
  const cache = new PairMemoCache<UnitResult<StateValue>>(20_000, 'state');

  const lookupIn = (ct: CountryTable, key: string, keys: readonly string[], raw: string): Found => {
    const c = ct.codes.get(raw) ?? ct.codes.get(key);
    if (c) return { codes: c, via: 'code' };
    for (const k of keys) {
      const n = ct.names.get(k);
      if (n) return { codes: n, via: 'name' };
    }
    return null;
  };

  const keysOf = (t: Tables, s: string): { key: string; keys: string[]; raw: string } => {
    const words = placeWords(s);
    const key = words.join('');
    const keys = [key];
    // "Ontario Province", "County Cork", "Tokyo-to", "Estado de México"
    let a = 0;
    let b = words.length;
    while (a < b - 1 && t.generic.has(words[a]!)) a++;
    while (b > a + 1 && t.generic.has(words[b - 1]!)) b--;
    if (a > 0 || b < words.length) keys.push(words.slice(a, b).join(''));
    // Codes are matched on the raw letters too: "AND" (GB-AND) is a stop word to placeKey.
    const raw = s.length <= 6 ? s.toLowerCase().replace(/[\s.]/g, '') : key;
    return { key, keys, raw };
  };

  /** Fallbacks for decorated values: "Alberta (AB)", "CA - California", "Ontario, Canada". */
  const compute = (s: string, country: string | null, options: StateOptions | undefined): UnitResult<StateValue> => {
    const first = computeOne(s, country, options);
    if (first.value || !first.issues.some((i) => i.code === 'state.unknown')) return first;
    const outer = s.replace(PARENS, ' ').trim();
    const parts = (outer && outer !== s ? [outer, ...[...s.matchAll(INNER)].map((m) => m[1]!)] : s.split(SPLIT)).map((p) => p.trim()).filter(Boolean);
    if (parts.length < 2 || parts.length > 3) return first;
    const found = new Map<string, UnitResult<StateValue>>();
    let countryPart: string | null = null;
    for (const p of parts) {
      const r = computeOne(p, country, options);
      if (r.value) {
        found.set(r.value.code, r);
        continue;
      }
      const c = p.length > 3 ? (dicts.resolveCountry?.(p) ?? null) : null;
      if (c) countryPart = c;
      else if (!r.issues.some((i) => i.code === 'state.unknown')) return r;
    }
    if (found.size !== 1) return first;
    const r = [...found.values()][0]!;
    if (countryPart && r.value!.country !== countryPart) return first;
    return ok(r.value!, Math.min(r.confidence, 0.9), r.issues);
  };

  const computeOne = (s: string, country: string | null, options: StateOptions | undefined): UnitResult<StateValue> => {
    const t = (tables ??= buildTables(dicts.subdivisions));
    const typos = options?.typos !== false;
    const m = ISO_PREFIXED.exec(s);
    if (m) {
      const cc = m[1]!.toUpperCase();
      const v = t.countries.get(cc)?.entries.get(`${cc}-${m[2]!.toUpperCase()}`);
      if (v) {
        if (country && country !== cc) return none([issue('state.country_mismatch', { input: s, country, found: [v.code] })]);
        return ok(v, 1);
      }
    }
    const { key, keys, raw } = keysOf(t, s);
    if (key === '' && raw === '') return none([issue('state.unknown', { input: s, where: '' })]);
    const result = (full: string, confidence: number, typoFrom?: string): UnitResult<StateValue> => {
      const v = t.countries.get(full.slice(0, 2))!.entries.get(full)!;
      return typoFrom ? ok(v, confidence, [issue('state.typo_corrected', { input: typoFrom, name: v.name })]) : ok(v, confidence);
    };
    const ambiguous = (codes: readonly string[]) => none<StateValue>([issue('state.ambiguous', { input: s, candidates: [...codes] })]);

    if (country) {
      const ct = t.countries.get(country);
      if (ct) {
        const f = lookupIn(ct, key, keys, raw);
        if (f) {
          const one = choose(t, f.codes);
          return one ? result(one, 1) : ambiguous(f.codes);
        }
        if (typos && key.length >= 6 && /^[a-z]+$/.test(key)) {
          const near = typoIndex(ct).near(key);
          if (near.labels.length === 1) return result(near.labels[0]!, 0.8, s);
        }
      }
      const elsewhere = global(t, key, keys, raw, options);
      const where = ` in ${country}`;
      if (elsewhere && elsewhere.length > 0) return none([issue('state.country_mismatch', { input: s, country, found: elsewhere })]);
      return none([issue('state.unknown', { input: s, where })]);
    }

    const prefer = options?.preferCountries ?? dicts.subdivisions.preferredForCodes;
    for (const p of prefer) {
      const ct = t.countries.get(p);
      const c = ct?.codes.get(raw) ?? ct?.codes.get(key);
      if (c) {
        const one = choose(t, c);
        if (one) return result(one, 0.9);
      }
    }
    for (const k of keys) {
      const g = t.global.get(k);
      if (g) {
        const one = choose(t, g);
        if (one) return result(one, 0.95);
        // "Victoria": AU-VIC rather than a Maltese local council.
        const major = dicts.subdivisions.b2bCountries ?? [];
        const inMajor = g.filter((c) => major.includes(c.slice(0, 2)));
        const pick = inMajor.length > 0 ? choose(t, inMajor) : null;
        return pick ? result(pick, 0.8) : ambiguous(g);
      }
    }
    for (const p of prefer) {
      const ct = t.countries.get(p);
      const n = ct ? lookupIn(ct, key, keys, raw) : null;
      if (n) {
        const one = choose(t, n.codes);
        if (one) return result(one, 0.9);
      }
    }
    if (typos && key.length >= 6 && /^[a-z]+$/.test(key)) {
      const labels = new Set<string>();
      for (const p of prefer) {
        const ct = t.countries.get(p);
        if (ct) for (const l of typoIndex(ct).near(key).labels) labels.add(l);
      }
      if (labels.size === 1) return result([...labels][0]!, 0.75, s);
    }
    return none([issue('state.unknown', { input: s, where: '' })]);
  };

  const global = (t: Tables, key: string, keys: readonly string[], raw: string, options: StateOptions | undefined): string[] | null => {
    const prefer = options?.preferCountries ?? dicts.subdivisions.preferredForCodes;
    for (const p of prefer) {
      const c = t.countries.get(p)?.codes.get(raw) ?? t.countries.get(p)?.codes.get(key);
      if (c) return c;
    }
    for (const k of keys) {
      const g = t.global.get(k);
      if (g) return g;
    }
    return null;
  };

  const resolveCountry = (c: string | null | undefined): string | null => {
    if (c === null || c === undefined) return null;
    const s = c.trim();
    if (s === '') return null;
    if (/^[A-Za-z]{2}$/.test(s)) {
      const up = s.toUpperCase();
      return up === 'UK' ? 'GB' : up;
    }
    return dicts.resolveCountry ? dicts.resolveCountry(s) : null;
  };

  return (input: unknown, options?: StateOptions): UnitResult<StateValue> => {
    if (options !== undefined) {
      if (typeof options !== 'object' || options === null) throw new LeadtidyError('options', 'normalizeState: options must be an object');
      const c = options.country;
      if (c !== undefined && c !== null && typeof c !== 'string') {
        throw new LeadtidyError('options', 'normalizeState: invalid options', [{ path: 'country', message: `expected a string, got ${typeof c}` }]);
      }
      if (options.preferCountries !== undefined && !Array.isArray(options.preferCountries)) {
        throw new LeadtidyError('options', 'normalizeState: invalid options', [{ path: 'preferCountries', message: 'expected an array of alpha-2 codes' }]);
      }
    }
    if (typeof input !== 'string') return none();
    const s = stripControl(input).trim();
    if (s === '') return none();
    if (s.length > MAX_INPUT) return none([issue('state.unknown', { input: `${s.slice(0, 40)}…`, where: '' })]);
    const country = resolveCountry(options?.country);
    const plain = options === undefined || (options.preferCountries === undefined && options.typos === undefined);
    if (!plain) return compute(s, country, options);
    const hit = cache.get(country ?? '', s);
    if (hit) return hit;
    const r = compute(s, country, options);
    cache.set(country ?? '', s, r);
    return r;
  };
}

