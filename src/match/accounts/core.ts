import { LeadtidyError } from '../../core/errors.js';
import { compactKey, foldKey } from '../../core/text.js';
import { resolveAccountsSection, type AccountsSection, type AccountsSettings } from './schema.js';
import { acronymOf, camelParts, fuzzyTokenMatch } from './tokens.js';

/** An account as given by the user (a CRM export row). Only `id` and `name` are required. */
export interface Account {
  readonly id: string | number;
  readonly name?: string | null;
  readonly website?: string | null;
  /** Extra known domains (subsidiaries, country sites, mail domains): an array or a `,`/`;`/space-separated string. */
  readonly domains?: readonly string[] | string | null;
  /** Known contacts' email addresses: their company domains are added to the account's domains. */
  readonly emails?: readonly string[] | null;
  readonly country?: string | null;
  readonly state?: string | null;
  readonly city?: string | null;
  readonly phone?: string | null;
  readonly postalCode?: string | null;
  readonly parentId?: string | number | null;
  /** Number of contacts (the `mostContacts` tie-breaker); defaults to the number of `emails`. */
  readonly contacts?: number | string | null;
  /** Size, e.g. employees (the `largest` tie-breaker). */
  readonly employees?: number | string | null;
}

/** The fields of a clean lead record the matcher reads. */
export interface AccountLead {
  readonly company?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly website?: string | null | undefined;
  readonly country?: string | null | undefined;
  readonly state?: string | null | undefined;
  readonly city?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly postalCode?: string | null | undefined;
}

/** How the chosen account was found. */
export type MatchMethod = 'domain' | 'domain_label' | 'name_exact' | 'name_compact' | 'synonym' | 'acronym' | 'name_tokens' | 'none';

type NameKind = 'name_exact' | 'name_compact' | 'synonym' | 'acronym' | 'name_tokens';
type NameHit = { readonly score: number; readonly kind: NameKind; readonly detail: string };

/** One piece of evidence behind a score. */
export interface Evidence {
  readonly kind:
    | 'domain'
    | 'domain_label'
    | 'domain_mismatch'
    | 'name_exact'
    | 'name_compact'
    | 'synonym'
    | 'acronym'
    | 'name_tokens'
    | 'country'
    | 'country_mismatch'
    | 'state'
    | 'state_mismatch'
    | 'city'
    | 'phone'
    | 'postal_code'
    | 'tie_breaker'
    | 'ambiguous';
  readonly points: number;
  readonly detail: string;
}

/** A scored candidate account. */
export interface AccountCandidate {
  readonly accountId: string;
  readonly name: string;
  readonly score: number;
  readonly method: MatchMethod;
}

/** The answer for one lead. */
export interface AccountMatch {
  /** Index of the lead in the input. */
  readonly lead: number;
  /** The matched account, or null below the floor. */
  readonly accountId: string | null;
  /** 0..1; for null answers, the best candidate's score (0 without candidates). */
  readonly confidence: number;
  readonly method: MatchMethod;
  /** One line listing the evidence ("domain acme.com +0.90; name exact "acme" +0.85; country US +0.08"). */
  readonly explanation: string;
  /** The evidence behind the chosen account (or the best candidate of a null answer). */
  readonly evidence: readonly Evidence[];
  /** Top candidates, best first (the chosen one included). */
  readonly candidates: readonly AccountCandidate[];
  /** The matched account's parent, when the account file has one. */
  readonly parentId?: string;
}

/** Normalizers and word lists the matcher needs; the root entry binds the built-in ones. */
export interface AccountMatchDeps {
  /** Company match key (legal forms and stop words removed) and its compact form, or null. */
  readonly companyKey: (name: string) => { readonly key: string; readonly compactKey: string } | null;
  /** Registrable domain of a website URL or host, or null. */
  readonly websiteDomain: (website: string) => string | null;
  /** Registrable domain of an email address, or null. */
  readonly emailDomain: (email: string) => string | null;
  /** Whether a registrable domain is a free-mail (or disposable) provider. */
  readonly isFreeDomain: (domain: string) => boolean;
  /** ISO alpha-2 of a country as written, or null. */
  readonly country: (input: string) => string | null;
  /** Subdivision code without the country ("CA"), or null. */
  readonly state: (input: string, country: string | null) => string | null;
  /** E.164 of a phone number, or null. */
  readonly phone: (input: string, country: string | null) => string | null;
  /** Whether a single word is a country name ("germany", "nederland"): such words weigh like boilerplate. */
  readonly isPlaceName?: (word: string) => boolean;
  /** Generic company words per language code: boilerplate (Group, Holding) and sector words (Bank, Dental). */
  readonly genericWords: Readonly<Record<string, { readonly boilerplate: readonly string[]; readonly sector: readonly string[] }>>;
}

/** Options of {@link AccountMatcher.createAccountIndex} and friends. */
export interface AccountIndexOptions {
  /** A rule pack (raw JSON or compiled) whose `accounts` section is used; or pass `section`. */
  readonly pack?: unknown;
  /** The `accounts` section itself (wins over `pack`). */
  readonly section?: AccountsSection;
}

/** An account as stored in the index (and in its JSON). Empty strings mean "unknown". */
export interface PreparedAccount {
  readonly id: string;
  readonly name: string;
  readonly key: string;
  readonly compact: string;
  readonly tokens: readonly string[];
  readonly parts: readonly string[];
  readonly acronym: string;
  readonly domains: readonly string[];
  readonly country: string;
  readonly state: string;
  readonly city: string;
  readonly phone: string;
  readonly postal: string;
  readonly parentId: string;
  readonly contacts: number;
  readonly size: number;
}

/** Serialized index, from `toJSON()`. */
export interface AccountIndexJSON {
  readonly format: 'leadtidy-account-index';
  readonly version: 1;
  readonly accounts: readonly PreparedAccount[];
}

/** A reusable account index. */
export interface AccountIndex {
  /** Matches one lead (clean record). */
  match(lead: Readonly<AccountLead>, leadIndex?: number): AccountMatch;
  /** Matches many leads. */
  matchAll(leads: readonly Readonly<AccountLead>[]): AccountMatch[];
  /** Adds accounts without rebuilding; returns how many were added (duplicate ids are skipped). */
  add(accounts: readonly Account[]): number;
  /** Candidate accounts for a typed company name (interactive search): ids and names, best first. */
  candidatesForName(query: string, limit?: number): PreparedAccount[];
  /** The prepared account with this id. */
  get(id: string): PreparedAccount | undefined;
  /** Number of accounts. */
  readonly size: number;
  /** Serializable form; reload with `loadAccountIndex`. */
  toJSON(): AccountIndexJSON;
}

