import * as XLSX from '@e965/xlsx';
import { describe, expect, test } from 'vitest';
import { cp1252, utf16be, utf16le } from './encoders.js';
import { parseLeadFile, toXlsx } from '../src/index.js';
import { parseCsv } from '../src/csv.js';

const enc = new TextEncoder();


const SAMPLE = 'Vorname;Nachname;Firma;Umsatz\nJürgen;Müller;Straße & Söhne GmbH;5 €\nFrançoise;Niño;Société Générale;7 €\n';

describe('encodings', () => {
  const expected = [
    { Vorname: 'Jürgen', Nachname: 'Müller', Firma: 'Straße & Söhne GmbH', Umsatz: '5 €' },
    { Vorname: 'Françoise', Nachname: 'Niño', Firma: 'Société Générale', Umsatz: '7 €' },
  ];
  test.each([
    ['utf-8', enc.encode(SAMPLE), 'utf-8'],
    ['utf-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(SAMPLE)]), 'utf-8'],
    ['utf-16le with BOM (Excel "Unicode text")', utf16le(SAMPLE), 'utf-16le'],
    ['utf-16le without BOM', utf16le(SAMPLE, false), 'utf-16le'],
    ['utf-16be with BOM', utf16be(SAMPLE), 'utf-16be'],
    ['windows-1252 (Excel "CSV" on Windows)', cp1252(SAMPLE), 'windows-1252'],
  ] as const)('%s', (_name, bytes, encoding) => {
    const r = parseLeadFile(bytes, { filename: 'x.csv' });
    expect(r.meta.encoding).toBe(encoding);
    expect(r.headers).toEqual(['Vorname', 'Nachname', 'Firma', 'Umsatz']);
    expect(r.rows).toEqual(expected);
    expect(r.meta.delimiter).toBe(';');
  });

  test('windows-1252 punctuation and letters of the 0x80–0x9F range', () => {
    const r = parseLeadFile(cp1252('Company;Note\n„Škoda“ – Œuvre;5 € … ™\n'));
    expect(r.rows).toEqual([{ Company: '„Škoda“ – Œuvre', Note: '5 € … ™' }]);
  });

  test('windows-1252 guess is reported', () => {
    const r = parseLeadFile(cp1252(SAMPLE));
    expect(r.issues.map((i) => i.code)).toContain('file.encoding_guessed');
  });

  test('a text string with a BOM', () => {
    expect(parseLeadFile('\ufeffEmail\na@b.co\n').headers).toEqual(['Email']);
  });
});

describe('delimiters', () => {
  test.each([
    [',', 'Email,Company,Country\na@acme.com,"Acme, Inc.",US\nb@x.de,X GmbH,DE\n'],
    [';', 'Email;Company;Country\na@acme.com;"Acme; Inc.";US\nb@x.de;X GmbH;DE\n'],
    ['\t', 'Email\tCompany\tCountry\na@acme.com\tAcme, Inc.\tUS\nb@x.de\tX GmbH\tDE\n'],
    ['|', 'Email|Company|Country\na@acme.com|Acme, Inc.|US\nb@x.de|X GmbH|DE\n'],
  ])('detects %j', (d, text) => {
    const r = parseLeadFile(text);
    expect(r.meta.delimiter).toBe(d);
    expect(r.headers).toEqual(['Email', 'Company', 'Country']);
    expect(r.rows[1]).toEqual({ Email: 'b@x.de', Company: 'X GmbH', Country: 'DE' });
    expect(r.rows[0]!.Company).toMatch(/^Acme[,;] Inc\.$/);
  });

  test('commas inside values do not fool semicolon detection', () => {
    const text = 'Name;Notes;Email\nAnn;"likes a, b, c, d";a@b.de\nBob;x, y, z;b@b.de\n';
    expect(parseLeadFile(text).meta.delimiter).toBe(';');
  });

  test('.tsv filename forces tab', () => {
    expect(parseLeadFile('a b\tc\n1\t2\n', { filename: 'export.tsv' }).headers).toEqual(['a b', 'c']);
  });

  test('forced delimiter', () => {
    expect(parseLeadFile('a;b,c\n1;2,3\n', { delimiter: ',' }).headers).toEqual(['a;b', 'c']);
  });
});

describe('structure', () => {
  test('quoted newlines, doubled quotes and CRLF', () => {
    const r = parseLeadFile('Name,Notes\r\n"Ann","line 1\r\nline ""2"""\r\nBob,x\r\n');
    expect(r.rows).toEqual([
      { Name: 'Ann', Notes: 'line 1\r\nline "2"' },
      { Name: 'Bob', Notes: 'x' },
    ]);
    expect(r.meta.rowNumbers).toEqual([2, 3]);
  });

  test('blank lines are skipped and counted; row numbers stay those of the file', () => {
    const r = parseLeadFile('Email\n\na@b.de\n ,\n\nc@d.de\n');
    expect(r.rows.map((x) => x.Email)).toEqual(['a@b.de', 'c@d.de']);
    expect(r.meta.rowNumbers).toEqual([3, 6]);
    expect(r.meta.blankRows).toBe(3);
    expect(r.issues.find((i) => i.code === 'file.blank_rows_skipped')?.data).toEqual({ count: 3 });
  });

  test('a title and notes above the header are skipped but kept', () => {
    const r = parseLeadFile('Webinar: Q4 pipeline\nExported 2026-11-02\n\nFirst Name,Last Name,Email\nAnn,Lee,a@b.de\n');
    expect(r.headers).toEqual(['First Name', 'Last Name', 'Email']);
    expect(r.meta.headerRow).toBe(4);
    expect(r.meta.preamble).toEqual([['Webinar: Q4 pipeline'], ['Exported 2026-11-02']]);
    expect(r.rows).toEqual([{ 'First Name': 'Ann', 'Last Name': 'Lee', Email: 'a@b.de' }]);
  });

  test('the header row can be pinned', () => {
    const r = parseLeadFile('a,b\nc,d\ne,f\n', { headerRow: 2 });
    expect(r.headers).toEqual(['c', 'd']);
    expect(r.rows).toEqual([{ c: 'e', d: 'f' }]);
  });

  test('ragged rows: long rows keep their cells in new columns, short rows are padded', () => {
    const r = parseLeadFile('A,B,C\n1,2,3,4,5\n1,2\n1,2,3,,\n');
    expect(r.headers).toEqual(['A', 'B', 'C', 'Column 4', 'Column 5']);
    expect(r.rows[0]).toEqual({ A: '1', B: '2', C: '3', 'Column 4': '4', 'Column 5': '5' });
    expect(r.rows[1]).toEqual({ A: '1', B: '2', C: '', 'Column 4': '', 'Column 5': '' });
    expect(r.rows[2]).toEqual({ A: '1', B: '2', C: '3', 'Column 4': '', 'Column 5': '' });
    const codes = r.issues.map((i) => i.code);
    expect(codes).toContain('file.row_too_long');
    expect(codes).toContain('file.row_too_short');
    expect(r.issues.find((i) => i.code === 'file.row_too_long')!.row).toBe(2);
  });

  test('duplicate, blank and reserved headers are renamed, never dropped', () => {
    const r = parseLeadFile('Email,Email,,__proto__,constructor,email\n1,2,3,4,5,6\n');
    expect(r.headers).toEqual(['Email', 'Email (2)', 'Column 3', '__proto__ (column 4)', 'constructor (column 5)', 'email']);
    expect(Object.getPrototypeOf(r.rows[0])).toBe(Object.prototype);
    expect(Object.values(r.rows[0]!)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const codes = r.issues.map((i) => i.code);
    expect(codes.filter((c) => c === 'file.header_reserved')).toHaveLength(2);
    expect(codes).toContain('file.header_duplicate');
    expect(codes).toContain('file.header_blank');
  });

  test('unterminated quote: reported with its row, the rest is kept in the cell', () => {
    const r = parseLeadFile('Name,Notes\nAnn,ok\nBob,"never closed\nCid,x\n');
    const i = r.issues.find((x) => x.code === 'file.quote_unterminated');
    expect(i?.row).toBe(3);
    expect(r.rows).toHaveLength(2);
    expect(r.rows[1]!.Notes).toContain('Cid');
  });

  test('stray quotes inside a field', () => {
    const r = parseLeadFile('Name,Company\nAnn,The "Best" Co\nBob,"X" Ltd\n');
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]!.Company).toBe('The "Best" Co');
  });

  test('empty file and whitespace-only file', () => {
    for (const input of ['', '   \n\n', new Uint8Array(0)]) {
      const r = parseLeadFile(input);
      expect(r.rows).toEqual([]);
      expect(r.issues.map((i) => i.code)).toContain('file.empty');
    }
  });

  test('header-only file', () => {
    const r = parseLeadFile('First Name,Email\n');
    expect(r.headers).toEqual(['First Name', 'Email']);
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => i.code)).toContain('file.no_data_rows');
  });

  test('binary junk is refused with an issue, not a crash', () => {
    const bytes = new Uint8Array(2000).map((_, i) => (i * 7919) % 256);
    const r = parseLeadFile(bytes, { filename: 'photo.jpg' });
    expect(r.rows).toEqual([]);
    expect(r.issues[0]!.code).toBe('file.binary');
  });

  test('a 50 MB file', () => {
    const header = 'First Name,Last Name,Email,Company,Title,Phone,Country,Notes\n';
    const line = (i: number) => `Ann${i},"Lee, Jr",ann${i}@acme${i % 977}.com,"Acme ${i % 5000}, Inc.",VP Marketing,+1 415 555 ${String(i % 10000).padStart(4, '0')},US,"note ""${i}"" here"\n`;
    const parts: string[] = [header];
    let size = header.length;
    let n = 0;
    while (size < 50 * 1024 * 1024) {
      const l = line(n++);
      parts.push(l);
      size += l.length;
    }
    const bytes = enc.encode(parts.join(''));
    expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const r = parseLeadFile(bytes);
    expect(r.rows).toHaveLength(n);
    expect(r.rows[n - 1]!.Email).toBe(`ann${n - 1}@acme${(n - 1) % 977}.com`);
    expect(r.rows[12345]!.Notes).toBe('note "12345" here');
    expect(r.meta.rowNumbers[n - 1]).toBe(n + 1);
  });
});

