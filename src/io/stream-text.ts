/**
 * The streaming parser behind `parseLeadStream` and `parseCsvStream`: chunks of bytes (or text)
 * in, header-keyed rows out in batches, with the same rows, headers, issues and meta as
 * `parseLeadFile` on the whole input. Pure: works on any (async) iterable, no Node built-ins.
 * The spreadsheet reader is passed in so that the CSV-only entry does not bundle SheetJS.
 */
import Papa from 'papaparse';
import { issue, type Issue } from '../core/codes.js';
import { detached } from '../core/text.js';
import { detectDelimiter, guessLinebreak, LINEBREAK_SAMPLE, PAPA_OPTIONS, quoteIssue, type Delimiter } from './csv-parse.js';
import { looksBinary, openStreamDecoder, sniffBinary, type BinaryFormat, type TextEncodingName } from './decode.js';
import { emptyResult, extension, toBytes, type FileFormat, type ParseMeta, type ParseOptions, type ParsedLeadFile } from './parse-text.js';
import { createTableBuilder, fillNewColumns, type TableBuilder } from './table.js';
import type { SheetGrid } from './xlsx-read.js';

/** Chunks of a file: a Node `Readable`, a web `ReadableStream`, an async generator, an array… */
export type ByteChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export interface StreamParseOptions extends ParseOptions {
  /** Rows per 'rows' event (the last one may be smaller). Default 2000. */
  readonly batchSize?: number;
}

/** What {@link parseLeadStream} yields: at most one 'header', then 'rows' batches, then exactly one 'end'. */
export type LeadStreamEvent =
  | {
      readonly type: 'header';
      /** Header names as found on the header row (ragged rows may add `Column N` later). */
      readonly headers: string[];
      readonly originalHeaders: string[];
      readonly headerRow: number;
      readonly preamble: string[][];
      readonly format: FileFormat;
      readonly encoding?: TextEncodingName;
      readonly delimiter?: Delimiter;
      readonly issues: Issue[];
    }
  | {
      readonly type: 'rows';
      readonly rows: Record<string, string>[];
      /** Spreadsheet row number of each row. */
      readonly rowNumbers: number[];
      /** Header names so far (grows when ragged rows add `Column N`). */
      readonly headers: string[];
      readonly issues: Issue[];
    }
  | {
      readonly type: 'end';
      /** All header names, including `Column N` added by ragged rows: `parseLeadFile(...).headers`. */
      readonly headers: string[];
      readonly issues: Issue[];
      /** `parseLeadFile(...).meta`, except `rowNumbers`, which is `[]` (they came with the rows). */
      readonly meta: ParseMeta;
    };

/** Reads a workbook (all bytes) into a sheet grid; null in the CSV-only entry. */
export type SheetReader = (bytes: Uint8Array, options: { sheet?: string | number }) => SheetGrid;

/** Internal knobs; the defaults are what the public functions use. */
export interface StreamTuning {
  /** Characters handed to papaparse per piece. */
  readonly pieceChars: number;
  /**
   * Text held before the delimiter and line break are chosen. Less than the default makes
   * those choices on less text than parseLeadFile does (tests only).
   */
  readonly holdChars?: number;
  /**
   * Leave cells as the slices of the text piece papaparse returns instead of copying the long
   * ones (see `detachCells`): for rows that only go to worker threads, which get copies of
   * their own; whoever runs rows on this thread must copy them first.
   */
  readonly keepSlices?: boolean;
}

export const DEFAULT_TUNING: StreamTuning = { pieceChars: 64 * 1024 };

/** Bytes looked at before the encoding is chosen (BOM, UTF-16 pattern, UTF-8 validity). */
export const DETECT_BYTES = 1024 * 1024;

const WS = /\s/;

/** Rows, row numbers and issues waiting to be emitted; each issue remembers how many rows preceded it. */
class Outbox {
  rows: Record<string, string>[] = [];
  rowNumbers: number[] = [];
  issues: Issue[] = [];
  at: number[] = [];
  /** Rows already emitted. */
  emitted = 0;

  addIssue(i: Issue): void {
    this.issues.push(i);
    this.at.push(this.rows.length);
  }

