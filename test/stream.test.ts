import { createReadStream, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cp1252, utf16be, utf16le } from './encoders.js';
import type { Issue } from '../src/core/codes.js';
import { parseLeadFile } from '../src/io/parse.js';
import { parseLeadStream, type LeadStreamEvent, type StreamParseOptions } from '../src/io/stream.js';
import { wholeFileIssueOrder } from '../src/io/stream-text.js';
import { DETECT_BYTES, parseCsvStream, streamLeadFile, type ByteChunks, type StreamTuning } from '../src/io/stream-text.js';
import { readSheetGrid } from '../src/io/xlsx-read.js';

const enc = new TextEncoder();
const FIXTURES = path.resolve(__dirname, '../fixtures');

type Input = string | Uint8Array;

/** Splits input into chunks of `size` (strings by UTF-16 unit, bytes by byte). */
function* chunksOf(input: Input, size: number): Generator<Uint8Array | string> {
  if (input.length === 0) {
    yield input;
    return;
  }
  for (let i = 0; i < input.length; i += size) yield typeof input === 'string' ? input.slice(i, i + size) : input.subarray(i, i + size);
}

/** Splits input at the given (sorted, deduplicated) cut points. */
function splitAt(input: Input, cuts: readonly number[]): (Uint8Array | string)[] {
  const out: (Uint8Array | string)[] = [];
  let from = 0;
  for (const c of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (c <= from || c >= input.length) continue;
    out.push(typeof input === 'string' ? input.slice(from, c) : input.subarray(from, c));
    from = c;
  }
  out.push(typeof input === 'string' ? input.slice(from) : input.subarray(from));
  return out;
}

interface Collected {
  events: LeadStreamEvent[];
  rows: Record<string, string>[];
  rowNumbers: number[];
  issues: Issue[];
  end: Extract<LeadStreamEvent, { type: 'end' }>;
}

async function collect(source: ByteChunks, options: StreamParseOptions = {}, tuning?: StreamTuning): Promise<Collected> {
  const events: LeadStreamEvent[] = [];
  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  const issues: Issue[] = [];
  const gen = tuning ? streamLeadFile(source, options, readSheetGrid, tuning) : parseLeadStream(source, options);
  for await (const e of gen) {
    events.push(e);
    issues.push(...e.issues);
    if (e.type === 'rows') {
      rows.push(...e.rows);
      rowNumbers.push(...e.rowNumbers);
    }
  }
  return { events, rows, rowNumbers, issues, end: events[events.length - 1] as Collected['end'] };
}

const wholeFileOrder = wholeFileIssueOrder;

/** Rows emitted before a ragged row added `Column N` lack that key; parseLeadFile has ''. */
function filled(rows: readonly Record<string, string>[], headers: readonly string[]): Record<string, string>[] {
  return rows.map((r) => {
    const o = { ...r };
    for (const h of headers) if (!(h in o)) o[h] = '';
    return o;
  });
}

/** Asserts the equality contract between the stream and parseLeadFile on the same input. */
function expectSameAsWhole(s: Collected, input: Input, options: StreamParseOptions = {}): void {
  const { batchSize: _b, ...parseOptions } = options;
  const w = parseLeadFile(input, parseOptions);
  // event shape: ≤ 1 header before any rows, exactly one end, last
  const types = s.events.map((e) => e.type);
  expect(types.filter((t) => t === 'end')).toHaveLength(1);
  expect(types[types.length - 1]).toBe('end');
  expect(types.filter((t) => t === 'header').length).toBeLessThanOrEqual(1);
  if (types.includes('rows')) expect(types.indexOf('header')).toBe(0);
  const batch = options.batchSize ?? 2000;
  for (const e of s.events) if (e.type === 'rows') expect(e.rows.length).toBeLessThanOrEqual(batch);

  expect(s.rowNumbers).toEqual(w.meta.rowNumbers);
  expect(s.end.headers).toEqual(w.headers);
  expect(filled(s.rows, w.headers)).toEqual(w.rows);
  // Without ragged rows that add columns, rows are equal as emitted.
  if (s.events.every((e) => e.type !== 'header' || e.headers.length === w.headers.length)) expect(s.rows).toEqual(w.rows);
  expect(s.end.meta).toEqual({ ...w.meta, rowNumbers: [] });
  expect(wholeFileOrder(w.issues)).toEqual(w.issues);
  expect(wholeFileOrder(s.issues)).toEqual(w.issues);
}


