/**
 * The pack's `dedupe` section: typed fields, blocking rules, comparisons with weighted levels,
 * thresholds, non-duplicate rules and survivorship. Plain JSON, validated here.
 */
import * as z from 'zod';

const Name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'a field or comparison name (letters, digits, "_", "-", ".")');

/** How a field's values are read and keyed. */
export const FieldTypeSchema = z.enum([
  'text', // folded: lowercase, no accents, punctuation as spaces, collapsed
  'code', // exact code after trim + uppercase (country, state, postcode, ids)
  'givenName', // text + nickname keys
  'name', // text (surnames), phonetic key available
  'email', // email match key (gmail dots, +tags)
  'emailDomain', // registrable domain of an email address
  'company', // company match key (legal forms and stop words removed)
  'phone', // digits of an E.164 number, extension dropped
  'domain', // registrable domain of a website/URL
  'date', // day number from ISO (YYYY-MM-DD…) or YYYYMMDD
  'number', // a decimal number
]);
export type FieldType = z.infer<typeof FieldTypeSchema>;

export const DedupeFieldSchema = z
  .object({
    type: FieldTypeSchema.default('text'),
    /** Record fields to read (default: the field's own name); several = a set of values (phone + mobile). */
    from: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** Phonetic algorithm for `phonetic` levels and blocking keys. */
    phonetic: z.enum(['soundex', 'cologne']).default('soundex'),
    /** email/emailDomain: role mailboxes (info@, sales@) count as missing. */
    ignoreRole: z.boolean().default(false),
    /** email/emailDomain: free-mail addresses count as missing (free-mail users match on name + company). */
    ignoreFree: z.boolean().default(false),
    /** phone: compare the last N digits (country code and trunk prefix vary between files). */
    tailDigits: z.number().int().min(6).max(15).default(9),
    /** Values (after keying) that count as missing. */
    missing: z.array(z.string()).default([]),
  })
  .strict();

const Prob = z.number().gt(0).lte(1);
const LevelBase = {
  label: z.string().optional(),
  /** Match weight: log2(m/u). Given directly, or derived from m and u. */
  weight: z.number().optional(),
  m: Prob.optional(),
  u: Prob.optional(),
};

export const LevelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('null'), ...LevelBase }).strict(),
  z.object({ kind: z.literal('exact'), ...LevelBase }).strict(),
  z.object({ kind: z.literal('nickname'), ...LevelBase }).strict(),
  z.object({ kind: z.literal('jaroWinkler'), min: z.number().gt(0).lte(1), ...LevelBase }).strict(),
  z.object({ kind: z.literal('levenshtein'), max: z.number().int().min(1).max(10), ...LevelBase }).strict(),
  z.object({ kind: z.literal('phonetic'), ...LevelBase }).strict(),
  z.object({ kind: z.literal('initial'), ...LevelBase }).strict(),
  z
    .object({ kind: z.literal('tokenSet'), min: z.number().gt(0).lte(1), measure: z.enum(['jaccard', 'overlap']).default('jaccard'), ...LevelBase })
    .strict(),
  z.object({ kind: z.literal('numeric'), maxDiff: z.number().min(0).optional(), maxRatio: z.number().min(0).optional(), ...LevelBase }).strict(),
  z.object({ kind: z.literal('date'), maxDays: z.number().min(0), ...LevelBase }).strict(),
  /** This field's value equals the other record's `field` value (swapped first/last names, day/month). */
  z.object({ kind: z.literal('crossExact'), field: Name, ...LevelBase }).strict(),
  z.object({ kind: z.literal('else'), ...LevelBase }).strict(),
]);
export type LevelInput = z.input<typeof LevelSchema>;

export const ComparisonSchema = z
  .object({
    /** Name of the comparison (defaults to `field`). */
    id: Name.optional(),
    /** A field declared in `fields` (or a record field read as `text`). */
    field: Name,
    /** Ordered levels, first match wins; the last must be `else`. */
    levels: z.array(LevelSchema).min(2),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.levels[c.levels.length - 1]!.kind !== 'else') ctx.addIssue({ code: 'custom', message: 'the last level must be { "kind": "else" }', path: ['levels'] });
    c.levels.forEach((l, i) => {
      if (l.weight === undefined && l.kind !== 'null' && (l.m === undefined || l.u === undefined))
        ctx.addIssue({ code: 'custom', message: 'a level needs a weight, or both m and u', path: ['levels', i] });
    });
  });

