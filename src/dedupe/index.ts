import free from '../../dictionaries/free-email-domains.json' with { type: 'json' };
import roles from '../../dictionaries/role-email-prefixes.json' with { type: 'json' };
import defaultPack from '../../rules/default.json' with { type: 'json' };
import { companyMatchKey } from '../normalize/company/index.js';
import { emailMatchKey, emailRegistrableDomain } from '../normalize/email/index.js';
import { nicknameKeys } from '../normalize/person-name/index.js';
import { registrableDomain } from '../normalize/website/index.js';
import type { DedupeDependencies } from './compile.js';
import { createDeduper } from './dedupe.js';

export { createDeduper, type Deduper } from './dedupe.js';
export { compileSection, parseDedupeSection, dayNumber, type DedupeDependencies, type Feature } from './compile.js';
export { undoMerge, stableStringify, type DedupeCluster, type DedupeOptions, type DedupeResult, type ExistingMatch, type ReviewItem } from './engine.js';
export type { BlockingReport, BlockingRuleReport } from './blocking.js';
export type { EstimateOptions, EstimateResult } from './estimate.js';
export type { ExistingIndex, ExistingIndexJSON } from './existing.js';
export { probabilityOf, type FieldContribution, type PairExplanation } from './score.js';
export { unionCampaigns, type DedupeRecord, type FieldChoice, type MergePlanEntry } from './survivorship.js';
export { jaro, jaroWinkler, levenshtein, tokenSetSimilarity, soundex, colognePhonetic } from './metrics.js';
export {
  DedupeSectionSchema,
  DedupeFieldSchema,
  ComparisonSchema,
  LevelSchema,
  BlockingRuleSchema,
  SurvivorshipSchema,
  NonDuplicateRuleSchema,
  type DedupeSection,
  type DedupeSectionInput,
} from './schema.js';

/** The default B2B `dedupe` section (the lead's `rules/default.json` carries the same). */
export const DEFAULT_DEDUPE_SECTION: unknown = defaultPack.dedupe;

let freeSet: ReadonlySet<string> | undefined;
let roleSet: ReadonlySet<string> | undefined;

/** The built-in lookups dedupe uses (sets are built on first use, not at import). */
export const DEDUPE_DEPENDENCIES: DedupeDependencies = {
  companyKey: companyMatchKey,
  nicknameKeys,
  emailKey: emailMatchKey,
  emailDomain: emailRegistrableDomain,
  websiteDomain: registrableDomain,
  get freeDomains() {
    return (freeSet ??= new Set(free.domains));
  },
  get rolePrefixes() {
    return (roleSet ??= new Set(roles.prefixes));
  },
};

const bound = createDeduper(DEDUPE_DEPENDENCIES, DEFAULT_DEDUPE_SECTION);

/**
 * Finds duplicates among clean records and merges them: blocking → Fellegi-Sunter scoring →
 * clusters (with a chaining guard) → survivorship. Returns clusters with stable ids, survivors,
 * a merge plan (undo with `undoMerge`), a review list with per-field explanations and a blocking report.
 *
 * @example
 * const r = dedupe([
 *   { sourceRow: 2, firstName: 'Robert', lastName: 'Smith', email: 'rob@acme.com', extra: {}, campaigns: [] },
 *   { sourceRow: 3, firstName: 'Bob', lastName: 'Smith', email: 'Rob@ACME.com', extra: {}, campaigns: [] },
 * ]);
 * r.clusters //=> [{ id: 'c-…', members: [0, 1], score: 0.99…, master: 0 }]
 * r.records.length //=> 1
 */
export const dedupe = bound.dedupe;

/**
 * Explains how two records compare: prior, each comparison's level and weight, total and probability.
 *
 * @example
 * explainPair({ firstName: 'Bob', lastName: 'Smith' }, { firstName: 'Robert', lastName: 'Smith' }).fields[1]
 * //=> { comparison: 'firstName', level: 'nickname', weight: 5, values: ['bob', 'robert'], … }
 */
export const explainPair = bound.explainPair;

/**
 * Builds a reusable index of existing CRM records (with `id`) to label incoming leads
 * `new`, `update <id>` or `review <id>`; `toJSON()` saves it, `loadExistingIndex` loads it.
 *
 * @example
 * const index = createExistingIndex(crmRecords);
 * index.match(leads)[0] //=> { index: 0, label: 'update', existingId: '003A1', action: 'update 003A1', probability: 0.99… }
 */
export const createExistingIndex = bound.createExistingIndex;

/**
 * Loads an index saved with `toJSON()` (object or JSON text).
 *
 * @example
 * const index = loadExistingIndex(JSON.parse(saved));
 * index.size //=> 1000000
 */
export const loadExistingIndex = bound.loadExistingIndex;

/**
 * Estimates every level's m and u from unlabelled records (u from random pairs, m by EM over
 * blocked pairs) and returns the section with the weights written back, ready to save in a pack.
 *
 * @example
 * const { section } = estimateWeights(records);
 * section.comparisons[0].levels[1] //=> { kind: 'exact', m: 0.93, u: 0.00001, weight: 16.5 }
 */
export const estimateWeights = bound.estimateWeights;

/**
 * One record's blocking keys per rule id: records that share a key are the candidate pairs.
 * Use them as `GROUP BY` keys to shard deduplication in a warehouse.
 *
 * @example
 * blockingKeysOf({ email: 'Rob@ACME.com', firstName: 'Bob', lastName: 'Smith' })
 * //=> { email: ['rob@acme.com'], … }
 */
export const blockingKeysOf = bound.blockingKeysOf;

/**
 * Labels records `new`, `update <id>` or `review <id>` against existing CRM records, without
 * merging the records among themselves; one `dedupe.existing_*` issue per match.
 *
 * @example
 * labelExisting(leads, crmRecords).matches[0] //=> { index: 0, label: 'update', existingId: '003A1', action: 'update 003A1', … }
 */
export const labelExisting = bound.labelExisting;