function workbook(aoa: unknown[][], bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

const SAMPLE = 'Vorname;Nachname;Firma;Umsatz\nJürgen;Müller;Straße & Söhne GmbH;5 €\nFrançoise;Niño;Société Générale;7 €\n';
const BIG_ROW = (i: number) => `Ann${i},"Lee, Jr",ann${i}@acme${i % 977}.com,"Acme ${i % 50}, Inc.","note ""${i}""\nsecond line"\r\n`;

/** The hard cases of test/parse.test.ts and a few more, as [name, input, options]. */
const CASES: [string, Input, StreamParseOptions?][] = [
  ['utf-8', enc.encode(SAMPLE)],
  ['utf-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(SAMPLE)])],
  ['utf-8 with two BOMs', new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...enc.encode(SAMPLE)])],
  ['utf-16le with BOM', utf16le(SAMPLE)],
  ['utf-16le without BOM', utf16le(SAMPLE, false)],
  ['utf-16be with BOM', utf16be(SAMPLE)],
  ['windows-1252', cp1252(SAMPLE)],
  ['windows-1252 C1 range', cp1252('Company;Note\n„Škoda“ – Œuvre;5 € … ™\n')],
  ['forced encoding', cp1252(SAMPLE), { encoding: 'windows-1252' }],
  ['invalid utf-8 replaced under a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('Email,Note\na@b.de,x'), 0xff, 0xfe, ...enc.encode('y\n')])],
  ['truncated utf-8 at the end under a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('Email,Note\na@b.de,x'), 0xe2, 0x82])],
  ['a string with a BOM', '\ufeffEmail\na@b.co\n'],
  ['comma', 'Email,Company,Country\na@acme.com,"Acme, Inc.",US\nb@x.de,X GmbH,DE\n'],
  ['semicolon', 'Email;Company;Country\na@acme.com;"Acme; Inc.";US\nb@x.de;X GmbH;DE\n'],
  ['tab', 'Email\tCompany\tCountry\na@acme.com\tAcme, Inc.\tUS\nb@x.de\tX GmbH\tDE\n'],
  ['pipe', 'Email|Company|Country\na@acme.com|Acme, Inc.|US\nb@x.de|X GmbH|DE\n'],
  ['commas inside values', 'Name;Notes;Email\nAnn;"likes a, b, c, d";a@b.de\nBob;x, y, z;b@b.de\n'],
  ['.tsv filename', 'a b\tc\n1\t2\n', { filename: 'export.tsv' }],
  ['forced delimiter', 'a;b,c\n1;2,3\n', { delimiter: ',' }],
  ['quoted newlines, doubled quotes, CRLF', 'Name,Notes\r\n"Ann","line 1\r\nline ""2"""\r\nBob,x\r\n'],
  ['CR line breaks', 'Name,Notes\r"Ann","a\rb"\rBob,x\r'],
  ['lone LF inside CRLF file', 'Name,Notes\r\nAnn,a\nb\r\nBob,x\r\n'],
  ['blank lines', 'Email\n\na@b.de\n ,\n\nc@d.de\n'],
  ['preamble', 'Webinar: Q4 pipeline\nExported 2026-11-02\n\nFirst Name,Last Name,Email\nAnn,Lee,a@b.de\n'],
  ['pinned header row', 'a,b\nc,d\ne,f\n', { headerRow: 2 }],
  ['pinned header row past the end', 'a,b\nc,d\n', { headerRow: 9 }],
  ['pinned blank header row', '\n\na,b\n', { headerRow: 1 }],
  ['ragged rows', 'A,B,C\n1,2,3,4,5\n1,2\n1,2,3,,\n'],
  ['late ragged row', `A,B\n${'1,2\n'.repeat(50)}1,2,3\n1,2\n`, { batchSize: 7 }],
  ['duplicate, blank and reserved headers', 'Email,Email,,__proto__,constructor,email\n1,2,3,4,5,6\n'],
  ['unterminated quote', 'Name,Notes\nAnn,ok\nBob,"never closed\nCid,x\n'],
  ['unterminated quote at the very end', 'Name,Notes\nAnn,ok\n"'],
  ['stray quotes', 'Name,Company\nAnn,The "Best" Co\nBob,"X" Ltd\n'],
  ['malformed quotes', 'Name,Company\nAnn,"The "Best" Co"\nBob,"X"Y\n"a" ,b\n'],
  ['closing quote, blank run, delimiter', 'A,B\n"x"  \n ,y\n"z"\n\n,w\n'],
  ['no trailing newline', 'Email,Name\na@b.de,Ann'],
  ['trailing quoted empty field', 'Email\na@b.de\n""'],
  ['many trailing newlines', 'Email\na@b.de\n\n\n\n'],
  ['empty string', ''],
  ['whitespace-only string', '   \n\n'],
  ['empty bytes', new Uint8Array(0)],
  ['whitespace-only bytes', enc.encode(' \r\n\t\n')],
  ['header-only', 'First Name,Email\n'],
  ['header-only without newline', 'First Name,Email'],
  ['one cell', 'x'],
  ['31 blank lines then data', `${'\n'.repeat(31)}Email\na@b.de\n`],
  ['binary junk', new Uint8Array(2000).map((_, i) => (i * 7919) % 256), { filename: 'photo.jpg' }],
  ['xlsx', workbook([['Trade show leads'], [], ['Name', 'Name', 'Email'], ['Ann', 'Lee', 'a@b.de'], [], ['Bob', 'Roe', 'b@b.de', 'extra']])],
  ['xls', workbook([['E-Mail', 'Firma'], ['a@b.de', 'Müller AG']], 'biff8'), { filename: 'old.xls' }],
  ['ods', workbook([['E-Mail', 'Firma'], ['a@b.de', 'Müller AG']], 'ods'), { filename: 'x.ods' }],
  ['xlsx missing sheet', workbook([['Email'], ['a@b.de']]), { sheet: 'Nope' }],
  ['corrupt xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9])],
  ['short PK bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x41])],
  ['200 KB of blank lines between rows', `Email,Note\na@b.de,"x"\n${'\n'.repeat(200_000)}c@d.de,y\n${'\r\n '.repeat(70_000)}"e@f.de"  \n`],
  ['2 MB, quoted CRLF rows', enc.encode(`First,Last,Email,Company,Notes\r\n${Array.from({ length: 22000 }, (_, i) => BIG_ROW(i)).join('')}`)],
];

describe('parseLeadStream equals parseLeadFile', () => {
  test.each(CASES)('%s', async (_name, input, options = {}) => {
    const sizes = input.length > 100_000 ? [65536, 4093, input.length || 1] : [1, 2, 3, 7, 64, 65536, input.length || 1];
    for (const size of sizes) {
      expectSameAsWhole(await collect(chunksOf(input, size), options), input, options);
      // small pieces make papaparse cut rows at many more places
      expectSameAsWhole(await collect(chunksOf(input, size), { batchSize: 3, ...options }, { pieceChars: 5 }), input, { batchSize: 3, ...options });
    }
  });

  const files = readdirSync(FIXTURES).filter((f) => !/\.(md|json)$/.test(f));
  test.each(files)('fixture %s at 1 B, 7 B, 64 KB and whole', async (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
    for (const size of [1, 7, 65536, bytes.length]) {
      expectSameAsWhole(await collect(chunksOf(bytes, size), { filename: file, batchSize: 100 }), bytes, { filename: file, batchSize: 100 });
    }
    expectSameAsWhole(await collect(chunksOf(bytes, 4096), { filename: file }, { pieceChars: 97 }), bytes, { filename: file });
    // Cells left as slices of the parsed text (rows meant for worker threads): the same rows.
    expectSameAsWhole(await collect(chunksOf(bytes, 4096), { filename: file }, { pieceChars: 97, keepSlices: true }), bytes, { filename: file });
  });

  test('random CSV split at random points (property)', async () => {
    const token = fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', 'é', '😀', '\ufeff', 'x,"y', '"\n');
    const text = fc.array(token, { maxLength: 60 }).map((t) => t.join(''));
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.array(fc.nat(400), { maxLength: 12 }),
        fc.integer({ min: 1, max: 24 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 5 }),
        async (t, cuts, piece, asBytes, batchSize) => {
          const input: Input = asBytes ? enc.encode(t) : t;
          const s = await collect(splitAt(input, cuts), { batchSize }, { pieceChars: piece });
          expectSameAsWhole(s, input, { batchSize });
        },
      ),
      { numRuns: 400 },
    );
  });

  test('random rows arriving while earlier pieces are parsed (property)', async () => {
    // 30 plain lines fix delimiter and line break on the first 150 characters, as on the whole
    // text; holding only those lets small inputs exercise chunks arriving between pieces.
    const filler = 'a,b\n'.repeat(30);
    const token = fc.constantFrom('a', ' ', ',', '"', '""', '\n', '\r\n', '\r', 'é', '😀', '" ,', '"\n', '\n\n', ',,,,');
    await fc.assert(
      fc.asyncProperty(
        fc.array(token, { maxLength: 80 }).map((t) => filler + t.join('')),
        fc.array(fc.nat(500), { maxLength: 20 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        async (t, cuts, piece, asBytes) => {
          const input: Input = asBytes ? enc.encode(t) : t;
          const s = await collect(splitAt(input, cuts), { batchSize: 4 }, { pieceChars: piece, holdChars: 150 });
          expectSameAsWhole(s, input, { batchSize: 4 });
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('streaming limits', () => {
  test('invalid UTF-8 after the detection sample: UTF-8 kept, replaced and reported, at any chunking', async () => {
    const head = 'Email,Note\n' + 'a@b.de,plain ascii text\n'.repeat(Math.ceil(DETECT_BYTES / 24) + 10);
    const bytes = new Uint8Array([...enc.encode(head), ...enc.encode('c@d.de,caf'), 0xe9, ...enc.encode('\n')]);
    expect(bytes.length).toBeGreaterThan(DETECT_BYTES);
    const whole = parseLeadFile(bytes);
    expect(whole.meta.encoding).toBe('windows-1252');
    for (const size of [65536, 1000, bytes.length]) {
      const s = await collect(chunksOf(bytes, size));
      expect(s.end.meta.encoding).toBe('utf-8');
      expect(s.rows).toHaveLength(whole.rows.length);
      expect(s.rows[s.rows.length - 1]).toEqual({ Email: 'c@d.de', Note: 'caf\ufffd' });
      expect(s.issues.map((i) => i.code)).toEqual(['file.encoding_invalid_late', 'file.decoding_replaced']);
      expect(s.issues[0]!.data).toMatchObject({ encoding: 'utf-8', checked: DETECT_BYTES });
      expect(s.rows.slice(0, -1)).toEqual(whole.rows.slice(0, -1));
    }
  });

  test('past the detection sample, a literal U+FFFD is valid UTF-8 and invalid bytes are not, however split', async () => {
    const head = enc.encode('Email,Note\n' + 'a@b.de,plain ascii text\n'.repeat(Math.ceil(DETECT_BYTES / 24) + 10));
    const literal = new Uint8Array([...head, ...enc.encode('c@d.de,x\ufffdy\ufffd\ufffd\n')]);
    const invalid = new Uint8Array([...head, ...enc.encode('c@d.de,x'), 0xef, 0xbf, 0x41, 0xbd, ...enc.encode('\n')]);
    for (const cut of [0, 1, 2, 3, 4, 5, 7]) {
      // the sample, then the tail byte by byte from `cut` on
      const split = (b: Uint8Array) => [b.subarray(0, head.length + cut), ...chunksOf(b.subarray(head.length + cut), 1)];
      const s = await collect(split(literal));
      expectSameAsWhole(s, literal);
      expect(s.issues.map((i) => i.code)).toEqual(['file.decoding_replaced']);
      const t = await collect(split(invalid));
      expect(t.issues.map((i) => i.code)).toEqual(['file.encoding_invalid_late', 'file.decoding_replaced']);
      expect(t.rows[t.rows.length - 1]!.Note).toBe('x\ufffdA\ufffd');
    }
  });

  test('more than 1 MiB of blank lines before the data', async () => {
    const text = '\n'.repeat(DETECT_BYTES + 100) + 'Email\na@b.de\n';
    expectSameAsWhole(await collect(chunksOf(text, 65536)), text);
    const pinned = { headerRow: DETECT_BYTES + 101 };
    const s = await collect(chunksOf(enc.encode(text), 65536), pinned);
    expectSameAsWhole(s, enc.encode(text), pinned);
    expect(s.rows).toEqual([{ Email: 'a@b.de' }]);
  });

  test('a generated 200k-row input in 64 KB chunks is held a batch at a time', async () => {
    const total = 200_000;
    let rowsPulled = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      let buf = 'First Name,Last Name,Email,Company,Notes\n';
      for (let i = 0; i < total; i++) {
        buf += `Ann${i},Lee,ann${i}@acme${i % 977}.com,"Acme ${i % 500}, Inc.","a ""quoted"" note"\n`;
        if (buf.length >= 65536 || i === total - 1) {
          rowsPulled = i + 1;
          yield enc.encode(buf);
          buf = '';
        }
      }
    }
    const batchSize = 2000;
    let emitted = 0;
    let maxHeld = 0;
    let maxHeldAfterStart = 0;
    let last: Record<string, string> | undefined;
    for await (const e of parseLeadStream(source(), { batchSize })) {
      if (e.type !== 'rows') continue;
      expect(e.rows.length).toBeLessThanOrEqual(batchSize);
      emitted += e.rows.length;
      const held = rowsPulled - emitted; // rows pulled from the source and not yet handed out
      maxHeld = Math.max(maxHeld, held);
      if (emitted > 20_000) maxHeldAfterStart = Math.max(maxHeldAfterStart, held);
      last = e.rows[e.rows.length - 1];
    }
    expect(emitted).toBe(total);
    expect(last!.Email).toBe(`ann${total - 1}@acme${(total - 1) % 977}.com`);
    // ~80 B a row: the first 1 MiB of text is ~13k rows; after that, a chunk + a piece + a batch.
    expect(maxHeld).toBeLessThan(16_000);
    expect(maxHeldAfterStart).toBeLessThan(batchSize + 2 * 900);
  });
});

describe('sources and programmer errors', () => {
  const text = 'Email,Name\na@b.de,Ann\nc@d.de,Cid\n';

  test('a Node Readable, a web ReadableStream, a file stream, an array', async () => {
    const expected = parseLeadFile(enc.encode(text)).rows;
    expect((await collect(Readable.from([enc.encode(text.slice(0, 5)), enc.encode(text.slice(5))]))).rows).toEqual(expected);
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode(text));
        c.close();
      },
    });
    expect((await collect(web as unknown as AsyncIterable<Uint8Array>)).rows).toEqual(expected);
    expect((await collect([text])).rows).toEqual(parseLeadFile(text).rows);
    const file = path.join(FIXTURES, 'messe-de.csv');
    const s = await collect(createReadStream(file, { highWaterMark: 1000 }), { filename: 'messe-de.csv' });
    expectSameAsWhole(s, new Uint8Array(readFileSync(file)), { filename: 'messe-de.csv' });
  });

  test('no chunks at all is an empty file', async () => {
    const s = await collect([]);
    expect(s.end.issues.map((i) => i.code)).toEqual(['file.empty']);
    expect(s.end.meta.format).toBe('unknown');
  });

  test('stopping early closes the source', async () => {
    let closed = false;
    function* source(): Generator<string> {
      try {
        for (let i = 0; i < 1000; i++) yield i === 0 ? 'Email\n' : `a${i}@b.de\n`.repeat(100);
      } finally {
        closed = true;
      }
    }
    for await (const e of parseLeadStream(source(), { batchSize: 10 })) if (e.type === 'rows') break;
    expect(closed).toBe(true);
  });

  test('bad batchSize, mixed chunk types and non-iterables throw', async () => {
    await expect(collect(['a'], { batchSize: 0 })).rejects.toThrow(RangeError);
    await expect(collect(['Email\n', enc.encode('a@b.de\n')])).rejects.toThrow(TypeError);
    await expect(collect([enc.encode('Email\n'), 'a@b.de\n'])).rejects.toThrow(TypeError);
    await expect(collect(42 as unknown as ByteChunks)).rejects.toThrow(TypeError);
  });

  test('parseCsvStream refuses spreadsheets like parseCsv', async () => {
    const events: LeadStreamEvent[] = [];
    for await (const e of parseCsvStream([workbook([['Email'], ['a@b.de']])])) events.push(e);
    expect(events.map((e) => e.type)).toEqual(['end']);
    expect(events[0]!.issues[0]!.code).toBe('file.unsupported_format');
    const rows: Record<string, string>[] = [];
    for await (const e of parseCsvStream(['Email\n', 'ann@acme.de\n'])) if (e.type === 'rows') rows.push(...e.rows);
    expect(rows).toEqual([{ Email: 'ann@acme.de' }]);
  });

  test('ragged rows: the header event has the header row, later batches and end the added columns', async () => {
    const s = await collect(chunksOf(`A,B\n${'1,2\n'.repeat(300_000)}1,2,3\n`, 65536), { batchSize: 1000 });
    const header = s.events[0] as Extract<LeadStreamEvent, { type: 'header' }>;
    expect(header.headers).toEqual(['A', 'B']);
    expect(s.end.headers).toEqual(['A', 'B', 'Column 3']);
    expect(s.rows[0]).toEqual({ A: '1', B: '2' });
    expect(s.rows[300_000]).toEqual({ A: '1', B: '2', 'Column 3': '3' });
    expect(s.rows[299_999]).toEqual({ A: '1', B: '2', 'Column 3': '' }); // same batch: filled
    const lastBatch = s.events[s.events.length - 2] as Extract<LeadStreamEvent, { type: 'rows' }>;
    expect(lastBatch.headers).toEqual(['A', 'B', 'Column 3']);
  });
});
