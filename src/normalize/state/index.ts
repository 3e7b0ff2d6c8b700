import subdivisions from '../../../dictionaries/subdivisions.json' with { type: 'json' };
import { normalizeCountryFull } from '../country/full.js';
import { createStateNormalizer, type StateDictionaries } from './state.js';

export {
  createStateNormalizer,
  type StateDictionaries,
  type StateNormalizer,
  type StateOptions,
  type StateValue,
  type SubdivisionDictionary,
} from './state.js';

/**
 * The built-in subdivision dictionary (ISO 3166-2 via iso-3166, CLDR English names, hand aliases).
 *
 * @example
 * createStateNormalizer({ ...BUILTIN_STATE_DICTIONARIES, resolveCountry: () => null })('NSW').value?.code //=> 'AU-NSW'
 */
export const BUILTIN_STATE_DICTIONARIES: StateDictionaries = {
  subdivisions,
  resolveCountry: (s) => normalizeCountryFull(s).value?.code ?? null,
};

/**
 * Resolves a state/province/region as written ("Calif.", "N.Y.", "Québec", "NSW", "Bayern",
 * "Maharashtra") to its ISO 3166-2 code, within the record's country when one is given.
 * Without a country, short codes are read as US, then Canadian, then Australian ones.
 *
 * @example
 * normalizeState('Calif.').value?.code //=> 'US-CA'
 * normalizeState('Bayern', { country: 'DE' }).value?.code //=> 'DE-BY'
 * normalizeState('CA', { country: 'DE' }).issues[0]?.code //=> 'state.country_mismatch'
 */
export const normalizeState = createStateNormalizer(BUILTIN_STATE_DICTIONARIES);
