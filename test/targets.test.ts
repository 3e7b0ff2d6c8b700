import { describe, expect, test } from 'vitest';
import { BUILTIN_TARGETS, cleanse, compileTarget, loadPack, normalizeCountry, normalizeState, targetTable, LeadtidyError } from '../src/index.js';
import { readLeadFile } from '../src/node.js';
import truth from '../fixtures/truth.json' with { type: 'json' };

const SF_STATES = new Set(['AU', 'BR', 'CA', 'CN', 'IE', 'IN', 'IT', 'MX', 'US']);
const SALUTATIONS = new Set(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.']);

describe('Salesforce Lead export of every fixture', () => {
  test.each(Object.keys(truth.files))('%s: only values the Salesforce picklists accept', async (file) => {
    const result = cleanse(await readLeadFile(`fixtures/${file}`), { target: 'salesforce-lead' });
    const t = targetTable(result.records, result.target!);
    const col = (name: string) => t.headers.indexOf(name);
    const profile = BUILTIN_TARGETS['salesforce-lead']!;
    for (const row of t.rows) {
      const country = row[col('CountryCode')];
      if (country) expect(normalizeCountry(country!).value?.code, `country ${country}`).toBe(country);
      const state = row[col('StateCode')];
      if (state) {
        expect(SF_STATES.has(country!), `state ${state} for ${country}`).toBe(true);
        expect(normalizeState(state!, { country: country! }).value?.code).toBe(`${country}-${state}`);
      }
      const sal = row[col('Salutation')];
      if (sal) expect(SALUTATIONS.has(sal)).toBe(true);
      for (const f of profile.fields) {
        const v = row[col(f.to)];
        if (f.maxLength && v) expect(v.length).toBeLessThanOrEqual(f.maxLength);
        if (f.required) expect(v, `${f.to} is required`).toBeTruthy();
      }
      const level = row[col('Job_Level__c')];
      if (level) expect(['C-Level', 'VP', 'Director', 'Manager', 'Staff', 'Other', 'VP-Level', 'Director-Level', 'Manager-Level']).toContain(level);
    }
    // Rows the target would refuse for a missing required field are rejected, not exported.
    for (const r of result.rejected.filter((x) => x.reasons.some((y) => y.code === 'missing_required_field'))) {
      expect(r.record.lastName && r.record.company).toBeFalsy();
    }
  });
});

describe('bad values are flagged before upload', () => {
  const rows = [
    { Salutation: 'Sir Lord', 'First Name': 'Ann', 'Last Name': 'Lee', Company: 'Acme', Email: 'ann@acme.com', Country: 'US', State: 'ZZ' },
    { 'First Name': 'Bo', 'Last Name': 'Berg', Company: 'Nordic AB', Email: 'bo@nordic.se', Country: 'Germany', State: 'Bayern' },
    { 'First Name': 'Cy', 'Last Name': 'Wolfeschlegelsteinhausenbergerdorff-Wolfeschlegelsteinhausenbergerdorff-Vonhausenberg', Company: 'Long Inc', Email: 'cy@long.com', Country: 'CA', State: 'Ontario' },
    { 'First Name': 'Di', 'Last Name': 'Nocompany', Email: 'di@x.com', Country: 'US' },
  ];
  const r = cleanse(rows, { target: 'salesforce-lead' });
  const t = targetTable(r.records, r.target!);
  const get = (i: number, f: string) => t.rows[i]![t.headers.indexOf(f)];

  test('unknown picklist value: flagged and left empty', () => {
    expect(r.issues.find((i) => i.code === 'target.unknown_picklist_value' && i.row === 2 && i.field === 'salutation')?.message).toContain('"Sir Lord"');
    expect(get(0, 'Salutation')).toBeNull();
  });

  test('a state for a country without a state picklist: flagged and left empty', () => {
    expect(r.issues.some((i) => i.code === 'target.state_not_allowed' && i.row === 3)).toBe(true);
    expect(get(1, 'StateCode')).toBeNull();
    expect(get(1, 'CountryCode')).toBe('DE');
  });

  test('too long: flagged and cut to the field length', () => {
    expect(r.issues.some((i) => i.code === 'target.too_long' && i.row === 4 && i.data?.field === 'LastName')).toBe(true);
    expect(get(2, 'LastName')).toHaveLength(80);
    expect(get(2, 'StateCode')).toBe('ON');
  });

  test('a missing required field rejects the row with missing_required_field', () => {
    const rej = r.rejected.find((x) => x.sourceRow === 5)!;
    expect(rej.reasons.map((x) => x.code)).toEqual(['missing_required_field']);
    expect(rej.reasons[0]!.message).toContain('Company');
  });

  test('a pack can reject invalid values too, and fill a required field with a default', () => {
    const pack = loadPack({
      id: 'sf', version: '1.0.0', extends: 'default',
      target: { profile: 'salesforce-lead', rejectInvalid: true, fields: [{ from: 'company', to: 'Company', required: true, default: '[not provided]' }] },
    });
    const out = cleanse(rows, { pack });
    expect(out.rejected.map((x) => [x.sourceRow, x.reasons.map((y) => y.code)])).toEqual([
      [2, ['target_rejects_value']],
      [3, ['target_rejects_value']],
      [4, ['target_rejects_value']],
    ]);
    const table = targetTable(out.records, out.target!);
    expect(table.rows[0]![table.headers.indexOf('Company')]).toBe('[not provided]');
  });
});

describe('other profiles', () => {
  const rows = [{ 'First Name': 'Ann', 'Last Name': 'Lee', Company: 'Acme', Email: 'ann@acme.com', Country: 'Deutschland', State: 'Bayern', Employees: '250', Title: 'VP Marketing' }];

  test('HubSpot: names for country and state, hs_ seniority and role, employee band', () => {
    const r = cleanse(rows, { target: 'hubspot-contact' });
    const t = targetTable(r.records, r.target!);
    const row = Object.fromEntries(t.headers.map((h, i) => [h, t.rows[0]![i]]));
    expect(row).toMatchObject({ firstname: 'Ann', country: 'Germany', hs_country_region_code: 'DE', state: 'Bavaria', numemployees: '100-500', jobtitle: 'VP Marketing' });
    expect(row.hs_seniority).toBeTruthy();
    expect(row.hs_role).toBe('marketing');
  });

  test('Salesforce Contact: Mailing address codes, Department, required LastName', () => {
    const r = cleanse([...rows, { 'First Name': 'Solo', Email: 'solo@x.com', Country: 'US' }], { target: 'salesforce-contact' });
    const t = targetTable(r.records, r.target!);
    const row = Object.fromEntries(t.headers.map((h, i) => [h, t.rows[0]![i]]));
    expect(row).toMatchObject({ FirstName: 'Ann', LastName: 'Lee', MailingCountryCode: 'DE', MailingStateCode: null, Job_Level__c: 'VP' });
    expect(t.headers).toContain('Department');
    expect(r.rejected.map((x) => x.reasons[0]!.code)).toEqual(['missing_required_field']);
  });

  test('Marketo and plain CSV', () => {
    const m = cleanse(rows, { target: 'marketo-lead' });
    const mt = targetTable(m.records, m.target!);
    expect(mt.headers).toContain('numberOfEmployees');
    const c = cleanse(rows, { target: 'csv' });
    const ct = targetTable(c.records, c.target!);
    expect(ct.headers.slice(0, 3)).toEqual(['firstName', 'lastName', 'email']);
  });

  test('unknown profile and crosswalk are programmer errors', () => {
    expect(() => compileTarget('sap')).toThrow(LeadtidyError);
    expect(() => compileTarget({ profile: 'csv', fields: [{ from: 'jobLevel', to: 'L', render: 'jobLevel', crosswalk: 'nope' }] })).toThrow(/crosswalk/);
  });
});
