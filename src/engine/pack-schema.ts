/**
 * The rule-pack schema (zod). A pack is JSON data: never code.
 * `packJsonSchema()` exports it as JSON Schema for editors.
 */
import * as z from 'zod';
import { CampaignSection, ListsSection, RejectSection, RouteSection, ScoreSection } from '../decide/sections.js';
import { TargetSection } from '../export/target.js';
import { DedupeSectionSchema } from '../dedupe/schema.js';
import { AccountsSectionSchema } from '../match/accounts/schema.js';

const Identifier = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, "_", "-", "." (max 64), starting with a letter');

const StepRef = z.union([
  z.string().min(1),
  z
    .object({
      unit: z.string().min(1),
      options: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);

export const HeadersSection = z
  .object({
    map: z.record(z.string(), z.string().nullable()).optional().describe('Header text → canonical field (null: keep in extra).'),
    aliases: z.record(z.string(), z.array(z.string())).optional().describe('Extra header aliases per field.'),
    detect: z.array(z.enum(['email', 'website', 'phone'])).optional().describe('Value detectors for unmapped columns.'),
    detectMinShare: z.number().min(0.5).max(1).optional(),
  })
  .strict();

export const NormalizeSection = z
  .record(z.string(), z.array(StepRef))
  .describe('Per field, the ordered steps; fields run in the order written.');


export const RulePackSchema = z
  .object({
    $schema: z.string().optional(),
    id: Identifier,
    version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'a semantic version such as 1.0.0'),
    description: z.string().optional(),
    extends: z.union([Identifier, z.array(Identifier)]).optional(),
    headers: HeadersSection.optional(),
    normalize: NormalizeSection.optional(),
    lists: ListsSection.optional(),
    reject: RejectSection.optional().describe('Reject rules: every rule a row meets is a reason; the row goes to the rejects with all its values.'),
    score: ScoreSection.optional(),
    route: RouteSection.optional(),
    campaign: CampaignSection.optional(),
    dedupe: DedupeSectionSchema.optional().describe('Deduplication: fields, blocking rules, comparisons with weighted levels, thresholds, survivorship.'),
    accounts: AccountsSectionSchema.optional().describe('Lead-to-account matching: evidence weights, generic words, synonyms, tie-breakers, floor.'),
    target: TargetSection.optional().describe('Export profile: a built-in target (Salesforce, HubSpot, Marketo, CSV) with overrides.'),
  })
  .strict();

/** A rule pack as written (before `extends` is resolved). */
export type RulePack = z.input<typeof RulePackSchema>;
export type StepRefInput = z.input<typeof StepRef>;

/** JSON Schema of a rule pack, for editors (`"$schema"`). */
export function packJsonSchema(): unknown {
  return z.toJSONSchema(RulePackSchema, { unrepresentable: 'any' });
}
