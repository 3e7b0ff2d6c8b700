/**
 * Memoised record steps and units give the same results as a fresh computation, and what they
 * share between rows is frozen (a caller cannot change another row's result).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { LeadRecord } from '../../core/fields.js';
import { junkReason, junkStep } from '../../decide/junk.js';
import { reconcileGeo } from '../../normalize/geo/index.js';
import { normalizePhone } from '../../normalize/phone/index.js';
import { BUILTIN_POSTAL_DICTIONARIES, createPostalNormalizer, normalizePostalCode } from '../../normalize/postal/index.js';
import { firstNameStep, lastNameStep } from '../../normalize/person-name/step.js';
import { parsePersonName } from '../../normalize/person-name/index.js';
import { normalizeWebsite } from '../../normalize/website/index.js';
import { websiteStep } from '../../normalize/website/step.js';
import type { StepContext } from '../step.js';
import { geoStep } from '../../normalize/geo/step.js';
import { companyNameStep } from '../../normalize/company/step.js';
import { normalizeCompanyName } from '../../normalize/company/index.js';
import { classifyTitleStep } from '../../normalize/title/step.js';
import { classifyTitle } from '../../normalize/title/index.js';

const ctx = (record: Record<string, unknown>, field: string): StepContext => ({ record: record as unknown as LeadRecord, field, issues: [] });

describe('postal code memo', () => {
  test.each([
    ['94105', 'US'],
    ['94105', undefined],
    ['k1a0b1', undefined],
    ['80331', 'DE'],
    ['80331', 'Germany'],
    ['D-80331', 'DE'],
    ['xyz', 'US'],
  ])('%j in %j: same as a fresh normalizer, twice, frozen', (code, country) => {
    const fresh = createPostalNormalizer(BUILTIN_POSTAL_DICTIONARIES);
    const opts = country === undefined ? undefined : { country };
    const a = normalizePostalCode(code, opts);
    const b = normalizePostalCode(code, opts);
    expect(b).toBe(a);
    expect(a).toEqual(fresh(code, opts));
    expect(Object.isFrozen(a)).toBe(true);
    for (const i of a.issues) expect(Object.isFrozen(i)).toBe(true);
  });
  test('the key keeps country and code apart', () => {
    // "1:A" + "B…" must not meet "1:AB" + "…": the country is length-prefixed.
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), fc.string({ maxLength: 8 }), (country, code) => {
        const fresh = createPostalNormalizer(BUILTIN_POSTAL_DICTIONARIES);
        expect(normalizePostalCode(code, { country })).toEqual(fresh(code, { country }));
      }),
    );
  });
});

describe('website step memo', () => {
  const options = websiteStep.options.parse({});
  test.each(['WWW.Acme.com/', 'https://acme.com/contact?utm=1', 'n/a', 'linkedin.com/company/acme', 'not a site'])('%j', (v) => {
    const a = websiteStep.run(v, options, ctx({}, 'website'));
    const b = websiteStep.run(v, options, ctx({}, 'website'));
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    const r = normalizeWebsite(v, options);
    const want = r.value === null || r.value.url === v ? { issues: r.issues } : { value: r.value.url, issues: r.issues };
    expect(a).toEqual(want);
  });
  test('separate options objects do not share results', () => {
    const strip = websiteStep.options.parse({ stripWww: true });
    expect(websiteStep.run('www.acme.com', options, ctx({}, 'website')).value).toBe('https://www.acme.com');
    expect(websiteStep.run('www.acme.com', strip, ctx({}, 'website')).value).toBe('https://acme.com');
  });
});

describe('person-name part memo', () => {
  test('first/last name steps give the same output on repeated cells; parsed parts are frozen', () => {
    const o = firstNameStep.options.parse({});
    const lo = lastNameStep.options.parse({});
    for (const v of ['ANN', 'Dr. John', 'Smith, John', 'smith jr., phd', 'Ann']) {
      const a = firstNameStep.run(v, o, ctx({ lastName: null }, 'firstName'));
      const b = firstNameStep.run(v, o, ctx({ lastName: null }, 'firstName'));
      expect(b).toEqual(a);
      const c = lastNameStep.run(v, lo, ctx({ firstName: null }, 'lastName'));
      expect(lastNameStep.run(v, lo, ctx({ firstName: null }, 'lastName'))).toEqual(c);
    }
    // The step's output issues may be mutated by a caller without touching later rows.
    const first = firstNameStep.run('Mr. JOHN', o, ctx({ lastName: 'Smith' }, 'firstName'));
    const copy = JSON.parse(JSON.stringify(first));
    (first.issues as unknown[]).length = 0;
    expect(firstNameStep.run('Mr. JOHN', o, ctx({ lastName: 'Smith' }, 'firstName'))).toEqual(copy);
    expect(parsePersonName('Mr. JOHN')).toEqual(parsePersonName('Mr. JOHN'));
  });
});

describe('junk step memo', () => {
  const person = junkStep.options.parse({ kind: 'person', fields: ['firstName', 'lastName'] });
  const run = (first: string | null, last: string | null) =>
    junkStep.run(last, person, { record: { firstName: first, lastName: last } as unknown as LeadRecord, field: 'lastName', issues: [] });
  test.each([
    ['Mickey', 'Mouse', 'fake name'],
    ['asdf', 'Smith', 'test word'],
    ['Ann', 'Smith', null],
    ['Ann', null, null],
    [null, 'qwerty', 'test word'],
    [null, 'sdfgh', 'keyboard run'],
  ])('%j %j → %j (twice)', (first, last, reason) => {
    for (let i = 0; i < 2; i++) {
      const out = run(first, last);
      expect(out.issues?.[0]?.data?.['reason'] ?? null).toBe(reason);
    }
  });
  test('combined-field key is unambiguous: same verdict as computing it afresh', () => {
    const part = fc.string({ unit: fc.constantFrom('a', 's', 'd', 'f', '1', ':', ' ', 'x', '|'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(part, part, (first, last) => {
        const whole = `${first} ${last}`;
        const want = junkReason(whole) ?? junkReason(first) ?? junkReason(last);
        const got = run(first, last).issues?.[0]?.data?.['reason'] ?? null;
        expect(got).toBe(want === null ? null : want.replace(/_/g, ' '));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('reconcileGeo: phones on first read', () => {
  test('same values as computing them directly; stable across reads; JSON includes them', () => {
    const input = { country: 'Germany', phone: '+1 415 555 2671', mobilePhone: '089 1234567', postalCode: '80331' };
    const r = reconcileGeo(input);
    expect(r.phone).toEqual(normalizePhone(input.phone, { country: 'DE' }).value);
    expect(r.mobilePhone).toEqual(normalizePhone(input.mobilePhone, { country: 'DE' }).value);
    expect(r.phone).toBe(r.phone);
    expect(Object.keys(r)).toEqual(['country', 'countrySource', 'state', 'stateFilled', 'postalCode', 'phone', 'mobilePhone', 'issues']);
    expect(JSON.parse(JSON.stringify(r)).mobilePhone.e164).toBe('+49891234567');
    expect(reconcileGeo({ country: 'DE' }).phone).toBeNull();
  });
});

describe('geo step memo', () => {
  const options = geoStep.options.parse({});
  /** The geo step's output computed afresh (what the step returned before it was memoised). */
  function fresh(country: string | null, state: string | null, postalCode: string | null, phone: string | null, mobilePhone: string | null): unknown {
    const r = reconcileGeo({ country, state, postalCode, phone, mobilePhone }, { fillCountry: true, fillState: true });
    const out: { value?: string; set?: Record<string, string>; issues: unknown } = { issues: r.issues };
    if (r.country) out.value = r.country;
    if (r.stateFilled && r.state) out.set = { state: r.state };
    return out;
  }
  const run = (country: string | null, state: string | null, postalCode: string | null, phone: string | null, mobilePhone: string | null) =>
    geoStep.run(country, options, ctx({ country, state, postalCode, phone, mobilePhone }, 'country'));
  test.each([
    ['Germany', null, '80331', '+1 415 555 2671', null],
    ['', null, 'K1A 0B1', null, null],
    ['CA', null, '94105', null, null],
    ['CA', 'ON', null, null, null],
    [null, null, null, '+44 20 7946 0958', null],
    [null, null, null, '0044 20 7946 0958', '415 555 2671'],
    ['NA', null, null, '+264 61 123 4567', null],
    ['California', null, null, null, null],
    ['US', 'Bavaria', '80331', null, '+49 89 1234567'],
  ] as const)('%j %j %j %j %j: same as afresh, twice, frozen', (country, state, postal, phone, mobile) => {
    const a = run(country, state, postal, phone, mobile);
    expect(run(country, state, postal, phone, mobile)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toEqual(fresh(country, state, postal, phone, mobile));
  });
  test('the tuple key is unambiguous, and phones written nationally are no evidence', () => {
    const cell = fc.option(fc.constantFrom('US', 'DE', 'CA', 'Germany', 'NA', 'ON', 'BY', '94105', '80331', '1:', '-', ':U', 'S', '2:CA', '', '\u0000', '\u0000-', 'US\u0000=CA', '\u0000=US'), { nil: null });
    const phone = fc.option(fc.constantFrom('+1 415 555 2671', '00 49 89 1234567', '011 44 20 7946 0958', '415 555 2671', '089 1234567', '+49', '-', '+1\u0000', '+\u0000-'), { nil: null });
    fc.assert(
      fc.property(cell, cell, cell, phone, phone, (country, state, postal, p, m) => {
        expect(run(country, state, postal, p, m)).toEqual(fresh(country, state, postal, p, m));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('companyName step memo', () => {
  test.each(['ACME GMBH', 'acme inc.', 'Acme GmbH', 'n/a', '---', 'Müller & Söhne KG'])('%j: same as afresh, twice, frozen', (v) => {
    for (const raw of [{}, { stripLegalForm: true }, { recase: false }]) {
      const o = companyNameStep.options.parse(raw);
      const a = companyNameStep.run(v, o, ctx({}, 'company'));
      expect(companyNameStep.run(v, o, ctx({}, 'company'))).toBe(a);
      expect(Object.isFrozen(a)).toBe(true);
      const r = normalizeCompanyName(v, { recase: o.recase });
      const next = r.value && (o.stripLegalForm && r.value.base !== '' ? r.value.base : r.value.name);
      expect(a).toEqual(r.value === null || next === v ? { issues: r.issues } : { value: next, issues: r.issues });
    }
  });
});

describe('classifyTitle step memo', () => {
  const options = classifyTitleStep.options.parse({});
  test.each([
    ['VP Sales', null],
    ['VP Sales', 'Banking'],
    ['Associate', 'Investment Banking'],
    ['Associate', null],
    ['Associate', ''],
    ['Head of IT', null],
    ['asdf qwer', null],
  ])('%j in industry %j: same as the classifier afresh, twice', (title, industry) => {
    for (let i = 0; i < 2; i++) {
      const out = classifyTitleStep.run(title, options, ctx({ industry, jobLevel: null, jobFunction: null, jobSubFunction: null }, 'title'));
      const r = classifyTitle(title, { industry, globalHeadAs: 'director', inferExecutiveFunction: true, digitalAs: 'information_technology' });
      expect(out.issues).toEqual(r.issues);
      expect(out.set?.['jobLevel'] ?? null).toBe(r.value?.level ?? null);
      expect(out.set?.['jobFunction'] ?? null).toBe(r.value?.function ?? null);
    }
  });
  test('a filled field is kept: the cached classification does not carry the record', () => {
    const a = classifyTitleStep.run('VP Sales', options, ctx({ jobLevel: 'director', jobFunction: null }, 'title'));
    const b = classifyTitleStep.run('VP Sales', options, ctx({ jobLevel: null, jobFunction: null }, 'title'));
    expect(a.set?.['jobLevel']).toBeUndefined();
    expect(b.set?.['jobLevel']).toBe('vp');
  });
});

describe('first/last name steps: outputs cached only when they read nothing else from the record', () => {
  const fo = firstNameStep.options.parse({});
  const lo = lastNameStep.options.parse({});
  test('a full name in firstName splits only when the last name is empty, in either order', () => {
    for (const order of [0, 1]) {
      const v = order ? 'MARIA GARCIA' : 'Maria Garcia';
      const filled = firstNameStep.run(v, fo, ctx({ lastName: 'Smith' }, 'firstName'));
      const emptyLast = firstNameStep.run(v, fo, ctx({ lastName: null }, 'firstName'));
      expect(filled.set).toBeUndefined();
      expect(emptyLast.set?.['lastName']).toBe('Garcia');
      expect(firstNameStep.run(v, fo, ctx({ lastName: 'Smith' }, 'firstName'))).toEqual(filled);
    }
  });
  test('"Last, First" in lastName and post-nominals depend on the record', () => {
    const swapped = lastNameStep.run('Smith, John', lo, ctx({ firstName: null }, 'lastName'));
    expect(swapped.set?.['firstName']).toBe('John');
    expect(lastNameStep.run('Smith, John', lo, ctx({ firstName: 'Ann' }, 'lastName')).set).toBeUndefined();
    expect(lastNameStep.run('Smith Jr.', lo, ctx({ suffix: 'III' }, 'lastName')).set).toBeUndefined();
    expect(lastNameStep.run('Smith Jr.', lo, ctx({ suffix: null }, 'lastName')).set?.['suffix']).toBe('Jr.');
  });
  test('plain cells: the same frozen output on every row', () => {
    for (const v of ['ANN', 'ann', 'Ann', 'O\'NEIL']) {
      const a = firstNameStep.run(v, fo, ctx({ lastName: 'X' }, 'firstName'));
      expect(firstNameStep.run(v, fo, ctx({ lastName: null }, 'firstName'))).toBe(a);
      expect(Object.isFrozen(a)).toBe(true);
      const b = lastNameStep.run(v, lo, ctx({ firstName: 'Y' }, 'lastName'));
      expect(lastNameStep.run(v, lo, ctx({ firstName: null }, 'lastName'))).toBe(b);
    }
  });
  test('warnSwapped reads the first name: never cached', () => {
    const w = lastNameStep.options.parse({ warnSwapped: true });
    const a = lastNameStep.run('Michael', w, ctx({ firstName: 'Garcia' }, 'lastName'));
    const b = lastNameStep.run('Michael', w, ctx({ firstName: 'Mary' }, 'lastName'));
    expect(a.issues?.some((i) => i.code === 'name.possibly_swapped')).toBe(true);
    expect(b.issues?.some((i) => i.code === 'name.possibly_swapped')).toBe(false);
  });
});
