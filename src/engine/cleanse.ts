/**
 * `cleanse`: rows → clean records, rejects, a per-cell change log, issues and a report.
 * Record steps only (map, normalize); set steps plug in after them. Pure.
 */
import { issue, type Issue } from '../core/codes.js';
import { CANONICAL_FIELDS, type LeadRecord, type RawRow } from '../core/fields.js';
import { LeadtidyError } from '../core/errors.js';
import { foldKey, isReservedKey } from '../core/text.js';
import { hasText, readField } from '../decide/conditions.js';
import { evaluateRoute, evaluateScore } from '../decide/sections.js';
import { compileTarget, renderRecord, type CompiledTarget } from '../export/target.js';
import type { ParsedLeadFile } from '../io/parse.js';
import { mapHeaders, type HeaderMapping } from './headers.js';
import { compilePack, type CompileContext, type CompiledPack } from './pack.js';
import { NO_OUTPUT, type CellValue, type StepContext } from './step.js';

/** One changed cell: enough to undo it. */
export interface Change {
  /** Spreadsheet row number (the record's `sourceRow`). */
  readonly row: number;
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
  /** `<pack id>:normalize.<field>[<i>]:<step>` */
  readonly rule: string;
}

export interface RejectReason {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly value?: string | null;
}

/** A row that must not be loaded, with why, and every original value. */
export interface RejectedRow {
  readonly sourceRow: number;
  readonly reasons: readonly RejectReason[];
  /** The input row exactly as read. */
  readonly original: Readonly<Record<string, string>>;
  /** The record as far as it was cleaned (for review). */
  readonly record: LeadRecord;
}

export interface FieldFill {
  readonly before: number;
  readonly after: number;
}

export interface CleanseReport {
  readonly pack: { readonly id: string; readonly version: string; readonly hash: string };
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly rejected: number;
  readonly merged: number;
  readonly rejectReasons: Readonly<Record<string, number>>;
  readonly mapping: readonly HeaderMapping[];
  /** Per field: share of input rows with a value as mapped, and share of clean records with a value after cleansing. */
  readonly fillRate: Readonly<Record<string, FieldFill>>;
  readonly changesByRule: Readonly<Record<string, number>>;
  readonly issuesByCode: Readonly<Record<string, number>>;
}

/** A duplicate cluster: members are indices into the records before merging; `sourceRows` name their rows. */
export interface CleanseCluster {
  readonly id: string;
  readonly members: readonly number[];
  readonly sourceRows: readonly number[];
  readonly master: number;
  readonly score: number;
}

export interface CleanseResult {
  /** Clean records: survivors of merged duplicates and every other kept row. */
  readonly records: LeadRecord[];
  readonly rejected: RejectedRow[];
  readonly changes: Change[];
  /** Duplicate clusters merged into one survivor each (row conservation: their rows are in `sourceRows`). */
  readonly clusters: CleanseCluster[];
  /** Per cluster: chosen values, where each came from, and the inverse to undo the merge. */
  readonly mergePlan: readonly unknown[];
  /** Pairs in the review band: possible duplicates left unmerged for a person to decide. */
  readonly review: readonly unknown[];
  /** One per clean record when accounts were given. */
  readonly accountMatches: readonly unknown[];
  /** File, header and cell issues; cell issues carry `row` and `field`. */
  readonly issues: Issue[];
  readonly report: CleanseReport;
  readonly mapping: readonly HeaderMapping[];
  /** The export target used (pack's `target` or the `target` option), if any. */
  readonly target: CompiledTarget | null;
}

