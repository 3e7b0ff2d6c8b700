/**
 * classifyTitle: job level and function from a job title, rule-based and explained.
 * Pipeline: clean → junk/override check → tokenize → expand abbreviations and fallbacks
 * (gender endings, plurals, compounds) → longest phrase match → assistant-to cuts and
 * "Chief … Officer" spans → segments (split on & / , -) → level by precedence, function by
 * first-listed domain → special rules (GM, Managing Director, freelance, former) → confidence.
 */
import { issue, type Issue } from '../../core/codes.js';
import { LeadtidyError } from '../../core/errors.js';
import { none, type UnitResult } from '../../core/result.js';
import { cleanWhitespace, foldKey, stripControl } from '../../core/text.js';
import {
  C_ASSIST,
  C_AVP,
  C_CASE,
  C_CHIEF,
  C_CUTAFTER,
  C_FORMER,
  C_FREELANCE,
  C_GM,
  C_GRADE,
  C_HEADOF,
  C_MD,
  C_NOISE,
  C_OBJ,
  C_OFFICER,
  C_OPS,
  C_STATUS,
  C_STOP,
  compile,
  type Compiled,
  type Term,
  type TrieNode,
} from './compile.js';
import { SEP_HARD, tokenize } from './tokenize.js';
import type { ClassifyTitleOptions, LevelId, TitleDictionaries, TitleExtension, TitleRule, TitleValue } from './types.js';

/** Longest title classified; longer input is cut (an issue says so). */
export const MAX_TITLE_LENGTH = 200;

interface Item {
  term: Term | null;
  /** Matched words (joined with spaces) or the separator symbol. */
  word: string;
  sep: boolean;
  /** Extra functions from inside a "Chief … Officer" span. */
  extra?: { fn: string; sub: string | null }[];
  /** Sub-function set by the Ops-suffix rule. */
  opsSub?: string;
  absorbed?: boolean;
}

interface SegmentResult {
  level: number;
  levelTerm: Item | null;
  levelVia: 'head' | 'soft' | 'modifier' | 'none';
  levelConf: number;
  fn: string | null;
  sub: string | null;
  fs: number;
  fnItem: Item | null;
  fns: { fn: string; sub: string | null }[];
  former: boolean;
}

/** Internal analysis: the result plus words no dictionary knew (for coverage reports). */
export interface TitleAnalysis {
  readonly result: UnitResult<TitleValue>;
  readonly unknownWords: readonly string[];
}

/** A classifier bound to its dictionaries. */
export interface TitleClassifier {
  (input: string | null | undefined, options?: ClassifyTitleOptions): UnitResult<TitleValue>;
  /** Same as calling it, plus the words no dictionary knew. */
  analyze(input: string | null | undefined, options?: ClassifyTitleOptions): TitleAnalysis;
}

const ENTITY = /&(amp|quot|apos|lt|gt|nbsp|#\d{1,6}|#x[0-9a-f]{1,5});/gi;
const NAMED: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };
// "(m/w/d)", "(H/F)", "(all genders)", "(gn)": gender markers in job ads and HR exports
const GENDER = /\(\s*(?:[mwfdhxe]\s*[/|,*]\s*){1,3}[mwfdhxe]\s*\)|\(\s*(?:gn|all genders?|divers|w|m|f|h)\s*\)/gi;
// "Mitarbeiter/in", "Leiter:in", "Berater*innen", "Directeur(trice)", "Chargé(e)", "Asesor/a"
const INFLECT = /(\p{L})(?:[/:*_]in(?:nen)?(?!\p{L})|\((?:in|innen|e|trice|a|o|ice|euse|ne|ssa)\)|\/(?:a|as|o|e|ne|trice|euse|ssa)(?!\p{L}))/giu;
const EMAILISH = /\S+@\S+\.\S+/g;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, name: string) => {
    const low = name.toLowerCase();
    if (low[0] === '#') {
      const code = low[1] === 'x' ? parseInt(low.slice(2), 16) : parseInt(low.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return Object.prototype.hasOwnProperty.call(NAMED, low) ? NAMED[low]! : whole;
  });
}

const NON_ASCII = /[^\x00-\x7f]/;
const INFLECT_HINT = /[/:*_(]/;

function clean(s: string): string {
  let t = NON_ASCII.test(s) ? s.normalize('NFKC') : s;
  t = decodeEntities(t);
  if (t.indexOf('@') >= 0) t = t.replace(EMAILISH, ' ');
  if (t.indexOf('(') >= 0) t = t.replace(GENDER, ' ');
  if (INFLECT_HINT.test(t)) t = t.replace(INFLECT, '$1');
  return t;
}

function hasFn(list: readonly { fn: string }[], fn: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i]!.fn === fn) return true;
  return false;
}

