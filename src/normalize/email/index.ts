import disposable from '../../../dictionaries/disposable-email-domains.json' with { type: 'json' };
import providers from '../../../dictionaries/email-providers.json' with { type: 'json' };
import free from '../../../dictionaries/free-email-domains.json' with { type: 'json' };
import roles from '../../../dictionaries/role-email-prefixes.json' with { type: 'json' };
import { createEmailNormalizer, type EmailDictionaries } from './email.js';

export { createEmailNormalizer, emailMatchKey, emailRegistrableDomain } from './email.js';
export type { EmailDictionaries, EmailOptions, EmailValue } from './email.js';

/** The built-in email dictionaries (free-mail, disposable, role mailboxes, providers). */
export const EMAIL_DICTIONARIES: EmailDictionaries = {
  get freeDomains() {
    return free.domains;
  },
  get disposable() {
    return disposable;
  },
  get rolePrefixes() {
    return roles.prefixes;
  },
  get providers() {
    return providers.providers;
  },
  get tldTypos() {
    return providers.tldTypos;
  },
  get junkLocals() {
    return providers.junkLocals;
  },
  get junkDomains() {
    return providers.junkDomains;
  },
  get placeholders() {
    return providers.placeholders;
  },
};

/**
 * Normalizes an email address: unwraps "Name <addr>" and "mailto:", lowercases, converts
 * IDN domains, checks syntax, repairs obvious provider typos (gmial.com → gmail.com, logged
 * as an info issue) and flags free, disposable, role and placeholder addresses.
 *
 * @example
 * normalizeEmail('Jane Doe <Jane.Doe@GMIAL.com>').value
 * //=> { email: 'jane.doe@gmail.com', local: 'jane.doe', domain: 'gmail.com', registrableDomain: 'gmail.com',
 * //     isFree: true, isDisposable: false, isRole: false, isJunk: false }
 */
export const normalizeEmail = createEmailNormalizer(EMAIL_DICTIONARIES);
