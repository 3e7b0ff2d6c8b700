/**
 * The condition language shared by `reject`, `score` and `route`: JSON, validated by
 * zod, compiled to plain closures (never `eval`).
 *
 *   { "all": [ … ] } | { "any": [ … ] } | { "not": … } | { "always": true }
 *   { "field": "country", "in": ["US", "CA"] }           equals | in | inList | matches
 *   { "field": "employees", "gte": 1000 }                gt | gte | lt | lte (first number in the value)
 *   { "field": "email", "exists": false }                exists | contains | startsWith | endsWith
 *   { "issue": "email.disposable" }                      an issue on the record ("email.*" for a prefix)
 *
 * Text comparisons ignore case and surrounding spaces unless `"caseSensitive": true`.
 * Fields are record fields, `extra.<column>`, or the derived `emailDomain`, `emailLocal`,
 * `websiteDomain`.
 */
import * as z from 'zod';
import { issueCatalog, type Issue } from '../core/codes.js';
import type { LeadRecord } from '../core/fields.js';
import { compileSafeRegex, regexProblems } from './safe-regex.js';
import { codeAt } from '../core/text.js';

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const FieldCondition = z
  .object({
    field: z.string().min(1),
    equals: Scalar.optional(),
    in: z.array(Scalar).optional(),
    inList: z.string().optional(),
    matches: z.string().optional(),
    flags: z.string().optional(),
    exists: z.boolean().optional(),
    contains: z.string().optional(),
    startsWith: z.string().optional(),
    endsWith: z.string().optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    caseSensitive: z.boolean().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const ops = OPERATORS.filter((op) => c[op] !== undefined);
    const ranges = ops.filter((op) => op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte');
    if (ops.length === 0) ctx.addIssue({ code: 'custom', message: `a field condition needs one operator: ${OPERATORS.join(', ')}` });
    else if (ops.length > 1 && ranges.length !== ops.length) ctx.addIssue({ code: 'custom', message: `one operator per condition (found ${ops.join(', ')}); combine with "all"` });
    if (c.flags !== undefined && c.matches === undefined) ctx.addIssue({ code: 'custom', message: '"flags" goes with "matches"' });
    if (c.matches !== undefined) {
      for (const p of regexProblems(c.matches, c.flags ?? '')) ctx.addIssue({ code: 'custom', path: ['matches'], message: `unsafe pattern: ${p}` });
    }
  });

const OPERATORS = ['equals', 'in', 'inList', 'matches', 'exists', 'contains', 'startsWith', 'endsWith', 'gt', 'gte', 'lt', 'lte'] as const;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { always: true }
  | { issue: string; field?: string }
  | z.infer<typeof FieldCondition>;

/** Zod schema of a condition (recursive). */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
    z.object({ always: z.literal(true) }).strict(),
    z.object({ issue: z.string().regex(/^[a-z_]+(?:\.[a-z_]+)*(?:\.\*)?$/, 'an issue code such as "email.disposable" or a prefix "email.*"'), field: z.string().optional() }).strict(),
    FieldCondition,
  ]),
) as z.ZodType<Condition>;

/** What a compiled condition is evaluated against. */
export interface ConditionContext {
  readonly record: Readonly<LeadRecord>;
  readonly issues: readonly Issue[];
}

export type CompiledCondition = (ctx: ConditionContext) => boolean;

/** Named lists from the pack (`lists`), for `inList`. */
export type ConditionLists = Readonly<Record<string, readonly string[]>>;

function norm(v: unknown, caseSensitive: boolean): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  if (s === '') return null;
  return caseSensitive ? s : s.toLowerCase();
}

