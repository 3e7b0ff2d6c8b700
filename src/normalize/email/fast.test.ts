/** The email fast-path helpers equal the regexes and string operations they replace. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compactAlnum, isSld, lowerFast, NON_ASCII_SEEN, NOT_SIMPLE, oneCharRepeated, shapeOf, simpleAt } from './fast.js';

const SIMPLE = /^[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}$/;
// Characters around the edges of the rules: both cases, every allowed punctuation mark, "@", space,
// and non-ASCII letters that lowercase to ASCII (Kelvin sign, dotted capital I).
const unit = fc.constantFrom('a', 'Z', 'k', '0', '.', '-', '_', '%', '+', '@', ' ', '!', 'é', '\u212a', '\u0130', 'ß');
const str = fc.string({ unit, maxLength: 12 });

describe('simpleAt', () => {
  test.each([
    ['jane.doe@acme.com', 8],
    ['Jane.Doe+x@ACME.co.uk', 10],
    ['@acme.com', NOT_SIMPLE],
    ['jane@', NOT_SIMPLE],
    ['a@b@c', NOT_SIMPLE],
    ['jane_doe@ac_me.com', NOT_SIMPLE],
    ['jane doe@acme.com', NOT_SIMPLE],
    ['jöhn@acme.com', NON_ASCII_SEEN],
    ['\u212a@acme.com', NON_ASCII_SEEN],
    [`${'a'.repeat(64)}@b.c`, 64],
    [`${'a'.repeat(65)}@b.c`, NOT_SIMPLE],
    [`a@${'b'.repeat(253)}`, 1],
    [`a@${'b'.repeat(254)}`, NOT_SIMPLE],
  ])('%j → %j', (s, want) => expect(simpleAt(s)).toBe(want));

  test('agrees with SIMPLE on the lowercased input; non-ASCII is left to the regex', () => {
    fc.assert(
      fc.property(str, (s) => {
        const at = simpleAt(s);
        if (at === NON_ASCII_SEEN) expect(/[^\u0000-\u007f]/.test(s)).toBe(true);
        else {
          expect(at >= 0).toBe(SIMPLE.test(s.toLowerCase()));
          if (at >= 0) expect(at).toBe(s.lastIndexOf('@'));
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('string helpers', () => {
  test('lowerFast = toLowerCase, and returns the same string when nothing changes', () => {
    fc.assert(
      fc.property(str, (s) => {
        expect(lowerFast(s)).toBe(s.toLowerCase());
      }),
      { numRuns: 3000 },
    );
    const s = 'jane.doe';
    expect(lowerFast(s)).toBe(s);
  });
  test('compactAlnum = replace(/[^a-z0-9]/g, "")', () => {
    fc.assert(
      fc.property(str, (s) => {
        expect(compactAlnum(s)).toBe(s.replace(/[^a-z0-9]/g, ''));
      }),
      { numRuns: 3000 },
    );
  });
  test('isSld = (box === first label of the domain)', () => {
    const label = fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 6 });
    fc.assert(
      fc.property(label, label, (box, domain) => {
        const dot = domain.indexOf('.');
        expect(isSld(box, domain)).toBe(box === (dot < 0 ? domain : domain.slice(0, dot)));
      }),
      { numRuns: 3000 },
    );
  });
  test('oneCharRepeated = /^(.)\\1+$/ on letters and digits', () => {
    const box = fc.string({ unit: fc.constantFrom('a', 'b', '1'), maxLength: 6 });
    fc.assert(
      fc.property(box, (s) => {
        expect(oneCharRepeated(s)).toBe(/^(.)\1+$/.test(s));
      }),
      { numRuns: 3000 },
    );
  });
  test('shapeOf: equal strings have equal shapes (a prefilter never rules out a member)', () => {
    fc.assert(
      fc.property(str, (s) => {
        expect(shapeOf(s)).toBe(shapeOf((s + ' ').slice(0, -1)));
      }),
    );
    expect(shapeOf('')).toBe(0);
    expect(shapeOf('info')).not.toBe(shapeOf('infos'));
  });
});
