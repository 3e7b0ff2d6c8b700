/** Types shared by the title classifier, its dictionaries, crosswalks and coverage report. */

/** Job level ids (TAXONOMY.md), highest first. */
export type LevelId =
  | 'owner'
  | 'c_level'
  | 'partner'
  | 'board'
  | 'vp'
  | 'director'
  | 'manager'
  | 'senior'
  | 'entry'
  | 'intern'
  | 'unknown';

/** A function id: one of TAXONOMY.md's ids (`sales`, `marketing`, …) or a user-defined one. */
export type FunctionId = string;

/** Flags explaining a classification; only the ones that apply are present (always `true`). */
export type TitleFlags = Readonly<Record<string, true>>;

/** One rule that fired, so a user can see why a title got its level and function. */
export interface TitleRule {
  /** What the rule decided or noticed. */
  readonly kind: 'level' | 'function' | 'flag' | 'abbreviation' | 'acronym' | 'override' | 'fallback' | 'cut' | 'junk' | 'context';
  /** The level id, function id (`sales.account_management`), flag name or expansion. */
  readonly value: string;
  /** The (normalised) words that matched. */
  readonly via: string;
  /** The dictionary it came from (`en`, `de`, `acronyms`, `user`, `rule:gm`, …). */
  readonly source: string;
}

/** The value `classifyTitle` returns. */
export interface TitleValue {
  /** Level id, or null when only the function is known. */
  readonly level: LevelId | null;
  /** Primary function id, or null when only the level is known. */
  readonly function: FunctionId | null;
  /** Sub-function id of the primary function, when known. */
  readonly subFunction?: string;
  /** Every level found (multi-role titles), highest first. */
  readonly levels: readonly LevelId[];
  /** Every function found, primary first. */
  readonly functions: readonly FunctionId[];
  /** Flags such as `isHead`, `managerIsIC`, `isFounder`, `isInterim`, `isFormer`, `isJunk`, `ambiguous`. */
  readonly flags: TitleFlags;
  /** The rules that fired, in order. */
  readonly matchedRules: readonly TitleRule[];
  /** Rank of the level (TAXONOMY.md), 0 when unknown; handy for "at least director" filters. */
  readonly rank: number;
}

/** Per-call options. */
export interface ClassifyTitleOptions {
  /** Industry of the lead's company: decides banking readings (Managing Director, AVP) and acronyms (CMO, CIO, CRO). */
  readonly industry?: string | null | undefined;
  /** Level for "Global Head of …" (default `director`). */
  readonly globalHeadAs?: 'director' | 'vp';
  /** Give `executive` as the function of a domain-less director-or-above title (default true). */
  readonly inferExecutiveFunction?: boolean;
  /** Reading of Chief Digital Officer (default `information_technology`). */
  readonly digitalAs?: 'information_technology' | 'marketing';
}

/** A file of title terms: phrase → rule string (see `format` in the JSON). */
export interface TitleTermsFile {
  readonly source: string;
  readonly license: string;
  readonly language?: string;
  readonly format?: string;
  readonly terms: Readonly<Record<string, string>>;
  /** Words that end compounds (German "-leiter", Swedish "-chef"): "Vertriebsleiter" = "Vertrieb" + "leiter". */
  readonly compoundHeads?: readonly string[];
}

/** A context-dependent abbreviation. */
export interface AbbreviationRule {
  readonly to: string;
  readonly when?: readonly { readonly next?: readonly string[]; readonly prev?: readonly string[]; readonly last?: boolean; readonly to: string }[];
}

export interface TitleAbbreviationsFile {
  readonly source: string;
  readonly license: string;
  readonly abbreviations: Readonly<Record<string, string | AbbreviationRule>>;
}

/** One reading of an acronym such as CMO. */
export interface AcronymReading {
  readonly name: string;
  readonly term: string;
  /** Words in the title that select this reading. */
  readonly context?: readonly string[];
  /** Substrings of the industry that select this reading. */
  readonly industries?: readonly string[];
}

export interface TitleAcronymsFile {
  readonly source: string;
  readonly license: string;
  readonly acronyms: Readonly<
    Record<string, { readonly readings: readonly AcronymReading[]; readonly ambiguous?: boolean; readonly case?: boolean }>
  >;
  /** Words between "Chief" and "Officer" that read differently there ("operating" → operations). */
  readonly chiefWords: Readonly<Record<string, string>>;
}

export interface TitleRulesFile {
  readonly source: string;
  readonly license: string;
  /** Whole-title junk values (compared after foldKey). */
  readonly junk: readonly string[];
  /** Named contexts: words in the title or industry substrings. */
  readonly contexts: Readonly<Record<string, { readonly words: readonly string[]; readonly industries: readonly string[] }>>;
}

export interface TitleTaxonomyFile {
  readonly source: string;
  readonly license: string;
  readonly levels: Readonly<Record<string, number>>;
  readonly precedence: readonly string[];
  readonly functions: Readonly<Record<string, { readonly label: string; readonly sub: readonly string[] }>>;
  readonly opsSubFunction: Readonly<Record<string, string>>;
  readonly domainless: readonly string[];
}

/** Everything the classifier needs, passed in (the root entry binds the built-in set). */
export interface TitleDictionaries {
  readonly taxonomy: TitleTaxonomyFile;
  readonly terms: readonly TitleTermsFile[];
  readonly abbreviations: TitleAbbreviationsFile;
  readonly acronyms: TitleAcronymsFile;
  readonly rules: TitleRulesFile;
}

/** What a rule pack or user adds to the built-in dictionaries. */
export interface TitleExtension {
  /** Extra or replacing terms, in the same rule-string format as the dictionaries (`"@manager #sales"`). */
  readonly terms?: Readonly<Record<string, string>>;
  /** Exact titles (compared after folding case, accents and punctuation) with a fixed answer. */
  readonly overrides?: Readonly<
    Record<string, { readonly level?: LevelId | null; readonly function?: FunctionId | null; readonly subFunction?: string }>
  >;
  /** Extra functions (ids usable in terms and overrides), with their sub-functions. */
  readonly functions?: Readonly<Record<string, { readonly label?: string; readonly sub?: readonly string[] }>>;
  /** Renames built-in function ids in the output (`{ "information_technology": "it" }`). */
  readonly functionMap?: Readonly<Record<string, FunctionId>>;
  /** Extra abbreviations (`{ "mktg": "marketing" }`). */
  readonly abbreviations?: Readonly<Record<string, string>>;
  /** Extra whole-title junk values. */
  readonly junk?: readonly string[];
}