export interface CleanseOptions {
  /** A rule pack (JSON object) or a compiled pack; the built-in default pack when absent. */
  readonly pack?: unknown;
  /** Spreadsheet row number of each row (default: `index + 2`, i.e. a header on row 1). */
  readonly rowNumbers?: readonly number[];
  /** Header order (default: keys in order of first appearance). */
  readonly headers?: readonly string[];
  /** Existing CRM records (with `id`): each clean record is labelled new / update <id> / review <id>. */
  readonly existing?: readonly unknown[];
  /** Merge duplicates within the file (default true when the pack has a `dedupe` section). */
  readonly dedupe?: boolean;
  /** Accounts (used by account matching). */
  readonly accounts?: readonly unknown[];
  /** Export target profile id (overrides the pack's `target`), e.g. "salesforce-lead". */
  readonly target?: string;
  /** The file's campaign and default member status (override the pack's `campaign`). */
  readonly campaign?: { readonly name?: string; readonly status?: string };
  /** Called every 10,000 rows and at the end with (rows done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Set steps: work over the whole set of clean records (bound by the root entry). */
export interface SetSteps {
  readonly dedupe?: (
    records: readonly LeadRecord[],
    options: { pack: unknown },
  ) => {
    readonly clusters: readonly { readonly id: string; readonly members: readonly number[]; readonly master: number; readonly score: number }[];
    readonly records: readonly Record<string, unknown>[];
    readonly mergePlan: readonly { readonly master: number; readonly fields: Readonly<Record<string, { readonly value: unknown; readonly from: number; readonly rule: string }>> }[];
    readonly review: readonly unknown[];
    readonly issues: readonly Issue[];
  };
  readonly labelExisting?: (
    records: readonly LeadRecord[],
    existing: readonly unknown[],
    options: { pack: unknown },
  ) => { readonly matches: readonly { readonly index: number; readonly existingId: string | null; readonly action: string }[]; readonly issues: readonly Issue[] };
  /** Builds the account index once (streaming matches batch by batch against it). */
  readonly prepareAccounts?: (accounts: readonly unknown[], options: { pack: unknown }) => unknown;
  readonly matchAccounts?: (
    leads: readonly LeadRecord[],
    /** Accounts, or what `prepareAccounts` returned. */
    accounts: unknown,
    options: { pack: unknown },
  ) => readonly { readonly accountId: string | null; readonly confidence: number; readonly method: string; readonly explanation: string }[];
}

export interface CleanseEnvironment extends CompileContext {
  /** The pack used when the caller gives none. */
  readonly defaultPack: unknown;
  /** Deduplication and account matching. */
  readonly setSteps?: SetSteps;
}

function isCompiled(p: unknown): p is CompiledPack {
  return typeof p === 'object' && p !== null && 'plan' in p && 'headerIndex' in p && 'hash' in p;
}

export function isParsedFile(x: unknown): x is ParsedLeadFile {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'rows' in x && 'headers' in x && 'meta' in x;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return String(v);
}

export function collectHeaders(rows: readonly RawRow[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of rows) {
    for (const k of Object.keys(row)) {
      if (!seen.has(k)) {
        seen.add(k);
        out.push(k);
      }
    }
  }
  return out;
}

function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (Object.prototype.hasOwnProperty.call(map, key) ? map[key]! : 0) + by;
}

const defaultPacks = new WeakMap<CleanseEnvironment, CompiledPack>();

/** Compiles a pack against an environment (memoize the result to reuse it across files). */
export function compileForEnvironment(pack: unknown, env: CleanseEnvironment): CompiledPack {
  if (pack === undefined) {
    // The default pack compiles once per environment (its steps' option objects, and the memos
    // keyed by them, then live across calls).
    let compiled = defaultPacks.get(env);
    if (!compiled) defaultPacks.set(env, (compiled = compilePack(env.defaultPack, env)));
    return compiled;
  }
  if (isCompiled(pack)) return pack;
  return compilePack(pack, env);
}

/** Rows sampled (from the top) to detect what an unnamed column holds; the same for in-memory and streamed input. */
export const MAPPING_SAMPLE_ROWS = 2000;

/**
 * Everything the record steps need, fixed before the first row: the compiled pack, the
 * header mapping and the export target. Plain data apart from the pack, so a worker can
 * rebuild it from `packSource` + `fieldHeaders` + `extraHeaders`.
 */
export interface CleansePlan {
  readonly pack: CompiledPack;
  readonly headers: readonly string[];
  readonly mapping: readonly HeaderMapping[];
  readonly mappingIssues: readonly Issue[];
  /** Canonical field → input header. */
  readonly fieldHeaders: readonly (readonly [string, string])[];
  /** Unmapped columns and the key each gets in `extra`. */
  readonly extraHeaders: readonly { readonly header: string; readonly name: string }[];
  readonly ruleIds: readonly (readonly string[])[];
  readonly target: CompiledTarget | null;
  readonly campaign: CleanseOptions['campaign'];
  /** Deduplication of the file runs after the record steps. */
  readonly dedupe: boolean;
  /**
   * Score and route can run with the record steps: no set step will change a record
   * afterwards (no dedupe, no existing records, no accounts).
   */
  readonly decideEarly: boolean;
}

/** An unmapped column rides in `extra`; a reserved key (`__proto__`) is renamed so it cannot touch a prototype. */
export function extraHeaderOf(m: HeaderMapping): { readonly header: string; readonly name: string } {
  return { header: m.header, name: isReservedKey(m.header) ? `${m.header} (column ${m.column})` : m.header };
}

/**
 * Plans a cleanse: compiles the pack and maps the headers (values sampled from the first
 * {@link MAPPING_SAMPLE_ROWS} rows).
 */
export function planCleanse(
  env: CleanseEnvironment,
  headers: readonly string[],
  sample: readonly RawRow[],
  options: CleanseOptions = {},
): CleansePlan {
  const pack = compileForEnvironment(options.pack, env);
  const mapped = mapHeaders(headers, sample.length > MAPPING_SAMPLE_ROWS ? sample.slice(0, MAPPING_SAMPLE_ROWS) : sample, pack.headerIndex, pack.headers);
  const fieldHeaders: [string, string][] = [...mapped.fieldToHeader.entries()];
  const extraHeaders = mapped.mappings.filter((m) => m.field === null).map(extraHeaderOf);
  const dedupe = env.setSteps?.dedupe !== undefined && (options.dedupe ?? (pack.resolved.dedupe !== undefined || options.existing !== undefined));
  const setStepsRun = dedupe || (options.existing !== undefined && env.setSteps?.labelExisting !== undefined) || (options.accounts !== undefined && env.setSteps?.matchAccounts !== undefined);
  return {
    pack,
    headers,
    mapping: mapped.mappings,
    mappingIssues: mapped.issues,
    fieldHeaders,
    extraHeaders,
    ruleIds: pack.plan.map((fp) => fp.steps.map((s, i) => `${pack.id}:normalize.${fp.field}[${i}]:${s.name}`)),
    target: options.target !== undefined ? compileTarget(options.target) : pack.target,
    campaign: options.campaign,
    dedupe,
    decideEarly: !setStepsRun,
  };
}

