/** Zod schemas for the title parts of a rule pack (the engine validates packs with them). */
import * as z from 'zod';

const LEVEL_IDS = ['owner', 'c_level', 'partner', 'board', 'vp', 'director', 'manager', 'senior', 'entry', 'intern', 'unknown'] as const;

/**
 * A pack's title extension: extra terms (rule strings), exact-title overrides, own functions,
 * function renames, abbreviations and junk values. Rule strings and ids are checked again,
 * with paths, when the classifier compiles (`LeadtidyError`).
 *
 * @example
 * titleExtensionSchema.parse({ terms: { 'growth ninja': '@entry #!marketing.growth' } })
 */
export const titleExtensionSchema = z
  .object({
    terms: z.record(z.string().min(1), z.string()).optional(),
    overrides: z
      .record(
        z.string().min(1),
        z
          .object({
            level: z.enum(LEVEL_IDS).nullable().optional(),
            function: z.string().min(1).nullable().optional(),
            subFunction: z.string().min(1).optional(),
          })
          .strict(),
      )
      .optional(),
    functions: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.object({ label: z.string().optional(), sub: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).optional() }).strict()).optional(),
    functionMap: z.record(z.string().min(1), z.string().min(1)).optional(),
    abbreviations: z.record(z.string().min(1), z.string().min(1)).optional(),
    junk: z.array(z.string()).optional(),
  })
  .strict();

const picklistValue = z.union([z.string(), z.array(z.string()), z.null()]);
const crosswalkEntry = z.union([
  picklistValue,
  z.object({ value: picklistValue, lossy: z.boolean().optional(), whenFlag: z.record(z.string(), picklistValue).optional() }).strict(),
]);

/**
 * A pack's own target picklist map for `renderTitleForTarget`.
 *
 * @example
 * titleCrosswalkSchema.parse({ levels: { vp: 'Vice-President' }, functions: { sales: 'Commercial' } })
 */
export const titleCrosswalkSchema = z
  .object({
    label: z.string().optional(),
    levels: z.record(z.string(), crosswalkEntry),
    functions: z.record(z.string(), crosswalkEntry),
    cSuiteLevels: z.array(z.string()).optional(),
  })
  .strict();
