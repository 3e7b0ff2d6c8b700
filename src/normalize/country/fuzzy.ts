import { osaDistance } from '../../core/distance.js';
/**
 * Bounded typo matching for place names: a single-deletion index (SymSpell style) finds
 * every key within one edit (insert, delete, substitute, adjacent swap) in O(length) lookups.
 */


/** A typo index over keys that map to labels (country codes, subdivision codes). */
export interface TypoIndex {
  /** Labels of every key within one edit of `key` (verified), deduplicated. */
  near(key: string): { labels: string[]; keys: string[] };
  /** The label of an indexed key. */
  label(key: string): string | undefined;
}

/**
 * Builds a single-deletion index over `entries` (key → label).
 *
 * @example
 * buildTypoIndex([['germany', 'DE']]).near('germnay').labels //=> ['DE']
 */
export function buildTypoIndex(entries: Iterable<readonly [string, string]>): TypoIndex {
  const byKey = new Map<string, string>();
  const deletes = new Map<string, string[]>();
  const push = (d: string, k: string): void => {
    const list = deletes.get(d);
    if (list) {
      if (list[list.length - 1] !== k) list.push(k);
    } else deletes.set(d, [k]);
  };
  for (const [k, label] of entries) {
    byKey.set(k, label);
    push(k, k);
    for (let i = 0; i < k.length; i++) push(k.slice(0, i) + k.slice(i + 1), k);
  }
  return {
    label: (k) => byKey.get(k),
    near(key: string) {
      const found = new Set<string>();
      const probe = (d: string): void => {
        const list = deletes.get(d);
        if (list) for (const k of list) found.add(k);
      };
      probe(key);
      for (let i = 0; i < key.length; i++) probe(key.slice(0, i) + key.slice(i + 1));
      const keys: string[] = [];
      const labels = new Set<string>();
      for (const k of found) {
        if (k !== key && osaDistance(key, k, 1) <= 1) {
          keys.push(k);
          labels.add(byKey.get(k)!);
        }
      }
      return { labels: [...labels], keys };
    },
  };
}

export { osaDistance };