/**
 * What the record steps produced for a run of rows. Batches of one file concatenate
 * ({@link mergeRecordBatches}) into what one call over all rows gives.
 */
export interface RecordBatch {
  readonly rows: number;
  readonly records: LeadRecord[];
  /** Per record: its row's issues (for score and route conditions), when decisions run later. */
  readonly recordIssues: Issue[][] | null;
  readonly rejected: RejectedRow[];
  readonly changes: Change[];
  readonly issues: Issue[];
  readonly changesByRule: Record<string, number>;
  readonly fillBefore: Record<string, number>;
  readonly fillAfter: Record<string, number>;
  readonly rejectReasons: Record<string, number>;
}

function emptyBatch(decideEarly: boolean): RecordBatch {
  return { rows: 0, records: [], recordIssues: decideEarly ? null : [], rejected: [], changes: [], issues: [], changesByRule: {}, fillBefore: {}, fillAfter: {}, rejectReasons: {} };
}

export function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const k of Object.keys(from)) bump(into, k, from[k]!);
}

/** Concatenates record batches in order. */
export function mergeRecordBatches(batches: readonly RecordBatch[]): RecordBatch {
  if (batches.length === 1) return batches[0]!;
  const out = emptyBatch(batches.length > 0 && batches[0]!.recordIssues === null);
  let rows = 0;
  for (const b of batches) {
    rows += b.rows;
    for (const x of b.records) out.records.push(x);
    if (out.recordIssues && b.recordIssues) for (const x of b.recordIssues) out.recordIssues.push(x);
    for (const x of b.rejected) out.rejected.push(x);
    for (const x of b.changes) out.changes.push(x);
    for (const x of b.issues) out.issues.push(x);
    addCounts(out.changesByRule, b.changesByRule);
    addCounts(out.fillBefore, b.fillBefore);
    addCounts(out.fillAfter, b.fillAfter);
    addCounts(out.rejectReasons, b.rejectReasons);
  }
  return { ...out, rows };
}

/** Counts by slot (a field or rule index), remembering the order slots were first counted in. */
class SlotCounts {
  readonly n: Float64Array;
  readonly order: number[] = [];
  constructor(size: number) {
    this.n = new Float64Array(size);
  }
  add(i: number): void {
    const c = this.n[i]!;
    this.n[i] = c + 1;
    if (c === 0) this.order.push(i);
  }
  /** Adds the counts to `into` under `names[slot]`, slots in first-counted order (what `bump` per event gives). */
  addTo(into: Record<string, number>, names: readonly string[]): void {
    for (const i of this.order) bump(into, names[i]!, this.n[i]!);
  }
}

/** What the record loop needs from a plan, as flat arrays and slot numbers; built once per plan. */
interface EnginePlan {
  readonly fields: readonly string[];
  readonly headers: readonly string[];
  readonly extraNames: readonly string[];
  readonly extraSources: readonly string[];
  /** Per mapped field, its index in CANONICAL_FIELDS (-1: not a canonical field). */
  readonly fieldCanon: Int32Array;
  /** Per field plan, its field's index in CANONICAL_FIELDS (-1: not a canonical field). */
  readonly planCanon: Int32Array;
  /** Slot of `ruleIds[p][s]` in `ruleNames`. */
  readonly stepSlots: readonly (readonly number[])[];
  readonly statusSlot: number;
  readonly nameSlot: number;
  readonly ruleNames: readonly string[];
}

const enginePlans = new WeakMap<CleansePlan, EnginePlan>();

const CANON_INDEX: ReadonlyMap<string, number> = new Map(CANONICAL_FIELDS.map((f, i) => [f, i]));
const MEMBER_STATUS = CANON_INDEX.get('memberStatus')!;
const CAMPAIGN = CANON_INDEX.get('campaign')!;

function canonIndex(field: string): number {
  return CANON_INDEX.get(field) ?? -1;
}

function enginePlanOf(plan: CleansePlan): EnginePlan {
  let ep = enginePlans.get(plan);
  if (ep) return ep;
  const fields = plan.fieldHeaders.map(([f]) => f);
  const slots = new Map<string, number>();
  const ruleNames: string[] = [];
  const slotOf = (name: string): number => {
    let i = slots.get(name);
    if (i === undefined) {
      slots.set(name, (i = ruleNames.length));
      ruleNames.push(name);
    }
    return i;
  };
  const id = plan.pack.id;
  ep = {
    fields,
    headers: plan.fieldHeaders.map(([, h]) => h),
    extraNames: plan.extraHeaders.map((h) => h.name),
    extraSources: plan.extraHeaders.map((h) => h.header),
    fieldCanon: Int32Array.from(fields, canonIndex),
    planCanon: Int32Array.from(plan.pack.plan, (fp) => canonIndex(fp.field)),
    stepSlots: plan.ruleIds.map((ids) => ids.map(slotOf)),
    statusSlot: slotOf(`${id}:campaign.statuses`),
    nameSlot: slotOf(`${id}:campaign.name`),
    ruleNames,
  };
  enginePlans.set(plan, ep);
  return ep;
}

