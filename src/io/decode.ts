/**
 * Byte → text decoding for lead files, with the detection Excel and event-platform
 * exports need: BOMs, UTF-16 without BOM, strict UTF-8, and Windows-1252 as the
 * fallback for legacy "ANSI" exports. Uses the platform's TextDecoder (Node, browsers,
 * Deno and workers all ship these encodings).
 */
import { issue, type Issue } from '../core/codes.js';

/** Encodings leadtidy detects and decodes. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A sniffed container format for binary input. */
export type BinaryFormat = 'xlsx' | 'xls' | 'zip' | 'binary';

export interface DecodeResult {
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
  readonly issues: readonly Issue[];
}

/** Recognises spreadsheet containers and other binaries from their magic bytes. */
export function sniffBinary(bytes: Uint8Array): BinaryFormat | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) {
    return 'xlsx'; // zip container (xlsx/ods); the reader decides
  }
  if (
    bytes.length >= 8 &&
    bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0 &&
    bytes[4] === 0xa1 && bytes[5] === 0xb1 && bytes[6] === 0x1a && bytes[7] === 0xe1
  ) {
    return 'xls'; // OLE2 compound document (BIFF .xls)
  }
  return null;
}

function bomOf(bytes: Uint8Array): TextEncodingName | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without BOM: ASCII text has a NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of NUL and non-text control bytes in the first 4 KB. */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 4096);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) bad++;
  }
  return bad / n;
}

// Windows-1252 0x80–0x9F (undefined bytes keep their C1 code point, as the WHATWG
// decoder does). Some Node releases (seen on 20.20) decode "windows-1252" as ISO-8859-1,
// so C1 characters are mapped here; on a correct decoder this is a no-op.
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array, fatal: boolean): string {
  // ignoreBOM: true keeps the BOM in the output so that we strip it ourselves, once.
  const text = new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  return encoding === 'windows-1252' ? text.replace(C1, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!) : text;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i !== -1; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/**
 * Decodes lead-file bytes to text.
 *
 * Order: a BOM decides; else UTF-16 by NUL pattern; else strict UTF-8; else Windows-1252.
 * A forced `encoding` skips detection.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text //=> "A"
 */
export function decodeText(bytes: Uint8Array, options: { encoding?: TextEncodingName } = {}): DecodeResult {
  const issues: Issue[] = [];
  const bom = bomOf(bytes);
  let encoding: TextEncodingName;
  let text: string;
  if (options.encoding) {
    encoding = options.encoding;
    text = stripBom(decodeWith(encoding, bytes, false));
  } else if (bom) {
    encoding = bom;
    text = stripBom(decodeWith(encoding, bytes, false));
  } else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      text = decodeWith(encoding, bytes, false);
      issues.push(issue('file.encoding_guessed', { encoding, reason: 'UTF-16 byte pattern without BOM' }));
    } else {
      try {
        text = decodeWith('utf-8', bytes, true);
        encoding = 'utf-8';
      } catch {
        encoding = 'windows-1252';
        text = decodeWith(encoding, bytes, false);
        issues.push(issue('file.encoding_guessed', { encoding, reason: 'not valid UTF-8' }));
      }
    }
  }
  const replaced = countReplacement(text);
  if (replaced > 0) issues.push(issue('file.decoding_replaced', { count: replaced }));
  return { text, encoding, bom: bom !== null, issues };
}

/** Whether bytes look like a binary file that is not a known spreadsheet. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bomOf(bytes) === null && sniffUtf16(bytes) === null && controlShare(bytes) > 0.1;
}

/** An incremental decoder opened by {@link openStreamDecoder}. */
export interface StreamDecoder {
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
  /** `file.encoding_guessed` when detection guessed, as {@link decodeText} reports it. */
  readonly issues: readonly Issue[];
  /** Decodes the next bytes (the first call gets the detection sample itself). */
  write(bytes: Uint8Array): string;
  /** Flushes a trailing partial sequence. */
  end(): string;
  /** U+FFFD characters in the text so far (what `file.decoding_replaced` counts). */
  readonly replaced: number;
  /**
   * Byte offset of the first chunk in which UTF-8 that was valid in the detection sample turned
   * out invalid (-1 if none; 0 when it is in the sample's bytes past `detectBytes`). {@link decodeText} sees the whole file and would
   * have chosen Windows-1252; a stream cannot go back, so it keeps UTF-8 with replacements.
   */
  readonly lateInvalidAt: number;
}

