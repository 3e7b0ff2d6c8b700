/** Small, hot text helpers shared by every unit. Linear-time, no backtracking regexes. */

const COMBINING = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;

/** Removes diacritics (é → e, ü → u) with NFD decomposition. */
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').normalize('NFC');
}

/**
 * Lookup key: lowercase, diacritics folded, every run of non-letters/digits turned
 * into one space, trimmed. "Zip/Postal  Code" → "zip postal code".
 */
export function foldKey(s: string): string {
  return foldDiacritics(s.toLowerCase()).replace(NON_ALNUM, ' ').trim();
}

/** Same as {@link foldKey} with the spaces removed: "E-Mail-Adresse" → "emailadresse". */
export function compactKey(s: string): string {
  return foldKey(s).replace(/ /g, '');
}

const WS = /[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/** Trims and collapses all Unicode whitespace runs to one ASCII space. */
export function cleanWhitespace(s: string): string {
  return s.replace(WS, ' ').trim();
}

// C0/C1 controls except tab/newline/CR, plus zero-width joiners and bidi controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200c-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes control and invisible formatting characters. */
export function stripControl(s: string): string {
  return s.replace(CONTROL, '');
}

/** Whether the string contains control or invisible formatting characters. */
export function hasControl(s: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(s);
  CONTROL.lastIndex = 0;
  return found;
}

/** Keys that must never be used as plain-object property names from input. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a key from input would be unsafe as a plain-object property. */
export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.has(key);
}

/** A plain object without a prototype: safe to index with keys from input. */
export function dict<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** Own-property lookup that ignores the prototype chain. */
export function own<V>(obj: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/**
 * Memoizes a one-argument pure function on its string input, bounded in size.
 * The cache is per-call-site (created by the caller), never module-global state
 * visible to users.
 */
export function memoize<R>(fn: (s: string) => R, max = 50_000): (s: string) => R {
  let cache = new Map<string, R>();
  return (s: string): R => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as R;
    const r = fn(s);
    if (cache.size >= max) cache = new Map();
    cache.set(s, r);
    return r;
  };
}
