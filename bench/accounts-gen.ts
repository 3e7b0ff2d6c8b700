/**
 * Deterministic generator of account lists and lead files with known answers, for
 * bench/accounts-accuracy.ts and bench/accounts.bench.ts.
 *
 * Accounts: invented distinctive names (syllables) with sector and boilerplate words and the
 * legal forms of their country, websites on the country's TLD, cities/states/phones from
 * scripts/gen/vocab.json. Hard families: shared brand word with different sectors (Delta Air
 * Lines / Delta Dental), generic-only names (Bank of the West / East), near spellings
 * (Stripe / Strix), parents with country subsidiaries on country domains (siemens.com /
 * siemens.de), one name in two countries.
 * Leads: variants of account names (case, legal form, typo, dropped words, acronym) with
 * corporate, free-mail or no email, and leads of companies that are not accounts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pick, rng } from './lib.js';
import type { Account, AccountLead } from '../src/match/accounts/index.js';

interface City {
  readonly city: string;
  readonly state?: string;
  readonly postal?: readonly string[];
  readonly area?: readonly string[];
}
interface Locale {
  readonly countryName: string;
  readonly countryForms: readonly string[];
  readonly dial: string;
  readonly legalForms: readonly string[];
  readonly tld: string;
  readonly freeMail: readonly string[];
  readonly industryWords: readonly string[];
  readonly cities: readonly City[];
}
const vocab = JSON.parse(readFileSync(fileURLToPath(new URL('../scripts/gen/vocab.json', import.meta.url)), 'utf8')) as {
  locales: Record<string, Locale>;
  companyStems: string[];
};
const COUNTRIES = Object.keys(vocab.locales);
const SECTORS = ['Software', 'Analytics', 'Systems', 'Health', 'Logistics', 'Energy', 'Foods', 'Dental', 'Air Lines', 'Media', 'Robotics', 'Capital', 'Insurance', 'Bank', 'Pharma', 'Labs', 'Networks', 'Consulting', 'Mining', 'Security'];
const BOILER = ['Group', 'Holdings', 'International', 'Global', 'Solutions', 'Services', 'Partners'];
const DIRECTIONS = ['West', 'East', 'North', 'South', 'Midwest', 'Pacific', 'Atlantic', 'Coast', 'Valley', 'Mountains'];
const ON = ['ka', 'lo', 'ver', 'tan', 'mi', 'zor', 'bel', 'qui', 'ra', 'den', 'sol', 'tri', 'vo', 'nex', 'cal', 'pho', 'gar', 'lum', 'sta', 'bri', 'cor', 'dal', 'fen', 'hel', 'jor', 'kel', 'mor', 'nor', 'pel', 'ros', 'sel', 'tor', 'ul', 'var', 'wen', 'xan', 'yor', 'zel'];
const CODA = ['ix', 'on', 'ara', 'eon', 'ia', 'ex', 'um', 'ent', 'ova', 'iq', 'ar', 'is', 'en', 'ora', 'ane', 'ity', 'ax', 'el'];

export interface GeneratedAccount extends Account {
  readonly id: string;
  readonly name: string;
  /** Family tag for reporting. */
  readonly family: string;
  readonly core: string;
  readonly sector: string;
  readonly countryCode: string;
}

export interface GeneratedLead extends AccountLead {
  /** The right account id, or null when the company is not an account. */
  readonly truth: string | null;
  readonly family: string;
}

function cap(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1);
}

