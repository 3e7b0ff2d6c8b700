/**
 * Patterns, limits and token helpers shared by the company normalizer (company.ts) and the
 * key-only normalizer (company-key.ts): both must produce the same match key.
 */
import { compactFold } from './fold.js';

export const MAX_INPUT = 300;
// Edge junk, with a dangling "&" or "/" ("& Acme", "Acme /").
const LEAD_JUNK = /^[*#•·\-–—_=+~>|:;,.!?`&/\s]+/;
const TRAIL_JUNK = /[*#•·\-–—_=+~<|:;,!?`&/\s]+$/;
const QUOTES = '"\'«»“”„';
// A word of symbols alone at an edge ("@ Acme", "Acme ~ §"): quotes and brackets are left to their own rules.
const EDGE_SYMBOL_WORDS = /^(?:[^\p{L}\p{N}\s"'«»“”„()]+\s+)+|(?:\s+[^\p{L}\p{N}\s"'«»“”„()]+)+$/gu;
export const BASE_TRAIL = /[\s,;:!?&+/\-–—]+$/;
export const BASE_LEAD = /^[\s,;:!?&+/\-–—]+/;
const ASCII = /^[\x20-\x7e]*$/;
const NON_ALNUM_ASCII = /[^a-z0-9]/g;
export const HAS_ALNUM = /[\p{L}\p{N}]/u;
export const CONNECTORS = new Set(['', 'and', 'und', 'et', 'y', 'e', 'en', 'og', 'och', 'i']);
export const BRACKETED = /\([^()]{0,80}\)/g;
export const KEY_DROP = /['’`.]/g;
export const KEY_SPLIT = /[^\p{L}\p{N}]+/u;
export const SPELLED = new Set(['company', 'corporation', 'limited', 'incorporated', 'partnership', 'cooperative', 'trust']);

/** Removes wrapping quotes ("Acme", «Acme») and a lone unbalanced quote at either end. */
export function unwrapQuotes(s: string): string {
  let t = s;
  for (let round = 0; round < 3 && t.length > 0; round++) {
    const a = t[0]!;
    const z = t[t.length - 1]!;
    const pair = (a === '«' && z === '»') || (a === '“' && z === '”') || (a === '„' && z === '“') || (a === z && (a === '"' || a === "'"));
    // Straight quotes at both ends, even crossed (" ' Acme " '), wrap the name.
    if ((pair || ((a === '"' || a === "'") && (z === '"' || z === "'"))) && t.length >= 2) t = t.slice(1, -1).trim();
    else if (QUOTES.includes(a) && count(t, a) % 2 === 1 && a !== '«' && a !== '“' && a !== '„') t = t.slice(1).trim();
    else if (QUOTES.includes(z) && count(t, z) % 2 === 1 && z !== '»' && z !== '”') t = t.slice(0, -1).trim();
    else break;
  }
  return t;
}

/** Words of symbols alone at an edge, and a bracket there that closes or opens nothing (") Acme", "( Acme", "Acme ("). */
function stripEdgeBrackets(s: string): string {
  let t = s.replace(EDGE_SYMBOL_WORDS, '');
  // A bracket standing alone at an edge ("( Acme )") is punctuation, not a bracketed part.
  if (t.startsWith('( ')) t = t.slice(2).trim();
  if (t.endsWith(' )')) t = t.slice(0, -2).trim();
  if (t.startsWith(')') || (t.startsWith('(') && !t.includes(')'))) t = t.slice(1).trim();
  if (t.endsWith('(') || (t.endsWith(')') && !t.includes('('))) t = t.slice(0, -1).trim();
  return t;
}

/**
 * Edge junk, stray edge brackets and wrapping quotes removed to a fixed point, so that a
 * normalized name fed back comes out the same. Every round shortens the text, so at most
 * its length rounds.
 */
export function trimEdges(input: string): string {
  let s = input;
  for (;;) {
    const t = unwrapQuotes(stripEdgeBrackets(s.replace(LEAD_JUNK, '').replace(TRAIL_JUNK, '')));
    if (t === s) return s;
    s = t;
  }
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

/** Compact key of one token: lowercase, accents folded, only letters and digits. */
export function tokenKey(t: string): string {
  // "A&B" is a name, never the form "AB": an inner ampersand stays in the key, so no form matches it.
  const inner = t.length > 1 && t.includes('&') && HAS_ALNUM.test(t) ? '&' : '';
  const k = ASCII.test(t) ? t.toLowerCase().replace(NON_ALNUM_ASCII, '') : compactFold(t);
  return inner ? k + inner : k;
}
