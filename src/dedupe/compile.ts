/**
 * Compiles a `dedupe` section into fast record featurizers, comparison functions and blocking
 * key makers. Nothing here knows lead fields: everything comes from the section.
 */
import { LeadtidyError, type Problem } from '../core/errors.js';
import { foldKey, memoize, own } from '../core/text.js';
import { colognePhonetic, jaroWinkler, levenshtein, soundex, tokenSetSimilarity } from './metrics.js';
import {
  DedupeFieldSchema,
  DedupeSectionSchema,
  type BlockKey,
  type DedupeFieldSpec,
  type DedupeSection,
  type FieldType,
  type Level,
} from './schema.js';

/** Lookups the featurizers need; the root entry binds the built-in ones. */
export interface DedupeDependencies {
  /** Company match key ("The Procter and Gamble Company" → "procter gamble"), or null. */
  readonly companyKey: (name: string) => string | null;
  /** Canonical given-name keys ("Bob" → ["bob", "robert", …]). */
  readonly nicknameKeys: (first: string) => readonly string[];
  /** Email match key (lowercase, +tag dropped, gmail dots removed), or null. */
  readonly emailKey: (email: string) => string | null;
  /** Registrable domain of an email address or bare domain, or null. */
  readonly emailDomain: (emailOrDomain: string) => string | null;
  /** Registrable domain of a URL or host, or null. */
  readonly websiteDomain: (url: string) => string | null;
  /** Free-mail domains (gmail.com, web.de, …). */
  readonly freeDomains: ReadonlySet<string>;
  /** Role mailbox local parts (info, sales, …). */
  readonly rolePrefixes: ReadonlySet<string>;
}

/** One field's value of one record, keyed for comparison. */
export interface Feature {
  /** Primary keyed value. */
  readonly v: string;
  /** All keyed values when the field reads several record fields (phone + mobile), else null. */
  readonly multi: readonly string[] | null;
  /** Nickname keys (givenName), else null. */
  readonly nick: readonly string[] | null;
  /** Phonetic key ('' when not needed or none). */
  readonly ph: string;
  /** Number (date: days since 1970-01-01), NaN when none. */
  readonly num: number;
}

export interface CompiledField {
  readonly name: string;
  readonly spec: DedupeFieldSpec;
  readonly from: readonly string[];
  readonly featurize: (record: Readonly<Record<string, unknown>>) => Feature | null;
}

export interface CompiledLevel {
  readonly index: number;
  readonly kind: Level['kind'];
  readonly label: string;
  readonly weight: number;
  readonly level: Level;
}

export interface CompiledComparison {
  readonly id: string;
  readonly field: number;
  readonly levels: readonly CompiledLevel[];
  /** Level index for two records' features (`all` gives access to other fields for crossExact). */
  readonly evaluate: (a: Feature | null, b: Feature | null, fa: readonly (Feature | null)[], fb: readonly (Feature | null)[]) => number;
}

export interface CompiledBlockingRule {
  readonly id: string;
  /** Blocking keys of a record (several when a part has several values), empty when a part is missing. */
  readonly keys: (features: readonly (Feature | null)[]) => readonly string[];
  /** The same keys without allocating for the common cases: undefined (none), a string (one) or a list. */
  readonly keysOf: (features: readonly (Feature | null)[]) => string | readonly string[] | undefined;
}

export interface CompiledSection {
  readonly section: DedupeSection;
  readonly fields: readonly CompiledField[];
  readonly fieldIndex: ReadonlyMap<string, number>;
  readonly comparisons: readonly CompiledComparison[];
  readonly blocking: readonly CompiledBlockingRule[];
  readonly priorWeight: number;
  readonly nonDuplicates: readonly { id: string; comparison: number; levels: ReadonlySet<number>; then: 'distinct' | 'review' }[];
  /** Features of every declared field for one record. */
  readonly featurize: (record: Readonly<Record<string, unknown>>) => (Feature | null)[];
}

const MAX_VALUE = 500;

function readText(record: Readonly<Record<string, unknown>>, field: string): string | null {
  const v = own(record as Record<string, unknown>, field);
  if (v === null || v === undefined) return null;
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
  if (s === null) return null;
  const t = s.length > MAX_VALUE ? s.slice(0, MAX_VALUE).trim() : s.trim();
  return t === '' ? null : t;
}

