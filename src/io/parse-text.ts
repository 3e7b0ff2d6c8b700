/**
 * Shared parse types and the delimited-text path (no spreadsheet library). Pure.
 */
import { issue, type Issue } from '../core/codes.js';
import { decodeText, looksBinary, type TextEncodingName } from './decode.js';
import { parseDelimitedGrid, type Delimiter } from './csv-parse.js';
import { buildTable } from './table.js';

export type { Delimiter } from './csv-parse.js';
export type { TextEncodingName } from './decode.js';

export interface ParseOptions {
  /** Used for format hints (`.tsv`, `.xlsx`…) and in messages. */
  readonly filename?: string;
  /** Spreadsheet sheet: name or 0-based index. First sheet by default. */
  readonly sheet?: string | number;
  /** Force a delimiter instead of detecting it. */
  readonly delimiter?: Delimiter;
  /** Force a text encoding instead of detecting it. */
  readonly encoding?: TextEncodingName;
  /** Spreadsheet row number (1-based) of the header row; detected by default. */
  readonly headerRow?: number;
}

export type FileFormat = 'csv' | 'tsv' | 'xlsx' | 'xls' | 'ods' | 'unknown';

export interface ParseMeta {
  readonly format: FileFormat;
  readonly filename?: string;
  readonly encoding?: TextEncodingName;
  readonly delimiter?: Delimiter;
  readonly linebreak?: string;
  readonly sheet?: string;
  readonly sheets?: readonly string[];
  /** Spreadsheet row number of the header row. */
  readonly headerRow: number;
  /** Spreadsheet row number of each parsed row (rows[i] ↔ rowNumbers[i]). */
  readonly rowNumbers: readonly number[];
  /** Header text per column as written in the file. */
  readonly originalHeaders: readonly string[];
  /** Non-blank lines above the header row (titles, notes), kept verbatim. */
  readonly preamble: readonly (readonly string[])[];
  readonly blankRows: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export interface ParsedLeadFile {
  /** One object per data row, keyed by the (unique) header names. */
  readonly rows: Record<string, string>[];
  /** Unique header names in column order. */
  readonly headers: string[];
  readonly issues: readonly Issue[];
  readonly meta: ParseMeta;
}

export function extension(filename: string | undefined): string {
  if (!filename) return '';
  const dot = filename.lastIndexOf('.');
  return dot === -1 ? '' : filename.slice(dot + 1).toLowerCase();
}

export function emptyResult(issues: Issue[], format: FileFormat, filename: string | undefined): ParsedLeadFile {
  const meta: ParseMeta = {
    format,
    headerRow: 0,
    rowNumbers: [],
    originalHeaders: [],
    preamble: [],
    blankRows: 0,
    rowCount: 0,
    columnCount: 0,
    ...(filename !== undefined ? { filename } : {}),
  };
  return { rows: [], headers: [], issues, meta };
}

export function toBytes(input: Uint8Array | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

export function parseText(
  text: string,
  options: ParseOptions,
  ext: string,
  issues: Issue[],
  encoding: TextEncodingName | undefined,
): ParsedLeadFile {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return emptyResult([...issues, issue('file.empty')], ext === 'tsv' ? 'tsv' : 'csv', options.filename);
  const delimiter = options.delimiter ?? (ext === 'tsv' || ext === 'tab' ? '\t' : undefined);
  const grid = parseDelimitedGrid(text, delimiter !== undefined ? { delimiter } : {});
  const table = buildTable(grid.grid, 1, options.headerRow !== undefined ? { headerRow: options.headerRow } : {});
  // Grid index i is spreadsheet row i + 1.
  for (const g of grid.issues) issues.push({ ...g.issue, row: g.index + 1 });
  issues.push(...table.issues);
  if (table.rows.length === 0 && table.headers.length > 0) issues.push(issue('file.no_data_rows'));
  const format: FileFormat = grid.delimiter === '\t' ? 'tsv' : 'csv';
  return finish(
    table,
    issues,
    { format, delimiter: grid.delimiter, linebreak: grid.linebreak, ...(encoding !== undefined ? { encoding } : {}) },
    options.filename,
  );
}

export function finish(
  table: ReturnType<typeof buildTable>,
  issues: Issue[],
  extra: Partial<ParseMeta> & { format: FileFormat },
  filename: string | undefined,
): ParsedLeadFile {
  const meta: ParseMeta = {
    ...extra,
    ...(filename !== undefined ? { filename } : {}),
    headerRow: table.headerRow,
    rowNumbers: table.rowNumbers,
    originalHeaders: table.originalHeaders,
    preamble: table.preamble,
    blankRows: table.blankRows,
    rowCount: table.rows.length,
    columnCount: table.headers.length,
  };
  return { rows: table.rows, headers: table.headers, issues, meta };
}

/** Bytes known not to be a spreadsheet container: binary check, decode, then the text path. */
export function parseTextBytes(bytes: Uint8Array, options: ParseOptions, ext: string): ParsedLeadFile {
  if (looksBinary(bytes)) return emptyResult([issue('file.binary')], 'unknown', options.filename);
  const decoded = decodeText(bytes, options.encoding !== undefined ? { encoding: options.encoding } : {});
  return parseText(decoded.text, options, ext, [...decoded.issues], decoded.encoding);
}
