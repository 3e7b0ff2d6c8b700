import * as z from 'zod';
import { MemoCache } from '../../core/text.js';
import { NO_OUTPUT, defineStep, type StepOutput } from '../../engine/step.js';
import { normalizeCompanyName } from './index.js';

// Company names repeat within a file: one step output per distinct cell and options object (packs
// parse their options once). Outputs are shared between rows, so frozen (the issues array is the
// normalizer's own memoised one, shared as before).
const memos = new WeakMap<object, MemoCache<StepOutput>>();

/**
 * `companyName` step: cleans the display name (recasing only ALL-CAPS/all-lower names).
 * With `stripLegalForm`, the legal form is removed from the stored name.
 *
 * @example
 * companyNameStep.run('ACME GMBH', { recase: true, stripLegalForm: false }, ctx).value //=> 'Acme GmbH'
 */
export const companyNameStep = defineStep({
  name: 'companyName',
  description: 'Clean a company name: whitespace, casing of ALL-CAPS/all-lower names, legal form recognised; flags placeholders.',
  options: z
    .object({
      recase: z.boolean().default(true),
      stripLegalForm: z.boolean().default(false),
    })
    .strict(),
  run(value, options) {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    let memo = memos.get(options);
    if (memo === undefined) memos.set(options, (memo = new MemoCache<StepOutput>(10_000, 'companyName step')));
    let out = memo.get(value);
    if (out === undefined) {
      const r = normalizeCompanyName(value, { recase: options.recase });
      if (r.value === null) out = { issues: r.issues };
      else {
        const next = options.stripLegalForm && r.value.base !== '' ? r.value.base : r.value.name;
        out = next === value ? { issues: r.issues } : { value: next, issues: r.issues };
      }
      memo.set(value, Object.freeze(out));
    }
    return out;
  },
});

/** Company record steps by name. */
export const companySteps = { companyName: companyNameStep } as const;