function inContext(c: Compiled, name: string, titleText: string, industry: string): boolean {
  const ctx = c.contexts.get(name);
  if (!ctx) return false;
  for (const w of ctx.words) if (titleText.includes(` ${w} `)) return true;
  if (industry) for (const x of ctx.industries) if (industry.includes(x)) return true;
  return false;
}

const LETTER = /\p{L}/u;
const LEVEL_FLAGS: readonly (readonly [string, readonly string[]])[] = [
  ['managerIsIC', ['manager']],
  ['isHead', ['director', 'vp']],
  ['isGlobalHead', ['director', 'vp']],
  ['isFounder', ['owner']],
  ['cxoEquivalent', ['director']],
  ['bankingRank', ['vp']],
];
const REPEAT = /^(.)\1+$/;
const DIGITS = /^\d+$/;
const IC_STEMS = /(?:er|ent|or|eur|ant|ist|ar|at|ef|ierte|te)$/;

// Results are shared through the memo cache; their types are readonly (not frozen: freezing costs ~5%).
function resultValue(v: TitleValue): TitleValue {
  return v;
}

const ASCII_NON_ALNUM = /[^a-z0-9]+/g;

/** foldKey, with a fast path for ASCII. */
function quickFold(s: string): string {
  if (NON_ASCII.test(s)) return foldKey(s);
  return s.toLowerCase().replace(ASCII_NON_ALNUM, ' ').trim();
}

/**
 * Builds a title classifier from dictionaries, optionally extended by a pack or user.
 * Lookup structures are compiled lazily on the first call; per-title results are memoized (bounded).
 *
 * @param opts.dictionaries - the dictionaries (the root entry binds the built-in ones)
 * @param opts.extend - extra terms, exact-title overrides, own functions, function renames
 * @returns a `classifyTitle`-like function
 * @throws LeadtidyError when the dictionaries or the extension are invalid (at first use)
 * @example
 * const classify = createTitleClassifier({ dictionaries: BUILTIN_TITLE_DICTIONARIES, extend: { terms: { 'growth ninja': '@entry #!marketing.growth' } } });
 * classify('Growth Ninja').value?.function //=> 'marketing'
 */
export function createTitleClassifier(opts: {
  readonly dictionaries: TitleDictionaries;
  readonly extend?: TitleExtension;
  readonly cacheSize?: number;
}): TitleClassifier {
  let compiled: Compiled | null = null;
  const get = (): Compiled => (compiled ??= compile(opts.dictionaries, opts.extend));
  const max = opts.cacheSize ?? 50_000;
  let cache = new Map<string, TitleAnalysis>();

  const analyze = (input: string | null | undefined, options?: ClassifyTitleOptions): TitleAnalysis => {
    if (options !== undefined) checkOptions(options);
    if (typeof input !== 'string') return { result: none(), unknownWords: [] };
    const key = options === undefined ? input : `${options.industry ?? ''}\u0001${options.globalHeadAs ?? ''}\u0001${options.inferExecutiveFunction ?? ''}\u0001${options.digitalAs ?? ''}\u0001${input}`;
    if (max <= 0) return run(get(), input, options);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const r = run(get(), input, options);
    if (cache.size >= max) cache = new Map();
    cache.set(key, r);
    return r;
  };
  const classify = ((input: string | null | undefined, options?: ClassifyTitleOptions) => analyze(input, options).result) as TitleClassifier;
  classify.analyze = analyze;
  return classify;
}

function checkOptions(o: ClassifyTitleOptions): void {
  const problems: { path: string; message: string }[] = [];
  if (typeof o !== 'object' || o === null) throw new LeadtidyError('options', 'classifyTitle options must be an object');
  if (o.industry !== undefined && o.industry !== null && typeof o.industry !== 'string') problems.push({ path: 'industry', message: 'must be a string' });
  if (o.globalHeadAs !== undefined && o.globalHeadAs !== 'director' && o.globalHeadAs !== 'vp') problems.push({ path: 'globalHeadAs', message: 'must be "director" or "vp"' });
  if (o.inferExecutiveFunction !== undefined && typeof o.inferExecutiveFunction !== 'boolean') problems.push({ path: 'inferExecutiveFunction', message: 'must be a boolean' });
  if (o.digitalAs !== undefined && o.digitalAs !== 'information_technology' && o.digitalAs !== 'marketing') problems.push({ path: 'digitalAs', message: 'must be "information_technology" or "marketing"' });
  if (problems.length > 0) throw new LeadtidyError('options', 'Invalid classifyTitle options', problems);
}

/** Fallback for a word no dictionary knows: gender ending, plural, Romance -a/-e, compounds. */
function fallback(c: Compiled, w: string): readonly string[] | null {
  const cached = c.fallbackCache.get(w);
  if (cached !== undefined || c.fallbackCache.has(w)) return cached ?? null;
  const r = computeFallback(c, w, 0) ?? typo(c, w);
  if (c.fallbackCache.size > 20_000) c.fallbackCache.clear();
  c.fallbackCache.set(w, r);
  return r;
}

