/**
 * Rule packs: validation with clear errors, `extends` resolution, step options checked
 * by each step's own schema, and a content hash stamped into every output. Pure.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type * as z from 'zod';
import { LeadtidyError, type Problem } from '../core/errors.js';
import { foldKey, isReservedKey } from '../core/text.js';
import { buildHeaderIndex, type HeaderDictionary, type HeaderIndex, type HeaderOptions } from './headers.js';
import { RulePackSchema, type RulePack } from './pack-schema.js';
import { compileDecisions, type CompiledDecisions } from '../decide/sections.js';
import { compileTarget, type CompiledTarget } from '../export/target.js';
import type { StepDefinition, StepRegistry } from './step.js';

export interface PlannedStep {
  readonly name: string;
  readonly step: StepDefinition;
  readonly options: unknown;
}

export interface FieldPlan {
  readonly field: string;
  readonly steps: readonly PlannedStep[];
}

/** A validated, resolved pack ready to run. */
export interface CompiledPack {
  readonly id: string;
  readonly version: string;
  /** `sha256:` + first 16 hex digits of the canonical JSON of the resolved pack. */
  readonly hash: string;
  /** The resolved pack (extends applied), as plain JSON. */
  readonly resolved: RulePack;
  readonly headers: HeaderOptions;
  readonly headerIndex: HeaderIndex;
  readonly plan: readonly FieldPlan[];
  /** Compiled reject, score and route rules. */
  readonly decisions: CompiledDecisions;
  /** The campaign section (statuses, precedence), resolved. */
  readonly campaign: NonNullable<RulePack['campaign']> | null;
  /** Folded status alias → declared member status. */
  readonly statusIndex: ReadonlyMap<string, string>;
  /** The export target, when the pack names one. */
  readonly target: CompiledTarget | null;
}

export interface CompileContext {
  /** Steps available to `normalize`. */
  readonly steps: StepRegistry;
  /** Packs that `extends` may name, by id. */
  readonly library?: Readonly<Record<string, unknown>>;
  /** Header alias dictionary. */
  readonly headerDictionary: HeaderDictionary;
  /** Name used in error messages (a file name). */
  readonly source?: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

function zodProblems(error: z.ZodError, prefix: string, source?: string): Problem[] {
  return error.issues.map((i) => {
    const path = formatPath([...(prefix ? [prefix] : []), ...i.path]);
    return { path: source ? `${source}: ${path || '(root)'}` : path, message: i.message };
  });
}

function checkKeys(value: unknown, path: string, problems: Problem[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkKeys(v, `${path}[${i}]`, problems));
    return;
  }
  for (const k of Object.keys(value)) {
    if (isReservedKey(k)) problems.push({ path: path ? `${path}.${k}` : k, message: 'reserved key is not allowed' });
    checkKeys((value as Record<string, unknown>)[k], path ? `${path}.${k}` : k, problems);
  }
}

/** Validates the shape of one pack (no extends resolution). Throws LeadtidyError. */
export function validatePack(input: unknown, source?: string): RulePack {
  const problems: Problem[] = [];
  checkKeys(input, '', problems);
  if (problems.length) throw new LeadtidyError('pack', `Invalid rule pack${source ? ` ${source}` : ''}`, problems.map((p) => ({ ...p, path: source ? `${source}: ${p.path}` : p.path })));
  const parsed = RulePackSchema.safeParse(input);
  if (!parsed.success) {
    throw new LeadtidyError('pack', `Invalid rule pack${source ? ` ${source}` : ''}`, zodProblems(parsed.error, '', source));
  }
  return parsed.data as RulePack;
}

function mergeHeaders(base: RulePack['headers'], over: RulePack['headers']): RulePack['headers'] {
  if (!base) return over;
  if (!over) return base;
  const aliases: Record<string, string[]> = {};
  for (const src of [base.aliases, over.aliases]) {
    if (!src) continue;
    for (const [f, list] of Object.entries(src)) aliases[f] = [...(aliases[f] ?? []), ...list];
  }
  const out: NonNullable<RulePack['headers']> = {
    ...base,
    ...over,
    ...(base.map || over.map ? { map: { ...base.map, ...over.map } } : {}),
    ...(Object.keys(aliases).length ? { aliases } : {}),
  };
  return out;
}

function mergeNormalize(base: RulePack['normalize'], over: RulePack['normalize']): RulePack['normalize'] {
  if (!base) return over;
  if (!over) return base;
  const out: NonNullable<RulePack['normalize']> = { ...base };
  for (const [field, steps] of Object.entries(over)) out[field] = steps;
  return out;
}

