import * as z from 'zod';
import type { Issue } from '../../core/codes.js';
import { deepFreeze, MemoCache, PairMemoCache } from '../../core/text.js';
import { NO_OUTPUT, defineStep, type CellValue, type StepContext, type StepOutput } from '../../engine/step.js';
import { normalizeCountryFull as normalizeCountry } from '../country/full.js';
import type { PhoneValue } from '../phone/phone.js';
import { normalizePhone } from '../phone/index.js';
import { normalizePostalCode } from '../postal/index.js';
import { normalizeState } from '../state/index.js';
import { reconcileGeo } from './index.js';

const read = (ctx: StepContext, field: string): string | null => {
  const v = (ctx.record as Readonly<Record<string, unknown>>)[field];
  return typeof v === 'string' ? v : null;
};

/** Alpha-2 of the record's country field (already normalized, or still raw). */
const recordCountry = (ctx: StepContext, field: string): string | undefined => {
  const raw = read(ctx, field);
  if (raw === null || raw.trim() === '') return undefined;
  if (/^[A-Z]{2}$/.test(raw)) return raw;
  return normalizeCountry(raw).value?.code;
};

/**
 * How a phone is written in a clean record: E.164, plus the extension in RFC 3966 form
 * ("+14155552671;ext=204"), which normalizePhone reads back unchanged.
 *
 * @example
 * formatPhone({ e164: '+14155552671', extension: '204', callingCode: '1' }) //=> '+14155552671;ext=204'
 */
export function formatPhone(v: PhoneValue, extension: 'rfc3966' | 'drop' = 'rfc3966'): string {
  return v.extension && extension === 'rfc3966' ? `${v.e164};ext=${v.extension}` : v.e164;
}

const CODES = /^[A-Z]{2}$/;

/**
 * `country` step: the field becomes ISO alpha-2; unresolvable values stay as they are, with an issue.
 *
 * @example
 * // pack: "normalize": { "country": ["country"] }   "Deutschland" → "DE"
 */
export const countryStep = defineStep({
  name: 'country',
  description: 'Country → ISO 3166-1 alpha-2 (names in many languages, codes, former names, typos).',
  options: z.object({ typos: z.boolean().default(true) }).strict().default({ typos: true }),
  run(value: CellValue, options) {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const r = normalizeCountry(value, { typos: options.typos });
    return r.value ? { value: r.value.code, issues: r.issues } : { issues: r.issues };
  },
});

/**
 * `geo` step, on the country field: reconciles country, state, postal code and phones.
 * Sets the country (explicit, or filled from phone > state > postal code), fills an empty
 * state from the postal code (US/CA/AU) or from a state name typed in the country column,
 * and reports conflicts without overwriting anything.
 *
 * @example
 * // pack: "normalize": { "country": ["geo"] }
 * // { country: "", postalCode: "K1A 0B1" } → country "CA", state "ON" (two geo.filled issues)
 */
export const geoStep = defineStep({
  name: 'geo',
  description: 'Reconcile country/state/postal code/phone; fill a missing country or state; report conflicts.',
  options: z
    .object({
      fillCountry: z.boolean().default(true),
      fillState: z.boolean().default(true),
      preferCountries: z.array(z.string().regex(CODES)).optional(),
      fields: z
        .object({
          state: z.string().default('state'),
          postalCode: z.string().default('postalCode'),
          phone: z.string().default('phone'),
          mobilePhone: z.string().default('mobilePhone'),
        })
        .strict()
        .default({ state: 'state', postalCode: 'postalCode', phone: 'phone', mobilePhone: 'mobilePhone' }),
    })
    .strict()
    .default({
      fillCountry: true,
      fillState: true,
      fields: { state: 'state', postalCode: 'postalCode', phone: 'phone', mobilePhone: 'mobilePhone' },
    }),
  run(value: CellValue, options, ctx) {
    const f = options.fields;
    const state = read(ctx, f.state);
    const postalCode = read(ctx, f.postalCode);
    const phone = read(ctx, f.phone);
    const mobilePhone = read(ctx, f.mobilePhone);
    let memo = geoMemos.get(options);
    if (memo === undefined) geoMemos.set(options, (memo = new MemoCache<StepOutput>(10_000, 'geo step')));
    const key = geoKey(value, state, postalCode, phone, mobilePhone);
    let out = memo.get(key);
    if (out === undefined) {
      out = deepFreeze(geoOutput(value, state, postalCode, phone, mobilePhone, options));
      memo.set(key, out);
    }
    return out;
  },
});