function hostOf(website: string): string | null {
  let s = website.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const end = s.search(/[/?#:]/);
  if (end !== -1) s = s.slice(0, end);
  s = s.replace(/^www\d?\./, '').replace(/\.$/, '');
  return s === '' ? null : s;
}

/** Reads a field, `extra.<column>` or a derived field from a record. */
export function readField(record: Readonly<LeadRecord>, field: string): string | null {
  if (field.startsWith('extra.')) return extraField(record, field.slice(6));
  switch (field) {
    case 'emailDomain':
      return emailDomainOf(record);
    case 'emailLocal':
      return emailLocalOf(record);
    case 'websiteDomain':
      return websiteDomainOf(record);
    default:
      return ownField(record, field);
  }
}

function extraField(record: Readonly<LeadRecord>, key: string): string | null {
  return Object.prototype.hasOwnProperty.call(record.extra, key) ? record.extra[key]! : null;
}

function ownField(record: Readonly<LeadRecord>, field: string): string | null {
  const rec = record as unknown as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(rec, field)) return null;
  const v = rec[field];
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : String(v);
}

type FieldReader = (record: Readonly<LeadRecord>) => string | null;

function emailDomainOf(record: Readonly<LeadRecord>): string | null {
  const email = (record as unknown as Record<string, unknown>).email;
  const e = typeof email === 'string' ? email : '';
  const at = e.lastIndexOf('@');
  return at === -1 ? null : e.slice(at + 1).trim().toLowerCase() || null;
}

function emailLocalOf(record: Readonly<LeadRecord>): string | null {
  const email = (record as unknown as Record<string, unknown>).email;
  const e = typeof email === 'string' ? email : '';
  const at = e.lastIndexOf('@');
  return at <= 0 ? null : e.slice(0, at).trim().toLowerCase() || null;
}

function websiteDomainOf(record: Readonly<LeadRecord>): string | null {
  const website = (record as unknown as Record<string, unknown>).website;
  return typeof website === 'string' ? hostOf(website) : null;
}

/** {@link readField} for one field, with the choice of what to read made once (for compiled conditions). */
function fieldReader(field: string): FieldReader {
  if (field.startsWith('extra.')) {
    const key = field.slice(6);
    return (record) => extraField(record, key);
  }
  switch (field) {
    case 'emailDomain':
      return emailDomainOf;
    case 'emailLocal':
      return emailLocalOf;
    case 'websiteDomain':
      return websiteDomainOf;
    default:
      return (record) => ownField(record, field);
  }
}

/**
 * `v.trim() !== ''`, without trimming when the first character cannot be trimmed: printable
 * ASCII, or U+00A1–U+167F (Latin-1 letters and most scripts; no whitespace there).
 */
export function hasText(v: string): boolean {
  const c = codeAt(v, 0);
  return (c > 32 && c < 127) || (c > 0xa0 && c < 0x1680) || v.trim() !== '';
}

const NUMBER = /([0-9][0-9.,' ]*)\s*([kKmMbB])?/;

/** The first number in a value: "1,001-5,000" → 1001, "5k" → 5000, "$10M" → 10000000, "87,5" → 87.5. */
export function firstNumber(value: string): number | null {
  const m = NUMBER.exec(value.length > 200 ? value.slice(0, 200) : value);
  if (!m) return null;
  let digits = m[1]!.trim().replace(/[' ]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) digits = digits.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(digits)) digits = digits.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d{1,2}$/.test(digits)) digits = digits.replace(',', '.');
  else digits = digits.replace(/[,.]+$/, '').replace(/,/g, '');
  const n = Number(digits);
  if (!Number.isFinite(n)) return null;
  const mult = m[2] ? { k: 1e3, m: 1e6, b: 1e9 }[m[2].toLowerCase() as 'k' | 'm' | 'b'] : 1;
  return n * mult;
}

/** A condition that validated but cannot be compiled (unknown list or issue code). */
export class ConditionError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.path = path;
  }
}

/** Compiles a validated condition. Throws ConditionError for an unknown list name or issue code. */
export function compileCondition(cond: Condition, lists: ConditionLists, path = 'when'): CompiledCondition {
  // Loops rather than every/some/find with a closure over ctx: no allocation per evaluation.
  if ('all' in cond) {
    const parts = cond.all.map((c, i) => compileCondition(c, lists, `${path}.all[${i}]`));
    if (parts.length === 1) return parts[0]!;
    return (ctx) => {
      for (let i = 0; i < parts.length; i++) if (!parts[i]!(ctx)) return false;
      return true;
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map((c, i) => compileCondition(c, lists, `${path}.any[${i}]`));
    if (parts.length === 1) return parts[0]!;
    return (ctx) => {
      for (let i = 0; i < parts.length; i++) if (parts[i]!(ctx)) return true;
      return false;
    };
  }
  if ('not' in cond) {
    const inner = compileCondition(cond.not, lists, `${path}.not`);
    return (ctx) => !inner(ctx);
  }
  if ('always' in cond) return () => true;
  if ('issue' in cond) {
    const known = Object.keys(issueCatalog());
    const ok = cond.issue.endsWith('.*') ? known.some((k) => k.startsWith(cond.issue.slice(0, -1))) : known.includes(cond.issue);
    if (!ok) throw new ConditionError(`${path}.issue`, `no issue code "${cond.issue}" (see issueCatalog())`);
    const prefix = cond.issue.endsWith('.*') ? cond.issue.slice(0, -1) : null;
    const code = cond.issue;
    const field = cond.field;
    return (ctx) => {
      const issues = ctx.issues;
      for (let k = 0; k < issues.length; k++) {
        const i = issues[k]!;
        if ((prefix ? i.code.startsWith(prefix) : i.code === code) && (field === undefined || i.field === field)) return true;
      }
      return false;
    };
  }
  const c = cond;
  const cs = c.caseSensitive ?? false;
  const read = fieldReader(c.field);
  const get = (ctx: ConditionContext) => norm(read(ctx.record), cs);
  if (c.exists !== undefined) {
    const want = c.exists;
    // Same as `get(ctx) !== null` without lowercasing a copy.
    return (ctx) => {
      const v = read(ctx.record);
      return (v !== null && hasText(v)) === want;
    };
  }
  if (c.equals !== undefined) {
    const target = norm(c.equals, cs);
    return (ctx) => get(ctx) === target;
  }
  if (c.in !== undefined || c.inList !== undefined) {
    let values: readonly unknown[];
    if (c.inList !== undefined) {
      if (!Object.prototype.hasOwnProperty.call(lists, c.inList)) {
        throw new ConditionError(`${path}.inList`, `no list "${c.inList}" in the pack's "lists" (known: ${Object.keys(lists).join(', ') || 'none'})`);
      }
      values = lists[c.inList]!;
    } else values = c.in!;
    const set = new Set(values.map((v) => norm(v, cs)));
    if (set.size === 0) return () => false;
    return (ctx) => set.has(get(ctx));
  }
  if (c.matches !== undefined) {
    const test = compileSafeRegex(c.matches, c.flags ?? '');
    return (ctx) => {
      const v = read(ctx.record);
      return v !== null && test(v);
    };
  }
  if (c.contains !== undefined || c.startsWith !== undefined || c.endsWith !== undefined) {
    const needle = norm(c.contains ?? c.startsWith ?? c.endsWith, cs) ?? '';
    if (c.contains !== undefined) {
      return (ctx) => {
        const v = get(ctx);
        return v !== null && v.includes(needle);
      };
    }
    if (c.startsWith !== undefined) {
      return (ctx) => {
        const v = get(ctx);
        return v !== null && v.startsWith(needle);
      };
    }
    return (ctx) => {
      const v = get(ctx);
      return v !== null && v.endsWith(needle);
    };
  }
  const { gt, gte, lt, lte } = c;
  return (ctx) => {
    const v = read(ctx.record);
    const n = v === null ? null : firstNumber(v);
    if (n === null) return false;
    return (gt === undefined || n > gt) && (gte === undefined || n >= gte) && (lt === undefined || n < lt) && (lte === undefined || n <= lte);
  };
}
