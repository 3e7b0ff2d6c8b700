import nick from '../../../dictionaries/nicknames.json' with { type: 'json' };
import junk from '../../../dictionaries/junk.json' with { type: 'json' };
import parts from '../../../dictionaries/person-name-parts.json' with { type: 'json' };
import { createPersonNameParser, type PersonNameDictionaries } from './person-name.js';

export { createPersonNameParser } from './person-name.js';
export type { PersonNameDictionaries, PersonNameOptions, PersonNameValue } from './person-name.js';

/** The built-in person-name dictionaries. */
export const PERSON_NAME_DICTIONARIES: PersonNameDictionaries = {
  get salutations() {
    return parts.salutations;
  },
  get salutationContinuations() {
    return parts.salutationContinuations;
  },
  get suffixes() {
    return parts.suffixes;
  },
  get credentials() {
    return parts.credentials;
  },
  get ambiguousCredentials() {
    return parts.ambiguousCredentials;
  },
  get particles() {
    return parts.particles;
  },
  get surnameStartParticles() {
    return parts.surnameStartParticles;
  },
  get macNames() {
    return parts.macNames;
  },
  get junkNames() {
    return junk.placeholderNames;
  },
  get nicknames() {
    return nick.nicknames;
  },
  get givenNames() {
    return nick.givenNames;
  },
};

const bound = createPersonNameParser(PERSON_NAME_DICTIONARIES);

/**
 * Parses a person's name: salutation, first, middle, last, suffix, credentials (and a quoted
 * nickname). Handles "Last, First", particles (van, de la, bin), recases ALL-CAPS/all-lower
 * input (McDonald, O'Neill, van Beethoven) and never touches names already in mixed case.
 *
 * @example
 * parsePersonName('Smith, John, PhD, MBA').value
 * //=> { first: 'John', last: 'Smith', credentials: 'PhD, MBA' }
 */
export const parsePersonName = bound.parsePersonName;

/**
 * Canonical given-name keys for matching, never for display: "Bob" → ["bob", "bert", "bobby", "robert"].
 * Two first names may be the same person when their key sets intersect.
 *
 * @example
 * nicknameKeys('Liz').includes('elizabeth') //=> true
 */
export const nicknameKeys = bound.nicknameKeys;

/**
 * Whether a word is a known given name (from the nickname data).
 *
 * @example
 * isGivenName('Robert') //=> true
 */
export const isGivenName = bound.isGivenName;

/**
 * Recases one name field written ALL CAPS or all lower case; mixed case comes back unchanged.
 *
 * @example
 * recaseName("O'NEILL") //=> "O'Neill"
 */
export const recaseName = bound.recaseName;

/** @internal Lookup tables of the bound parser, for the record steps. */
export const personNameTables = bound.tables;
