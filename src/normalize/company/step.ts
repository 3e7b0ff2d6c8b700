import * as z from 'zod';
import { defineStep } from '../../engine/step.js';
import { normalizeCompanyName } from './index.js';

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
    if (value === null || value.trim() === '') return {};
    const r = normalizeCompanyName(value, { recase: options.recase });
    if (r.value === null) return { issues: r.issues };
    const next = options.stripLegalForm && r.value.base !== '' ? r.value.base : r.value.name;
    return next === value ? { issues: r.issues } : { value: next, issues: r.issues };
  },
});

/** Company record steps by name. */
export const companySteps = { companyName: companyNameStep } as const;
