/**
 * Builds dictionaries/disposable-email-domains.json from disposable-email-domains
 * (MIT): index.json (exact domains) and wildcard.json (the domain and all its subdomains).
 * Exact domains are stored as one newline-joined string: JSON.parse of one string is
 * several times cheaper at import than an array of 120k strings; the unit splits it lazily.
 * Run: npx tsx scripts/dict/disposable-email-domains.ts
 */
import { pkgFile, pkgId, readText, writeDict } from './_contact-lib.js';

const id = pkgId('disposable-email-domains');
const exact = (JSON.parse(readText(pkgFile('disposable-email-domains', 'index.json'))) as string[]).map((s) => s.trim().toLowerCase());
const wildcard = (JSON.parse(readText(pkgFile('disposable-email-domains', 'wildcard.json'))) as string[]).map((s) => s.trim().toLowerCase());
writeDict('disposable-email-domains', {
  source: `${id} index.json (exact) and wildcard.json (domain and subdomains), lowercased, sorted, deduplicated`,
  license: 'MIT',
  wildcard: [...new Set(wildcard)].sort(),
  exact: [...new Set(exact)].filter(Boolean).sort().join('\n'),
});
