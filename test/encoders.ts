/** Byte encoders for parser tests: UTF-16 LE/BE and Windows-1252 (TextEncoder only does UTF-8). */

export function utf16le(s: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let o = 0;
  if (bom) (out[0] = 0xff), (out[1] = 0xfe), (o = 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[o++] = c & 0xff;
    out[o++] = c >> 8;
  }
  return out;
}

export function utf16be(s: string): Uint8Array {
  const le = utf16le(s, false);
  const out = new Uint8Array(2 + le.length);
  out[0] = 0xfe;
  out[1] = 0xff;
  for (let i = 0; i < le.length; i += 2) (out[2 + i] = le[i + 1]!), (out[3 + i] = le[i]!);
  return out;
}

const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/** Windows-1252 encoder for tests: Latin-1 plus the 0x80–0x9F table. */
export function cp1252(s: string): Uint8Array {
  return Uint8Array.from([...s].map((ch) => (C1.includes(ch) ? 0x80 + C1.indexOf(ch) : ch.charCodeAt(0))));
}
