/**
 * Compiles title dictionaries (JSON data) into lookup structures: a phrase trie over
 * tokens, the vocabulary for fallbacks (gender endings, plurals, compounds) and the
 * abbreviation and acronym tables. Runs once per classifier, lazily on first call.
 */
import { LeadtidyError, type Problem } from '../../core/errors.js';
import { foldKey } from '../../core/text.js';
import { tokenize } from './tokenize.js';
import type { AbbreviationRule, LevelId, TitleDictionaries, TitleExtension } from './types.js';

// Control bits: behaviour of a term beyond level and function.
export const C_NOISE = 1;
export const C_STOP = 2;
export const C_ASSIST = 4;
export const C_OBJ = 8;
export const C_CUTAFTER = 16;
export const C_OPS = 32;
export const C_GM = 64;
export const C_MD = 128;
export const C_GRADE = 256;
export const C_STATUS = 512;
export const C_FORMER = 1024;
export const C_CHIEF = 2048;
export const C_OFFICER = 4096;
export const C_FREELANCE = 8192;
export const C_AVP = 16384;
export const C_CASE = 32768;
export const C_HEADOF = 65536;

const CONTROLS: Readonly<Record<string, number>> = {
  noise: C_NOISE,
  stop: C_STOP,
  assist: C_ASSIST,
  obj: C_OBJ,
  cutafter: C_CUTAFTER,
  ops: C_OPS,
  gm: C_GM,
  md: C_MD,
  grade: C_GRADE,
  status: C_STATUS,
  former: C_FORMER,
  chief: C_CHIEF,
  officer: C_OFFICER,
  freelance: C_FREELANCE,
  avp: C_AVP,
  case: C_CASE,
  headof: C_HEADOF,
};

/** A compiled dictionary term. */
export interface Term {
  readonly key: string;
  readonly source: string;
  /** Head level (index into precedence, 0 = highest), or -1. */
  readonly head: number;
  /** The head level only counts when no other term of the segment has a head. */
  readonly soft: boolean;
  /** Modifier level applied to individual-contributor heads (senior, junior, grades), or -1. */
  readonly mod: number;
  readonly fn: string | null;
  readonly sub: string | null;
  /** Function strength: 3 role phrase, 2 domain word, 1 weak (generic noun). */
  readonly fs: number;
  readonly flags: readonly string[];
  readonly ctl: number;
  /** Confidence cap (0 = default). */
  readonly conf: number;
  readonly acronym: CompiledAcronym | null;
  /** Number of word tokens in the key. */
  readonly size: number;
}

export interface CompiledAcronym {
  readonly readings: readonly { readonly name: string; readonly term: Term; readonly context: readonly string[]; readonly industries: readonly string[] }[];
  readonly ambiguous: boolean;
}

export interface TrieNode {
  term?: Term;
  next?: Map<string, TrieNode>;
}

export interface Compiled {
  readonly levels: readonly LevelId[];
  readonly ranks: readonly number[];
  readonly levelIndex: ReadonlyMap<string, number>;
  readonly functions: ReadonlyMap<string, ReadonlySet<string>>;
  readonly domainless: ReadonlySet<string>;
  readonly opsSub: ReadonlyMap<string, string>;
  readonly root: TrieNode;
  /** Words that occur in some term (for fallbacks): word → single-word term, or null. */
  readonly vocab: ReadonlyMap<string, Term | null>;
  readonly abbreviations: ReadonlyMap<string, AbbreviationRule>;
  readonly chiefWords: ReadonlyMap<string, Term>;
  readonly compoundHeads: readonly string[];
  readonly junk: ReadonlySet<string>;
  readonly contexts: ReadonlyMap<string, { readonly words: ReadonlySet<string>; readonly industries: readonly string[] }>;
  readonly overrides: ReadonlyMap<string, { level: LevelId | null; fn: string | null; sub: string | null }>;
  readonly functionMap: ReadonlyMap<string, string>;
  /** Long single words with a level or a function, by length: targets for typo correction. */
  readonly typoTargets: ReadonlyMap<number, readonly string[]>;
  /** Per-word fallback cache (bounded). */
  readonly fallbackCache: Map<string, readonly string[] | null>;
}

interface Ctx {
  readonly levelIndex: ReadonlyMap<string, number>;
  readonly functions: ReadonlyMap<string, ReadonlySet<string>>;
  readonly problems: Problem[];
}

const FLAG_NAME = /^[a-z][A-Za-z0-9]*$/;

