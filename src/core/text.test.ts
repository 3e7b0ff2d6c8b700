import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanWhitespace, deepFreeze, foldDiacritics, foldKey, hasControl, MemoCache, memoize, memoStats, resetMemoStats } from './text.js';

// The implementations before the ASCII fast paths: the fast paths must agree with them on every input.
const ref = {
  foldDiacritics: (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC'),
  foldKey: (s: string) => ref.foldDiacritics(s.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, ' ').trim(),
  cleanWhitespace: (s: string) => s.replace(/[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g, ' ').trim(),
  hasControl: (s: string) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200c-\u200f\u202a-\u202e\u2066-\u2069]/.test(s),
};

// ASCII-heavy strings with the characters the fast paths branch on, plus some Unicode.
const tricky = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ' ', '  ', '\t', '\n', '\r', '\u000b', '\u0001', '\u007f', '-', '.', '/', 'é', 'E\u0301', '\u00a0', '\u200b', '\u2028', '\u3000', '\ufeff', 'ß', 'İ', 'Ø', '中', '\u200d'),
  maxLength: 12,
});
const inputs = fc.oneof(tricky, fc.string(), fc.string({ unit: 'grapheme' }));

describe('text helpers: fast paths equal the general implementation', () => {
  test.each([
    ['  Zip/Postal  Code ', 'zip postal code'],
    ['Müller-Lüdenscheidt', 'muller ludenscheidt'],
    ['E-Mail-Adresse', 'e mail adresse'],
    ['', ''],
  ])('foldKey(%j) = %j', (input, want) => {
    expect(foldKey(input)).toBe(want);
  });
  test.each([
    ['a  b', 'a b'],
    [' a b ', 'a b'],
    ['a\tb', 'a b'],
    ['a\u00a0b', 'a b'],
    ['clean text', 'clean text'],
    ['', ''],
    [' ', ''],
  ])('cleanWhitespace(%j) = %j', (input, want) => {
    expect(cleanWhitespace(input)).toBe(want);
  });
  test('properties', () => {
    fc.assert(
      fc.property(inputs, (s) => {
        expect(foldDiacritics(s)).toBe(ref.foldDiacritics(s));
        expect(foldKey(s)).toBe(ref.foldKey(s));
        expect(cleanWhitespace(s)).toBe(ref.cleanWhitespace(s));
        expect(hasControl(s)).toBe(ref.hasControl(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('MemoCache', () => {
  test('bounded to two generations; hits are promoted', () => {
    const c = new MemoCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3); // a, b become the old generation
    expect(c.size).toBe(3);
    expect(c.get('a')).toBe(1); // promoted into the current generation
    c.set('d', 4); // current {c, a} is full: it becomes old, b is dropped
    expect(c.get('b')).toBeUndefined();
    expect(c.get('c')).toBe(3);
    expect(c.size).toBeLessThanOrEqual(4);
    expect(c.hits).toBe(2);
    expect(c.misses).toBe(1);
  });
  test('size never exceeds 2 × max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 100 }), (max, keys) => {
        const c = new MemoCache<string>(max);
        for (const k of keys) if (c.get(k) === undefined) c.set(k, k);
        for (const k of keys.slice(-max)) expect(c.get(k)).toBe(k); // the latest entries are kept
        expect(c.size).toBeLessThanOrEqual(2 * max);
      }),
    );
  });
  test('named caches report hits and misses', () => {
    const c = new MemoCache<number>(10, 'text.test cache');
    resetMemoStats();
    c.get('x');
    c.set('x', 1);
    c.get('x');
    expect(memoStats().find((m) => m.name === 'text.test cache')).toEqual({ name: 'text.test cache', hits: 1, misses: 1, size: 1 });
  });
  test('memoize computes once per distinct input and stays bounded', () => {
    let calls = 0;
    const f = memoize((s: string) => {
      calls++;
      return s.length;
    }, 4);
    for (const s of ['a', 'bb', 'a', 'bb', 'ccc']) f(s);
    expect(calls).toBe(3);
    for (let i = 0; i < 100; i++) f(String(i));
    expect(f('99')).toBe(2);
  });
});

describe('deepFreeze', () => {
  test('freezes nested objects and arrays', () => {
    const x = deepFreeze({ a: [{ b: 1 }], c: { d: 'e' } });
    expect(Object.isFrozen(x)).toBe(true);
    expect(Object.isFrozen(x.a)).toBe(true);
    expect(Object.isFrozen(x.a[0])).toBe(true);
    expect(Object.isFrozen(x.c)).toBe(true);
    expect(deepFreeze(null)).toBe(null);
    expect(deepFreeze('s')).toBe('s');
  });
});
