import { issue, type Issue } from '../../core/codes.js';
import { LeadtidyError } from '../../core/errors.js';
import { NO_ISSUES, none, ok, type UnitResult } from '../../core/result.js';
import { compactAlnum, isSld, lowerFast, NON_ASCII_SEEN, NOT_SIMPLE, oneCharRepeated, shapeOf, simpleAt } from './fast.js';
import { cleanWhitespace, memoize, stripControl } from '../../core/text.js';
import { asciiHost, hostInfo, hostProblem, oneEditApart } from './domain.js';

/** Word lists the email unit needs; the root entry binds the built-in ones. */
export interface EmailDictionaries {
  /** Free-mail provider domains (gmail.com, gmx.de, …). */
  readonly freeDomains: readonly string[];
  /**
   * Disposable domains. `exact`: TLD → front-coded, newline-joined names without the TLD (see
   * {@link decodeDomainGroups}); `wildcard` domains match their subdomains too.
   */
  readonly disposable: { readonly exact: Readonly<Record<string, string>>; readonly wildcard: readonly string[] };
  /** Role mailbox names, compacted (no separators): info, sales, noreply, … */
  readonly rolePrefixes: readonly string[];
  /** Well-known consumer providers: the only targets of domain typo repair. */
  readonly providers: readonly string[];
  /** Misspelled top-level domains → the intended one (con → com). */
  readonly tldTypos: Readonly<Record<string, string>>;
  /** Local parts and domains that mark a placeholder address (test@test.com). */
  readonly junkLocals: readonly string[];
  readonly junkDomains: readonly string[];
  /** Cell values that mean "no email" (n/a, none, -). */
  readonly placeholders: readonly string[];
}

/** Options of {@link normalizeEmail}. */
export interface EmailOptions {
  /** Lowercase the local part too (default true: real mailboxes are case-insensitive in practice). */
  readonly lowercaseLocal?: boolean;
  /** Repair obvious typos of well-known provider domains (default true). */
  readonly correctTypos?: boolean;
}

/** A normalized email address. */
export interface EmailValue {
  /** The address as it should be stored: `local@domain`. */
  readonly email: string;
  readonly local: string;
  /** Lowercase ASCII domain (IDN converted to punycode). */
  readonly domain: string;
  /** Registrable domain via the Public Suffix List ("mail.acme.co.uk" → "acme.co.uk"). */
  readonly registrableDomain: string;
  readonly isFree: boolean;
  readonly isDisposable: boolean;
  readonly isRole: boolean;
  /** Placeholder or test address (test@test.com, asdf@asdf.com). */
  readonly isJunk: boolean;
  /** Domain the address probably meant, when the repair was too doubtful to apply. */
  readonly suggestion?: string;
}

