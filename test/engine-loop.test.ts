/**
 * The record loop (runRecordSteps) against a reference: the loop as written before the speed work
 * (one keyed store per field, bump() per event, Object.assign of the route). Batches must be equal
 * as JSON, key order included, on generated rows, on hostile rows and with steps that set any key.
 */
import fc from 'fast-check';
import * as z from 'zod';
import { describe, expect, test } from 'vitest';
import { builtInEnvironment, CANONICAL_FIELDS, issue, renderRecord, type Issue, type LeadRecord, type RawRow } from '../src/index.js';
import { planCleanse, runRecordSteps, setCanonicalField, type CleanseEnvironment, type CleansePlan, type RecordBatch, type RejectReason } from '../src/engine/cleanse.js';
import { readField } from '../src/decide/conditions.js';
import { evaluateRejects, evaluateRoute, evaluateScore } from '../src/decide/sections.js';
import { foldKey, isReservedKey } from '../src/core/text.js';
import type { CompiledPack } from '../src/engine/pack.js';
import type { CellValue, StepContext, StepDefinition } from '../src/engine/step.js';
import { generateLeadCsv } from '../bench/gen.js';
import { parseLeadFile } from '../src/index.js';

// ---- reference: the record loop before the speed work ----------------------------------
function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (Object.prototype.hasOwnProperty.call(map, key) ? map[key]! : 0) + by;
}
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return String(v);
}
function ownValue(row: RawRow, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(row, key) ? row[key] : undefined;
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
function refDecide(pack: CompiledPack, record: LeadRecord, rowIssues: readonly Issue[]): void {
  const dctx = { record, issues: rowIssues };
  if (pack.decisions.score) {
    const sc = evaluateScore(pack.decisions.score, dctx);
    record.score = sc.score;
    record.scoreRules = [...sc.rules];
  }
  if (pack.decisions.route) Object.assign(record, evaluateRoute(pack.decisions.route, dctx));
}
function refCampaign(record: LeadRecord, rec: Record<string, unknown>, pack: CompiledPack, override: CleansePlan['campaign'], sourceRow: number, rowIssues: Issue[], changes: RecordBatch['changes'], changesByRule: Record<string, number>): void {
  const name = override?.name ?? record.campaign ?? pack.campaign?.name ?? null;
  let status = record.memberStatus ?? override?.status ?? pack.campaign?.defaultStatus ?? null;
  if (status !== null && pack.statusIndex.size > 0) {
    const canonical = pack.statusIndex.get(foldKey(status));
    if (canonical === undefined) {
      rowIssues.push(issue('campaign.unknown_status', { value: status, statuses: [...new Set(pack.statusIndex.values())] }, { field: 'memberStatus', row: sourceRow }));
    } else status = canonical;
  }
  if (status !== (record.memberStatus ?? null) && status !== null) {
    const rule = `${pack.id}:campaign.statuses`;
    changes.push({ row: sourceRow, field: 'memberStatus', before: record.memberStatus ?? null, after: status, rule });
    bump(changesByRule, rule);
    rec.memberStatus = status;
  }
  if (name !== null && name !== (record.campaign ?? null)) {
    const rule = `${pack.id}:campaign.name`;
    changes.push({ row: sourceRow, field: 'campaign', before: record.campaign ?? null, after: name, rule });
    bump(changesByRule, rule);
    rec.campaign = name;
  }
  if (name !== null) record.campaigns = [{ campaign: name, status, sourceRow }];
}
function referenceRun(plan: CleansePlan, rows: readonly RawRow[], rowNumbers?: readonly number[], first = 0): RecordBatch {
  const { pack, fieldHeaders, extraHeaders, ruleIds, target } = plan;
  const out = { rows: 0, records: [] as LeadRecord[], recordIssues: plan.decideEarly ? null : ([] as Issue[][]), rejected: [] as RecordBatch['rejected'], changes: [] as RecordBatch['changes'], issues: [] as Issue[], changesByRule: {} as Record<string, number>, fillBefore: {} as Record<string, number>, fillAfter: {} as Record<string, number>, rejectReasons: {} as Record<string, number> };
  const decide = pack.decisions.score !== undefined || pack.decisions.route !== undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const sourceRow = rowNumbers?.[r] ?? first + r + 2;
    const record = { sourceRow, extra: {}, campaigns: [] } as unknown as LeadRecord & Record<string, CellValue>;
    const rec = record as unknown as Record<string, unknown>;
    for (const [field, header] of fieldHeaders) {
      const raw = cellText(ownValue(row, header));
      const v = raw === '' ? null : raw;
      rec[field] = v;
      if (v !== null && v.trim() !== '') bump(out.fillBefore, field);
    }
    const extra: Record<string, string> = {};
    for (const h of extraHeaders) extra[h.name] = cellText(ownValue(row, h.header));
    record.extra = extra;
    const rowIssues: Issue[] = [];
    const ctx = { record, field: '', issues: rowIssues };
    for (let p = 0; p < pack.plan.length; p++) {
      const fp = pack.plan[p]!;
      const field = fp.field;
      ctx.field = field;
      for (let s = 0; s < fp.steps.length; s++) {
        const ps = fp.steps[s]!;
        const before = (rec[field] as CellValue | undefined) ?? null;
        let o;
        try {
          o = ps.step.run(before, ps.options, ctx as StepContext);
        } catch (e) {
          rowIssues.push(issue('step.failed', { step: ps.name, reason: e instanceof Error ? e.message : String(e) }, { field, row: sourceRow }));
          continue;
        }
        const rule = ruleIds[p]![s]!;
        if (o.value !== undefined && o.value !== before) {
          out.changes.push({ row: sourceRow, field, before, after: o.value, rule });
          bump(out.changesByRule, rule);
          rec[field] = o.value;
        }
        if (o.set) {
          const sets = o.set;
          for (const f in sets) {
            if (!Object.prototype.hasOwnProperty.call(sets, f) || f === 'sourceRow' || f === 'extra' || f === 'campaigns' || isReservedKey(f)) continue;
            const after = sets[f]!;
            const prev = (rec[f] as CellValue | undefined) ?? null;
            if (after !== prev) {
              out.changes.push({ row: sourceRow, field: f, before: prev, after, rule });
              bump(out.changesByRule, rule);
              rec[f] = after;
            }
          }
        }
        if (o.issues) for (const i of o.issues) rowIssues.push(i.row === undefined || i.field === undefined ? { ...i, row: i.row ?? sourceRow, field: i.field ?? field } : i);
      }
    }
    refCampaign(record, rec, pack, plan.campaign, sourceRow, rowIssues, out.changes, out.changesByRule);
    for (const i of rowIssues) out.issues.push(i);
    let any = false;
    for (const [field] of fieldHeaders) {
      const v = rec[field];
      if (typeof v === 'string' && v.trim() !== '') {
        any = true;
        break;
      }
    }
    if (!any) for (const h of extraHeaders) if (extra[h.name]!.trim() !== '') { any = true; break; }
    const reasons: RejectReason[] = [];
    if (!any) {
      reasons.push({ code: 'empty_row', message: 'The row has no values.' });
      out.issues.push(issue('row.empty', undefined, { row: sourceRow }));
    } else {
      const dctx = { record, issues: rowIssues };
      if (target) {
        const t = renderRecord(record, target);
        rowIssues.push(...t.issues);
        out.issues.push(...t.issues);
        const missing = t.issues.filter((i) => i.code === 'target.required_missing');
        if (missing.length && target.rejectMissingRequired) {
          reasons.push({ code: 'missing_required_field', message: `${target.profile.name} requires ${missing.map((i) => i.data?.field).join(', ')}.`, field: missing[0]!.field ?? '', value: null });
        }
        const invalid = t.issues.filter((i) => i.code !== 'target.required_missing');
        if (invalid.length && target.rejectInvalid) {
          reasons.push({ code: 'target_rejects_value', message: invalid.map((i) => i.message).join(' '), field: invalid[0]!.field ?? '', value: readField(record, invalid[0]!.field ?? '') });
        }
      }
      for (const x of evaluateRejects(pack.decisions.reject, dctx)) {
        const reason: { -readonly [K in keyof RejectReason]: RejectReason[K] } = { code: x.code, message: x.message };
        if (x.field !== undefined) {
          reason.field = x.field;
          reason.value = readField(record, x.field);
        }
        reasons.push(reason);
      }
    }
    if (reasons.length) {
      out.rejected.push({ sourceRow, reasons, original: originalOf(row, plan.headers), record });
      for (const x of reasons) bump(out.rejectReasons, x.code);
      continue;
    }
    if (plan.decideEarly) {
      if (decide) refDecide(pack, record, rowIssues);
      for (const f of CANONICAL_FIELDS) {
        const v = rec[f];
        if (typeof v === 'string' && v !== '') bump(out.fillAfter, f);
      }
    } else out.recordIssues!.push(decide ? rowIssues : []);
    out.records.push(record);
  }
  return { ...out, rows: rows.length };
}

