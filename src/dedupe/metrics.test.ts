import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { colognePhonetic, jaro, jaroWinkler, levenshtein, soundex, tokenSetSimilarity } from './metrics.js';
import { cologneCases, jaroWinklerCases, levenshteinCases, soundexCases } from './metrics.cases.js';

describe('jaroWinkler (pinned: p = 0.1, prefix ≤ 4, boost only above 0.7)', () => {
  test.each(jaroWinklerCases)('$input → $expected', ({ input, expected }) => {
    expect(jaroWinkler(input[0], input[1])).toBeCloseTo(expected, 3);
  });
  test('no prefix boost at or below a Jaro of 0.7', () => {
    const j = jaro('abcdxyz', 'abqrstu');
    expect(j).toBeLessThanOrEqual(0.7);
    expect(jaroWinkler('abcdxyz', 'abqrstu')).toBe(j);
  });
  test('prefix counts at most 4 characters', () => {
    const a = 'abcdefgh';
    const b = 'abcdefhg';
    expect(jaroWinkler(a, b)).toBeCloseTo(jaro(a, b) + 0.4 * (1 - jaro(a, b)), 10);
  });
});

describe('levenshtein', () => {
  test.each(levenshteinCases)('$input $options → $expected', ({ input, options, expected }) => {
    expect(levenshtein(input[0], input[1], options?.max)).toBe(expected);
  });
});

describe('phonetic keys', () => {
  test.each(soundexCases)('soundex $input → $expected', ({ input, expected }) => expect(soundex(input)).toBe(expected));
  test.each(cologneCases)('cologne $input → $expected', ({ input, expected }) => expect(colognePhonetic(input)).toBe(expected));
  test('Müller, Mueller and Miller share a Cologne key', () => {
    expect(new Set(['Müller', 'Mueller', 'Miller'].map(colognePhonetic)).size).toBe(1);
  });
});

test('tokenSetSimilarity: jaccard and overlap', () => {
  expect(tokenSetSimilarity(['acme', 'labs'], ['acme', 'labs', 'europe'])).toBeCloseTo(2 / 3);
  expect(tokenSetSimilarity(['acme', 'labs'], ['acme', 'labs', 'europe'], 'overlap')).toBe(1);
  expect(tokenSetSimilarity([], ['x'])).toBe(0);
});

describe('properties', () => {
  const str = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ minLength: 300, maxLength: 2000 }));
  test('symmetric, bounded, never throw', () => {
    fc.assert(
      fc.property(str, str, (a, b) => {
        const jw = jaroWinkler(a, b);
        expect(jw).toBeGreaterThanOrEqual(0);
        expect(jw).toBeLessThanOrEqual(1 + 1e-12);
        expect(jw).toBeCloseTo(jaroWinkler(b, a), 12);
        expect(levenshtein(a, b, 3)).toBe(levenshtein(b, a, 3));
        expect(levenshtein(a, a)).toBe(0);
        soundex(a);
        colognePhonetic(a);
      }),
      { numRuns: 300 },
    );
  });
  test('phonetic keys always have their format', () => {
    fc.assert(
      fc.property(fc.string(), (a) => {
        const k = soundex(a);
        expect(k === '' || /^[A-Z][0-9]{3}$/.test(k)).toBe(true);
        expect(/^[0-9]*$/.test(colognePhonetic(a))).toBe(true);
      }),
    );
  });
  test('bounded levenshtein agrees with the unbounded one when within bound', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = levenshtein(a, b);
        expect(levenshtein(a, b, 2)).toBe(d <= 2 ? d : 3);
      }),
    );
  });
});