const MAX_INPUT = 512;
const SIMPLE = /^[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}$/;
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const SEPARATORS = /[\s;,]+/;
const OBFUSCATED_AT = /\s*[[({]\s*at\s*[\])}]\s*/gi;
const OBFUSCATED_DOT = /\s*[[({]\s*dot\s*[\])}]\s*/gi;
const SPACE_AROUND_AT = /\s*@\s*/g;
const WRAP_START = /^["'([{<`]+/;
const WRAP_END = /["')\]}>`.,;:!?]+$/;
const COMPACT = /[^a-z0-9]/g;

interface DomainFacts {
  readonly problem: string | null;
  /** Issues that depend on the domain only (free/disposable), built once per domain. */
  readonly flagIssues?: readonly Issue[];
  readonly domain: string;
  readonly registrable: string;
  readonly isFree: boolean;
  readonly isDisposable: boolean;
  readonly junk: boolean;
  readonly corrected?: string;
  readonly suggestions?: readonly string[];
}

interface Lookups {
  readonly free: ReadonlySet<string>;
  /** Exact disposable domains, decoded per top-level domain on first use. */
  readonly disposable: (tld: string) => ReadonlySet<string>;
  readonly wildcard: ReadonlySet<string>;
  readonly role: ReadonlySet<string>;
  readonly providers: ReadonlySet<string>;
  /** Providers indexed by each of their first two characters. */
  readonly providersByChar: ReadonlyMap<string, readonly string[]>;
  readonly tldTypos: ReadonlyMap<string, string>;
  readonly junkLocals: ReadonlySet<string>;
  readonly junkDomains: ReadonlySet<string>;
  readonly placeholders: ReadonlySet<string>;
}

function buildLookups(d: EmailDictionaries): Lookups {
  const providersByChar = new Map<string, string[]>();
  for (const p of d.providers) {
    for (const ch of new Set([p[0], p[1]])) {
      if (ch === undefined) continue;
      const list = providersByChar.get(ch);
      if (list) list.push(p);
      else providersByChar.set(ch, [p]);
    }
  }
  return {
    free: new Set(d.freeDomains),
    disposable: lazyGroups(d.disposable.exact),
    wildcard: new Set(d.disposable.wildcard),
    role: new Set(d.rolePrefixes),
    providers: new Set(d.providers),
    providersByChar,
    tldTypos: new Map(Object.entries(d.tldTypos)),
    junkLocals: new Set(d.junkLocals),
    junkDomains: new Set(d.junkDomains),
    placeholders: new Set(d.placeholders),
  };
}

/**
 * Decodes TLD-grouped, front-coded domain lists: in each group every line starts with one
 * character (code 48 + n) saying how many leading characters repeat from the previous name.
 *
 * @example
 * decodeDomainGroups({ com: '0mailinator\n4drop' }) // Set { 'mailinator.com', 'maildrop.com' }
 */
export function decodeDomainGroups(groups: Readonly<Record<string, string>>): Set<string> {
  const out = new Set<string>();
  for (const tld of Object.keys(groups)) {
    const suffix = '.' + tld;
    let prev = '';
    for (const line of groups[tld]!.split('\n')) {
      if (line.length === 0) continue;
      const name = prev.slice(0, line.charCodeAt(0) - 48) + line.slice(1);
      out.add(name + suffix);
      prev = name;
    }
  }
  return out;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/** Per-TLD view of {@link decodeDomainGroups}: a group is decoded the first time its TLD is asked for. */
function lazyGroups(groups: Readonly<Record<string, string>>): (tld: string) => ReadonlySet<string> {
  const decoded = new Map<string, ReadonlySet<string>>();
  return (tld) => {
    let set = decoded.get(tld);
    if (set === undefined) {
      const g = Object.prototype.hasOwnProperty.call(groups, tld) ? groups[tld] : undefined;
      set = g === undefined ? EMPTY_SET : decodeDomainGroups({ [tld]: g });
      decoded.set(tld, set);
    }
    return set;
  };
}

function isDisposableDomain(L: Lookups, domain: string, registrable: string, suffix: string | null): boolean {
  const exact = L.disposable(domain.slice(domain.lastIndexOf('.') + 1));
  if (exact.has(domain) || exact.has(registrable)) return true;
  // Wildcard entries cover the domain and every subdomain; they are registrable domains or
  // (dynamic-DNS) public suffixes, so checking those two covers every subdomain.
  return L.wildcard.has(domain) || L.wildcard.has(registrable) || (suffix !== null && L.wildcard.has(suffix));
}

/**
 * Providers within one edit of `domain`. Any string one edit away from p agrees with p on its
 * first or second character in some pairing, so only providers indexed under domain[0] or
 * domain[1] (by their own first two characters) and of length ±1 are verified by {@link oneEditApart}.
 */
function nearProviders(L: Lookups, domain: string): string[] {
  const found: string[] = [];
  const n = domain.length;
  for (let c = 0; c < 2 && c < n; c++) {
    const hits = L.providersByChar.get(domain[c]!);
    if (!hits) continue;
    for (const p of hits) {
      const d = p.length - n;
      if (d > 1 || d < -1 || found.includes(p)) continue;
      if (oneEditApart(domain, p)) found.push(p);
    }
  }
  return found;
}

function sld(domain: string): string {
  const dot = domain.indexOf('.');
  return dot < 0 ? domain : domain.slice(0, dot);
}

/**
 * Typo repair: only towards a well-known provider, only when the original is not a
 * known domain itself, only when the correction is unique. Edits that turn one valid
 * TLD into another (hotmail.co → hotmail.com) or that touch a short provider name
 * (aon.com vs aol.com) are suggestions at most.
 */
function repair(L: Lookups, domain: string, knownSuffix: boolean): { corrected?: string; suggestions?: string[] } {
  // Disposable typo-squats of a provider (gmai.com) are still repaired: the sender meant the provider.
  if (L.providers.has(domain) || L.free.has(domain)) return {};
  const dot = domain.lastIndexOf('.');
  const tld = dot < 0 ? '' : domain.slice(dot + 1);
  const fixedTld = L.tldTypos.get(tld);
  if (fixedTld !== undefined) {
    const withTld = domain.slice(0, dot + 1) + fixedTld;
    if (L.providers.has(withTld)) return { corrected: withTld };
    const near = nearProviders(L, withTld).filter((p) => sld(p).length >= 5);
    if (near.length === 1) return { suggestions: near };
  }
  const near = nearProviders(L, domain);
  if (near.length === 0) return {};
  const safe = near.filter((p) => {
    const sameSld = sld(p) === sld(domain);
    // An SLD edit needs a long provider name; a TLD edit needs the original TLD to be bogus.
    return sameSld ? !knownSuffix : sld(p).length >= 5 && sld(domain).length >= 4;
  });
  if (near.length === 1 && safe.length === 1) return { corrected: safe[0]! };
  const worth = near.filter((p) => sld(p).length >= 5 || sld(p) === sld(domain));
  return worth.length > 0 ? { suggestions: worth } : {};
}

function analyseDomain(L: Lookups, rawDomain: string, correct: boolean): DomainFacts {
  const ascii = asciiHost(rawDomain);
  if (ascii === null) return { problem: 'the domain has characters a mail domain cannot have', domain: rawDomain, registrable: rawDomain, isFree: false, isDisposable: false, junk: false };
  const syntax = hostProblem(ascii);
  if (syntax !== null) {
    return { problem: `the domain "${ascii}" is not valid (${syntax})`, domain: ascii, registrable: ascii, isFree: false, isDisposable: false, junk: L.junkDomains.has(ascii) };
  }
  let domain = ascii;
  let info = hostInfo(domain);
  let corrected: string | undefined;
  let suggestions: readonly string[] | undefined;
  if (correct) {
    const r = repair(L, domain, info.knownSuffix);
    if (r.corrected !== undefined) {
      corrected = r.corrected;
      domain = r.corrected;
      info = hostInfo(domain);
    } else if (r.suggestions) suggestions = r.suggestions;
  }
  const registrable = info.domain ?? domain;
  if (!info.knownSuffix && suggestions === undefined && corrected === undefined) {
    // A misspelt TLD on a non-provider domain ("acme.con") is only ever a suggestion.
    const dot = domain.lastIndexOf('.');
    const fixed = dot > 0 ? L.tldTypos.get(domain.slice(dot + 1)) : undefined;
    if (fixed !== undefined) suggestions = [domain.slice(0, dot + 1) + fixed];
  }
  const junk = L.junkDomains.has(domain) || L.junkDomains.has(registrable);
  const isFree = !junk && (L.free.has(domain) || L.free.has(registrable));
  const isDisposable = !junk && isDisposableDomain(L, domain, registrable, info.publicSuffix);
  return {
    problem: info.knownSuffix && info.domain !== null ? null : `"${domain}" has no known public suffix`,
    flagIssues: isDisposable ? [issue('email.disposable', { domain })] : isFree ? [issue('email.free_provider', { domain })] : NO_ISSUES,
    domain,
    registrable,
    isFree,
    isDisposable,
    junk,
    ...(corrected !== undefined ? { corrected } : {}),
    ...(suggestions !== undefined ? { suggestions } : {}),
  };
}

/** Pulls the address out of "Jane <jane@acme.de>", "mailto:…", "jane [at] acme [dot] de" and lists. */
function extract(s: string): { candidate: string | null; dropped: string[] } {
  let t = s;
  const lt = t.lastIndexOf('<');
  if (lt >= 0) {
    const gt = t.indexOf('>', lt);
    if (gt > lt && t.slice(lt, gt).includes('@')) t = t.slice(lt + 1, gt);
  }
  if (!t.includes('@')) t = t.replace(OBFUSCATED_AT, '@').replace(OBFUSCATED_DOT, '.');
  else if (t.includes(' ')) t = t.replace(SPACE_AROUND_AT, '@');
  const found: string[] = [];
  for (let part of t.split(SEPARATORS)) {
    const mt = part.toLowerCase().indexOf('mailto:');
    if (mt >= 0) part = part.slice(mt + 7);
    const q = part.indexOf('?');
    if (q >= 0) part = part.slice(0, q);
    part = part.replace(WRAP_START, '').replace(WRAP_END, '');
    if (part.includes('@')) found.push(part);
  }
  if (found.length === 0) return { candidate: null, dropped: [] };
  return { candidate: found[0]!, dropped: found.slice(1) };
}

/**
 * Builds an email normalizer over the given dictionaries (lookup sets are built on first call).
 *
 * @example
 * const normalizeEmail = createEmailNormalizer(myDictionaries);
 * normalizeEmail('Jane Doe <Jane.Doe@GMIAL.com>').value?.email
 * //=> 'jane.doe@gmail.com'
 */
export function createEmailNormalizer(dicts: EmailDictionaries) {
  let L: Lookups | undefined;
  const lookups = (): Lookups => (L ??= buildLookups(dicts));
  const domainFacts = memoize((d: string) => analyseDomain(lookups(), d, true), 20_000, 'email domain');
  const domainFactsNoRepair = memoize((d: string) => analyseDomain(lookups(), d, false), 20_000, 'email domain (no repair)');
  // (length, first character) of every role prefix and junk mailbox: most mailboxes are ruled out
  // without hashing them.
  let Pf: { readonly role: ReadonlySet<number>; readonly junkLocals: ReadonlySet<number> } | undefined;
  const prefilter = () => (Pf ??= { role: new Set([...lookups().role].map(shapeOf)), junkLocals: new Set([...lookups().junkLocals].map(shapeOf)) });

  return function normalizeEmail(input: string | null | undefined, options: EmailOptions = {}): UnitResult<EmailValue> {
    if (typeof options !== 'object' || options === null) throw new LeadtidyError('options', 'normalizeEmail: options must be an object');
    if (typeof input !== 'string') return none();
    const lowercaseLocal = options.lowercaseLocal ?? true;
    const correct = options.correctTypos ?? true;
    const Lk = lookups();
    const issues: Issue[] = [];
    let confidence = 1;

    let candidate: string;
    const fastAt = input.length <= MAX_INPUT ? simpleAt(input) : NOT_SIMPLE;
    if (fastAt >= 0 || (fastAt === NON_ASCII_SEEN && SIMPLE.test(input.toLowerCase()))) {
      candidate = input;
    } else {
      const s = cleanWhitespace(stripControl(input));
      if (s.length === 0) return none();
      if (Lk.placeholders.has(s.toLowerCase())) return none([issue('email.junk', { reason: `placeholder "${s}"` })]);
      if (s.length > MAX_INPUT) return none([issue('email.invalid', { reason: `longer than ${MAX_INPUT} characters` })]);
      const ex = extract(s);
      if (ex.candidate === null) return none([issue('email.invalid', { reason: 'no "@"' })]);
      candidate = ex.candidate;
      if (ex.dropped.length > 0) {
        issues.push(issue('email.multiple', { email: candidate, dropped: ex.dropped }));
        confidence = 0.8;
      } else if (candidate !== s) {
        issues.push(issue('email.extracted', { original: s }));
        confidence = 0.9;
      }
    }

    const at = fastAt >= 0 ? fastAt : candidate.lastIndexOf('@');
    let local = candidate.slice(0, at);
    const rawDomain = candidate.slice(at + 1);
    if (local.length === 0) return none([...issues, issue('email.invalid', { reason: 'nothing before "@"' })]);
    if (rawDomain.length === 0) return none([...issues, issue('email.invalid', { reason: 'nothing after "@"' })]);
    if (local.length > 64) return none([...issues, issue('email.invalid', { reason: 'the part before "@" is longer than 64 characters' })]);
    if (!LOCAL.test(local)) {
      return none([...issues, issue('email.invalid', { reason: `the part before "@" ("${local.slice(0, 64)}") has characters or dots mail servers reject` })]);
    }
    if (lowercaseLocal) local = lowerFast(local);

    const facts = correct ? domainFacts(rawDomain) : domainFactsNoRepair(rawDomain);
    if (facts.problem !== null) {
      const lk = lowerFast(local);
      if (facts.junk) issues.push(issue('email.junk', { reason: `placeholder domain "${facts.domain}"` }));
      else if (Lk.junkLocals.has(lk) || lk === sld(facts.domain)) issues.push(issue('email.junk', { reason: `placeholder address "${local}@${rawDomain}"` }));
      if (facts.suggestions !== undefined) issues.push(issue('email.domain_suggestion', { domain: facts.domain, suggestions: facts.suggestions }));
      return none([...issues, issue('email.invalid', { reason: facts.problem })]);
    }
    const domain = facts.domain;
    if (facts.corrected !== undefined) {
      const original = `${local}@${rawDomain.toLowerCase()}`;
      issues.push(issue('email.domain_corrected', { from: rawDomain.toLowerCase(), to: facts.corrected, original }));
      confidence = Math.min(confidence, 0.9);
    } else if (facts.suggestions !== undefined) {
      issues.push(issue('email.domain_suggestion', { domain, suggestions: facts.suggestions }));
      confidence = Math.min(confidence, 0.7);
    }

    const localKey = lowerFast(local);
    const plus = localKey.indexOf('+');
    const box = compactAlnum(plus > 0 ? localKey.slice(0, plus) : localKey);
    const P = prefilter();
    const isRole = P.role.has(shapeOf(box)) && Lk.role.has(box);
    let junkReason: string | null = null;
    if (facts.junk) junkReason = `placeholder domain "${domain}"`;
    else if ((P.junkLocals.has(shapeOf(localKey)) && Lk.junkLocals.has(localKey)) || (P.junkLocals.has(shapeOf(box)) && Lk.junkLocals.has(box))) junkReason = `placeholder mailbox "${local}"`;
    else if (box.length >= 3 && isSld(box, facts.registrable)) junkReason = `mailbox repeats the domain ("${local}@${domain}")`;
    else if (box.length >= 4 && oneCharRepeated(box)) junkReason = `repeated character mailbox "${local}"`;

    if (facts.flagIssues) for (const i of facts.flagIssues) issues.push(i);
    if (isRole) issues.push(issue('email.role_account', { local }));
    if (junkReason !== null) {
      issues.push(issue('email.junk', { reason: junkReason }));
      confidence = Math.min(confidence, 0.3);
    }

    const value: EmailValue = {
      email: `${local}@${domain}`,
      local,
      domain,
      registrableDomain: facts.registrable,
      isFree: facts.isFree,
      isDisposable: facts.isDisposable,
      isRole,
      isJunk: junkReason !== null,
      ...(facts.suggestions !== undefined ? { suggestion: facts.suggestions[0]! } : {}),
    };
    return ok(value, confidence, issues);
  };
}

/**
 * Registrable domain of an email address or bare domain, via the Public Suffix List
 * ("jane@mail.acme.co.uk" → "acme.co.uk"); null when there is none. Use it to join
 * leads and accounts on the same key as {@link normalizeWebsite}'s `domain`.
 *
 * @example
 * emailRegistrableDomain('Jane@Sales.ACME.co.uk') //=> 'acme.co.uk'
 */
export function emailRegistrableDomain(emailOrDomain: string): string | null {
  if (typeof emailOrDomain !== 'string' || emailOrDomain.length > MAX_INPUT) return null;
  const s = cleanWhitespace(emailOrDomain);
  const d = s.slice(s.lastIndexOf('@') + 1).replace(WRAP_END, '');
  const ascii = asciiHost(d);
  if (ascii === null || hostProblem(ascii) !== null) return null;
  const info = hostInfo(ascii);
  return info.knownSuffix ? info.domain : null;
}

const GOOGLE = new Set(['gmail.com', 'googlemail.com']);

/**
 * Match key for deduplication: lowercase, `+tag` removed, and for Gmail dots removed
 * and googlemail.com folded into gmail.com. Never for display.
 *
 * @example
 * emailMatchKey('John.Smith+leads@GoogleMail.com') //=> 'johnsmith@gmail.com'
 */
export function emailMatchKey(email: string): string | null {
  if (typeof email !== 'string' || email.length > MAX_INPUT) return null;
  const s = email.trim().toLowerCase();
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return null;
  let local = s.slice(0, at);
  let domain = s.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GOOGLE.has(domain)) {
    domain = 'gmail.com';
    local = local.replace(/\./g, '');
  }
  return `${local}@${domain}`;
}
