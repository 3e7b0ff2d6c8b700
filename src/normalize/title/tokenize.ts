/**
 * Title tokenizer: one linear pass, no backtracking. Words are lowercased with diacritics
 * folded; separators become one-character tokens (`&` for and/und/et/y/e/+, `/`, `,`, `-`
 * for a spaced dash, `|` for every hard break: `;|()[]:•`).
 */
import { foldDiacritics } from '../../core/text.js';

export const SEP_AND = '&';
export const SEP_SLASH = '/';
export const SEP_COMMA = ',';
export const SEP_DASH = '-';
export const SEP_HARD = '|';

export interface Tokens {
  /** Word keys and separator symbols. */
  words: string[];
  /** Whether each token is a separator. */
  sep: boolean[];
  /** Whether the raw word was written in capitals (2+ letters): "IT", "AM". */
  upper: boolean[];
  /** Whether the title mixes lower and upper case (so capitals carry meaning). */
  mixedCase: boolean;
  /** The word the title was cut at ("at", "@"), if any. */
  cutAt: string | null;
  /** Words skipped after the cut (the employer): context only, never classified. */
  employer: string[];
}

const TOKEN = /([\p{L}\p{N}\p{M}]+)|(\S)/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const CONJ: ReadonlySet<string> = new Set(['and', 'und', 'et', 'y', 'e', 'en', 've', 'og', 'och', 'ja', 'oraz', 'и']);
const CUT_WORDS: ReadonlySet<string> = new Set(['at', 'bei', 'chez', 'presso']);
const HARD = new Set([';', '|', '(', ')', '[', ']', '{', '}', ':', '•', '·', '>', '<', '»', '«', '"', '“', '”', '!', '?', '¦', '►', '▪', '‣', '*']);
const DASHES = new Set(['–', '—', '―', '−']);
const HYPHENS = new Set(['-', '‐', '‑']);
const APOS = new Set(["'", '’', '`', '´', 'ʼ']);

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

const SEP_ORDER = '&/-,|';

function pushSep(words: string[], sep: boolean[], upper: boolean[], c: string): void {
  const n = words.length;
  if (n === 0) return;
  if (sep[n - 1]) {
    // keep the stronger separator: | beats , beats - beats / beats &
    if (SEP_ORDER.indexOf(c) > SEP_ORDER.indexOf(words[n - 1]!)) words[n - 1] = c;
    return;
  }
  words.push(c);
  sep.push(true);
  upper.push(false);
}

function foldWord(raw: string): string {
  const low = raw.toLowerCase();
  if (!NON_ASCII.test(low)) return low;
  return foldDiacritics(low.replace(/ß/g, 'ss'));
}

/**
 * Splits a cleaned title into tokens. `runtime` enables the cut at "at"/"@" (company names);
 * dictionary keys are tokenized without it.
 */
export function tokenize(s: string, runtime: boolean): Tokens {
  const words: string[] = [];
  const sep: boolean[] = [];
  const upper: boolean[] = [];
  let hasUpper = false;
  let hasLower = false;
  let cutAt: string | null = null;
  let joinNext: 'apos' | 'dot' | null = null;
  let hyphenNext = false;
  let skipping = false;
  const employer: string[] = [];
  let prevEnd = 0;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s)) !== null) {
    const spaced = m.index > prevEnd;
    prevEnd = m.index + m[0].length;
    const raw = m[1];
    if (raw !== undefined) {
      const key = foldWord(raw);
      // raw !== key means some capital (or a folded accent); exact checks only then
      let up = false;
      if (raw !== key) {
        const upperRaw = raw.toUpperCase();
        up = raw.length >= 2 && upperRaw === raw;
        if (!hasUpper && raw.toLowerCase() !== raw) hasUpper = true;
        if (!hasLower && upperRaw !== raw) hasLower = true;
      } else if (!hasLower) hasLower = true;
      const n = words.length;
      const prev = n > 0 && !sep[n - 1] ? words[n - 1]! : null;
      if (!spaced && joinNext === 'apos' && prev !== null) {
        // d'équipe → équipe; Int'l → intl
        if (prev.length === 1) {
          words[n - 1] = key;
          upper[n - 1] = up;
        } else {
          words[n - 1] = prev + key;
        }
        joinNext = null;
        continue;
      }
      if (!spaced && joinNext === 'dot' && prev !== null && prev.length <= 3 && key.length === 1 && /^[a-z]+$/.test(prev)) {
        // V.P. → vp, S.V.P. → svp
        words[n - 1] = prev + key;
        upper[n - 1] = upper[n - 1] || raw !== key;
        joinNext = null;
        continue;
      }
      joinNext = null;
      const hyphenated = hyphenNext && !spaced;
      hyphenNext = false;
      if (skipping) {
        if (employer.length < 12) employer.push(key);
        continue;
      }
      if (runtime && n > 0 && CUT_WORDS.has(key) && !hyphenated) {
        // "VP Sales at Acme / Board Member at Beta": skip the employer up to the next strong separator
        cutAt = key;
        skipping = true;
        continue;
      }
      const hyphenFollows = HYPHENS.has(s[prevEnd] ?? '') && !isSpace(s[prevEnd + 1]);
      if (CONJ.has(key) && !hyphenated && !hyphenFollows) {
        pushSep(words, sep, upper, SEP_AND);
        continue;
      }
      words.push(key);
      sep.push(false);
      upper.push(up);
      continue;
    }
    const c = m[2]!;
    if (skipping) {
      if (c === ',' || c === '/' || c === '\\' || DASHES.has(c) || (HYPHENS.has(c) && (spaced || isSpace(s[prevEnd]))) || (HARD.has(c) && c !== '"')) skipping = false;
      else continue;
    }
    joinNext = null;
    if (c === '.') {
      if (!spaced) joinNext = 'dot';
      continue;
    }
    if (APOS.has(c)) {
      if (!spaced && !isSpace(s[prevEnd])) joinNext = 'apos';
      continue;
    }
    if (HYPHENS.has(c)) {
      if (!spaced && !isSpace(s[prevEnd]) && prevEnd < s.length && words.length > 0 && !sep[words.length - 1]) {
        hyphenNext = true;
      } else pushSep(words, sep, upper, SEP_DASH);
      continue;
    }
    if (DASHES.has(c)) pushSep(words, sep, upper, SEP_DASH);
    else if (c === '&' || c === '+') pushSep(words, sep, upper, SEP_AND);
    else if (c === '/' || c === '\\') pushSep(words, sep, upper, SEP_SLASH);
    else if (c === ',') pushSep(words, sep, upper, SEP_COMMA);
    else if (HARD.has(c)) pushSep(words, sep, upper, SEP_HARD);
    else if (c === '@' && runtime) {
      cutAt = '@';
      skipping = true;
    }
  }
  // drop a trailing separator
  while (words.length > 0 && sep[words.length - 1]) {
    words.pop();
    sep.pop();
    upper.pop();
  }
  return { words, sep, upper, mixedCase: hasUpper && hasLower, cutAt, employer };
}
