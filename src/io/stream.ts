/**
 * `parseLeadStream`: a lead file as chunks in, header-keyed rows out in batches. Pure: works
 * on any iterable or async iterable of chunks (Node `Readable`, web `ReadableStream`, generators).
 */
import { DEFAULT_TUNING, streamLeadFile, type ByteChunks, type LeadStreamEvent, type StreamParseOptions, type StreamTuning } from './stream-text.js';
import { readSheetGrid } from './xlsx-read.js';

export type { ByteChunks, LeadStreamEvent, StreamParseOptions } from './stream-text.js';

/**
 * Parses a lead file from a stream of chunks (`Uint8Array` bytes, or strings for text that is
 * already decoded; not both) without holding the whole file: CSV/TSV is decoded and parsed
 * piece by piece, and rows come out in batches of `batchSize` (default 2000).
 *
 * Events: at most one `header` (before any `rows`; none when the file has no header row),
 * `rows` batches, then exactly one `end`. Concatenated, the batches' `rows` and `rowNumbers`
 * equal `parseLeadFile(bytes).rows` and `.meta.rowNumbers`, `end.headers` equals its `headers`
 * and `end.meta` its `meta`, except:
 * - `end.meta.rowNumbers` is `[]` (the numbers came with the batches; keeps memory bounded);
 * - a row emitted before a later ragged row added a `Column N` header lacks that key
 *   (parseLeadFile gives it ''); each batch's `headers` lists the columns known so far;
 * - issues: the same list, but each `file.quote_*` issue comes with the batch where it occurs
 *   (parseLeadFile lists all of them before the header and row issues), and
 *   `file.decoding_replaced` comes in the `end` event (its count is known only then);
 * - encoding: detected on the first 1 MiB (parseLeadFile checks UTF-8 validity on the whole
 *   file). Bytes that are not valid UTF-8 after that are replaced (U+FFFD) and reported once as
 *   `file.encoding_invalid_late`; parseLeadFile would have decoded the file as Windows-1252.
 *
 * Memory: the first 1 MiB of text (for the same delimiter and line-break choice as the
 * whole-file path), then the current chunk, the unparsed tail (one partial row) and about one
 * batch. A file starting with more than 1 MiB of blank text is held until its first non-blank
 * character. XLSX/XLS/ODS: SheetJS has no streaming reader, so a spreadsheet is buffered whole,
 * read as by parseLeadFile, and then emitted in batches.
 *
 * Throws only for programmer errors: a source that is not iterable, chunks mixing strings and
 * bytes, or a `batchSize` that is not a positive integer.
 *
 * @example
 * for await (const e of parseLeadStream(fs.createReadStream('leads.csv'), { filename: 'leads.csv' })) {
 *   if (e.type === 'rows') for (const row of e.rows) console.log(row.Email);
 * }
 */
export function parseLeadStream(source: ByteChunks, options: StreamParseOptions = {}): AsyncGenerator<LeadStreamEvent> {
  return streamLeadFile(source, options, readSheetGrid);
}

/** {@link parseLeadStream} with the internal knobs (`StreamTuning`). */
export function parseLeadStreamTuned(source: ByteChunks, options: StreamParseOptions, tuning: Partial<StreamTuning>): AsyncGenerator<LeadStreamEvent> {
  return streamLeadFile(source, options, readSheetGrid, { ...DEFAULT_TUNING, ...tuning });
}