function known(c: Compiled, w: string): boolean {
  return c.vocab.get(w) != null;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** Greedy longest-match segmentation of a CJK run against the vocabulary ("销售总监" → 销售 + 总监). */
function segmentCjk(c: Compiled, w: string): readonly string[] | null {
  const out: string[] = [];
  for (let i = 0; i < w.length; ) {
    let found = 0;
    for (let k = Math.min(8, w.length - i); k >= 1; k--) {
      if (known(c, w.slice(i, i + k))) {
        found = k;
        break;
      }
    }
    if (found > 0) {
      out.push(w.slice(i, i + found));
      i += found;
    } else i++;
  }
  return out.length > 0 ? out : null;
}

function computeFallback(c: Compiled, w: string, depth: number): readonly string[] | null {
  const n = w.length;
  if (CJK.test(w)) return segmentCjk(c, w);
  if (n >= 4 && LETTER.test(w)) {
    if (w.endsWith('innen') && IC_STEMS.test(w.slice(0, -5)) && known(c, w.slice(0, -5))) return [w.slice(0, -5)];
    if (w.endsWith('in') && IC_STEMS.test(w.slice(0, -2)) && known(c, w.slice(0, -2))) return [w.slice(0, -2)];
    const last = w[n - 1];
    const base = w.slice(0, -1);
    if (last === 's' && known(c, base)) return [base];
    if (last === 's' && w.endsWith('es') && known(c, w.slice(0, -2))) return [w.slice(0, -2)];
    if (last === 'a') {
      if (known(c, base + 'o')) return [base + 'o'];
      if (known(c, base)) return [base];
      if (known(c, base + 'e')) return [base + 'e'];
    }
    if (last === 'e' && known(c, base)) return [base];
  }
  if (n >= 6 && depth < 2) {
    for (const h of c.compoundHeads) {
      const eq = h.indexOf('=');
      const suffix = eq < 0 ? h : h.slice(0, eq);
      if (!w.endsWith(suffix) || n < suffix.length + 3) continue;
      const head = eq < 0 ? suffix : h.slice(eq + 1);
      const prefix = w.slice(0, n - suffix.length);
      const p = prefixWord(c, prefix, depth);
      return p ? [...p, head] : [head];
    }
  }
  return null;
}

/** Whether a and b differ by at most one edit (substitution, insertion, deletion or transposition). */
function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1) return false;
  let i = 0;
  while (i < lb && a[i] === b[i]) i++;
  if (i === lb) return true;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.slice(i + 1) === b.slice(i);
}

function typo(c: Compiled, w: string): readonly string[] | null {
  if (w.length < 7 || !/^[a-z]+$/.test(w)) return null;
  for (let len = w.length - 1; len <= w.length + 1; len++) {
    for (const t of c.typoTargets.get(len) ?? []) if (withinOneEdit(w, t)) return [t];
  }
  return null;
}

function prefixWord(c: Compiled, p: string, depth: number): readonly string[] | null {
  for (const cand of [p, p.endsWith('s') ? p.slice(0, -1) : '', p.endsWith('n') ? p.slice(0, -1) : '', p.endsWith('e') ? p.slice(0, -1) : '']) {
    if (cand.length >= 2 && known(c, cand)) return [cand];
  }
  const inner = computeFallback(c, p, depth + 1);
  if (inner) return inner;
  // a known word at the end of the prefix ("gesamtvertriebs" → "vertrieb")
  for (let k = 1; k <= p.length - 4; k++) {
    const tail = p.slice(k);
    if (known(c, tail)) return [tail];
    if (tail.endsWith('s') && known(c, tail.slice(0, -1))) return [tail.slice(0, -1)];
  }
  // longest known word at the start of the prefix ("vertriebsinnendienst" → "vertrieb")
  for (let k = Math.min(p.length - 1, 16); k >= 4; k--) {
    const cand = p.slice(0, k);
    if (known(c, cand)) return [cand];
  }
  return null;
}

function caseOk(term: Term, upper: boolean, mixed: boolean): boolean {
  return (term.ctl & C_CASE) === 0 || upper || !mixed;
}

