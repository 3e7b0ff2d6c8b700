/**
 * Target-system profiles (Salesforce Lead/Contact, HubSpot, Marketo, plain CSV): rename
 * fields, render values as the target's picklists accept them, and flag — before upload —
 * the values the target would reject (unknown picklist value, a state for a country
 * without a state picklist, a value too long, a required field missing). Profiles are
 * data (`rules/targets/*.json`), validated by zod. Pure.
 */
import * as z from 'zod';
import csvProfile from '../../rules/targets/csv.json' with { type: 'json' };
import hubspotContact from '../../rules/targets/hubspot-contact.json' with { type: 'json' };
import marketoLead from '../../rules/targets/marketo-lead.json' with { type: 'json' };
import salesforceContact from '../../rules/targets/salesforce-contact.json' with { type: 'json' };
import salesforceLead from '../../rules/targets/salesforce-lead.json' with { type: 'json' };
import { issue, type Issue } from '../core/codes.js';
import { LeadtidyError } from '../core/errors.js';
import { CANONICAL_FIELDS, DECISION_FIELDS, type LeadRecord } from '../core/fields.js';
import { foldKey } from '../core/text.js';
import { firstNumber, readField } from '../decide/conditions.js';
import { normalizeCountryFull as normalizeCountry } from '../normalize/country/full.js';
import { normalizeState } from '../normalize/state/index.js';
import { renderTitleForTarget, TITLE_CROSSWALKS, type TitleTarget } from '../normalize/title/index.js';

const Render = z.enum(['text', 'countryCode', 'countryName', 'stateCode', 'stateName', 'integer', 'number', 'band', 'jobLevel', 'jobFunction']);

export const TargetFieldSchema = z
  .object({
    from: z.string().min(1).describe('Record field (canonical, decision field, accountId or extra.<column>).'),
    to: z.string().min(1).describe("The target system's field name."),
    render: Render.default('text'),
    crosswalk: z.string().optional().describe('For jobLevel/jobFunction: a title crosswalk id (salesforce, hubspot, linkedin, apollo, zoominfo, pdl).'),
    picklist: z
      .object({
        values: z.array(z.string()).min(1),
        map: z.record(z.string(), z.string()).default({}),
      })
      .strict()
      .optional()
      .describe('Allowed values; `map` turns our values (folded) into them.'),
    bands: z.array(z.tuple([z.number(), z.number().nullable(), z.string()])).optional().describe('For render "band": [min, max exclusive or null, label].'),
    maxLength: z.number().int().positive().optional(),
    required: z.boolean().default(false),
    default: z.string().optional().describe('Written when the record has no value.'),
  })
  .strict();

export const TargetProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
    name: z.string(),
    source: z.string().optional(),
    object: z.string().optional(),
    states: z.object({ countries: z.array(z.string().regex(/^[A-Z]{2}$/)) }).strict().optional().describe('Countries that have a state picklist; a state elsewhere is flagged.'),
    carryExtra: z.boolean().default(false).describe('Also write the unmapped input columns.'),
    fields: z.array(TargetFieldSchema),
  })
  .strict();

/** The pack's `target` section: a built-in profile by id, overridden or extended. */
export const TargetSection = z
  .object({
    profile: z.string().describe('A built-in profile id: salesforce-lead, salesforce-contact, hubspot-contact, marketo-lead, csv.'),
    fields: z.array(TargetFieldSchema).optional().describe('Fields added, or replacing the profile field with the same "to".'),
    drop: z.array(z.string()).optional().describe('Target fields ("to") to leave out.'),
    states: z.object({ countries: z.array(z.string().regex(/^[A-Z]{2}$/)) }).strict().optional(),
    rejectMissingRequired: z.boolean().default(true).describe('Reject rows missing a field the target requires (reason missing_required_field).'),
    rejectInvalid: z.boolean().default(false).describe('Also reject rows with a value the target would refuse (reason target_rejects_value).'),
  })
  .strict();

export type TargetProfile = z.output<typeof TargetProfileSchema>;
export type TargetField = z.output<typeof TargetFieldSchema>;
export type TargetSectionInput = z.input<typeof TargetSection>;

/** Built-in target profiles by id. */
export const BUILTIN_TARGETS: Readonly<Record<string, TargetProfile>> = Object.fromEntries(
  [salesforceLead, salesforceContact, hubspotContact, marketoLead, csvProfile].map((p) => {
    const parsed = TargetProfileSchema.parse(p);
    return [parsed.id, parsed];
  }),
);

/** A profile ready to render: fields with their picklist maps folded once. */
export interface CompiledTarget {
  readonly profile: TargetProfile;
  readonly fields: readonly (TargetField & { readonly mapFolded?: ReadonlyMap<string, string>; readonly allowed?: ReadonlySet<string> })[];
  readonly stateCountries: ReadonlySet<string> | null;
  readonly rejectMissingRequired: boolean;
  readonly rejectInvalid: boolean;
}