/** A blocking key part: a field and how it is keyed. */
export const BlockKeySchema = z.union([
  Name,
  z
    .object({
      field: Name,
      key: z.enum(['value', 'phonetic', 'initial', 'prefix', 'nickname', 'year']).default('value'),
      length: z.number().int().min(1).max(20).optional(),
    })
    .strict(),
]);

export const BlockingRuleSchema = z.union([
  z.array(BlockKeySchema).min(1),
  z.object({ id: z.string().optional(), on: z.array(BlockKeySchema).min(1) }).strict(),
]);

export const NonDuplicateRuleSchema = z
  .object({
    id: z.string().min(1),
    /** The pair's level in `comparison` must be one of `levels` (labels or kinds). */
    comparison: Name,
    levels: z.array(z.string()).min(1),
    /** `distinct`: never merged; `review`: at most the review list. */
    then: z.enum(['distinct', 'review']).default('distinct'),
  })
  .strict();

export const SurvivorshipRuleSchema = z.enum([
  'keep_master',
  'most_recent',
  'most_complete',
  'source_priority',
  'longest',
  'most_frequent',
  'append_all',
  'status_precedence',
]);
export type SurvivorshipRule = z.infer<typeof SurvivorshipRuleSchema>;

export const SurvivorshipSchema = z
  .object({
    /** Tie-breakers to pick the master, in order; the smallest sourceRow breaks remaining ties. */
    master: z.array(z.enum(['most_complete', 'most_recent', 'source_priority', 'has_id'])).default(['has_id', 'most_complete', 'most_recent']),
    /** Record fields giving a record's recency (first present wins; ISO dates compare as text). */
    recency: z.array(z.string()).default(['updatedAt', 'createdAt']),
    sourcePriority: z.object({ field: z.string(), order: z.array(z.string()) }).strict().optional(),
    default: SurvivorshipRuleSchema.default('keep_master'),
    fields: z.record(z.string(), SurvivorshipRuleSchema).default({}),
    /** Separator for `append_all`. */
    separator: z.string().default('; '),
    /** Campaign member statuses, best first (memberships are always unioned). */
    statusPrecedence: z.array(z.string()).default([]),
    /** Record field holding the status for `status_precedence` (memberships' status is resolved the same way). */
    statusField: z.string().default('memberStatus'),
  })
  .strict();

export const DedupeSectionSchema = z
  .object({
    fields: z.record(z.string(), DedupeFieldSchema).default({}),
    blocking: z.array(BlockingRuleSchema).min(1),
    /** Blocks larger than this are skipped (and reported): they would generate too many pairs. */
    maxBlockSize: z.number().int().min(2).default(500),
    comparisons: z.array(ComparisonSchema).min(1),
    /** Prior: probability that two random records match (sets the starting weight). */
    probabilityTwoRandomRecordsMatch: Prob.default(0.0001),
    threshold: z
      .object({ merge: z.number().gt(0).lt(1), review: z.number().gt(0).lt(1) })
      .strict()
      .refine((t) => t.review <= t.merge, { message: 'review must be ≤ merge' }),
    /** Chaining guard: a member of a cluster whose probability against the cluster's representative is below this is split off (default: the review threshold). */
    chainGuard: z.number().gt(0).lt(1).optional(),
    nonDuplicates: z.array(NonDuplicateRuleSchema).default([]),
    survivorship: SurvivorshipSchema.default(() => SurvivorshipSchema.parse({})),
  })
  .strict();

export type DedupeSection = z.output<typeof DedupeSectionSchema>;
export type DedupeSectionInput = z.input<typeof DedupeSectionSchema>;
export type DedupeFieldSpec = z.output<typeof DedupeFieldSchema>;
export type Level = z.output<typeof LevelSchema>;
export type Comparison = z.output<typeof ComparisonSchema>;
export type BlockKey = z.output<typeof BlockKeySchema>;
export type BlockingRule = z.output<typeof BlockingRuleSchema>;
export type Survivorship = z.output<typeof SurvivorshipSchema>;
