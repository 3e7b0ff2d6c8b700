import * as z from 'zod';
import { deepFreeze, MemoCache } from '../../core/text.js';
import { NO_OUTPUT, defineStep, type StepOutput } from '../../engine/step.js';
import { normalizeWebsite } from './index.js';

// A company's website is written the same way on many rows: one result per distinct cell and
// options object (packs parse their options once). Outputs are shared between rows, so frozen.
const memos = new WeakMap<object, MemoCache<StepOutput>>();

/**
 * `website` step: cleans the URL (scheme, lowercase host, path without query); invalid values stay as they are, with an issue.
 *
 * @example
 * websiteStep.run('WWW.Acme.com/', { defaultScheme: 'https', keepPath: true, stripWww: false }, ctx).value //=> 'https://www.acme.com'
 */
export const websiteStep = defineStep({
  name: 'website',
  description: 'Normalize a website URL (scheme, lowercase host, no query) and check its registrable domain.',
  options: z
    .object({
      defaultScheme: z.enum(['https', 'http']).default('https'),
      keepPath: z.boolean().default(true),
      stripWww: z.boolean().default(false),
    })
    .strict(),
  run(value, options) {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    let memo = memos.get(options);
    if (memo === undefined) memos.set(options, (memo = new MemoCache<StepOutput>(10_000, 'website step')));
    let out = memo.get(value);
    if (out === undefined) {
      const r = normalizeWebsite(value, options);
      out = deepFreeze(r.value === null ? { issues: r.issues } : r.value.url === value ? { issues: r.issues } : { value: r.value.url, issues: r.issues });
      memo.set(value, out);
    }
    return out;
  },
});

/** Website record steps by name. */
export const websiteSteps = { website: websiteStep } as const;
