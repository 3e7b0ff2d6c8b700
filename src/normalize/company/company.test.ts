import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LeadtidyError } from '../../core/errors.js';
import { expectCase } from '../_testkit/cases.js';
import { COMPANY_CASES } from './company.cases.js';
import { companyMatchKey, normalizeCompanyName } from './index.js';

describe('normalizeCompanyName table', () => {
  test.each(COMPANY_CASES.map((c) => [JSON.stringify(c.input).slice(0, 80), c] as const))('%s', (_, c) => {
    expectCase(normalizeCompanyName(c.input, c.options), c.expected);
  });
});

describe('normalizeCompanyName edge cases', () => {
  test('variants of one company share a key', () => {
    const variants = ['Procter & Gamble Co.', 'PROCTER AND GAMBLE COMPANY', 'The Procter & Gamble Company', 'procter+gamble co'];
    expect(new Set(variants.map(companyMatchKey)).size).toBe(1);
    expect(companyMatchKey('Siemens AG')).toBe(companyMatchKey('SIEMENS AKTIENGESELLSCHAFT'));
    expect(companyMatchKey('Akzo Nobel N.V.')).toBe(companyMatchKey('AKZO NOBEL NV'));
  });
  test('different companies keep different keys', () => {
    expect(companyMatchKey('Acme GmbH')).not.toBe(companyMatchKey('Acme Widgets GmbH'));
    expect(companyMatchKey('Limited Brands Inc')).not.toBe(companyMatchKey('Brands Inc'));
  });
  test('legal form countries come from GLEIF', () => {
    expect(normalizeCompanyName('Acme Sp. z o.o.').value?.legalFormCountries).toContain('PL');
    expect(normalizeCompanyName('Acme GmbH').value?.legalFormCountries).toEqual(expect.arrayContaining(['DE', 'AT', 'CH']));
  });
  test('mixed case is never recased', () => {
    expect(normalizeCompanyName('ACME widgets gmbh').value?.name).toBe('ACME widgets gmbh');
    expect(normalizeCompanyName('eBay').value?.name).toBe('eBay');
  });
  test('bad options throw, bad data does not', () => {
    expect(() => normalizeCompanyName('Acme', 5 as never)).toThrow(LeadtidyError);
    expect(normalizeCompanyName(undefined).value).toBeNull();
  });
  test('long hostile input is fast', () => {
    const t0 = Date.now();
    for (const s of ['Ltd '.repeat(50_000), 'a'.repeat(200_000), '& '.repeat(50_000), 'S.A. '.repeat(40_000)]) normalizeCompanyName(s);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('normalizeCompanyName properties', () => {
  const names = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ maxLength: 1000 }),
    fc.tuple(fc.constantFrom('ACME', 'Müller', 'the', 'Co', 'GmbH', 'S.A.', '&', 'Ltd.', 'Pty', 'AB', 'OOO', 'n/a', ',', 'und'), fc.constantFrom('', ' ', ', ')).map(([a, b]) => a + b),
    fc.array(fc.constantFrom('ACME', 'Müller', 'the', 'Co', 'GmbH', 'S.A.', '&', 'Ltd.', 'Pty', 'AB', 'OOO', 'Holding', 'und', 'Widgets'), { maxLength: 6 }).map((a) => a.join(' ')),
  );
  test('never throws; key is never empty when there is a value', () => {
    fc.assert(
      fc.property(names, (s) => {
        const r = normalizeCompanyName(s);
        if (r.value) expect(r.value.key.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
  test('idempotent on its own output (name and key)', () => {
    fc.assert(
      fc.property(names, (s) => {
        const a = normalizeCompanyName(s).value;
        if (a === null) return;
        const b = normalizeCompanyName(a.name).value;
        expect(b?.name).toBe(a.name);
        expect(b?.key).toBe(a.key);
      }),
      { numRuns: 2000 },
    );
  });
});