const NAME_RANK: Readonly<Record<NameKind, number>> = { name_exact: 5, name_compact: 4, synonym: 3, acronym: 2, name_tokens: 1 };
const MAX_OPEN = 64;
const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);
const NO_CANDIDATES: readonly AccountCandidate[] = Object.freeze([]);
const KIND_LABEL: Readonly<Record<Evidence['kind'], string>> = {
  domain: 'domain',
  domain_label: 'domain label',
  domain_mismatch: 'domain mismatch',
  name_exact: 'name exact',
  name_compact: 'name compact',
  synonym: 'synonym',
  acronym: 'acronym',
  name_tokens: 'name tokens',
  country: 'country',
  country_mismatch: 'country mismatch',
  state: 'state',
  state_mismatch: 'state mismatch',
  city: 'city',
  phone: 'phone',
  postal_code: 'postal code',
  tie_breaker: 'tie breaker',
  ambiguous: 'ambiguous',
};
/** Candidates opened by words alone that are scored in full (by the weight of the words they share). */
const MAX_FULL = 16;
const NO_PARTS: readonly string[] = [];
const NO_HITS: Array<{ i: number; ne: NameHit }> = [];
const LEAD_CACHE = 100_000;
const SPLIT = /[\s,;|]+/;
const INTERNATIONAL = /^\+[1-9][\d \-().]{6,24}$/;
// Lead values already in their clean form (a regex literal inside a function is a new object per call).
const ALPHA2 = /^[A-Z]{2}$/;
const STATE_CODE = /^[A-Z0-9]{1,3}$/;
const E164 = /^\+\d{6,15}$/;

