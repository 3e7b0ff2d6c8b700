import * as z from 'zod';
import { defineStep } from '../../engine/step.js';
import { normalizeWebsite } from './index.js';

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
    if (value === null || value.trim() === '') return {};
    const r = normalizeWebsite(value, options);
    if (r.value === null) return { issues: r.issues };
    return r.value.url === value ? { issues: r.issues } : { value: r.value.url, issues: r.issues };
  },
});

/** Website record steps by name. */
export const websiteSteps = { website: websiteStep } as const;
