import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanse, escapeHtml, loadPack, parseLeadFile, renderReportHtml, summarize } from '../src/index.js';
import { generateLeadCsv } from '../bench/gen.js';
import { createSummaryBuilder, summaryPart } from '../src/report/summary.js';

const rows = [
  { 'First Name': 'Ann', 'Last Name': 'Lee', Email: 'ann@acme.com', Country: 'US', 'Job Level': 'vp', Attended: 'Yes' },
  { 'First Name': 'Mickey', 'Last Name': 'Mouse', Email: 'mm@acme.com' },
  { 'First Name': '<script>alert(1)</script>', 'Last Name': 'Roe', Email: '', Phone: '' },
  { 'First Name': 'Dee', 'Last Name': 'Fox', Email: 'dee@x.de', 'Job Function': 'marketing', Attended: 'maybe' },
];

describe('run summary', () => {
  const result = cleanse(rows, { campaign: { name: 'Q4 Webinar' } });
  const s = summarize(result, { file: 'webinar.csv' });

  test('counts, reasons, fill rates and rules', () => {
    expect(s.rows).toEqual({ in: 4, clean: 2, rejected: 2, merged: 0 });
    expect(s.rejectReasons).toEqual([{ value: 'junk_name', count: 2 }, { value: 'missing_contact', count: 1 }]);
    expect(s.fillRate.email).toEqual({ before: 0.75, after: 1 });
    expect(s.changesByRule.find((c) => c.value === 'default:campaign.statuses')?.count).toBe(1);
  });

  test('score distribution, nurture programs and campaign membership', () => {
    expect(s.scores!.count).toBe(2);
    expect(s.scores!.histogram.reduce((n, b) => n + b.count, 0)).toBe(2);
    expect(s.routing!.nurture).toEqual([{ value: 'Executive Nurture', count: 1 }, { value: 'Marketing Practitioner Nurture', count: 1 }]);
    expect(s.campaigns).toEqual([{ value: 'Q4 Webinar — Attended', count: 1 }, { value: 'Q4 Webinar — maybe', count: 1 }]);
  });

  test('top unresolved values come from warning and error issues', () => {
    const junk = s.topUnresolved.find((u) => u.code === 'name.junk');
    expect(junk?.values).toEqual([{ value: '<script>alert(1)</script> Roe', count: 1 }, { value: 'Mickey Mouse', count: 1 }]);
    expect(s.topUnresolved.find((u) => u.code === 'campaign.unknown_status')?.values).toEqual([{ value: 'maybe', count: 1 }]);
  });
});

describe('HTML report', () => {
  const html = renderReportHtml(summarize(cleanse(rows, { pack: loadPack({ id: 'r', version: '1.0.0', extends: 'default' }) }), { file: 'a<b>.csv' }));

  test('self-contained: no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  test('every value from the data is escaped', () => {
    expect(html).toContain('a&lt;b&gt;.csv');
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });

  test('has every section a person needs', () => {
    for (const h of ['Rejected rows by reason', 'Lead score distribution', 'Fill rate per field', 'Changes per rule', 'Top unresolved values', 'Column mapping', 'Issues by code', 'Duplicates and accounts', 'Campaign membership', 'Nurture programs']) {
      expect(html).toContain(h);
    }
    expect(html).toContain('sha256:');
  });
});

describe('summary parts (batches summarized where they ran, added in order)', () => {
  const gen = cleanse(parseLeadFile(generateLeadCsv({ rows: 600, seed: 3 })), { dedupe: false, campaign: { name: 'Webinar' } });
  test('any split into parts gives the summary of the whole', () => {
    const whole = summarize(gen);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: gen.records.length }), { maxLength: 6 }), (cuts) => {
        const at = [0, ...[...cuts].sort((a, b) => a - b), gen.records.length];
        const b = createSummaryBuilder();
        const issuesPer = Math.ceil(gen.issues.length / (at.length - 1));
        for (let k = 0; k + 1 < at.length; k++) {
          b.addPart(summaryPart(gen.records.slice(at[k], at[k + 1]), gen.issues.slice(k * issuesPer, (k + 1) * issuesPer)));
        }
        expect(b.finish(gen.report, gen.clusters.length)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });
});
