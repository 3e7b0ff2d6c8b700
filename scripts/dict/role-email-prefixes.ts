/**
 * Builds dictionaries/role-email-prefixes.json from role-based-email-addresses (MIT).
 * Two-letter entries that are as likely a person's initials ("md", "cm", "lt") are dropped
 * unless they name a well-known team (hr, it, pr, qa, ir, cs, ap, bd, hq).
 * Entries are stored compacted (separators removed) so "no-reply", "no_reply" and "noreply" meet.
 * Run: npx tsx scripts/dict/role-email-prefixes.ts
 */
import { createRequire } from 'node:module';
import { pkgId, writeDict } from './_contact-lib.js';

const require = createRequire(import.meta.url);
const list = require('role-based-email-addresses') as string[];
const KEEP_SHORT = new Set(['hr', 'it', 'pr', 'qa', 'ir', 'cs', 'ap', 'bd', 'hq']);
const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const out = new Set<string>();
for (const raw of list) {
  const c = compact(raw);
  if (c.length < 2) continue;
  if (c.length === 2 && !KEEP_SHORT.has(c)) continue;
  out.add(c);
}
// A few common role mailboxes that the package spells only with a separator or lacks.
for (const extra of ['contactus', 'customerservice', 'donotreply', 'mailerdaemon', 'enquiries', 'inquiries', 'kontakt', 'vertrieb', 'empfang', 'bewerbung', 'buchhaltung', 'rechnung', 'verkauf', 'ventas', 'contacto', 'comercial', 'accueil', 'commercial', 'recrutement', 'vendite', 'amministrazione']) out.add(extra);
writeDict('role-email-prefixes', {
  source: `${pkgId('role-based-email-addresses')} (all categories), compacted; two-letter entries kept only for ${[...KEEP_SHORT].join(', ')}; plus hand-added European role mailboxes (kontakt, vertrieb, ventas, accueil, …)`,
  license: 'MIT',
  prefixes: [...out].sort(),
});
