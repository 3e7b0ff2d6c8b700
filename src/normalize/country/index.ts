import countries from '../../../dictionaries/countries.json' with { type: 'json' };
import aliases from '../../../dictionaries/country-aliases-compact.json' with { type: 'json' };
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
export { FULL_COUNTRY_DICTIONARIES, normalizeCountryFull } from './full.js';

/**
 * The built-in compact country dictionaries (ISO 3166-1, CLDR, i18n-iso-countries, country-to-iso,
 * overrides): codes, English names and aliases, names in the languages lead files arrive in
 * (de fr es it pt nl and other major European business languages) and every country's own
 * name in its official languages. {@link FULL_COUNTRY_DICTIONARIES} adds every CLDR language.
 *
 * @example
 * createCountryNormalizer(BUILTIN_COUNTRY_DICTIONARIES)('Holland').value?.code //=> 'NL'
 */
export const BUILTIN_COUNTRY_DICTIONARIES: CountryDictionaries = { countries, aliases };

/**
 * Resolves a country written any way real files write it (codes, names in the major languages
 * and in each country's own languages, ISO long and comma-inverted forms, colloquial and former
 * names, small typos) to ISO 3166-1.
 * Ambiguous inputs ("Korea", "Congo") and non-countries ("EMEA", "N/A") give `null` with an issue.
 * Bound to the compact table (small serverless bundles); {@link normalizeCountryFull} knows
 * every CLDR language, and is what the default pack's `country` step uses.
 *
 * @example
 * normalizeCountry('U.S.A.').value?.code //=> 'US'
 * normalizeCountry('Korea, Republic of').value?.code //=> 'KR'
 * normalizeCountry('Untied States').issues[0]?.code //=> 'country.typo_corrected'
 * normalizeCountry('Congo').issues[0]?.code //=> 'country.ambiguous'
 */
export const normalizeCountry = createCountryNormalizer(BUILTIN_COUNTRY_DICTIONARIES);
