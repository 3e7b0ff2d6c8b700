import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import subdivisions from '../../../dictionaries/subdivisions.json' with { type: 'json' };
import { LeadtidyError } from '../../core/errors.js';
import { normalizeState } from './index.js';
import { stateCases } from './state.cases.js';

describe('normalizeState: table', () => {
  test('the table has at least 300 inputs', () => {
    expect(stateCases.length).toBeGreaterThanOrEqual(300);
  });
  test.each(stateCases)('%j (country %s) → %s', (input, country, code, issueCode) => {
    const r = normalizeState(input, country ? { country } : undefined);
    expect(r.value?.code ?? null).toBe(code);
    if (issueCode) expect(r.issues.map((i) => i.code)).toContain(issueCode);
    if (r.value) expect(r.value.code.startsWith(`${r.value.country}-`)).toBe(true);
  });
});

describe('normalizeState: every ISO subdivision', () => {
  const all = Object.entries(subdivisions.subdivisions).flatMap(([cc, subs]) => Object.keys(subs).map((code) => [cc, code] as const));
  test('covers every country with subdivisions (≥ 4,000 entries)', () => {
    expect(all.length).toBeGreaterThanOrEqual(4000);
  });
  test('each code resolves to itself within its country, bare and prefixed', () => {
    for (const [cc, code] of all) {
      expect(normalizeState(code, { country: cc }).value?.code).toBe(`${cc}-${code}`);
      expect(normalizeState(`${cc}-${code}`).value?.code).toBe(`${cc}-${code}`);
    }
  });
  test('each English name resolves within its country, unless it is shared by two subdivisions there', () => {
    let resolved = 0;
    for (const [cc, code] of all) {
      const v = normalizeState(`${cc}-${code}`, { country: cc }).value!;
      const r = normalizeState(v.name, { country: cc });
      if (r.value) {
        resolved++;
        // Provinces named like their region ("Madrid") resolve to the first level.
        if (r.value.code !== v.code) expect(v.level === 2 || r.value.level === 1).toBe(true);
      } else expect(r.issues[0]?.code).toBe('state.ambiguous');
    }
    expect(resolved / all.length).toBeGreaterThan(0.97);
  });
});

describe('normalizeState: behaviour', () => {
  test('value shape', () => {
    expect(normalizeState('Bayern').value).toEqual({ code: 'DE-BY', country: 'DE', name: 'Bavaria', localName: 'Bayern', level: 1 });
    expect(normalizeState('MI', { country: 'IT' }).value).toMatchObject({ code: 'IT-MI', level: 2, parent: 'IT-25' });
  });
  test('US convention for bare codes can be changed by the pack', () => {
    expect(normalizeState('CA').value?.code).toBe('US-CA');
    expect(normalizeState('WA').value?.code).toBe('US-WA');
    expect(normalizeState('WA', { preferCountries: ['AU'] }).value?.code).toBe('AU-WA');
    expect(normalizeState('CA', { preferCountries: [] }).value).toBeNull();
  });
  test('country names in the option are resolved', () => {
    expect(normalizeState('Bayern', { country: 'Deutschland' }).value?.code).toBe('DE-BY');
    expect(normalizeState('ON', { country: 'Canada' }).value?.code).toBe('CA-ON');
    expect(normalizeState('ON', { country: null }).value?.code).toBe('CA-ON');
  });
  test('mismatch names where the state was found', () => {
    const r = normalizeState('CA', { country: 'DE' });
    expect(r.issues[0]).toMatchObject({ code: 'state.country_mismatch', data: { found: ['US-CA'] } });
  });
  test('bad options throw', () => {
    expect(() => normalizeState('CA', { country: 5 as never })).toThrow(LeadtidyError);
    expect(() => normalizeState('CA', { preferCountries: 'US' as never })).toThrow(LeadtidyError);
  });
  test('non-strings and blanks', () => {
    for (const v of [null, undefined, 3, '', '  ']) expect(normalizeState(v).value).toBeNull();
    for (const k of ['__proto__', 'constructor', 'hasOwnProperty']) expect(normalizeState(k).value).toBeNull();
  });
});

describe('normalizeState: properties', () => {
  test('never throws; idempotent on its own output (code, prefixed code and name)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('CA', 'NY', 'Bayern', 'Calif.', 'ON', 'NSW')),
        fc.constantFrom(undefined, 'US', 'CA', 'DE', 'XX', 'Germany'),
        (s, country) => {
          const r = normalizeState(s, country ? { country } : undefined);
          if (r.value) {
            const short = r.value.code.slice(3);
            expect(normalizeState(short, { country: r.value.country }).value?.code).toBe(r.value.code);
            expect(normalizeState(r.value.code).value?.code).toBe(r.value.code);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
  test('long hostile input', () => {
    const t0 = performance.now();
    for (const s of ['a'.repeat(100_000), 'N.'.repeat(40_000), ' - '.repeat(30_000)]) expect(normalizeState(s).value).toBeNull();
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