/** Days since 1970-01-01 of "YYYY-MM-DD…", "YYYYMMDD" or "YYYY/MM/DD"; NaN otherwise. */
export function dayNumber(s: string): number {
  const m = /^(\d{4})-?\/?(\d{2})-?\/?(\d{2})/.exec(s);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return NaN;
  return Math.floor(Date.UTC(y, mo - 1, d) / 86_400_000);
}

function makeKeyer(type: FieldType, spec: DedupeFieldSpec, deps: DedupeDependencies): (s: string) => string | null {
  const missing = new Set(spec.missing);
  const wrap = (f: (s: string) => string | null) => (s: string) => {
    const k = f(s);
    return k === null || k === '' || missing.has(k) ? null : k;
  };
  switch (type) {
    case 'text':
    case 'givenName':
    case 'name':
      return wrap(memoize((s) => foldKey(s)));
    case 'code':
      return wrap((s) => s.replace(/\s+/g, ' ').toUpperCase());
    case 'email':
      return wrap((s) => {
        const k = deps.emailKey(s);
        if (k === null) return null;
        const at = k.lastIndexOf('@');
        if (spec.ignoreRole && deps.rolePrefixes.has(k.slice(0, at))) return null;
        if (spec.ignoreFree && deps.freeDomains.has(k.slice(at + 1))) return null;
        return k;
      });
    case 'emailDomain': {
      const dom = memoize((d: string) => deps.emailDomain(d));
      return wrap((s) => {
        const at = s.lastIndexOf('@');
        if (at < 0) return null;
        const d = s.slice(at + 1).toLowerCase();
        if (spec.ignoreFree && deps.freeDomains.has(d)) return null;
        if (spec.ignoreRole && deps.rolePrefixes.has(s.slice(0, at).toLowerCase())) return null;
        const r = dom(d);
        return r !== null && spec.ignoreFree && deps.freeDomains.has(r) ? null : r;
      });
    }
    case 'company':
      {
      // Keys ignore case, so variants in another case share one memo entry.
      const key = memoize((s) => deps.companyKey(s), 500_000);
      return wrap((s) => key(s.toLowerCase()));
    }
    case 'phone':
      return wrap((s) => {
        // Extension: ";ext=12", "x12", "ext. 12"; kept apart so a switchboard's people stay distinct.
        const cut = s.search(/;ext=|\s*(?:x|ext\.?|extension|durchwahl|dw)\s*\.?\s*\d/i);
        const digits = (cut >= 0 ? s.slice(0, cut) : s).replace(/\D/g, '');
        if (digits.length < 6) return null;
        const ext = cut >= 0 ? s.slice(cut).replace(/\D/g, '') : '';
        // The last digits identify a number whatever the country code or trunk prefix ("+44 117…" = "0117…").
        const tail = digits.length > spec.tailDigits ? digits.slice(-spec.tailDigits) : digits;
        return ext ? `${tail}x${ext}` : tail;
      });
    case 'domain':
      return wrap(memoize((s) => deps.websiteDomain(s)));
    case 'date':
      return wrap((s) => {
        const n = dayNumber(s);
        return Number.isNaN(n) ? null : s.replace(/\D/g, '').slice(0, 8);
      });
    case 'number':
      return wrap((s) => {
        const n = Number(s.replace(/[\s,]/g, ''));
        return Number.isFinite(n) ? String(n) : null;
      });
  }
}

