/**
 * Writes fixtures/accounts.csv: the account list of the fictional company that received
 * the fixture files — every company of the CRM export (with its website and country), in
 * the way account exports write them ("Account Name", "Billing Country"), plus accounts
 * that look alike but are other companies. Deterministic; part of `npm run fixtures`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';

const crm = Papa.parse<Record<string, string>>(readFileSync('fixtures/crm-export.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const seen = new Map<string, Record<string, string>>();
for (const r of crm) {
  const name = (r.Company ?? '').trim();
  if (!name || seen.has(name.toLowerCase())) continue;
  seen.set(name.toLowerCase(), {
    'Account ID': `001FX${String(seen.size + 1).padStart(13, '0')}`,
    'Account Name': name,
    Website: r.Website ?? '',
    'Billing City': r.City ?? '',
    'Billing State/Province': r.State ?? '',
    'Billing Country': r.Country ?? '',
    Phone: '',
    'Parent Account ID': '',
  });
}
const rows = [...seen.values()];
// Look-alikes that must not attract leads of the real companies.
const lookAlikes = ['Bank of the West', 'Bank of the East', 'Delta Air Lines', 'Delta Dental', 'Royal Mail', 'Royal Bank of Canada', 'Stripe', 'Strix'];
for (const name of lookAlikes) {
  rows.push({ 'Account ID': `001FX${String(rows.length + 1).padStart(13, '0')}`, 'Account Name': name, Website: '', 'Billing City': '', 'Billing State/Province': '', 'Billing Country': 'United States', Phone: '', 'Parent Account ID': '' });
}
writeFileSync('fixtures/accounts.csv', `${Papa.unparse(rows, { newline: '\n' })}\n`);
console.log(`wrote fixtures/accounts.csv (${rows.length} accounts)`);