/** Resolves a target section (or a profile id) against the built-in profiles. */
export function compileTarget(section: TargetSectionInput | string, profiles: Readonly<Record<string, TargetProfile>> = BUILTIN_TARGETS): CompiledTarget {
  const s = TargetSection.parse(typeof section === 'string' ? { profile: section } : section);
  const base = Object.prototype.hasOwnProperty.call(profiles, s.profile) ? profiles[s.profile] : undefined;
  if (!base) {
    throw new LeadtidyError('pack', `Unknown target profile "${s.profile}"`, [{ path: 'target.profile', message: `known: ${Object.keys(profiles).join(', ')}` }]);
  }
  const drop = new Set(s.drop ?? []);
  const overrides = new Map((s.fields ?? []).map((f) => [f.to, f]));
  const fields = base.fields.filter((f) => !drop.has(f.to)).map((f) => overrides.get(f.to) ?? f);
  for (const f of s.fields ?? []) if (!base.fields.some((b) => b.to === f.to)) fields.push(f);
  for (const f of fields) {
    if ((f.render === 'jobLevel' || f.render === 'jobFunction') && (!f.crosswalk || !Object.prototype.hasOwnProperty.call(TITLE_CROSSWALKS, f.crosswalk))) {
      throw new LeadtidyError('pack', `Target field ${f.to} needs a known crosswalk`, [{ path: `target.fields.${f.to}.crosswalk`, message: `use one of ${Object.keys(TITLE_CROSSWALKS).join(', ')}` }]);
    }
  }
  const profile: TargetProfile = { ...base, fields, ...(s.states ? { states: s.states } : {}) };
  return {
    profile,
    fields: fields.map((f) =>
      f.picklist
        ? { ...f, mapFolded: new Map(Object.entries(f.picklist.map).map(([k, v]) => [foldKey(k), v])), allowed: new Set(f.picklist.values) }
        : f,
    ),
    stateCountries: profile.states ? new Set(profile.states.countries) : null,
    rejectMissingRequired: s.rejectMissingRequired,
    rejectInvalid: s.rejectInvalid,
  };
}

/**
 * A rendered value. When the target would refuse the value, `value` is what is safe to
 * upload (empty for a restricted picklist, cut to the maximum length) and `issue` says why.
 */
export interface RenderedValue {
  readonly value: string | null;
  readonly issue?: Issue;
}

function pick(v: string | readonly string[] | null): string | null {
  if (v === null) return null;
  return typeof v === 'string' ? v : v.join(';');
}

/** Renders one record field for the target; an issue says the target would refuse it. */
export function renderField(record: Readonly<LeadRecord>, f: CompiledTarget['fields'][number], target: CompiledTarget): RenderedValue {
  const name = target.profile.name;
  let raw: string | null;
  if (f.from === 'accountId' || (DECISION_FIELDS as readonly string[]).includes(f.from)) {
    const v = (record as unknown as Record<string, unknown>)[f.from];
    raw = v === undefined || v === null ? null : Array.isArray(v) ? v.join('; ') : String(v);
  } else raw = readField(record, f.from);
  if (raw !== null && raw.trim() === '') raw = null;
  if (raw === null) {
    if (f.default !== undefined) return { value: f.default };
    return f.required ? { value: null, issue: issue('target.required_missing', { target: name, field: f.to }, { field: f.from }) } : { value: null };
  }
  let value: string | null = raw;
  const bad = (v: string) => issue('target.unknown_picklist_value', { target: name, field: f.to, value: v }, { field: f.from });
  switch (f.render) {
    case 'countryCode': {
      const c = /^[A-Z]{2}$/.test(raw) ? raw : normalizeCountry(raw).value?.code;
      if (!c || !normalizeCountry(c).value) return { value: null, issue: bad(raw) };
      value = c;
      break;
    }
    case 'countryName': {
      const c = normalizeCountry(raw).value;
      value = c ? c.name : raw;
      break;
    }
    case 'stateCode':
    case 'stateName': {
      const country = readField(record, 'country');
      if (target.stateCountries && f.render === 'stateCode' && (!country || !target.stateCountries.has(country))) {
        return { value: null, issue: issue('target.state_not_allowed', { target: name, country: country ?? '(none)', value: raw }, { field: f.from }) };
      }
      const s = normalizeState(raw, country ? { country } : {}).value;
      if (!s) return f.render === 'stateCode' ? { value: null, issue: bad(raw) } : { value: raw };
      value = f.render === 'stateCode' ? s.code.slice(s.country.length + 1) : s.name;
      break;
    }
    case 'integer':
    case 'number': {
      const n = firstNumber(raw);
      if (n === null) return { value: null, issue: bad(raw) };
      value = f.render === 'integer' ? String(Math.round(n)) : String(n);
      break;
    }
    case 'band': {
      const n = firstNumber(raw);
      const band = n === null ? undefined : (f.bands ?? []).find(([lo, hi]) => n >= lo && (hi === null || n < hi));
      if (!band) return { value: null, issue: bad(raw) };
      value = band[2];
      break;
    }
    case 'jobLevel':
    case 'jobFunction': {
      const level = readField(record, 'jobLevel');
      const fn = readField(record, 'jobFunction');
      const sub = readField(record, 'jobSubFunction');
      const r = renderTitleForTarget(
        { level, function: fn, ...(sub ? { subFunction: sub } : {}), levels: [], functions: [], flags: {}, matchedRules: [] } as never,
        f.crosswalk as TitleTarget,
      );
      value = pick(f.render === 'jobLevel' ? r.level : r.function);
      break;
    }
    default:
      break;
  }
  if (value !== null && f.picklist) {
    const mapped = f.mapFolded!.get(foldKey(value)) ?? value;
    if (!f.allowed!.has(mapped)) return { value: null, issue: bad(value) };
    value = mapped;
  }
  if (value !== null && f.maxLength !== undefined && value.length > f.maxLength) {
    return { value: value.slice(0, f.maxLength), issue: issue('target.too_long', { target: name, field: f.to, max: f.maxLength, length: value.length }, { field: f.from }) };
  }
  return { value };
}

