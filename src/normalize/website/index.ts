import hosts from '../../../dictionaries/website-hosts.json' with { type: 'json' };
import { hostInfo, asciiHost, hostProblem } from '../email/domain.js';
import { createWebsiteNormalizer, type WebsiteDictionaries } from './website.js';

export { createWebsiteNormalizer } from './website.js';
export type { WebsiteDictionaries, WebsiteOptions, WebsiteValue } from './website.js';

/** The built-in website dictionaries. */
export const WEBSITE_DICTIONARIES: WebsiteDictionaries = {
  get profileDomains() {
    return hosts.profileDomains;
  },
  get placeholders() {
    return hosts.placeholders;
  },
};

/**
 * Normalizes a website: URL or bare domain in any form → `{ url, domain }`, where `domain`
 * is the registrable domain by the Public Suffix List (the key to join leads and accounts).
 *
 * @example
 * normalizeWebsite('http://Shop.ACME.co.uk/en/?utm_source=x').value
 * //=> { url: 'http://shop.acme.co.uk/en', domain: 'acme.co.uk', host: 'shop.acme.co.uk', isProfile: false }
 */
export const normalizeWebsite = createWebsiteNormalizer(WEBSITE_DICTIONARIES);

/**
 * Registrable domain of a URL, host or email address, or null: the same key that
 * {@link normalizeWebsite} and the email unit produce, for joining records.
 *
 * @example
 * registrableDomain('https://www.acme.com/about') //=> 'acme.com'
 */
export function registrableDomain(input: string): string | null {
  const r = normalizeWebsite(input);
  if (r.value) return r.value.domain;
  if (typeof input !== 'string') return null;
  const h = asciiHost(input.trim());
  if (h === null || hostProblem(h) !== null) return null;
  const info = hostInfo(h);
  return info.knownSuffix ? info.domain : null;
}
