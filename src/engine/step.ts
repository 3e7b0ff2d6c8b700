import type * as z from 'zod';
import type { Issue } from '../core/codes.js';
import type { LeadRecord } from '../core/fields.js';

/** A cell value inside a record during cleansing. */
export type CellValue = string | null;

/** What a step sees besides the value of the field it runs on. */
export interface StepContext {
  /** The record as it stands: earlier steps' changes applied. Read-only. */
  readonly record: Readonly<LeadRecord>;
  /** The field this step runs on. */
  readonly field: string;
  /** Issues already raised on this record (e.g. by the country step), read-only. */
  readonly issues: readonly Issue[];
}

/** What a step returns. Nothing is mutated; the engine applies and logs the changes. */
export interface StepOutput {
  /** New value for `ctx.field`; `undefined` leaves it unchanged. */
  readonly value?: CellValue;
  /** Other fields this step fills or corrects (e.g. country inferred from the phone). */
  readonly set?: Readonly<Record<string, CellValue>>;
  /** Issues; the engine stamps `field` and `row` when they are missing. */
  readonly issues?: readonly Issue[];
}

/**
 * The output of a step that changes nothing and has no issues. Return it rather than a fresh
 * `{}`: the engine passes over it without reading its properties (step outputs come in many
 * shapes, so each property read is a megamorphic lookup in V8).
 */
export const NO_OUTPUT: StepOutput = Object.freeze({});

/**
 * A record step: a named, pure adapter from a normalizer unit to record fields.
 * Its options are validated by its own zod schema when a pack is loaded.
 */
export interface StepDefinition<O = any> {
  /** Name used in packs: `{ "unit": "phone", "options": {…} }`. */
  readonly name: string;
  /** One line for docs and `--help`. */
  readonly description: string;
  /** Schema of the step's options (use `z.object({...}).strict()`; defaults via `.default`). */
  readonly options: z.ZodType<O, any>;
  /** Runs on one value; must not throw on any input. */
  run(value: CellValue, options: O, ctx: StepContext): StepOutput;
}

/** A name → step map: the built-in steps bound by the root entry, plus user steps. */
export type StepRegistry = Readonly<Record<string, StepDefinition>>;

/** Helper that keeps the option type inferred from the schema. */
export function defineStep<S extends z.ZodType>(def: {
  name: string;
  description: string;
  options: S;
  run(value: CellValue, options: z.output<S>, ctx: StepContext): StepOutput;
}): StepDefinition<z.output<S>> {
  return def as StepDefinition<z.output<S>>;
}
