import type { Account, AccountLead, MatchMethod } from './core.js';

/** A small account list with the hard families: look-alike names, subsidiaries, country sites, same name in two countries. */
export const ACCOUNTS: readonly Account[] = [
  { id: 'BOW', name: 'Bank of the West', website: 'https://www.bankofthewest.com', country: 'United States', state: 'California', city: 'San Francisco' },
  { id: 'RBC', name: 'Royal Bank of Canada', website: 'rbc.com', country: 'Canada', state: 'ON', city: 'Toronto' },
  { id: 'STRIPE', name: 'Stripe, Inc.', website: 'stripe.com', country: 'US', state: 'CA' },
  { id: 'DAL', name: 'Delta Air Lines, Inc.', website: 'delta.com', country: 'US', state: 'GA', city: 'Atlanta', phone: '+1 404 715 2600' },
  { id: 'SIE', name: 'Siemens AG', website: 'siemens.com', domains: 'siemens.de siemens.co.uk', country: 'DE', city: 'München', employees: 300000 },
  { id: 'SIE-US', name: 'Siemens Corporation', website: 'usa.siemens.com', country: 'US', state: 'DC', parentId: 'SIE', employees: 40000 },
  { id: 'SIE-BR', name: 'Siemens Ltda.', website: 'siemens.com.br', country: 'BR', parentId: 'SIE' },
  { id: 'IBM', name: 'International Business Machines Corporation', website: 'ibm.com', country: 'US', state: 'NY' },
  { id: 'CVX', name: 'ChevronTexaco Corp.', country: 'US', state: 'CA' },
  { id: 'GOOG', name: 'Google LLC', website: 'google.com', country: 'US', state: 'CA' },
  { id: 'ACME-DE', name: 'Acme GmbH', country: 'Germany', city: 'Berlin', contacts: 3 },
  { id: 'ACME-US', name: 'ACME, Inc.', country: 'USA', city: 'Chicago', contacts: 12 },
  { id: 'GIST', name: 'Gist-Brocades N.V.', country: 'NL' },
  { id: 'SONY-EU', name: 'Sony Europa B.V.', country: 'NL', emails: ['jan@eu.sony.com', 'piet@gmail.com'] },
];

/** One lead and the expected answer (`null`: no match). */
export interface MatchCase {
  readonly name: string;
  readonly lead: AccountLead;
  readonly expected: string | null;
  readonly method?: MatchMethod;
}

export const CASES: readonly MatchCase[] = [
  // Domain evidence
  { name: 'corporate email domain', lead: { company: 'Something Else', email: 'jo@stripe.com' }, expected: 'STRIPE', method: 'domain' },
  { name: 'website domain', lead: { company: 'Delta', website: 'www.delta.com/en' }, expected: 'DAL', method: 'domain' },
  { name: 'subdomain email', lead: { email: 'jo@mail.ibm.com' }, expected: 'IBM', method: 'domain' },
  { name: 'known contact email domain', lead: { email: 'kees@eu.sony.com' }, expected: 'SONY-EU', method: 'domain' },
  { name: 'country domain listed on the parent', lead: { company: 'Siemens', email: 'max@siemens.de' }, expected: 'SIE', method: 'domain' },
  { name: 'subsidiary domain', lead: { company: 'Siemens', email: 'ana@siemens.com.br', country: 'BR' }, expected: 'SIE-BR', method: 'domain' },
  { name: 'free mail is not a domain match', lead: { company: 'Stripe', email: 'jo@gmail.com', country: 'US' }, expected: 'STRIPE', method: 'name_exact' },
  { name: 'free mail and no company', lead: { email: 'jo@gmail.com', country: 'US' }, expected: null },
  { name: 'a contact’s free-mail address does not become an account domain', lead: { email: 'someone@gmail.com' }, expected: null },
  // Name evidence
  { name: 'exact key despite legal form and case', lead: { company: 'BANK OF THE WEST', country: 'US' }, expected: 'BOW', method: 'name_exact' },
  { name: 'compact key', lead: { company: 'GISTBROCADES', country: 'NL' }, expected: 'GIST', method: 'name_compact' },
  { name: 'acronym', lead: { company: 'IBM', country: 'US' }, expected: 'IBM', method: 'acronym' },
  { name: 'word part (Chevron ↔ ChevronTexaco)', lead: { company: 'Chevron', country: 'US' }, expected: 'CVX', method: 'name_tokens' },
  { name: 'pack synonym (Alphabet ↔ Google)', lead: { company: 'Alphabet Inc.', country: 'US' }, expected: 'GOOG', method: 'synonym' },
  { name: 'fuzzy distinctive word', lead: { company: 'Sony Europe B.V.', country: 'NL' }, expected: 'SONY-EU', method: 'name_tokens' },
  { name: 'typo in a long name', lead: { company: 'Royal Bank of Canadaa', country: 'CA' }, expected: 'RBC', method: 'name_tokens' },
  // Distinctive-token gate: the false-positive families
  { name: 'Bank of the East ≠ Bank of the West', lead: { company: 'Bank of the East', country: 'US' }, expected: null },
  { name: 'Royal Mail ≠ Royal Bank of Canada', lead: { company: 'Royal Mail', email: 'x@royalmail.com', country: 'GB' }, expected: null },
  { name: 'Strix ≠ Stripe', lead: { company: 'Strix', country: 'US' }, expected: null },
  { name: 'Delta Dental ≠ Delta Air Lines', lead: { company: 'Delta Dental', email: 'x@deltadental.com', country: 'US' }, expected: null },
  { name: 'shared generic word only', lead: { company: 'Global Bank Services', country: 'US' }, expected: null },
  { name: 'different company on a look-alike domain label', lead: { company: 'Stripes Media', email: 'x@stripes.com' }, expected: null },
  // Geography and ties
  { name: 'same name, two countries: lead country decides', lead: { company: 'Acme', country: 'DE' }, expected: 'ACME-DE', method: 'name_exact' },
  { name: 'same name, two countries: city decides', lead: { company: 'Acme', city: 'Chicago' }, expected: 'ACME-US', method: 'name_exact' },
  { name: 'same name, no geography: most contacts tie-breaker', lead: { company: 'Acme' }, expected: 'ACME-US', method: 'name_exact' },
  { name: 'same name, third country: still a tie-break on contacts, but the country conflict sinks it', lead: { company: 'Acme', country: 'FR' }, expected: null },
  { name: 'parent and child share the name: the parent wins the tie', lead: { company: 'Siemens', email: 'x@yahoo.com' }, expected: 'SIE', method: 'name_exact' },
  { name: 'child country evidence', lead: { company: 'Siemens', email: 'x@yahoo.com', country: 'US' }, expected: 'SIE-US', method: 'name_exact' },
  // Null answers
  { name: 'unknown company', lead: { company: 'Quillon Robotics', email: 'a@quillon.io' }, expected: null },
  { name: 'empty lead', lead: {}, expected: null },
];
