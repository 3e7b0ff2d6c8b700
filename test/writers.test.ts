import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { cleanse, neutralizeFormula, parseLeadFile, toCsv } from '../src/index.js';
import { changeRows, changesLines, cleanTableShape } from '../src/io/outputs.js';
import { generateLeadCsv } from '../bench/gen.js';
import { FORMULA_START, csvRows } from '../src/io/csv-write.js';
import { encodeLines } from '../src/io/utf8-lines.js';

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

  // The writer is our own loop for speed; its bytes must stay papaparse's (quotes: false, escapeFormulae).
  const cellArb = fc.oneof(
    fc.constantFrom(null, '', ' ', '=1+1', '+1 415 555 2671', '-3', '@x', '"', 'a,b', 'a;b', '\ufeffx', 'x\r\ny', ' lead', 'trail ', "'=x"),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: fc.constantFrom('a', ' ', ',', ';', '"', '\n', '\r', '=', '+', '-', '@', '\t', '1', '\ufeff', "'", 'é'), maxLength: 8 }),
  );
  test.each([
    [',', '\r\n', true],
    [';', '\n', true],
    ['\t', '\r\n', false],
  ] as const)('same bytes as Papa.unparse (delimiter %j, newline %j, guard %s)', (delimiter, newline, guard) => {
    const papa = { delimiter, newline, quotes: false, escapeFormulae: guard ? FORMULA_START : false };
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), fc.array(fc.array(cellArb, { maxLength: 5 }), { maxLength: 6 }), (headers, rows) => {
        const data = rows.map((r) => r.map((c) => c ?? ''));
        const options = { delimiter, newline, formulaGuard: guard, bom: false };
        expect(toCsv(headers, rows, options)).toBe(Papa.unparse({ fields: [...headers], data }, papa));
        expect(csvRows(rows, options)).toBe(Papa.unparse(data, { ...papa, header: false }));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('direct writers of the clean file and change log', () => {
  test('cleanTableShape().csvLines and changesLines write what csvRows writes of their rows', () => {
    const text = `${generateLeadCsv({ rows: 400, seed: 9 })}"=cmd|x",Lee,"a,b",+1 (415) 555-2671,"x\r\ny"\r\n`;
    for (const result of [cleanse(parseLeadFile(text), { dedupe: false }), cleanse(parseLeadFile(text))]) {
      const shape = cleanTableShape();
      shape.add(result.records);
      expect(shape.csvLines(result.records).join('\r\n')).toBe(csvRows(shape.rows(result.records)));
      expect(changesLines(result.changes).join('\r\n')).toBe(csvRows(changeRows(result.changes)));
    }
  });
});

describe('encodeLines: CSV lines as UTF-8 bytes, each ending in CRLF', () => {
  const utf8 = (lines: readonly string[]): Buffer => Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'utf8');
  test.each([
    ['no lines', []],
    ['one empty line', ['']],
    ['ASCII', ['a,b', 'c']],
    ['Latin-1 and beyond', ['Müller,Straße', 'Łódź', 'Ελλάδα', '東京']],
    ['astral characters', ['😀,𝒜']],
    ['lone surrogates become U+FFFD, as Buffer.from writes them', ['\ud800x', 'y\udc00']],
    // Each of 3 bytes: past the room estimated from the character count, so the buffer grows.
    ['mostly 3-byte characters', Array.from({ length: 300 }, (_, i) => '€'.repeat(i % 40))],
  ])('%s', (_name, lines) => {
    expect(Buffer.from(encodeLines(lines))).toEqual(utf8(lines));
  });
  test('any strings, across piece boundaries: the bytes Buffer.from writes of the lines with CRLF', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 400 }), (lines) => {
        expect(Buffer.from(encodeLines(lines))).toEqual(utf8(lines));
      }),
      { numRuns: 300 },
    );
  });
});
