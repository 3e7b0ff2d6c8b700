/**
 * CSV lines as UTF-8 bytes, each line ending in CRLF, encoded in pieces: no single string
 * of the whole batch is built (a string over ~128 KB is a V8 large object, a fresh memory
 * mapping each time), and the bytes can be handed to another thread without a copy. Pure;
 * needs the standard `TextEncoder` (Node, browsers, workers).
 */

/** Lines joined per encoder call: small enough that the joined piece stays a regular heap string. */
const PIECE = 128;

let encoder: TextEncoder | undefined;

/**
 * `lines` as UTF-8, every line followed by CRLF.
 *
 * @example
 * new TextDecoder().decode(encodeLines(['a,b', 'ü'])) //=> "a,b\r\nü\r\n"
 */
export function encodeLines(lines: readonly string[]): Uint8Array<ArrayBuffer> {
  encoder ??= new TextEncoder();
  let chars = 0;
  for (let i = 0; i < lines.length; i++) chars += lines[i]!.length + 2;
  // ASCII text takes one byte a character; room for some more before growing.
  let buf = new Uint8Array(chars + (chars >> 4) + 16);
  let at = 0;
  const piece: string[] = [];
  for (let i = 0; i < lines.length; i += PIECE) {
    const end = Math.min(lines.length, i + PIECE);
    piece.length = 0;
    for (let j = i; j < end; j++) piece.push(lines[j]!);
    piece.push('');
    let s = piece.join('\r\n');
    for (;;) {
      const { read, written } = encoder.encodeInto(s, buf.subarray(at));
      at += written;
      if (read === s.length) break;
      // Out of room: grow (at least enough for the rest at three bytes a code unit).
      s = s.slice(read);
      const grown = new Uint8Array(Math.max(buf.length * 2, at + s.length * 3));
      grown.set(buf.subarray(0, at));
      buf = grown;
    }
  }
  return buf.subarray(0, at);
}
