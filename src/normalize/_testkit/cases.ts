/** Shared helpers for the contact units' table tests (test-only). */
import { expect } from 'vitest';
import type { IssueCode } from '../../core/codes.js';
import type { UnitResult } from '../../core/result.js';

/** Codes that are informational bookkeeping: ignored unless a case names them. */
const SOFT: ReadonlySet<string> = new Set(['email.extracted', 'name.recased', 'company.recased']);

/** Asserts a unit result against a table case: value fields (partial) and the set of issue codes. */
export function expectCase<T>(
  r: UnitResult<T>,
  expected: { readonly value: Partial<T> | null; readonly issues?: readonly IssueCode[] },
): void {
  if (expected.value === null) expect(r.value).toBeNull();
  else expect(r.value).toMatchObject(expected.value as object);
  if (expected.issues !== undefined) {
    const got = new Set(r.issues.map((i) => i.code).filter((c) => !SOFT.has(c) || expected.issues!.includes(c)));
    expect([...got].sort()).toEqual([...new Set(expected.issues)].sort());
  }
  expect(r.confidence).toBeGreaterThanOrEqual(0);
  expect(r.confidence).toBeLessThanOrEqual(1);
}
