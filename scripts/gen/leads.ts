/**
 * Synthetic B2B lead generator: realistic people, companies and addresses from `vocab.json`, rendered in the mixed
 * formats event organizers really send, with known duplicates and known junk rows (the truth comes back with the rows).
 * Deterministic: the same options and seed give the same rows. Node-only helper for fixtures, benches and tests.
 */
import vocabJson from './vocab.json' with { type: 'json' };
import { rng as mulberry32 } from '../../bench/lib.js';

export type Locale = 'US' | 'CA' | 'GB' | 'DE' | 'AT' | 'CH' | 'FR' | 'ES' | 'NL' | 'AU';
export type Lang = 'en' | 'de' | 'fr' | 'es' | 'nl';
export const LOCALES: readonly Locale[] = ['US', 'CA', 'GB', 'DE', 'AT', 'CH', 'FR', 'ES', 'NL', 'AU'];

export interface VocabCity {
  city: string;
  cityAlt?: string[];
  state: string;
  stateName: string;
  stateAlt: string[];
  postal: string[];
  area: string[];
  areaLen?: number;
  subPrefix?: string[];
}
export interface VocabLocale {
  names: Partial<Record<Lang, number>>;
  countryForms: string[];
  countryName: string;
  countryDe: string[];
  alpha3: string;
  dial: string;
  trunk: string;
  legalForms: string[];
  tld: string;
  freeMail: string[];
  industryWords: string[];
  streets: string[];
  streetPattern: string;
  suites: string[];
  cities: VocabCity[];
}
export interface VocabTitle {
  en: string;
  level: string;
  fn: string;
  variants: string[];
  de: string[];
  fr: string[];
  es: string[];
  nl: string[];
}
export interface Vocab {
  source: string;
  license: string;
  nameGroups: Record<Lang, { m: string[]; f: string[]; last: string[] }>;
  nicknames: Record<string, string[]>;
  locales: Record<Locale, VocabLocale>;
  companyStems: string[];
  titles: VocabTitle[];
  junk: {
    names: [string, string][];
    emails: string[];
    keyboardRuns: string[];
    companies: string[];
    phones: string[];
    titles: string[];
    disposableDomains: string[];
  };
  leadSources: string[];
  notes: string[];
  /** Names outside Windows-1252, for files that can carry them (UTF-8/UTF-16). */
  unicodeNames: [string, string][];
  /** Content-syndication asset titles (with typographic punctuation). */
  assets: string[];
}

/** The hand-authored vocabulary (see its `source` line). */
export const VOCAB = vocabJson as unknown as Vocab;

// ───────────────────────────── random helpers ─────────────────────────────

