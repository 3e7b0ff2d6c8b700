import { issue, type Issue } from '../../core/codes.js';
import type { UnitResult } from '../../core/result.js';
import type { CountryOptions, CountryValue } from '../country/country.js';
import type { PhoneOptions, PhoneValue } from '../phone/phone.js';
import type { PostalOptions, PostalValue } from '../postal/postal.js';
import type { StateOptions, StateValue } from '../state/state.js';

/** Raw geography fields of one record (as written in the file, or already normalized). */
export interface GeoInput {
  readonly country?: string | null | undefined;
  readonly state?: string | null | undefined;
  readonly postalCode?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly mobilePhone?: string | null | undefined;
}

/** Where the record's country came from. */
export type CountrySource = 'country' | 'phone' | 'mobilePhone' | 'state' | 'postalCode';

/** The reconciled view: normalized values (null = nothing trustworthy; keep the original). */
export interface GeoResult {
  /** Alpha-2, from the country field or inferred from the other fields. */
  readonly country: string | null;
  readonly countrySource: CountrySource | null;
  /** Subdivision code without the country ("CA"), from the state field, or filled from the postal code or a state name in the country field. */
  readonly state: string | null;
  /** Whether `state` was filled (the state field was empty or held no subdivision). */
  readonly stateFilled: boolean;
  readonly postalCode: string | null;
  readonly phone: PhoneValue | null;
  readonly mobilePhone: PhoneValue | null;
  /** Reconciliation issues only (`geo.filled`, `geo.conflict`) plus the country field's own issues. */
  readonly issues: readonly Issue[];
}

/** The unit functions reconciliation runs on (the bound normalizers, or custom ones). */
export interface GeoUnits {
  readonly normalizeCountry: (input: unknown, options?: CountryOptions) => UnitResult<CountryValue>;
  readonly normalizeState: (input: unknown, options?: StateOptions) => UnitResult<StateValue>;
  readonly normalizePostalCode: (input: unknown, options?: PostalOptions) => UnitResult<PostalValue>;
  readonly normalizePhone: (input: unknown, options?: PhoneOptions) => UnitResult<PhoneValue>;
}

/** Data the reconciler uses besides the units. */
export interface GeoDictionaries {
  /** Per country, its subdivision codes that are also alpha-2 country codes (`dictionaries/state-country-collisions.json`). */
  readonly collisions?: Readonly<Record<string, readonly string[]>>;
}

/** Options of {@link reconcileGeo}. */
export interface GeoOptions {
  /** Fill an empty country from the other fields (default true). */
  readonly fillCountry?: boolean;
  /** Fill an empty state from a postal code that implies one (US, CA, AU; default true). */
  readonly fillState?: boolean;
  /** Passed to the state unit: countries whose short codes are read without a country. */
  readonly preferCountries?: readonly string[];
  /**
   * Read a country field such as "CA" as a state when strong evidence says so: a postal code of
   * that state (94105 → CA), or two other fields agreeing on its country (default true).
   */
  readonly stateCodesInCountry?: boolean;
}

// Territories and dependencies that share a numbering plan or postal system with a country:
// evidence pointing at one of them does not contradict the other.
const FAMILIES: readonly (readonly string[])[] = [
  ['US', 'PR', 'VI', 'GU', 'AS', 'MP', 'UM'],
  ['GB', 'JE', 'GG', 'IM'],
  ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF'],
  ['FI', 'AX'],
  ['NO', 'SJ'],
  ['AU', 'CX', 'CC', 'NF'],
];
const FAMILY = new Map<string, number>();
FAMILIES.forEach((f, i) => f.forEach((c) => FAMILY.set(c, i)));

function compatible(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = FAMILY.get(a);
  return fa !== undefined && fa === FAMILY.get(b);
}

const FILL_STATE_FROM_POSTAL = new Set(['US', 'CA', 'AU']);
const present = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';
const INTERNATIONAL = /^\s*(?:\+|00|011)/;

/**
 * Builds a reconciler over the given units. Precedence for the record's country: the
 * country field > an internationally written phone number > an unambiguous state > a
 * distinctive postal code. A missing country is filled from the others (`geo.filled`); a
 * disagreement is reported (`geo.conflict`) and nothing is overwritten.
 *
 * @example
 * const reconcile = createGeoReconciler({ normalizeCountry, normalizeState, normalizePostalCode, normalizePhone });
 * reconcile({ country: 'Germany', phone: '+1 415 555 2671', postalCode: '94105' }).issues.map((i) => i.code)
 * //=> ['geo.conflict', 'geo.conflict']
 */
