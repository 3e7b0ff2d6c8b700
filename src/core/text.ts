/** Small, hot text helpers shared by every unit. Linear-time, no backtracking regexes. */

const CHAR_CODE_AT = String.prototype.charCodeAt;

/**
 * `s.charCodeAt(i)`, as fast whatever the string's representation. Cells reach the hot paths as
 * sliced, cons, one- and two-byte and internalized strings; in V8 a `s.charCodeAt(i)` site that
 * has seen more than four of these string maps becomes a generic property lookup and call per
 * character (3× slower on a mixed set, measured), while a call through the builtin itself is
 * inlined whatever the map. Use it in loops over cells.
 */
export const codeAt = (s: string, i: number): number => CHAR_CODE_AT.call(s, i);

const COMBINING = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
const NON_ALNUM_ASCII = /[^a-z0-9]+/g;
const NON_ASCII = /[^\u0000-\u007f]/;

/** Removes diacritics (é → e, ü → u) with NFD decomposition. */
export function foldDiacritics(s: string): string {
  // Plain ASCII has nothing to decompose (the common case): skip the two normalizations.
  if (!NON_ASCII.test(s)) return s;
  return s.normalize('NFD').replace(COMBINING, '').normalize('NFC');
}

/**
 * Lookup key: lowercase, diacritics folded, every run of non-letters/digits turned
 * into one space, trimmed. "Zip/Postal  Code" → "zip postal code".
 */
export function foldKey(s: string): string {
  const lower = s.toLowerCase();
  // ASCII: letters and digits are exactly [a-z0-9] once lowercased, so a plain regex does.
  if (!NON_ASCII.test(lower)) return lower.replace(NON_ALNUM_ASCII, ' ').trim();
  return foldDiacritics(lower).replace(NON_ALNUM, ' ').trim();
}

/** Same as {@link foldKey} with the spaces removed: "E-Mail-Adresse" → "emailadresse". */
export function compactKey(s: string): string {
  return foldKey(s).replace(/ /g, '');
}

