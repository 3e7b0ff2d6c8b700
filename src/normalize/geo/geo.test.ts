import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { LeadRecord } from '../../core/fields.js';
import type { StepContext, StepDefinition } from '../../engine/step.js';
import { geoCases, type GeoCase } from './geo.cases.js';
import { reconcileGeo } from './index.js';
import { formatPhone, geoSteps } from './step.js';

describe('reconcileGeo: table', () => {
  test.each(geoCases)('%j', (...row) => {
    const [input, expected, codes] = row as unknown as GeoCase;
    const r = reconcileGeo(input);
    expect(r.country).toBe(expected.country);
    if (expected.state !== undefined) expect(r.state).toBe(expected.state);
    if (expected.postalCode !== undefined) expect(r.postalCode).toBe(expected.postalCode);
    if (expected.phone !== undefined) expect(r.phone?.e164 ?? null).toBe(expected.phone);
    expect(r.issues.map((i) => i.code).sort()).toEqual([...codes].sort());
  });
});

describe('reconcileGeo: behaviour', () => {
  test('conflicts name the field and the evidence, and never overwrite', () => {
    const r = reconcileGeo({ country: 'Germany', phone: '+1 415 555 2671', postalCode: '94105-1234' });
    expect(r.country).toBe('DE');
    expect(r.countrySource).toBe('country');
    expect(r.issues.map((i) => [i.code, i.severity, i.field])).toEqual([
      ['geo.conflict', 'warning', 'phone'],
      ['geo.conflict', 'warning', 'postalCode'],
    ]);
    expect(r.issues[0]?.message).toBe('country DE conflicts with phone (+14155552671 → US); left unchanged.');
  });
  test('precedence: phone beats state beats postal code', () => {
    const r = reconcileGeo({ state: 'ON', postalCode: 'SW1A 1AA', phone: '+49 89 1234567' });
    expect(r.country).toBe('DE');
    expect(r.countrySource).toBe('phone');
    expect(reconcileGeo({ state: 'ON', postalCode: 'SW1A 1AA' }).countrySource).toBe('state');
  });
  test('filling can be switched off', () => {
    expect(reconcileGeo({ postalCode: 'K1A 0B1' }, { fillCountry: false }).country).toBeNull();
    expect(reconcileGeo({ country: 'US', postalCode: '94105' }, { fillState: false }).state).toBeNull();
  });
  test('never throws on arbitrary fields; reconciled output reconciles to itself', () => {
    const field = fc.option(fc.oneof(fc.string(), fc.constantFrom('US', 'Germany', 'CA', 'ON', '94105', 'K1A 0B1', '+1 415 555 2671', '089 1234567')), { nil: undefined });
    fc.assert(
      fc.property(field, field, field, field, (country, state, postalCode, phone) => {
        const r = reconcileGeo({ country, state, postalCode, phone });
        // Known exception: Namibia's code "NA" reads as N/A unless a phone or postal code says Namibia.
        if (r.country && r.country !== 'NA') {
          const again = reconcileGeo({
            country: r.country,
            state: r.state ?? state,
            postalCode: r.postalCode ?? postalCode,
            phone: r.phone ? formatPhone(r.phone) : phone,
          });
          expect(again.country).toBe(r.country);
          if (r.state) expect(again.state).toBe(r.state);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function run(step: StepDefinition, value: string | null, record: Partial<LeadRecord>, options: unknown = undefined) {
  const opts = step.options.parse(options);
  const ctx: StepContext = { record: { sourceRow: 1, extra: {}, campaigns: [], ...record } as LeadRecord, field: 'x', issues: [] };
  return step.run(value, opts, ctx);
}

describe('geo steps', () => {
  test('registry names', () => {
    expect(Object.keys(geoSteps).sort()).toEqual(['country', 'geo', 'phone', 'postalCode', 'state']);
    for (const [name, s] of Object.entries(geoSteps)) expect(s.name).toBe(name);
  });
  test('country step writes alpha-2, leaves the unresolvable alone', () => {
    expect(run(geoSteps.country, 'Deutschland', {}).value).toBe('DE');
    const r = run(geoSteps.country, 'Korea', {});
    expect(r.value).toBeUndefined();
    expect(r.issues?.[0]?.code).toBe('country.ambiguous');
    expect(run(geoSteps.country, null, {})).toEqual({});
  });
  test('geo step fills country and state, reports conflicts', () => {
    const r = run(geoSteps.geo, null, { state: null, postalCode: 'K1A 0B1' });
    expect(r.value).toBe('CA');
    expect(r.set).toEqual({ state: 'ON' });
    const c = run(geoSteps.geo, 'Germany', { phone: '+1 415 555 2671' });
    expect(c.value).toBe('DE');
    expect(c.issues?.map((i) => i.code)).toEqual(['geo.conflict']);
  });
  test('state, postal code and phone steps read the record country', () => {
    expect(run(geoSteps.state, 'Bayern', { country: 'DE' }).value).toBe('BY');
    expect(run(geoSteps.state, 'Calif.', { country: 'United States' }).value).toBe('CA');
    expect(run(geoSteps.state, 'CA', { country: 'DE' }).value).toBeUndefined();
    expect(run(geoSteps.postalCode, '2139', { country: 'US' }).value).toBe('02139');
    expect(run(geoSteps.postalCode, 'k1a0b1', {}).value).toBe('K1A 0B1');
    expect(run(geoSteps.postalCode, '80331', {}).value).toBeUndefined();
    expect(run(geoSteps.phone, '415.555.2671 x204', { country: 'US' }).value).toBe('+14155552671;ext=204');
    expect(run(geoSteps.phone, '415.555.2671 x204', { country: 'US' }, { extension: 'drop' }).value).toBe('+14155552671');
    expect(run(geoSteps.phone, '089 1234567', {}, { defaultCountry: 'DE' }).value).toBe('+49891234567');
    expect(run(geoSteps.phone, '+14155552671;ext=204', { country: 'US' }).value).toBe('+14155552671;ext=204');
  });
  test('options are validated by each step schema', () => {
    expect(() => geoSteps.phone.options.parse({ extension: 'keep' })).toThrow();
    expect(() => geoSteps.state.options.parse({ preferCountries: ['usa'] })).toThrow();
    expect(() => geoSteps.geo.options.parse({ nope: 1 })).toThrow();
  });
});
