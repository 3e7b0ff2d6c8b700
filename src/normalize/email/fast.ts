/**
 * Allocation-free helpers for the email normalizer's common case (a plain, well-formed address).
 * Each is equal to the regex or string operation named in its comment (fast.test.ts checks it).
 */
import { codeAt } from '../../core/text.js';

const COMPACT = /[^a-z0-9]/g;

/** {@link simpleAt}: plain ASCII that `SIMPLE` does not match (take the general path). */
export const NOT_SIMPLE = -1;
/** {@link simpleAt}: the input has non-ASCII characters (test `SIMPLE` on it lowercased). */
export const NON_ASCII_SEEN = -2;

/**
 * For plain ASCII input: the index of its "@" when `SIMPLE` (email.ts) matches it lowercased, else
 * {@link NOT_SIMPLE}. {@link NON_ASCII_SEEN} when it holds other characters (some lowercase to
 * ASCII: test the regex then). One pass, no allocation.
 */
export function simpleAt(s: string): number {
  const n = s.length;
  let at = -1;
  for (let i = 0; i < n; i++) {
    const c = codeAt(s, i);
    if (c >= 128) return NON_ASCII_SEEN;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45) continue;
    if (c === 64 && at < 0) at = i;
    else if (at >= 0 || (c !== 95 && c !== 37 && c !== 43)) {
      // Another "@", or a character neither part allows: still scan for non-ASCII.
      for (let j = i + 1; j < n; j++) if (codeAt(s, j) >= 128) return NON_ASCII_SEEN;
      return NOT_SIMPLE;
    }
  }
  return at >= 1 && at <= 64 && n - at - 1 >= 1 && n - at - 1 <= 253 ? at : NOT_SIMPLE;
}

/** `s.toLowerCase()`, without allocating when `s` is ASCII without capitals. */
export function lowerFast(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = codeAt(s, i);
    if (c >= 128 || (c >= 65 && c <= 90)) return s.toLowerCase();
  }
  return s;
}

/** `s.replace(COMPACT, '')`, without allocating when there is nothing to remove. */
export function compactAlnum(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = codeAt(s, i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return s.replace(COMPACT, '');
  }
  return s;
}

/** Length and first UTF-16 unit of a string, as one number (a set-membership prefilter). */
export function shapeOf(s: string): number {
  return s.length === 0 ? 0 : s.length * 65536 + codeAt(s, 0);
}

/** `box === sld(domain)` without slicing. */
export function isSld(box: string, domain: string): boolean {
  const dot = domain.indexOf('.');
  return dot < 0 ? box === domain : dot === box.length && domain.startsWith(box);
}

/** `/^(.)\1+$/.test(s)` for a string of letters and digits (no line terminators). */
export function oneCharRepeated(s: string): boolean {
  if (s.length < 2) return false;
  const c = codeAt(s, 0);
  for (let i = 1; i < s.length; i++) if (codeAt(s, i) !== c) return false;
  return true;
}

