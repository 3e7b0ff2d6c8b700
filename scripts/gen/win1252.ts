/**
 * A small Windows-1252 encoder for writing fixtures the way Excel on Windows saves "CSV" in Western Europe.
 * Latin-1 (U+0000–U+00FF) maps to itself except 0x80–0x9F, which Windows-1252 uses for typographic characters.
 */

/** Windows-1252 bytes 0x80–0x9F → Unicode code point (0 = undefined in 1252: 0x81, 0x8D, 0x8F, 0x90, 0x9D). */
const HIGH: readonly number[] = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

const REVERSE = new Map<number, number>();
HIGH.forEach((cp, i) => {
  // The five unassigned bytes decode to C1 controls in the WHATWG decoder; map them back so every byte round-trips.
  REVERSE.set(cp || 0x80 + i, 0x80 + i);
});

/**
 * Encodes text as Windows-1252. Characters outside the code page become `replacement` (Excel writes "?").
 * @example
 * encodeWindows1252('Müller – 5 €') //=> Uint8Array [0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]
 */
export function encodeWindows1252(text: string, replacement = 0x3f): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let b: number | undefined;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) b = cp;
    else b = REVERSE.get(cp);
    out[n++] = b ?? replacement;
  }
  return out.subarray(0, n);
}

/** Whether every character of `text` has a Windows-1252 byte. */
export function isWindows1252(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!(cp < 0x80 || (cp >= 0xa0 && cp <= 0xff) || REVERSE.has(cp))) return false;
  }
  return true;
}

/**
 * Encodes text as UTF-16 LE with a byte-order mark (what Excel's "Unicode Text" export writes).
 * @example
 * encodeUtf16le('A') //=> Uint8Array [0xff, 0xfe, 0x41, 0x00]
 */
export function encodeUtf16le(text: string, bom = true): Uint8Array {
  const off = bom ? 2 : 0;
  const out = new Uint8Array(off + text.length * 2);
  if (bom) {
    out[0] = 0xff;
    out[1] = 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[off + 2 * i] = u & 0xff;
    out[off + 2 * i + 1] = u >> 8;
  }
  return out;
}
