import fc from 'fast-check';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, test } from 'vitest';
import callingCodes from '../../../dictionaries/calling-code-defaults.json' with { type: 'json' };
import { LeadtidyError } from '../../core/errors.js';
import { formatPhone } from '../geo/step.js';
import { createPhoneNormalizer, normalizePhone } from './index.js';
import { phoneCases, type PhoneCase } from './phone.cases.js';

describe('normalizePhone: table', () => {
  test.each(phoneCases)('%j (default %s)', (...row) => {
    const [input, country, expected, issueCode] = row as unknown as PhoneCase;
    const r = normalizePhone(input, country ? { country } : undefined);
    if (expected === null) expect(r.value).toBeNull();
    else {
      expect(r.value).toMatchObject(expected);
      if (!expected.extension) expect(r.value?.extension).toBeUndefined();
    }
    if (issueCode) expect(r.issues.map((i) => i.code)).toContain(issueCode);
  });
});

describe('normalizePhone: behaviour', () => {
  test('other numbers in the cell are reported, in order', () => {
    const r = normalizePhone('415-555-2671; 650-555-1234 / 212-555-0199', { country: 'US' });
    expect(r.issues.find((i) => i.code === 'phone.multiple')?.data?.['others']).toEqual(['650-555-1234', '212-555-0199']);
  });
  test('type comes from the metadata: min knows some, max knows more', () => {
    expect(normalizePhone('+1 800 356 9377').value?.type).toBe('toll_free');
    expect(normalizePhone('+44 20 7946 0958').value?.type).toBe('fixed_line');
    expect(normalizePhone('+44 20 7946 0958', { type: false }).value?.type).toBeUndefined();
    const withMax = createPhoneNormalizer({ metadata: maxMetadata, callingCodes });
    expect(withMax('+49 151 12345678').value?.type).toBe('mobile');
  });
  test('clean-record form round-trips', () => {
    for (const s of ['415.555.2671 x204', '+44 (0)20 7946 0958 ext. 12', '089/1234567']) {
      const v = normalizePhone(s, { country: s.startsWith('089') ? 'DE' : 'US' }).value!;
      const again = normalizePhone(formatPhone(v)).value!;
      expect(again.e164).toBe(v.e164);
      expect(again.extension).toBe(v.extension);
    }
  });
  test('agrees with raw libphonenumber-js on plain numbers', () => {
    for (const s of ['+1 415 555 2671', '+44 20 7946 0958', '+49 89 1234567', '+81 3-1234-5678', '+61 2 9876 5432']) {
      expect(normalizePhone(s).value?.e164).toBe(parsePhoneNumberFromString(s)?.number);
    }
  });
  test('non-strings, blanks, bad options', () => {
    for (const v of [null, undefined, '', '  ', {}, NaN]) expect(normalizePhone(v).value).toBeNull();
    expect(normalizePhone(4155552671, { country: 'US' }).value?.e164).toBe('+14155552671');
    expect(() => normalizePhone('1', { country: 7 as never })).toThrow(LeadtidyError);
    expect(normalizePhone('4155552671', { country: 'Narnia' }).issues[0]?.code).toBe('phone.no_country');
  });
});

describe('normalizePhone: properties', () => {
  test('never throws; idempotent on its own output', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.stringMatching(/^\+?[0-9 ()\-.]{6,20}( ?x\d{1,4})?$/),
        ),
        fc.constantFrom(undefined, 'US', 'GB', 'DE', 'IN', 'XX'),
        (s, country) => {
          const r = normalizePhone(s, country ? { country } : undefined);
          if (r.value) {
            const again = normalizePhone(formatPhone(r.value)).value;
            expect(again?.e164).toBe(r.value.e164);
            expect(again?.extension).toBe(r.value.extension);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
  test('long hostile input', () => {
    const t0 = performance.now();
    for (const s of ['1'.repeat(100_000), ' x'.repeat(50_000), '+'.repeat(100_000), '(0)'.repeat(30_000), '1 or '.repeat(20_000)]) normalizePhone(s);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
