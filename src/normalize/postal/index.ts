import formats from '../../../dictionaries/postal-formats.json' with { type: 'json' };
import inference from '../../../dictionaries/postal-inference.json' with { type: 'json' };
import { normalizeCountryFull } from '../country/full.js';
import { createPostalNormalizer, type PostalDictionaries, type PostalInferenceDictionary } from './postal.js';

export {
  createPostalNormalizer,
  type PostalDictionaries,
  type PostalFormatsDictionary,
  type PostalInferenceDictionary,
  type PostalNormalizer,
  type PostalOptions,
  type PostalValue,
} from './postal.js';

/**
 * Built-in postal dictionaries (postcode-validator patterns, hand-authored inference tables).
 *
 * @example
 * createPostalNormalizer(BUILTIN_POSTAL_DICTIONARIES)('1012ab', { country: 'NL' }).value?.postalCode //=> '1012 AB'
 */
export const BUILTIN_POSTAL_DICTIONARIES: PostalDictionaries = {
  formats,
  inference: inference as unknown as PostalInferenceDictionary,
  resolveCountry: (s) => normalizeCountryFull(s).value?.code ?? null,
};

/**
 * Validates and formats a postal code for its country (US ZIP/ZIP+4 with lost leading zeros
 * restored, CA, GB, DE, FR, NL, AU, IN, BR, JP, …) and infers country and state only from
 * distinctive formats ("K1A 0B1" → CA/ON, "SW1A 1AA" → GB, "94105-1234" → US/CA).
 *
 * @example
 * normalizePostalCode('94105', { country: 'US' }).value //=> { postalCode: '94105', country: 'US', state: 'CA' }
 * normalizePostalCode('sw1a1aa').value //=> { postalCode: 'SW1A 1AA', country: 'GB', state: 'ENG', inferred: true }
 * normalizePostalCode('80331').value //=> { postalCode: '80331' } (bare digits name no country)
 */
export const normalizePostalCode = createPostalNormalizer(BUILTIN_POSTAL_DICTIONARIES);