export function createGeoReconciler(units: GeoUnits, dicts: GeoDictionaries = {}): (input: GeoInput, options?: GeoOptions) => GeoResult {
  // Countries whose subdivision codes include a given alpha-2 code ("CA" → ["US"]), built on first use.
  let collidingCountries: Map<string, string[]> | undefined;
  const collidingWith = (code: string): readonly string[] => {
    if (!collidingCountries) {
      collidingCountries = new Map();
      for (const [cc, codes] of Object.entries(dicts.collisions ?? {})) {
        for (const c of new Set(codes)) {
          const list = collidingCountries.get(c);
          if (list) list.push(cc);
          else collidingCountries.set(c, [cc]);
        }
      }
    }
    return collidingCountries.get(code) ?? [];
  };

  // No closures are created per call (hot path).
  return (input, options) => {
    const issues: Issue[] = [];
    const prefer = options?.preferCountries;

    // 1. The country field, and what it says if it is not a country ("California", "Scotland").
    let explicit: string | null = null;
    let stateFromCountryField: StateValue | null = null;
    let candidates: readonly string[] | null = null;
    if (present(input.country)) {
      const c = units.normalizeCountry(input.country);
      issues.push(...c.issues.map((i) => withField(i, 'country')));
      if (c.value) {
        explicit = c.value.code;
      } else {
        const amb = c.issues.find((i) => i.code === 'country.ambiguous')?.data?.['candidates'];
        if (Array.isArray(amb)) candidates = amb as string[];
        // "NA" is read as N/A, but Namibia's code too: let the phone or postal code decide.
        else if (/^\s*N\.?A\.?\s*$/i.test(input.country)) candidates = ['NA'];
        const s = units.normalizeState(input.country, stateOpts(undefined, prefer));
        if (s.value && s.confidence >= 0.95) stateFromCountryField = s.value;
      }
    }

    // 2. Independent evidence: phones written internationally, the state, a distinctive postal code.
    const evidence: { source: CountrySource; country: string; value: string }[] = [];
    for (const field of ['phone', 'mobilePhone'] as const) {
      const raw = input[field];
      if (present(raw) && INTERNATIONAL.test(raw)) {
        const p = units.normalizePhone(raw, { type: false });
        if (p.value?.country && p.confidence >= 0.9) evidence.push({ source: field, country: p.value.country, value: p.value.e164 });
      }
    }
    let stateAlone: StateValue | null = stateFromCountryField;
    if (present(input.state)) {
      const s = units.normalizeState(input.state, stateOpts(undefined, prefer));
      if (s.value) stateAlone = s.value;
    }
    if (stateAlone) evidence.push({ source: 'state', country: stateAlone.country, value: stateAlone.code });
    let postalAlone: PostalValue | null = null;
    if (present(input.postalCode)) {
      const p = units.normalizePostalCode(input.postalCode);
      if (p.value?.country && p.value.inferred) {
        postalAlone = p.value;
        evidence.push({ source: 'postalCode', country: p.value.country, value: p.value.postalCode });
      }
    }

    // 3. The record's country.
    let country = explicit;
    let countrySource: CountrySource | null = explicit ? 'country' : null;
    let stateFromCountryCode: string | null = null;
    const bare = present(input.country) ? input.country.trim().toUpperCase() : '';
    if (explicit && /^[A-Z]{2}$/.test(bare) && options?.stateCodesInCountry !== false && dicts.collisions) {
      // "CA" in the country column of a row with ZIP 94105: California, not Canada.
      const against = evidence.filter((e) => e.source !== 'state' && !compatible(explicit, e.country));
      const targets = against.length
        ? [against[0]!.country]
        : collidingWith(bare);
      for (const x of targets) {
        if (!dicts.collisions[x]?.includes(bare) || !against.every((e) => e.country === x)) continue;
        const postalSays =
          present(input.postalCode) &&
          units.normalizePostalCode(input.postalCode, { country: x }).value?.state === bare &&
          !units.normalizePostalCode(input.postalCode, { country: explicit }).value;
        const stateOk = !present(input.state) || units.normalizeState(input.state, { country: x }).value?.code === `${x}-${bare}`;
        if (stateOk && (postalSays || against.length >= 2)) {
          country = x;
          countrySource = postalSays ? 'postalCode' : against[0]!.source;
          stateFromCountryCode = bare;
          const why = postalSays ? [`postalCode ${input.postalCode}`, ...against.map((e) => `${e.source} ${e.value}`)] : against.map((e) => `${e.source} ${e.value}`);
          issues.push(issue('geo.country_was_state', { input: input.country, state: bare, country: x, source: why.join(', ') }, { field: 'country' }));
          break;
        }
      }
    }
    // Fill when the field is empty, held a state name, or was ambiguous between candidates the evidence picks from.
    const usable = candidates ? evidence.filter((e) => candidates!.includes(e.country)) : evidence;
    const mayFill = !present(input.country) || stateFromCountryField !== null || candidates !== null;
    if (!country && options?.fillCountry !== false && usable.length > 0 && mayFill) {
      const first = usable[0]!;
      country = first.country;
      countrySource = first.source;
      issues.push(issue('geo.filled', { field: 'country', value: country, source: `${first.source} ${first.value}` }, { field: 'country' }));
    }
    if (country && !stateFromCountryCode) {
      for (const e of evidence) {
        if (e.source === countrySource || compatible(country, e.country)) continue;
        // A state code read by the US convention ("CA") is no evidence against an explicit country.
        if (e.source === 'state' && stateAlone && present(input.state) && units.normalizeState(input.state, stateOpts(country, prefer)).value) continue;
        issues.push(
          issue('geo.conflict', { field: 'country', value: country, source: e.source, other: `${e.value} → ${e.country}` }, { field: e.source }),
        );
      }
    }

    // 4. State within the country; fill it from the postal code or the country field when empty.
    let state: string | null = null;
    let stateFilled = false;
    let postalCode: string | null = null;
    let postalState: string | undefined;
    if (present(input.postalCode)) {
      const p = units.normalizePostalCode(input.postalCode, country ? { country } : undefined);
      if (p.value) {
        postalCode = p.value.postalCode;
        if (p.value.country === country) postalState = p.value.state;
      } else if (postalAlone?.country && country && compatible(country, postalAlone.country)) {
        postalCode = postalAlone.postalCode;
      }
    }
    if (present(input.state)) {
      const s = units.normalizeState(input.state, stateOpts(country ?? undefined, prefer));
      if (s.value && (!country || compatible(country, s.value.country))) {
        state = s.value.code.slice(s.value.country.length + 1);
        if (postalState && country && FILL_STATE_FROM_POSTAL.has(country) && postalState !== state) {
          issues.push(issue('geo.conflict', { field: 'state', value: state, source: 'postalCode', other: `${postalCode} → ${postalState}` }, { field: 'state' }));
        }
      }
    } else if (stateFromCountryCode) {
      state = stateFromCountryCode;
      stateFilled = true;
    } else if (stateFromCountryField && (!country || compatible(country, stateFromCountryField.country))) {
      state = stateFromCountryField.code.slice(3);
      stateFilled = true;
      issues.push(issue('geo.filled', { field: 'state', value: state, source: `country "${input.country}"` }, { field: 'state' }));
    } else if (postalState && country && FILL_STATE_FROM_POSTAL.has(country) && options?.fillState !== false) {
      // Only subdivisions ISO knows (not USPS military codes such as AE/AP).
      const s = units.normalizeState(postalState, { country });
      if (s.value) {
        state = postalState;
        stateFilled = true;
        issues.push(issue('geo.filled', { field: 'state', value: state, source: `postalCode ${postalCode}` }, { field: 'state' }));
      }
    }

    // 5. Phones in the record's country: computed on first read (the geo step never reads them).
    const rawPhone = input.phone;
    const rawMobile = input.mobilePhone;
    let phone: PhoneValue | null | undefined;
    let mobilePhone: PhoneValue | null | undefined;
    return {
      country,
      countrySource,
      state,
      stateFilled,
      postalCode,
      get phone() {
        return phone === undefined ? (phone = phoneIn(units, rawPhone, country)) : phone;
      },
      get mobilePhone() {
        return mobilePhone === undefined ? (mobilePhone = phoneIn(units, rawMobile, country)) : mobilePhone;
      },
      issues,
    };
  };
}

const NO_COUNTRY: StateOptions = {};

function stateOpts(country: string | undefined, prefer: readonly string[] | undefined): StateOptions {
  if (!country && !prefer) return NO_COUNTRY;
  const o: { country?: string; preferCountries?: readonly string[] } = {};
  if (country) o.country = country;
  if (prefer) o.preferCountries = prefer;
  return o;
}

function phoneIn(units: GeoUnits, raw: string | null | undefined, country: string | null): PhoneValue | null {
  if (!present(raw)) return null;
  return units.normalizePhone(raw, country ? { country } : undefined).value;
}

function withField(i: Issue, field: string): Issue {
  return i.field === undefined ? { ...i, field } : i;
}