/**
 * Stores a canonical field by its CANONICAL_FIELDS index with a named store. Named stores keep a
 * record a fast-shaped object with up to ~128 keys; keyed stores (`r[field] = v`) turn records past
 * ~20 keys into slow dictionaries. Same key, value and key order as `r[CANONICAL_FIELDS[i]] = v`
 * (a test checks the table).
 */
export function setCanonicalField(r: { -readonly [K in (typeof CANONICAL_FIELDS)[number]]?: string | null }, i: number, v: string | null): void {
  switch (i) {
    case 0:
      r.id = v;
      return;
    case 1:
      r.salutation = v;
      return;
    case 2:
      r.fullName = v;
      return;
    case 3:
      r.firstName = v;
      return;
    case 4:
      r.middleName = v;
      return;
    case 5:
      r.lastName = v;
      return;
    case 6:
      r.suffix = v;
      return;
    case 7:
      r.credentials = v;
      return;
    case 8:
      r.email = v;
      return;
    case 9:
      r.phone = v;
      return;
    case 10:
      r.mobilePhone = v;
      return;
    case 11:
      r.company = v;
      return;
    case 12:
      r.website = v;
      return;
    case 13:
      r.title = v;
      return;
    case 14:
      r.jobLevel = v;
      return;
    case 15:
      r.jobFunction = v;
      return;
    case 16:
      r.jobSubFunction = v;
      return;
    case 17:
      r.department = v;
      return;
    case 18:
      r.street = v;
      return;
    case 19:
      r.street2 = v;
      return;
    case 20:
      r.city = v;
      return;
    case 21:
      r.state = v;
      return;
    case 22:
      r.postalCode = v;
      return;
    case 23:
      r.country = v;
      return;
    case 24:
      r.industry = v;
      return;
    case 25:
      r.employees = v;
      return;
    case 26:
      r.revenue = v;
      return;
    case 27:
      r.leadSource = v;
      return;
    case 28:
      r.campaign = v;
      return;
    case 29:
      r.memberStatus = v;
      return;
    case 30:
      r.optIn = v;
      return;
    case 31:
      r.createdAt = v;
      return;
    case 32:
      r.updatedAt = v;
      return;
    case 33:
      r.notes = v;
      return;
  }
}


/**
 * Makes a record: a plain object (prototype Object.prototype, constructor Object) with the keys
 * `sourceRow`, `extra`, `campaigns`, like `{ sourceRow, extra: {}, campaigns: [] }`. Made with
 * `new`, it is allocated with room for ~35 fields in the object itself (V8 sizes objects of a
 * constructor by the `this.x =` stores in its body, including those in the branch never taken),
 * so fields added later do not grow and copy a separate property array again and again.
 */
function recordShell(this: Record<string, unknown>, sourceRow: number, sizeOnly: boolean): void {
  this.sourceRow = sourceRow;
  this.extra = {};
  this.campaigns = [];
  if (sizeOnly) {
    this.f0 = this.f1 = this.f2 = this.f3 = this.f4 = this.f5 = this.f6 = this.f7 = this.f8 = this.f9 = null;
    this.g0 = this.g1 = this.g2 = this.g3 = this.g4 = this.g5 = this.g6 = this.g7 = this.g8 = this.g9 = null;
    this.h0 = this.h1 = this.h2 = this.h3 = this.h4 = this.h5 = this.h6 = this.h7 = this.h8 = this.h9 = null;
  }
}
recordShell.prototype = Object.prototype;
const RecordShell = recordShell as unknown as new (sourceRow: number, sizeOnly: false) => LeadRecord & Record<string, CellValue>;

/**
 * Runs the record steps (normalize, campaign, target checks, rejects, and score/route when
 * {@link CleansePlan.decideEarly}) over `rows`. `rowNumbers[i]` is the spreadsheet row of
 * `rows[i]` (default: `first + i + 2`, a header on row 1). Pure; depends on nothing but its inputs.
 */
