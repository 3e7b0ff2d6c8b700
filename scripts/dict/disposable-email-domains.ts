/**
 * Builds dictionaries/disposable-email-domains.json from disposable-email-domains
 * (MIT): index.json (exact domains) and wildcard.json (the domain and all its subdomains).
 * Exact domains are stored compactly, because import time matters: grouped by top-level domain,
 * each group one newline-joined string of the sorted names without the TLD, front-coded (each line
 * starts with one character, code 48 + n, saying how many leading characters repeat from the line
 * before). One string per TLD parses far faster than 120k strings; the unit decodes lazily.
 * Run: npx tsx scripts/dict/disposable-email-domains.ts
 */
import { pkgFile, pkgId, readText, writeDict } from './_contact-lib.js';

const id = pkgId('disposable-email-domains');
const exact = (JSON.parse(readText(pkgFile('disposable-email-domains', 'index.json'))) as string[]).map((s) => s.trim().toLowerCase());
const wildcard = (JSON.parse(readText(pkgFile('disposable-email-domains', 'wildcard.json'))) as string[]).map((s) => s.trim().toLowerCase());
const byTld = new Map<string, string[]>();
for (const d of new Set(exact)) {
  const dot = d.lastIndexOf('.');
  if (dot <= 0) continue;
  const tld = d.slice(dot + 1);
  if (!byTld.has(tld)) byTld.set(tld, []);
  byTld.get(tld)!.push(d.slice(0, dot));
}
const groups: Record<string, string> = {};
for (const tld of [...byTld.keys()].sort()) {
  let prev = '';
  const lines: string[] = [];
  for (const name of byTld.get(tld)!.sort()) {
    let n = 0;
    const max = Math.min(prev.length, name.length, 70);
    while (n < max && prev[n] === name[n]) n++;
    lines.push(String.fromCharCode(48 + n) + name.slice(n));
    prev = name;
  }
  groups[tld] = lines.join('\n');
}
writeDict('disposable-email-domains', {
  source: `${id} index.json (exact) and wildcard.json (domain and subdomains), lowercased, deduplicated; exact domains grouped by TLD and front-coded (see scripts/dict/disposable-email-domains.ts)`,
  license: 'MIT',
  wildcard: [...new Set(wildcard)].sort(),
  exact: groups,
});
