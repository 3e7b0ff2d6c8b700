/** The built-in title dictionaries (JSON data in `dictionaries/`). */
import abbreviations from '../../../dictionaries/titles-abbreviations.json' with { type: 'json' };
import acronyms from '../../../dictionaries/titles-acronyms.json' with { type: 'json' };
import de from '../../../dictionaries/titles-de.json' with { type: 'json' };
import en from '../../../dictionaries/titles-en.json' with { type: 'json' };
import es from '../../../dictionaries/titles-es.json' with { type: 'json' };
import exclusions from '../../../dictionaries/titles-exclusions.json' with { type: 'json' };
import fr from '../../../dictionaries/titles-fr.json' with { type: 'json' };
import it from '../../../dictionaries/titles-it.json' with { type: 'json' };
import nl from '../../../dictionaries/titles-nl.json' with { type: 'json' };
import other from '../../../dictionaries/titles-other.json' with { type: 'json' };
import pt from '../../../dictionaries/titles-pt.json' with { type: 'json' };
import rules from '../../../dictionaries/titles-rules.json' with { type: 'json' };
import taxonomy from '../../../dictionaries/titles-taxonomy.json' with { type: 'json' };
import type { TitleAbbreviationsFile, TitleDictionaries, TitleTermsFile } from './types.js';

/**
 * Built-in dictionaries: taxonomy, English, exclusions/traps (Product Owner, HR Business Partner, …), German, French, Spanish, Portuguese, Dutch,
 * Italian and other-language terms (later files win on the same phrase), abbreviations,
 * acronyms and junk/context rules.
 *
 * @example
 * createTitleClassifier({ dictionaries: BUILTIN_TITLE_DICTIONARIES })('VP Sales').value?.level //=> 'vp'
 */
export const BUILTIN_TITLE_DICTIONARIES: TitleDictionaries = {
  taxonomy,
  terms: [en, exclusions, de, fr, es, pt, nl, it, other] as readonly TitleTermsFile[],
  abbreviations: abbreviations as TitleAbbreviationsFile,
  acronyms,
  rules,
};