function compileField(name: string, spec: DedupeFieldSpec, deps: DedupeDependencies, needPhonetic: boolean, needNick: boolean): CompiledField {
  const from = spec.from === undefined ? [name] : typeof spec.from === 'string' ? [spec.from] : spec.from;
  const key = makeKeyer(spec.type, spec, deps);
  const phon = memoize(spec.phonetic === 'cologne' ? colognePhonetic : soundex);
  const nick = memoize((s: string) => deps.nicknameKeys(s));
  const type = spec.type;
  const make = (v: string, multi: string[] | null): Feature => ({
    v,
    multi,
    nick: needNick ? nick(v) : null,
    ph: needPhonetic ? phon(v.replace(/ /g, '')) : '',
    num: type === 'date' ? dayNumber(v) : type === 'number' ? Number(v) : NaN,
  });
  const featurize =
    from.length === 1
      ? (record: Readonly<Record<string, unknown>>): Feature | null => {
          const t = readText(record, from[0]!);
          if (t === null) return null;
          const v = key(t);
          return v === null ? null : make(v, null);
        }
      : (record: Readonly<Record<string, unknown>>): Feature | null => {
          let vals: string[] | null = null;
          for (const f of from) {
            const t = readText(record, f);
            if (t === null) continue;
            const v = key(t);
            if (v === null) continue;
            if (vals === null) vals = [v];
            else if (!vals.includes(v)) vals.push(v);
          }
          return vals === null ? null : make(vals[0]!, vals.length > 1 ? vals : null);
        };
  return { name, spec, from, featurize };
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

function valuesOf(f: Feature): readonly string[] {
  return f.multi ?? [f.v];
}

function levelWeight(l: Level): number {
  if (l.weight !== undefined) return l.weight;
  if (l.m !== undefined && l.u !== undefined) return Math.log2(l.m / l.u);
  return 0;
}

function compileComparison(
  id: string,
  field: number,
  levels: readonly Level[],
  fieldIndex: ReadonlyMap<string, number>,
  path: string,
  problems: Problem[],
): CompiledComparison {
  const compiled: CompiledLevel[] = levels.map((level, index) => ({
    index,
    kind: level.kind,
    label: level.label ?? level.kind,
    weight: levelWeight(level),
    level,
  }));
  type Test = (a: Feature, b: Feature, fa: readonly (Feature | null)[], fb: readonly (Feature | null)[], memo: { jw: number; tok: number }) => boolean;
  const tests: Test[] = [];
  let nullIndex = -1;
  levels.forEach((l, i) => {
    switch (l.kind) {
      case 'null':
        nullIndex = i;
        tests.push(() => false);
        break;
      case 'exact':
        tests.push((a, b) => a.v === b.v || ((a.multi !== null || b.multi !== null) && intersects(valuesOf(a), valuesOf(b))));
        break;
      case 'nickname':
        tests.push((a, b) => a.v === b.v || (a.nick !== null && b.nick !== null && intersects(a.nick, b.nick)));
        break;
      case 'jaroWinkler': {
        const min = l.min;
        tests.push((a, b, _fa, _fb, memo) => {
          if (Number.isNaN(memo.jw)) memo.jw = jaroWinkler(a.v, b.v);
          return memo.jw >= min;
        });
        break;
      }
      case 'levenshtein': {
        const max = l.max;
        tests.push((a, b) => levenshtein(a.v, b.v, max) <= max);
        break;
      }
      case 'phonetic':
        tests.push((a, b) => a.ph !== '' && a.ph === b.ph);
        break;
      case 'initial':
        tests.push((a, b) => a.v[0] === b.v[0] && (a.v.length === 1 || b.v.length === 1));
        break;
      case 'tokenSet': {
        const { min, measure } = l;
        tests.push((a, b, _fa, _fb, memo) => {
          if (Number.isNaN(memo.tok)) memo.tok = tokenSetSimilarity(a.v.split(' '), b.v.split(' '), measure);
          return memo.tok >= min;
        });
        break;
      }
      case 'numeric': {
        const { maxDiff, maxRatio } = l;
        tests.push((a, b) => {
          if (Number.isNaN(a.num) || Number.isNaN(b.num)) return false;
          const d = Math.abs(a.num - b.num);
          if (maxDiff !== undefined && d <= maxDiff) return true;
          const m = Math.max(Math.abs(a.num), Math.abs(b.num));
          return maxRatio !== undefined && (m === 0 ? d === 0 : d / m <= maxRatio);
        });
        break;
      }
      case 'date': {
        const maxDays = l.maxDays;
        tests.push((a, b) => !Number.isNaN(a.num) && !Number.isNaN(b.num) && Math.abs(a.num - b.num) <= maxDays);
        break;
      }
      case 'crossExact': {
        const other = fieldIndex.get(l.field);
        if (other === undefined) {
          problems.push({ path: `${path}.levels[${i}].field`, message: `unknown field "${l.field}"` });
          tests.push(() => false);
          break;
        }
        tests.push((a, b, fa, fb) => {
          const ob = fb[other];
          const oa = fa[other];
          return (ob != null && ob.v === a.v) || (oa != null && oa.v === b.v);
        });
        break;
      }
      case 'else':
        tests.push(() => true);
        break;
    }
  });
  const n = tests.length;
  const evaluate = (a: Feature | null, b: Feature | null, fa: readonly (Feature | null)[], fb: readonly (Feature | null)[]): number => {
    if (a === null || b === null) return nullIndex >= 0 ? nullIndex : n - 1;
    const memo = { jw: NaN, tok: NaN };
    for (let i = 0; i < n; i++) if (i !== nullIndex && tests[i]!(a, b, fa, fb, memo)) return i;
    return n - 1;
  };
  return { id, field, levels: compiled, evaluate };
}

type PartValue = string | readonly string[] | undefined;

function blockPart(k: BlockKey, fieldIndex: ReadonlyMap<string, number>, path: string, problems: Problem[]): (fs: readonly (Feature | null)[]) => PartValue {
  const spec = typeof k === 'string' ? { field: k, key: 'value' as const, length: undefined } : k;
  const fi = fieldIndex.get(spec.field);
  if (fi === undefined) {
    problems.push({ path, message: `unknown field "${spec.field}" (declare it in dedupe.fields or compare it)` });
    return () => undefined;
  }
  switch (spec.key) {
    case 'value':
      return (fs) => {
        const f = fs[fi];
        return f ? (f.multi ?? f.v) : undefined;
      };
    case 'phonetic':
      return (fs) => {
        const f = fs[fi];
        return f && f.ph !== '' ? f.ph : undefined;
      };
    case 'initial':
      return (fs) => fs[fi]?.v[0];
    case 'prefix': {
      const len = spec.length ?? 3;
      return (fs) => fs[fi]?.v.slice(0, len);
    }
    case 'nickname':
      return (fs) => {
        const f = fs[fi];
        return f ? (f.nick !== null && f.nick.length > 0 ? f.nick : f.v) : undefined;
      };
    case 'year':
      return (fs) => fs[fi]?.v.slice(0, 4);
  }
}

const compiledCache = new WeakMap<DedupeDependencies, WeakMap<object, CompiledSection>>();

/** Reads the field names a section needs phonetic or nickname keys for. */
function needs(section: DedupeSection): { phonetic: Set<string>; nick: Set<string> } {
  const phonetic = new Set<string>();
  const nick = new Set<string>();
  for (const c of section.comparisons) {
    for (const l of c.levels) {
      if (l.kind === 'phonetic') phonetic.add(c.field);
      if (l.kind === 'nickname') nick.add(c.field);
    }
  }
  for (const r of section.blocking) {
    const parts = Array.isArray(r) ? r : r.on;
    for (const p of parts) {
      if (typeof p === 'string') continue;
      if (p.key === 'phonetic') phonetic.add(p.field);
      if (p.key === 'nickname') nick.add(p.field);
    }
  }
  return { phonetic, nick };
}

/** Validates a `dedupe` section (throws `LeadtidyError` listing zod's problems with their paths). */
export function parseDedupeSection(input: unknown): DedupeSection {
  const r = DedupeSectionSchema.safeParse(input);
  if (!r.success) {
    throw new LeadtidyError(
      'pack',
      'Invalid dedupe section.',
      r.error.issues.map((i) => ({ path: ['dedupe', ...i.path].map(String).join('.'), message: i.message })),
    );
  }
  return r.data;
}

/**
 * Compiles a (validated or raw) `dedupe` section with the given dependencies; cached per section object.
 */
export function compileSection(input: unknown, deps: DedupeDependencies): CompiledSection {
  let cache = compiledCache.get(deps);
  if (!cache) compiledCache.set(deps, (cache = new WeakMap()));
  if (typeof input === 'object' && input !== null) {
    const hit = cache.get(input);
    if (hit) return hit;
  }
  const section = parseDedupeSection(input);
  const problems: Problem[] = [];
  const { phonetic, nick } = needs(section);
  // Declared fields, then any compared/blocked field not declared (read as text).
  const specs = new Map<string, DedupeFieldSpec>();
  for (const [name, spec] of Object.entries(section.fields)) specs.set(name, spec);
  const defaultSpec = (): DedupeFieldSpec => DedupeFieldSchema.parse({});
  for (const c of section.comparisons) if (!specs.has(c.field)) specs.set(c.field, defaultSpec());
  for (const r of section.blocking)
    for (const p of Array.isArray(r) ? r : r.on) {
      const f = typeof p === 'string' ? p : p.field;
      if (!specs.has(f)) specs.set(f, defaultSpec());
    }
  const fields: CompiledField[] = [];
  const fieldIndex = new Map<string, number>();
  for (const [name, spec] of specs) {
    fieldIndex.set(name, fields.length);
    fields.push(compileField(name, spec, deps, phonetic.has(name), nick.has(name) || spec.type === 'givenName'));
  }
  const comparisons = section.comparisons.map((c, i) =>
    compileComparison(c.id ?? c.field, fieldIndex.get(c.field)!, c.levels, fieldIndex, `dedupe.comparisons[${i}]`, problems),
  );
  const ids = new Set<string>();
  comparisons.forEach((c, i) => {
    if (ids.has(c.id)) problems.push({ path: `dedupe.comparisons[${i}].id`, message: `duplicate comparison id "${c.id}"` });
    ids.add(c.id);
  });
  const blocking: CompiledBlockingRule[] = section.blocking.map((r, i) => {
    const parts = Array.isArray(r) ? r : r.on;
    const id = (!Array.isArray(r) && r.id) || parts.map((p) => (typeof p === 'string' ? p : p.key === 'value' ? p.field : `${p.key}(${p.field})`)).join('+');
    const makers = parts.map((p, j) => blockPart(p, fieldIndex, `dedupe.blocking[${i}][${j}]`, problems));
    const keysOf = (fs: readonly (Feature | null)[]): string | readonly string[] | undefined => {
      let one: string | undefined;
      let many: string[] | undefined;
      for (let p = 0; p < makers.length; p++) {
        const vals = makers[p]!(fs);
        if (vals === undefined || (typeof vals !== 'string' && vals.length === 0)) return undefined;
        if (typeof vals === 'string' && many === undefined) {
          one = p === 0 ? vals : `${one}\u0001${vals}`;
          continue;
        }
        const prev = many ?? [one!];
        const list = typeof vals === 'string' ? [vals] : vals;
        const next: string[] = [];
        for (const o of prev) for (const v of list) next.push(p === 0 ? v : `${o}\u0001${v}`);
        many = next.slice(0, 16);
      }
      return many === undefined ? one : many.length === 1 ? many[0] : many;
    };
    const keys = (fs: readonly (Feature | null)[]): readonly string[] => {
      const k = keysOf(fs);
      return k === undefined ? [] : typeof k === 'string' ? [k] : k;
    };
    return { id, keys, keysOf };
  });
  const nonDuplicates = section.nonDuplicates.map((nd, i) => {
    const ci = comparisons.findIndex((c) => c.id === nd.comparison);
    if (ci < 0) {
      problems.push({ path: `dedupe.nonDuplicates[${i}].comparison`, message: `unknown comparison "${nd.comparison}"` });
      return { id: nd.id, comparison: 0, levels: new Set<number>(), then: nd.then };
    }
    const lv = new Set<number>();
    for (const l of comparisons[ci]!.levels) if (nd.levels.includes(l.label) || nd.levels.includes(l.kind)) lv.add(l.index);
    if (lv.size === 0) problems.push({ path: `dedupe.nonDuplicates[${i}].levels`, message: `no level of "${nd.comparison}" is named ${nd.levels.join(', ')}` });
    return { id: nd.id, comparison: ci, levels: lv, then: nd.then };
  });
  if (problems.length) throw new LeadtidyError('pack', 'Invalid dedupe section.', problems);
  const p = section.probabilityTwoRandomRecordsMatch;
  const compiled: CompiledSection = {
    section,
    fields,
    fieldIndex,
    comparisons,
    blocking,
    priorWeight: p >= 1 ? 30 : Math.log2(p / (1 - p)),
    nonDuplicates,
    featurize: (record) => fields.map((f) => f.featurize(record)),
  };
  if (typeof input === 'object' && input !== null) cache.set(input, compiled);
  return compiled;
}