// The geo step's output is a pure function of the country, state and postal code cells, the phones
// that are written internationally (the others are no evidence) and the options: one result per
// distinct tuple and options object (packs parse their options once). Shared between rows, so frozen.
const geoMemos = new WeakMap<object, MemoCache<StepOutput>>();

/** Unambiguous key of a geo tuple: each part length-prefixed; a phone the reconciler ignores counts as empty. */
function geoKey(country: CellValue, state: CellValue, postalCode: CellValue, phone: CellValue, mobilePhone: CellValue): string {
  const p = phone !== null && INTERNATIONAL.test(phone) ? phone : null;
  const m = mobilePhone !== null && INTERNATIONAL.test(mobilePhone) ? mobilePhone : null;
  // Common case: no part holds a NUL, so NUL-separated parts (null as NUL + "-", a string as NUL +
  // "=" + text) are unambiguous; otherwise length-prefixed parts (they never start with NUL).
  if (!hasNul(country) && !hasNul(state) && !hasNul(postalCode) && !hasNul(p) && !hasNul(m)) {
    return nulPart(country) + nulPart(state) + nulPart(postalCode) + nulPart(p) + nulPart(m);
  }
  return `${part(country)}${part(state)}${part(postalCode)}${part(p)}${part(m)}`;
}
const hasNul = (v: CellValue): boolean => v !== null && v.indexOf('\u0000') >= 0;
const nulPart = (v: CellValue): string => (v === null ? '\u0000-' : '\u0000=' + v);
const part = (v: CellValue): string => (v === null ? '-' : `${v.length}:${v}`);
const INTERNATIONAL = /^\s*(?:\+|00|011)/;

type GeoStepOptions = {
  readonly fillCountry: boolean;
  readonly fillState: boolean;
  readonly preferCountries?: readonly string[] | undefined;
  readonly fields: { readonly state: string };
};

function geoOutput(
  value: CellValue,
  state: CellValue,
  postalCode: CellValue,
  phone: CellValue,
  mobilePhone: CellValue,
  options: GeoStepOptions,
): StepOutput {
  const f = options.fields;
  const r = reconcileGeo(
    { country: value, state, postalCode, phone, mobilePhone },
    {
      fillCountry: options.fillCountry,
      fillState: options.fillState,
      ...(options.preferCountries ? { preferCountries: options.preferCountries } : {}),
    },
  );
  const set: Record<string, CellValue> = {};
  if (r.stateFilled && r.state) set[f.state] = r.state;
  const out: { value?: CellValue; set?: Record<string, CellValue>; issues: readonly Issue[] } = { issues: r.issues };
  if (r.country) out.value = r.country;
  if (Object.keys(set).length) out.set = set;
  return out;
}

// The state, postal code and phone steps' outputs are pure functions of the cell, the record's
// country (alpha-2, or none: '' — never a code) and the options: one output per (country, cell) and
// options object (packs parse their options once), in place of the unit's own lookup. Shared
// between rows, so frozen (the issues inside are the units' own memoised ones, shared as before).
const stateMemos = new WeakMap<object, PairMemoCache<StepOutput>>();
const postalMemos = new WeakMap<object, PairMemoCache<StepOutput>>();
const phoneMemos = new WeakMap<object, PairMemoCache<StepOutput>>();
function memoFor(memos: WeakMap<object, PairMemoCache<StepOutput>>, options: object, name: string): PairMemoCache<StepOutput> {
  let memo = memos.get(options);
  if (memo === undefined) memos.set(options, (memo = new PairMemoCache<StepOutput>(20_000, name)));
  return memo;
}

