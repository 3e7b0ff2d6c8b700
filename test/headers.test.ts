import { describe, expect, test } from 'vitest';
import headerAliases from '../dictionaries/header-aliases.json' with { type: 'json' };
import { buildHeaderIndex, mapHeaders } from '../src/core.js';
import { builtInHeaderDictionary, CANONICAL_FIELDS } from '../src/index.js';
import { compactKey } from '../src/core/text.js';

const index = buildHeaderIndex(builtInHeaderDictionary);
const fieldOf = (h: string) => mapHeaders([h], [], index).mappings[0]!.field;

describe('header aliases', () => {
  test.each([
    // English, as platforms export them
    ['First Name', 'firstName'], ['FIRST', 'firstName'], ['first_name', 'firstName'], ['FirstName', 'firstName'],
    ['Last Name', 'lastName'], ['Surname', 'lastName'], ['LAST', 'lastName'],
    ['Name', 'fullName'], ['Full Name', 'fullName'], ['Name (First Last)', 'fullName'],
    ['Email', 'email'], ['E-mail', 'email'], ['Email Address', 'email'], ['Business Email', 'email'], ['EMAIL ADDRESS', 'email'],
    ['Job Title', 'title'], ['Title', 'title'], ['Position', 'title'],
    ['Company', 'company'], ['Company / Account', 'company'], ['Organization', 'company'], ['Account Name', 'company'],
    ['Zip/Postal Code', 'postalCode'], ['ZIP', 'postalCode'], ['Postcode', 'postalCode'],
    ['State/Province', 'state'], ['STATE/PROV', 'state'], ['Province', 'state'],
    ['Country/Region', 'country'], ['Country', 'country'],
    ['Mobile', 'mobilePhone'], ['Cell Phone', 'mobilePhone'],
    ['Phone', 'phone'], ['Phone Number', 'phone'], ['Work Phone', 'phone'], ['Direct Dial', 'phone'],
    ['Opt-In', 'optIn'], ['Marketing Consent', 'optIn'],
    ['Website', 'website'], ['Company URL', 'website'],
    ['Address 1', 'street'], ['ADDRESS 1', 'street'], ['Address Line 2', 'street2'],
    ['City', 'city'], ['Industry', 'industry'], ['Number of Employees', 'employees'], ['Annual Revenue', 'revenue'],
    ['Lead Source', 'leadSource'], ['Registration Time', 'createdAt'], ['CreatedDate', 'createdAt'], ['LastModifiedDate', 'updatedAt'],
    ['Job Function', 'jobFunction'], ['Job Level', 'jobLevel'], ['Seniority', 'jobLevel'], ['Department', 'department'],
    ['Salutation', 'salutation'], ['Notes', 'notes'], ['Campaign Name', 'campaign'], ['Attended', 'memberStatus'],
    // noise words around a known alias
    ['Contact First Name', 'firstName'], ['Contact Last Name', 'lastName'], ['Attendee Email', 'email'],
    ['Your Company', 'company'], ['Lead Phone Number', 'phone'], ['Email 2', 'email'], ['Phone1', 'phone'],
    // German
    ['E-Mail-Adresse', 'email'], ['Vorname', 'firstName'], ['Nachname', 'lastName'], ['Firma', 'company'], ['Unternehmen', 'company'],
    ['Titel', 'title'], ['Position', 'title'], ['Telefon', 'phone'], ['Handy', 'mobilePhone'], ['Straße', 'street'], ['Strasse', 'street'],
    ['PLZ', 'postalCode'], ['Ort', 'city'], ['Bundesland', 'state'], ['Land', 'country'], ['Anrede', 'salutation'], ['Abteilung', 'department'],
    // French
    ['Société', 'company'], ['Prénom', 'firstName'], ['Nom', 'lastName'], ['Courriel', 'email'], ['Adresse e-mail', 'email'],
    ['Téléphone', 'phone'], ['Code postal', 'postalCode'], ['Ville', 'city'], ['Pays', 'country'], ['Fonction', 'title'], ['Civilité', 'salutation'],
    // Spanish
    ['Apellido', 'lastName'], ['Apellidos', 'lastName'], ['Nombre', 'firstName'], ['Empresa', 'company'], ['Correo electrónico', 'email'],
    ['Teléfono', 'phone'], ['Móvil', 'mobilePhone'], ['Código postal', 'postalCode'], ['Ciudad', 'city'], ['País', 'country'], ['Cargo', 'title'],
    // Italian, Dutch, Portuguese
    ['Cognome', 'lastName'], ['Azienda', 'company'], ['Achternaam', 'lastName'], ['Voornaam', 'firstName'], ['Bedrijf', 'company'],
    ['Sobrenome', 'lastName'], ['Telefone', 'phone'],
  ])('%s → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  test.each(['Badge ID?', 'Favourite colour', 'Time in Session (minutes)', 'Question 1', 'Asset ID', ''])('%j stays unmapped', (h) => {
    expect(fieldOf(h)).toBeNull();
  });

  test('no alias maps to two fields, and every field is canonical', () => {
    const seen = new Map<string, string>();
    for (const [field, list] of Object.entries(headerAliases.fields)) {
      expect(CANONICAL_FIELDS).toContain(field);
      for (const a of list) {
        const k = compactKey(a);
        expect(seen.get(k) ?? field, `alias "${a}"`).toBe(field);
        seen.set(k, field);
      }
    }
    expect(typeof headerAliases.source).toBe('string');
  });

  test('canonical names map to themselves (clean output re-reads cleanly)', () => {
    for (const f of CANONICAL_FIELDS) expect(fieldOf(f)).toBe(f);
  });
});

