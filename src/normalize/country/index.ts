import countries from '../../../dictionaries/countries.json' with { type: 'json' };
import aliases from '../../../dictionaries/country-aliases.json' with { type: 'json' };
import { createCountryNormalizer, type CountryDictionaries } from './country.js';

export {
  createCountryNormalizer,
  type CountryAliasDictionary,
  type CountriesDictionary,
  type CountryDictionaries,
  type CountryNormalizer,
  type CountryOptions,
  type CountryValue,
} from './country.js';
export { placeKey, placeWords, foldPlace } from './key.js';

/**
 * The built-in country dictionaries (ISO 3166-1, CLDR, i18n-iso-countries, country-to-iso, overrides).
 *
 * @example
 * createCountryNormalizer(BUILTIN_COUNTRY_DICTIONARIES)('Holland').value?.code //=> 'NL'
 */
export const BUILTIN_COUNTRY_DICTIONARIES: CountryDictionaries = { countries, aliases };

/**
 * Resolves a country written any way real files write it (codes, names in many languages,
 * ISO long and comma-inverted forms, colloquial and former names, small typos) to ISO 3166-1.
 * Ambiguous inputs ("Korea", "Congo") and non-countries ("EMEA", "N/A") give `null` with an issue.
 *
 * @example
 * normalizeCountry('U.S.A.').value?.code //=> 'US'
 * normalizeCountry('Korea, Republic of').value?.code //=> 'KR'
 * normalizeCountry('Untied States').issues[0]?.code //=> 'country.typo_corrected'
 * normalizeCountry('Congo').issues[0]?.code //=> 'country.ambiguous'
 */
export const normalizeCountry = createCountryNormalizer(BUILTIN_COUNTRY_DICTIONARIES);