/** A seeded random source with the helpers the generator needs. */
export class Rand {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** Picks a key by weight. */
  weighted<K extends string>(w: Partial<Record<K, number>>): K {
    const entries = Object.entries(w) as [K, number][];
    let total = 0;
    for (const [, v] of entries) total += v;
    let x = this.next() * total;
    for (const [k, v] of entries) {
      x -= v;
      if (x < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
  /** Derives an independent seed (for sub-generators). */
  seed(): number {
    return Math.floor(this.next() * 2 ** 31);
  }
}

// ───────────────────────────── model ─────────────────────────────

export interface PhoneNum {
  readonly locale: Locale;
  /** Area code / mobile prefix, without trunk prefix. */
  readonly area: string;
  readonly sub: string;
  readonly mobile: boolean;
}

export interface Company {
  readonly id: string;
  readonly name: string;
  readonly legalForm: string;
  readonly locale: Locale;
  readonly domain: string;
  readonly switchboard: PhoneNum;
  readonly city: VocabCity;
  readonly street: string;
  readonly postal: string;
}

export interface Person {
  readonly id: string;
  readonly locale: Locale;
  readonly lang: Lang;
  readonly gender: 'm' | 'f';
  readonly first: string;
  readonly middle: string;
  readonly last: string;
  readonly company: Company;
  readonly title: number;
  /** Email address as the person uses it (lower case). */
  readonly email: string;
  readonly phone: PhoneNum | null;
  readonly ext: string;
  readonly mobile: PhoneNum | null;
}

/** Canonical-ish lead row (every value a string, '' when missing). */
export interface LeadRow {
  salutation: string;
  firstName: string;
  lastName: string;
  fullName: string;
  email: string;
  phone: string;
  mobilePhone: string;
  company: string;
  website: string;
  title: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  leadSource: string;
  campaign: string;
  memberStatus: string;
  createdAt: string;
  notes: string;
}
export const LEAD_FIELDS: readonly (keyof LeadRow)[] = [
  'salutation', 'firstName', 'lastName', 'fullName', 'email', 'phone', 'mobilePhone', 'company', 'website', 'title',
  'street', 'city', 'state', 'postalCode', 'country', 'leadSource', 'campaign', 'memberStatus', 'createdAt', 'notes',
];

export type JunkReason = 'junk_name' | 'junk_email' | 'disposable_email' | 'missing_contact' | 'keyboard_mash';
export const JUNK_REASONS: readonly JunkReason[] = ['junk_name', 'junk_email', 'disposable_email', 'missing_contact', 'keyboard_mash'];

export type DuplicateOp =
  | 'reformat'
  | 'nickname'
  | 'typo_first'
  | 'typo_last'
  | 'email_case'
  | 'email_personal'
  | 'drop_email'
  | 'drop_phone'
  | 'drop_title'
  | 'drop_company'
  | 'drop_address'
  | 'status_changed';

export interface RowTruth {
  /** Person id, or null for junk. */
  readonly person: string | null;
  readonly kind: 'new' | 'duplicate' | 'reused' | 'colleague' | 'junk';
  /** For duplicates: the 0-based row this one repeats (the person's first row in this output). */
  readonly duplicateOf?: number;
  readonly ops?: readonly DuplicateOp[];
  readonly junkReason?: JunkReason;
  /** For colleagues: a row with a different person at the same company (a hard negative for dedupe). */
  readonly colleagueOf?: number;
}

export interface LeadTruth {
  /** Groups of 0-based row indices that are the same person (only groups of 2 or more). */
  readonly clusters: number[][];
  /** Rows that should be rejected, with the reason. */
  readonly junk: { row: number; reason: JunkReason }[];
  /** Per row: who it is and how it was made. */
  readonly rows: RowTruth[];
}

// ───────────────────────────── text helpers ─────────────────────────────

const GERMANIC: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** ASCII fold for email locals and domains ("Jürgen" → "juergen" for German speakers, "José" → "jose"). */
export function asciiFold(s: string, germanic = false): string {
  let t = s;
  if (germanic) t = t.replace(/[äöüßÄÖÜ]/g, (c) => GERMANIC[c] ?? c);
  else t = t.replace(/ß/g, 'ss');
  return t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function slug(s: string, germanic: boolean): string {
  return asciiFold(s, germanic)
    .toLowerCase()
    .replace(/&/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** One realistic keyboard slip: swap, drop or double a letter (never the first letter). */
export function typo(r: Rand, s: string): string {
  if (s.length < 4) return s + s.at(-1)!;
  const i = r.int(1, s.length - 2);
  const k = r.int(0, 2);
  if (k === 0) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  if (k === 1) return s.slice(0, i) + s.slice(i + 1);
  return s.slice(0, i) + s[i] + s.slice(i);
}

// ───────────────────────────── phones ─────────────────────────────

const MOBILE_PREFIX: Record<Locale, string[]> = {
  US: [],
  CA: [],
  GB: ['7412', '7700', '7789', '7823', '7911', '7954', '7507'],
  DE: ['151', '160', '170', '171', '172', '176', '157'],
  AT: ['664', '676', '699', '660', '650'],
  CH: ['79', '78', '76'],
  FR: ['6', '7'],
  ES: ['6'],
  NL: ['6'],
  AU: ['4'],
};

function subLength(loc: Locale, area: string, city: VocabCity | null, mobile: boolean): number {
  switch (loc) {
    case 'US':
    case 'CA':
      return 7;
    case 'GB':
      return mobile ? 6 : (city?.areaLen ?? 10 - area.length);
    case 'DE':
      return mobile ? (area.length === 3 ? 7 + (area.startsWith('17') ? 1 : 0) : 8) : area.length <= 2 ? 7 : area.length === 3 ? 7 : 6;
    case 'AT':
      return mobile ? 7 : area === '1' ? 7 : 6;
    case 'CH':
      return 7;
    case 'FR':
      return 8;
    case 'ES':
      return mobile ? 8 : 7;
    case 'NL':
      return mobile ? 8 : 7;
    case 'AU':
      return 8;
  }
}

/** Makes a plausible phone number in `city` (landline) or a mobile of the locale. */
export function makePhone(r: Rand, loc: Locale, city: VocabCity, mobile: boolean): PhoneNum {
  let area: string;
  if (mobile && MOBILE_PREFIX[loc].length) area = r.pick(MOBILE_PREFIX[loc]);
  else area = r.pick(city.area);
  const len = subLength(loc, area, city, mobile && MOBILE_PREFIX[loc].length > 0);
  let sub: string;
  if (loc === 'US' || loc === 'CA') {
    let ex: string;
    do ex = String(r.int(2, 9)) + r.digits(2);
    while (ex === '555' || ex.endsWith('11'));
    sub = ex + r.digits(4);
  } else {
    const pre = !mobile && city.subPrefix ? r.pick(city.subPrefix) : String(r.int(2, 9));
    sub = pre + r.digits(len - 1);
  }
  return { locale: loc, area, sub, mobile: mobile && MOBILE_PREFIX[loc].length > 0 };
}

function groups(s: string, sizes: readonly number[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    if (i >= s.length) break;
    out.push(s.slice(i, i + n));
    i += n;
  }
  if (i < s.length) out.push(s.slice(i));
  return out;
}

function subGroups(p: PhoneNum): string[] {
  const s = p.sub;
  switch (p.locale) {
    case 'US':
    case 'CA':
      return groups(s, [3, 4]);
    case 'GB':
      return s.length === 8 ? groups(s, [4, 4]) : s.length === 7 ? groups(s, [3, 4]) : [s];
    case 'CH':
    case 'ES':
      return s.length === 7 ? groups(s, [3, 2, 2]) : groups(s, [2, 3, 3]);
    case 'FR':
      return groups(s, [2, 2, 2, 2]);
    case 'AU':
      return p.mobile ? groups(s, [2, 3, 3]) : groups(s, [4, 4]);
    case 'NL':
      return p.mobile ? [s] : groups(s, [3, 4]);
    default:
      return [s];
  }
}

const DACH_KINDS = ['national', 'national', 'intl', 'intl0', '00', 'compact', 'slash', 'slash', 'dashintl', 'e164'];
const NON_NANP_KINDS: Record<string, string[]> = {
  DE: DACH_KINDS,
  AT: DACH_KINDS,
  CH: ['national', 'national', 'intl', 'intl', 'intl0', '00', 'compact', 'e164'],
  FR: ['national', 'national', 'intl', 'intl0', 'dot', 'dot', 'compact', '00', 'e164'],
  default: ['national', 'national', 'intl', 'intl0', '00', 'compact', 'e164', 'dashintl'],
};

/** Phone display styles: 'mixed' picks a realistic one per row. */
export type PhoneStyle = 'mixed' | 'national' | 'international' | 'e164' | 'de';

/**
 * Renders a phone number in one of the forms people type (national, international, with "(0)", with 00, dotted…).
 * `ext` is appended in a locale-typical way.
 */
export function formatPhone(r: Rand, p: PhoneNum, ext: string, style: PhoneStyle = 'mixed'): string {
  const L = VOCAB.locales[p.locale];
  const nanp = p.locale === 'US' || p.locale === 'CA';
  const sg = subGroups(p);
  const trunk = nanp ? '' : L.trunk;
  let kind: string;
  if (style === 'e164') kind = 'e164';
  else if (style === 'national') kind = 'national';
  else if (style === 'international') kind = 'intl';
  else if (style === 'de') kind = r.pick(['national', 'slash', 'intl0', 'intl0', '00', 'intl']);
  else
    kind = nanp
      ? r.pick(['paren', 'paren', 'dash', 'dot', 'intl', 'intlparen', 'intldot', 'one', 'compact', 'e164', 'space'])
      : r.pick(NON_NANP_KINDS[p.locale] ?? NON_NANP_KINDS.default!);
  let s: string;
  const area = p.area;
  const sub = p.sub;
  switch (kind) {
    case 'e164':
      s = `+${L.dial}${area}${sub}`;
      break;
    case 'paren':
      s = nanp ? `(${area}) ${sg.join('-')}` : `(${trunk}${area}) ${sg.join(' ')}`;
      break;
    case 'dash':
      s = `${area}-${sg.join('-')}`;
      break;
    case 'dot':
      s = nanp ? `${area}.${sg.join('.')}` : `${trunk}${area}.${sg.join('.')}`;
      break;
    case 'intl':
      s = nanp ? `+1 ${area} ${sg.join(' ')}` : `+${L.dial} ${area} ${sg.join(' ')}`;
      break;
    case 'intlparen':
      s = `+1 (${area}) ${sg.join('-')}`;
      break;
    case 'intldot':
      s = `+1 ${area}.${sg.join('.')}`;
      break;
    case 'one':
      s = `1-${area}-${sg.join('-')}`;
      break;
    case 'compact':
      s = `${trunk}${area}${sub}`;
      break;
    case 'space':
      s = `${area} ${sg.join(' ')}`;
      break;
    case 'intl0':
      s = trunk ? `+${L.dial} (${trunk})${area} ${sg.join(' ')}` : `+${L.dial} ${area} ${sg.join(' ')}`;
      break;
    case '00':
      s = `00${L.dial} ${area} ${sub}`;
      break;
    case 'slash':
      s = `${trunk}${area}/${sub}`;
      break;
    case 'dashintl':
      s = `+${L.dial}-${area}-${sub}`;
      break;
    default:
      s = nanp ? `(${area}) ${sg.join('-')}` : `${trunk}${area} ${sg.join(' ')}`;
  }
  if (ext) {
    if (p.locale === 'DE' || p.locale === 'AT' || p.locale === 'CH')
      s = kind === 'slash' || kind === 'national' ? `${trunk}${area} ${sub}-${ext}` : `${s} Durchwahl ${ext}`;
    else s += r.pick([` x${ext}`, ` ext. ${ext}`, ` Ext ${ext}`, ` x ${ext}`, ` ext ${ext}`]);
  }
  return s;
}

// ───────────────────────────── people and companies ─────────────────────────────

function pickLang(r: Rand, loc: Locale): Lang {
  return r.weighted(VOCAB.locales[loc].names);
}

function pickCity(r: Rand, loc: Locale): VocabCity {
  return r.pick(VOCAB.locales[loc].cities);
}

function makeStreet(r: Rand, loc: Locale): string {
  const L = VOCAB.locales[loc];
  const n = loc === 'US' || loc === 'CA' || loc === 'AU' ? String(r.int(1, 250) * (r.chance(0.5) ? 10 : 1)) : String(r.int(1, 120));
  let s = L.streetPattern.replace('{street}', r.pick(L.streets)).replace('{n}', n);
  if (r.chance(0.3))
    s +=
      ', ' +
      r.pick(L.suites).replace('{n}', String(r.int(2, 60) * 10)).replace('{f}', String(r.int(1, 9))).replace('{d}', r.pick(['A', 'B', 'C', 'izq.', 'dcha.']));
  return s;
}

/**
 * A pool of companies with unique names; `makeCompany` draws a new one for a locale.
 * Names are invented stems + industry words + legal forms, domains follow the name.
 */
export class CompanyPool {
  private readonly names = new Set<string>();
  private readonly domains = new Set<string>();
  private n = 0;
  constructor(private readonly prefix: string) {}

  makeCompany(r: Rand, loc: Locale): Company {
    const L = VOCAB.locales[loc];
    const germanic = loc === 'DE' || loc === 'AT' || loc === 'CH';
    for (let attempt = 0; ; attempt++) {
      let base: string;
      if (germanic && r.chance(0.3)) base = `${r.pick(VOCAB.nameGroups.de.last)} ${r.pick(L.industryWords)}`;
      else if (loc === 'ES' && r.chance(0.25)) base = `${r.pick(L.industryWords)} ${r.pick(VOCAB.companyStems)}`;
      else base = r.chance(0.6) ? `${r.pick(VOCAB.companyStems)} ${r.pick(L.industryWords)}` : r.pick(VOCAB.companyStems);
      if (attempt > 20) base += ` ${r.pick(['Nord', 'Süd', 'International', 'Global', 'Europe', 'One'])}`;
      if (this.names.has(base)) continue;
      const words = base.split(' ');
      let dom = slug(r.chance(0.7) ? words[0]! : base, germanic);
      if (dom.length < 4) dom = slug(base, germanic);
      const tld = r.chance(0.25) ? 'com' : L.tld;
      let domain = `${dom}.${tld}`;
      if (this.domains.has(domain)) domain = `${slug(base, germanic)}${r.chance(0.5) ? '-' + loc.toLowerCase() : ''}.${tld}`;
      if (this.domains.has(domain)) continue;
      this.names.add(base);
      this.domains.add(domain);
      const city = pickCity(r, loc);
      return {
        id: `${this.prefix}C${String(++this.n).padStart(4, '0')}`,
        name: base,
        legalForm: r.pick(L.legalForms),
        locale: loc,
        domain,
        switchboard: makePhone(r, loc, city, false),
        city,
        street: makeStreet(r, loc),
        postal: r.pick(city.postal),
      };
    }
  }
}

function emailLocal(r: Rand, first: string, last: string, germanic: boolean): string {
  const f = slug(first.split(/[\s-]/)[0]!, germanic);
  const l = slug(last.replace(/^(van der|van den|van|de la|de|von|da|st\.)\s+/i, ''), germanic);
  const lFull = slug(last, germanic);
  switch (r.int(0, 9)) {
    case 0:
      return f[0] + lFull;
    case 1:
      return f;
    case 2:
      return `${f}_${l}`;
    case 3:
      return `${f[0]}.${l}`;
    case 4:
      return germanic ? `${l}.${f}` : `${f}${l}`;
    case 5:
      return `${f}${l[0]}`;
    default:
      return `${f}.${lFull}`;
  }
}

/** Creates a new person working at `company` (drawn from the pool when not given). */
export function makePerson(r: Rand, id: string, loc: Locale, pool: CompanyPool, company?: Company, lastName?: string): Person {
  const lang = pickLang(r, loc);
  const g = VOCAB.nameGroups[lang];
  const gender: 'm' | 'f' = r.chance(0.5) ? 'm' : 'f';
  const first = r.pick(g[gender]);
  const last = lastName ?? r.pick(g.last);
  const middle = lang === 'en' && r.chance(0.2) ? r.pick('ABCDEFGHJKLMNPRSTW'.split('')) : '';
  const co = company ?? pool.makeCompany(r, loc);
  const germanic = lang === 'de' || loc === 'DE' || loc === 'AT';
  const L = VOCAB.locales[loc];
  let email: string;
  if (r.chance(0.15)) {
    const local = `${slug(first, germanic)}.${slug(last, germanic)}${r.chance(0.4) ? String(r.int(1, 99)) : ''}`;
    email = `${local}@${r.pick(L.freeMail)}`;
  } else email = `${emailLocal(r, first, last, germanic)}@${co.domain}`;
  const phoneKind = r.next();
  const city = co.city;
  const phone = phoneKind < 0.4 ? co.switchboard : phoneKind < 0.88 ? makePhone(r, loc, city, false) : null;
  const ext = phone === co.switchboard && r.chance(0.7) ? String(r.int(100, 899)) : '';
  const mobile = r.chance(0.35) || phone === null ? makePhone(r, loc, city, true) : null;
  // Titles: pick any; seniors less often than ICs and managers.
  const title = r.int(0, VOCAB.titles.length - 1);
  return { id, locale: loc, lang, gender, first, middle, last, company: co, title, email, phone, ext, mobile };
}

// ───────────────────────────── rendering ─────────────────────────────

/** How one organizer renders values. Every field has a 'mixed' default that draws from real-world variety. */
export interface LeadStyle {
  /** 'mixed': mostly as typed, some CAPS/lower; 'upper': badge scanners; 'proper': CRM. */
  nameCase: 'mixed' | 'upper' | 'proper';
  /** Probability that fullName is written "Last, First". */
  lastFirst: number;
  /** 'mixed' | 'alpha2' | 'name' (English) | 'de' (German names) | 'native'. */
  country: 'mixed' | 'alpha2' | 'name' | 'de' | 'native';
  /** State rendering: code ("CA"), name ("California") or mixed (also "Calif."). */
  state: 'mixed' | 'code' | 'name';
  phone: PhoneStyle;
  /** Title language and mess: 'mixed' (local language or English, abbreviated variants), 'en', 'clean' (canonical English). */
  titles: 'mixed' | 'en' | 'clean' | 'local';
  /** Probability of a messy email (stray spaces, caps, "mailto:", angle brackets, domain typos). */
  emailMess: number;
  /** Company name: 'mixed' legal-form and case variants, or 'clean'. */
  company: 'mixed' | 'clean';
  website: 'mixed' | 'clean' | 'none';
  /** Postal code mess: lost leading zeros, "D-80331", no space in UK/CA/NL codes. */
  postalMess: number;
  /** Probability a non-required field (title, phone, address parts) is left blank. */
  blankRate: number;
  /** Probability of a salutation. */
  salutation: number;
  /** Salutation language: 'local' follows the person's language; a language code forces one ("Herr"/"Frau"). */
  salutationLang: 'local' | Lang;
}

export const DEFAULT_STYLE: LeadStyle = {
  nameCase: 'mixed',
  lastFirst: 0,
  country: 'mixed',
  state: 'mixed',
  phone: 'mixed',
  titles: 'mixed',
  emailMess: 0.12,
  company: 'mixed',
  website: 'mixed',
  postalMess: 0.1,
  blankRate: 0.06,
  salutation: 0,
  salutationLang: 'local',
};

function renderNamePart(r: Rand, s: string, style: LeadStyle): string {
  if (style.nameCase === 'upper') return s.toUpperCase();
  if (style.nameCase === 'proper') return s;
  const x = r.next();
  if (x < 0.07) return s.toUpperCase();
  if (x < 0.13) return s.toLowerCase();
  if (x < 0.16) return ` ${s}  `;
  return s;
}

function renderCountry(r: Rand, loc: Locale, style: LeadStyle): string {
  const L = VOCAB.locales[loc];
  switch (style.country) {
    case 'alpha2':
      return loc;
    case 'name':
      return L.countryName;
    case 'de':
      return r.chance(0.8) ? L.countryDe[0]! : r.pick(L.countryDe);
    case 'native':
      return L.countryForms.find((f) => f !== loc && f !== L.alpha3 && f !== L.countryName && /[^\x00-\x7f]|^[A-Z][a-z]/.test(f)) ?? L.countryName;
    default: {
      const x = r.next();
      if (x < 0.3) return L.countryName;
      if (x < 0.55) return L.countryForms[0]!;
      return r.pick(L.countryForms);
    }
  }
}

const STATE_NAME_ONLY: ReadonlySet<Locale> = new Set(['GB', 'FR', 'ES', 'AT', 'NL']);

function renderState(r: Rand, loc: Locale, c: VocabCity, style: LeadStyle): string {
  if (loc === 'GB') return r.chance(0.5) ? '' : r.pick(c.stateAlt);
  if (STATE_NAME_ONLY.has(loc)) return r.chance(0.15) ? '' : r.chance(0.75) ? c.stateName : r.pick(c.stateAlt);
  if (style.state === 'code') return c.state;
  if (style.state === 'name') return c.stateName;
  const x = r.next();
  if (x < 0.5) return c.state;
  if (x < 0.8) return c.stateName;
  if (x < 0.9) return c.state.toLowerCase();
  return r.pick(c.stateAlt);
}

function renderCity(r: Rand, c: VocabCity, style: LeadStyle): string {
  if (style.nameCase === 'upper') return (c.cityAlt && r.chance(0.2) ? r.pick(c.cityAlt) : c.city).toUpperCase();
  const x = r.next();
  if (c.cityAlt && x < 0.2) return r.pick(c.cityAlt);
  if (style.nameCase === 'mixed' && x > 0.95) return c.city.toUpperCase();
  return c.city;
}

function renderPostal(r: Rand, loc: Locale, postal: string, style: LeadStyle): string {
  if (!r.chance(style.postalMess)) return postal;
  switch (loc) {
    case 'US':
      return postal.startsWith('0') && r.chance(0.6) ? postal.replace(/^0+/, '') : `${postal}-${r.digits(4)}`;
    case 'GB':
    case 'CA':
      return r.chance(0.5) ? postal.replace(' ', '') : postal.toLowerCase();
    case 'NL':
      return postal.replace(' ', '');
    case 'DE':
      return postal.startsWith('0') && r.chance(0.5) ? postal.slice(1) : `D-${postal}`;
    case 'AT':
      return `A-${postal}`;
    case 'CH':
      return `CH-${postal}`;
    case 'FR':
      return `F-${postal}`;
    default:
      return postal.startsWith('0') ? postal.slice(1) : postal;
  }
}

function renderCompany(r: Rand, co: Company, style: LeadStyle): string {
  if (style.company === 'clean') return `${co.name} ${co.legalForm}`;
  const x = r.next();
  const lf = co.legalForm;
  if (x < 0.45) return `${co.name} ${lf}`;
  if (x < 0.65) return co.name;
  if (x < 0.72 && /^(Inc|Ltd|LLC|Corp)/.test(lf)) return `${co.name}, ${lf}`;
  if (x < 0.8) return `${co.name} ${lf}`.toUpperCase();
  if (x < 0.85) return `${co.name} ${lf.replace(/\./g, '')}`.toLowerCase();
  if (x < 0.9) return `${co.name} ${lf.replace(/\./g, '')}`;
  if (x < 0.94) return `${co.name} ${lf}.`.replace('..', '.');
  return `  ${co.name}  ${lf} `;
}

function renderWebsite(r: Rand, co: Company, style: LeadStyle): string {
  if (style.website === 'none') return '';
  if (style.website === 'clean') return `https://www.${co.domain}`;
  const d = co.domain;
  const cap = d.charAt(0).toUpperCase() + d.slice(1);
  return r.pick([
    `www.${d}`,
    `www.${d}`,
    `https://www.${d}/`,
    `http://${d}/en`,
    cap,
    `www.${cap}/`,
    `https://${d}/contact?utm_source=linkedin`,
    d,
    `http://www.${d}`,
    `${d}/`,
    `HTTPS://WWW.${d.toUpperCase()}`,
    '',
  ]);
}

const SALUTATIONS: Record<Lang, { m: string[]; f: string[]; dr: string }> = {
  en: { m: ['Mr.', 'Mr'], f: ['Ms.', 'Mrs.', 'Ms'], dr: 'Dr.' },
  de: { m: ['Herr'], f: ['Frau'], dr: 'Dr.' },
  fr: { m: ['M.', 'Monsieur'], f: ['Mme', 'Madame'], dr: 'Dr' },
  es: { m: ['Sr.', 'D.'], f: ['Sra.', 'Dña.'], dr: 'Dr.' },
  nl: { m: ['Dhr.', 'de heer'], f: ['Mevr.', 'mevrouw'], dr: 'Dr.' },
};

/** Feminine job-title forms (Leiterin, Directrice, Chargée, Directora…), not given to men. */
const FEMININE_TITLE = /(?:in|trice|ée|ante|euse|effe|ora|jefa|socia|abogada|becaria|secretaria|resse)\b/iu;

function renderTitle(r: Rand, p: Person, style: LeadStyle): string {
  const t = VOCAB.titles[p.title]!;
  if (style.titles === 'clean') return t.en;
  const local0 = p.lang !== 'en' ? t[p.lang] : [];
  const local = p.gender === 'm' ? local0.filter((x) => !FEMININE_TITLE.test(x)) : local0;
  if ((style.titles === 'local' || (style.titles === 'mixed' && r.chance(0.6))) && local.length) return r.pick(local);
  const base = r.chance(0.55) ? r.pick(t.variants) : t.en;
  if (style.titles === 'en') return base;
  const x = r.next();
  if (x < 0.05) return base.toUpperCase();
  if (x < 0.09) return base.toLowerCase();
  if (x < 0.12) return `${base} | ${p.company.name}`;
  if (x < 0.14) return `${base}, ${r.pick(['EMEA', 'North America', 'DACH', 'APAC', 'Americas'])}`;
  return base;
}

const DOMAIN_TYPOS: Record<string, string[]> = {
  'gmail.com': ['gmial.com', 'gmail.con', 'gmai.com', 'gmail.co', 'gamil.com'],
  'hotmail.com': ['hotmial.com', 'hotmail.co', 'hotmai.com'],
  'yahoo.com': ['yaho.com', 'yahoo.con'],
  'outlook.com': ['outlok.com'],
  'gmx.de': ['gmx.de.', 'gmx.d'],
  'web.de': ['web.de.', 'wep.de'],
};

function renderEmail(r: Rand, email: string, first: string, last: string, style: LeadStyle): string {
  if (!email || !r.chance(style.emailMess)) return email;
  const [local, domain] = email.split('@') as [string, string];
  switch (r.int(0, 9)) {
    case 0:
      return email.toUpperCase();
    case 1:
      return `${local.replace(/(^|[._])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase())}@${domain.charAt(0).toUpperCase()}${domain.slice(1)}`;
    case 2:
      return ` ${email} `;
    case 3:
      return `mailto:${email}`;
    case 4:
      return `<${email}>`;
    case 5:
      return `${first} ${last} <${email}>`;
    case 6: {
      const t = DOMAIN_TYPOS[domain];
      return t ? `${local}@${r.pick(t)}` : `${email};`;
    }
    case 7:
      return `${email}.`;
    case 8:
      return `${local} @${domain}`;
    default:
      return `${email}\t`;
  }
}

/** Which row-level mutations to apply when rendering a person. */
interface RenderOpts {
  readonly ops: ReadonlySet<DuplicateOp>;
}

/** Renders a person into a row in `style`, applying duplicate mutations in `opts`. */
export function renderPerson(r: Rand, p: Person, style: LeadStyle, opts: RenderOpts = { ops: new Set() }): LeadRow {
  const ops = opts.ops;
  let first = p.first;
  let last = p.last;
  if (ops.has('nickname')) first = r.pick(VOCAB.nicknames[p.first] ?? [first]);
  if (ops.has('typo_first')) first = typo(r, first);
  if (ops.has('typo_last')) last = typo(r, last);
  if (p.middle && r.chance(0.3)) first = `${first} ${p.middle}${r.chance(0.5) ? '.' : ''}`;
  const firstR = renderNamePart(r, first, style);
  const lastR = renderNamePart(r, last, style);
  const fullName = r.chance(style.lastFirst) ? `${lastR.trim()}, ${firstR.trim()}` : `${firstR.trim()} ${lastR.trim()}`;
  let email = p.email;
  if (ops.has('email_personal')) {
    const germanic = p.lang === 'de';
    email = `${slug(p.first, germanic)}.${slug(p.last, germanic)}@${r.pick(VOCAB.locales[p.locale].freeMail)}`;
  }
  if (ops.has('drop_email')) email = '';
  let emailR = renderEmail(r, email, first, last, style);
  if (ops.has('email_case') && emailR) emailR = r.chance(0.5) ? emailR.toUpperCase() : emailR.replace(/^./, (c) => c.toUpperCase());
  const blank = (x: string): string => (r.chance(style.blankRate) ? '' : x);
  const phone = p.phone && !ops.has('drop_phone') ? blank(formatPhone(r, p.phone, p.ext, style.phone)) : '';
  const mobilePhone = p.mobile && !ops.has('drop_phone') ? formatPhone(r, p.mobile, '', style.phone) : '';
  const co = p.company;
  const dropAddr = ops.has('drop_address');
  let salutation = '';
  if (r.chance(style.salutation)) {
    const s = SALUTATIONS[style.salutationLang === 'local' ? p.lang : style.salutationLang];
    salutation = r.chance(0.08) ? s.dr : r.pick(s[p.gender]);
  }
  return {
    salutation,
    firstName: firstR,
    lastName: lastR,
    fullName,
    email: emailR,
    phone,
    mobilePhone,
    company: ops.has('drop_company') ? '' : renderCompany(r, co, style),
    website: ops.has('drop_company') ? '' : renderWebsite(r, co, style),
    title: ops.has('drop_title') ? '' : blank(renderTitle(r, p, style)),
    street: dropAddr ? '' : blank(co.street),
    city: dropAddr ? '' : renderCity(r, co.city, style),
    state: dropAddr ? '' : renderState(r, p.locale, co.city, style),
    postalCode: dropAddr ? '' : blank(renderPostal(r, p.locale, co.postal, style)),
    country: r.chance(style.blankRate / 2) ? '' : renderCountry(r, p.locale, style),
    leadSource: '',
    campaign: '',
    memberStatus: '',
    createdAt: '',
    notes: '',
  };
}

// ───────────────────────────── junk ─────────────────────────────

function renderJunk(r: Rand, reason: JunkReason, loc: Locale, pool: CompanyPool, style: LeadStyle): LeadRow {
  const J = VOCAB.junk;
  const stand = makePerson(r, 'junk', loc, pool);
  const base = renderPerson(r, stand, style);
  const row: LeadRow = { ...base };
  switch (reason) {
    case 'junk_name': {
      const [f, l] = r.pick(J.names);
      row.firstName = f;
      row.lastName = l;
      row.fullName = `${f} ${l}`;
      row.email = r.chance(0.5) ? r.pick(J.emails) : `${slug(f, false) || 'x'}.${slug(l, false) || 'x'}@${r.pick(['gmail.com', 'test.com', 'example.com'])}`;
      row.company = r.chance(0.5) ? r.pick(J.companies) : row.company;
      row.phone = r.chance(0.5) ? r.pick(J.phones) : '';
      row.title = r.chance(0.5) ? r.pick(J.titles) : row.title;
      row.mobilePhone = '';
      break;
    }
    case 'junk_email':
      row.email = r.pick(J.emails);
      row.phone = r.chance(0.6) ? r.pick(J.phones) : '';
      row.mobilePhone = '';
      break;
    case 'disposable_email': {
      const local = r.chance(0.5) ? slug(stand.first, false) + r.digits(2) : r.pick(J.keyboardRuns) + r.digits(3);
      row.email = `${local}@${r.pick(J.disposableDomains)}`;
      row.phone = '';
      row.mobilePhone = '';
      break;
    }
    case 'missing_contact':
      row.email = '';
      row.phone = '';
      row.mobilePhone = '';
      break;
    case 'keyboard_mash': {
      const a = r.pick(J.keyboardRuns);
      const b = r.pick(J.keyboardRuns);
      row.firstName = a;
      row.lastName = b;
      row.fullName = `${a} ${b}`;
      row.company = r.chance(0.6) ? r.pick(J.keyboardRuns) : r.pick(J.companies);
      row.email = `${a}@${b}.${r.pick(['com', 'de', 'fr', 'net'])}`.replace(/[^\x00-\x7f]/g, 'o');
      row.title = r.chance(0.5) ? r.pick(J.keyboardRuns) : '';
      row.phone = r.chance(0.5) ? r.pick(J.phones) : '';
      row.mobilePhone = '';
      row.website = '';
      break;
    }
  }
  return row;
}

// ───────────────────────────── the generator ─────────────────────────────

export interface GenerateLeadsOptions {
  readonly rows: number;
  readonly seed: number;
  /** Share of rows that repeat an earlier person of the same output (default 0.08). */
  readonly duplicateRate?: number;
  /** Share of junk rows (default 0.05). */
  readonly junkRate?: number;
  /** Locale weights (default: mostly US, then DE, GB, FR, …). */
  readonly locales?: Partial<Record<Locale, number>>;
  readonly style?: Partial<LeadStyle>;
  /** People who already exist elsewhere (e.g. in the CRM); `rate` of rows are one of them, rendered afresh. */
  readonly reuse?: { readonly people: readonly Person[]; readonly rate: number };
  /** Share of new people who work at the company of an earlier person (hard negatives for dedupe; default 0.05). */
  readonly colleagueRate?: number;
  /** Prefix of person and company ids (keep distinct per output when outputs are combined). */
  readonly idPrefix?: string;
  /** Junk reasons to draw from (default: all). */
  readonly junkReasons?: readonly JunkReason[];
  /** Campaign member statuses to draw from (duplicates may carry a different one). */
  readonly statuses?: readonly string[];
  readonly campaign?: string;
  readonly leadSource?: string;
  /** ISO dates bounding createdAt (default 2025-09-01 … 2026-03-15). */
  readonly dateRange?: readonly [string, string];
}

export interface GeneratedLeads {
  readonly rows: LeadRow[];
  readonly truth: LeadTruth;
  /** Every person that appears (new and reused), in order of first appearance. */
  readonly people: Person[];
  /** Dates behind createdAt (ms since epoch), for writers that need Date objects. */
  readonly times: number[];
}

export const DEFAULT_LOCALES: Partial<Record<Locale, number>> = {
  US: 0.42, DE: 0.12, GB: 0.12, FR: 0.07, CA: 0.06, NL: 0.05, ES: 0.05, CH: 0.04, AT: 0.03, AU: 0.04,
};

const DUP_OPS: readonly DuplicateOp[] = [
  'nickname', 'typo_first', 'typo_last', 'email_case', 'email_personal', 'drop_email', 'drop_phone', 'drop_title',
  'drop_company', 'drop_address',
];

function chooseOps(r: Rand, p: Person): DuplicateOp[] {
  const ops = new Set<DuplicateOp>(['reformat']);
  const n = r.int(1, 3);
  for (let i = 0; i < n; i++) {
    const op = r.pick(DUP_OPS);
    if (op === 'nickname' && !VOCAB.nicknames[p.first]) continue;
    ops.add(op);
  }
  // Keep the duplicate findable: a name change keeps the work email; a lost or private email keeps name and company.
  if (ops.has('nickname') && ops.has('typo_first')) ops.delete('typo_first');
  if (ops.has('email_personal') && ops.has('drop_email')) ops.delete('email_personal');
  const nameChanged = ops.has('nickname') || ops.has('typo_first') || ops.has('typo_last');
  const emailChanged = ops.has('email_personal') || ops.has('drop_email');
  if (nameChanged && emailChanged) {
    ops.delete('drop_company');
    ops.delete('drop_phone');
    if (ops.has('typo_last')) ops.delete('typo_last');
  }
  if (emailChanged) ops.delete('drop_company');
  if (ops.has('drop_email') && !p.phone && !p.mobile) ops.delete('drop_email');
  return [...ops];
}

/** Formats a Date as "YYYY-MM-DDTHH:MM:SSZ". */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/**
 * Generates `rows` synthetic leads with known duplicates and junk.
 * @example
 * const { rows, truth } = generateLeads({ rows: 200, seed: 7, duplicateRate: 0.1, junkRate: 0.05 });
 * rows[0].email //=> e.g. "j.smith@brightwave.com"
 * truth.clusters //=> [[3, 57], [10, 11, 121], …]
 */
export function generateLeads(opts: GenerateLeadsOptions): GeneratedLeads {
  const r = new Rand(opts.seed);
  const style: LeadStyle = { ...DEFAULT_STYLE, ...opts.style };
  const locales = opts.locales ?? DEFAULT_LOCALES;
  const dupRate = opts.duplicateRate ?? 0.08;
  const junkRate = opts.junkRate ?? 0.05;
  const colleagueRate = opts.colleagueRate ?? 0.05;
  const prefix = opts.idPrefix ?? '';
  const pool = new CompanyPool(prefix);
  const reasons = opts.junkReasons ?? JUNK_REASONS;
  const statuses = opts.statuses ?? [];
  const [d0, d1] = opts.dateRange ?? ['2025-09-01', '2026-03-15'];
  const t0 = Date.parse(`${d0}T00:00:00Z`);
  const t1 = Date.parse(`${d1}T23:59:59Z`);
  const reusable = opts.reuse ? opts.reuse.people.filter((p) => (locales[p.locale] ?? 0) > 0) : [];
  const reuseQueue = [...reusable];
  // Shuffle reusable people deterministically so reuse is spread out.
  for (let i = reuseQueue.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [reuseQueue[i], reuseQueue[j]] = [reuseQueue[j]!, reuseQueue[i]!];
  }

  const rows: LeadRow[] = [];
  const truth: RowTruth[] = [];
  const people: Person[] = [];
  const times: number[] = [];
  const firstRow = new Map<string, number>();
  const personById = new Map<string, Person>();
  let nPeople = 0;

  for (let i = 0; i < opts.rows; i++) {
    const x = r.next();
    let row: LeadRow;
    let t: RowTruth;
    // Time runs forward on the whole, with jitter, so duplicates usually come later.
    const time = Math.floor(t0 + ((t1 - t0) * (i + r.next() * 3)) / (opts.rows + 3));
    const status = statuses.length ? r.pick(statuses) : '';
    if (x < junkRate && i > 0) {
      const reason = r.pick(reasons);
      row = renderJunk(r, reason, r.weighted(locales), pool, style);
      t = { person: null, kind: 'junk', junkReason: reason };
    } else if (x < junkRate + dupRate && people.length > 0) {
      const p = r.pick(people);
      const ops = chooseOps(r, p);
      if (statuses.length > 1 && r.chance(0.6)) ops.push('status_changed');
      row = renderPerson(r, p, style, { ops: new Set(ops) });
      t = { person: p.id, kind: 'duplicate', duplicateOf: firstRow.get(p.id)!, ops };
    } else if (reuseQueue.length && x < junkRate + dupRate + (opts.reuse?.rate ?? 0)) {
      const p = reuseQueue.pop()!;
      row = renderPerson(r, p, style);
      if (!personById.has(p.id)) {
        people.push(p);
        personById.set(p.id, p);
        firstRow.set(p.id, i);
        t = { person: p.id, kind: 'reused' };
      } else t = { person: p.id, kind: 'duplicate', duplicateOf: firstRow.get(p.id)!, ops: ['reformat'] };
    } else {
      const id = `${prefix}P${String(++nPeople).padStart(4, '0')}`;
      let p: Person;
      let colleagueOf: number | undefined;
      if (people.length > 5 && r.chance(colleagueRate)) {
        const mate = r.pick(people);
        p = makePerson(r, id, mate.company.locale, pool, mate.company, r.chance(0.25) ? mate.last : undefined);
        colleagueOf = firstRow.get(mate.id);
      } else p = makePerson(r, id, r.weighted(locales), pool);
      people.push(p);
      personById.set(p.id, p);
      firstRow.set(p.id, i);
      row = renderPerson(r, p, style);
      t = colleagueOf === undefined ? { person: p.id, kind: 'new' } : { person: p.id, kind: 'colleague', colleagueOf };
    }
    // A duplicate carries a different status from the row it repeats when status_changed was chosen.
    if (t.kind === 'duplicate' && t.ops?.includes('status_changed')) {
      const prev = rows[t.duplicateOf!]!.memberStatus;
      row.memberStatus = statuses.find((s) => s !== prev) ?? status;
    } else row.memberStatus = status;
    row.campaign = opts.campaign ?? '';
    row.leadSource = opts.leadSource ?? '';
    row.createdAt = isoSeconds(time);
    rows.push(row);
    truth.push(t);
    times.push(time);
  }

  const byPerson = new Map<string, number[]>();
  truth.forEach((t, i) => {
    if (!t.person) return;
    const g = byPerson.get(t.person);
    if (g) g.push(i);
    else byPerson.set(t.person, [i]);
  });
  const clusters = [...byPerson.values()].filter((g) => g.length > 1);
  const junk = truth.flatMap((t, i) => (t.junkReason ? [{ row: i, reason: t.junkReason }] : []));
  return { rows, truth: { clusters, junk, rows: truth }, people, times };
}

/**
 * Creates `n` people (one per row, no duplicates or junk) — e.g. the contents of a CRM.
 * @example
 * createPeople({ n: 100, seed: 1, idPrefix: 'crm-' }).length //=> 100
 */
export function createPeople(opts: { n: number; seed: number; locales?: Partial<Record<Locale, number>>; idPrefix?: string }): Person[] {
  const r = new Rand(opts.seed);
  const pool = new CompanyPool(opts.idPrefix ?? '');
  const locales = opts.locales ?? DEFAULT_LOCALES;
  const out: Person[] = [];
  for (let i = 0; i < opts.n; i++) {
    const id = `${opts.idPrefix ?? ''}P${String(i + 1).padStart(4, '0')}`;
    if (out.length > 5 && r.chance(0.08)) {
      const mate = r.pick(out);
      out.push(makePerson(r, id, mate.locale, pool, mate.company));
    } else out.push(makePerson(r, id, r.weighted(locales), pool));
  }
  return out;
}