  /** The first k rows with the issues that came before them. */
  take(k: number): { rows: Record<string, string>[]; rowNumbers: number[]; issues: Issue[] } {
    const rows = this.rows.length === k ? this.rows : this.rows.slice(0, k);
    const rowNumbers = this.rowNumbers.length === k ? this.rowNumbers : this.rowNumbers.slice(0, k);
    this.rows = rows === this.rows ? [] : this.rows.slice(k);
    this.rowNumbers = rowNumbers === this.rowNumbers ? [] : this.rowNumbers.slice(k);
    let j = 0;
    while (j < this.at.length && this.at[j]! < k) j++;
    const issues = this.issues.splice(0, j);
    this.at.splice(0, j);
    for (let i = 0; i < this.at.length; i++) this.at[i]! -= k;
    this.emitted += k;
    return { rows, rowNumbers, issues };
  }

  /** All issues still waiting (no rows left after them). */
  takeIssues(): Issue[] {
    const issues = this.issues;
    this.issues = [];
    this.at = [];
    return issues;
  }
}

type Source = AsyncIterator<Uint8Array | string> | Iterator<Uint8Array | string>;

function openSource(source: ByteChunks): Source {
  const s = source as Partial<AsyncIterable<Uint8Array | string> & Iterable<Uint8Array | string>>;
  if (typeof s[Symbol.asyncIterator] === 'function') return s[Symbol.asyncIterator]!();
  if (typeof s[Symbol.iterator] === 'function') return s[Symbol.iterator]!();
  throw new TypeError('parseLeadStream: source must be an iterable or async iterable of Uint8Array or string chunks');
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function mixed(): TypeError {
  return new TypeError('parseLeadStream: chunks must be all strings or all bytes');
}

function endOf(result: ParsedLeadFile): LeadStreamEvent {
  return { type: 'end', headers: result.headers, issues: [...result.issues], meta: result.meta };
}

/**
 * The streaming parser. `sheets` reads spreadsheets (buffered whole); without it a spreadsheet
 * gives `file.unsupported_format`, like `parseCsv`.
 */
export async function* streamLeadFile(
  source: ByteChunks,
  options: StreamParseOptions,
  sheets: SheetReader | null,
  tuning: StreamTuning = DEFAULT_TUNING,
): AsyncGenerator<LeadStreamEvent> {
  const batchSize = options.batchSize ?? 2000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`parseLeadStream: batchSize must be a positive integer, got ${String(batchSize)}`);
  const { filename } = options;
  const ext = extension(filename);
  const iterator = openSource(source);
  let done = false;
  const next = async (): Promise<Uint8Array | string | undefined> => {
    if (done) return undefined;
    const r = await iterator.next();
    if (r.done) {
      done = true;
      return undefined;
    }
    return r.value;
  };

  // What is known of the file so far (filled in as it is detected).
  let fileFormat: FileFormat = 'unknown';
  let encoding: TextEncodingName | undefined;
  let delimiter: Delimiter | undefined;
  const out = new Outbox();
  let builder: TableBuilder | null = null;
  let headerEvent: LeadStreamEvent | null = null;
  let headerIssues = 0;
  let headerSent = false;

  const newBuilder = (firstRow: number): TableBuilder =>
    createTableBuilder(
      {
        row(row, rowNumber) {
          out.rows.push(row);
          out.rowNumbers.push(rowNumber);
        },
        issue(i) {
          out.addIssue(i);
        },
        head(head) {
          headerIssues = out.issues.length;
          headerEvent = {
            type: 'header',
            headers: [...head.headers],
            originalHeaders: [...head.originalHeaders],
            headerRow: head.headerRow,
            preamble: head.preamble,
            format: fileFormat,
            ...(encoding !== undefined ? { encoding } : {}),
            ...(delimiter !== undefined ? { delimiter } : {}),
            issues: [],
          };
        },
      },
      firstRow,
      options.headerRow !== undefined ? { headerRow: options.headerRow } : {},
    );

  /** Delimited text: the delimiter is chosen, rows can start. */
  const onText = (d: Delimiter): TableBuilder => {
    delimiter = d;
    fileFormat = d === '\t' ? 'tsv' : 'csv';
    builder = newBuilder(1);
    return builder;
  };

  function batch(k: number): LeadStreamEvent {
    const { rows, rowNumbers, issues } = out.take(k);
    const head = builder!.head!;
    const start = out.emitted - k;
    fillNewColumns(rows, 0, builder!.rowsBeforeLastNewColumn - start, head.headers);
    return { type: 'rows', rows, rowNumbers, headers: [...head.headers], issues };
  }

  /** Yields the header once known, then full batches (all rows when `final`). */
  function* drain(final: boolean): Generator<LeadStreamEvent> {
    if (!headerSent && headerEvent) {
      headerSent = true;
      const e = headerEvent as Extract<LeadStreamEvent, { type: 'header' }>;
      e.issues.push(...out.issues.splice(0, headerIssues));
      out.at.splice(0, headerIssues);
      yield e;
    }
    if (!headerSent) return;
    while (out.rows.length >= batchSize || (final && out.rows.length > 0)) yield batch(Math.min(batchSize, out.rows.length));
  }

  function endEvent(extra: Partial<ParseMeta> & { format: FileFormat }): LeadStreamEvent {
    const head = builder?.head ?? null;
    const headers = head ? head.headers : [];
    const meta: ParseMeta = {
      ...extra,
      ...(filename !== undefined ? { filename } : {}),
      headerRow: head ? head.headerRow : 0,
      rowNumbers: [],
      originalHeaders: head ? head.originalHeaders : [],
      preamble: head ? head.preamble : [],
      blankRows: builder ? builder.blankRows : 0,
      rowCount: builder ? builder.rowCount : 0,
      columnCount: headers.length,
    };
    return { type: 'end', headers, issues: out.takeIssues(), meta };
  }

  try {
    const first = await next();
    if (first === undefined) {
      yield endOf(emptyResult([issue('file.empty')], 'unknown', filename));
      return;
    }

    // --- text chunks: parseLeadFile(string) ---------------------------------------------
    if (typeof first === 'string') {
      const stage = new TextStage(options, ext, tuning, onText, out);
      stage.feed(first);
      for (;;) {
        while (stage.step()) yield* drain(false);
        const chunk = await next();
        if (chunk === undefined) break;
        if (typeof chunk !== 'string') throw mixed();
        stage.feed(chunk);
      }
      const empty = stage.finish();
      if (empty) {
        yield endOf(emptyResult(out.takeIssues(), ext === 'tsv' ? 'tsv' : 'csv', filename));
        return;
      }
      yield* drain(true);
      yield endEvent({ format: fileFormat, delimiter: stage.delimiter!, linebreak: stage.linebreak! });
      return;
    }

    // --- bytes: sniff the container and the encoding on the first bytes -------------------
    const parts: Uint8Array[] = [toBytes(first)];
    let size = parts[0]!.length;
    while (size < DETECT_BYTES) {
      const c = await next();
      if (c === undefined) break;
      if (typeof c === 'string') throw mixed();
      const b = toBytes(c);
      parts.push(b);
      size += b.length;
    }
    const sample = concat(parts, size);
    parts.length = 0;
    if (sample.length === 0) {
      yield endOf(emptyResult([issue('file.empty')], 'unknown', filename));
      return;
    }
    const container: BinaryFormat | null = sniffBinary(sample);
    if (container) {
      if (!sheets) {
        yield endOf(emptyResult([issue('file.unsupported_format', { format: container })], 'unknown', filename));
        return;
      }
      // SheetJS CE has no streaming reader: the workbook is read whole.
      const all: Uint8Array[] = [sample];
      let total = sample.length;
      for (let c = await next(); c !== undefined; c = await next()) {
        if (typeof c === 'string') throw mixed();
        const b = toBytes(c);
        all.push(b);
        total += b.length;
      }
      const sheet = sheets(concat(all, total), options.sheet !== undefined ? { sheet: options.sheet } : {});
      all.length = 0;
      for (const i of sheet.issues) out.addIssue(i);
      fileFormat = container === 'xls' ? 'xls' : sheet.bookType === 'ods' || ext === 'ods' ? 'ods' : 'xlsx';
      builder = newBuilder(sheet.firstRow);
      const grid = sheet.grid;
      for (let i = 0; i < grid.length; i++) {
        builder.push(grid[i]!);
        grid[i] = []; // let SheetJS-sized rows go as they are emitted
        if (out.rows.length >= batchSize) yield* drain(false);
      }
      builder.end();
      if (grid.length === 0 && sheet.issues.length === 0) out.addIssue(issue('file.empty'));
      else if (builder.rowCount === 0 && builder.head && builder.head.headers.length > 0) out.addIssue(issue('file.no_data_rows'));
      yield* drain(true);
      yield endEvent({ format: fileFormat, sheet: sheet.sheet, sheets: sheet.sheets });
      return;
    }
    if (looksBinary(sample)) {
      yield endOf(emptyResult([issue('file.binary')], 'unknown', filename));
      return;
    }

    const decoder = openStreamDecoder(sample, done, { detectBytes: DETECT_BYTES, ...(options.encoding !== undefined ? { encoding: options.encoding } : {}) });
    encoding = decoder.encoding;
    for (const i of decoder.issues) out.addIssue(i);
    const stage = new TextStage(options, ext, tuning, onText, out);
    let late = false;
    const checkLate = (): void => {
      if (!late && decoder.lateInvalidAt >= 0) {
        late = true;
        out.addIssue(issue('file.encoding_invalid_late', { encoding: 'utf-8', checked: DETECT_BYTES }));
      }
    };
    stage.feed(decoder.write(sample));
    for (;;) {
      while (stage.step()) yield* drain(false);
      const chunk = await next();
      if (chunk === undefined) break;
      if (typeof chunk === 'string') throw mixed();
      stage.feed(decoder.write(toBytes(chunk)));
      checkLate();
    }
    stage.feed(decoder.end());
    checkLate();
    if (decoder.replaced > 0) out.addIssue(issue('file.decoding_replaced', { count: decoder.replaced }));
    const empty = stage.finish();
    if (empty) {
      yield endOf(emptyResult(out.takeIssues(), ext === 'tsv' ? 'tsv' : 'csv', filename));
      return;
    }
    yield* drain(true);
    yield endEvent({ format: fileFormat, delimiter: stage.delimiter!, linebreak: stage.linebreak!, encoding });
  } finally {
    if (!done) await iterator.return?.();
  }
}

