import { cleanWhitespace, stripControl } from '../../core/text.js';
import type { CompanyDictionaries, CompanyValue } from './company.js';
import { foldLetters } from './fold.js';
import { BASE_LEAD, BASE_TRAIL, BRACKETED, CONNECTORS, HAS_ALNUM, KEY_DROP, KEY_SPLIT, MAX_INPUT, SPELLED, tokenKey, trimEdges, unwrapQuotes } from './lexical.js';

/** A company match key and its compact form. */
export interface CompanyKey {
  readonly key: string;
  readonly compactKey: string;
}

/**
 * Builds a key-only company normalizer: the match key and compact key that `normalizeCompanyName(name)`
 * gives, without the display name, legal-form details, issues or memo (for bulk callers that keep
 * their own cache, such as account matching). A name that is only legal forms takes its key from the
 * recased display name: there `full` (the full normalizer) answers.
 *
 * @example
 * const companyKey = createCompanyKeyNormalizer(COMPANY_DICTIONARIES, normalizeCompanyName);
 * companyKey('The Procter & Gamble Company') //=> { key: 'procter gamble', compactKey: 'proctergamble' }
 */
export function createCompanyKeyNormalizer(dicts: CompanyDictionaries, full: (name: string) => { readonly value: CompanyValue | null }) {
  let forms: ReadonlyMap<string, { readonly prefix?: boolean; readonly long?: boolean }> | undefined;
  let maxFormKey = 0;
  let acronyms: ReadonlySet<string> = new Set();
  let stop: ReadonlySet<string> = new Set();
  let placeholders: ReadonlySet<string> = new Set();
  // Every suffix and prefix of a form key: the form searches grow a run of words and stop as soon as it
  // can no longer become a form (the full normalizer grows it to the longest form length).
  let suffixes: ReadonlySet<string> = new Set();
  let prefixes: ReadonlySet<string> = new Set();
  function tables(): ReadonlyMap<string, { readonly prefix?: boolean; readonly long?: boolean }> {
    if (forms) return forms;
    const f = new Map<string, { readonly prefix?: boolean; readonly long?: boolean }>();
    const suf = new Set<string>(['']);
    const pre = new Set<string>(['']);
    for (const k of Object.keys(dicts.legalForms)) {
      f.set(k, dicts.legalForms[k]!);
      if (k.length > maxFormKey) maxFormKey = k.length;
      for (let i = 0; i < k.length; i++) {
        suf.add(k.slice(i));
        pre.add(k.slice(0, i + 1));
      }
    }
    suffixes = suf;
    prefixes = pre;
    acronyms = new Set(dicts.acronyms.map((a) => a.toLowerCase()));
    stop = new Set(dicts.keyStopwords);
    placeholders = new Set(dicts.placeholders);
    return (forms = f);
  }

  function fromFull(input: string): CompanyKey | null {
    const v = full(input).value;
    return v ? { key: v.key, compactKey: v.compactKey } : null;
  }

  return function companyKey(input: string): CompanyKey | null {
    if (typeof input !== 'string') return null;
    const F = tables();
    let s = cleanWhitespace(stripControl(input.length > MAX_INPUT * 2 ? input.slice(0, MAX_INPUT * 2) : input)).normalize('NFC');
    s = trimEdges(s);
    if (s.length > MAX_INPUT) s = s.slice(0, MAX_INPUT).trim();
    if (s.length === 0) return null;
    if (placeholders.has(s.toLowerCase()) || !HAS_ALNUM.test(s)) return null;

    const tokens = s.split(' ');
    const keys = tokens.map(tokenKey);
    const n = tokens.length;
    // Only where the legal forms end and start matters for the key (not which forms they are).
    let end = n;
    while (end > 0 && keys[end - 1] === '') end--;
    if (end > 1 && tokens[end - 1]!.endsWith(')')) {
      for (let i = end - 1; i >= Math.max(1, end - 4); i--) {
        if (tokens[i]!.startsWith('(')) {
          let partOfForm = false;
          for (let j = Math.max(0, i - 2); j <= i; j++) if (F.has(keys.slice(j, end).join(''))) partOfForm = true;
          if (!partOfForm) end = i;
          break;
        }
      }
    }
    for (;;) {
      let acc = '';
      let best = -1;
      let gap = false;
      for (let i = end - 1; i >= 0; i--) {
        acc = keys[i]! + acc;
        if (acc.length > maxFormKey || !suffixes.has(acc)) break;
        if (keys[i] === '') gap = true;
        else if (F.has(acc) && (!gap || acc.length >= 4)) best = i;
      }
      if (best === 0 && end === 1 && acronyms.has(tokens[0]!.toLowerCase())) break;
      if (best < 0) break;
      end = best;
      while (end > 0 && CONNECTORS.has(keys[end - 1]!)) end--;
    }
    let start = 0;
    if (end > 1) {
      let acc = '';
      let best = -1;
      for (let j = 0; j < end - 1; j++) {
        acc += keys[j]!;
        if (acc.length > maxFormKey || !prefixes.has(acc)) break;
        const e = keys[j] !== '' ? F.get(acc) : undefined;
        if (e?.prefix || e?.long) {
          const left = end - (j + 1);
          if (left >= 2 || (left >= 1 && acc !== 'pt' && acc !== 'cv')) best = j;
        }
      }
      if (best >= 0) {
        start = best + 1;
        while (start < end && CONNECTORS.has(keys[start]!)) start++;
      }
    }
    // Only legal forms, or nothing left between them: the key comes from the (recased) display name.
    if (start >= end) return fromFull(input);
    const keyBase = unwrapQuotes(tokens.slice(start, end).filter((t) => t !== '').join(' ').replace(BASE_TRAIL, '').replace(BASE_LEAD, ''));
    if (keyBase === '') return fromFull(input);

    let keySource = keyBase;
    for (let i = start + 1; i < end; i++) {
      const k = keys[i]!;
      if (k.length >= 2 && !SPELLED.has(k) && F.has(k) && !F.get(k)!.long) {
        const head = tokens.slice(start, i).join(' ');
        if (foldLetters(head).split(KEY_SPLIT).some((p) => p !== '' && !stop.has(p))) keySource = head;
        break;
      }
    }
    const unbracketed = keySource.includes('(') ? keySource.replace(BRACKETED, ' ') : keySource;
    if (HAS_ALNUM.test(unbracketed)) keySource = unbracketed;
    const parts = foldLetters(keySource).replace(KEY_DROP, '').split(KEY_SPLIT).filter((p) => p !== '');
    const kept = parts.filter((p) => !stop.has(p));
    const keyParts = kept.length > 0 ? kept : parts;
    const key = keyParts.join(' ');
    if (key === '') return null;
    return { key, compactKey: keyParts.join('') };
  };
}