/**
 * Detects the encoding from the first `detectBytes` of `sample` like {@link decodeText} (BOM,
 * UTF-16 by NUL pattern, strict UTF-8, Windows-1252) and returns an incremental decoder; the
 * first `write` must get `sample` itself. `complete` says the sample is the whole input; then
 * the choice is exactly {@link decodeText}'s.
 */
export function openStreamDecoder(
  sample: Uint8Array,
  complete: boolean,
  options: { encoding?: TextEncodingName; detectBytes?: number } = {},
): StreamDecoder {
  const issues: Issue[] = [];
  // Only the first detectBytes decide, however the input was chunked.
  const checked = complete ? sample.length : Math.min(sample.length, options.detectBytes ?? sample.length);
  const head = sample.subarray(0, checked);
  const bom = bomOf(head);
  let encoding: TextEncodingName;
  let strip = false;
  let validated = false; // UTF-8 chosen on a sample that is not the whole input
  if (options.encoding) {
    encoding = options.encoding;
    strip = true;
  } else if (bom) {
    encoding = bom;
    strip = true;
  } else {
    const utf16 = sniffUtf16(head);
    if (utf16) {
      encoding = utf16;
      issues.push(issue('file.encoding_guessed', { encoding, reason: 'UTF-16 byte pattern without BOM' }));
    } else {
      const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      try {
        strict.decode(head, { stream: !complete });
        encoding = 'utf-8';
        validated = !complete;
      } catch {
        encoding = 'windows-1252';
        issues.push(issue('file.encoding_guessed', { encoding, reason: 'not valid UTF-8' }));
      }
    }
  }
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  const cp1252 = encoding === 'windows-1252';
  let checking = validated;
  let replaced = 0;
  let lateInvalidAt = -1;
  let offset = 0;
  // Last two bytes seen, for a literal U+FFFD (EF BF BD) split across chunks.
  let t0 = -1;
  let t1 = -1;
  const byteAt = (bytes: Uint8Array, i: number): number => (i >= 0 ? bytes[i]! : i === -1 ? t1 : t0);
  /** Literal U+FFFD sequences whose last byte is in `bytes`. */
  const literals = (bytes: Uint8Array): number => {
    let n = 0;
    for (let i = -2; i < 0 && i + 2 < bytes.length; i++) {
      if (byteAt(bytes, i) === 0xef && byteAt(bytes, i + 1) === 0xbf && bytes[i + 2] === 0xbd) n++;
    }
    for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
      if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
    }
    return n;
  };
  /**
   * Decodes and counts replacements. While checking UTF-8 past the detection sample: the
   * decoder emits each code point with the chunk that completes it, so a chunk whose text has
   * more U+FFFD than literal EF BF BD sequences ending in it had invalid bytes.
   */
  const text = (s: string, bytes: Uint8Array | null): string => {
    if (cp1252) s = s.replace(C1, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
    if (strip && s.length > 0) {
      s = stripBom(s);
      strip = false;
    }
    if (s.indexOf('\ufffd') !== -1) {
      const n = countReplacement(s);
      replaced += n;
      if (checking && n > (bytes ? literals(bytes) : 0)) {
        lateInvalidAt = offset;
        checking = false;
      }
    }
    if (bytes && bytes.length > 0) {
      t0 = bytes.length >= 2 ? bytes[bytes.length - 2]! : t1;
      t1 = bytes[bytes.length - 1]!;
    }
    return s;
  };
  return {
    encoding,
    bom: bom !== null,
    issues,
    write(bytes) {
      const s = text(decoder.decode(bytes, { stream: true }), bytes);
      offset += bytes.length;
      return s;
    },
    end() {
      return text(decoder.decode(), null);
    },
    get replaced() {
      return replaced;
    },
    get lateInvalidAt() {
      return lateInvalidAt;
    },
  };
}
