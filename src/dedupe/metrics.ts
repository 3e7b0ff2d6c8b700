/**
 * String metrics and phonetic keys used by dedupe comparisons and blocking.
 * All work on UTF-16 code units of already folded strings; none throws, all are symmetric.
 */
import { codeAt } from '../core/text.js';

/** Longest input a metric looks at; longer strings are cut (keeps the quadratic metrics bounded). */
export const MAX_METRIC_LENGTH = 200;

/**
 * Jaro similarity in 0..1 (match window `max(|a|,|b|)/2 - 1`, transpositions halved).
 *
 * @example
 * jaro('martha', 'marhta') //=> 0.944…
 */
export function jaro(a: string, b: string): number {
  if (a.length > MAX_METRIC_LENGTH) a = a.slice(0, MAX_METRIC_LENGTH);
  if (b.length > MAX_METRIC_LENGTH) b = b.slice(0, MAX_METRIC_LENGTH);
  if (a === b) return a.length === 0 ? 1 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Uint8Array(la);
  const mb = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = codeAt(a, i);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] === 0 && codeAt(b, j) === c) {
        ma[i] = 1;
        mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (ma[i] === 0) continue;
    while (mb[k] === 0) k++;
    if (codeAt(a, i) !== codeAt(b, k)) t++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - t / 2) / m) / 3;
}

/**
 * Jaro-Winkler similarity in 0..1, pinned to Winkler's definition: prefix scale 0.1 over a
 * common prefix of at most 4 characters, applied only when the Jaro similarity exceeds 0.7.
 * (Implementations disagree on the 0.7 boost threshold and the prefix cap; this one is tested.)
 *
 * @example
 * jaroWinkler('martha', 'marhta') //=> 0.961…
 * jaroWinkler('dwayne', 'duane')  //=> 0.84
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  let p = 0;
  const n = Math.min(4, a.length, b.length);
  while (p < n && codeAt(a, p) === codeAt(b, p)) p++;
  return j + p * 0.1 * (1 - j);
}

/**
 * Levenshtein edit distance (insert, delete, substitute), stopping early once it exceeds `max`
 * (then returns `max + 1`).
 *
 * @example
 * levenshtein('kitten', 'sitting') //=> 3
 * levenshtein('kitten', 'sitting', 1) //=> 2
 */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a.length > MAX_METRIC_LENGTH) a = a.slice(0, MAX_METRIC_LENGTH);
  if (b.length > MAX_METRIC_LENGTH) b = b.slice(0, MAX_METRIC_LENGTH);
  if (a === b) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  if (la - lb > max) return max + 1;
  if (lb === 0) return la;
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = codeAt(a, i - 1);
    for (let j = 1; j <= lb; j++) {
      const cost = ca === codeAt(b, j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  const d = prev[lb]!;
  return d > max ? max + 1 : d;
}

/**
 * Token-set similarity: |A ∩ B| / |A ∪ B| (Jaccard), or |A ∩ B| / min(|A|, |B|) (overlap).
 *
 * @example
 * tokenSetSimilarity(['acme', 'labs'], ['acme', 'labs', 'europe']) //=> 0.666…
 */
export function tokenSetSimilarity(a: readonly string[], b: readonly string[], measure: 'jaccard' | 'overlap' = 'jaccard'): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const t of sa) if (sb.has(t)) inter++;
  if (measure === 'overlap') return inter / Math.min(sa.size, sb.size);
  return inter / (sa.size + sb.size - inter);
}

const SOUNDEX_CODES: Readonly<Record<string, string>> = {
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
};

/**
 * American Soundex of a word (letters a–z only; others ignored), or '' when it has no letter.
 *
 * @example
 * soundex('Robert') //=> 'R163'
 * soundex('Tymczak') //=> 'T522'
 */
export function soundex(word: string): string {
  const s = word.toLowerCase().replace(/[^a-z]/g, '').slice(0, MAX_METRIC_LENGTH);
  if (s === '') return '';
  let out = s[0]!.toUpperCase();
  let last = Object.prototype.hasOwnProperty.call(SOUNDEX_CODES, s[0]!) ? SOUNDEX_CODES[s[0]!]! : '';
  for (let i = 1; i < s.length && out.length < 4; i++) {
    const ch = s[i]!;
    const code = Object.prototype.hasOwnProperty.call(SOUNDEX_CODES, ch) ? SOUNDEX_CODES[ch]! : '';
    if (code !== '' && code !== last) out += code;
    // h and w do not separate equal codes; vowels do.
    if (ch !== 'h' && ch !== 'w') last = code;
  }
  return out.padEnd(4, '0');
}

/**
 * Kölner Phonetik (Cologne phonetics) of a word, for German names: "Müller", "Mueller" and
 * "Miller" all give '657'. Letters are folded (ä→a, ß→s) first; '' when nothing is left.
 *
 * @example
 * colognePhonetic('Müller-Lüdenscheidt') //=> '65752682'
 */
export function colognePhonetic(word: string): string {
  const s = word
    .toLowerCase()
    .replace(/ß/g, 's')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '')
    .slice(0, MAX_METRIC_LENGTH);
  if (s === '') return '';
  let codes = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const prev = i > 0 ? s[i - 1]! : '';
    const next = i + 1 < s.length ? s[i + 1]! : '';
    let code = '';
    switch (c) {
      case 'a': case 'e': case 'i': case 'j': case 'o': case 'u': case 'y': code = '0'; break;
      case 'h': code = ''; break;
      case 'b': code = '1'; break;
      case 'p': code = next === 'h' ? '3' : '1'; break;
      case 'd': case 't': code = 'csz'.includes(next) && next !== '' ? '8' : '2'; break;
      case 'f': case 'v': case 'w': code = '3'; break;
      case 'g': case 'k': case 'q': code = '4'; break;
      case 'c':
        if (i === 0) code = 'ahkloqrux'.includes(next) && next !== '' ? '4' : '8';
        else code = 'sz'.includes(prev) && prev !== '' ? '8' : 'ahkoqux'.includes(next) && next !== '' ? '4' : '8';
        break;
      case 'x': code = 'ckq'.includes(prev) && prev !== '' ? '8' : '48'; break;
      case 'l': code = '5'; break;
      case 'm': case 'n': code = '6'; break;
      case 'r': code = '7'; break;
      case 's': case 'z': code = '8'; break;
      default: code = '';
    }
    codes += code;
  }
  // Collapse repeats, then drop every '0' except a leading one.
  let out = '';
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) out += codes[i]!;
  if (out === '') return '';
  return out[0] + out.slice(1).replace(/0/g, '');
}
