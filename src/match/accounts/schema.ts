import * as z from 'zod';
import defaultPack from '../../../rules/default.json' with { type: 'json' };

const defaults = { section: defaultPack.accounts };
import { LeadtidyError, type Problem } from '../../core/errors.js';

const Weight = z.number().min(-1).max(1);
const Share = z.number().min(0).max(1);

/** Tie-breakers, applied in order to candidates whose scores are within `tieMargin` of the best. */
export const TieBreakerSchema = z.enum(['sameCountry', 'parent', 'child', 'mostContacts', 'largest']);

/**
 * Zod schema of a rule pack's `accounts` section (lead-to-account matching). Every field is
 * optional; missing ones take the defaults in `rules/default.json` (`accounts`).
 *
 * @example
 * AccountsSectionSchema.parse({ floor: 0.8, synonyms: [['alphabet', 'google']] }).floor //=> 0.8
 */
export const AccountsSectionSchema = z
  .object({
    /** Below this confidence the answer is `null`. */
    floor: Share.optional(),
    /** Points each piece of evidence adds (negative: conflicts). The name weight is scaled by the name score. */
    weights: z
      .object({
        domain: Weight,
        domainLabel: Weight,
        domainMismatch: Weight,
        name: Weight,
        country: Weight,
        countryMismatch: Weight,
        state: Weight,
        stateMismatch: Weight,
        city: Weight,
        phone: Weight,
        postalCode: Weight,
      })
      .partial()
      .strict()
      .optional(),
    /** Name scores (0..1) of each kind of name evidence, and the token-similarity knobs. */
    name: z
      .object({
        exact: Share,
        compact: Share,
        synonym: Share,
        acronym: Share,
        /** Token similarity below this is no name evidence at all. */
        minTokenSimilarity: Share,
        /** Weight factor of sector words (Bank, Dental, Software…) against distinctive ones. */
        genericWeight: Share,
        /** Weight factor of boilerplate words (Group, Holding, International, Koninklijke…). */
        boilerplateWeight: Share,
        /** Factor on sector words only the account has (a qualifier leads often drop, rather than a conflict). */
        oneSidedSectorFactor: Share,
        /** Factor on unmatched sector words when the lead has one the account lacks (Dental vs Air Lines: a conflict). */
        sectorConflictFactor: z.number().min(0).max(20),
        /** Credit for a token one or two edits away (Europa ↔ Europe). */
        fuzzyFactor: Share,
        /** Credit for a word part (Chevron ↔ ChevronTexaco). */
        partFactor: Share,
        /** 0: similarity is the lower of the two coverages; 1: the higher; 0.5: their mean. */
        coverageBalance: Share,
      })
      .partial()
      .strict()
      .optional(),
    /** Languages whose built-in generic-word lists apply. */
    languages: z.array(z.string().min(2).max(8)).optional(),
    /** Extra sector words (any language), merged with the built-in lists. */
    genericWords: z.array(z.string().min(1).max(60)).optional(),
    /** Extra boilerplate words (any language), merged with the built-in lists. */
    boilerplateWords: z.array(z.string().min(1).max(60)).optional(),
    /** Words never treated as generic even when a built-in list has them. */
    distinctiveWords: z.array(z.string().min(1).max(60)).optional(),
    /** Groups of names that denote the same company (Google ↔ Alphabet), compared by match key. */
    synonyms: z.array(z.array(z.string().min(1).max(200)).min(2)).optional(),
    tieBreakers: z.array(TieBreakerSchema).optional(),
    /** Candidates within this score of the best are tied. */
    tieMargin: Share.optional(),
    /** Confidence factor when the tie-breakers cannot separate the tied candidates. */
    ambiguityFactor: Share.optional(),
    /** Runner-up candidates reported per lead. */
    maxCandidates: z.number().int().min(1).max(50).optional(),
    /** A token in more accounts than this never opens candidates (it still scores). */
    maxPostings: z.number().int().min(1).optional(),
  })
  .strict();

/** The `accounts` section as written in a pack. */
export type AccountsSection = z.input<typeof AccountsSectionSchema>;

/** The `accounts` section with every default filled in. */
export interface AccountsSettings {
  readonly floor: number;
  readonly weights: Readonly<Record<keyof NonNullable<z.output<typeof AccountsSectionSchema>['weights']>, number>>;
  readonly name: Readonly<Record<keyof NonNullable<z.output<typeof AccountsSectionSchema>['name']>, number>>;
  readonly languages: readonly string[];
  readonly genericWords: readonly string[];
  readonly boilerplateWords: readonly string[];
  readonly distinctiveWords: readonly string[];
  readonly synonyms: readonly (readonly string[])[];
  readonly tieBreakers: readonly z.output<typeof TieBreakerSchema>[];
  readonly tieMargin: number;
  readonly ambiguityFactor: number;
  readonly maxCandidates: number;
  readonly maxPostings: number;
}

/**
 * The default `accounts` section (the lead engineer copies it into `rules/default.json`).
 *
 * @example
 * DEFAULT_ACCOUNTS_SECTION.floor //=> 0.75
 */
export const DEFAULT_ACCOUNTS_SECTION = defaults.section as unknown as AccountsSettings;

/**
 * Validates a pack's `accounts` section and fills the defaults. Throws {@link LeadtidyError} listing
 * every problem with its path.
 *
 * @example
 * resolveAccountsSection({ weights: { domain: 0.95 } }).weights.name //=> 0.85
 */
export function resolveAccountsSection(section: unknown): AccountsSettings {
  if (section === undefined || section === null) return DEFAULT_ACCOUNTS_SECTION;
  const parsed = AccountsSectionSchema.safeParse(section);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((i) => ({ path: ['accounts', ...i.path.map(String)].join('.'), message: i.message }));
    throw new LeadtidyError('pack', 'Invalid accounts section', problems);
  }
  const s = parsed.data;
  const d = DEFAULT_ACCOUNTS_SECTION;
  return {
    floor: s.floor ?? d.floor,
    weights: { ...d.weights, ...stripUndefined(s.weights) } as AccountsSettings['weights'],
    name: { ...d.name, ...stripUndefined(s.name) } as AccountsSettings['name'],
    languages: s.languages ?? d.languages,
    genericWords: [...d.genericWords, ...(s.genericWords ?? [])],
    boilerplateWords: [...d.boilerplateWords, ...(s.boilerplateWords ?? [])],
    distinctiveWords: [...d.distinctiveWords, ...(s.distinctiveWords ?? [])],
    synonyms: [...d.synonyms, ...(s.synonyms ?? [])],
    tieBreakers: s.tieBreakers ?? d.tieBreakers,
    tieMargin: s.tieMargin ?? d.tieMargin,
    ambiguityFactor: s.ambiguityFactor ?? d.ambiguityFactor,
    maxCandidates: s.maxCandidates ?? d.maxCandidates,
    maxPostings: s.maxPostings ?? d.maxPostings,
  };
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!o) return out;
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
