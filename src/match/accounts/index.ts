import Fuse from 'fuse.js';
import generic from '../../../dictionaries/account-generic-words.json' with { type: 'json' };
import countryAliases from '../../../dictionaries/country-aliases.json' with { type: 'json' };
import headers from '../../../dictionaries/account-headers.json' with { type: 'json' };
import { createCompanyKeyNormalizer } from '../../normalize/company/company-key.js';
import { COMPANY_DICTIONARIES, normalizeCompanyName } from '../../normalize/company/index.js';
import { normalizeCountryFull as normalizeCountry } from '../../normalize/country/full.js';
import { decodeDomainGroups } from '../../normalize/email/email.js';
import { EMAIL_DICTIONARIES, emailRegistrableDomain } from '../../normalize/email/index.js';
import { normalizePhone } from '../../normalize/phone/index.js';
import { normalizeState } from '../../normalize/state/index.js';
import { normalizeWebsite, registrableDomain } from '../../normalize/website/index.js';
import { createAccountMatcher, type AccountIndex, type AccountMatch, type AccountMatchDeps, type PreparedAccount } from './core.js';
import { createAccountRowReader } from './rows.js';

export { createAccountMatcher } from './core.js';
export type {
  Account,
  AccountCandidate,
  AccountIndex,
  AccountIndexJSON,
  AccountIndexOptions,
  AccountLead,
  AccountMatch,
  AccountMatchDeps,
  Evidence,
  MatchMethod,
  PreparedAccount,
} from './core.js';
export { AccountsSectionSchema, DEFAULT_ACCOUNTS_SECTION, resolveAccountsSection, TieBreakerSchema } from './schema.js';
export type { AccountsSection, AccountsSettings } from './schema.js';
export { createAccountRowReader } from './rows.js';
export type { AccountHeaderAliases } from './rows.js';

let places: Set<string> | undefined;
/** One-word country names in the main languages (germany, deutschland, nederland, england), from the country dictionary. */
function placeNames(): Set<string> {
  if (places) return places;
  places = new Set<string>();
  for (const code of Object.keys(countryAliases.aliases)) {
    for (const k of (countryAliases.aliases as Record<string, { primary: string }>)[code]!.primary.split('|')) if (k.length >= 4) places.add(k);
  }
  for (const k of Object.keys(countryAliases.constituents)) places.add(k);
  return places;
}

let free: Set<string> | undefined;
const freeDomains = (): Set<string> => (free ??= new Set([...EMAIL_DICTIONARIES.freeDomains, ...decodeDomainGroups(EMAIL_DICTIONARIES.disposable.exact)]));

let hostDomains = new Map<string, string | null>();

/** The built-in normalizers and generic-word lists used by account matching. */
export const ACCOUNT_MATCH_DEPS: AccountMatchDeps = {
  // Only the key is needed: the key-only normalizer (no display name, issues or memo; the matcher
  // caches per company string itself) gives the same key as normalizeCompanyName.
  companyKey: createCompanyKeyNormalizer(COMPANY_DICTIONARIES, (name) => normalizeCompanyName(name)),
  // Social profiles (linkedin.com/company/…) are not the company's domain.
  websiteDomain: (w) => {
    const v = normalizeWebsite(w).value;
    return v ? (v.isProfile ? null : v.domain) : registrableDomain(w);
  },
  emailDomain: (e) => {
    // The registrable domain of an address depends only on the text after the last "@" (up to 512
    // characters), and a file's addresses share few hosts: one parse per host, and the same domain
    // string each time (its hash is kept, so the free-mail and domain lookups that follow are cheap).
    const at = e.lastIndexOf('@');
    if (at < 0 || e.length > 512) return emailRegistrableDomain(e);
    const host = e.slice(at + 1);
    let d = hostDomains.get(host);
    if (d === undefined) {
      d = emailRegistrableDomain(e);
      if (hostDomains.size >= 50_000) hostDomains = new Map();
      hostDomains.set(host, d);
    }
    return d;
  },
  isFreeDomain: (d) => freeDomains().has(d),
  country: (c) => normalizeCountry(c).value?.code ?? null,
  state: (s, country) => {
    const code = normalizeState(s, country ? { country } : {}).value?.code;
    return code ? code.slice(code.indexOf('-') + 1) : null;
  },
  phone: (p, country) => normalizePhone(p, country ? { country } : {}).value?.e164 ?? null,
  isPlaceName: (w) => placeNames().has(w),
  genericWords: generic.languages,
};

const matcher = createAccountMatcher(ACCOUNT_MATCH_DEPS);

/**
 * Builds a reusable, serializable account index: registrable domains (websites, extra domains,
 * known contacts' emails; never free mail), company match keys, acronyms, and a token index
 * weighted by rarity in which only distinctive words open candidates.
 *
 * @example
 * const index = createAccountIndex([
 *   { id: 'A1', name: 'Siemens AG', website: 'siemens.de', country: 'DE' },
 *   { id: 'A2', name: 'Siemens Corporation', website: 'siemens.com', country: 'US', parentId: 'A1' },
 * ]);
 * index.match({ company: 'Siemens', email: 'jo@gmail.com', country: 'US' }).accountId //=> 'A2'
 * index.add([{ id: 'A3', name: 'Acme' }]);
 * const saved = JSON.stringify(index); // reload with loadAccountIndex(JSON.parse(saved))
 */
export const createAccountIndex = matcher.createAccountIndex;