export function runRecordSteps(
  plan: CleansePlan,
  rows: readonly RawRow[],
  rowNumbers?: readonly number[],
  first = 0,
  onProgress?: (done: number) => void,
): RecordBatch {
  const { pack, target } = plan;
  const ep = enginePlanOf(plan);
  const { fields, headers, extraNames, extraSources, stepSlots, fieldCanon, planCanon } = ep;
  const nf = fields.length;
  const nx = extraNames.length;
  // A row whose prototype is Object.prototype (or null) inherits nothing under these headers when
  // none is a key of Object.prototype: then row[header] is the own value or undefined, as ownValue gives.
  const plainHeadersSafe = !headers.some(onObjectPrototype) && !extraSources.some(onObjectPrototype);
  const planSteps = pack.plan;
  const rejectRules = pack.decisions.reject;
  const out = emptyBatch(plan.decideEarly);
  const { records, rejected, changes, issues, rejectReasons } = out;
  const ruleCounts = new SlotCounts(ep.ruleNames.length);
  const fillBefore = new SlotCounts(nf);
  const fillAfter = new SlotCounts(CANONICAL_FIELDS.length);
  const decide = pack.decisions.score !== undefined || pack.decisions.route !== undefined;
  // The record's canonical fields by CANONICAL_FIELDS index (undefined: absent), kept equal to the
  // record's own values at every write, so the loop reads them without keyed loads on the record.
  const vals: (CellValue | undefined)[] = new Array<CellValue | undefined>(CANONICAL_FIELDS.length).fill(undefined);
  for (let r = 0; r < rows.length; r++) {
    if (onProgress && r > 0 && (first + r) % 10_000 === 0) onProgress(first + r);
    const row = rows[r]!;
    const proto = plainHeadersSafe ? Object.getPrototypeOf(row) : undefined;
    const plain = proto === Object.prototype || proto === null;
    const sourceRow = rowNumbers?.[r] ?? first + r + 2;
    const record = new RecordShell(sourceRow, false);
    const rec = record as unknown as Record<string, unknown>;
    vals.fill(undefined);
    for (let k = 0; k < nf; k++) {
      const raw = cellText(plain ? row[headers[k]!] : ownValue(row, headers[k]!));
      const v = raw === '' ? null : raw;
      const c = fieldCanon[k]!;
      if (c < 0) rec[fields[k]!] = v;
      else {
        setCanonicalField(record, c, v);
        vals[c] = v;
      }
      if (v !== null && hasText(v)) fillBefore.add(k);
    }
    const extra: Record<string, string> = {};
    for (let k = 0; k < nx; k++) extra[extraNames[k]!] = cellText(plain ? row[extraSources[k]!] : ownValue(row, extraSources[k]!));
    record.extra = extra;
    const rowIssues: Issue[] = [];
    // One context per row; its field moves from step to step (and it is the decisions' context).
    const ctx: { record: LeadRecord; field: string; issues: Issue[] } = { record, field: '', issues: rowIssues };

    for (let p = 0; p < planSteps.length; p++) {
      const fp = planSteps[p]!;
      const field = fp.field;
      const slots = stepSlots[p]!;
      const c = planCanon[p]!;
      ctx.field = field;
      for (let s = 0; s < fp.steps.length; s++) {
        const ps = fp.steps[s]!;
        const before = (c >= 0 ? vals[c] : (rec[field] as CellValue | undefined)) ?? null;
        let out;
        try {
          out = ps.step.run(before, ps.options, ctx as StepContext);
        } catch (e) {
          rowIssues.push(issue('step.failed', { step: ps.name, reason: e instanceof Error ? e.message : String(e) }, { field, row: sourceRow }));
          continue;
        }
        // Most calls change nothing: passed over without reading the output (see NO_OUTPUT).
        if (out === NO_OUTPUT) continue;
        if (out.value !== undefined && out.value !== before) {
          changes.push({ row: sourceRow, field, before, after: out.value, rule: ep.ruleNames[slots[s]!]! });
          ruleCounts.add(slots[s]!);
          if (c < 0) rec[field] = out.value;
          else {
            setCanonicalField(record, c, out.value);
            vals[c] = out.value;
          }
        }
        if (out.set) {
          const sets = out.set;
          for (const f in sets) {
            if (!Object.prototype.hasOwnProperty.call(sets, f) || f === 'sourceRow' || f === 'extra' || f === 'campaigns' || isReservedKey(f)) continue;
            const after = sets[f]!;
            const cf = canonIndex(f);
            const prev = (cf >= 0 ? vals[cf] : (rec[f] as CellValue | undefined)) ?? null;
            if (after !== prev) {
              changes.push({ row: sourceRow, field: f, before: prev, after, rule: ep.ruleNames[slots[s]!]! });
              ruleCounts.add(slots[s]!);
              if (cf < 0) rec[f] = after;
              else {
                setCanonicalField(record, cf, after);
                vals[cf] = after;
              }
            }
          }
        }
        if (out.issues) {
          for (const i of out.issues) {
            rowIssues.push(i.row === undefined || i.field === undefined ? { ...i, row: i.row ?? sourceRow, field: i.field ?? field } : i);
          }
        }
      }
    }

    applyCampaign(rec, vals, pack, ep, plan.campaign, sourceRow, rowIssues, changes, ruleCounts);
    for (const i of rowIssues) issues.push(i);

    // Empty after cleaning (placeholders only counts as empty too).
    let any = false;
    for (let k = 0; k < nf; k++) {
      const c = fieldCanon[k]!;
      const v = c >= 0 ? vals[c] : rec[fields[k]!];
      if (typeof v === 'string' && hasText(v)) {
        any = true;
        break;
      }
    }
    if (!any) for (let k = 0; k < nx; k++) if (hasText(extra[extraNames[k]!]!)) { any = true; break; }
    let reasons: RejectReason[] | null = null;
    if (!any) {
      reasons = [{ code: 'empty_row', message: 'The row has no values.' }];
      issues.push(issue('row.empty', undefined, { row: sourceRow }));
    } else {
      if (target) {
        reasons = [];
        const t = renderRecord(record, target);
        rowIssues.push(...t.issues);
        issues.push(...t.issues);
        const missing = t.issues.filter((i) => i.code === 'target.required_missing');
        if (missing.length && target.rejectMissingRequired) {
          reasons.push({ code: 'missing_required_field', message: `${target.profile.name} requires ${missing.map((i) => i.data?.field).join(', ')}.`, field: missing[0]!.field ?? '' , value: null });
        }
        const invalid = t.issues.filter((i) => i.code !== 'target.required_missing');
        if (invalid.length && target.rejectInvalid) {
          reasons.push({ code: 'target_rejects_value', message: invalid.map((i) => i.message).join(' '), field: invalid[0]!.field ?? '', value: readField(record, invalid[0]!.field ?? '') });
        }
      }
      for (let k = 0; k < rejectRules.length; k++) {
        const rule = rejectRules[k]!;
        if (!rule.test(ctx)) continue;
        const reason: { -readonly [K in keyof RejectReason]: RejectReason[K] } = { code: rule.code, message: rule.message };
        if (rule.field !== undefined) {
          reason.field = rule.field;
          reason.value = readField(record, rule.field);
        }
        (reasons ??= []).push(reason);
      }
    }
    if (reasons !== null && reasons.length) {
      rejected.push({ sourceRow, reasons, original: originalOf(row, plan.headers), record });
      for (const r of reasons) bump(rejectReasons, r.code);
      continue;
    }
    if (plan.decideEarly) {
      if (decide) decideRecord(pack, record, ctx);
      for (let k = 0; k < vals.length; k++) {
        const v = vals[k];
        if (typeof v === 'string' && v !== '') fillAfter.add(k);
      }
    } else out.recordIssues!.push(decide ? rowIssues : NO_ISSUES);
    records.push(record);
  }
  ruleCounts.addTo(out.changesByRule, ep.ruleNames);
  fillBefore.addTo(out.fillBefore, fields);
  fillAfter.addTo(out.fillAfter, CANONICAL_FIELDS);
  return { ...out, rows: rows.length };
}