/**
 * Text → grid rows → table builder, piece by piece. Holds the first 1 MB of text until the
 * delimiter and line break are chosen (as the whole-text path chooses them), then only the
 * unparsed tail: papaparse parses each piece with `ignoreLastRow`, and the incomplete last row
 * is carried into the next piece.
 */
class TextStage {
  private pre: string[] = [];
  private preLen = 0;
  private nonBlank = false;
  private ready = false;
  private carry = '';
  private need: number;
  private gridRows = 0;
  private parser: InstanceType<typeof Papa.Parser> | null = null;
  private builder: TableBuilder | null = null;
  delimiter: Delimiter | undefined;
  linebreak: string | undefined;

  constructor(
    private readonly options: StreamParseOptions,
    private readonly ext: string,
    private readonly tuning: StreamTuning,
    private readonly onReady: (delimiter: Delimiter) => TableBuilder,
    private readonly out: Outbox,
  ) {
    this.need = tuning.pieceChars;
  }

  feed(s: string): void {
    if (s.length === 0) return;
    if (this.ready) {
      this.carry += s;
      return;
    }
    this.pre.push(s);
    this.preLen += s.length;
    if (!this.nonBlank && s.trim() !== '') this.nonBlank = true;
    // Two BOMs may still be stripped; the line-break guess needs 1 MB after them.
    if (this.nonBlank && this.preLen >= (this.tuning.holdChars ?? LINEBREAK_SAMPLE + 2)) this.setup(false);
  }

