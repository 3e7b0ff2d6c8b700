import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { neutralizeFormula, parseLeadFile, toCsv } from '../src/index.js';

describe('formula-injection guard', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+HYPERLINK("x")', "'+HYPERLINK(\"x\")"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['+1 (415) 555-2671', '+1 (415) 555-2671'],
    ['+14155552671', '+14155552671'],
    ['+1 415.555.2671 x204', '+1 415.555.2671 x204'],
    ['+44 20 7946 0958 ext. 12', '+44 20 7946 0958 ext. 12'],
    ['-12.5', '-12.5'],
    ['- 5', '- 5'],
    ['ann@acme.de', 'ann@acme.de'],
    ['Acme = best', 'Acme = best'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  test('linear on long hostile input', () => {
    const hostile = `+${'1 '.repeat(200_000)}a`;
    const t0 = performance.now();
    expect(neutralizeFormula(hostile).startsWith("'")).toBe(true);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('CSV writer', () => {
  test('BOM, CRLF, quoting', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'he said "hi"'], [null, 'line1\nline2']])).toBe('\ufeffa,b\r\n"x,y","he said ""hi"""\r\n,"line1\nline2"');
  });

  test('round-trips any text through parseLeadFile (guard off)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/^[\s\ufeff]+|[\s\ufeff]+$/g, ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(text.filter((s) => s !== ''), text), { minLength: 1, maxLength: 10 }), (rows) => {
        const csv = toCsv(['Col A', 'Col B'], rows, { formulaGuard: false });
        const back = parseLeadFile(csv, { delimiter: ',' });
        expect(back.rows.map((r) => [r['Col A'], r['Col B']])).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