// ---- test steps: set any key, throw, raise issues ---------------------------------------
const SET_KEYS = ['jobLevel', 'jobFunction', 'campaign', 'memberStatus', 'custom', 'score', 'sourceRow', 'extra', 'campaigns', '__proto__', 'constructor', 'toString', '7', 'email', 'country'];
const testSteps: Record<string, StepDefinition> = {
  setter: {
    name: 'setter',
    description: 'sets keys picked from the value',
    options: z.object({}).strict(),
    run(value) {
      if (value === null) return {};
      const set: Record<string, CellValue> = {};
      for (let i = 0; i < value.length && i < 4; i++) {
        const k = SET_KEYS[value.charCodeAt(i) % SET_KEYS.length]!;
        Object.defineProperty(set, k, { value: i % 3 === 0 ? null : value.slice(i), enumerable: true, writable: true, configurable: true });
      }
      return { set };
    },
  },
  thrower: {
    name: 'thrower',
    description: 'throws on "x"',
    options: z.object({}).strict(),
    run(value) {
      if (value !== null && value.includes('x')) throw new Error('boom');
      return value === null ? {} : { value: value.length % 2 ? value.toUpperCase() : null, issues: value.length % 3 ? [issue('cell.placeholder', { value })] : [] };
    },
  },
};
const env: CleanseEnvironment = { ...builtInEnvironment, steps: { ...builtInEnvironment.steps, ...testSteps } };
const testPack = {
  id: 'looptest',
  version: '1.0.0',
  extends: 'default',
  headers: { map: { 'Custom Q1': 'custom', Badge: 'id', Status: 'memberStatus', Camp: 'campaign', Seven: '7' } },
  normalize: { custom: ['setter', 'thrower'], notes: ['setter'], '7': ['thrower'], campaign: ['thrower'], id: ['setter'] },
};