  /** Chooses delimiter and line break on the first text; false when the whole text is blank. */
  private setup(final: boolean): boolean {
    let t = this.pre.join('');
    this.pre = [];
    if (t.charCodeAt(0) === 0xfeff) t = t.slice(1); // as parseText
    if (final && t.trim() === '') return false;
    const forced = this.options.delimiter ?? (this.ext === 'tsv' || this.ext === 'tab' ? '\t' : undefined);
    const delimiter = forced ?? detectDelimiter(t);
    if (t.charCodeAt(0) === 0xfeff) t = t.slice(1); // as Papa.parse
    this.linebreak = guessLinebreak(t);
    this.delimiter = delimiter;
    this.parser = new Papa.Parser({ delimiter, newline: this.linebreak as '\n', ...PAPA_OPTIONS });
    this.carry = t;
    this.ready = true;
    this.builder = this.onReady(delimiter);
    return true;
  }

  /** Parses one piece if enough text is waiting; false when it needs more input. */
  step(): boolean {
    if (!this.ready || this.carry.length < this.need) return false;
    const piece = this.carry.length > this.need ? this.carry.slice(0, this.need) : this.carry;
    // papaparse looks past a closing quote over whitespace for a delimiter or line break: do not
    // end a piece inside such a run (only there, so that long runs of blank lines still flow).
    let k = piece.length;
    while (k > 0 && WS.test(piece[k - 1]!)) k--;
    if (k === piece.length || piece.charCodeAt(k - 1) !== 34) k = piece.length;
    const result = this.parser!.parse(piece.slice(0, k), 0, true) as Papa.ParseResult<string[]>;
    const cursor = result.meta.cursor;
    if (cursor === 0) {
      this.need *= 2; // one row longer than the piece: wait for twice as much (linear overall)
      return this.carry.length >= this.need;
    }
    this.need = this.tuning.pieceChars;
    this.carry = this.carry.slice(cursor);
    this.emit(result.data, result.errors);
    return true;
  }

