import metadata from 'libphonenumber-js/min/metadata';
import callingCodes from '../../../dictionaries/calling-code-defaults.json' with { type: 'json' };
import { normalizeCountryFull } from '../country/full.js';
import { createPhoneNormalizer, type PhoneDictionaries } from './phone.js';

export {
  createPhoneNormalizer,
  type CallingCodeDefaults,
  type PhoneDictionaries,
  type PhoneNormalizer,
  type PhoneOptions,
  type PhoneValue,
} from './phone.js';

/**
 * Built-in phone dictionaries: libphonenumber-js "min" metadata and the shared-calling-code table.
 *
 * @example
 * createPhoneNormalizer(BUILTIN_PHONE_DICTIONARIES)('+61 2 9876 5432').value?.country //=> 'AU'
 */
export const BUILTIN_PHONE_DICTIONARIES: PhoneDictionaries = {
  metadata,
  callingCodes,
  resolveCountry: (s) => normalizeCountryFull(s).value?.code ?? null,
};

/**
 * Normalizes a phone number to E.164 with libphonenumber-js ("min" metadata): extensions kept,
 * `00`/`011` prefixes and "(0)" trunk artefacts handled, vanity letters read as digits, the
 * first of several numbers in a cell kept (the rest reported). For exact line types build a
 * normalizer with `createPhoneNormalizer({ metadata: maxMetadata, callingCodes })`.
 *
 * @example
 * normalizePhone('(415) 555-2671', { country: 'US' }).value?.e164 //=> '+14155552671'
 * normalizePhone('0049 89 1234567').value?.country //=> 'DE'
 * normalizePhone('+44 (0)20 7946 0958 ext. 12').value?.extension //=> '12'
 */
export const normalizePhone = createPhoneNormalizer(BUILTIN_PHONE_DICTIONARIES);
