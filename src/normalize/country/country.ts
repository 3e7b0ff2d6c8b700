import { issue, type Issue } from '../../core/codes.js';
import { LeadtidyError } from '../../core/errors.js';
import { none, ok, type UnitResult } from '../../core/result.js';
import { stripControl } from '../../core/text.js';
import { buildTypoIndex, type TypoIndex } from './fuzzy.js';
import { placeKey, placeWords } from './key.js';

/** A resolved country. `code`, `alpha3` and `name` are the public contract. */
export interface CountryValue {
  /** ISO 3166-1 alpha-2 ("US"). */
  readonly code: string;
  /** ISO 3166-1 alpha-3 ("USA"). */
  readonly alpha3: string;
  /** English common name ("United States"). */
  readonly name: string;
  /** ISO 3166-1 short name ("United States of America"), as picklists such as Salesforce's use. */
  readonly isoName: string;
  /** ISO 3166-1 numeric ("840"); empty for user-assigned codes (XK). */
  readonly numeric: string;
  /** ISO 3166-2 code when the input named a constituent part ("Scotland" → "GB-SCT"). */
  readonly subdivision?: string;
}

/** Options of {@link normalizeCountry}. */
export interface CountryOptions {
  /** Correct small spelling mistakes when the answer is unique (default true). */
  readonly typos?: boolean;
}

/** Shape of `dictionaries/countries.json`. */
export interface CountriesDictionary {
  readonly countries: readonly { code: string; alpha3: string; numeric: string; name: string; isoName: string }[];
}

/** Shape of `dictionaries/country-aliases.json` (keys are {@link placeKey} forms joined by "|"). */
export interface CountryAliasDictionary {
  readonly aliases: Readonly<Record<string, { readonly primary: string; readonly other: string }>>;
  readonly ambiguous: Readonly<Record<string, readonly string[]>>;
  readonly constituents: Readonly<Record<string, string>>;
  readonly historical: Readonly<Record<string, string>>;
  readonly notCountries: Readonly<Record<string, string>>;
  readonly confusables: string;
  /** Words of official state forms ("republic", "royaume", "de") dropped as a fallback. */
  readonly stateForms?: readonly string[];
  /** State-form affixes of scripts written without spaces (Thai "ประเทศ…", Japanese "…共和国"). */
  readonly stateAffixes?: { readonly prefixes: readonly string[]; readonly suffixes: readonly string[] };
}

/** Dictionaries a country normalizer is built from. */
export interface CountryDictionaries {
  readonly countries: CountriesDictionary;
  readonly aliases: CountryAliasDictionary;
}

/** A country normalizer bound to its dictionaries. */
export type CountryNormalizer = (input: unknown, options?: CountryOptions) => UnitResult<CountryValue>;

interface Tables {
  byAlpha2: Map<string, CountryValue>;
  byAlpha3: Map<string, CountryValue>;
  byNumeric: Map<string, CountryValue>;
  byKey: Map<string, string>;
  ambiguous: Map<string, readonly string[]>;
  constituents: Map<string, string>;
  historical: Map<string, string>;
  notCountries: Map<string, string>;
  typo?: TypoIndex;
  confusables: Set<string>;
  stateForms: Set<string>;
}

const MAX_INPUT = 120;
const FLAG = /^[\u{1F1E6}-\u{1F1FF}]{2}$/u;
const CODE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['UK', 'GB'],
  ['EL', 'GR'],
]);
const SPLIT = /\s*(?:\/|\||;|\s-\s|\s–\s)\s*/;
const PARENS = /[([{][^()[\]{}]*[)\]}]/g;
const LETTERS = /^[A-Za-z]+$/;
const LABEL = /^(?:country|country\/region|land|pays|pa[ií]s|paese|staat)\s*[:=]\s*/i;

function toMap(o: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(o));
}

function buildTables(dicts: CountryDictionaries): Tables {
  const byAlpha2 = new Map<string, CountryValue>();
  const byAlpha3 = new Map<string, CountryValue>();
  const byNumeric = new Map<string, CountryValue>();
  for (const c of dicts.countries.countries) {
    const v: CountryValue = Object.freeze({ code: c.code, alpha3: c.alpha3, name: c.name, isoName: c.isoName, numeric: c.numeric });
    byAlpha2.set(c.code, v);
    byAlpha3.set(c.alpha3, v);
    if (c.numeric) byNumeric.set(c.numeric, v);
  }
  const byKey = new Map<string, string>();
  for (const [code, { primary, other }] of Object.entries(dicts.aliases.aliases)) {
    for (const list of [primary, other]) {
      if (!list) continue;
      for (const k of list.split('|')) byKey.set(k, code);
    }
  }
  return {
    byAlpha2,
    byAlpha3,
    byNumeric,
    byKey,
    ambiguous: new Map(Object.entries(dicts.aliases.ambiguous)),
    constituents: toMap(dicts.aliases.constituents),
    historical: toMap(dicts.aliases.historical),
    notCountries: toMap(dicts.aliases.notCountries),
    confusables: new Set(dicts.aliases.confusables ? dicts.aliases.confusables.split('|') : []),
    stateForms: new Set(dicts.aliases.stateForms ?? []),
  };
}