  private emit(data: string[][], errors: readonly Papa.ParseError[]): void {
    for (const e of errors) {
      // Errors of the unfinished last row are reported when that row is parsed whole.
      if (typeof e.row === 'number' && e.row >= data.length) continue;
      const found = quoteIssue(e);
      if (found) this.out.addIssue({ ...found, row: this.gridRows + (typeof e.row === 'number' ? e.row : 0) + 1 });
    }
    const b = this.builder!;
    for (let i = 0; i < data.length; i++) b.push(this.tuning.keepSlices ? data[i]! : detachCells(data[i]!));
    this.gridRows += data.length;
  }

  /** End of input: parses the rest and closes the table. Returns true when the text was blank (empty file). */
  finish(): boolean {
    if (!this.ready) {
      if (!this.setup(true)) {
        this.out.addIssue(issue('file.empty'));
        return true;
      }
    }
    while (this.step()) {
      // the caller drains between steps; at the end everything goes out at once
    }
    if (this.carry.length > 0) {
      const result = this.parser!.parse(this.carry, 0, false) as Papa.ParseResult<string[]>;
      this.carry = '';
      const data = result.data;
      // papaparse yields a final [""] for a trailing newline; drop it (as parseDelimitedGrid).
      if (data.length > 0) {
        const last = data[data.length - 1]!;
        if (last.length === 1 && last[0] === '') data.pop();
      }
      // The whole-text path keeps the errors of a dropped last row; so do we.
      for (const e of result.errors) {
        const found = quoteIssue(e);
        if (found) this.out.addIssue({ ...found, row: this.gridRows + (typeof e.row === 'number' ? e.row : 0) + 1 });
      }
      const b = this.builder!;
      for (let i = 0; i < data.length; i++) b.push(this.tuning.keepSlices ? data[i]! : detachCells(data[i]!));
      this.gridRows += data.length;
    }
    const b = this.builder!;
    b.end();
    if (b.rowCount === 0 && b.head && b.head.headers.length > 0) this.out.addIssue(issue('file.no_data_rows'));
    return false;
  }
}

/**
 * `parseLeadStream` without spreadsheet support (for `leadtidy/csv`): a spreadsheet gives a
 * `file.unsupported_format` issue, as `parseCsv` does.
 *
 * @example
 * for await (const e of parseCsvStream(['Email\n', 'ann@acme.de\n'])) if (e.type === 'rows') console.log(e.rows);
 * //=> [{ Email: "ann@acme.de" }]
 */
export function parseCsvStream(source: ByteChunks, options: Omit<StreamParseOptions, 'sheet'> = {}): AsyncGenerator<LeadStreamEvent> {
  return streamLeadFile(source, options, null);
}

const DECODE_CODES = new Set(['file.encoding_guessed', 'file.decoding_replaced']);

/**
 * A stream's file issues in the order `parseLeadFile` lists them: the whole-file path lists
 * decode issues, then every quote issue, then table issues; the stream reports quote issues
 * with their batch and `decoding_replaced` at the end. A stable partition restores the order.
 */
export function wholeFileIssueOrder(issues: readonly Issue[]): Issue[] {
  return [
    ...issues.filter((i) => DECODE_CODES.has(i.code)),
    ...issues.filter((i) => i.code.startsWith('file.quote_')),
    ...issues.filter((i) => !DECODE_CODES.has(i.code) && !i.code.startsWith('file.quote_')),
  ];
}

/**
 * Cells as strings of their own (`detached`). papaparse returns slices of the piece it parsed,
 * and a slice keeps its whole piece alive: a long cell held by a cache (as a key or inside a
 * cached value) would pin 64 KB of the file, and a bounded cache of 20,000 values most of a
 * large file.
 */
function detachCells(cells: string[]): string[] {
  for (let j = 0; j < cells.length; j++) cells[j] = detached(cells[j]!);
  return cells;
}
