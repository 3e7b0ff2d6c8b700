/**
 * Builds dictionaries/free-email-domains.json from freemail's data/free.txt (ISC).
 * Keeps syntactically valid lowercase domains; drops entries that are also in the
 * disposable list (a disposable domain is flagged as disposable, not free).
 * Run: npx tsx scripts/dict/free-email-domains.ts
 */
import { pkgFile, pkgId, readText, writeDict } from './_contact-lib.js';

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/;
const free = readText(pkgFile('freemail', 'data/free.txt')).split(/\r?\n/).map((s) => s.trim().toLowerCase());
const disposable = new Set(
  (JSON.parse(readText(pkgFile('disposable-email-domains', 'index.json'))) as string[]).map((s) => s.toLowerCase()),
);
const out = [...new Set(free.filter((d) => DOMAIN.test(d) && !disposable.has(d)))].sort();
writeDict('free-email-domains', {
  source: `${pkgId('freemail')} data/free.txt (ISC): valid domains, minus those also in ${pkgId('disposable-email-domains')}`,
  license: 'ISC',
  domains: out,
});
