/**
 * Turns a grid of cells (from CSV or a sheet) into header-keyed rows: finds the header
 * row, names blank/duplicate/reserved headers, keeps ragged cells, skips blank rows,
 * and reports all of it as issues. Pure.
 */
import { issue, type Issue } from '../core/codes.js';
import { cleanWhitespace, isReservedKey } from '../core/text.js';

export interface TableOptions {
  /** Spreadsheet row number (1-based) of the header row; detected when absent. */
  readonly headerRow?: number;
}

export interface Table {
  readonly rows: Record<string, string>[];
  readonly headers: string[];
  /** Header text as written in the file, per column ('' for blank). */
  readonly originalHeaders: string[];
  /** Spreadsheet row number of each entry of `rows`. */
  readonly rowNumbers: number[];
  /** Spreadsheet row number of the header row (0 when the grid is empty). */
  readonly headerRow: number;
  /** Non-blank lines before the header, kept so nothing is lost. */
  readonly preamble: string[][];
  readonly blankRows: number;
  readonly issues: Issue[];
}

const SAMPLE = 30;

function nonEmptyCount(cells: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i]!.trim() !== '') n++;
  return n;
}

/** Index of the header record: the first record at least half as wide as the widest of the first 30. */
function detectHeader(grid: readonly (readonly string[])[]): number {
  const limit = Math.min(grid.length, SAMPLE);
  let widest = 0;
  for (let i = 0; i < limit; i++) widest = Math.max(widest, nonEmptyCount(grid[i]!));
  if (widest === 0) return -1;
  // A one-cell title line above a two-column table is not its header.
  const need = widest <= 2 ? widest : Math.max(2, Math.ceil(widest * 0.5));
  for (let i = 0; i < limit; i++) if (nonEmptyCount(grid[i]!) >= need) return i;
  return 0;
}

function uniqueName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) {
    const name = `${base} (${k})`;
    if (!taken.has(name)) return name;
  }
}

/** Where a {@link createTableBuilder} sends what it produces, in file order. */
export interface TableSink {
  row(row: Record<string, string>, rowNumber: number): void;
  issue(issue: Issue): void;
  /** Called once the header is found, after its issues and before its data rows. */
  head?(head: TableHead): void;
}

/** The header of a table, once a {@link TableBuilder} has found it. Arrays grow when ragged rows add columns. */
export interface TableHead {
  readonly headers: string[];
  readonly originalHeaders: string[];
  readonly headerRow: number;
  readonly preamble: string[][];
}

/** Incremental {@link buildTable}: grid rows in, header-keyed rows out through a {@link TableSink}. */
export interface TableBuilder {
  /** Feeds the next grid row (the builder may keep a reference to it until the header is found). */
  push(cells: readonly string[]): void;
  /** No more rows: decides the header if still open and reports the file-level row issues. */
  end(): void;
  /** The header once found; null before that and for a table without one. */
  readonly head: TableHead | null;
  /** Whether the header question is settled (found, or there is none). */
  readonly decided: boolean;
  readonly blankRows: number;
  /** Rows sent so far. */
  readonly rowCount: number;
  /** Rows sent before the last ragged row that added a `Column N` header: they lack the newer keys. */
  readonly rowsBeforeLastNewColumn: number;
}

/**
 * Creates an incremental table builder. It buffers at most the first 30 grid rows (header
 * detection looks at those) — or, with a pinned `headerRow`, only the non-blank lines above it —
 * and then turns each grid row into a keyed row as it arrives. Same results and issues, in the
 * same order, as {@link buildTable} on the whole grid, except that rows sent before a ragged
 * row adds a `Column N` header lack that key (`buildTable` fills them with '').
 */
