/** The built-in dictionaries, steps and packs that the root entry binds. */
import headerAliases from '../dictionaries/header-aliases.json' with { type: 'json' };
import defaultPack from '../rules/default.json' with { type: 'json' };
import type { CleanseEnvironment, SetSteps } from './engine/cleanse.js';
import { dedupe, labelExisting } from './dedupe/index.js';
import { createAccountIndex, matchAccounts } from './match/accounts/index.js';
import type { HeaderDictionary } from './engine/headers.js';
import type { StepRegistry } from './engine/step.js';
import { basicSteps } from './engine/steps/basic.js';
import { junkStep } from './decide/junk.js';
import { geoSteps } from './normalize/geo/step.js';
import { titleSteps } from './normalize/title/step.js';
import { emailSteps } from './normalize/email/step.js';
import { personNameSteps } from './normalize/person-name/step.js';
import { companySteps } from './normalize/company/step.js';
import { websiteSteps } from './normalize/website/step.js';

/** Every built-in record step, by the name packs use. */
export const builtInSteps: StepRegistry = {
  ...basicSteps,
  junk: junkStep,
  ...geoSteps,
  ...titleSteps,
  ...emailSteps,
  ...personNameSteps,
  ...companySteps,
  ...websiteSteps,
};

/** The header alias dictionary (`dictionaries/header-aliases.json`). */
export const builtInHeaderDictionary: HeaderDictionary = headerAliases;

/** Built-in packs by id, for `extends`. */
export const builtInPacks: Readonly<Record<string, unknown>> = {
  default: defaultPack,
};

/** The set steps `cleanse` runs after the record steps: deduplication, then account matching. */
export const builtInSetSteps: SetSteps = {
  dedupe: (records, options) => dedupe(records as never, options as never) as never,
  labelExisting: (records, existing, options) => labelExisting(records as never, existing as never, options as never),
  prepareAccounts: (accounts, options) => createAccountIndex(accounts as never, options as never),
  matchAccounts: (leads, accounts, options) => matchAccounts(leads as never, accounts as never, options as never),
};

/** The environment `cleanse` runs in: built-in steps, dictionaries, packs and set steps. */
export const builtInEnvironment: CleanseEnvironment = {
  steps: builtInSteps,
  library: builtInPacks,
  headerDictionary: builtInHeaderDictionary,
  defaultPack,
  setSteps: builtInSetSteps,
};
