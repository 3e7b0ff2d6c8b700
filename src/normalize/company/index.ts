import words from '../../../dictionaries/company-words.json' with { type: 'json' };
import legal from '../../../dictionaries/legal-forms.json' with { type: 'json' };
import { createCompanyNormalizer, type CompanyDictionaries } from './company.js';

export { createCompanyNormalizer } from './company.js';
export type { CompanyDictionaries, CompanyOptions, CompanyValue, LegalFormEntry } from './company.js';

/** The built-in company dictionaries (legal forms from GLEIF ISO 20275 and OpenSanctions). */
export const COMPANY_DICTIONARIES: CompanyDictionaries = {
  get legalForms() {
    return legal.forms;
  },
  get acronyms() {
    return words.acronyms;
  },
  get keyStopwords() {
    return words.keyStopwords;
  },
  get lowerWords() {
    return words.lowerWords;
  },
  get placeholders() {
    return words.placeholders;
  },
  get notCompanies() {
    return words.notCompanies;
  },
};

/**
 * Normalizes a company name: cleaned display name (recased only when ALL CAPS or all lower),
 * legal form recognised (GmbH, S.A., Sp. z o.o., Pty Ltd, OOO…), base name without it, and a match key.
 *
 * @example
 * normalizeCompanyName('MÜLLER & SÖHNE GMBH & CO. KG').value
 * //=> { name: 'Müller & Söhne GmbH & Co. KG', legalForm: 'GmbH & Co. KG', legalFormCountries: ['DE'],
 * //     legalForms: ['GmbH & Co. KG'], base: 'Müller & Söhne', key: 'muller sohne' }
 */
export const normalizeCompanyName = createCompanyNormalizer(COMPANY_DICTIONARIES);

/**
 * The company match key alone (for dedupe blocking and account matching), or null.
 *
 * @example
 * companyMatchKey('The Procter and Gamble Company') === companyMatchKey('PROCTER & GAMBLE CO.') //=> true
 */
export function companyMatchKey(name: string): string | null {
  return normalizeCompanyName(name).value?.key ?? null;
}