function same(plan: CleansePlan, rows: readonly RawRow[], rowNumbers?: readonly number[], first?: number, clone = true): void {
  const want = referenceRun(plan, rows, rowNumbers, first);
  const got = runRecordSteps(plan, rows, rowNumbers, first);
  expect(JSON.stringify(got)).toBe(JSON.stringify(want));
  expect(got.records.map((r) => Object.keys(r))).toEqual(want.records.map((r) => Object.keys(r)));
  for (const r of [...got.records, ...got.rejected.map((x) => x.record)]) {
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(r.constructor).toBe(Object);
  }
  // (A step setting an inherited key such as toString logs the inherited function as `before`: not cloneable.)
  if (clone) expect(structuredClone(got)).toStrictEqual(structuredClone(want));
  expect(got.records).toStrictEqual(want.records);
  expect(Object.keys(got)).toEqual(Object.keys(want));
}

describe('runRecordSteps equals the reference loop', () => {
  const parsed = parseLeadFile(generateLeadCsv({ rows: 600, seed: 3 }));
  test.each([
    ['default pack, decisions early', {}, false],
    ['default pack, decisions later', {}, true],
    ['target salesforce-lead', { target: 'salesforce-lead' }, false],
    ['campaign override', { campaign: { name: 'Expo', status: 'booth' } }, false],
  ] as const)('generated rows: %s', (_, options, late) => {
    const p = planCleanse(env, parsed.headers, parsed.rows, { dedupe: false, ...options });
    const plan = late ? { ...p, decideEarly: false } : p;
    same(plan, parsed.rows, parsed.meta.rowNumbers);
    same(plan, parsed.rows.slice(100, 250), undefined, 100);
  });

  const HEADERS = ['First Name', 'Email', 'Company', 'Phone', 'Job Title', 'Country', 'Notes', 'Custom Q1', 'Badge', 'Status', 'Camp', 'Seven', '__proto__', 'constructor', '1', 'Extra'];
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', ' ', '\u00a0', '\ufeffx', 'n/a', 'x', 'yes', 'booth', 'Attended', 'VP Sales', 'ann@acme.de', 'a@b', 'DE', 'Cuba', '1,000', '\u2003'),
  );
  const rowsArb = fc.array(fc.dictionary(fc.constantFrom(...HEADERS), cell, { maxKeys: HEADERS.length }), { maxLength: 20 });
  test('hostile rows, a pack whose steps set any key (reserved, non-canonical, integer-like)', () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), fc.boolean(), (rows, late, useTarget) => {
        const p = planCleanse(env, HEADERS, rows, { pack: testPack, ...(useTarget ? { target: 'hubspot-contact' } : {}) });
        same(late ? { ...p, decideEarly: false } : p, rows, undefined, undefined, false);
      }),
      { numRuns: 150 },
    );
  });
});