const NO_ISSUES: Issue[] = [];

function decideRecord(pack: CompiledPack, record: LeadRecord, ctx: { readonly record: LeadRecord; readonly issues: readonly Issue[] }): void {
  if (pack.decisions.score) {
    const sc = evaluateScore(pack.decisions.score, ctx);
    record.score = sc.score;
    // evaluateScore returns a fresh array each call.
    record.scoreRules = sc.rules as string[];
  }
  if (pack.decisions.route) {
    // Named stores in RouteResult's key order (what Object.assign did).
    const rt = evaluateRoute(pack.decisions.route, ctx);
    record.owner = rt.owner;
    record.queue = rt.queue;
    record.routeRule = rt.routeRule;
    record.nurtureProgram = rt.nurtureProgram;
    record.nurtureRule = rt.nurtureRule;
  }
}

function countFill(fillAfter: SlotCounts, record: LeadRecord): void {
  const rec = record as unknown as Record<string, unknown>;
  for (let k = 0; k < CANONICAL_FIELDS.length; k++) {
    const v = rec[CANONICAL_FIELDS[k]!];
    if (typeof v === 'string' && v !== '') fillAfter.add(k);
  }
}

/** What the set steps and the report add after the record steps. */
export interface FinishInput {
  /** Issues reported before the record steps (file parsing). */
  readonly fileIssues?: readonly Issue[];
  readonly existing?: readonly unknown[];
  /** Accounts, or an index prepared once with `SetSteps.prepareAccounts`. */
  readonly accounts?: unknown;
}

/** What the set steps did to a set of records. */
export interface SetStepResult {
  readonly records: LeadRecord[];
  readonly clusters: CleanseCluster[];
  readonly mergePlan: readonly unknown[];
  readonly review: readonly unknown[];
  readonly merged: number;
  readonly accountMatches: readonly unknown[];
  /** Survivorship changes. */
  readonly changes: Change[];
  readonly changesByRule: Record<string, number>;
  readonly issues: Issue[];
  /** Field fill counts of the final records. */
  readonly fillAfter: Record<string, number>;
}

/**
 * Runs the set steps (dedupe → existing-record labels → account matching) on clean records,
 * then score and route on the final records (unless they ran with the record steps).
 * `recordIssues[i]` are the row issues of `records[i]` (score/route conditions read them).
 */
