import * as z from 'zod';
import { NO_OUTPUT, defineStep } from '../../engine/step.js';
import { normalizeEmail } from './index.js';

/**
 * `email` step: normalizes the cell; corrections come back as the new value plus an info issue
 * naming the original (the engine logs before/after). Invalid addresses keep the original value.
 *
 * @example
 * emailStep.run('Jane@Gmial.com', { lowercaseLocal: true, correctTypos: true }, ctx).value //=> 'jane@gmail.com'
 */
export const emailStep = defineStep({
  name: 'email',
  description: 'Normalize an email address; repair obvious provider typos; flag free, disposable, role and junk addresses.',
  options: z
    .object({
      lowercaseLocal: z.boolean().default(true),
      correctTypos: z.boolean().default(true),
    })
    .strict(),
  run(value, options) {
    if (value === null || value.trim() === '') return NO_OUTPUT;
    const r = normalizeEmail(value, options);
    if (r.value === null) return { issues: r.issues };
    return r.value.email === value ? { issues: r.issues } : { value: r.value.email, issues: r.issues };
  },
});

/** Email record steps by name. */
export const emailSteps = { email: emailStep } as const;