/**
 * `state` step: the subdivision code without the country ("CA"), within the record's country.
 *
 * @example
 * // { country: "DE", state: "Bayern" } → state "BY"
 */
export const stateStep = defineStep({
  name: 'state',
  description: 'State/province → ISO 3166-2 subdivision code without the country prefix ("CA", "ON", "BY").',
  options: z
    .object({ countryFrom: z.string().default('country'), preferCountries: z.array(z.string().regex(CODES)).optional() })
    .strict()
    .default({ countryFrom: 'country' }),
  run(value: CellValue, options, ctx) {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const country = recordCountry(ctx, options.countryFrom);
    const memo = memoFor(stateMemos, options, 'state step');
    let out = memo.get(country ?? '', value);
    if (out === undefined) {
      const r = normalizeState(value, {
        country,
        ...(options.preferCountries ? { preferCountries: options.preferCountries } : {}),
      });
      out = Object.freeze(r.value ? { value: r.value.code.slice(r.value.country.length + 1), issues: r.issues } : { issues: r.issues });
      memo.set(country ?? '', value, out);
    }
    return out;
  },
});

/**
 * `postalCode` step: canonical postal code for the record's country (or a distinctive format).
 *
 * @example
 * // { country: "US", postalCode: "2139" } → postalCode "02139"
 */
export const postalCodeStep = defineStep({
  name: 'postalCode',
  description: 'Postal code → canonical form for the country (ZIP+4, "K1A 0B1", "SW1A 1AA", …); leading zeros restored.',
  options: z.object({ countryFrom: z.string().default('country') }).strict().default({ countryFrom: 'country' }),
  run(value: CellValue, options, ctx) {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const country = recordCountry(ctx, options.countryFrom);
    const memo = memoFor(postalMemos, options, 'postalCode step');
    let out = memo.get(country ?? '', value);
    if (out === undefined) {
      const r = normalizePostalCode(value, { country });
      out = Object.freeze(r.value && r.confidence >= 0.8 ? { value: r.value.postalCode, issues: r.issues } : { issues: r.issues });
      memo.set(country ?? '', value, out);
    }
    return out;
  },
});

/**
 * `phone` step (for phone and mobilePhone): E.164, extension kept as ";ext=", default country from the record.
 *
 * @example
 * // { country: "US", phone: "415.555.2671 x204" } → phone "+14155552671;ext=204"
 */
export const phoneStep = defineStep({
  name: 'phone',
  description: 'Phone → E.164 (extension as ";ext=NNN"), default country from the record; first of several numbers.',
  options: z
    .object({
      defaultCountryFrom: z.string().default('country'),
      defaultCountry: z.string().regex(CODES).optional(),
      extension: z.enum(['rfc3966', 'drop']).default('rfc3966'),
      type: z.boolean().default(false),
    })
    .strict()
    .default({ defaultCountryFrom: 'country', extension: 'rfc3966', type: false }),
  run(value: CellValue, options, ctx) {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const country = recordCountry(ctx, options.defaultCountryFrom) ?? options.defaultCountry;
    const memo = memoFor(phoneMemos, options, 'phone step');
    let out = memo.get(country ?? '', value);
    if (out === undefined) {
      const r = normalizePhone(value, { country, type: options.type });
      out = Object.freeze(r.value ? { value: formatPhone(r.value, options.extension), issues: Object.freeze([...r.issues]) } : { issues: r.issues });
      memo.set(country ?? '', value, out);
    }
    return out;
  },
});

/**
 * The geography and phone steps, by the names packs use.
 *
 * @example
 * const steps = { ...basicSteps, ...geoSteps };
 */
export const geoSteps = {
  geo: geoStep,
  country: countryStep,
  state: stateStep,
  postalCode: postalCodeStep,
  phone: phoneStep,
} as const;


