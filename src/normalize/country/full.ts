import countries from '../../../dictionaries/countries.json' with { type: 'json' };
import aliases from '../../../dictionaries/country-aliases.json' with { type: 'json' };
import { createCountryNormalizer, type CountryDictionaries } from './country.js';

/**
 * The full country dictionaries: names in every CLDR locale (338 languages and variants) and
 * i18n-iso-countries' 77 languages, besides everything in the compact default table
 * (about 660 KB of data, ten times the compact table).
 *
 * @example
 * createCountryNormalizer(FULL_COUNTRY_DICTIONARIES)('Jamani').value?.code //=> 'DE'
 */
export const FULL_COUNTRY_DICTIONARIES: CountryDictionaries = { countries, aliases };

/**
 * {@link normalizeCountry} over the full table: also resolves country names written in
 * languages the compact default table leaves out (Yoruba "Jamani", Scottish Gaelic "A' Ghearmailt").
 * The default pack's `country` step and the geo units (state, postal code, phone) use it.
 *
 * @example
 * normalizeCountryFull("A' Ghearmailt").value?.code //=> 'DE'
 * normalizeCountry("A' Ghearmailt").value //=> null
 * normalizeCountryFull('Deutschland').value?.code //=> 'DE'
 */
export const normalizeCountryFull = createCountryNormalizer(FULL_COUNTRY_DICTIONARIES);
