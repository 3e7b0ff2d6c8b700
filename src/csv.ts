/**
 * `leadtidy/csv`: delimited-text parsing and CSV writing without the spreadsheet
 * library, for the smallest bundles (serverless functions that only see CSV).
 */
import { issue, type Issue } from './core/codes.js';
import { decodeText, looksBinary, sniffBinary } from './io/decode.js';
import { emptyResult, extension, parseText, toBytes, type ParseOptions, type ParsedLeadFile } from './io/parse-text.js';

export { toCsv, neutralizeFormula } from './io/csv-write.js';
export type { ParsedLeadFile, ParseOptions } from './io/parse-text.js';

/**
 * Parses CSV/TSV bytes or text exactly like `parseLeadFile`, without spreadsheet
 * support: a spreadsheet gives a `file.unsupported_format` issue.
 *
 * @example
 * parseCsv('Email;Firma\nann@acme.de;ACME GmbH').rows //=> [{ Email: "ann@acme.de", Firma: "ACME GmbH" }]
 */
export function parseCsv(input: string | Uint8Array | ArrayBuffer, options: Omit<ParseOptions, 'sheet'> = {}): ParsedLeadFile {
  const ext = extension(options.filename);
  if (typeof input === 'string') return parseText(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, options, ext, [], undefined);
  const bytes = toBytes(input);
  if (bytes.length === 0) return emptyResult([issue('file.empty')], 'unknown', options.filename);
  const container = sniffBinary(bytes);
  if (container) return emptyResult([issue('file.unsupported_format', { format: container })], 'unknown', options.filename);
  if (looksBinary(bytes)) return emptyResult([issue('file.binary')], 'unknown', options.filename);
  const d = decodeText(bytes, options.encoding !== undefined ? { encoding: options.encoding } : {});
  const issues: Issue[] = [...d.issues];
  return parseText(d.text, options, ext, issues, d.encoding);
}
