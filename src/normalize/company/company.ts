import { issue, type Issue } from '../../core/codes.js';
import { LeadtidyError } from '../../core/errors.js';
import { none, ok, type UnitResult } from '../../core/result.js';
import { cleanWhitespace, memoize, stripControl, titleChar } from '../../core/text.js';
import { foldLetters } from './fold.js';
import { BASE_LEAD, BASE_TRAIL, BRACKETED, CONNECTORS, HAS_ALNUM, KEY_DROP, KEY_SPLIT, MAX_INPUT, SPELLED, tokenKey, trimEdges, unwrapQuotes } from './lexical.js';

/** One legal form, keyed in {@link CompanyDictionaries.legalForms} by its compact key ("gmbh", "spzoo"). */
export interface LegalFormEntry {
  /** Display spelling: "GmbH", "Sp. z o.o.", "Inc.". */
  readonly form: string;
  /** ISO 3166-1 alpha-2 countries where GLEIF lists the form. */
  readonly countries?: readonly string[];
  /** A spelled-out form ("Gesellschaft mit beschränkter Haftung"). */
  readonly long?: boolean;
  /** The form is also written before the name ("OOO Romashka", "PT Astra", "Oy Hello"). */
  readonly prefix?: boolean;
}

/** Data the company unit needs; the root entry binds the built-in dictionaries. */
export interface CompanyDictionaries {
  readonly legalForms: Readonly<Record<string, LegalFormEntry>>;
  /** Acronyms kept in their spelling when an ALL-CAPS name is recased (IBM, AT&T, PwC). */
  readonly acronyms: readonly string[];
  /** Words dropped from the match key (the, and, &, und, et, of…). */
  readonly keyStopwords: readonly string[];
  /** Words written lower case inside a recased name (of, and, de…). */
  readonly lowerWords: readonly string[];
  /** Values that mean "no company" (n/a, none, test). */
  readonly placeholders: readonly string[];
  /** Values that are not a company (self-employed, student, retired). */
  readonly notCompanies: readonly string[];
}

/** Options of {@link normalizeCompanyName}. */
export interface CompanyOptions {
  /** Recase names written ALL CAPS or all lower case (default true). Mixed case is never touched. */
  readonly recase?: boolean;
  /**
   * Also drop legal forms found between name words from `base` ("Hello Oy World" → "Hello World"),
   * like cleanco's `middle=True`. Default false: a form inside a name is usually part of it.
   */
  readonly stripMiddle?: boolean;
}

