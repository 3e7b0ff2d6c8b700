/** Record steps for job titles: fill jobLevel / jobFunction / jobSubFunction from the title. */
import * as z from 'zod';
import type { Issue } from '../../core/codes.js';
import { PairMemoCache } from '../../core/text.js';
import { NO_OUTPUT, defineStep, type CellValue, type StepOutput } from '../../engine/step.js';
import { classifyTitle, extendTitleClassifier, type TitleClassifier } from './index.js';
import { titleExtensionSchema } from './schema.js';
import { parseJobFunction, parseJobLevel } from './picklist.js';
import type { ClassifyTitleOptions, TitleExtension } from './types.js';

// one compiled classifier per extension object (packs parse their options once)
const extended = new WeakMap<object, TitleClassifier>();

function classifierFor(ext: TitleExtension | undefined): TitleClassifier {
  if (!ext) return classifyTitle;
  let c = extended.get(ext);
  if (!c) extended.set(ext, (c = extendTitleClassifier(ext)));
  return c;
}

// One classification per (industry, title) and options object (packs parse their options once).
const titleMemos = new WeakMap<object, PairMemoCache<ReturnType<TitleClassifier>>>();
// The context for "no industry": an industry cell with this exact text is treated as none either
// way, as the classifier reads both the same (its cache key writes null as '').
const NO_INDUSTRY = '';

const OUTPUT_FIELDS = ['jobLevel', 'jobFunction', 'jobSubFunction'] as const;

/**
 * `classifyTitle` step, configured on the `title` field. Reads the title (never changes it) and
 * fills `jobLevel`, `jobFunction`, `jobSubFunction` through `set`. Fields that already hold a value
 * are kept unless `overwrite` is true. The industry for banking/medical readings is read from
 * `industryFrom` (default `industry`). `extend` carries the pack's own terms/overrides/functions;
 * it is compiled once per options object.
 *
 * @example
 * // pack: "normalize": { "title": [ { "unit": "classifyTitle", "options": { "minConfidence": 0.3 } } ] }
 * classifyTitleStep.run('VP Sales', classifyTitleStep.options.parse({}), ctx)
 * //=> { set: { jobLevel: 'vp', jobFunction: 'sales' }, issues: [] }
 */
export const classifyTitleStep = defineStep({
  name: 'classifyTitle',
  description: 'Fill jobLevel, jobFunction and jobSubFunction from the job title (the title itself is not changed).',
  options: z
    .object({
      overwrite: z.boolean().default(false),
      minConfidence: z.number().min(0).max(1).default(0),
      industryFrom: z.string().min(1).default('industry'),
      globalHeadAs: z.enum(['director', 'vp']).default('director'),
      inferExecutiveFunction: z.boolean().default(true),
      digitalAs: z.enum(['information_technology', 'marketing']).default('information_technology'),
      /** The pack's own terms, overrides, functions (see `extendTitleClassifier`). */
      extend: titleExtensionSchema.optional(),
    })
    .strict(),
  run(value: CellValue, options, ctx): StepOutput {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const rec = ctx.record as unknown as Readonly<Record<string, unknown>>;
    const industryRaw = Object.prototype.hasOwnProperty.call(rec, options.industryFrom) ? rec[options.industryFrom] : undefined;
    const industry = typeof industryRaw === 'string' ? industryRaw : null;
    let memo = titleMemos.get(options);
    if (memo === undefined) titleMemos.set(options, (memo = new PairMemoCache<ReturnType<TitleClassifier>>(20_000, 'classifyTitle step')));
    // The record's industry (or none) and the title: no combined key string to build and hash.
    const context = industry === null ? NO_INDUSTRY : industry;
    let r = memo.get(context, value);
    if (r === undefined) {
      const opts: ClassifyTitleOptions = {
        industry,
        globalHeadAs: options.globalHeadAs,
        inferExecutiveFunction: options.inferExecutiveFunction,
        digitalAs: options.digitalAs,
      };
      r = classifierFor(options.extend as TitleExtension | undefined)(value, opts);
      memo.set(context, value, r);
    }
    // Results are shared between rows: the engine copies an issue without a row before stamping it;
    // one that has a row already would be shared, so hand the engine its own copy then.
    const issues: readonly Issue[] = r.issues.length === 0 || !r.issues.some((i) => i.row !== undefined) ? r.issues : r.issues.map((i) => ({ ...i }));
    const v = r.value;
    if (!v || r.confidence < options.minConfidence) return { issues };
    const out: Record<string, CellValue> = {};
    const proposed: Record<(typeof OUTPUT_FIELDS)[number], string | null> = {
      jobLevel: v.level,
      jobFunction: v.function,
      jobSubFunction: v.subFunction ?? null,
    };
    for (const f of OUTPUT_FIELDS) {
      const next = proposed[f];
      const cur = rec[f];
      const empty = cur === undefined || cur === null || (typeof cur === 'string' && cur.trim() === '');
      if (next === null) {
        // clear a stale sub-function only when overwriting and the function changed
        if (options.overwrite && f === 'jobSubFunction' && !empty && proposed.jobFunction !== null) out[f] = null;
        continue;
      }
      if (empty || (options.overwrite && cur !== next)) out[f] = next;
    }
    return Object.keys(out).length > 0 ? { set: out, issues } : { issues };
  },
});


/**
 * `normalizeJobLevel` step, configured on `jobLevel`: rewrites an existing Job Level cell
 * ("VP-Level", "C Level Exec") as a level id; leaves cells it cannot read unchanged (with the issue).
 *
 * @example
 * normalizeJobLevelStep.run('Director-Level', {}, ctx) //=> { value: 'director' }
 */
export const normalizeJobLevelStep = defineStep({
  name: 'normalizeJobLevel',
  description: 'Rewrite an existing Job Level value (CRM picklist or text) as a TAXONOMY.md level id.',
  options: z.object({}).strict(),
  run(value: CellValue): StepOutput {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const r = parseJobLevel(value);
    if (r.value === null) return { issues: r.issues.map((i) => ({ ...i })) };
    return r.value === value ? {} : { value: r.value };
  },
});

/**
 * `normalizeJobFunction` step, configured on `jobFunction`: rewrites an existing Job Function /
 * Department cell ("master_finance", "Arts and Design") as a function id.
 *
 * @example
 * normalizeJobFunctionStep.run('Human Resources', {}, ctx) //=> { value: 'human_resources' }
 */
export const normalizeJobFunctionStep = defineStep({
  name: 'normalizeJobFunction',
  description: 'Rewrite an existing Job Function / Department value as a TAXONOMY.md function id.',
  options: z.object({}).strict(),
  run(value: CellValue): StepOutput {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const r = parseJobFunction(value);
    if (r.value === null) return { issues: r.issues.map((i) => ({ ...i })) };
    return r.value === value ? {} : { value: r.value };
  },
});

/** Title steps by name, for the engine's registry. */
export const titleSteps = {
  classifyTitle: classifyTitleStep,
  normalizeJobLevel: normalizeJobLevelStep,
  normalizeJobFunction: normalizeJobFunctionStep,
} as const;