describe('spreadsheets', () => {
  function workbook(aoa: unknown[][], opts: { sheets?: string[]; bookType?: XLSX.BookType } = {}): Uint8Array {
    const wb = XLSX.utils.book_new();
    for (const name of opts.sheets ?? ['Sheet1']) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { cellDates: true }), name);
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: opts.bookType ?? 'xlsx' }) as ArrayBuffer);
  }

  test('xlsx: text, numbers, booleans and dates as ISO strings', () => {
    const bytes = workbook([
      ['Badge ID', 'FIRST', 'Scan Time', 'Scan Date', 'Phone', 'Employees', 'Opted In'],
      [1001, 'ANN', new Date(Date.UTC(2026, 10, 3, 14, 5, 0)), new Date(Date.UTC(2026, 10, 3)), 4155552671, 12.5, true],
    ]);
    const r = parseLeadFile(bytes, { filename: 'badges.xlsx' });
    expect(r.meta.format).toBe('xlsx');
    expect(r.meta.sheet).toBe('Sheet1');
    expect(r.rows[0]).toMatchObject({ 'Badge ID': '1001', FIRST: 'ANN', Phone: '4155552671', Employees: '12.5', 'Opted In': 'TRUE' });
    expect(r.rows[0]!['Scan Time']).toMatch(/^2026-11-0[23]T\d\d:\d\d:\d\d$/);
    expect(r.rows[0]!['Scan Date']).toMatch(/^2026-11-0[23](T\d\d:\d\d:\d\d)?$/);
  });

  test('xlsx: a sheet by name or index, and a missing sheet', () => {
    const bytes = workbook([['Email'], ['a@b.de']], { sheets: ['Summary', 'Leads'] });
    expect(parseLeadFile(bytes, { sheet: 'Leads' }).meta.sheet).toBe('Leads');
    expect(parseLeadFile(bytes, { sheet: 1 }).meta.sheet).toBe('Leads');
    expect(parseLeadFile(bytes).meta.sheets).toEqual(['Summary', 'Leads']);
    const missing = parseLeadFile(bytes, { sheet: 'Nope' });
    expect(missing.rows).toEqual([]);
    expect(missing.issues[0]!.code).toBe('file.sheet_not_found');
  });

  test('legacy .xls (BIFF8)', () => {
    const bytes = workbook([['E-Mail', 'Firma'], ['a@b.de', 'Müller AG']], { bookType: 'biff8' });
    const r = parseLeadFile(bytes, { filename: 'old.xls' });
    expect(r.meta.format).toBe('xls');
    expect(r.rows).toEqual([{ 'E-Mail': 'a@b.de', Firma: 'Müller AG' }]);
  });

  test('xlsx: title rows, blank rows and duplicate headers like CSV', () => {
    const bytes = workbook([['Trade show leads'], [], ['Name', 'Name', 'Email'], ['Ann', 'Lee', 'a@b.de'], [], ['Bob', 'Roe', 'b@b.de']]);
    const r = parseLeadFile(bytes);
    expect(r.headers).toEqual(['Name', 'Name (2)', 'Email']);
    expect(r.meta.rowNumbers).toEqual([4, 6]);
  });

  test('our own xlsx writer round-trips, formulas neutralised', () => {
    const bytes = toXlsx(['Email', 'Note'], [['a@b.de', '=HYPERLINK("http://evil")'], ['b@b.de', null]]);
    const r = parseLeadFile(bytes, { filename: 'out.xlsx' });
    expect(r.rows).toEqual([
      { Email: 'a@b.de', Note: `'=HYPERLINK("http://evil")` },
      { Email: 'b@b.de', Note: '' },
    ]);
  });

  test('a corrupt xlsx gives an issue', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const r = parseLeadFile(bytes, { filename: 'broken.xlsx' });
    expect(r.rows).toEqual([]);
    expect(r.issues.some((i) => i.code === 'file.xlsx_unreadable' || i.code === 'file.empty')).toBe(true);
  });

  test('leadtidy/csv refuses spreadsheets with an issue', () => {
    const r = parseCsv(toXlsx(['a'], [['b']]));
    expect(r.issues[0]!.code).toBe('file.unsupported_format');
  });
});
