import { oneEditApart, osaDistance } from '../../normalize/email/domain.js';

const CAMEL = /[\p{Ll}\p{N}](?=\p{Lu})/gu;
const CAMEL_ANY = /[\p{Ll}\p{N}]\p{Lu}/u;
const DIGITS = /^\d+$/;
const LETTERS_ONLY = /[^\p{L}\p{N}]+/u;

/**
 * Word parts of CamelCase tokens in a display name, lower case ("ChevronTexaco" → ["chevron", "texaco"]).
 * Only parts of 3+ characters; none for ALL-CAPS or plain words.
 *
 * @example
 * camelParts('ChevronTexaco Corp') //=> ['chevron', 'texaco']
 */
export function camelParts(name: string): string[] {
  const out: string[] = [];
  // Most names have no lower-to-upper step at all: one test, no split.
  if (!CAMEL_ANY.test(name)) return out;
  for (const word of name.split(LETTERS_ONLY)) {
    if (word.length < 6) continue;
    CAMEL.lastIndex = 0;
    if (!CAMEL.test(word)) continue;
    const parts = word.replace(CAMEL, '$& ').toLowerCase().split(' ');
    if (parts.length > 1 && parts.every((p) => p.length >= 3)) out.push(...parts);
  }
  return out;
}

/**
 * Initials of a match key of 3+ words, none of them a number ("international business machines" → "ibm");
 * empty when the key cannot have an acronym.
 *
 * @example
 * acronymOf(['international', 'business', 'machines']) //=> 'ibm'
 */
export function acronymOf(tokens: readonly string[]): string {
  if (tokens.length < 3 || tokens.length > 8) return '';
  let a = '';
  for (const t of tokens) {
    if (DIGITS.test(t)) return '';
    a += t[0];
  }
  return a;
}

/** Edits allowed between two tokens for a fuzzy token match, by the shorter length. */
export function allowedEdits(len: number): number {
  return len >= 9 ? 2 : len >= 5 ? 1 : 0;
}

/**
 * Whether two different tokens are a likely misspelling of each other: same first letter, within
 * one edit (two from nine letters on), never numbers.
 *
 * @example
 * fuzzyTokenMatch('europa', 'europe') //=> true
 * fuzzyTokenMatch('stripe', 'strix')  //=> false
 */
export function fuzzyTokenMatch(a: string, b: string): boolean {
  const max = allowedEdits(Math.min(a.length, b.length));
  if (max === 0 || a[0] !== b[0] || Math.abs(a.length - b.length) > max) return false;
  if (DIGITS.test(a) || DIGITS.test(b)) return false;
  if (oneEditApart(a, b)) return true;
  return max >= 2 && osaDistance(a, b, max) <= max;
}

/**
 * The 1-deletion variants of a token (for a SymSpell-style fuzzy index).
 *
 * @example
 * deletes1('acme') //=> ['cme', 'ame', 'ace', 'acm']
 */
export function deletes1(t: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) out.push(t.slice(0, i) + t.slice(i + 1));
  return out;
}
