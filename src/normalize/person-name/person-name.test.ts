import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LeadtidyError } from '../../core/errors.js';
import { expectCase } from '../_testkit/cases.js';
import { isGivenName, nicknameKeys, parsePersonName, recaseName } from './index.js';
import { PERSON_NAME_CASES } from './person-name.cases.js';

describe('parsePersonName table', () => {
  test.each(PERSON_NAME_CASES.map((c) => [JSON.stringify(c.input).slice(0, 80), c] as const))('%s', (_, c) => {
    const r = parsePersonName(c.input, c.options);
    expectCase(r, c.expected);
    // Exact parts: no extra parts beyond the expected ones.
    if (c.expected.value !== null) expect(r.value).toEqual(c.expected.value);
  });
});

describe('person-name helpers', () => {
  test('nicknameKeys meet for nickname and formal name, never for display', () => {
    const meet = (a: string, b: string) => nicknameKeys(a).some((k) => nicknameKeys(b).includes(k));
    expect(meet('Bob', 'Robert')).toBe(true);
    expect(meet('Liz', 'Elizabeth')).toBe(true);
    expect(meet('Bill', 'William')).toBe(true);
    expect(meet('Hans', 'Johannes')).toBe(true);
    expect(meet('Paco', 'Francisco')).toBe(true);
    expect(meet('Robert', 'Elizabeth')).toBe(false);
    expect(nicknameKeys('')).toEqual([]);
  });
  test('recaseName leaves mixed case alone', () => {
    expect(recaseName("O'NEILL")).toBe("O'Neill");
    expect(recaseName('mcdonald')).toBe('McDonald');
    expect(recaseName('McDonald')).toBe('McDonald');
    expect(recaseName('deBoer')).toBe('deBoer');
    expect(recaseName('VAN BEETHOVEN')).toBe('van Beethoven');
    expect(recaseName('JEAN-LUC', 'first')).toBe('Jean-Luc');
  });
  test('isGivenName', () => {
    expect(isGivenName('Robert')).toBe(true);
    expect(isGivenName('Kierkegaard')).toBe(false);
  });
  test('bad options throw, bad data does not', () => {
    expect(() => parsePersonName('John', 'x' as never)).toThrow(LeadtidyError);
    expect(parsePersonName(null).value).toBeNull();
  });
  test('long hostile input is fast', () => {
    const t0 = Date.now();
    for (const s of ['a '.repeat(100_000), ','.repeat(100_000), '"'.repeat(100_000), 'Dr. '.repeat(50_000), '('.repeat(100_000)]) parsePersonName(s);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('parsePersonName properties', () => {
  const names = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.array(fc.constantFrom('JOHN', 'smith', 'Dr.', 'van', 'de', 'la', 'Jr.', 'PhD', ',', 'O\'NEILL', 'Anne-Marie', 'MCDONALD', 'Q.', 'and', '"Bob"', 'III', 'Müller'), { maxLength: 7 }).map((a) => a.join(' ')),
  );
  test('never throws', () => {
    fc.assert(fc.property(names, (s) => void parsePersonName(s)), { numRuns: 2000 });
  });
  test('idempotent: reparsing the parts gives the same parts', () => {
    fc.assert(
      fc.property(names, (s) => {
        const r = parsePersonName(s);
        const a = r.value;
        if (a === null || a.first === undefined || a.last === undefined || s.includes(',')) return;
        // Swapped input is re-fed in "Last, First" form: where the surname ends is what the comma says.
        const swapped = r.issues.some((i) => i.code === 'name.swapped');
        const text = swapped
          ? `${a.last}, ${[a.salutation, a.first, a.middle].filter(Boolean).join(' ')}${a.suffix ? `, ${a.suffix}` : ''}`
          : [a.salutation, a.first, a.middle, a.last, a.suffix].filter(Boolean).join(' ');
        const again = parsePersonName(text).value;
        expect(again?.first).toBe(a.first);
        expect(again?.last).toBe(a.last);
      }),
      { numRuns: 2000 },
    );
  });
});