/** Whether the single edit between `key` and `cand` lies inside one input word of ≥ 5 letters. */
function editInLongWord(key: string, cand: string, words: readonly string[]): boolean {
  let i = 0;
  while (i < key.length && i < cand.length && key[i] === cand[i]) i++;
  let pos = 0;
  for (const w of words) {
    if (i < pos + w.length || (i === pos + w.length && w === words[words.length - 1])) return w.length >= 5;
    pos += w.length;
  }
  return false;
}

function typoIndex(t: Tables, dicts: CountryDictionaries): { index: TypoIndex } {
  if (!t.typo) {
    const entries: (readonly [string, string])[] = [];
    for (const [code, { primary }] of Object.entries(dicts.aliases.aliases)) {
      if (primary) for (const k of primary.split('|')) entries.push([k, code]);
    }
    for (const k of t.confusables) entries.push([k, '~']);
    for (const [k] of t.notCountries) if (k.length >= 5) entries.push([k, '~']);
    for (const [k] of t.ambiguous) if (k.length >= 5) entries.push([k, '~']);
    t.typo = buildTypoIndex(entries);
  }
  return { index: t.typo };
}

type Found =
  | { kind: 'code'; code: string; confidence: number; issues: Issue[]; subdivision?: string }
  | { kind: 'ambiguous'; candidates: readonly string[] }
  | { kind: 'not'; what: string }
  | { kind: 'miss' };

const MISS: Found = { kind: 'miss' };

/**
 * Builds a country normalizer over the given dictionaries. Lookup tables are built on the
 * first call, and results are memoized per distinct input (bounded).
 *
 * @example
 * const normalize = createCountryNormalizer({ countries, aliases });
 * normalize('Deutschland ').value //=> { code: 'DE', alpha3: 'DEU', name: 'Germany', … }
 */