/**
 * Reloads an index saved with `JSON.stringify(index)` / `index.toJSON()`, without re-normalizing.
 *
 * @example
 * loadAccountIndex(JSON.parse(saved)).match({ email: 'jo@acme.com' }).accountId //=> 'A1'
 */
export const loadAccountIndex = matcher.loadAccountIndex;

/**
 * Attaches each lead (clean record) to an account, or to none: `{ lead, accountId, confidence,
 * method, explanation, evidence, candidates }` per lead, in input order.
 *
 * @example
 * matchAccounts(
 *   [{ company: 'Acme GmbH', email: 'jo@gmail.com', country: 'DE' }, { company: 'Bank of the East' }],
 *   [{ id: 'A1', name: 'ACME', country: 'DE' }, { id: 'B1', name: 'Bank of the West' }],
 * ).map((m) => m.accountId)
 * //=> ['A1', null]
 */
export const matchAccounts = matcher.matchAccounts;

/**
 * Accounts from parsed CSV/XLSX rows (`parseLeadFile(...).rows`), tolerant of header variants
 * (`id,name,website,domains,country,state,city,phone,parentId`, "Account Name", "Billing Country"…).
 * Rows without an id, or without a name and any domain, are skipped with an issue.
 *
 * @example
 * accountsFromRows([{ 'Account ID': '001', 'Account Name': 'Acme', Website: 'acme.com', 'Parent Account ID': '' }]).accounts
 * //=> [{ id: '001', name: 'Acme', website: 'acme.com' }]
 */
export const accountsFromRows = createAccountRowReader(headers.fields);

/** One hit of {@link searchAccounts}. */
export interface AccountSearchHit {
  readonly id: string;
  readonly name: string;
  /** 0..1, higher is better (1 − Fuse.js score). */
  readonly score: number;
}

/**
 * Interactive search box: the index proposes a few hundred candidates for the typed name, and
 * Fuse.js re-ranks them by name. Not for bulk matching (use `match`).
 *
 * @example
 * searchAccounts(index, 'siemns')[0]?.name //=> 'Siemens AG'
 */
export function searchAccounts(index: AccountIndex, query: string, options: { readonly limit?: number } = {}): AccountSearchHit[] {
  if (typeof query !== 'string' || query.trim() === '') return [];
  const limit = options.limit ?? 10;
  const pool: PreparedAccount[] = index.candidatesForName(query, 200);
  if (pool.length === 0) return [];
  const fuse = new Fuse(pool, { keys: ['name'], includeScore: true, threshold: 0.6, ignoreLocation: true });
  return fuse
    .search(query.slice(0, 200), { limit })
    .map((h) => ({ id: h.item.id, name: h.item.name, score: Math.round((1 - (h.score ?? 1)) * 1000) / 1000 }));
}

/** Record columns for one match, as strings (for `cleanse` to fill and the change log to show). */
export interface AccountMatchFields {
  readonly accountId: string | null;
  readonly accountMatchConfidence: string | null;
  readonly accountMatchMethod: string | null;
  readonly accountMatchExplanation: string | null;
}

/**
 * The record columns `cleanse` fills from a match: `accountId`, `accountMatchConfidence` ("0.93"),
 * `accountMatchMethod` ("domain", "name_exact"…) and `accountMatchExplanation`; all null without a match.
 *
 * @example
 * accountMatchFields(matchAccounts([{ email: 'jo@acme.com' }], [{ id: 'A1', name: 'Acme', website: 'acme.com' }])[0]!)
 * //=> { accountId: 'A1', accountMatchConfidence: '1.00', accountMatchMethod: 'domain', accountMatchExplanation: 'domain acme.com +0.90; …' }
 */
export function accountMatchFields(m: AccountMatch): AccountMatchFields {
  if (m.accountId === null) return { accountId: null, accountMatchConfidence: null, accountMatchMethod: null, accountMatchExplanation: null };
  return { accountId: m.accountId, accountMatchConfidence: m.confidence.toFixed(2), accountMatchMethod: m.method, accountMatchExplanation: m.explanation };
}

/** Match rates for the cleanse report. */
export interface AccountMatchSummary {
  readonly leads: number;
  readonly matched: number;
  /** matched / leads (0 without leads). */
  readonly rate: number;
  /** Matched leads per method ("domain", "name_exact", …). */
  readonly byMethod: Readonly<Record<string, number>>;
  /** Leads left without an account although a candidate scored above zero (near misses worth a look). */
  readonly nearMisses: number;
  /** Leads whose best candidates tied and could not be separated. */
  readonly ambiguous: number;
}

/**
 * Summarizes matches for a report: match rate, counts by method, near misses and ambiguous ties.
 *
 * @example
 * summarizeAccountMatches(matches) //=> { leads: 1000, matched: 734, rate: 0.734, byMethod: { domain: 512, name_exact: 180, … }, nearMisses: 21, ambiguous: 4 }
 */
export function summarizeAccountMatches(matches: readonly AccountMatch[]): AccountMatchSummary {
  const byMethod: Record<string, number> = Object.create(null) as Record<string, number>;
  let matched = 0;
  let nearMisses = 0;
  let ambiguous = 0;
  for (const m of matches) {
    if (m.accountId !== null) {
      matched++;
      byMethod[m.method] = (byMethod[m.method] ?? 0) + 1;
    } else if (m.confidence > 0) nearMisses++;
    if (m.evidence.some((e) => e.kind === 'ambiguous')) ambiguous++;
  }
  return { leads: matches.length, matched, rate: matches.length ? matched / matches.length : 0, byMethod: { ...byMethod }, nearMisses, ambiguous };
}
