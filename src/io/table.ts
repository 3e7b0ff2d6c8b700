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

/**
 * Builds rows from a grid. `firstRowNumber` is the spreadsheet row number of `grid[0]`.
 */
export function buildTable(grid: readonly (readonly string[])[], firstRowNumber = 1, options: TableOptions = {}): Table {
  const issues: Issue[] = [];
  const h = options.headerRow !== undefined ? options.headerRow - firstRowNumber : detectHeader(grid);
  if (h < 0 || h >= grid.length) {
    return { rows: [], headers: [], originalHeaders: [], rowNumbers: [], headerRow: 0, preamble: [], blankRows: 0, issues };
  }
  const preamble: string[][] = [];
  for (let i = 0; i < h; i++) if (nonEmptyCount(grid[i]!) > 0) preamble.push([...grid[i]!]);
  if (preamble.length > 0) issues.push(issue('file.preamble_skipped', { count: preamble.length }, { row: firstRowNumber + h }));

  const headerRow = firstRowNumber + h;
  const rawHeader = grid[h]!;
  let width = rawHeader.length;
  while (width > 0 && rawHeader[width - 1]!.trim() === '') width--; // trailing empty header cells
  const originalHeaders: string[] = [];
  const headers: string[] = [];
  const taken = new Set<string>();
  for (let c = 0; c < width; c++) {
    const original = rawHeader[c]!;
    originalHeaders.push(original);
    let name = cleanWhitespace(original.replace(/^\ufeff/, ''));
    if (name === '') {
      name = uniqueName(`Column ${c + 1}`, taken);
      issues.push(issue('file.header_blank', { column: c + 1, name }, { row: headerRow }));
    } else if (isReservedKey(name)) {
      const renamed = uniqueName(`${name} (column ${c + 1})`, taken);
      issues.push(issue('file.header_reserved', { header: name, column: c + 1, name: renamed }, { row: headerRow }));
      name = renamed;
    } else if (taken.has(name)) {
      const renamed = uniqueName(name, taken);
      issues.push(issue('file.header_duplicate', { header: name, column: c + 1, name: renamed }, { row: headerRow }));
      name = renamed;
    }
    taken.add(name);
    headers.push(name);
  }

  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  let blankRows = 0;
  let shortRows = 0;
  let firstShort = 0;
  let extended = false;
  for (let i = h + 1; i < grid.length; i++) {
    const cells = grid[i]!;
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
      continue;
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
            extended = true;
          }
          row[headers[c]!] = cells[c]!;
          names.push(headers[c]!);
        }
        issues.push(issue('file.row_too_long', { count: last, expected: w, names }, { row: rowNumber }));
      }
    } else if (n < w && n > 1) {
      if (shortRows === 0) firstShort = rowNumber;
      shortRows++;
    }
    rows.push(row);
    rowNumbers.push(rowNumber);
  }
  if (extended) {
    for (const row of rows) for (const name of headers) if (!(name in row)) row[name] = '';
  }
  if (shortRows > 0) {
    issues.push(
      issue('file.row_too_short', { count: shortRows, expected: width, first: firstShort }, { row: firstShort }),
    );
  }
  if (blankRows > 0) issues.push(issue('file.blank_rows_skipped', { count: blankRows }));
  return { rows, headers, originalHeaders, rowNumbers, headerRow, preamble, blankRows, issues };
}
