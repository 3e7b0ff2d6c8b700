import { issue, type Issue } from '../../core/codes.js';
import { LeadtidyError } from '../../core/errors.js';
import { none, ok, type UnitResult } from '../../core/result.js';
import { cleanWhitespace, memoize, stripControl } from '../../core/text.js';
import { asciiHost, hostInfo, hostProblem } from '../email/domain.js';

/** Word lists the website unit needs. */
export interface WebsiteDictionaries {
  /** Registrable domains whose pages are profiles, not company sites (linkedin.com, bit.ly, …). */
  readonly profileDomains: readonly string[];
  /** Cell values that mean "no website". */
  readonly placeholders: readonly string[];
}

/** Options of {@link normalizeWebsite}. */
export interface WebsiteOptions {
  /** Scheme used when the input has none (default "https"). */
  readonly defaultScheme?: 'https' | 'http';
  /** Keep the path ("acme.com/en") in `url` (default true). Query and fragment are always dropped. */
  readonly keepPath?: boolean;
  /** Drop a leading "www." from the host in `url` (default false). */
  readonly stripWww?: boolean;
}

/** A normalized website. */
export interface WebsiteValue {
  /** Cleaned URL: scheme, lowercase host, path without trailing slash; no query or fragment. */
  readonly url: string;
  /** Registrable domain via the Public Suffix List ("shop.acme.co.uk" → "acme.co.uk"). */
  readonly domain: string;
  /** Full lowercase ASCII host ("shop.acme.co.uk"). */
  readonly host: string;
  /** The URL is a profile on a social network, directory or link shortener. */
  readonly isProfile: boolean;
}

const MAX_INPUT = 2048;
const SCHEME = /^([a-z][a-z0-9+.-]{0,15}):\/*/i;
const BROKEN_HTTP = /^h?t?tps?\/\/+/i;
const WRAP_START = /^["'([{<`]+/;
const WRAP_END = /["')\]}>`,;!?]+$/;
const TRAILING_DOTS = /\.+$/;
const PATH_END = /[/"')\]}>`,;!?]+$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const PORT = /^\d{1,5}$/;

interface HostFacts {
  readonly problem: string | null;
  readonly host: string;
  readonly domain: string;
  readonly isProfile: boolean;
}

function analyseHost(profiles: ReadonlySet<string>, raw: string): HostFacts {
  const host = asciiHost(raw);
  if (host === null) return { problem: `"${raw}" is not a host name`, host: raw, domain: raw, isProfile: false };
  if (IPV4.test(host)) return { problem: 'an IP address, not a domain', host, domain: host, isProfile: false };
  const syntax = hostProblem(host);
  if (syntax !== null) return { problem: `"${host}" is not a domain (${syntax})`, host, domain: host, isProfile: false };
  const info = hostInfo(host);
  if (!info.knownSuffix) return { problem: `"${info.publicSuffix ?? host}" is not a known top-level domain`, host, domain: host, isProfile: false };
  if (info.domain === null) return { problem: `"${host}" is a public suffix, not a site`, host, domain: host, isProfile: false };
  return { problem: null, host, domain: info.domain, isProfile: profiles.has(info.domain) || profiles.has(host) };
}

/**
 * Builds a website normalizer over the given dictionaries.
 *
 * @example
 * createWebsiteNormalizer({ profileDomains: [], placeholders: [] })('WWW.Acme.com/').value?.url
 * //=> 'https://www.acme.com'
 */