export function runSetSteps(
  env: CleanseEnvironment,
  plan: CleansePlan,
  input: readonly LeadRecord[],
  recordIssues: readonly Issue[][] | null,
  options: FinishInput = {},
): SetStepResult {
  const { pack } = plan;
  let records = input as LeadRecord[];
  const changes: Change[] = [];
  const changesByRule: Record<string, number> = {};
  const issues: Issue[] = [];
  // Row issues by source row, for score and route conditions on the final records.
  const issuesByRow = new Map<number, Issue[]>();
  if (!plan.decideEarly && recordIssues) {
    for (let i = 0; i < records.length; i++) issuesByRow.set(records[i]!.sourceRow, recordIssues[i]!);
  }

  let clusters: CleanseCluster[] = [];
  let mergePlan: readonly unknown[] = [];
  let review: readonly unknown[] = [];
  let merged = 0;
  const dedupeFn = env.setSteps?.dedupe;
  if (dedupeFn && plan.dedupe && records.length > 0) {
    const before = records;
    const d = dedupeFn(before, { pack: pack.resolved });
    clusters = d.clusters.map((c) => ({ ...c, sourceRows: c.members.map((m) => before[m]!.sourceRow) }));
    mergePlan = d.mergePlan;
    review = d.review;
    const rule = `${pack.id}:dedupe.survivorship`;
    for (const entry of d.mergePlan) {
      const master = before[entry.master]!;
      for (const [field, choice] of Object.entries(entry.fields)) {
        if (field === 'campaigns' || field === 'extra' || field === 'sourceRow') continue;
        const prev = (master as unknown as Record<string, unknown>)[field];
        const after = choice.value === undefined || choice.value === null ? null : String(choice.value);
        changes.push({ row: master.sourceRow, field, before: prev === undefined || prev === null ? null : String(prev), after, rule: `${rule}.${choice.rule}` });
        bump(changesByRule, `${rule}.${choice.rule}`);
      }
    }
    merged = before.length - d.records.length;
    records = d.records as unknown as LeadRecord[];
    issues.push(...d.issues);
  }
  // Labels against the existing CRM records, on the final (merged) records.
  const labelFn = env.setSteps?.labelExisting;
  if (labelFn && options.existing && records.length > 0) {
    const labels = labelFn(records, options.existing, { pack: pack.resolved });
    for (const m of labels.matches) {
      const target = records[m.index];
      if (!target) continue;
      target.crmAction = m.action;
      target.existingId = m.existingId;
    }
    issues.push(...labels.issues);
  }
  let accountMatches: readonly unknown[] = [];
  if (options.accounts && env.setSteps?.matchAccounts) {
    const matches = env.setSteps.matchAccounts(records, options.accounts, { pack: pack.resolved });
    accountMatches = matches;
    matches.forEach((m, i) => {
      const r = records[i]!;
      r.accountId = m.accountId;
      r.accountMatchConfidence = m.accountId === null ? null : m.confidence.toFixed(2);
      r.accountMatchMethod = m.accountId === null ? null : m.method;
      r.accountMatchExplanation = m.accountId === null ? null : m.explanation;
    });
  }

  // ---- decisions on the final records: score and route (after merging and account matching) ----
  const fillAfter: Record<string, number> = {};
  if (!plan.decideEarly) {
    const decide = pack.decisions.score !== undefined || pack.decisions.route !== undefined;
    const fill = new SlotCounts(CANONICAL_FIELDS.length);
    for (const record of records) {
      if (decide) decideRecord(pack, record, { record, issues: issuesByRow.get(record.sourceRow) ?? NO_ISSUES });
      countFill(fill, record);
    }
    fill.addTo(fillAfter, CANONICAL_FIELDS);
  }
  return { records, clusters, mergePlan, review, merged, accountMatches, changes, changesByRule, issues, fillAfter };
}

/**
 * Runs the set steps on the records of a (merged) batch and builds the result and report.
 */
export function finishCleanse(env: CleanseEnvironment, plan: CleansePlan, batch: RecordBatch, input: FinishInput = {}): CleanseResult {
  const set = runSetSteps(env, plan, batch.records, batch.recordIssues, input);
  const issues: Issue[] = [...(input.fileIssues ?? []), ...plan.mappingIssues, ...batch.issues, ...set.issues];
  const changes = batch.changes;
  for (const c of set.changes) changes.push(c);
  const changesByRule = { ...batch.changesByRule };
  addCounts(changesByRule, set.changesByRule);
  const fillAfter = plan.decideEarly ? batch.fillAfter : set.fillAfter;
  const report = buildReport(plan, batch.rows, set.records.length, batch.rejected.length, set.merged, batch.rejectReasons, batch.fillBefore, fillAfter, changesByRule, countIssues(issues));
  const { records, clusters, mergePlan, review, accountMatches } = set;
  return { records, rejected: batch.rejected, changes, clusters, mergePlan, review, accountMatches, issues, report, mapping: plan.mapping, target: plan.target };
}

/** Issue counts by code. */
export function countIssues(issues: readonly Issue[], into: Record<string, number> = {}): Record<string, number> {
  for (const i of issues) bump(into, i.code);
  return into;
}