/** Merges `over` on top of `base`: header maps/aliases and named lists merge, normalize replaces per field, other sections replace whole. */
export function mergePacks(base: RulePack, over: RulePack): RulePack {
  const merged: RulePack = { ...base, ...over };
  const headers = mergeHeaders(base.headers, over.headers);
  const normalize = mergeNormalize(base.normalize, over.normalize);
  if (base.lists || over.lists) merged.lists = { ...base.lists, ...over.lists };
  if (headers) merged.headers = headers;
  if (normalize) merged.normalize = normalize;
  delete merged.extends;
  return merged;
}

/** Resolves `extends` chains against a library of packs by id. */
export function resolvePack(pack: RulePack, library: Readonly<Record<string, unknown>> = {}, seen: readonly string[] = []): RulePack {
  if (seen.includes(pack.id)) {
    throw new LeadtidyError('pack', 'Rule pack extends itself', [{ path: 'extends', message: [...seen, pack.id].join(' → ') }]);
  }
  const parents = pack.extends === undefined ? [] : Array.isArray(pack.extends) ? pack.extends : [pack.extends];
  let acc: RulePack | null = null;
  for (const id of parents) {
    const raw = Object.prototype.hasOwnProperty.call(library, id) ? library[id] : undefined;
    if (raw === undefined) {
      throw new LeadtidyError('pack', `Rule pack "${pack.id}" extends an unknown pack`, [
        { path: 'extends', message: `no pack "${id}"; known: ${Object.keys(library).join(', ') || '(none)'}` },
      ]);
    }
    const parent = resolvePack(validatePack(raw, id), library, [...seen, pack.id]);
    acc = acc ? mergePacks(acc, parent) : parent;
  }
  const self = { ...pack };
  delete self.extends;
  return acc ? mergePacks(acc, self) : self;
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** Content hash of a (resolved) pack. Key order does not matter. */
export function packHash(pack: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(pack)))).slice(0, 16)}`;
}

function statusIndexOf(statuses: readonly { status: string; aliases?: readonly string[] }[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const s of statuses) for (const a of [s.status, ...(s.aliases ?? [])]) index.set(foldKey(a), s.status);
  return index;
}

/**
 * Validates and resolves a pack, checks every step and its options, and returns a
 * compiled pack. Throws LeadtidyError listing every problem with its JSON path.
 */
export function compilePack(input: unknown, ctx: CompileContext): CompiledPack {
  const pack = validatePack(input, ctx.source);
  const resolved = resolvePack(pack, ctx.library ?? {});
  const problems: Problem[] = [];
  const plan: FieldPlan[] = [];
  const where = (p: string) => (ctx.source ? `${ctx.source}: ${p}` : p);
  for (const [field, refs] of Object.entries(resolved.normalize ?? {})) {
    const steps: PlannedStep[] = [];
    refs.forEach((ref, i) => {
      const name = typeof ref === 'string' ? ref : ref.unit;
      const rawOptions = typeof ref === 'string' ? {} : (ref.options ?? {});
      const step = Object.prototype.hasOwnProperty.call(ctx.steps, name) ? ctx.steps[name] : undefined;
      if (!step) {
        problems.push({ path: where(`normalize.${field}[${i}]${typeof ref === 'string' ? '' : '.unit'}`), message: `unknown step "${name}"; known: ${Object.keys(ctx.steps).sort().join(', ')}` });
        return;
      }
      const parsed = step.options.safeParse(rawOptions);
      if (!parsed.success) {
        problems.push(...zodProblems(parsed.error, `normalize.${field}[${i}].options`, ctx.source));
        return;
      }
      steps.push({ name, step, options: parsed.data });
    });
    plan.push({ field, steps });
  }
  const parsed = RulePackSchema.parse(resolved);
  const decisions = compileDecisions(
    {
      ...(parsed.lists ? { lists: parsed.lists } : {}),
      ...(parsed.reject ? { reject: parsed.reject } : {}),
      ...(parsed.score ? { score: parsed.score } : {}),
      ...(parsed.route ? { route: parsed.route } : {}),
    },
    problems,
  );
  let target: CompiledTarget | null = null;
  if (parsed.target) {
    try {
      target = compileTarget(parsed.target);
    } catch (e) {
      if (e instanceof LeadtidyError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new LeadtidyError('pack', `Invalid rule pack "${pack.id}"`, problems.map((p) => ({ ...p, path: ctx.source && !p.path.startsWith(ctx.source) ? `${ctx.source}: ${p.path}` : p.path })));
  const headers: HeaderOptions = (resolved.headers ?? {}) as HeaderOptions;
  return {
    id: resolved.id,
    version: resolved.version,
    hash: packHash(resolved),
    resolved,
    headers,
    headerIndex: buildHeaderIndex(ctx.headerDictionary, headers.aliases),
    plan,
    decisions,
    campaign: parsed.campaign ?? null,
    statusIndex: statusIndexOf(parsed.campaign?.statuses ?? []),
    target,
  };
}
