import { compactKey, foldDiacritics } from '../../core/text.js';

const ASCII = /^[\x00-\x7f]*$/;
// Letters NFD does not decompose but people type without the mark (Łódź → Lodz, Ørsted → Orsted).
const EXTRA = /[łŁøØæÆœŒßđĐðÐþÞıİ]/g;
const MAP: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ß: 'ss', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', İ: 'i',
};

/**
 * Lowercase, diacritics folded, plus ł/ø/æ/ß/đ folded to ASCII.
 *
 * @example
 * foldLetters('Łódź Ørsted') //=> 'lodz orsted'
 */
export function foldLetters(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  return foldDiacritics(s.toLowerCase()).replace(EXTRA, (c) => MAP[c] ?? c);
}

/**
 * {@link foldLetters} then only letters and digits.
 *
 * @example
 * compactFold('Sp. z o.o.') //=> 'spzoo'
 */
export function compactFold(s: string): string {
  return compactKey(s.replace(EXTRA, (c) => MAP[c] ?? c));
}
