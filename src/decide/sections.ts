/**
 * The `lists`, `reject`, `score`, `route` and `campaign` pack sections: schemas and
 * their compiled, pure evaluators.
 */
import * as z from 'zod';
import type { Problem } from '../core/errors.js';
import { compileCondition, ConditionError, ConditionSchema, readField, type CompiledCondition, type ConditionContext, type ConditionLists } from './conditions.js';

const Code = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a reason code in snake_case, e.g. "missing_email"');
const RuleId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'letters, digits, "_", ".", ":", "-"');

export const ListsSection = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), z.array(z.string())).describe('Named lists for "inList" conditions.');

export const RejectRuleSchema = z
  .object({
    code: Code.describe('Machine-readable reason code.'),
    when: ConditionSchema,
    message: z.string().optional().describe('Human-readable reason; defaults to the code.'),
    field: z.string().optional().describe('The field whose value is reported as the offending value.'),
  })
  .strict();
export const RejectSection = z.array(RejectRuleSchema);

export const ScoreSection = z
  .object({
    base: z.number().default(0),
    min: z.number().optional(),
    max: z.number().optional(),
    rules: z.array(z.object({ id: RuleId, when: ConditionSchema, points: z.number() }).strict()),
  })
  .strict();

const Assignment = z.object({ owner: z.string().optional(), queue: z.string().optional() }).strict();
export const RouteSection = z
  .object({
    assign: z
      .array(
        z
          .object({
            id: RuleId,
            when: ConditionSchema,
            owner: z.string().optional(),
            ownerFrom: z.string().optional().describe('Take the owner from a record field, e.g. the matched account\'s owner.'),
            queue: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    default: Assignment.optional(),
    nurture: z.array(z.object({ id: RuleId, when: ConditionSchema, program: z.string() }).strict()).default([]),
    defaultProgram: z.string().optional(),
  })
  .strict();

export const CampaignSection = z
  .object({
    name: z.string().optional().describe('Campaign every row of the file belongs to (the CLI --campaign overrides).'),
    defaultStatus: z.string().optional().describe('Member status when the file has none.'),
    statuses: z
      .array(z.object({ status: z.string(), aliases: z.array(z.string()).default([]) }).strict())
      .optional()
      .describe('Allowed member statuses with the values that mean them.'),
    precedence: z.array(z.string()).optional().describe('Status precedence, strongest first, used when duplicates merge.'),
  })
  .strict();

export interface CompiledRejectRule {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly test: CompiledCondition;
}

export interface CompiledScore {
  readonly base: number;
  readonly min?: number;
  readonly max?: number;
  readonly rules: readonly { readonly id: string; readonly points: number; readonly test: CompiledCondition }[];
}

export interface CompiledRoute {
  readonly assign: readonly { readonly id: string; readonly owner?: string; readonly ownerFrom?: string; readonly queue?: string; readonly test: CompiledCondition }[];
  readonly default?: { readonly owner?: string; readonly queue?: string };
  readonly nurture: readonly { readonly id: string; readonly program: string; readonly test: CompiledCondition }[];
  readonly defaultProgram?: string;
}

export interface CompiledDecisions {
  readonly reject: readonly CompiledRejectRule[];
  readonly score: CompiledScore | null;
  readonly route: CompiledRoute | null;
}

type RejectInput = z.output<typeof RejectSection>;
type ScoreInput = z.output<typeof ScoreSection>;
type RouteInput = z.output<typeof RouteSection>;

function tryCompile(cond: Parameters<typeof compileCondition>[0], lists: ConditionLists, path: string, problems: Problem[]): CompiledCondition {
  try {
    return compileCondition(cond, lists, path);
  } catch (e) {
    if (e instanceof ConditionError) problems.push({ path: e.path, message: e.message.slice(e.path.length + 2) });
    else problems.push({ path, message: (e as Error).message });
    return () => false;
  }
}

/** Compiles the decision sections; problems are collected with JSON paths. */
export function compileDecisions(
  sections: { lists?: ConditionLists; reject?: RejectInput; score?: ScoreInput; route?: RouteInput },
  problems: Problem[],
): CompiledDecisions {
  const lists = sections.lists ?? {};
  const reject = (sections.reject ?? []).map((r, i) => ({
    code: r.code,
    message: r.message ?? r.code.replace(/_/g, ' '),
    ...(r.field !== undefined ? { field: r.field } : {}),
    test: tryCompile(r.when, lists, `reject[${i}].when`, problems),
  }));
  const s = sections.score;
  const score: CompiledScore | null = s
    ? {
        base: s.base,
        ...(s.min !== undefined ? { min: s.min } : {}),
        ...(s.max !== undefined ? { max: s.max } : {}),
        rules: s.rules.map((r, i) => ({ id: r.id, points: r.points, test: tryCompile(r.when, lists, `score.rules[${i}].when`, problems) })),
      }
    : null;
  const r = sections.route;
  const route: CompiledRoute | null = r
    ? {
        assign: r.assign.map((a, i) => ({
          id: a.id,
          ...(a.owner !== undefined ? { owner: a.owner } : {}),
          ...(a.ownerFrom !== undefined ? { ownerFrom: a.ownerFrom } : {}),
          ...(a.queue !== undefined ? { queue: a.queue } : {}),
          test: tryCompile(a.when, lists, `route.assign[${i}].when`, problems),
        })),
        ...(r.default ? { default: r.default as { owner?: string; queue?: string } } : {}),
        nurture: r.nurture.map((n, i) => ({ id: n.id, program: n.program, test: tryCompile(n.when, lists, `route.nurture[${i}].when`, problems) })),
        ...(r.defaultProgram !== undefined ? { defaultProgram: r.defaultProgram } : {}),
      }
    : null;
  return { reject, score, route };
}

/** Every reject rule a record meets, in pack order. */
export function evaluateRejects(rules: readonly CompiledRejectRule[], ctx: ConditionContext): CompiledRejectRule[] {
  const out: CompiledRejectRule[] = [];
  for (let i = 0; i < rules.length; i++) if (rules[i]!.test(ctx)) out.push(rules[i]!);
  return out;
}

export interface ScoreResult {
  readonly score: number;
  readonly rules: readonly string[];
}

// "fit.level.vp+25" per rule of a compiled score, built once per rules array.
const scoreLabels = new WeakMap<object, readonly string[]>();
function scoreLabelsOf(rules: CompiledScore['rules']): readonly string[] {
  let l = scoreLabels.get(rules);
  if (l === undefined) scoreLabels.set(rules, (l = rules.map((r) => `${r.id}${r.points >= 0 ? '+' : ''}${r.points}`)));
  return l;
}

/** Sums the points of every matching rule (clamped to min/max). */
export function evaluateScore(score: CompiledScore, ctx: ConditionContext): ScoreResult {
  let total = score.base;
  const rules: string[] = [];
  const list = score.rules;
  const labels = scoreLabelsOf(list);
  for (let i = 0; i < list.length; i++) {
    const r = list[i]!;
    if (r.test(ctx)) {
      total += r.points;
      rules.push(labels[i]!);
    }
  }
  if (score.min !== undefined) total = Math.max(score.min, total);
  if (score.max !== undefined) total = Math.min(score.max, total);
  return { score: Math.round(total * 100) / 100, rules };
}

export interface RouteResult {
  readonly owner: string | null;
  readonly queue: string | null;
  readonly routeRule: string | null;
  readonly nurtureProgram: string | null;
  readonly nurtureRule: string | null;
}

function firstMatch<T extends { readonly test: CompiledCondition }>(rules: readonly T[], ctx: ConditionContext): T | undefined {
  for (let i = 0; i < rules.length; i++) if (rules[i]!.test(ctx)) return rules[i];
  return undefined;
}

/** First matching assignment rule and first matching nurture rule, else the defaults. */
export function evaluateRoute(route: CompiledRoute, ctx: ConditionContext): RouteResult {
  const a = firstMatch(route.assign, ctx);
  const n = firstMatch(route.nurture, ctx);
  const fromField = a?.ownerFrom !== undefined ? readField(ctx.record, a.ownerFrom) : null;
  return {
    owner: a ? (fromField ?? a.owner ?? null) : (route.default?.owner ?? null),
    queue: a ? (a.queue ?? null) : (route.default?.queue ?? null),
    routeRule: a ? a.id : route.default ? 'default' : null,
    nurtureProgram: n ? n.program : (route.defaultProgram ?? null),
    nurtureRule: n ? n.id : route.defaultProgram !== undefined ? 'default' : null,
  };
}