function settingsOf(options: AccountIndexOptions | undefined): AccountsSettings {
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new LeadtidyError('options', 'account matching: options must be an object');
  if (options?.section !== undefined) return resolveAccountsSection(options.section);
  const pack = options?.pack as { resolved?: { accounts?: unknown }; accounts?: unknown } | undefined;
  if (pack === undefined || pack === null) return resolveAccountsSection(undefined);
  if (typeof pack !== 'object') throw new LeadtidyError('options', 'account matching: pack must be an object');
  return resolveAccountsSection(pack.resolved?.accounts ?? pack.accounts);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

function num(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const n = Number(v.replace(/[\s,_]/g, ''));
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

/**
 * A vocabulary word of the index: its postings (account numbers) and its class, found once when the
 * word is first indexed, so a lookup of the word gives its document frequency and class with it.
 */
interface Word {
  readonly w: string;
  readonly ids: number[];
  /** 0 distinctive, 1 sector, 2 boilerplate. */
  readonly cls: number;
}

function push(map: Map<string, number[]>, k: string, i: number): void {
  const a = map.get(k);
  if (a === undefined) map.set(k, [i]);
  else if (a[a.length - 1] !== i) a.push(i);
}

const TIGHT_COMMA = /,(?=[^\s,])/g;

/** "Unilever NV,NL" → "Unilever NV, NL", so the company unit sees the legal form and drops the qualifier after it. */
function spaceCommas(s: string): string {
  return s.includes(',') ? s.replace(TIGHT_COMMA, ', ') : s;
}

/** Whether a domain's label spells a name (its compact key, or starts with its first word). */
function spells(domain: string, name: { readonly compact: string; readonly tokens: readonly string[] }): boolean {
  const l = label(domain).replace(/-/g, '');
  const first = name.tokens[0] ?? '';
  return l === name.compact || (first.length >= 4 && l.startsWith(first));
}

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function signed(x: number): string {
  return (x >= 0 ? '+' : '') + x.toFixed(2);
}

function label(domain: string): string {
  const dot = domain.indexOf('.');
  return dot > 0 ? domain.slice(0, dot) : domain;
}

interface LeadName {
  readonly key: string;
  readonly compact: string;
  readonly tokens: readonly string[];
  readonly parts: readonly string[];
  readonly acronym: string;
  /** Name candidates with their evidence, once computed (per index). */
  hits: Array<{ i: number; ne: NameHit }> | undefined;
  /** Word weights, classes and index entries, for index version `v`. */
  lw: number[] | undefined;
  lc: number[] | undefined;
  le: Array<Word | undefined> | undefined;
  v: number;
}

/** A lead name with every field present from the start (one object shape for the hot paths). */
function newLeadName(key: string, compact: string, parts: readonly string[]): LeadName {
  const tokens = key.split(' ');
  return { key, compact, tokens, parts, acronym: acronymOf(tokens), hits: undefined, lw: undefined, lc: undefined, le: undefined, v: -1 };
}

/** Per-account evidence objects, shared by the answers (frozen). */
interface AccountEvidence {
  readonly domain: Array<Evidence | undefined>;
  exact: Evidence | undefined;
  country: Evidence | undefined;
  state: Evidence | undefined;
  city: Evidence | undefined;
  phone: Evidence | undefined;
  postal: Evidence | undefined;
}

interface Scored {
  readonly i: number;
  /** Strength of the name evidence: exact 5, compact 4, synonym 3, acronym 2, tokens 1, none 0. */
  nameRank: number;
  score: number;
  method: MatchMethod;
  /** The name evidence used (to re-score the winner with its evidence list). */
  ne: NameHit | null;
}

/**
 * Builds the account-matching functions over the given normalizers and word lists
 * (the root entry binds the built-in ones).
 *
 * @example
 * const { createAccountIndex } = createAccountMatcher(myDeps);
 * createAccountIndex([{ id: 'A1', name: 'Acme Inc.', website: 'acme.com' }]).match({ email: 'jo@acme.com' }).accountId
 * //=> 'A1'
 */
export function createAccountMatcher(deps: AccountMatchDeps) {
  function prepare(a: Account): PreparedAccount | null {
    if (typeof a !== 'object' || a === null) return null;
    const id = str(a.id);
    if (id === '') return null;
    const name = str(a.name);
    const ck = name ? deps.companyKey(spaceCommas(name)) : null;
    const key = ck?.key ?? '';
    const tokens = key ? key.split(' ') : [];
    const domains = new Set<string>();
    const addDomain = (d: string | null): void => {
      if (d && !deps.isFreeDomain(d)) domains.add(d);
    };
    const website = str(a.website);
    if (website) addDomain(deps.websiteDomain(website));
    const extra = typeof a.domains === 'string' ? a.domains.split(SPLIT) : Array.isArray(a.domains) ? a.domains : [];
    for (const d of extra) if (typeof d === 'string' && d.trim()) addDomain(deps.websiteDomain(d.trim()));
    const emails = Array.isArray(a.emails) ? a.emails : [];
    for (const e of emails) if (typeof e === 'string' && e.includes('@')) addDomain(deps.emailDomain(e));
    const country = str(a.country) ? (deps.country(str(a.country)) ?? '') : '';
    const stateIn = str(a.state);
    const state = stateIn ? (deps.state(stateIn, country || null) ?? '') : '';
    const phoneIn = str(a.phone);
    // Already international ("+49 89 636 00"): the digits are enough for prefix evidence, no need to parse.
    const e164 = phoneIn ? (INTERNATIONAL.test(phoneIn) ? phoneIn : deps.phone(phoneIn, country || null)) : null;
    const contacts = a.contacts !== undefined && a.contacts !== null ? num(a.contacts) : emails.length;
    return {
      id,
      name,
      key,
      compact: ck?.compactKey ?? '',
      tokens,
      parts: name ? camelParts(name) : [],
      acronym: acronymOf(tokens),
      domains: [...domains],
      country,
      state,
      city: str(a.city) ? foldKey(str(a.city)) : '',
      phone: e164 ? e164.replace(/\D/g, '') : '',
      postal: str(a.postalCode) ? compactKey(str(a.postalCode)) : '',
      parentId: str(a.parentId),
      contacts,
      size: num(a.employees),
    };
  }

  function buildIndex(settings: AccountsSettings, initial: readonly PreparedAccount[]): AccountIndex {
    const S = settings;
    const W = S.weights;
    const NS = S.name;
    const accounts: PreparedAccount[] = [];
    const byId = new Map<string, number>();
    const domainMap = new Map<string, number[]>();
    const labelMap = new Map<string, number[]>();
    const keyMap = new Map<string, number[]>();
    const compactMap = new Map<string, number[]>();
    const acronymMap = new Map<string, number[]>();
    const postings = new Map<string, Word>();
    const childCount = new Map<string, number>();
    // Per account: its acronyms (acronymsOf), found once at insert.
    const accAcronyms: Array<readonly string[]> = [];
    // Fuzzy buckets (built on first need), by length and two of the word's three thirds (first two, last
    // two, first and last): one edit leaves two thirds intact, so a misspelt word shares a bucket with the right one.
    // One map per (word length, key kind), so a lookup hashes only the slice (no "P7abcd" concatenation).
    let fuzzy: Array<Map<string, string[]> | undefined> | null = null;
    // Vocabulary in sorted order (built on first need) for "words starting with" lookups.
    let sortedVocab: string[] | null = null;
    let vocabRanges = new Map<string, [number, number]>();

    // Word classes: 2 = boilerplate (Group, Holding, Koninklijke), 1 = sector (Bank, Dental, Software), 0 = distinctive.
    const classes = new Map<string, number>();
    for (const lang of S.languages) {
      const lists = Object.prototype.hasOwnProperty.call(deps.genericWords, lang) ? deps.genericWords[lang]! : { boilerplate: [], sector: [] };
      for (const w of lists.sector) classes.set(foldKey(w), 1);
      for (const w of lists.boilerplate) classes.set(foldKey(w), 2);
    }
    for (const w of S.genericWords) classes.set(foldKey(w), 1);
    for (const w of S.boilerplateWords) classes.set(foldKey(w), 2);
    for (const w of S.distinctiveWords) classes.delete(foldKey(w));
    // Single letters (initials, the stray "S" of "U. S.") are boilerplate; compounds ending in a generic
    // word of 5+ letters take its class (Gloeilampenfabrieken, Patentverwaltung, Researchmaatschappij).
    let classMemo = new Map<string, number>();
    const wordClass = (t: string): number => {
      if (t.length === 1) return 2;
      const c = classes.get(t);
      if (c !== undefined) return c;
      if (t.length < 4) return 0;
      if (t.length < 9) return deps.isPlaceName?.(t) ? 2 : 0;
      let hit = classMemo.get(t);
      if (hit === undefined) {
        hit = deps.isPlaceName?.(t) ? 2 : 0;
        for (let k = 3; k <= t.length - 5 && hit === 0; k++) hit = classes.get(t.slice(k)) ?? 0;
        if (classMemo.size > LEAD_CACHE) classMemo = new Map();
        classMemo.set(t, hit);
      }
      return hit;
    };
    const isGeneric = (t: string): boolean => wordClass(t) !== 0;

    // Synonym groups by match key: key → group number.
    const synonymOf = new Map<string, number>();
    const groups: string[][] = [];
    for (const g of S.synonyms) {
      const keys = g.map((n) => deps.companyKey(n)?.key ?? '').filter((k) => k !== '');
      const gi = groups.length;
      groups.push(keys);
      for (const k of keys) synonymOf.set(k, gi);
    }

    function addFuzzy(t: string): void {
      if (fuzzy === null || t.length < 5) return;
      const m = t.length;
      const a = Math.ceil(m / 3);
      addBucket(fuzzy, m * 3, t.slice(0, m - a), t);
      addBucket(fuzzy, m * 3 + 1, t.slice(a), t);
      addBucket(fuzzy, m * 3 + 2, `${t.slice(0, a)}|${t.slice(m - a)}`, t);
    }

    function addBucket(F: Array<Map<string, string[]> | undefined>, slot: number, k: string, t: string): void {
      const map = (F[slot] ??= new Map());
      const a = map.get(k);
      if (a === undefined) map.set(k, [t]);
      else a.push(t);
    }

    function insert(p: PreparedAccount): boolean {
      if (byId.has(p.id)) return false;
      const i = accounts.length;
      accounts.push(p);
      byId.set(p.id, i);
      for (const d of p.domains) {
        push(domainMap, d, i);
        const l = label(d);
        if (l.length >= 3 && !isGeneric(l)) push(labelMap, l, i);
      }
      if (p.key) push(keyMap, p.key, i);
      if (p.compact) push(compactMap, p.compact, i);
      const acs = acronymsOf(p);
      for (const ac of acs) push(acronymMap, ac, i);
      accAcronyms.push(acs.length === 0 ? NO_PARTS : acs);
      for (const t of p.tokens) {
        const e = postings.get(t);
        if (e === undefined) {
          const n: Word = { w: t, ids: [i], cls: wordClass(t) };
          postings.set(t, n);
          addFuzzy(t);
          sortedVocab = null;
        } else if (e.ids[e.ids.length - 1] !== i) e.ids.push(i);
      }
      for (const t of p.parts) {
        const e = postings.get(t);
        if (e === undefined) postings.set(t, { w: t, ids: [i], cls: wordClass(t) });
        else if (e.ids[e.ids.length - 1] !== i) e.ids.push(i);
      }
      if (p.parentId) childCount.set(p.parentId, (childCount.get(p.parentId) ?? 0) + 1);
      return true;
    }

    for (const p of initial) insert(p);

    const groupCache = new Map<number, LeadName[]>();
    function groupNames(g: number): LeadName[] {
      let hit = groupCache.get(g);
      if (hit === undefined) {
        hit = groups[g]!.map((k) => newLeadName(k, k.replace(/ /g, ''), []));
        groupCache.set(g, hit);
      }
      return hit;
    }

    /** The account's acronym, and the one without its boilerplate words ("Lomorora Calulel Analytics Holdings" → LCAH, LCA). */
    function acronymsOf(p: PreparedAccount): string[] {
      if (p.acronym.length < 3) return [];
      const core = p.tokens.filter((t) => wordClass(t) !== 2);
      const alt = core.length < p.tokens.length ? acronymOf(core) : '';
      return alt.length >= 3 ? [p.acronym, alt] : [p.acronym];
    }

    function fuzzyIndex(): Array<Map<string, string[]> | undefined> {
      if (fuzzy === null) {
        fuzzy = [];
        for (const t of postings.keys()) addFuzzy(t);
      }
      return fuzzy;
    }

    /** Vocabulary tokens within the fuzzy distance of `t` (not `t` itself). */
    function fuzzyNeighbours(t: string): string[] {
      if (t.length < 5) return [];
      const F = fuzzyIndex();
      // Only accepted words are deduplicated (a short array); a word met again in another bucket is just
      // re-tested, and a different first letter rules a word out before the edit distance.
      const out: string[] = [];
      const n = t.length;
      // Lengths one apart (one insertion or deletion); two-edit matches of long words are found when the
      // length is kept (two substitutions, a transposition and a substitution).
      for (let m = Math.max(5, n - 1); m <= n + 1; m++) {
        const a = Math.ceil(m / 3);
        if (m - a <= n) {
          consider(t, F[m * 3]?.get(t.slice(0, m - a)), out);
          consider(t, F[m * 3 + 1]?.get(t.slice(n - (m - a))), out);
        }
        consider(t, F[m * 3 + 2]?.get(`${t.slice(0, a)}|${t.slice(n - a)}`), out);
      }
      // A swap of two letters across a third's boundary breaks all three keys: undo it and look the word up.
      const a = Math.ceil(n / 3);
      for (const p of [a - 1, n - a - 1]) {
        if (p < 1 || p + 1 >= n) continue;
        const v = t.slice(0, p) + t[p + 1] + t[p] + t.slice(p + 2);
        if (postings.has(v) && v !== t && !out.includes(v) && fuzzyTokenMatch(t, v)) out.push(v);
      }
      return out;
    }

    function consider(t: string, bucket: readonly string[] | undefined, out: string[]): void {
      if (bucket === undefined) return;
      const first = t[0];
      for (const c of bucket) if (c[0] === first && c !== t && !out.includes(c) && fuzzyTokenMatch(t, c)) out.push(c);
    }

    /** Vocabulary words that start with `t` and are at least `extra` letters longer (at most 64). */
    function wordsStartingWith(t: string, extra: number): Word[] {
      if (sortedVocab === null) {
        sortedVocab = [...postings.keys()].sort();
        // Where each 4-letter start begins and ends in the sorted words: the binary search runs only
        // inside that short range (fewer far reads into a big array).
        vocabRanges = new Map();
        for (let i = 0; i < sortedVocab.length; i++) {
          const w = sortedVocab[i]!;
          if (w.length < 4) continue;
          const p = w.slice(0, 4);
          const r = vocabRanges.get(p);
          if (r === undefined) vocabRanges.set(p, [i, i + 1]);
          else r[1] = i + 1;
        }
      }
      const V = sortedVocab;
      let lo = 0;
      let hi = V.length;
      if (t.length >= 4) {
        const r = vocabRanges.get(t.slice(0, 4));
        if (r === undefined) return [];
        lo = r[0];
        hi = r[1];
      }
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (V[mid]! < t) lo = mid + 1;
        else hi = mid;
      }
      const out: Word[] = [];
      for (let i = lo; i < V.length && out.length < 64 && V[i]!.startsWith(t); i++) if (V[i]!.length >= t.length + extra) out.push(postings.get(V[i]!)!);
      return out;
    }

    // Index version: bumped when accounts are added (word weights change with the counts).
    let version = 0;
    const accWeights: Array<number[] | undefined> = [];
    const accClasses: Array<number[] | undefined> = [];
    const accVersion: number[] = [];
    const idf = (df: number): number => Math.log(1 + (accounts.length + 1) / (df + 1));
    const classWeight = [1, NS.genericWeight, NS.boilerplateWeight] as const;

    // Two generations: when the current one is full it becomes the previous one, so names that keep
    // coming back survive the turnover (a file's big accounts).
    let leadCache = new Map<string, LeadName | null>();
    let leadCacheOld = new Map<string, LeadName | null>();
    function leadName(company: string): LeadName | null {
      let hit = leadCache.get(company);
      if (hit !== undefined || leadCache.has(company)) return hit ?? null;
      hit = leadCacheOld.get(company);
      if (hit === undefined && !leadCacheOld.has(company)) {
        const ck = deps.companyKey(spaceCommas(company));
        const parts = camelParts(company);
        hit = ck ? newLeadName(ck.key, ck.compactKey, parts.length === 0 ? NO_PARTS : parts) : null;
      }
      if (leadCache.size >= LEAD_CACHE) {
        leadCacheOld = leadCache;
        leadCache = new Map();
      }
      leadCache.set(company, hit ?? null);
      return hit ?? null;
    }

    /** Whether `short` is a word part of `long`: CamelCase part, or a prefix whose rest is a known word. */
    function isPart(short: string, long: string, longParts: readonly string[]): boolean {
      if (short.length < 3 || long.length < short.length + 3 || !long.startsWith(short)) return false;
      if (short.length === 3 && !(isGeneric(short) && isGeneric(long))) return false;
      if (longParts.includes(short)) return true;
      // Abbreviated generic words: "Tech" ↔ "Technology", "Intl" is listed as its own word.
      if (isGeneric(short) && isGeneric(long)) return true;
      const rest = long.slice(short.length);
      return postings.has(rest) || isGeneric(rest);
    }

    /** The lead name's word weights (and classes in `ln.lc`), computed once per index version. */
    function leadWeights(ln: LeadName): number[] {
      if (ln.v !== version || ln.lw === undefined) {
        // map() allocates exactly n slots (push would reserve 17 per cached array).
        const le = ln.tokens.map((t) => postings.get(t));
        const lc = ln.tokens.map((t, k) => le[k]?.cls ?? wordClass(t));
        const lw = lc.map((c, k) => idf(le[k]?.ids.length ?? 0) * classWeight[c]!);
        ln.lw = lw;
        ln.lc = lc;
        ln.le = le;
        ln.v = version;
      }
      return ln.lw;
    }

    /** Token similarity of a lead name and an account, and whether a distinctive token is shared. */
    function tokenSimilarity(ln: LeadName, a: PreparedAccount, ai: number): { sim: number; shared: string[] } {
      const at = a.tokens;
      const lw = leadWeights(ln);
      const lc = ln.lc!;
      let aw: number[];
      let ac: number[];
      if (ai >= 0 && accVersion[ai] === version) {
        aw = accWeights[ai]!;
        ac = accClasses[ai]!;
      } else {
        const ae = at.map((t) => postings.get(t));
        ac = at.map((t, j) => ae[j]?.cls ?? wordClass(t));
        aw = ac.map((c, j) => idf(ae[j]?.ids.length ?? 0) * classWeight[c]!);
        if (ai >= 0) {
          // Filled up to the index size first: stores far past the end would turn the arrays into dictionaries.
          while (accVersion.length < accounts.length) {
            accWeights.push(undefined);
            accClasses.push(undefined);
            accVersion.push(-1);
          }
          accWeights[ai] = aw;
          accClasses[ai] = ac;
          accVersion[ai] = version;
        }
      }
      const used = new Array<boolean>(at.length).fill(false);
      let m = 0;
      let pairs = 0;
      // Unmatched weight per side: [distinctive + boilerplate, sector].
      let uL = 0;
      let uLs = 0;
      const shared: string[] = [];
      for (let li = 0; li < ln.tokens.length; li++) {
        const l = ln.tokens[li]!;
        let best = -1;
        let bf = 0;
        for (let j = 0; j < at.length; j++) {
          if (used[j]) continue;
          const t = at[j]!;
          if (t === l) {
            best = j;
            bf = 1;
            break;
          }
          let f = 0;
          if (fuzzyTokenMatch(l, t)) f = NS.fuzzyFactor;
          else if (isPart(l, t, a.parts) || isPart(t, l, ln.parts)) f = NS.partFactor;
          if (f > bf) {
            bf = f;
            best = j;
          }
        }
        if (best >= 0) {
          used[best] = true;
          const t = at[best]!;
          const w = t === l ? aw[best]! : Math.min(aw[best]!, lw[li]!);
          m += bf * w;
          pairs += w;
          if (ac[best] === 0) shared.push(t === l ? t : `${l}~${t}`);
        } else if (lc[li] === 1) uLs += lw[li]!;
        else uL += lw[li]!;
      }
      if (m === 0) return { sim: 0, shared };
      let uA = 0;
      let uAs = 0;
      for (let j = 0; j < at.length; j++) {
        if (used[j]) continue;
        if (ac[j] === 1) uAs += aw[j]!;
        else uA += aw[j]!;
      }
      // A sector word the lead has and the account lacks is a conflict (Delta Dental vs Delta Air Lines, Acme
      // Analytics vs Acme Group); one only the account has is a qualifier leads often drop (Philips for Philips
      // Electronics), unless the lead brings its own.
      const conflict = uLs > 0;
      const covL = m / (pairs + uL + uLs * NS.sectorConflictFactor);
      const covA = m / (pairs + uA + uAs * (conflict ? NS.sectorConflictFactor : NS.oneSidedSectorFactor));
      const hi = Math.max(covL, covA);
      const lo = Math.min(covL, covA);
      return { sim: Math.min(1, NS.coverageBalance * hi + (1 - NS.coverageBalance) * lo), shared };
    }

    // Name evidence is scored for every candidate (and cached per name) but shown only for the winner: its
    // detail text is written only when asked for (the same pure computation, so the same score and kind).
    const EXACT: NameHit = { score: NS.exact, kind: 'name_exact', detail: '' };
    const COMPACT: NameHit = { score: NS.compact, kind: 'name_compact', detail: '' };
    const ACRONYM: NameHit = { score: NS.acronym, kind: 'acronym', detail: '' };
    function nameEvidence(ln: LeadName | null, a: PreparedAccount, ai = -1, withDetail = false): NameHit | null {
      if (ln === null || a.key === '') return null;
      if (ln.key === a.key) return withDetail ? { score: NS.exact, kind: 'name_exact', detail: `"${a.key}"` } : EXACT;
      if (ln.compact === a.compact && ln.compact.length >= 3)
        return withDetail ? { score: NS.compact, kind: 'name_compact', detail: `"${ln.key}" = "${a.key}" without spaces` } : COMPACT;
      const g = synonymOf.get(ln.key);
      if (g !== undefined) {
        let best = 0;
        let via = '';
        for (const m of groupNames(g)) {
          if (m.key === ln.key) continue;
          const sim = m.key === a.key ? 1 : tokenSimilarity(m, a, ai).sim;
          if (sim > best && sim >= NS.minTokenSimilarity) {
            best = sim;
            via = m.key;
          }
        }
        if (best > 0) return { score: NS.synonym * best, kind: 'synonym', detail: withDetail ? `"${ln.key}" ↔ "${via}" (pack synonyms)` : '' };
      }
      if (ln.tokens.length === 1 && ln.compact.length >= 3 && (ai >= 0 ? accAcronyms[ai]! : acronymsOf(a)).includes(ln.compact))
        return withDetail ? { score: NS.acronym, kind: 'acronym', detail: `"${ln.key}" = initials of "${a.key}"` } : ACRONYM;
      if (ln.acronym.length >= 3 && a.compact === ln.acronym && a.tokens.length === 1)
        return withDetail ? { score: NS.acronym, kind: 'acronym', detail: `initials of "${ln.key}" = "${a.key}"` } : ACRONYM;
      const { sim, shared } = tokenSimilarity(ln, a, ai);
      if (shared.length === 0 || sim < NS.minTokenSimilarity) return null;
      return { score: sim, kind: 'name_tokens', detail: withDetail ? `${(sim * 100).toFixed(0)}% of weighted words shared (${shared.join(', ')})` : '' };
    }

    interface LeadFacts {
      name: LeadName | null;
      domains: string[];
      freeDomain: string;
      country: string;
      state: string;
      city: string;
      phone: string;
      postal: string;
    }

    function facts(lead: Readonly<AccountLead>): LeadFacts {
      const company = str(lead.company);
      const domains: string[] = [];
      let freeDomain = '';
      const email = str(lead.email);
      if (email.includes('@')) {
        const d = deps.emailDomain(email);
        if (d) {
          if (deps.isFreeDomain(d)) freeDomain = d;
          else domains.push(d);
        }
      }
      const website = str(lead.website);
      if (website) {
        const d = deps.websiteDomain(website);
        if (d && !deps.isFreeDomain(d) && !domains.includes(d)) domains.push(d);
      }
      const countryIn = str(lead.country);
      const country = countryIn === '' ? '' : ALPHA2.test(countryIn) ? countryIn : (deps.country(countryIn) ?? '');
      const stateIn = str(lead.state);
      const state = stateIn === '' ? '' : STATE_CODE.test(stateIn) ? stateIn : (deps.state(stateIn, country || null) ?? '');
      const phoneIn = str(lead.phone);
      const phone = phoneIn === '' ? '' : E164.test(phoneIn) ? phoneIn.slice(1) : (deps.phone(phoneIn, country || null)?.replace(/\D/g, '') ?? '');
      return {
        name: company ? leadName(company) : null,
        domains,
        freeDomain,
        country,
        state,
        city: str(lead.city) ? foldKey(str(lead.city)) : '',
        phone,
        postal: str(lead.postalCode) ? compactKey(str(lead.postalCode)) : '',
      };
    }

    // Evidence that depends on the account alone (its domain, exact name, country, state, city, phone and
    // postal prefix) is one frozen object per account, shared by every answer that cites it: a million
    // answers keep far fewer objects alive for the garbage collector to copy.
    const accEvidence: Array<AccountEvidence | undefined> = [];
    function sharedEvidence(i: number): AccountEvidence {
      // Filled up to the index size, so the array keeps fast elements (no far out-of-bounds stores).
      while (accEvidence.length < accounts.length) accEvidence.push(undefined);
      let e = accEvidence[i];
      if (e === undefined) {
        e = { domain: [], exact: undefined, country: undefined, state: undefined, city: undefined, phone: undefined, postal: undefined };
        accEvidence[i] = e;
      }
      return e;
    }

    /**
     * Scores account `i` for the lead. Evidence (with its detail strings) is written only when `ev` is
     * given: the bulk path scores every candidate without it and re-scores the winner with it (same sums).
     */
    function score(f: LeadFacts, i: number, cached?: NameHit | null, ev?: Evidence[]): Scored | null {
      const a = accounts[i]!;
      let s = 0;
      let method: MatchMethod = 'none';
      let primary = false;
      let ownSpelling = false;
      const exact = f.domains.find((d) => a.domains.includes(d));
      if (exact !== undefined) {
        s += W.domain;
        ev?.push(sharedEvidence(i).domain[a.domains.indexOf(exact)] ??= Object.freeze({ kind: 'domain', points: W.domain, detail: a.domains[a.domains.indexOf(exact)]! }));
        method = 'domain';
        primary = true;
      } else if (f.domains.length > 0) {
        const lab = f.domains.find((d) => a.domains.some((ad) => label(ad) === label(d)) && label(d).length >= 3 && !isGeneric(label(d)));
        if (lab !== undefined) {
          s += W.domainLabel;
          ev?.push({ kind: 'domain_label', points: W.domainLabel, detail: `${lab} ~ ${a.domains.find((ad) => label(ad) === label(lab))}` });
          method = 'domain_label';
        } else if (a.domains.length > 0) {
          s += W.domainMismatch;
          ev?.push({ kind: 'domain_mismatch', points: W.domainMismatch, detail: `${f.domains.join(', ')} not among ${a.domains.slice(0, 3).join(', ')}` });
        } else {
          ownSpelling = true;
        }
      }
      const ne = cached !== undefined ? cached : nameEvidence(f.name, a, i);
      if (ownSpelling && ne?.kind === 'name_tokens' && f.domains.some((d) => spells(d, f.name!))) {
        // Only similar words, and the lead's own domain confirms its spelling of the name, which is not the account's.
        s += W.domainMismatch;
        ev?.push({ kind: 'domain_mismatch', points: W.domainMismatch, detail: `${f.domains.join(', ')} spells the lead's name "${f.name!.key}"` });
      }
      if (ne) {
        const p = W.name * ne.score;
        s += p;
        if (ev !== undefined) {
          if (ne.kind === 'name_exact') ev.push((sharedEvidence(i).exact ??= Object.freeze({ kind: ne.kind, points: p, detail: nameEvidence(f.name, a, i, true)!.detail })));
          else ev.push({ kind: ne.kind, points: p, detail: nameEvidence(f.name, a, i, true)!.detail });
        }
        if (method !== 'domain') method = ne.kind;
        primary = true;
      }
      if (!primary) return null;
      if (f.country && a.country) {
        if (f.country === a.country) {
          s += W.country;
          ev?.push((sharedEvidence(i).country ??= Object.freeze({ kind: 'country', points: W.country, detail: a.country })));
        } else {
          s += W.countryMismatch;
          ev?.push({ kind: 'country_mismatch', points: W.countryMismatch, detail: `${f.country} ≠ ${a.country}` });
        }
      }
      if (f.state && a.state && (!f.country || !a.country || f.country === a.country)) {
        if (f.state === a.state) {
          s += W.state;
          ev?.push((sharedEvidence(i).state ??= Object.freeze({ kind: 'state', points: W.state, detail: a.state })));
        } else {
          s += W.stateMismatch;
          ev?.push({ kind: 'state_mismatch', points: W.stateMismatch, detail: `${f.state} ≠ ${a.state}` });
        }
      }
      if (f.city && a.city && f.city === a.city) {
        s += W.city;
        ev?.push((sharedEvidence(i).city ??= Object.freeze({ kind: 'city', points: W.city, detail: a.city })));
      }
      if (f.phone.length >= 8 && a.phone.length >= 8 && f.phone.slice(0, 5) === a.phone.slice(0, 5)) {
        s += W.phone;
        ev?.push((sharedEvidence(i).phone ??= Object.freeze({ kind: 'phone', points: W.phone, detail: `+${a.phone.slice(0, 5)}…` })));
      }
      if (f.postal.length >= 4 && a.postal.length >= 4 && f.postal.slice(0, 3) === a.postal.slice(0, 3)) {
        s += W.postalCode;
        ev?.push((sharedEvidence(i).postal ??= Object.freeze({ kind: 'postal_code', points: W.postalCode, detail: `${a.postal.slice(0, 3)}…` })));
      }
      return { i, nameRank: ne ? NAME_RANK[ne.kind] : 0, score: s, method, ne };
    }

    /** Candidate accounts of a lead: domains, domain labels, keys, acronyms, synonyms, then distinctive tokens by rarity. */
    /** Accounts opened by the lead's domains (exact and same label). */
    function openByDomain(f: LeadFacts, c: Set<number>): void {
      for (const d of f.domains) {
        for (const x of domainMap.get(d) ?? []) c.add(x);
        const l = label(d);
        if (l.length >= 3 && !isGeneric(l)) for (const x of labelMap.get(l) ?? []) c.add(x);
      }
    }

    // Name candidates and their name evidence depend on the name only: cached per name (cleared by add()).
    let nameCache = new Map<string, Array<{ i: number; ne: NameHit }>>();
    function nameHits(ln: LeadName): Array<{ i: number; ne: NameHit }> {
      if (ln.hits) return ln.hits;
      const k = ln.parts.length === 0 ? ln.key : `${ln.key}\u0001${ln.parts.join(' ')}`;
      let hit = nameCache.get(k);
      if (hit === undefined) {
        const found: Array<{ i: number; ne: NameHit }> = [];
        for (const i of openByName(ln)) {
          const ne = nameEvidence(ln, accounts[i]!, i);
          if (ne) found.push({ i, ne });
        }
        // Cached lists and answers' evidence live long: copied to their exact length (push grows to 16 slots).
        hit = found.length === 0 ? NO_HITS : found.slice();
        if (nameCache.size >= LEAD_CACHE) nameCache = new Map();
        nameCache.set(k, hit);
      }
      ln.hits = hit;
      return hit;
    }

    /** Accounts opened by the name: keys, acronyms, synonyms, then distinctive tokens by rarity. */
    let accW = new Float64Array(0);
    let accOn = new Uint8Array(0);
    function openByName(ln: LeadName): Set<number> {
      const c = new Set<number>();
      const addAll = (xs: readonly number[] | undefined): void => {
        if (xs) for (const x of xs) c.add(x);
      };
      addAll(keyMap.get(ln.key));
      addAll(compactMap.get(ln.compact));
      if (ln.tokens.length === 1 && ln.compact.length >= 3) addAll(acronymMap.get(ln.compact));
      if (ln.acronym.length >= 3) addAll(compactMap.get(ln.acronym));
      const g = synonymOf.get(ln.key);
      const names = g === undefined ? [ln] : [ln, ...groupNames(g).filter((m) => m.key !== ln.key)];
      if (g !== undefined) for (const m of names) addAll(keyMap.get(m.key));
      // Distinctive tokens, rarest first; generic and very common words never open candidates. Candidates
      // collect the weight of the words that opened them; only the best few are scored in full.
      // Each word with its index entry (the lead's own words: looked up once, in leadWeights).
      const toks: string[] = [];
      const known: Array<Word | undefined> = [];
      for (const m of names) {
        // The lead's own word classes are computed once and shared with the name scoring.
        if (m === ln) {
          leadWeights(ln);
          const lc = ln.lc!;
          // The entries are needed only here: dropped afterwards, so cached names stay small.
          const le = ln.le ?? ln.tokens.map((t) => postings.get(t));
          ln.le = undefined;
          for (let k = 0; k < m.tokens.length; k++) {
            const t = m.tokens[k]!;
            if (t.length >= 2 && !toks.includes(t) && lc[k] === 0) {
              toks.push(t);
              known.push(le[k]);
            }
          }
        } else {
          for (const t of m.tokens) {
            if (t.length >= 2 && !toks.includes(t) && !isGeneric(t)) {
              toks.push(t);
              known.push(postings.get(t));
            }
          }
        }
        for (const t of m.parts) {
          if (t.length >= 2 && !toks.includes(t) && !isGeneric(t)) {
            toks.push(t);
            known.push(postings.get(t));
          }
        }
      }
      // Entries keep their postings list (df = its length): no second lookup of the word. Every ranked
      // word is distinctive (class 0), so its weight is idf(df) × classWeight[0].
      const ranked: Array<{ t: string; df: number; f: number; ids: number[] }> = [];
      for (let k = 0; k < toks.length; k++) {
        const e = known[k];
        if (e !== undefined && e.ids.length <= S.maxPostings) ranked.push({ t: toks[k]!, df: e.ids.length, f: 1, ids: e.ids });
      }
      // Misspelt words and word parts only when no distinctive word is known as written: the scoring
      // still credits them on the candidates the known words open.
      if (ranked.length === 0) {
        for (let k = 0; k < toks.length; k++) {
          const t = toks[k]!;
          if (known[k] === undefined) {
            for (const w of fuzzyNeighbours(t)) {
              const n = postings.get(w)!;
              if (n.cls === 0 && n.ids.length <= S.maxPostings) ranked.push({ t: w, df: n.ids.length, f: NS.fuzzyFactor, ids: n.ids });
            }
            // Word parts: a known word at the start of this one (ChevronTexaco → Chevron).
            for (let k = t.length - 3; k >= 4; k--) {
              const head = t.slice(0, k);
              const e = postings.get(head);
              if (e !== undefined && e.cls === 0 && isPart(head, t, ln.parts)) ranked.push({ t: head, df: e.ids.length, f: NS.partFactor, ids: e.ids });
            }
          }
          // Account words that start with this one (Chevron → ChevronTexaco).
          if (t.length >= 4) {
            for (const e of wordsStartingWith(t, 3)) if (e.cls === 0 && isPart(t, e.w, NO_PARTS)) ranked.push({ t: e.w, df: e.ids.length, f: NS.partFactor, ids: e.ids });
          }
        }
      }
      if (ranked.length > 1) ranked.sort((x, y) => x.df - y.df || (x.t < y.t ? -1 : x.t > y.t ? 1 : 0));
      // Word weights per account accumulate in a scratch array indexed by account number (zeroed again
      // below), with the accounts in first-touched order: no Map per name.
      if (accW.length < accounts.length) {
        accW = new Float64Array(accounts.length);
        accOn = new Uint8Array(accounts.length);
      }
      const touched: number[] = [];
      for (const { df, f, ids } of ranked) {
        if (touched.length >= MAX_OPEN) break;
        const w = idf(df) * classWeight[0] * f;
        for (const x of ids) {
          if (accOn[x] === 0) {
            accOn[x] = 1;
            touched.push(x);
          }
          accW[x]! += w;
        }
      }
      if (touched.length <= MAX_FULL) for (const x of touched) c.add(x);
      else {
        // The MAX_FULL best not yet opened, by weight then account number: a partial selection sort
        // (same order as sorting them all, without the pair arrays).
        const xs: number[] = [];
        const ws: number[] = [];
        for (const x of touched) {
          if (!c.has(x)) {
            xs.push(x);
            ws.push(accW[x]!);
          }
        }
        for (let k = 0; k < xs.length && k < MAX_FULL; k++) {
          let b = k;
          for (let j = k + 1; j < xs.length; j++) if (ws[j]! > ws[b]! || (ws[j] === ws[b] && xs[j]! < xs[b]!)) b = j;
          const x = xs[b]!;
          const w = ws[b]!;
          xs[b] = xs[k]!;
          ws[b] = ws[k]!;
          xs[k] = x;
          ws[k] = w;
          c.add(x);
        }
      }
      for (const x of touched) {
        accW[x] = 0;
        accOn[x] = 0;
      }
      return c;
    }

    /** The winner's evidence list (re-scored with evidence; the same sums as its score). */
    function evidenceOf(f: LeadFacts, x: Scored): Evidence[] {
      const ev: Evidence[] = [];
      score(f, x.i, x.ne, ev);
      return ev.slice();
    }

    function better(f: LeadFacts, x: Scored, y: Scored): number {
      return y.score - x.score || (accounts[x.i]!.id < accounts[y.i]!.id ? -1 : accounts[x.i]!.id > accounts[y.i]!.id ? 1 : 0);
    }

    /** Applies the tie-breakers to the tied group; returns the winner and which tie-breaker decided (or null). */
    function breakTie(f: LeadFacts, tied: Scored[]): { winner: Scored; by: string | null } {
      let group = tied;
      for (const tb of S.tieBreakers) {
        if (group.length <= 1) break;
        let key: (s: Scored) => number;
        const ids = new Set(group.map((g) => accounts[g.i]!.id));
        switch (tb) {
          case 'sameCountry':
            if (!f.country) continue;
            key = (s) => (accounts[s.i]!.country === f.country ? 1 : 0);
            break;
          case 'parent':
            key = (s) => (group.some((o) => accounts[o.i]!.parentId === accounts[s.i]!.id) ? 2 : ids.has(accounts[s.i]!.parentId) ? 0 : 1);
            break;
          case 'child':
            key = (s) => (ids.has(accounts[s.i]!.parentId) ? 2 : group.some((o) => accounts[o.i]!.parentId === accounts[s.i]!.id) ? 0 : 1);
            break;
          case 'mostContacts':
            key = (s) => accounts[s.i]!.contacts;
            break;
          case 'largest':
            key = (s) => accounts[s.i]!.size;
            break;
        }
        const best = Math.max(...group.map(key));
        const next = group.filter((s) => key(s) === best);
        if (next.length < group.length) {
          group = next;
          if (group.length === 1) return { winner: group[0]!, by: tb };
        }
      }
      return { winner: group[0]!, by: null };
    }

    /** `prefix` then the evidence, one line. */
    function explain(prefix: string, ev: readonly Evidence[]): string {
      // join() gives one flat string: a + or += chain would keep a tree of pieces alive in every answer.
      const parts: string[] = [];
      for (const e of ev) parts.push(e.points !== 0 ? `${KIND_LABEL[e.kind]} ${e.detail} ${signed(e.points)}` : `${KIND_LABEL[e.kind]} ${e.detail}`);
      const body = parts.join('; ');
      return prefix === '' ? body : [prefix, body].join('');
    }

    function match(lead: Readonly<AccountLead>, leadIndex = 0): AccountMatch {
      const f = typeof lead === 'object' && lead !== null ? facts(lead) : facts({});
      const scored: Scored[] = [];
      const hits = f.name ? nameHits(f.name) : [];
      for (const h of hits) {
        const s = score(f, h.i, h.ne);
        if (s) scored.push(s);
      }
      if (f.domains.length > 0) {
        const byDomain = new Set<number>();
        openByDomain(f, byDomain);
        for (const i of byDomain) {
          if (hits.some((h) => h.i === i)) continue;
          const s = score(f, i);
          if (s) scored.push(s);
        }
      }
      scored.sort((x, y) => better(f, x, y));
      const candidates: readonly AccountCandidate[] =
        scored.length === 0
          ? NO_CANDIDATES
          : scored.slice(0, S.maxCandidates).map((s) => ({ accountId: accounts[s.i]!.id, name: accounts[s.i]!.name, score: r3(s.score), method: s.method }));
      const top = scored[0];
      const note = f.freeDomain ? `email domain ${f.freeDomain} is free mail: not used; ` : '';
      if (top === undefined) {
        return { lead: leadIndex, accountId: null, confidence: 0, method: 'none', explanation: note === '' ? 'no candidate account' : [note, 'no candidate account'].join(''), evidence: NO_EVIDENCE, candidates };
      }
      // Within the margin, a weaker kind of name evidence never ties with a stronger one (exact key beats similar words).
      let winner = top;
      let evidence: Evidence[] = evidenceOf(f, top);
      let confidence = Math.min(1, top.score);
      if (scored.length > 1) {
        const tied = scored.filter((s) => s === top || (s.score >= top.score - S.tieMargin && s.nameRank >= top.nameRank));
        if (tied.length > 1) {
          const { winner: w, by } = breakTie(f, tied);
          winner = w;
          confidence = Math.min(1, w.score);
          if (w !== top) evidence = evidenceOf(f, w);
          const others = tied.filter((t) => t !== w).map((t) => accounts[t.i]!.id);
          if (by) evidence.push({ kind: 'tie_breaker', points: 0, detail: `${by} over ${others.join(', ')}` });
          else {
            confidence *= S.ambiguityFactor;
            evidence.push({ kind: 'ambiguous', points: 0, detail: `tied with ${others.join(', ')}` });
          }
        }
      }
      const a = accounts[winner.i]!;
      if (confidence < S.floor) {
        return { lead: leadIndex, accountId: null, confidence: r3(confidence), method: 'none', explanation: explain(`below floor ${S.floor}: ${a.id} ${note}`, evidence), evidence, candidates };
      }
      const explanation = explain(note, evidence);
      return a.parentId
        ? { lead: leadIndex, accountId: a.id, confidence: r3(confidence), method: winner.method, explanation, evidence, candidates, parentId: a.parentId }
        : { lead: leadIndex, accountId: a.id, confidence: r3(confidence), method: winner.method, explanation, evidence, candidates };
    }

    function candidatesForName(query: string, limit = 20): PreparedAccount[] {
      if (typeof query !== 'string') return [];
      const ln = leadName(query);
      if (ln === null) return [];
      const f: LeadFacts = { name: ln, domains: [], freeDomain: '', country: '', state: '', city: '', phone: '', postal: '' };
      const opened = openByName(ln);
      // Interactive search: also generic words and prefixes of the last typed word.
      const last = ln.tokens[ln.tokens.length - 1]!;
      if (opened.size < MAX_OPEN) for (const x of postings.get(last)?.ids ?? []) if (opened.size < MAX_OPEN) opened.add(x);
      for (const e of wordsStartingWith(last, 1)) for (const x of e.ids) if (opened.size < MAX_OPEN) opened.add(x);
      const out: Array<{ i: number; s: number }> = [];
      for (const i of opened) out.push({ i, s: score(f, i)?.score ?? 0 });
      out.sort((x, y) => y.s - x.s || x.i - y.i);
      return out.slice(0, limit).map((x) => accounts[x.i]!);
    }

    return {
      match,
      matchAll(leads) {
        if (!Array.isArray(leads)) throw new LeadtidyError('input', 'matchAccounts: leads must be an array');
        const out: AccountMatch[] = new Array(leads.length);
        for (let i = 0; i < leads.length; i++) out[i] = match(leads[i]!, i);
        return out;
      },
      add(more) {
        if (!Array.isArray(more)) throw new LeadtidyError('input', 'add: accounts must be an array');
        let added = 0;
        for (const a of more) {
          const p = prepare(a);
          if (p && insert(p)) added++;
        }
        if (added > 0) {
          leadCache = new Map();
          leadCacheOld = new Map();
          nameCache = new Map();
          version++;
        }
        return added;
      },
      candidatesForName,
      get(id) {
        const i = byId.get(id);
        return i === undefined ? undefined : accounts[i];
      },
      get size() {
        return accounts.length;
      },
      toJSON() {
        return { format: 'leadtidy-account-index', version: 1, accounts: accounts.slice() };
      },
    };
  }

  /**
   * Builds a reusable account index (domains, match keys, acronyms, a rarity-weighted token index).
   *
   * @example
   * const index = createAccountIndex([{ id: 'A1', name: 'Siemens AG', website: 'siemens.de', country: 'DE' }]);
   * index.match({ company: 'SIEMENS', email: 'x@gmail.com', country: 'DE' }).accountId //=> 'A1'
   */
  function createAccountIndex(accounts: readonly Account[], options?: AccountIndexOptions): AccountIndex {
    if (!Array.isArray(accounts)) throw new LeadtidyError('input', 'createAccountIndex: accounts must be an array');
    const settings = settingsOf(options);
    const prepared: PreparedAccount[] = [];
    for (const a of accounts) {
      const p = prepare(a);
      if (p) prepared.push(p);
    }
    return buildIndex(settings, prepared);
  }

  /**
   * Reloads an index saved with `toJSON()` (no re-normalization of the accounts).
   *
   * @example
   * const copy = loadAccountIndex(JSON.parse(JSON.stringify(index)));
   */
  function loadAccountIndex(json: unknown, options?: AccountIndexOptions): AccountIndex {
    const j = json as Partial<AccountIndexJSON> | null;
    if (typeof j !== 'object' || j === null || j.format !== 'leadtidy-account-index' || j.version !== 1 || !Array.isArray(j.accounts)) {
      throw new LeadtidyError('input', 'loadAccountIndex: not a leadtidy account index (format "leadtidy-account-index", version 1)');
    }
    const prepared: PreparedAccount[] = [];
    for (const p of j.accounts) if (isPrepared(p)) prepared.push(p);
    return buildIndex(settingsOf(options), prepared);
  }

  /**
   * Matches every lead to the accounts (builds a one-off index).
   *
   * @example
   * matchAccounts([{ company: 'Acme', email: 'jo@acme.com' }], [{ id: 'A1', name: 'Acme Inc.', website: 'acme.com' }])[0]
   * //=> { lead: 0, accountId: 'A1', confidence: 1, method: 'domain', … }
   */
  function matchAccounts(leads: readonly Readonly<AccountLead>[], accounts: readonly Account[] | AccountIndex, options?: AccountIndexOptions): AccountMatch[] {
    const index = Array.isArray(accounts) ? createAccountIndex(accounts, options) : (accounts as AccountIndex);
    if (typeof (index as AccountIndex).matchAll !== 'function') throw new LeadtidyError('input', 'matchAccounts: accounts must be an array or an account index');
    return index.matchAll(leads);
  }

  return { createAccountIndex, loadAccountIndex, matchAccounts, prepareAccount: prepare };
}

function isPrepared(p: unknown): p is PreparedAccount {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  return (
    typeof o['id'] === 'string' &&
    typeof o['key'] === 'string' &&
    typeof o['compact'] === 'string' &&
    Array.isArray(o['tokens']) &&
    Array.isArray(o['parts']) &&
    Array.isArray(o['domains']) &&
    typeof o['acronym'] === 'string' &&
    typeof o['country'] === 'string'
  );
}
