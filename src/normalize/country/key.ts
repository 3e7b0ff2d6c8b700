/**
 * Lookup keys for place names (countries, subdivisions). Shared by the runtime and the
 * dictionary scripts, so both sides key names identically.
 */

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
// Diacritics are folded only after Latin, Greek and Cyrillic letters: in Devanagari, Thaana
// or Khmer the combining marks are vowels, and stripping them creates false collisions.
const FOLDABLE_MARK = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;
const SPECIAL = /[ßæœøłđðþı&]/g;
const SPECIAL_MAP: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', '&': ' and ',
};
const DROPPED = /['’‘`´ʻʼ.·]/g;
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu;
// Function words that real files add or drop freely ("Trinidad & Tobago", "Korea, Republic of").
const STOP = new Set(['the', 'of', 'and']);
const EXPAND: ReadonlyMap<string, string> = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['mt', 'mount'],
  ['is', 'islands'],
  ['isl', 'islands'],
  ['rep', 'republic'],
  ['dem', 'democratic'],
  ['fed', 'federal'],
]);

/**
 * Lowercases, folds compatibility forms and (for Latin/Greek/Cyrillic) diacritics.
 *
 * @example
 * foldPlace('Île-de-France') //=> 'ile-de-france'
 */
export function foldPlace(input: string): string {
  let t = input.normalize('NFKC').toLowerCase();
  if (!ASCII_PRINTABLE.test(t)) {
    t = t.normalize('NFD').replace(FOLDABLE_MARK, '$1').normalize('NFC');
  }
  return t.replace(SPECIAL, (c) => SPECIAL_MAP[c] ?? c);
}

/**
 * Place-name lookup words: folded, punctuation dropped, abbreviations ("St.", "Rep.")
 * expanded, "the/of/and" removed.
 *
 * @example
 * placeWords('The Bahamas') //=> ['bahamas']
 * placeWords('St. Kitts & Nevis') //=> ['saint', 'kitts', 'nevis']
 */
export function placeWords(input: string): string[] {
  const t = foldPlace(input).replace(DROPPED, '').replace(SEPARATORS, ' ').trim();
  if (t === '') return [];
  const out: string[] = [];
  for (const w of t.split(' ')) {
    if (STOP.has(w)) continue;
    out.push(EXPAND.get(w) ?? w);
  }
  return out;
}

/**
 * Compact lookup key for a place name: {@link placeWords} joined without spaces.
 * Idempotent on its own output for Latin text.
 *
 * @example
 * placeKey('U.S.A.') //=> 'usa'
 * placeKey('Korea, Republic of') //=> 'korearepublic'
 * placeKey('St. Kitts & Nevis') //=> 'saintkittsnevis'
 */
export function placeKey(input: string): string {
  return placeWords(input).join('');
}
