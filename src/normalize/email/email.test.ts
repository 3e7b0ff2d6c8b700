import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LeadtidyError } from '../../core/errors.js';
import { expectCase } from '../_testkit/cases.js';
import { EMAIL_CASES } from './email.cases.js';
import { emailMatchKey, emailRegistrableDomain, normalizeEmail } from './index.js';

describe('normalizeEmail table', () => {
  test.each(EMAIL_CASES.map((c) => [JSON.stringify(c.input).slice(0, 80), c] as const))('%s', (_, c) => {
    expectCase(normalizeEmail(c.input, c.options), c.expected);
  });
});

describe('normalizeEmail edge cases', () => {
  test('a correction is an info issue naming the original', () => {
    const r = normalizeEmail('Jane@Gmial.com');
    const i = r.issues.find((x) => x.code === 'email.domain_corrected')!;
    expect(i.severity).toBe('info');
    expect(i.data).toMatchObject({ from: 'gmial.com', to: 'gmail.com', original: 'jane@gmial.com' });
    expect(r.confidence).toBeLessThan(1);
  });
  test('a suggestion does not change the value', () => {
    const r = normalizeEmail('bob@hotmail.co');
    expect(r.value?.email).toBe('bob@hotmail.co');
    expect(r.issues.find((x) => x.code === 'email.domain_suggestion')?.severity).toBe('warning');
  });
  test('non-string input and bad options', () => {
    expect(normalizeEmail(null).value).toBeNull();
    expect(normalizeEmail(undefined).value).toBeNull();
    expect(() => normalizeEmail('a@b.com', null as never)).toThrow(LeadtidyError);
  });
  test('helpers', () => {
    expect(emailRegistrableDomain('Jane@Sales.ACME.co.uk')).toBe('acme.co.uk');
    expect(emailRegistrableDomain('acme.com.')).toBe('acme.com');
    expect(emailRegistrableDomain('nonsense')).toBeNull();
    expect(emailMatchKey('John.Smith+leads@GoogleMail.com')).toBe('johnsmith@gmail.com');
    expect(emailMatchKey('John.Smith+x@acme.com')).toBe('john.smith@acme.com');
    expect(emailMatchKey('nope')).toBeNull();
  });
  test('long hostile input is fast', () => {
    const t0 = Date.now();
    for (const s of ['a'.repeat(100_000), '@'.repeat(100_000), 'a.'.repeat(50_000) + '@', ('a@' + 'b.'.repeat(1000)).repeat(10), '<'.repeat(50_000) + '@', '!'.repeat(100_000) + 'x']) {
      normalizeEmail(s);
      emailRegistrableDomain(s);
      emailMatchKey(s);
    }
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('normalizeEmail properties', () => {
  test('never throws, value shape holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.emailAddress(), fc.string({ maxLength: 2000 })), (s) => {
        const r = normalizeEmail(s);
        if (r.value) expect(r.value.email).toBe(`${r.value.local}@${r.value.domain}`);
      }),
      { numRuns: 1500 },
    );
  });
  test('idempotent on its own output', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string({ unit: 'binary' })), (s) => {
        const a = normalizeEmail(s).value;
        if (a === null) return;
        const b = normalizeEmail(a.email).value;
        expect(b?.email).toBe(a.email);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('oneEditApart agrees with the OSA distance', () => {
  test('property', async () => {
    const { oneEditApart, osaDistance } = await import('./domain.js');
    fc.assert(
      fc.property(fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'b', 'c', '.') }), fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'b', 'c', '.') }), (a, b) => {
        expect(oneEditApart(a, b)).toBe(osaDistance(a, b, 3) === 1);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('decodeDomainGroups', () => {
  test('decodes front-coded groups', async () => {
    const { decodeDomainGroups } = await import('./email.js');
    expect([...decodeDomainGroups({ com: '0mailinator\n4drop\n0zz', de: '0wegwerf' })].sort()).toEqual(['maildrop.com', 'mailinator.com', 'wegwerf.de', 'zz.com']);
  });
  test('the built-in list decodes to the package list size', async () => {
    const { decodeDomainGroups } = await import('./email.js');
    const { EMAIL_DICTIONARIES } = await import('./index.js');
    expect(decodeDomainGroups(EMAIL_DICTIONARIES.disposable.exact).size).toBeGreaterThan(100_000);
  });
});