const WS = /[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/**
 * Whether `s` is plain ASCII already in clean-whitespace form: no tab/newline/other ASCII
 * whitespace, single spaces only, none at either end. Other control characters are kept as
 * they are (as by the regex path).
 */
function isCleanAscii(s: string): boolean {
  const n = s.length;
  let prevSpace = true; // a space at the start is not clean
  for (let i = 0; i < n; i++) {
    const c = codeAt(s, i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else {
      if (c >= 0x80 || (c >= 9 && c <= 13)) return false;
      prevSpace = false;
    }
  }
  return !prevSpace || n === 0;
}

/** Trims and collapses all Unicode whitespace runs to one ASCII space. */
export function cleanWhitespace(s: string): string {
  if (isCleanAscii(s)) return s;
  return s.replace(WS, ' ').trim();
}

// C0/C1 controls except tab/newline/CR, plus zero-width joiners and bidi controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200c-\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_TEST = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200c-\u200f\u202a-\u202e\u2066-\u2069]/;

/** Removes control and invisible formatting characters. */
export function stripControl(s: string): string {
  return s.replace(CONTROL, '');
}

/** Whether the string contains control or invisible formatting characters. */
export function hasControl(s: string): boolean {
  return CONTROL_TEST.test(s);
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

/** Hit counts of one named memo cache (see {@link memoStats}). */
export interface MemoStat {
  readonly name: string;
  readonly hits: number;
  readonly misses: number;
  /** Entries held now (both generations). */
  readonly size: number;
}

/**
 * `s`, or a copy of it, that does not keep a larger string alive: a cell parsed out of a whole
 * file is a slice of the file's text, and a cache key holding it would retain the whole text.
 * Strings under 13 characters are never such slices in V8 (it copies them already): returned as
 * they are.
 */
export function detached(s: string): string {
  // Concatenating and slicing makes V8 copy the characters.
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

interface Counted {
  readonly name?: string | undefined;
  hits: number;
  misses: number;
  readonly size: number;
}
// Diagnostics only: counters of named caches, by name (the last cache created under a name).
const memoRegistry = new Map<string, Counted>();

/**
 * A bounded string-keyed cache with two generations: when the current generation holds `max`
 * entries it becomes the old one (the previous old one is dropped); a hit in the old generation
 * is promoted. At most `2 × max` entries; values in use stay cached across the flip.
 * Values are shared between callers: cache only immutable values (see {@link deepFreeze}).
 */
export class MemoCache<V> {
  private cur = new Map<string, V>();
  private old = new Map<string, V>();
  hits = 0;
  misses = 0;
  constructor(
    readonly max: number,
    readonly name?: string,
  ) {
    if (name !== undefined) memoRegistry.set(name, this);
  }
  get(key: string): V | undefined {
    let v = this.cur.get(key);
    if (v !== undefined) {
      this.hits++;
      return v;
    }
    v = this.old.get(key);
    if (v !== undefined) {
      this.hits++;
      this.set(key, v);
      return v;
    }
    this.misses++;
    return undefined;
  }
  set(key: string, value: V): void {
    if (this.cur.size >= this.max) {
      this.old = this.cur;
      this.cur = new Map();
    }
    this.cur.set(detached(key), value);
  }
  get size(): number {
    return this.cur.size + this.old.size;
  }
}

/**
 * A bounded cache keyed by a pair of strings (a context such as a country, and a cell value),
 * without building a combined key string: the cell string keeps the hash V8 cached in it, so
 * repeated lookups of the same cell are cheap. Holds at most `max` entries: when full it is
 * emptied. Values are shared between callers: cache only immutable values.
 */
export class PairMemoCache<V> {
  private groups = new Map<string, Map<string, V>>();
  private count = 0;
  hits = 0;
  misses = 0;
  constructor(
    readonly max: number,
    readonly name?: string,
  ) {
    if (name !== undefined) memoRegistry.set(name, this);
  }
  get(context: string, key: string): V | undefined {
    const v = this.groups.get(context)?.get(key);
    if (v === undefined) this.misses++;
    else this.hits++;
    return v;
  }
  set(context: string, key: string, value: V): void {
    if (this.count >= this.max) {
      this.groups = new Map();
      this.count = 0;
    }
    let g = this.groups.get(context);
    if (g === undefined) this.groups.set(detached(context), (g = new Map()));
    if (!g.has(key)) this.count++;
    g.set(detached(key), value);
  }
  get size(): number {
    return this.count;
  }
}

/** Hit counts of the named memo caches in this process (for benchmarks). */
export function memoStats(): MemoStat[] {
  return [...memoRegistry.values()].map((c) => ({ name: c.name!, hits: c.hits, misses: c.misses, size: c.size }));
}

/** Zeroes the counters of {@link memoStats}. */
export function resetMemoStats(): void {
  for (const c of memoRegistry.values()) c.hits = c.misses = 0;
}

/** Freezes an object and everything reachable from it (plain objects and arrays); returns it. */
export function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

/**
 * Memoizes a one-argument pure function on its string input, bounded in size.
 * The cache is per-call-site (created by the caller), never module-global state
 * visible to users. `name` lists it in {@link memoStats}.
 */
export function memoize<R>(fn: (s: string) => R, max = 50_000, name?: string): (s: string) => R {
  // Two generations of max/2: at most `max` entries, as before.
  const cache = new MemoCache<R>(Math.max(1, Math.ceil(max / 2)), name);
  return (s: string): R => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const r = fn(s);
    if (r !== undefined) cache.set(s, r);
    return r;
  };
}

/** Title-case forms of the Latin digraph letters (DŽ, LJ, NJ, DZ): their upper case is not their title case. */
const TITLE_DIGRAPHS: ReadonlyMap<string, string> = new Map([
  ['Ǆ', 'ǅ'], ['ǅ', 'ǅ'], ['ǆ', 'ǅ'], ['Ǉ', 'ǈ'], ['ǈ', 'ǈ'], ['ǉ', 'ǈ'], ['Ǌ', 'ǋ'], ['ǋ', 'ǋ'], ['ǌ', 'ǋ'], ['Ǳ', 'ǲ'], ['ǲ', 'ǲ'], ['ǳ', 'ǲ'],
]);

/**
 * The title case of one character (the first of a capitalized word): its upper case, except for
 * the digraph letters, and for letters whose upper case is longer ("ŉ" → "ʼN", "ß" → "SS"), which
 * stay as they are: the longer form would be recased differently when seen again ("ʼN" → "ʼn").
 */
export function titleChar(c: string): string {
  const d = TITLE_DIGRAPHS.get(c);
  if (d !== undefined) return d;
  const u = c.toUpperCase();
  return u.length === c.length ? u : c;
}