describe('rows that are not plain objects, and a polluted Object.prototype', () => {
  const HEADERS = ['First Name', 'Email', 'Company', 'Custom Q1', 'Seven', 'Extra'];
  const base = { 'First Name': 'Ann', Email: 'ann@acme.de', Company: 'Acme', 'Custom Q1': 'q', Seven: '7x', Extra: 'e' };
  const inherited = Object.assign(Object.create({ Email: 'inherited@x.de', Extra: 'inh' }) as Record<string, string>, { 'First Name': 'Bo' });
  const nullProto = Object.assign(Object.create(null) as Record<string, string>, base);
  const rows: RawRow[] = [base, inherited, nullProto, { Company: 'Solo' }];
  test('custom and null prototypes', () => {
    const plan = planCleanse(env, HEADERS, rows, { pack: testPack });
    same(plan, rows, undefined, undefined, false);
  });
  test('a header that is a key of a polluted Object.prototype is read as own values only', () => {
    const plan = planCleanse(env, HEADERS, rows, { pack: testPack });
    (Object.prototype as Record<string, unknown>).Seven = 'polluted';
    (Object.prototype as Record<string, unknown>).Extra = 'polluted';
    try {
      same(plan, rows, undefined, undefined, false);
      expect(runRecordSteps(plan, [{ Email: 'a@b.de' }]).records[0]!.extra).toEqual({ Extra: '' });
    } finally {
      delete (Object.prototype as Record<string, unknown>).Seven;
      delete (Object.prototype as Record<string, unknown>).Extra;
    }
  });
});

describe('setCanonicalField', () => {
  test.each(CANONICAL_FIELDS.map((f, i) => [f, i] as const))('%s (index %i) is a store of that key', (f, i) => {
    const r: Record<string, unknown> = { a: 1 };
    setCanonicalField(r, i, 'v');
    expect(Object.entries(r)).toEqual([['a', 1], [f, 'v']]);
    setCanonicalField(r, i, null);
    expect(Object.entries(r)).toEqual([['a', 1], [f, null]]);
  });
  test('an index out of range stores nothing', () => {
    const r = {};
    setCanonicalField(r, CANONICAL_FIELDS.length, 'v');
    setCanonicalField(r, -1, 'v');
    expect(r).toEqual({});
  });
});