export function createTableBuilder(sink: TableSink, firstRowNumber = 1, options: TableOptions = {}): TableBuilder {
  const pinned = options.headerRow !== undefined ? options.headerRow - firstRowNumber : undefined;
  let decided = pinned !== undefined && pinned < 0;
  let head: { headers: string[]; originalHeaders: string[]; headerRow: number; preamble: string[][] } | null = null;
  let taken = new Set<string>();
  let width = 0;
  let index = 0; // grid index of the next row
  const waiting: (readonly string[])[] = []; // first rows, until the header is detected
  const pinnedPreamble: string[][] = [];
  let blankRows = 0;
  let shortRows = 0;
  let firstShort = 0;
  let rowCount = 0;
  let rowsBeforeLastNewColumn = 0;

  function startHeader(h: number, rawHeader: readonly string[], preamble: string[][]): void {
    decided = true;
    if (preamble.length > 0) sink.issue(issue('file.preamble_skipped', { count: preamble.length }, { row: firstRowNumber + h }));
    const headerRow = firstRowNumber + h;
    let w = rawHeader.length;
    while (w > 0 && rawHeader[w - 1]!.trim() === '') w--; // trailing empty header cells
    width = w;
    originalHeaders = [];
    headers = [];
    taken = new Set<string>();
    for (let c = 0; c < w; c++) {
      const original = rawHeader[c]!;
      originalHeaders.push(original);
      let name = cleanWhitespace(original.replace(/^\ufeff/, ''));
      if (name === '') {
        name = uniqueName(`Column ${c + 1}`, taken);
        sink.issue(issue('file.header_blank', { column: c + 1, name }, { row: headerRow }));
      } else if (isReservedKey(name)) {
        const renamed = uniqueName(`${name} (column ${c + 1})`, taken);
        sink.issue(issue('file.header_reserved', { header: name, column: c + 1, name: renamed }, { row: headerRow }));
        name = renamed;
      } else if (taken.has(name)) {
        const renamed = uniqueName(name, taken);
        sink.issue(issue('file.header_duplicate', { header: name, column: c + 1, name: renamed }, { row: headerRow }));
        name = renamed;
      }
      taken.add(name);
      headers.push(name);
    }
    head = { headers, originalHeaders, headerRow, preamble };
    sink.head?.(head);
  }

  let headers: string[] = [];
  let originalHeaders: string[] = [];
  function dataRow(cells: readonly string[], i: number): void {
    const n = cells.length;
    let blank = true;
    for (let c = 0; c < n; c++) {
      if (cells[c]!.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) {
      blankRows++;
      return;
    }
    const rowNumber = firstRowNumber + i;
    const row: Record<string, string> = {};
    const w = headers.length;
    for (let c = 0; c < w; c++) row[headers[c]!] = c < n ? cells[c]! : '';
    if (n > w) {
      let last = n;
      while (last > w && cells[last - 1]!.trim() === '') last--;
      if (last > w) {
        const names: string[] = [];
        for (let c = w; c < last; c++) {
          while (headers.length <= c) {
            const name = uniqueName(`Column ${headers.length + 1}`, taken);
            taken.add(name);
            headers.push(name);
            originalHeaders.push('');
            rowsBeforeLastNewColumn = rowCount;
          }
          row[headers[c]!] = cells[c]!;
          names.push(headers[c]!);
        }
        sink.issue(issue('file.row_too_long', { count: last, expected: w, names }, { row: rowNumber }));
      }
    } else if (n < w && n > 1) {
      if (shortRows === 0) firstShort = rowNumber;
      shortRows++;
    }
    rowCount++;
    sink.row(row, rowNumber);
  }

  /** Header detection over the waiting rows (all of them at the end, else the first 30). */
  function detect(): void {
    const h = detectHeader(waiting);
    decided = true;
    if (h < 0 || h >= waiting.length) {
      waiting.length = 0;
      return;
    }
    const preamble: string[][] = [];
    for (let i = 0; i < h; i++) if (nonEmptyCount(waiting[i]!) > 0) preamble.push([...waiting[i]!]);
    startHeader(h, waiting[h]!, preamble);
    for (let i = h + 1; i < waiting.length; i++) dataRow(waiting[i]!, i);
    waiting.length = 0;
  }

  return {
    push(cells) {
      const i = index++;
      if (head) return dataRow(cells, i);
      if (decided) return; // no header: the rest is ignored, as buildTable does
      if (pinned !== undefined) {
        if (i < pinned) {
          if (nonEmptyCount(cells) > 0) pinnedPreamble.push([...cells]);
        } else startHeader(pinned, cells, pinnedPreamble);
        return;
      }
      waiting.push(cells);
      if (waiting.length >= SAMPLE) detect();
    },
    end() {
      if (!decided) {
        if (pinned !== undefined) decided = true; // the pinned header row is past the end
        else detect();
      }
      if (!head) return;
      if (shortRows > 0) {
        sink.issue(issue('file.row_too_short', { count: shortRows, expected: width, first: firstShort }, { row: firstShort }));
      }
      if (blankRows > 0) sink.issue(issue('file.blank_rows_skipped', { count: blankRows }));
    },
    get head() {
      return head;
    },
    get decided() {
      return decided;
    },
    get blankRows() {
      return head ? blankRows : 0;
    },
    get rowCount() {
      return rowCount;
    },
    get rowsBeforeLastNewColumn() {
      return rowsBeforeLastNewColumn;
    },
  };
}

/**
 * Builds rows from a grid. `firstRowNumber` is the spreadsheet row number of `grid[0]`.
 */
export function buildTable(grid: readonly (readonly string[])[], firstRowNumber = 1, options: TableOptions = {}): Table {
  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  const issues: Issue[] = [];
  const builder = createTableBuilder(
    {
      row(row, rowNumber) {
        rows.push(row);
        rowNumbers.push(rowNumber);
      },
      issue(i) {
        issues.push(i);
      },
    },
    firstRowNumber,
    options,
  );
  for (let i = 0; i < grid.length; i++) builder.push(grid[i]!);
  builder.end();
  const head = builder.head;
  if (!head) return { rows: [], headers: [], originalHeaders: [], rowNumbers: [], headerRow: 0, preamble: [], blankRows: 0, issues: [] };
  fillNewColumns(rows, 0, builder.rowsBeforeLastNewColumn, head.headers);
  return { rows, headers: head.headers, originalHeaders: head.originalHeaders, rowNumbers, headerRow: head.headerRow, preamble: head.preamble, blankRows: builder.blankRows, issues };
}

/** Gives rows[from..to) an '' value for every header they lack (columns added by later ragged rows). */
export function fillNewColumns(rows: Record<string, string>[], from: number, to: number, headers: readonly string[]): void {
  for (let i = from; i < to && i < rows.length; i++) {
    const row = rows[i]!;
    for (const name of headers) if (!(name in row)) row[name] = '';
  }
}