/** Parses one rule string such as `"@manager #!sales.account_management managerIsIC"`. */
export function parseRule(key: string, rule: string, source: string, path: string, ctx: Ctx, size = 1): Term | null {
  let head = -1;
  let soft = false;
  let mod = -1;
  let fn: string | null = null;
  let sub: string | null = null;
  let fs = 0;
  let ctl = 0;
  let conf = 0;
  const flags: string[] = [];
  const bad = (message: string): null => {
    ctx.problems.push({ path, message });
    return null;
  };
  if (typeof rule !== 'string') return bad('rule must be a string');
  for (const item of rule.split(/\s+/)) {
    if (item === '') continue;
    const c = item[0];
    if (c === '@' || c === '^') {
      const optional = item.endsWith('?');
      const id = item.slice(1, optional ? -1 : undefined);
      const idx = ctx.levelIndex.get(id);
      if (idx === undefined) return bad(`unknown level "${id}"`);
      if (c === '@') {
        head = idx;
        soft = optional;
      } else mod = idx;
    } else if (c === '#') {
      let rest = item.slice(1);
      fs = 2;
      if (rest[0] === '!') {
        fs = 3;
        rest = rest.slice(1);
      } else if (rest[0] === '?') {
        fs = 1;
        rest = rest.slice(1);
      }
      const dot = rest.indexOf('.');
      fn = dot < 0 ? rest : rest.slice(0, dot);
      sub = dot < 0 ? null : rest.slice(dot + 1);
      const subs = ctx.functions.get(fn);
      if (!subs) return bad(`unknown function "${fn}"`);
      if (sub !== null && !subs.has(sub)) return bad(`unknown sub-function "${sub}" of "${fn}"`);
    } else if (item.startsWith('c=')) {
      conf = Number(item.slice(2));
      if (!(conf > 0 && conf <= 1)) return bad(`confidence must be in (0, 1]: "${item}"`);
    } else {
      const bit = CONTROLS[item];
      if (bit !== undefined && Object.prototype.hasOwnProperty.call(CONTROLS, item)) ctl |= bit;
      else if (FLAG_NAME.test(item)) flags.push(item);
      else return bad(`cannot read "${item}"`);
    }
  }
  return { key, source, head, soft, mod, fn, sub, fs, flags, ctl, conf, acronym: null, size };
}

/** Tokenizes a dictionary key the way titles are tokenized, with abbreviations expanded. */
function keyTokens(key: string, abbreviations: ReadonlyMap<string, AbbreviationRule>): string[] {
  const t = tokenize(key, false);
  const out: string[] = [];
  for (const w of t.words) {
    const a = abbreviations.get(w);
    if (a) for (const x of a.to.split(' ')) out.push(x);
    else out.push(w);
  }
  return out;
}

const GERMAN_VARIANTS: readonly [RegExp, string][] = [
  [/ä/g, 'ae'],
  [/ö/g, 'oe'],
  [/ü/g, 'ue'],
];

function keyVariants(key: string): string[] {
  const low = key.toLowerCase();
  if (!/[äöü]/.test(low)) return [key];
  let alt = low;
  for (const [re, to] of GERMAN_VARIANTS) alt = alt.replace(re, to);
  return [key, alt];
}