export function createWebsiteNormalizer(dicts: WebsiteDictionaries) {
  let sets: { profiles: ReadonlySet<string>; placeholders: ReadonlySet<string> } | undefined;
  const lookups = () => (sets ??= { profiles: new Set(dicts.profileDomains), placeholders: new Set(dicts.placeholders) });
  const facts = memoize((h: string) => analyseHost(lookups().profiles, h), 20_000, 'website host');

  return function normalizeWebsite(input: string | null | undefined, options: WebsiteOptions = {}): UnitResult<WebsiteValue> {
    if (typeof options !== 'object' || options === null) throw new LeadtidyError('options', 'normalizeWebsite: options must be an object');
    const defaultScheme = options.defaultScheme ?? 'https';
    if (defaultScheme !== 'https' && defaultScheme !== 'http') {
      throw new LeadtidyError('options', 'normalizeWebsite: invalid options', [{ path: 'defaultScheme', message: 'must be "https" or "http"' }]);
    }
    if (typeof input !== 'string') return none();
    let s = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input;
    s = cleanWhitespace(stripControl(s));
    if (s.length === 0) return none();
    const { placeholders } = lookups();
    if (placeholders.has(s.toLowerCase())) return none([issue('website.invalid', { reason: `placeholder "${s}"` })]);
    const issues: Issue[] = [];
    let confidence = 1;

    // "Acme (www.acme.com)" or two sites in one cell: take the first token that looks like a host.
    if (s.includes(' ')) {
      const tokens = s.split(' ');
      const hit = tokens.find((t) => t.includes('.') && !t.startsWith('.'));
      if (hit === undefined) return none([issue('website.invalid', { reason: 'no domain in the text' })]);
      s = hit;
      confidence = 0.8;
    }
    s = s.replace(WRAP_START, '').replace(WRAP_END, '');

    let scheme: string | null = null;
    const m = SCHEME.exec(s);
    if (m && (s.includes('://') || /^(?:https?|mailto):/i.test(s))) {
      scheme = m[1]!.toLowerCase();
      s = s.slice(m[0].length);
    } else if (BROKEN_HTTP.test(s)) {
      scheme = s.toLowerCase().includes('https') ? 'https' : 'http';
      s = s.replace(BROKEN_HTTP, '');
    } else if (s.startsWith('//')) s = s.slice(2);

    let fromEmail = false;
    if (scheme === 'mailto' || (scheme === null && s.includes('@') && s.indexOf('@') < (s.indexOf('/') < 0 ? Infinity : s.indexOf('/')))) {
      fromEmail = true;
      s = s.slice(s.lastIndexOf('@') + 1);
      scheme = null;
    } else if (scheme !== null && scheme !== 'http' && scheme !== 'https') {
      return none([issue('website.invalid', { reason: `"${scheme}:" is not a web address` })]);
    }

    let cut = s.length;
    for (const c of ['/', '?', '#', '\\']) {
      const i = s.indexOf(c);
      if (i >= 0 && i < cut) cut = i;
    }
    let hostPart = s.slice(0, cut);
    let path = s.slice(cut);
    const at = hostPart.lastIndexOf('@');
    if (at >= 0) hostPart = hostPart.slice(at + 1);
    let port = '';
    const colon = hostPart.lastIndexOf(':');
    if (colon >= 0) {
      const p = hostPart.slice(colon + 1);
      hostPart = hostPart.slice(0, colon);
      if (PORT.test(p) && p !== '80' && p !== '443') port = `:${p}`;
    }
    hostPart = hostPart.replace(TRAILING_DOTS, '');
    if (hostPart.length === 0) return none([issue('website.invalid', { reason: 'no host name' })]);

    const f = facts(hostPart);
    if (f.problem !== null) return none([...issues, issue('website.invalid', { reason: f.problem })]);
    if (fromEmail) {
      issues.push(issue('website.from_email', { original: input.trim().slice(0, 200) }));
      confidence = Math.min(confidence, 0.8);
      path = '';
    }
    if (f.isProfile) {
      issues.push(issue('website.social_profile', { domain: f.domain }));
      confidence = Math.min(confidence, 0.5);
    }

    let cleanPath = '';
    if (options.keepPath ?? true) {
      const q = path.search(/[?#]/);
      cleanPath = (q >= 0 ? path.slice(0, q) : path).replace(/\\/g, '/');
      cleanPath = cleanPath.replace(PATH_END, '');
      if (cleanPath.length > 0 && !cleanPath.startsWith('/')) cleanPath = '/' + cleanPath;
    }
    let urlHost = f.host;
    if (options.stripWww && urlHost.startsWith('www.') && urlHost.length > 4 + f.domain.length - 1) urlHost = urlHost.slice(4);
    const url = `${scheme ?? defaultScheme}://${urlHost}${port}${cleanPath}`;
    return ok<WebsiteValue>({ url, domain: f.domain, host: f.host, isProfile: f.isProfile }, confidence, issues);
  };
}