/** A normalized company name. */
export interface CompanyValue {
  /** Cleaned display name, legal form kept: "Akzo Nobel N.V.". */
  readonly name: string;
  /** The legal form found at the end (or start) of the name, in display spelling: "N.V.". */
  readonly legalForm?: string;
  /** Countries where that legal form exists (GLEIF), e.g. ["BE","NL"]. */
  readonly legalFormCountries?: readonly string[];
  /** Every legal form found, outermost first ("GmbH & Co. KG" → one; "Oy … Ab" → two). */
  readonly legalForms: readonly string[];
  /** The name without its legal forms ("Akzo Nobel"); empty when the name is only a legal form. */
  readonly base: string;
  /**
   * Match key: lowercase, accents folded, legal forms, punctuation and common words (the, and, &, und, et)
   * removed. Never empty for a name with a letter or digit ("AB" → "ab").
   */
  readonly key: string;
  /** The key without spaces ("gist brocades" and "gistbrocades" meet): a blocking key for dedupe. */
  readonly compactKey: string;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const VOWEL = /[aeiouyäöüåéèêáàíóúæø]/i;
// Plain words that are legal forms only at the end of a name.
const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$/i;

interface Tables {
  readonly forms: ReadonlyMap<string, LegalFormEntry>;
  readonly maxFormKey: number;
  readonly acronyms: ReadonlyMap<string, string>;
  readonly stop: ReadonlySet<string>;
  readonly lower: ReadonlySet<string>;
  readonly placeholders: ReadonlySet<string>;
  readonly notCompanies: ReadonlySet<string>;
}

function build(d: CompanyDictionaries): Tables {
  const forms = new Map<string, LegalFormEntry>();
  let maxFormKey = 0;
  for (const k of Object.keys(d.legalForms)) {
    forms.set(k, d.legalForms[k]!);
    if (k.length > maxFormKey) maxFormKey = k.length;
  }
  return {
    forms,
    maxFormKey,
    acronyms: new Map(d.acronyms.map((a) => [a.toLowerCase(), a])),
    stop: new Set(d.keyStopwords),
    lower: new Set(d.lowerWords),
    placeholders: new Set(d.placeholders),
    notCompanies: new Set(d.notCompanies),
  };
}




function capitalize(w: string): string {
  if (w.length === 0) return w;
  return titleChar(w[0]!) + w.slice(1).toLowerCase();
}

/** Title-cases one ALL-CAPS/all-lower word, keeping acronyms, Mc-names and apostrophes sensible. */
function recaseWord(T: Tables, w: string, first: boolean): string {
  const lw = w.toLowerCase();
  const acr = T.acronyms.get(lw);
  if (acr !== undefined) return acr;
  if (!first && T.lower.has(lw)) return lw;
  const letters = lw.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return w;
  if (ROMAN.test(lw) && !first) return w.toUpperCase();
  // Dotted initials (U.S., A.B.C.) and vowel-less or two-letter words are acronyms.
  if (/^(?:\p{L}\.)+\p{L}?\.?$/u.test(w) || !VOWEL.test(letters) || letters.length <= 2) return w.toUpperCase();
  return lw.replace(/[\p{L}\p{N}]+/gu, (part, offset: number) => {
    const prev = offset > 0 ? lw[offset - 1] : '';
    if ((prev === "'" || prev === '’') && part.length === 1) return part; // McDonald's
    if (part.startsWith('mc') && part.length > 3) return 'Mc' + capitalize(part.slice(2));
    return capitalize(part);
  });
}

/**
 * Builds a company-name normalizer over the given dictionaries (tables built on first call,
 * results memoized per distinct input).
 *
 * @example
 * const normalizeCompanyName = createCompanyNormalizer(myDictionaries);
 * normalizeCompanyName('* AKZO NOBEL N.V.').value
 * //=> { name: 'Akzo Nobel N.V.', legalForm: 'N.V.', base: 'Akzo Nobel', key: 'akzo nobel', … }
 */
export function createCompanyNormalizer(dicts: CompanyDictionaries) {
  let T: Tables | undefined;
  const tables = (): Tables => (T ??= build(dicts));

  function run(input: string, recase: boolean, stripMiddle: boolean): UnitResult<CompanyValue> {
    const Tb = tables();
    let s = cleanWhitespace(stripControl(input.length > MAX_INPUT * 2 ? input.slice(0, MAX_INPUT * 2) : input)).normalize('NFC');
    s = trimEdges(s);
    if (s.length > MAX_INPUT) s = s.slice(0, MAX_INPUT).trim();
    if (s.length === 0) return none();
    const issues: Issue[] = [];
    let confidence = 1;
    const folded = s.toLowerCase();
    if (Tb.placeholders.has(folded) || !HAS_ALNUM.test(s)) return none([issue('company.junk', { reason: `placeholder "${s}"` })]);
    if (Tb.notCompanies.has(folded)) {
      issues.push(issue('company.junk', { reason: `"${s}" is not a company` }));
      confidence = 0.3;
    }

    const tokens = s.split(' ');
    const keys = tokens.map(tokenKey);
    const n = tokens.length;
    // Each detected form: [start, end) token span and its entry.
    const spans: Array<{ start: number; end: number; entry: LegalFormEntry }> = [];

    // Suffixes, repeatedly ("Ltd. & Co.", "GmbH & Co. KG", "Oy Ab"), longest match first.
    let end = n;
    while (end > 0 && keys[end - 1] === '') end--;
    // A trailing bracket qualifier ("Acme Ltd (UK)", "Acme GmbH (Germany)") is set aside while the legal
    // form before it is found, and kept in the base name.
    let qualifier = n;
    if (end > 1 && tokens[end - 1]!.endsWith(')')) {
      for (let i = end - 1; i >= Math.max(1, end - 4); i--) {
        if (tokens[i]!.startsWith('(')) {
          // Not when the bracket is part of a form: "UG (haftungsbeschränkt)", "Acme (Pty) Ltd".
          let partOfForm = false;
          for (let j = Math.max(0, i - 2); j <= i; j++) if (Tb.forms.has(keys.slice(j, end).join(''))) partOfForm = true;
          if (!partOfForm) {
            qualifier = i;
            end = i;
          }
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
        if (acc.length > Tb.maxFormKey) break;
        if (keys[i] === '') gap = true;
        // Across a bare "&" only a long form matches ("GmbH & Co. KG"), never "A & B" → "AB".
        else if (Tb.forms.has(acc) && (!gap || acc.length >= 4)) best = i;
      }
      // A lone well-known acronym is a name, not a legal form ("SAP", "SAP SE").
      if (best === 0 && end === 1 && Tb.acronyms.has(tokens[0]!.toLowerCase())) break;
      if (best < 0) break;
      const accKey = keys.slice(best, end).join('');
      spans.push({ start: best, end, entry: Tb.forms.get(accKey)! });
      end = best;
      while (end > 0 && CONNECTORS.has(keys[end - 1]!)) end--;
    }
    // One prefix form ("OOO Romashka", "N.V. Philips", "Oy Hello World").
    let start = 0;
    if (end > 1) {
      let acc = '';
      let best = -1;
      for (let j = 0; j < end - 1; j++) {
        acc += keys[j]!;
        if (acc.length > Tb.maxFormKey) break;
        const e = keys[j] !== '' ? Tb.forms.get(acc) : undefined;
        if (e?.prefix || e?.long) {
          const left = end - (j + 1);
          if (left >= 2 || (left >= 1 && acc !== 'pt' && acc !== 'cv')) best = j;
        }
      }
      if (best >= 0) {
        spans.push({ start: 0, end: best + 1, entry: Tb.forms.get(keys.slice(0, best + 1).join(''))! });
        start = best + 1;
        while (start < end && CONNECTORS.has(keys[start]!)) start++;
      }
    }

    // Display name: recase ALL-CAPS / all-lower input; legal forms take their display spelling.
    let name = s;
    const doRecase = recase && (!UPPER.test(s) || !LOWER.test(s));
    // Display tokens aligned with `tokens`: a legal form's display spelling sits at its first token.
    let display: string[] = tokens;
    if (doRecase) {
      display = new Array<string>(n).fill('');
      let i = 0;
      let first = true;
      while (i < n) {
        const span = spans.find((sp) => sp.start === i);
        if (span) {
          const tail = tokens[span.end - 1]!.match(/[,;:]+$/)?.[0] ?? '';
          display[i] = span.entry.form + tail;
          i = span.end;
        } else {
          display[i] = recaseWord(Tb, tokens[i]!, first).normalize('NFC');
          i++;
        }
        first = false;
      }
      name = display.filter((t) => t !== '').join(' ').normalize('NFC');
      // A result still without both cases (caseless scripts, acronyms) would be recased again: keep the input.
      if (name !== s && (!UPPER.test(name) || !LOWER.test(name))) {
        name = s;
        display = tokens;
      }
      if (name !== s) issues.push(issue('company.recased', { original: s }));
    }

    const onlyForms = start >= end;
    let base = '';
    let keyBase = '';
    if (!onlyForms) {
      let kept = display.slice(start, end);
      if (stripMiddle) {
        // Longest legal-form run strictly inside the base, repeatedly.
        const k = keys.slice(start, end);
        const keep = kept.map(() => true);
        for (let i = 1; i < k.length - 1; i++) {
          let acc = '';
          let best = -1;
          for (let j = i; j < k.length - 1; j++) {
            acc += k[j]!;
            if (acc.length > Tb.maxFormKey) break;
            if (k[j] !== '' && Tb.forms.has(acc) && acc.length >= 2) best = j;
          }
          if (best >= 0) {
            for (let j = i; j <= best; j++) keep[j] = false;
            i = best;
          }
        }
        kept = kept.filter((_, i) => keep[i]);
      }
      const tail = qualifier < n ? ' ' + display.slice(qualifier).filter((t) => t !== '').join(' ') : '';
      keyBase = unwrapQuotes(kept.filter((t) => t !== '').join(' ').replace(BASE_TRAIL, '').replace(BASE_LEAD, ''));
      base = keyBase + tail;
    }
    if (onlyForms && spans.length > 0) {
      issues.push(issue('company.only_legal_form', { original: s }));
      confidence = Math.min(confidence, 0.3);
    }

    // Match key from the base (or the whole name when it is only legal forms). A legal-form
    // abbreviation inside the base ends the key: "Akzo Nobel NV Arnhem", "Acme GmbH (Zweigniederlassung)".
    let keySource = onlyForms || keyBase === '' ? name : keyBase;
    if (!onlyForms) {
      for (let i = start + 1; i < end; i++) {
        const k = keys[i]!;
        if (k.length >= 2 && !SPELLED.has(k) && Tb.forms.has(k) && !Tb.forms.get(k)!.long) {
          const head = tokens.slice(start, i).join(' ');
          if (foldLetters(head).split(KEY_SPLIT).some((p) => p !== '' && !Tb.stop.has(p))) keySource = head;
          break;
        }
      }
    }
    // Bracketed qualifiers ("(Deutschland)", "(UK)", "(formerly Foo)") are not part of the key.
    const unbracketed = keySource.includes('(') ? keySource.replace(BRACKETED, ' ') : keySource;
    if (HAS_ALNUM.test(unbracketed)) keySource = unbracketed;
    const parts = foldLetters(keySource).replace(KEY_DROP, '').split(KEY_SPLIT).filter((p) => p !== '');
    const kept = parts.filter((p) => !Tb.stop.has(p));
    const keyParts = kept.length > 0 ? kept : parts;
    const key = keyParts.join(' ');
    if (key === '') return none([issue('company.junk', { reason: `no letters or digits in "${s}"` })]);

    spans.sort((a, b) => b.end - a.end);
    const outer = spans.find((sp) => sp.start > 0) ?? spans[0];
    const value: CompanyValue = {
      name,
      ...(outer ? { legalForm: outer.entry.form } : {}),
      ...(outer?.entry.countries ? { legalFormCountries: outer.entry.countries } : {}),
      legalForms: spans.map((sp) => sp.entry.form),
      base,
      key,
      compactKey: keyParts.join(''),
    };
    return ok(value, confidence, issues);
  }

  const memoRecase = memoize((s: string) => run(s, true, false), 20_000, 'company (recase)');
  const memoKeep = memoize((s: string) => run(s, false, false), 20_000, 'company (keep case)');

  return function normalizeCompanyName(input: string | null | undefined, options: CompanyOptions = {}): UnitResult<CompanyValue> {
    if (typeof options !== 'object' || options === null) throw new LeadtidyError('options', 'normalizeCompanyName: options must be an object');
    if (typeof input !== 'string') return none();
    if (options.stripMiddle) return run(input, options.recase ?? true, true);
    return (options.recase ?? true) ? memoRecase(input) : memoKeep(input);
  };
}
