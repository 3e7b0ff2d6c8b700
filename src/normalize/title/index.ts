import { BUILTIN_TITLE_DICTIONARIES } from './builtin.js';
import { createTitleClassifier, type TitleClassifier } from './title.js';
import type { TitleExtension } from './types.js';

export { BUILTIN_TITLE_DICTIONARIES } from './builtin.js';
export { createTitleClassifier, MAX_TITLE_LENGTH, type TitleAnalysis, type TitleClassifier } from './title.js';
export type * from './types.js';

/**
 * Classifies a job title into a job level and function (TAXONOMY.md ids), explained by `matchedRules`.
 * Never throws on data; `value` is null (with a `title.unclassified` issue) when nothing is known.
 *
 * @param input - the job title as typed
 * @param options - `industry` (banking/medical readings), `globalHeadAs`, `inferExecutiveFunction`, `digitalAs`
 * @returns `{ value: { level, function, subFunction?, levels, functions, flags, matchedRules, rank }, confidence, issues }`
 * @example
 * classifyTitle('Sr. Dir. of Demand Gen').value
 * //=> { level: 'director', function: 'marketing', subFunction: 'demand_generation', … }
 */
export const classifyTitle: TitleClassifier = createTitleClassifier({ dictionaries: BUILTIN_TITLE_DICTIONARIES });

/**
 * A classifier with the built-in dictionaries plus a pack's or user's extension
 * (extra terms, exact-title overrides, own functions, function renames).
 *
 * @throws LeadtidyError (at first call) when the extension is invalid
 * @example
 * const classify = extendTitleClassifier({ overrides: { 'Chief Vibes Officer': { level: 'c_level', function: 'human_resources' } } });
 * classify('chief vibes officer').value?.function //=> 'human_resources'
 */
export function extendTitleClassifier(extend: TitleExtension): TitleClassifier {
  return createTitleClassifier({ dictionaries: BUILTIN_TITLE_DICTIONARIES, extend });
}
export { renderTitleForTarget, TITLE_CROSSWALKS, type CrosswalkEntry, type PicklistValue, type RenderedTitle, type TitleCrosswalk, type TitleTarget } from './crosswalk.js';
export { titleCoverage, type TitleCoverageReport } from './coverage.js';
export { parseJobFunction, parseJobLevel } from './picklist.js';
export { explainTitle } from './explain.js';
export { titleCrosswalkSchema, titleExtensionSchema } from './schema.js';