/** Renders a record for the target; the issues are what the target would refuse. */
export function renderRecord(record: Readonly<LeadRecord>, target: CompiledTarget): { values: (string | null)[]; issues: Issue[] } {
  const values: (string | null)[] = [];
  const issues: Issue[] = [];
  for (const f of target.fields) {
    const r = renderField(record, f, target);
    values.push(r.value);
    if (r.issue) issues.push({ ...r.issue, row: record.sourceRow });
  }
  return { values, issues };
}

/** A target table's columns, learnt batch by batch (streaming writes rows after the last record). */
export function targetTableShape(target: CompiledTarget): { add(records: readonly LeadRecord[]): void; headers(): string[]; rows(records: readonly LeadRecord[]): (string | null)[][] } {
  const plain = target.profile.fields.length === 0;
  const present = new Set<string>();
  const extra = new Set<string>();
  const extraOf = (r: LeadRecord): (string | null)[] => [...extra].map((k) => (Object.prototype.hasOwnProperty.call(r.extra, k) ? r.extra[k]! : null));
  const fields = (): string[] => CANONICAL_FIELDS.filter((f) => present.has(f));
  return {
    add(records) {
      for (const r of records) {
        if (plain) for (const f of CANONICAL_FIELDS) if ((r as Record<string, unknown>)[f] !== undefined) present.add(f);
        if (target.profile.carryExtra) for (const k of Object.keys(r.extra)) extra.add(k);
      }
    },
    headers() {
      return [...(plain ? fields() : target.fields.map((f) => f.to)), ...extra];
    },
    rows(records) {
      if (plain) {
        const fs = fields();
        return records.map((r) => [...fs.map((f) => readField(r, f)), ...extraOf(r)]);
      }
      return records.map((r) => [...renderRecord(r, target).values, ...extraOf(r)]);
    },
  };
}

/**
 * The export table for a target: its field names, then (for the plain CSV profile, or
 * `carryExtra`) the canonical fields and the carried-through columns.
 */
export function targetTable(records: readonly LeadRecord[], target: CompiledTarget): { headers: string[]; rows: (string | null)[][]; issues: Issue[] } {
  if (target.profile.fields.length === 0) {
    // The plain profile: canonical fields as they are.
    const present = CANONICAL_FIELDS.filter((f) => records.some((r) => (r as Record<string, unknown>)[f] !== undefined));
    const extra = target.profile.carryExtra ? [...new Set(records.flatMap((r) => Object.keys(r.extra)))] : [];
    return {
      headers: [...present, ...extra],
      rows: records.map((r) => [...present.map((f) => readField(r, f)), ...extra.map((k) => (Object.prototype.hasOwnProperty.call(r.extra, k) ? r.extra[k]! : null))]),
      issues: [],
    };
  }
  const headers = target.fields.map((f) => f.to);
  const extra = target.profile.carryExtra ? [...new Set(records.flatMap((r) => Object.keys(r.extra)))] : [];
  const rows: (string | null)[][] = [];
  const issues: Issue[] = [];
  for (const r of records) {
    const out = renderRecord(r, target);
    rows.push([...out.values, ...extra.map((k) => (Object.prototype.hasOwnProperty.call(r.extra, k) ? r.extra[k]! : null))]);
    issues.push(...out.issues);
  }
  return { headers: [...headers, ...extra], rows, issues };
}
