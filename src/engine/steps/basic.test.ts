import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanCell, cleanStep } from './basic.js';

type Opts = { multiline: boolean; placeholders: boolean; extraPlaceholders: string[] };
const OPTION_SETS: Opts[] = [
  { multiline: false, placeholders: true, extraPlaceholders: [] },
  { multiline: false, placeholders: false, extraPlaceholders: [] },
  { multiline: true, placeholders: true, extraPlaceholders: [] },
  { multiline: false, placeholders: true, extraPlaceholders: ['TBC'] },
];

/** What the clean step returned before its fast paths: cleanCell's value and issues. */
function reference(value: string, options: Opts): { value: string | null; issues: readonly unknown[] } {
  return cleanCell(value, options);
}

/** The change the engine applies for a step output: the new value (or the old one) and the issues. */
function applied(value: string, out: { value?: string | null; issues?: readonly unknown[] }): { value: string | null; issues: readonly unknown[] } {
  return { value: out.value === undefined ? value : out.value, issues: out.issues ?? [] };
}

describe('clean step: fast paths give what cleanCell gives', () => {
  test.each([
    ['Ann', 'Ann'],
    ['  Ann  Smith ', 'Ann Smith'],
    ['N/A', null],
    ['n/a', null],
    ['#N/A', null],
    ['Nancy', 'Nancy'],
    ['na', null],
    ['unknown', null],
    ['Unknown Corp', 'Unknown Corp'],
    ['a\tb', 'a b'],
    ['x\u0001y', 'xy'],
    ['Café', 'Café'],
    ['-', null],
  ])('%j → %j', (input, want) => {
    const o = OPTION_SETS[0]!;
    expect(applied(input, cleanStep.run(input, o, undefined as never)).value).toBe(want);
  });
  test('properties, every option set', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'A', 'n', '/', '.', '#', ' ', '  ', '\t', '\n', '\u0001', 'é', '\u00a0', 'x', '-', '?'), maxLength: 8 }),
      fc.constantFrom('N/A', 'n/a', 'NULL', 'None', 'TBD', 'tbc', 'Not Provided', '(blank)', 'K.A.', 'non renseigné', 'NON RENSEIGNÉ', 'xx'),
      fc.string(),
      // Non-ASCII letters next to every Unicode whitespace, control and invisible formatting character.
      fc.string({
        unit: fc.constantFrom('é', 'ß', 'Ü', '中', '\u00ad', '\u0085', '\u1680', '\u180e', '\u2003', '\u200b', '\u200e', '\u2028', '\u202f', '\u2060', '\u2066', '\u3000', '\ufeff', ' ', 'a'),
        maxLength: 8,
      }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    fc.assert(
      fc.property(cell, fc.constantFrom(...OPTION_SETS), (s, o) => {
        const got = applied(s, cleanStep.run(s, o, undefined as never));
        const want = reference(s, o);
        expect(got.value).toBe(want.value);
        expect(got.issues).toEqual(want.issues);
      }),
      { numRuns: 6000 },
    );
  });
});