/** The run report from counts (shared by the in-memory and streaming paths). */
export function buildReport(
  plan: CleansePlan,
  rowsIn: number,
  rowsOut: number,
  rejected: number,
  merged: number,
  rejectReasons: Readonly<Record<string, number>>,
  fillBefore: Readonly<Record<string, number>>,
  fillAfter: Readonly<Record<string, number>>,
  changesByRule: Readonly<Record<string, number>>,
  issuesByCode: Readonly<Record<string, number>>,
): CleanseReport {
  const fillRate: Record<string, FieldFill> = {};
  // Before: share of input rows; after: share of clean records (rejects excluded).
  const nIn = rowsIn || 1;
  const nOut = rowsOut || 1;
  for (const f of CANONICAL_FIELDS) {
    const b = fillBefore[f] ?? 0;
    const a = fillAfter[f] ?? 0;
    if (b > 0 || a > 0) fillRate[f] = { before: round(b / nIn), after: round(a / nOut) };
  }
  const { pack } = plan;
  return {
    pack: { id: pack.id, version: pack.version, hash: pack.hash },
    rowsIn,
    rowsOut,
    rejected,
    merged,
    rejectReasons: { ...rejectReasons },
    mapping: plan.mapping,
    fillRate,
    changesByRule: { ...changesByRule },
    issuesByCode: { ...issuesByCode },
  };
}

/**
 * Cleanses rows with a pack.
 *
 * Row conservation: every input row ends in `records` or `rejected` (and later, merged
 * into a survivor); `sourceRow` links each back. Every changed cell is in `changes`.
 */
export function cleanseWith(
  env: CleanseEnvironment,
  input: readonly RawRow[] | ParsedLeadFile,
  options: CleanseOptions = {},
): CleanseResult {
  const { rows, rowNumbers, plan, finish } = prepareCleanse(env, input, options, 'cleanse');
  const onProgress = options.onProgress;
  const batch = runRecordSteps(plan, rows, rowNumbers, 0, onProgress ? (done) => onProgress(done, rows.length) : undefined);
  onProgress?.(rows.length, rows.length);
  return finishCleanse(env, plan, batch, finish);
}

/**
 * The input side of a cleanse, shared by `cleanse` and `cleanseParallel`: rows, their row
 * numbers, the plan, and what `finishCleanse` needs besides the batch.
 */
export function prepareCleanse(
  env: CleanseEnvironment,
  input: readonly RawRow[] | ParsedLeadFile,
  options: CleanseOptions,
  caller: string,
): { rows: readonly RawRow[]; rowNumbers: readonly number[] | undefined; plan: CleansePlan; finish: FinishInput } {
  if (!isParsedFile(input) && !Array.isArray(input)) {
    throw new LeadtidyError('input', `${caller}() expects an array of row objects or the result of parseLeadFile()`);
  }
  const parsed = isParsedFile(input) ? input : null;
  const rows: readonly RawRow[] = parsed ? parsed.rows : (input as readonly RawRow[]);
  const headers = options.headers ?? parsed?.headers ?? collectHeaders(rows);
  const plan = planCleanse(env, headers, rows, options);
  return {
    rows,
    rowNumbers: options.rowNumbers ?? parsed?.meta.rowNumbers,
    plan,
    finish: {
      ...(parsed ? { fileIssues: parsed.issues } : {}),
      ...(options.existing ? { existing: options.existing } : {}),
      ...(options.accounts ? { accounts: options.accounts } : {}),
    },
  };
}

/**
 * Campaign membership for a record: the file's campaign, and its member status resolved to a declared one.
 * `vals` holds the record's canonical fields by index (and is updated with it).
 */
function applyCampaign(
  rec: Record<string, unknown>,
  vals: (CellValue | undefined)[],
  pack: CompiledPack,
  ep: EnginePlan,
  override: CleanseOptions['campaign'],
  sourceRow: number,
  rowIssues: Issue[],
  changes: Change[],
  ruleCounts: SlotCounts,
): void {
  const memberStatus = vals[MEMBER_STATUS] ?? null;
  const campaign = vals[CAMPAIGN] ?? null;
  const name = override?.name ?? campaign ?? pack.campaign?.name ?? null;
  let status = memberStatus ?? override?.status ?? pack.campaign?.defaultStatus ?? null;
  if (status !== null && pack.statusIndex.size > 0) {
    const canonical = pack.statusIndex.get(foldKey(status));
    if (canonical === undefined) {
      rowIssues.push(issue('campaign.unknown_status', { value: status, statuses: [...new Set(pack.statusIndex.values())] }, { field: 'memberStatus', row: sourceRow }));
    } else status = canonical;
  }
  if (status !== memberStatus && status !== null) {
    changes.push({ row: sourceRow, field: 'memberStatus', before: memberStatus, after: status, rule: ep.ruleNames[ep.statusSlot]! });
    ruleCounts.add(ep.statusSlot);
    rec.memberStatus = vals[MEMBER_STATUS] = status;
  }
  if (name !== null && name !== campaign) {
    changes.push({ row: sourceRow, field: 'campaign', before: campaign, after: name, rule: ep.ruleNames[ep.nameSlot]! });
    ruleCounts.add(ep.nameSlot);
    rec.campaign = vals[CAMPAIGN] = name;
  }
  if (name !== null) rec.campaigns = [{ campaign: name, status, sourceRow }];
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function originalOf(row: RawRow, headers: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers) {
    const v = cellText(ownValue(row, h));
    if (isReservedKey(h)) Object.defineProperty(out, h, { value: v, enumerable: true, writable: true, configurable: true });
    else out[h] = v;
  }
  return out;
}

function onObjectPrototype(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(Object.prototype, key);
}

function ownValue(row: RawRow, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(row, key) ? row[key] : undefined;
}