describe('mapping a whole header row', () => {
  test('one column per field: the exact alias wins, the others stay in extra with a conflict issue', () => {
    const r = mapHeaders(['Attendee Email', 'Email', 'Email (2)'], [], index);
    expect(r.mappings.map((m) => [m.header, m.field, m.method])).toEqual([
      ['Attendee Email', null, 'conflict'],
      ['Email', 'email', 'alias'],
      ['Email (2)', null, 'conflict'],
    ]);
    expect(r.issues.map((i) => i.code)).toContain('header.conflict');
  });

  test('value-based detection when the header is useless', () => {
    const rows = [
      { 'Column 1': 'ann@acme.com', 'Column 2': 'www.acme.com', 'Column 3': '+1 (415) 555-2671', 'Column 4': 'blue' },
      { 'Column 1': 'bob@x.de', 'Column 2': 'https://x.de/en', 'Column 3': '089 1234567', 'Column 4': 'red' },
      { 'Column 1': 'mailto:cid@y.fr', 'Column 2': 'y.fr', 'Column 3': '0044 20 7946 0958', 'Column 4': 'green' },
      { 'Column 1': '', 'Column 2': '', 'Column 3': '', 'Column 4': '' },
    ];
    const r = mapHeaders(['Column 1', 'Column 2', 'Column 3', 'Column 4'], rows, index);
    expect(r.mappings.map((m) => m.field)).toEqual(['email', 'website', 'phone', null]);
    expect(r.mappings[0]!.method).toBe('values');
    expect(r.issues.filter((i) => i.code === 'header.detected_by_values')).toHaveLength(3);
  });

  test('value detection never takes a field that a header already claims', () => {
    const rows = [{ Email: 'a@b.de', Other: 'c@d.de' }, { Email: 'e@f.de', Other: 'g@h.de' }, { Email: 'i@j.de', Other: 'k@l.de' }];
    const r = mapHeaders(['Email', 'Other'], rows, index);
    expect(r.mappings.map((m) => m.field)).toEqual(['email', null]);
  });

  test('a "Title"/"Titel" column of honorifics is not the job title', () => {
    const rows = [
      { Anrede: 'Herr', Titel: 'Dr.', Position: 'Einkaufsleiter' },
      { Anrede: 'Frau', Titel: 'Prof. Dr.', Position: 'CFO' },
      { Anrede: 'Herr', Titel: 'Dr. med.', Position: 'Leiter IT' },
      { Anrede: 'Frau', Titel: '', Position: 'Marketing' },
    ];
    expect(mapHeaders(['Anrede', 'Titel', 'Position'], rows, index).mappings.map((m) => m.field)).toEqual(['salutation', null, 'title']);
    const us = [{ Title: 'Mr.' }, { Title: 'Ms' }, { Title: 'Dr' }, { Title: 'Mrs.' }];
    expect(mapHeaders(['Title'], us, index).mappings[0]!.field).toBe('salutation');
    const jobs = [{ Title: 'VP Sales' }, { Title: 'Dr' }, { Title: 'CTO' }, { Title: 'Office Manager' }];
    expect(mapHeaders(['Title'], jobs, index).mappings[0]!.field).toBe('title');
  });

  test('a pack pins columns, adds aliases and can force a column into extra', () => {
    const idx = buildHeaderIndex(builtInHeaderDictionary, { company: ['Org Unit Legal Name'] });
    const r = mapHeaders(['Org Unit Legal Name', 'Q7', 'Email', 'Title'], [], idx, { map: { Q7: 'title', Title: null, Missing: 'city' } });
    expect(r.mappings.map((m) => [m.field, m.method])).toEqual([
      ['company', 'alias'],
      ['title', 'pinned'],
      ['email', 'alias'],
      [null, 'ignored'],
    ]);
    expect(r.issues.map((i) => i.code)).toContain('header.pinned_missing');
  });
});