function run(c: Compiled, input: string, options: ClassifyTitleOptions | undefined): TitleAnalysis {
  const issues: Issue[] = [];
  let text = cleanWhitespace(stripControl(input));
  if (text === '') return { result: none(), unknownWords: [] };
  if (text.length > MAX_TITLE_LENGTH) {
    issues.push(issue('title.truncated', { length: text.length, max: MAX_TITLE_LENGTH }));
    text = text.slice(0, MAX_TITLE_LENGTH);
  }
  const rules: TitleRule[] = [];
  // foldKey is comparatively costly: only junk values (short) and user overrides need it
  const fold = text.length <= 40 || c.overrides.size > 0 ? quickFold(text) : '';
  // exact-title overrides from the user
  const ov = c.overrides.size > 0 ? c.overrides.get(fold) : undefined;
  if (ov) {
    rules.push({ kind: 'override', value: `${ov.level ?? '-'} ${ov.fn ?? '-'}${ov.sub ? '.' + ov.sub : ''}`, via: fold, source: 'user' });
    const value: TitleValue = {
      level: ov.level,
      function: ov.fn,
      ...(ov.sub !== null ? { subFunction: ov.sub } : {}),
      levels: ov.level ? [ov.level] : [],
      functions: ov.fn ? [ov.fn] : [],
      flags: { isOverride: true },
      matchedRules: rules,
      rank: ov.level ? c.ranks[c.levelIndex.get(ov.level) ?? 0] ?? 0 : 0,
    };
    return { result: { value: resultValue(value), confidence: 1, issues }, unknownWords: [] };
  }
  if (fold !== '' ? !LETTER.test(fold) || c.junk.has(fold) || (fold.length >= 2 && fold.length <= 12 && REPEAT.test(fold.replace(/ /g, ''))) : !LETTER.test(text)) {
    return junkResult(c, text, fold, issues);
  }
  if (URL_ONLY.test(text)) return junkResult(c, text, fold, issues);
  const cleaned = clean(text);
  const tk = tokenize(cleaned, true);
  // the title was only an e-mail address or the like
  if (tk.words.length === 0) return junkResult(c, text, fold, issues);
  if (tk.cutAt) rules.push({ kind: 'cut', value: 'employer', via: tk.cutAt, source: 'rule:at' });

  // 1. abbreviations and fallbacks
  const words: string[] = [];
  const upper: boolean[] = [];
  const sep: boolean[] = [];
  const unknown: string[] = [];
  let alt: Map<number, string> | null = null;
  const n0 = tk.words.length;
  for (let i = 0; i < n0; i++) {
    const w = tk.words[i]!;
    if (tk.sep[i]) {
      words.push(w);
      upper.push(false);
      sep.push(true);
      continue;
    }
    const ab = c.abbreviations.get(w);
    if (ab !== undefined && !(c.vocab.get(w) != null && tk.upper[i] && tk.mixedCase)) {
      let to = ab.to;
      if (ab.when) {
        const next = i + 1 < n0 && !tk.sep[i + 1] ? tk.words[i + 1]! : null;
        const prev = i > 0 && !tk.sep[i - 1] ? tk.words[i - 1]! : null;
        for (const r of ab.when) {
          if ((r.next && next !== null && r.next.includes(next)) || (r.prev && prev !== null && r.prev.includes(prev)) || (r.last === true && next === null)) {
            to = r.to;
            break;
          }
        }
      }
      if (to !== w) rules.push({ kind: 'abbreviation', value: to, via: w, source: 'abbreviations' });
      for (const x of to.split(' ')) {
        words.push(x);
        upper.push(tk.upper[i]!);
        sep.push(false);
      }
      continue;
    }
    const inVocab = c.vocab.get(w);
    if (inVocab === undefined && !DIGITS.test(w)) {
      const fb = fallback(c, w);
      if (fb) {
        for (const x of fb) {
          words.push(x);
          upper.push(false);
          sep.push(false);
        }
        continue;
      }
    }
    // a word known only inside phrases ("consultante" of "consultante sap") may still be a form of a single term
    if (inVocab === null && !DIGITS.test(w)) {
      const fb = fallback(c, w);
      if (fb && fb.length === 1) (alt ??= new Map()).set(words.length, fb[0]!);
    }
    words.push(w);
    upper.push(tk.upper[i]!);
    sep.push(false);
  }

  // 2. longest phrase match
  const items: Item[] = [];
  const n = words.length;
  for (let i = 0; i < n; ) {
    if (sep[i]) {
      items.push({ term: null, word: words[i]!, sep: true });
      i++;
      continue;
    }
    let node: TrieNode | undefined = c.root;
    let best: Term | null = null;
    let bestEnd = i;
    for (let j = i; j < n; j++) {
      node = node.next?.get(words[j]!);
      if (!node) break;
      if (node.term && caseOk(node.term, upper[i]!, tk.mixedCase) && !sep[j]) {
        best = node.term;
        bestEnd = j + 1;
      }
    }
    const altWord = alt?.get(i);
    if (!best && altWord !== undefined) {
      const t = c.root.next?.get(altWord)?.term;
      if (t && caseOk(t, upper[i]!, tk.mixedCase)) {
        best = t;
        bestEnd = i + 1;
        rules.push({ kind: 'abbreviation', value: altWord, via: words[i]!, source: 'fallback' });
        words[i] = altWord;
      }
    }
    if (best) {
      items.push({ term: best, word: bestEnd - i === 1 ? words[i]! : words.slice(i, bestEnd).join(' '), sep: false });
      i = bestEnd;
    } else {
      const w = words[i]!;
      items.push({ term: null, word: w, sep: false });
      if (!DIGITS.test(w) && LETTER.test(w)) unknown.push(w);
      i++;
    }
  }

  let titleTextCache: string | null = null;
  const textOf = (): string => (titleTextCache ??= ` ${words.join(' ')} ${tk.employer.length > 0 ? `| ${tk.employer.join(' ')} ` : ''}`);
  const industry = typeof options?.industry === 'string' ? options.industry.toLowerCase() : '';
  const flags: Record<string, true> = {};

  // 3. acronyms with several readings
  for (const it of items) {
    const a = it.term?.acronym;
    if (!a || a.readings.length < 2) continue;
    let chosen = -1;
    for (let r = 0; r < a.readings.length && chosen < 0; r++) {
      const rd = a.readings[r]!;
      for (const w of rd.context) if (textOf().includes(` ${w} `)) { chosen = r; break; }
      if (chosen < 0 && industry) for (const x of rd.industries) if (industry.includes(x)) { chosen = r; break; }
    }
    const rd = a.readings[chosen < 0 ? 0 : chosen]!;
    if (chosen < 0 && a.ambiguous) {
      flags.ambiguous = true;
      issues.push(issue('title.ambiguous', { acronym: it.word.toUpperCase(), readings: a.readings.map((x) => x.name), chosen: rd.name }));
    }
    rules.push({ kind: 'acronym', value: rd.name, via: it.word, source: chosen < 0 ? 'acronyms:default' : 'acronyms:context' });
    it.term = { ...rd.term, key: it.word, acronym: a, conf: chosen < 0 && a.ambiguous ? 0.6 : rd.term.conf };
  }

  // Chief Digital Officer: IT by default, marketing on request
  if (options?.digitalAs === 'marketing') {
    for (const it of items) {
      const t = it.term;
      if (t && t.fn === 'information_technology' && t.head >= 0 && it.word.includes('digital') || (t?.key === 'cdo' && t.fn === 'information_technology')) {
        it.term = { ...t!, fn: 'marketing', sub: 'digital_marketing' };
      }
    }
  }

  // 4. "Assistant to the CEO", "Office of the President": the object is not the person's role
  for (let k = 0; k < items.length; k++) {
    const t = items[k]!.term;
    if (!t) continue;
    const next = items[k + 1];
    const cutHere = (t.ctl & C_CUTAFTER) !== 0 || ((t.ctl & C_ASSIST) !== 0 && next?.term && (next.term.ctl & C_OBJ) !== 0);
    if (!cutHere) continue;
    let end = k + 1;
    while (end < items.length && !(items[end]!.sep && items[end]!.word === SEP_HARD)) end++;
    if (end > k + 1) {
      rules.push({ kind: 'cut', value: 'object of the role', via: items.slice(k + 1, end).map((x) => x.word).join(' '), source: 'rule:assistant-to' });
      flags.isAssistantTo = true;
      items.splice(k + 1, end - (k + 1));
    }
  }

  // 5. "Chief … Officer" spans (protects "Chief Product & Marketing Officer" from splitting)
  for (let k = 0; k < items.length; k++) {
    const t = items[k]!.term;
    if (!t || (t.ctl & C_CHIEF) === 0) continue;
    let m = k + 1;
    let found = -1;
    for (; m < items.length && m <= k + 9; m++) {
      const x = items[m]!;
      if (x.sep && x.word !== '&' && x.word !== '/') break;
      if (x.term && (x.term.ctl & C_OFFICER) !== 0) {
        found = m;
        break;
      }
    }
    if (found < 0) continue;
    const fns: { fn: string; sub: string | null; fs: number }[] = [];
    const inner: string[] = [];
    for (let q = k + 1; q < found; q++) {
      const x = items[q]!;
      if (x.sep) continue;
      inner.push(x.word);
      const cw = c.chiefWords.get(x.word);
      let fn = cw?.fn ?? x.term?.fn ?? null;
      let sub = cw ? cw.sub : x.term?.sub ?? null;
      if (x.word === 'digital' && options?.digitalAs === 'marketing') {
        fn = 'marketing';
        sub = 'digital_marketing';
      }
      if (fn && !hasFn(fns, fn)) fns.push({ fn, sub, fs: cw?.fs ?? x.term?.fs ?? 0 });
      if (x.term) for (const f of x.term.flags) flags[f] = true;
      if (cw) for (const f of cw.flags) flags[f] = true;
    }
    const first = fns.find((f) => f.fs >= 2) ?? fns[0];
    const strong = first !== undefined && first.fs >= 2;
    const via = items.slice(k, found + 1).map((x) => x.word).join(' ');
    const synthetic: Term = {
      key: via,
      source: 'rule:chief-officer',
      head: c.levelIndex.get('c_level') ?? 1,
      soft: false,
      mod: -1,
      fn: first?.fn ?? 'executive',
      sub: first?.sub ?? null,
      fs: strong ? 3 : 1,
      flags: strong ? [] : ['vanity'],
      ctl: 0,
      conf: strong ? 0.9 : 0.4,
      acronym: null,
      size: 3,
    };
    const item: Item = { term: synthetic, word: via, sep: false, extra: fns.filter((f) => f !== first) };
    items.splice(k, found - k + 1, item);
  }

  // 6. segments
  const segments: Item[][] = [];
  let cur: Item[] = [];
  for (const it of items) {
    if (it.sep) {
      if (cur.length) segments.push(cur);
      cur = [];
    } else cur.push(it);
  }
  if (cur.length) segments.push(cur);

  let contentCount = 0;
  for (const it of items) if (!it.sep && !(it.term && (it.term.ctl & C_STOP) !== 0)) contentCount++;

  const L = c.levelIndex;
  const iEntry = L.get('entry')!;
  const iSenior = L.get('senior')!;
  const iIntern = L.get('intern')!;
  const iVp = L.get('vp')!;
  const iDirector = L.get('director')!;

  const segs: SegmentResult[] = [];
  let status: Item | null = null;
  let former = false;
  let freelance = false;
  let mdConsulting = false;
  for (const seg of segments) {
    let segFormer = false;
    let hard = -1;
    let hardItem: Item | null = null;
    let hasIntern = false;
    let soft = -1;
    let softItem: Item | null = null;
    let mod = -1;
    let modItem: Item | null = null;
    let sawHead = false;
    for (let q = 0; q < seg.length; q++) {
      const it = seg[q]!;
      const t = it.term;
      if (!t) continue;
      for (const f of t.flags) flags[f] = true;
      if (t.ctl & C_FORMER) segFormer = true;
      if (t.ctl & C_STATUS) status = it;
      if (t.ctl & C_FREELANCE) freelance = true;
      let head = t.head;
      if (head >= 0 && t.ctl & C_GM && contentCount > 1) head = iVp;
      if (head >= 0 && t.ctl & C_MD) {
        const bank = inContext(c, 'banking', textOf(), industry);
        if (bank || inContext(c, 'consulting', textOf(), industry)) {
          head = iVp;
          flags.bankingRank = true;
          if (!bank) mdConsulting = true;
        }
      }
      if (t.ctl & C_AVP && inContext(c, 'banking', textOf(), industry)) flags.bankingRank = true;
      if (head >= 0 && t.ctl & C_HEADOF) {
        const prev = seg[q - 1];
        if (prev && (prev.word === 'global' || prev.word === 'worldwide' || prev.word === 'group')) {
          flags.isGlobalHead = true;
          if (options?.globalHeadAs === 'vp') head = iVp;
        }
      }
      if (head >= 0 && !t.soft) {
        if (head === iIntern) hasIntern = true;
        if (hard < 0 || head < hard) {
          hard = head;
          hardItem = it;
        }
        sawHead = true;
      } else if (head >= 0 && t.soft) {
        if (soft < 0 || head < soft) {
          soft = head;
          softItem = it;
        }
        sawHead = true;
      }
      if (t.mod >= 0 && (!(t.ctl & C_GRADE) || sawHead)) {
        if (mod < 0 || t.mod < mod) {
          mod = t.mod;
          modItem = it;
        }
      }
    }
    let level = hard;
    let levelItem = hardItem;
    let via: SegmentResult['levelVia'] = hard >= 0 ? 'head' : 'none';
    if (hasIntern && (hard === iEntry || hard === iSenior)) {
      level = iIntern;
      levelItem = seg.find((x) => x.term?.head === iIntern && !x.term.soft) ?? hardItem;
    }
    if (level < 0 && soft >= 0) {
      level = soft;
      levelItem = softItem;
      via = 'soft';
    }
    if (mod >= 0 && modItem !== levelItem && (level < 0 || level === iEntry || level === iSenior)) {
      level = mod;
      levelItem = modItem;
      via = 'modifier';
    } else if (mod >= 0 && level < 0) {
      level = mod;
      levelItem = modItem;
      via = 'modifier';
    }
    let levelConf = 0;
    if (levelItem?.term) {
      const t = levelItem.term;
      levelConf = via === 'modifier' ? (hard >= 0 || soft >= 0 ? 0.85 : 0.5) : via === 'soft' ? 0.6 : t.size >= 2 ? 0.95 : t.acronym ? 0.9 : 0.85;
      if (t.conf > 0 && via !== 'modifier') levelConf = Math.min(levelConf, t.conf);
    }

    // function: strongest term, first listed on ties; "X Ops" attaches to X
    let best: Item | null = null;
    const fns: { fn: string; sub: string | null }[] = [];
    for (let q = 0; q < seg.length; q++) {
      const it = seg[q]!;
      const t = it.term;
      if (!t || !t.fn) continue;
      if (t.ctl & C_OPS && q > 0) {
        const prev = seg[q - 1]!;
        if (prev.term?.fn && prev.term.fn !== 'operations' && prev.term.fs >= 2) {
          it.absorbed = true;
          const s = c.opsSub.get(prev.term.fn);
          if (s && !prev.term.sub) prev.opsSub = s;
          rules.push({ kind: 'function', value: `${prev.term.fn}${s ? '.' + s : ''}`, via: `${prev.word} ${it.word}`, source: 'rule:ops-suffix' });
          continue;
        }
      }
      // ties go to the first listed, except that a weak role noun beats a weak adjective ("Technical Trainer")
      if (!best || t.fs > best.term!.fs || (t.fs === 1 && best.term!.fs === 1 && t.head >= 0 && best.term!.head < 0)) best = it;
      if (!hasFn(fns, t.fn)) fns.push({ fn: t.fn, sub: t.sub });
      if (it.extra) for (const e of it.extra) if (!hasFn(fns, e.fn)) fns.push(e);
    }
    let fn: string | null = null;
    let sub: string | null = null;
    let fs = 0;
    if (best?.term) {
      fn = best.term.fn;
      sub = best.term.sub ?? best.opsSub ?? null;
      fs = best.term.fs;
      // "Senior Tax Accountant": the domain word of the same function is more specific than the role noun
      if (fs === 3 && best.term.size === 1) {
        for (const it of seg) {
          if (it === best) break;
          if (it.term && !it.absorbed && it.term.fn === fn && it.term.fs === 2 && it.term.sub) {
            sub = it.term.sub;
            break;
          }
        }
      }
      if (!sub) {
        for (const it of seg) {
          if (it.absorbed || it.term?.fn !== fn) continue;
          const s = it.term.sub ?? it.opsSub;
          if (s) {
            sub = s;
            break;
          }
        }
      }
      if (best.term.ctl & C_MD && flags.bankingRank && fs < 2) {
        fn = mdConsulting ? 'consulting' : 'finance';
        sub = mdConsulting ? 'management_consulting' : 'banking_lending';
      }
    }
    if (hardItem?.term && hardItem.term.ctl & C_GM && level === iVp && fn === 'executive') sub = 'business_unit_leadership';
    if (segFormer && level < 0 && !fn) former = true; // "President - former": the marker stands alone
    segs.push({ level, levelTerm: levelItem, levelVia: via, levelConf, fn, sub, fs, fnItem: best, fns, former: segFormer });
  }
  // "Former VP Marketing, now Consultant": the current role is the one that counts
  if (!former && segs.some((x) => x.former && (x.level >= 0 || x.fn))) {
    const current = segs.filter((x) => !x.former && (x.level >= 0 || x.fn));
    if (current.length > 0) {
      segs.splice(0, segs.length, ...current);
      flags.hasFormerRole = true;
    } else former = true;
  }

  // 7. combine segments: level by precedence, function by first-listed domain
  let level = -1;
  let levelSeg: SegmentResult | null = null;
  const levelSet = new Set<number>();
  for (const s of segs) {
    if (s.level < 0) continue;
    levelSet.add(s.level);
    if (level < 0 || s.level < level) {
      level = s.level;
      levelSeg = s;
    }
  }
  let primary: SegmentResult | null = null;
  // the role that decided the level wins when it is a domain role phrase ("VP, Secretary & General Counsel")
  if (levelSeg?.fn && levelSeg.fs >= 3 && !c.domainless.has(levelSeg.fn)) primary = levelSeg;
  if (!primary) for (const s of segs) if (s.fn && s.fs >= 2 && !c.domainless.has(s.fn)) { primary = s; break; }
  if (!primary) for (const s of segs) if (s.fn && (!primary || s.fs > primary.fs)) primary = s;
  // only domain-less functions: the role that decided the level explains it best ("Vice Chairman & CEO")
  if (primary && levelSeg?.fn && c.domainless.has(primary.fn!) && levelSeg.fs >= primary.fs) primary = levelSeg;
  let fn = primary?.fn ?? null;
  let sub = primary?.sub ?? null;
  let fnConf = primary ? (primary.fs >= 3 ? 0.95 : primary.fs === 2 ? 0.85 : 0.6) : 0;
  if (primary?.fnItem?.term?.conf) fnConf = Math.min(fnConf, primary.fnItem.term.conf + 0.1);
  const functions: string[] = [];
  if (fn) functions.push(fn);
  for (const s of segs) for (const f of s.fns) if (!functions.includes(f.fn)) functions.push(f.fn);

  if (levelSeg?.levelTerm?.term) {
    const t = levelSeg.levelTerm.term;
    rules.unshift({ kind: 'level', value: c.levels[level]!, via: levelSeg.levelTerm.word, source: levelSeg.levelVia === 'modifier' ? `${t.source}:modifier` : t.source });
  }
  if (primary?.fnItem?.term) {
    const t = primary.fnItem.term;
    rules.splice(levelSeg ? 1 : 0, 0, { kind: 'function', value: sub ? `${fn}.${sub}` : fn!, via: primary.fnItem.word, source: t.source });
  }

  // 8. special rules
  let levelConf = levelSeg?.levelConf ?? 0;
  if (freelance && level >= 0 && c.levels[level] === 'owner' && fn && !c.domainless.has(fn)) {
    level = iEntry;
    levelSet.clear();
    levelSet.add(iEntry);
    rules.push({ kind: 'level', value: 'entry', via: 'freelance + domain', source: 'rule:freelance' });
  }
  if (status?.term) {
    level = status.term.head;
    levelSet.clear();
    if (level >= 0) levelSet.add(level);
    fn = status.term.fn;
    sub = status.term.sub;
    fnConf = 0.9;
    levelConf = 0.9;
    functions.splice(0, functions.length, ...(fn ? [fn] : []));
    rules.push({ kind: 'level', value: level >= 0 ? c.levels[level]! : '-', via: status.word, source: 'rule:status' });
  }
  if (former) {
    flags.isFormer = true;
    level = L.get('unknown')!;
    levelConf = 0.8;
    rules.push({ kind: 'level', value: 'unknown', via: 'former', source: 'rule:former' });
  }
  if (!fn && level >= 0 && level <= iDirector && options?.inferExecutiveFunction !== false && !former) {
    fn = 'executive';
    const lv = c.levels[level];
    sub = lv === 'board' ? 'board_governance' : lv === 'owner' && flags.isFounder ? 'founder' : 'general_management';
    fnConf = 0.4;
    flags.functionInferred = true;
    functions.push('executive');
    rules.push({ kind: 'fallback', value: `executive.${sub}`, via: c.levels[level]!, source: 'rule:domainless-executive' });
  }
  if (level === iDirector && levelSeg?.levelTerm?.term?.key === 'director' && segs.length === 1 && contentCount === 1) flags.ambiguous = true;

  // level-specific flags only hold when that level won ("VP, Head of Sales" is not isHead)
  const finalLevel = level >= 0 ? c.levels[level]! : null;
  for (const [flag, lv] of LEVEL_FLAGS) if (flags[flag] && !lv.includes(finalLevel ?? '')) delete flags[flag];

  if (level < 0 && !fn) {
    issues.push(issue('title.unclassified', { title: text }));
    return { result: { value: null, confidence: 0, issues }, unknownWords: unknown };
  }
  const levelId = level >= 0 ? c.levels[level]! : null;
  if (!levelId || !fn) issues.push(issue('title.partial', { title: text, missing: levelId ? 'function' : 'level' }));
  let confidence = levelId && fn ? (levelConf + fnConf) / 2 : levelId ? levelConf * 0.6 : fnConf * 0.5;
  let domains = 0;
  for (const f of functions) if (!c.domainless.has(f)) domains++;
  if (domains > 1) {
    flags.multiDomain = true;
    confidence *= 0.95;
  }
  if (levelSet.size > 1) flags.multiRole = true;
  if (flags.ambiguous) confidence = Math.min(confidence, 0.6);
  // many words nobody knows: the rules saw only part of the title
  if (contentCount > 0 && unknown.length > 0) confidence *= 1 - 0.3 * Math.min(1, unknown.length / contentCount);
  const levels: LevelId[] = [];
  for (let i = 0; i < c.levels.length; i++) if (levelSet.has(i)) levels.push(c.levels[i]!);
  if (levelId && !levels.includes(levelId)) levels.unshift(levelId);
  const fm = c.functionMap;
  const mapped = fm.size === 0 ? functions : functions.map((f) => fm.get(f) ?? f);
  const value: TitleValue = {
    level: levelId,
    function: fn ? (fm.get(fn) ?? fn) : null,
    ...(fn && sub ? { subFunction: sub } : {}),
    levels,
    functions: mapped,
    flags,
    matchedRules: rules,
    rank: level >= 0 ? c.ranks[level]! : 0,
  };
  return { result: { value: resultValue(value), confidence: Math.round(confidence * 100) / 100, issues }, unknownWords: unknown };
}

function junkResult(c: Compiled, text: string, fold: string, issues: Issue[]): TitleAnalysis {
  issues.push(issue('title.junk', { title: text }));
  const value: TitleValue = {
    level: 'unknown',
    function: c.functionMap.get('other') ?? 'other',
    levels: ['unknown'],
    functions: [c.functionMap.get('other') ?? 'other'],
    flags: { isJunk: true },
    matchedRules: [{ kind: 'junk', value: 'unknown', via: fold || text, source: 'rules.junk' }],
    rank: 0,
  };
  return { result: { value: resultValue(value), confidence: 0.9, issues }, unknownWords: [] };
}