/** Compiles dictionaries plus an optional extension; throws LeadtidyError on bad data. */
export function compile(d: TitleDictionaries, ext: TitleExtension | undefined, sourceName = 'dictionaries'): Compiled {
  const problems: Problem[] = [];
  const levels = d.taxonomy.precedence as readonly LevelId[];
  const levelIndex = new Map<string, number>();
  levels.forEach((l, i) => levelIndex.set(l, i));
  const ranks = levels.map((l) => d.taxonomy.levels[l] ?? 0);
  const functions = new Map<string, Set<string>>();
  for (const [id, f] of Object.entries(d.taxonomy.functions)) functions.set(id, new Set(f.sub));
  if (ext?.functions) {
    for (const [id, f] of Object.entries(ext.functions)) {
      if (!FLAG_NAME.test(id.replace(/_/g, 'x'))) problems.push({ path: `extend.functions.${id}`, message: 'function ids are lowercase words with _' });
      const set = functions.get(id) ?? new Set<string>();
      for (const s of f.sub ?? []) set.add(s);
      functions.set(id, set);
    }
  }
  const ctx: Ctx = { levelIndex, functions, problems };

  const abbreviations = new Map<string, AbbreviationRule>();
  for (const [k, v] of Object.entries(d.abbreviations.abbreviations)) abbreviations.set(foldKey(k), typeof v === 'string' ? { to: v } : v);
  if (ext?.abbreviations) for (const [k, v] of Object.entries(ext.abbreviations)) {
    if (typeof v !== 'string') problems.push({ path: `extend.abbreviations.${k}`, message: 'must be a string' });
    else abbreviations.set(foldKey(k), { to: foldKey(v) });
  }

  const root: TrieNode = {};
  const vocab = new Map<string, Term | null>();
  const insert = (key: string, term: Term, replace: boolean): void => {
    for (const variant of keyVariants(key)) {
      const toks = keyTokens(variant, abbreviations);
      if (toks.length === 0) continue;
      let node = root;
      for (const w of toks) {
        if (!vocab.has(w)) vocab.set(w, null);
        let next = node.next;
        if (!next) next = node.next = new Map();
        let child = next.get(w);
        if (!child) next.set(w, (child = {}));
        node = child;
      }
      if (node.term && !replace) continue;
      const sized: Term = { ...term, size: toks.filter((w) => w.length > 1 || /\p{L}/u.test(w)).length };
      node.term = sized;
      if (toks.length === 1) vocab.set(toks[0]!, sized);
    }
  };

  const compoundHeads = new Set<string>();
  for (const file of d.terms) {
    const src = file.language ?? 'terms';
    for (const [key, rule] of Object.entries(file.terms)) {
      const t = parseRule(key, rule, src, `${src}.terms["${key}"]`, ctx);
      if (t) insert(key, t, true);
    }
    for (const h of file.compoundHeads ?? []) compoundHeads.add(h.split('=').map((x) => foldKey(x).replace(/ /g, '')).join('='));
  }

  // acronyms: the bare acronym, plus each reading's spelled-out name
  for (const [acr, spec] of Object.entries(d.acronyms.acronyms)) {
    const readings: { name: string; term: Term; context: string[]; industries: string[] }[] = [];
    spec.readings.forEach((r, i) => {
      const t = parseRule(foldKey(r.name), r.term, 'acronyms', `acronyms.${acr}.readings[${i}]`, ctx);
      if (!t) return;
      readings.push({ name: r.name, term: t, context: (r.context ?? []).map(foldKey), industries: (r.industries ?? []).map((x) => x.toLowerCase()) });
      insert(r.name, { ...t, key: foldKey(r.name) }, false);
    });
    const first = readings[0];
    if (!first) continue;
    const term: Term = {
      ...first.term,
      key: foldKey(acr),
      ctl: first.term.ctl | (spec.case ? C_CASE : 0),
      acronym: { readings, ambiguous: spec.ambiguous === true },
    };
    insert(acr, term, true);
  }
  const chiefWords = new Map<string, Term>();
  for (const [k, rule] of Object.entries(d.acronyms.chiefWords)) {
    const t = parseRule(foldKey(k), rule, 'chief', `acronyms.chiefWords["${k}"]`, ctx);
    if (t) chiefWords.set(keyTokens(k, abbreviations).join(' '), t);
  }

  if (ext?.terms) {
    for (const [key, rule] of Object.entries(ext.terms)) {
      const t = parseRule(foldKey(key), rule, 'user', `extend.terms["${key}"]`, ctx);
      if (t) insert(key, t, true);
    }
  }

  const junk = new Set<string>();
  for (const j of d.rules.junk) junk.add(foldKey(j) || j.trim());
  for (const j of ext?.junk ?? []) junk.add(foldKey(j) || j.trim());

  const contexts = new Map<string, { words: Set<string>; industries: string[] }>();
  for (const [name, c] of Object.entries(d.rules.contexts)) {
    contexts.set(name, { words: new Set(c.words.map((w) => keyTokens(w, abbreviations).join(' '))), industries: c.industries.map((x) => x.toLowerCase()) });
  }

  const overrides = new Map<string, { level: LevelId | null; fn: string | null; sub: string | null }>();
  for (const [title, o] of Object.entries(ext?.overrides ?? {})) {
    const path = `extend.overrides["${title}"]`;
    const level = o.level ?? null;
    const fn = o.function ?? null;
    const sub = o.subFunction ?? null;
    if (level !== null && !levelIndex.has(level)) problems.push({ path, message: `unknown level "${String(level)}"` });
    if (fn !== null && !functions.has(fn)) problems.push({ path, message: `unknown function "${fn}"` });
    if (fn !== null && sub !== null && !functions.get(fn)?.has(sub)) problems.push({ path, message: `unknown sub-function "${sub}" of "${fn}"` });
    overrides.set(foldKey(title), { level, fn, sub });
  }

  const functionMap = new Map<string, string>();
  for (const [from, to] of Object.entries(ext?.functionMap ?? {})) {
    if (!functions.has(from)) problems.push({ path: `extend.functionMap.${from}`, message: `unknown function "${from}"` });
    if (typeof to !== 'string' || to === '') problems.push({ path: `extend.functionMap.${from}`, message: 'must be a non-empty string' });
    else functionMap.set(from, to);
  }

  if (problems.length > 0) {
    throw new LeadtidyError(ext ? 'options' : 'pack', `Invalid title ${ext ? 'extension' : sourceName}: ${problems.length} problem(s)`, problems);
  }
  const typoTargets = new Map<number, string[]>();
  for (const [w, t] of vocab) {
    if (!t || w.length < 6 || (t.head < 0 && t.fs < 2) || !/^[a-z]+$/.test(w)) continue;
    let list = typoTargets.get(w.length);
    if (!list) typoTargets.set(w.length, (list = []));
    list.push(w);
  }
  return {
    levels,
    ranks,
    typoTargets,
    levelIndex,
    functions,
    domainless: new Set(d.taxonomy.domainless),
    opsSub: new Map(Object.entries(d.taxonomy.opsSubFunction)),
    root,
    vocab,
    abbreviations,
    chiefWords,
    compoundHeads: [...compoundHeads].sort((a, b) => b.length - a.length),
    junk,
    contexts,
    overrides,
    functionMap,
    fallbackCache: new Map(),
  };
}