/** Invents a pronounceable distinctive word of 2-3 syllables. */
function inventWord(r: () => number): string {
  const n = r() < 0.6 ? 1 : 2;
  let w = pick(r, ON);
  for (let i = 0; i < n; i++) w += pick(r, ON);
  return cap(w + pick(r, CODA));
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Two edits (substitutions) away, keeping the first letter. */
function twoEdits(r: () => number, w: string): string {
  const letters = 'abcdefghiklmnoprstuvxz';
  const a = w.split('');
  const pos = new Set<number>();
  while (pos.size < 2) pos.add(1 + Math.floor(r() * (a.length - 1)));
  for (const p of pos) {
    let c = a[p]!;
    while (c === a[p]) c = pick(r, letters.split(''));
    a[p] = c;
  }
  return a.join('');
}

/** One typo (drop, double or swap a letter) inside a word of 6+ letters. */
function typo(r: () => number, w: string): string {
  if (w.length < 6) return w;
  const p = 1 + Math.floor(r() * (w.length - 2));
  const k = r();
  if (k < 0.34) return w.slice(0, p) + w.slice(p + 1);
  if (k < 0.67) return w.slice(0, p) + w[p] + w.slice(p);
  return w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
}

function legalForm(r: () => number, cc: string): string {
  return pick(r, vocab.locales[cc]!.legalForms);
}

function geo(r: () => number, cc: string) {
  const L = vocab.locales[cc]!;
  const c = pick(r, L.cities);
  const area = c.area && c.area.length > 0 ? pick(r, c.area) : '1';
  const phone = `+${L.dial} ${area} ${String(1000000 + Math.floor(r() * 8999999)).slice(0, 7)}`;
  return { city: c.city, state: c.state, postal: c.postal ? pick(r, c.postal) : undefined, phone };
}

/**
 * Generates `n` accounts (about 8% in hard families) deterministically from `seed`.
 *
 * @example
 * generateAccounts(1000, 7).length //=> 1000
 */
export function generateAccounts(n: number, seed: number): GeneratedAccount[] {
  const r = rng(seed);
  const out: GeneratedAccount[] = [];
  const cores = new Set<string>();
  const freshCore = (): string => {
    for (;;) {
      const c = inventWord(r);
      if (!cores.has(slug(c))) {
        cores.add(slug(c));
        return c;
      }
    }
  };
  const add = (a: Omit<GeneratedAccount, 'id'>): GeneratedAccount => {
    const full = { id: `A${String(out.length + 1).padStart(7, '0')}`, ...a } as GeneratedAccount;
    out.push(full);
    return full;
  };
  while (out.length < n) {
    const k = r();
    const cc = pick(r, COUNTRIES);
    const L = vocab.locales[cc]!;
    const g = geo(r, cc);
    if (k < 0.03) {
      // Shared brand word, different sectors (Delta Air Lines / Delta Dental).
      const core = freshCore();
      const [s1, s2] = [pick(r, SECTORS), pick(r, SECTORS)];
      if (s1 === s2) continue;
      for (const s of [s1, s2]) {
        const gg = geo(r, cc);
        add({ name: `${core} ${s} ${legalForm(r, cc)}`, website: `https://www.${slug(core + s)}.${L.tld}`, country: L.countryName, state: gg.state ?? null, city: gg.city, phone: gg.phone, family: 'shared-brand', core, sector: s, countryCode: cc });
      }
    } else if (k < 0.045) {
      // Generic-only names (Bank of the West): sector + direction.
      const s = pick(r, ['Bank', 'Insurance', 'Energy', 'Health', 'Foods', 'Air Lines']);
      const d = pick(r, DIRECTIONS);
      const name = `${s} of the ${d}`;
      if (cores.has(slug(name))) continue;
      cores.add(slug(name));
      add({ name, website: `${slug(s + 'ofthe' + d)}.${L.tld}`, country: L.countryName, state: g.state ?? null, city: g.city, family: 'generic-only', core: d, sector: s, countryCode: cc });
    } else if (k < 0.07) {
      // Parent with country subsidiaries on country domains (siemens.com / siemens.de).
      const core = freshCore();
      const parent = add({ name: `${core} ${pick(r, ['Group', 'Holding', 'International', ''])} ${legalForm(r, cc)}`.replace(/\s+/g, ' '), website: `${slug(core)}.com`, country: L.countryName, city: g.city, employees: 50000, family: 'parent', core, sector: '', countryCode: cc });
      const subs = COUNTRIES.filter((c) => c !== cc && r() < 0.3).slice(0, 3);
      for (const sc of subs) {
        const SL = vocab.locales[sc]!;
        const sg = geo(r, sc);
        add({ name: `${core} ${r() < 0.5 ? SL.countryName + ' ' : ''}${legalForm(r, sc)}`, website: `${slug(core)}.${SL.tld}`, country: SL.countryName, state: sg.state ?? null, city: sg.city, phone: sg.phone, parentId: parent.id, employees: 2000, family: 'subsidiary', core, sector: '', countryCode: sc });
      }
    } else if (k < 0.085) {
      // One name, two countries, unrelated (no parent link, different domains).
      const core = freshCore();
      const s = r() < 0.5 ? ` ${pick(r, SECTORS)}` : '';
      const cc2 = pick(r, COUNTRIES.filter((c) => c !== cc));
      for (const c of [cc, cc2]) {
        const LL = vocab.locales[c]!;
        const gg = geo(r, c);
        add({ name: `${core}${s} ${legalForm(r, c)}`, website: `${slug(core + s)}-${c.toLowerCase()}.${LL.tld}`, country: LL.countryName, state: gg.state ?? null, city: gg.city, phone: gg.phone, family: 'two-countries', core, sector: s.trim(), countryCode: c });
      }
    } else {
      const core = r() < 0.25 ? `${freshCore()} ${inventWord(r)}` : freshCore();
      const s = r() < 0.6 ? pick(r, [...SECTORS, ...L.industryWords]) : '';
      const b = r() < 0.15 ? pick(r, BOILER) : '';
      const form = r() < 0.8 ? legalForm(r, cc) : '';
      const name = [core, s, b, form].filter(Boolean).join(' ');
      add({
        name,
        ...(r() < 0.85 ? { website: `${r() < 0.5 ? 'https://www.' : ''}${slug(core + (r() < 0.3 ? s : ''))}.${r() < 0.6 ? L.tld : 'com'}` } : {}),
        country: pick(r, [L.countryName, ...L.countryForms]),
        state: g.state ?? null,
        city: g.city,
        ...(r() < 0.5 ? { phone: g.phone } : {}),
        ...(g.postal && r() < 0.5 ? { postalCode: g.postal } : {}),
        contacts: Math.floor(r() * 20),
        family: 'plain',
        core,
        sector: s,
        countryCode: cc,
      });
    }
  }
  return out.slice(0, n);
}

function domainOf(a: GeneratedAccount): string | null {
  if (!a.website) return null;
  return a.website.replace(/^https?:\/\/(www\.)?/, '');
}

function acronym(name: string): string {
  return name
    .split(' ')
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/** Company name as a lead might type it. */
function variant(r: () => number, a: GeneratedAccount): { company: string; kind: string } {
  const words = a.name.split(' ');
  const k = r();
  if (k < 0.25) return { company: a.name, kind: 'same' };
  if (k < 0.4) return { company: a.name.toUpperCase(), kind: 'upper' };
  if (k < 0.55) return { company: [a.core, a.sector].filter(Boolean).join(' '), kind: 'no-legal-form' };
  if (k < 0.65) return { company: `${[a.core, a.sector].filter(Boolean).join(' ')} ${legalForm(r, pick(r, COUNTRIES))}`, kind: 'other-legal-form' };
  if (k < 0.75) {
    const core = a.core.split(' ').map((w) => typo(r, w)).join(' ');
    return { company: [core, a.sector].filter(Boolean).join(' '), kind: 'typo' };
  }
  if (k < 0.82 && a.sector) return { company: a.core, kind: 'brand-only' };
  if (k < 0.86 && words.length >= 3 && a.family === 'plain' && a.core.includes(' ') && a.sector && !a.sector.includes(' ')) {
    return { company: acronym(`${a.core} ${a.sector}`), kind: 'acronym' };
  }
  return { company: a.name.toLowerCase(), kind: 'lower' };
}

/**
 * Generates `n` leads against `accounts`: about 70% belong to an account (the truth), the
 * rest to companies that are not accounts, half of those hard negatives.
 *
 * @example
 * generateLeads(generateAccounts(1000, 7), 2000, 8).filter((l) => l.truth === null).length > 0 //=> true
 */
export function generateLeads(accounts: readonly GeneratedAccount[], n: number, seed: number): GeneratedLead[] {
  const r = rng(seed);
  const out: GeneratedLead[] = [];
  const cores = new Set(accounts.map((a) => slug(a.core)));
  const names = new Set(accounts.map((a) => slug(a.name)));
  const families = new Map<string, GeneratedAccount[]>();
  for (const a of accounts) {
    const f = families.get(a.family) ?? [];
    f.push(a);
    families.set(a.family, f);
  }
  const plainWithSector = accounts.filter((a) => a.family === 'plain' && a.sector && !a.core.includes(' '));
  const shortCores = accounts.filter((a) => a.family === 'plain' && !a.core.includes(' ') && a.core.length <= 8);
  const contact = (r2: () => number, cc: string, domain: string | null, kind: 'corp' | 'free' | 'none') => {
    const L = vocab.locales[cc]!;
    const local = pick(r2, ['jane.doe', 'j.smith', 'max', 'anna.berg', 'p.martin', 'lee']);
    const email = kind === 'corp' && domain ? `${local}@${domain}` : kind === 'none' ? null : `${local}${Math.floor(r2() * 100)}@${pick(r2, L.freeMail)}`;
    return email;
  };
  while (out.length < n) {
    const k = r();
    if (k < 0.7) {
      const a = pick(r, accounts);
      const { company, kind } = variant(r, a);
      const ek = r();
      const mail = ek < 0.55 ? 'corp' : ek < 0.9 ? 'free' : 'none';
      const cc = a.countryCode;
      const g = geo(r, cc);
      // Accounts that share their brand (subsidiaries, one name in two countries, Delta Air Lines / Delta Dental)
      // can only be told apart by the lead's domain or country: such leads always carry one of them.
      const shared = a.family !== 'plain' && a.family !== 'generic-only';
      if (shared && kind === 'brand-only' && mail !== 'corp') continue;
      const withCountry = (shared && mail !== 'corp') || r() < 0.8;
      const truth: string | null = a.id;
      out.push({
        company,
        email: contact(r, cc, domainOf(a), mail),
        country: withCountry ? cc : null,
        city: r() < 0.4 ? (a.city ?? g.city) : null,
        state: r() < 0.3 && a.state ? a.state : null,
        phone: r() < 0.3 && a.phone ? a.phone.replace(/\s/g, '') : null,
        truth,
        family: `${a.family}/${kind}/${mail}`,
      });
    } else {
      const cc = pick(r, COUNTRIES);
      const L = vocab.locales[cc]!;
      const h = r();
      let company: string;
      let family: string;
      let domain: string | null = null;
      if (h < 0.4) {
        let core = inventWord(r);
        while (cores.has(slug(core))) core = inventWord(r);
        company = `${core} ${r() < 0.6 ? pick(r, SECTORS) + ' ' : ''}${legalForm(r, cc)}`;
        domain = `${slug(core)}.${L.tld}`;
        family = 'negative/new';
      } else if (h < 0.55 && plainWithSector.length > 0) {
        // Same brand word, another sector (Delta Dental vs Delta Air Lines, Royal Mail vs Royal Bank).
        const a = pick(r, plainWithSector);
        let s = pick(r, SECTORS);
        while (s === a.sector || a.sector.includes(s)) s = pick(r, SECTORS);
        company = `${a.core} ${s}`;
        domain = `${slug(a.core + s)}.${L.tld}`;
        family = 'negative/other-sector';
      } else if (h < 0.7) {
        const s = pick(r, ['Bank', 'Insurance', 'Energy', 'Health', 'Foods', 'Air Lines']);
        const d = pick(r, DIRECTIONS);
        company = `${s} of the ${d}`;
        if (names.has(slug(company))) continue;
        family = 'negative/generic-only';
      } else if (h < 0.85 && shortCores.length > 0) {
        // Near spelling of an account's brand (Strix vs Stripe), two edits.
        const a = pick(r, shortCores);
        const core = cap(twoEdits(r, a.core.toLowerCase()));
        if (cores.has(slug(core))) continue;
        company = `${core}${r() < 0.5 ? ' ' + legalForm(r, cc) : ''}`;
        family = 'negative/near-spelling';
      } else {
        // Generic words only, shared with many accounts.
        company = `${pick(r, BOILER)} ${pick(r, SECTORS)} ${pick(r, BOILER)}`;
        if (names.has(slug(company))) continue;
        family = 'negative/generic-words';
      }
      const ek = r();
      out.push({
        company,
        email: contact(r, cc, domain, domain && ek < 0.5 ? 'corp' : ek < 0.9 ? 'free' : 'none'),
        country: r() < 0.8 ? cc : null,
        city: null,
        truth: null,
        family,
      });
    }
  }
  return out;
}
