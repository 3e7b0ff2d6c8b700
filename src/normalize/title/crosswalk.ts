/** Renders a classified title in a target system's picklists (LinkedIn, Apollo, ZoomInfo, PDL, HubSpot, Salesforce). */
import crosswalks from '../../../dictionaries/titles-crosswalks.json' with { type: 'json' };
import { LeadtidyError } from '../../core/errors.js';
import type { TitleValue } from './types.js';

/** A picklist value: a string, a list (Apollo departments) or null (the target has no value). */
export type PicklistValue = string | readonly string[] | null;

/** One mapped entry: a value, or a value with a lossy mark and flag-dependent alternatives. */
export type CrosswalkEntry =
  | PicklistValue
  | { readonly value: PicklistValue; readonly lossy?: boolean; readonly whenFlag?: Readonly<Record<string, PicklistValue>> };

/** A target's picklist map: our level ids and function ids (or `function.subFunction`) → its values. */
export interface TitleCrosswalk {
  readonly label?: string;
  readonly levels: Readonly<Record<string, CrosswalkEntry>>;
  readonly functions: Readonly<Record<string, CrosswalkEntry>>;
  /** Levels that also add a C-suite department (Apollo puts a CFO in both `c_suite` and `master_finance`). */
  readonly cSuiteLevels?: readonly string[];
}

/** Built-in target ids. */
export type TitleTarget = 'linkedin' | 'apollo' | 'zoominfo' | 'pdl' | 'hubspot' | 'salesforce';

/** The built-in crosswalk tables (TAXONOMY.md §3), as data. */
export const TITLE_CROSSWALKS: Readonly<Record<TitleTarget, TitleCrosswalk>> = crosswalks.targets as unknown as Readonly<Record<TitleTarget, TitleCrosswalk>>;

/** A title rendered for a target. */
export interface RenderedTitle {
  readonly level: PicklistValue;
  readonly function: PicklistValue;
  /** True when the target loses detail (`*` in TAXONOMY.md), or has no value for ours. */
  readonly lossy: boolean;
}

function resolve(entry: CrosswalkEntry | undefined, flags: Readonly<Record<string, true>>): { value: PicklistValue; lossy: boolean; known: boolean } {
  if (entry === undefined) return { value: null, lossy: true, known: false };
  if (entry === null || typeof entry === 'string' || Array.isArray(entry)) return { value: entry as PicklistValue, lossy: false, known: true };
  const e = entry as Exclude<CrosswalkEntry, PicklistValue>;
  let value = e.value;
  if (e.whenFlag) {
    for (const [flag, v] of Object.entries(e.whenFlag)) {
      if (Object.prototype.hasOwnProperty.call(flags, flag)) {
        value = v;
        break;
      }
    }
  }
  return { value, lossy: e.lossy === true, known: true };
}

function get(map: Readonly<Record<string, CrosswalkEntry>>, key: string): CrosswalkEntry | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/**
 * Renders level and function as a target system's picklists would hold them.
 * Sub-function rows win over function rows ("sales.business_development" → LinkedIn "Business Development").
 *
 * @param value - a `classifyTitle` value (null gives nulls)
 * @param target - a built-in target id, or a pack's own crosswalk table
 * @example
 * renderTitleForTarget(classifyTitle('CFO').value, 'apollo')
 * //=> { level: 'c_suite', function: ['c_suite', 'master_finance'], lossy: false }
 */
export function renderTitleForTarget(value: TitleValue | null, target: TitleTarget | TitleCrosswalk): RenderedTitle {
  let cw: TitleCrosswalk;
  if (typeof target === 'string') {
    if (!Object.prototype.hasOwnProperty.call(TITLE_CROSSWALKS, target)) {
      throw new LeadtidyError('options', `Unknown title crosswalk target "${target}"`, [{ path: 'target', message: `use one of ${Object.keys(TITLE_CROSSWALKS).join(', ')}, or pass a crosswalk table` }]);
    }
    cw = TITLE_CROSSWALKS[target];
  } else {
    if (typeof target !== 'object' || target === null || typeof target.levels !== 'object' || typeof target.functions !== 'object') {
      throw new LeadtidyError('options', 'A crosswalk table needs "levels" and "functions" maps');
    }
    cw = target;
  }
  if (!value) return { level: null, function: null, lossy: false };
  const flags = value.flags;
  const lv = value.level ? resolve(get(cw.levels, value.level), flags) : { value: null, lossy: false, known: true };
  let fv: { value: PicklistValue; lossy: boolean; known: boolean } = { value: null, lossy: false, known: true };
  if (value.function) {
    const bySub = value.subFunction ? get(cw.functions, `${value.function}.${value.subFunction}`) : undefined;
    fv = resolve(bySub ?? get(cw.functions, value.function), flags);
  }
  let fn = fv.value;
  if (cw.cSuiteLevels && value.level && cw.cSuiteLevels.includes(value.level)) {
    const list = Array.isArray(fn) ? [...(fn as readonly string[])] : fn ? [fn as string] : [];
    if (!list.includes('c_suite')) list.unshift('c_suite');
    fn = list;
  }
  return { level: lv.value, function: fn, lossy: lv.lossy || fv.lossy || !lv.known || !fv.known };
}
