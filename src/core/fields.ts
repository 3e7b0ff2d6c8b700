/**
 * Canonical lead fields (camelCase). Clean records carry these, plus `sourceRow`,
 * `extra` (every unmapped input column, untouched) and `campaigns`.
 */
export const CANONICAL_FIELDS = [
  'id',
  'salutation',
  'fullName',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'credentials',
  'email',
  'phone',
  'mobilePhone',
  'company',
  'website',
  'title',
  'jobLevel',
  'jobFunction',
  'jobSubFunction',
  'department',
  'street',
  'street2',
  'city',
  'state',
  'postalCode',
  'country',
  'industry',
  'employees',
  'revenue',
  'leadSource',
  'campaign',
  'memberStatus',
  'optIn',
  'createdAt',
  'updatedAt',
  'notes',
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

const CANONICAL_SET: ReadonlySet<string> = new Set(CANONICAL_FIELDS);

/** Whether `name` is a canonical field. */
export function isCanonicalField(name: string): name is CanonicalField {
  return CANONICAL_SET.has(name);
}

/** A campaign membership carried by a record (unioned when duplicates merge). */
export interface CampaignMembership {
  readonly campaign: string;
  readonly status: string | null;
  readonly sourceRow: number;
}

/** A clean lead record: canonical fields, plus provenance and carried-through columns. */
export type LeadRecord = {
  [K in CanonicalField]?: string | null;
} & {
  /** 1-based data row in the source file. */
  sourceRow: number;
  /** Unmapped input columns, untouched, keyed by their (unique) header. */
  extra: Record<string, string>;
  /** Campaign memberships. */
  campaigns: CampaignMembership[];
  /** Lead score from the pack's `score` rules. */
  score?: number;
  /** The score rules that fired, as `id+points`. */
  scoreRules?: string[];
  /** Assignment from the pack's `route.assign` rules (first match wins). */
  owner?: string | null;
  queue?: string | null;
  routeRule?: string | null;
  /** Nurture program from `route.nurture` (first match wins). */
  nurtureProgram?: string | null;
  nurtureRule?: string | null;
  /** Against the existing CRM records: "new", "update <id>" or "review <id>". */
  crmAction?: string | null;
  /** The existing CRM record this lead updates or may update. */
  existingId?: string | null;
  /** Account matching: the account, confidence ("0.93"), method and evidence. */
  accountId?: string | null;
  accountMatchConfidence?: string | null;
  accountMatchMethod?: string | null;
  accountMatchExplanation?: string | null;
};

/** Decision columns written after the canonical fields when a pack scores or routes. */
export const DECISION_FIELDS = [
  'crmAction',
  'existingId',
  'accountId',
  'accountMatchConfidence',
  'accountMatchMethod',
  'accountMatchExplanation',
  'score',
  'scoreRules',
  'owner',
  'queue',
  'routeRule',
  'nurtureProgram',
  'nurtureRule',
] as const;

/** A raw input row: header → cell text. */
export type RawRow = Readonly<Record<string, string | number | boolean | null | undefined>>;
