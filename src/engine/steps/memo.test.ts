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