export function createCountryNormalizer(dicts: CountryDictionaries): CountryNormalizer {
  let tables: Tables | undefined;
  const caches = [new Map<string, UnitResult<CountryValue>>(), new Map<string, UnitResult<CountryValue>>()] as const;
  const MAX_CACHE = 20_000;

  const byKey = (t: Tables, key: string, input: string): Found => {
    if (key.length < 2) return MISS;
    const not = t.notCountries.get(key);
    if (not) return { kind: 'not', what: not };
    const amb = t.ambiguous.get(key);
    if (amb) return { kind: 'ambiguous', candidates: amb };
    const sub = t.constituents.get(key);
    if (sub) {
      const code = sub.slice(0, 2);
      const c = t.byAlpha2.get(code)!;
      return { kind: 'code', code, confidence: 0.95, subdivision: sub, issues: [issue('country.constituent', { input, name: c.name, subdivision: sub })] };
    }
    const hist = t.historical.get(key);
    if (hist) {
      const c = t.byAlpha2.get(hist)!;
      return { kind: 'code', code: hist, confidence: 0.9, issues: [issue('country.historical', { input, name: c.name })] };
    }
    const code = t.byKey.get(key);
    return code ? { kind: 'code', code, confidence: 1, issues: [] } : MISS;
  };

  const resolveOne = (t: Tables, s: string, typos: boolean): Found => {
    if (FLAG.test(s)) {
      const cps = [...s].map((ch) => String.fromCharCode(ch.codePointAt(0)! - 0x1f1e6 + 65)).join('');
      if (t.byAlpha2.has(cps)) return { kind: 'code', code: cps, confidence: 1, issues: [] };
    }
    const compact = s.replace(/[\s.]/g, '');
    const key = placeKey(s);
    if (LETTERS.test(compact) && (compact.length === 2 || compact.length === 3)) {
      const not = t.notCountries.get(key);
      if (not) return { kind: 'not', what: not };
      const up = compact.toUpperCase();
      const code2 = compact.length === 2 ? (CODE_ALIASES.get(up) ?? (t.byAlpha2.has(up) ? up : undefined)) : undefined;
      if (code2) return { kind: 'code', code: code2, confidence: 1, issues: [] };
      const c3 = compact.length === 3 ? t.byAlpha3.get(up) : undefined;
      if (c3) return { kind: 'code', code: c3.code, confidence: 1, issues: [] };
    }
    if (key === '') return { kind: 'not', what: 'placeholder' };
    if (/^\d{3}$/.test(s)) {
      const c = t.byNumeric.get(s);
      return c ? { kind: 'code', code: c.code, confidence: 0.9, issues: [] } : MISS;
    }
    let f = byKey(t, key, s);
    if (f.kind !== 'miss') return f;
    // "Korea, Republic of" → "Republic of Korea"
    const comma = s.indexOf(',');
    if (comma > 0 && s.indexOf(',', comma + 1) < 0) {
      f = byKey(t, placeKey(`${s.slice(comma + 1)} ${s.slice(0, comma)}`), s);
      if (f.kind !== 'miss') return f;
    }
    // "Deutschland (Germany)", "Congo [DRC]"
    if (PARENS.test(s)) {
      PARENS.lastIndex = 0;
      const outer = s.replace(PARENS, ' ').trim();
      if (outer && outer !== s) {
        f = resolveOne(t, outer, false);
        if (f.kind === 'code') return { ...f, confidence: Math.min(f.confidence, 0.95) };
        if (f.kind !== 'miss') return f;
      }
    }
    PARENS.lastIndex = 0;
    // "USA / United States", "US - Canada": agree → that country; disagree → ambiguous.
    const parts = s.split(SPLIT).filter((p) => p.trim() !== '');
    if (parts.length > 1 && parts.length <= 4) {
      const codes = new Set<string>();
      for (const p of parts) {
        const r = resolveOne(t, p, false);
        if (r.kind === 'code') codes.add(r.code);
        else if (r.kind === 'ambiguous') for (const c of r.candidates) codes.add(c);
      }
      if (codes.size === 1) return { kind: 'code', code: [...codes][0]!, confidence: 0.9, issues: [] };
      if (codes.size > 1) return { kind: 'ambiguous', candidates: [...codes] };
    }
    // Five-letter words sit one edit from too many names ("Sales" → "Wales").
    // "República de Estonia", "Royaume d'Espagne", "Republic of Ghana": drop the state form.
    const words = placeWords(s);
    if (words.length > 1 && words.some((w) => t.stateForms.has(w))) {
      const rest = words.filter((w) => !t.stateForms.has(w)).join('');
      if (rest.length >= 4 && rest !== key) {
        const code = t.byKey.get(rest);
        if (code && !t.ambiguous.has(rest) && !t.notCountries.has(rest)) return { kind: 'code', code, confidence: 0.9, issues: [] };
      }
    }
    if (words.length === 1 && !/^[a-z0-9]+$/.test(key) && dicts.aliases.stateAffixes) {
      const { prefixes, suffixes } = dicts.aliases.stateAffixes;
      for (const a of prefixes) if (key.startsWith(a) && key.length > a.length + 1) { const c = t.byKey.get(key.slice(a.length)); if (c) return { kind: 'code', code: c, confidence: 0.9, issues: [] }; }
      for (const a of suffixes) if (key.endsWith(a) && key.length > a.length + 1) { const c = t.byKey.get(key.slice(0, -a.length)); if (c) return { kind: 'code', code: c, confidence: 0.9, issues: [] }; }
    }
    if (typos && key.length >= 6 && /^[a-z]+$/.test(key)) {
      const { index } = typoIndex(t, dicts);
      const near = index.near(key);
      // The edit must fall inside a word of five letters or more: "Holy Land" is not "Holland",
      // "Republic of Iran" is not "Republic of Iraq".
      const labels = [...new Set(near.keys.filter((k) => editInLongWord(key, k, words)).map((k) => index.label(k)!))];
      if (labels.length === 1 && labels[0] !== '~') {
        const code = labels[0]!;
        const c = t.byAlpha2.get(code)!;
        return { kind: 'code', code, confidence: 0.8, issues: [issue('country.typo_corrected', { input: s, name: c.name })] };
      }
      if (labels.length > 1 && !labels.includes('~')) return { kind: 'ambiguous', candidates: labels.sort() };
    }
    return MISS;
  };

  const compute = (raw: string, typos: boolean): UnitResult<CountryValue> => {
    const t = (tables ??= buildTables(dicts));
    const s = stripControl(raw).trim().replace(LABEL, '');
    if (s === '') return none();
    if (s.length > MAX_INPUT) return none([issue('country.unknown', { input: `${s.slice(0, 40)}…` })]);
    const f = resolveOne(t, s, typos);
    switch (f.kind) {
      case 'code': {
        const base = t.byAlpha2.get(f.code);
        if (!base) return none([issue('country.unknown', { input: s })]);
        const value = f.subdivision ? { ...base, subdivision: f.subdivision } : base;
        return ok(value, f.confidence, f.issues);
      }
      case 'ambiguous':
        return none([issue('country.ambiguous', { input: s, candidates: [...f.candidates] })]);
      case 'not':
        return none([issue('country.not_a_country', { input: s, kind: f.what })]);
      default:
        return none([issue('country.unknown', { input: s })]);
    }
  };

  return (input: unknown, options?: CountryOptions): UnitResult<CountryValue> => {
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw new LeadtidyError('options', 'normalizeCountry: options must be an object', [{ path: 'options', message: `got ${typeof options}` }]);
    }
    if (typeof input !== 'string') return none();
    const typos = options?.typos !== false;
    const cache = caches[typos ? 1 : 0];
    const hit = cache.get(input);
    if (hit) return hit;
    const r = compute(input, typos);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(input, r);
    return r;
  };
}
