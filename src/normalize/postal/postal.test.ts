import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LeadtidyError } from '../../core/errors.js';
import { normalizePostalCode } from './index.js';
import { postalCases, type PostalCase } from './postal.cases.js';

describe('normalizePostalCode: table', () => {
  test.each(postalCases)('%j (country %s)', (...row) => {
    const [input, country, expected, issueCode] = row as unknown as PostalCase;
    const r = normalizePostalCode(input, country ? { country } : undefined);
    expect(r.value).toEqual(expected);
    if (issueCode) expect(r.issues.map((i) => i.code)).toContain(issueCode);
  });
});

describe('normalizePostalCode: behaviour', () => {
  test('distinctive formats only: bare digits never name a country', () => {
    for (const s of ['80331', '02139', '2000', '110001', '75008']) {
      const r = normalizePostalCode(s);
      expect(r.value?.country).toBeUndefined();
      expect(r.confidence).toBeLessThan(0.8);
    }
  });
  test('non-strings, blanks, bad options', () => {
    for (const v of [null, undefined, 94105, '', '   ']) expect(normalizePostalCode(v).value).toBeNull();
    expect(() => normalizePostalCode('94105', { country: 1 as never })).toThrow(LeadtidyError);
  });
});

describe('normalizePostalCode: properties', () => {
  test('never throws; idempotent on its own output', () => {
    const countries = ['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'AU', 'IN', 'BR', 'JP', 'PL', 'SE', 'IE', 'CH', 'XX'];
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,4}$/)),
        fc.option(fc.constantFrom(...countries), { nil: undefined }),
        (s, country) => {
          const r = normalizePostalCode(s, country ? { country } : undefined);
          if (r.value) {
            const again = normalizePostalCode(r.value.postalCode, r.value.country ? { country: r.value.country } : undefined);
            expect(again.value?.postalCode).toBe(r.value.postalCode);
            if (r.value.country) expect(again.value?.country).toBe(r.value.country);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
  test('long hostile input', () => {
    for (const s of ['9'.repeat(100_000), 'A-'.repeat(50_000), ' '.repeat(100_000)]) normalizePostalCode(s, { country: 'US' });
  });
});
