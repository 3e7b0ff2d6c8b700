/**
 * `leadtidy/csv`: delimited-text parsing and CSV writing without the spreadsheet
 * library, for the smallest bundles (serverless functions that only see CSV).
 */
import { issue } from './core/codes.js';
import { sniffBinary } from './io/decode.js';
import { emptyResult, extension, parseText, parseTextBytes, toBytes, type ParseOptions, type ParsedLeadFile } from './io/parse-text.js';

export { toCsv, neutralizeFormula } from './io/csv-write.js';
export type { ParsedLeadFile, ParseOptions } from './io/parse-text.js';
export { parseCsvStream, type ByteChunks, type LeadStreamEvent, type StreamParseOptions } from './io/stream-text.js';

/**
 * Parses CSV/TSV bytes or text exactly like `parseLeadFile`, without spreadsheet
 * support: a spreadsheet gives a `file.unsupported_format` issue.
 *
 * @example
 * parseCsv('Email;Firma\nann@acme.de;ACME GmbH').rows //=> [{ Email: "ann@acme.de", Firma: "ACME GmbH" }]
 */
export function parseCsv(input: string | Uint8Array | ArrayBuffer, options: Omit<ParseOptions, 'sheet'> = {}): ParsedLeadFile {
  const ext = extension(options.filename);
  if (typeof input === 'string') return parseText(input, options, ext, [], undefined);
  const bytes = toBytes(input);
  if (bytes.length === 0) return emptyResult([issue('file.empty')], 'unknown', options.filename);
  const container = sniffBinary(bytes);
  if (container) return emptyResult([issue('file.unsupported_format', { format: container })], 'unknown', options.filename);
  return parseTextBytes(bytes, options, ext);
}
