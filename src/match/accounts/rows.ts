import { issue, type Issue } from '../../core/codes.js';
import { compactKey } from '../../core/text.js';
import type { Account } from './core.js';

/** Field → header aliases, as in `dictionaries/account-headers.json`. */
export type AccountHeaderAliases = Readonly<Record<string, readonly string[]>>;

const LIST_FIELDS = new Set(['domains', 'emails']);

/**
 * Builds a converter from parsed CSV rows (header → cell objects) to accounts, tolerant of header
 * variants ("Account Name", "Billing Country", "Parent Account ID", "Firmenname"…).
 *
 * @example
 * createAccountRowReader(aliases)([{ 'Account ID': '1', 'Account Name': 'Acme' }]).accounts
 * //=> [{ id: '1', name: 'Acme' }]
 */
export function createAccountRowReader(aliases: AccountHeaderAliases) {
  let lookup: Map<string, string> | undefined;
  const table = (): Map<string, string> => {
    if (lookup) return lookup;
    lookup = new Map();
    for (const field of Object.keys(aliases)) for (const a of aliases[field]!) lookup.set(compactKey(a), field);
    return lookup;
  };

  return function accountsFromRows(
    rows: readonly Readonly<Record<string, unknown>>[],
    options: { readonly firstRow?: number } = {},
  ): { accounts: Account[]; issues: Issue[]; mapping: Record<string, string> } {
    const T = table();
    const accounts: Account[] = [];
    const issues: Issue[] = [];
    const mapping: Record<string, string> = Object.create(null) as Record<string, string>;
    const seen = new Set<string>();
    const first = options.firstRow ?? 2;
    if (!Array.isArray(rows)) return { accounts, issues, mapping };
    // Header → field from the first row's keys (and any later new keys); the first header wins per field.
    const taken = new Set<string>();
    const fieldOf = (header: string): string | undefined => {
      if (header in mapping) return mapping[header];
      const f = T.get(compactKey(header));
      if (f !== undefined && !taken.has(f)) {
        taken.add(f);
        mapping[header] = f;
        return f;
      }
      return undefined;
    };
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (typeof row !== 'object' || row === null) continue;
      const a: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const header of Object.keys(row)) {
        const f = fieldOf(header);
        if (f === undefined) continue;
        const v = row[header];
        if (v === null || v === undefined || v === '') continue;
        a[f] = LIST_FIELDS.has(f) && typeof v === 'string' ? v.split(/[\s,;|]+/).filter((x) => x !== '') : v;
      }
      const id = typeof a['id'] === 'number' ? String(a['id']) : typeof a['id'] === 'string' ? a['id'].trim() : '';
      const name = typeof a['name'] === 'string' ? a['name'].trim() : '';
      if (id === '' || (name === '' && a['website'] === undefined && a['domains'] === undefined)) {
        issues.push(issue('account.skipped', { row: first + r, reason: id === '' ? 'no id' : 'no name, website or domains' }));
        continue;
      }
      if (seen.has(id)) {
        issues.push(issue('account.duplicate_id', { id }, { row: first + r }));
        continue;
      }
      seen.add(id);
      accounts.push({ ...a, id } as Account);
    }
    return { accounts, issues, mapping: { ...mapping } };
  };
}
