/**
 * `parseLeadFile`: bytes or text of a CSV/TSV/XLSX/XLS lead file → header-keyed rows,
 * with issues instead of exceptions. Pure (no fs): the Node entry reads the file.
 */
import { issue, type Issue } from '../core/codes.js';
import { sniffBinary } from './decode.js';
import { buildTable } from './table.js';
import { readSheetGrid } from './xlsx-read.js';
import { emptyResult, extension, finish, parseText, parseTextBytes, toBytes, type FileFormat, type ParseOptions, type ParsedLeadFile } from './parse-text.js';

export type { Delimiter } from './csv-parse.js';
export type { TextEncodingName } from './decode.js';
export type { FileFormat, ParseMeta, ParseOptions, ParsedLeadFile } from './parse-text.js';

/**
 * Parses a lead file. Never throws on bad data: problems come back as `issues`
 * (with spreadsheet row numbers), and no non-blank row is dropped.
 *
 * @example
 * const { rows, headers } = parseLeadFile('First Name;Email\nAnn;ann@acme.de\n');
 * //=> headers: ["First Name", "Email"], rows: [{ "First Name": "Ann", Email: "ann@acme.de" }]
 */
export function parseLeadFile(
  input: string | Uint8Array | ArrayBuffer | ArrayBufferView,
  options: ParseOptions = {},
): ParsedLeadFile {
  const { filename } = options;
  const ext = extension(filename);
  const issues: Issue[] = [];

  if (typeof input !== 'string') {
    const bytes = toBytes(input);
    if (bytes.length === 0) return emptyResult([issue('file.empty')], 'unknown', filename);
    const container = sniffBinary(bytes);
    if (container === 'xlsx' || container === 'xls') {
      const sheet = readSheetGrid(bytes, options.sheet !== undefined ? { sheet: options.sheet } : {});
      issues.push(...sheet.issues);
      const format: FileFormat = container === 'xls' ? 'xls' : sheet.bookType === 'ods' || ext === 'ods' ? 'ods' : 'xlsx';
      const table = buildTable(sheet.grid, sheet.firstRow, options.headerRow !== undefined ? { headerRow: options.headerRow } : {});
      issues.push(...table.issues);
      if (sheet.grid.length === 0 && sheet.issues.length === 0) issues.push(issue('file.empty'));
      else if (table.rows.length === 0 && table.headers.length > 0) issues.push(issue('file.no_data_rows'));
      return finish(table, issues, { format, sheet: sheet.sheet, sheets: sheet.sheets }, filename);
    }
    return parseTextBytes(bytes, options, ext);
  }
  return parseText(input, options, ext, issues, undefined);
}

