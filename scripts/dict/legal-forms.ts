/**
 * Builds dictionaries/legal-forms.json: company legal forms (abbreviations and long forms)
 * keyed by their compact key (lowercase, accents folded, punctuation and spaces removed).
 * Sources: GLEIF Entity Legal Forms list (ISO 20275, CC0) — abbreviations of every form,
 * long names when they contain a legal-form word; OpenSanctions fingerprints types.yml (MIT) —
 * long forms → short form. Display form = the most frequent GLEIF spelling of the abbreviation.
 * Run: npx tsx scripts/dict/legal-forms.ts
 */
import path from 'node:path';
import Papa from 'papaparse';
import { compactFold as compactKey } from '../../src/normalize/company/fold.js';
import { SHARED, readText, writeDict } from './_contact-lib.js';

const GLEIF = path.join(SHARED, 'companies/gleif_elf_iso20275_2026-02-19.csv');
const OS = path.join(SHARED, 'companies/opensanctions_fingerprints_types.yml');

// Long names are taken only when they carry a legal-form word…
const LEGAL_WORD = /gesellschaft|haftung|aktie|soci[eé]t[eé]|sociedad|societ[aà]|vennootschap|sp[oó][lł]ka|anonim|anonyme|an[oó]nima|kaisha|yhti[oö]|aktiebolag|akciov|spole[cč]nost|limited|liability|incorporated|corporation|kommandit|commandit|comandit|accomandit|responsabilit|limitada|ograniczon|odpowiedzialno|ограниченн|акционерн|товарищ|товариств|partnership|unternehmergesellschaft|genossenschaft|cooperativ|co-?operativ|osuusk|andelslag|interessentskab|selskab|osakeyhti|aksjeselskap|d\.o\.o|dru[sš]tvo|s\.r\.o|kft|zrt|nyrt|t[aá]rsas[aá]g|bhd|berhad|sendirian|perseroan|tbk|pte|proprietary/i;
// …and never when they name a kind of institution rather than a form.
const INSTITUTION = /bank|trust|fund|fond|foundation|stiftung|union|authority|government|municipal|church|school|universit|hospital|branch|agency|insurance|savings|credit|mutual|entity|public body|state|federal|district|council|office|establishment|association|verein|society|club|fraternal|religious|charit|political|non[- ]?profit|not[- ]for[- ]profit|benefit|community|sole|proprietorship|individual|person|representative|unregistered|foreign|other|railroad|agricultur|cemetery|housing|condominium|church|public\s|municipal|national|international|european|investment/i;
// Compact keys that are ordinary words or too ambiguous to strip from a name.
const DENY = new Set([
  'et', 'is', 'up', 'uk', 'ok', 'ii', 'iii', 'iv', 'intl', 'imp', 'exp', 'ent', 'e', 'y', 'i', 'a', 'o', 'u', 'de', 'la', 'le', 'el', 'il',
  'da', 'di', 'do', 'du', 'en', 'and', 'the', 'of', 'group', 'holding', 'holdings', 'trust', 'bank', 'fund', 'foundation', 'association',
  'assn', 'assoc', 'society', 'union', 'partners', 'services', 'international', 'national', 'mutual', 'dba', 'soleproprietor',
  'generalpartnership', 'public', 'private', 'branch', 'state', 'federal', 'municipal', 'church', 'school', 'br', 'im', 'in', 'on', 'at',
  'to', 'or', 'as ', 'mt', 'sf', 'fa', 'ei', 'ed', 'ep', 'ju', 'lo', 'jp', 'pr', 'rp', 'rs', 'ps', 'pp', 'sd', 'tk', 'xt', 'qk', 'ik',
  'ky', 'ks', 'ms', 'mr', 'na', 'ca', 'pa', 'sc', 'sp', 'eu', 'ee', 'ec', 'gs', 'np', 'os', 'ug', 'ud', 'us', 'fze', 'ce',
  'bt', 'gp', 'pc', 'lc', 'bc', 'cdc', 'reit', 'emc', 'fsa', 'ltdpartnership', 'registered', 'liabilityltd', 'partnership',
  'incorporatedcompany', 'indigenouscorporation', 'rntbc', 'ccc', 'cyf', 'pac', 'uks', 'oversea', 'bencom', 'cic', 'sm', 'mb', 'ay', 'ab ',
  'ltdco', 'associate', 'ass', 'cooperative', 'coop', 'coop.', 'cooperativelimited', 'dp', 'ap', 'is.', 'kb', 'ad', 'ae', 'nl', 'ok.',
]);
// Two-letter keys kept although short: the common forms everyone writes.
const KEEP_SHORT = new Set(['ou', 'hf', 'sl', 'ag', 'sa', 'bv', 'nv', 'as', 'ab', 'oy', 'kg', 'kk', 'eg', 'ev', 'co', 'lp', 'pt', 'cv', 'sl', 'sc', 'se', 'sp', 'ad', 'ae', 'dd', 'ks', 'og', 'ky', 'bhd', 'aps', 'is', 'ek']);
// Forms that also come before the name ("OOO Romashka", "PT Bank Mandiri", "Oy Karl Fazer Ab", "N.V. Philips").
const PREFIX_OK = new Set(['ooo', 'oao', 'zao', 'pao', 'ao', 'tov', 'too', 'pt', 'cv', 'oy', 'oyj', 'ab', 'nv', 'ead', 'ood', 'eood', 'ooo.', 'pp', 'chp', 'ip', 'tdv', 'zat', 'vat', 'pat', 'ptbk']);

interface Entry { displays: Map<string, number>; countries: Set<string>; long: boolean; }
const forms = new Map<string, Entry>();
const displayOfRow = new Map<string, string>();

function add(variant: string, country: string | null, long: boolean, display?: string): void {
  const v = variant.trim().replace(/\s+/g, ' ');
  if (!v || v.length > 80) return;
  const key = compactKey(v);
  if (!key || DENY.has(key)) return;
  if (key.length <= 2 && !KEEP_SHORT.has(key) && !/[^\x00-\x7f]/.test(key)) return;
  let e = forms.get(key);
  if (!e) forms.set(key, (e = { displays: new Map(), countries: new Set(), long }));
  if (!long) e.long = false;
  const d = display ?? v;
  e.displays.set(d, (e.displays.get(d) ?? 0) + (display ? 1 : 2));
  if (country) e.countries.add(country);
}

const rows = Papa.parse<Record<string, string>>(readText(GLEIF), { header: true, skipEmptyLines: true }).data;
for (const r of rows) {
  const cc = (r['Country Code (ISO 3166-1)'] ?? '').trim() || null;
  const abbrs = [r['Abbreviations Local language'], r['Abbreviations transliterated']]
    .flatMap((s) => (s ?? '').split(/[;,]/))
    .map((s) => s.trim())
    .filter((s) => s && s.split(' ').length <= 5);
  for (const a of abbrs) add(a, cc, false);
  const first = abbrs[0];
  for (const name of [r['Entity Legal Form name Local name'], r['Entity Legal Form name Transliterated name (per ISO 01-140-10)']]) {
    const n = (name ?? '').trim();
    if (!n || n.split(' ').length > 7 || !LEGAL_WORD.test(n) || INSTITUTION.test(n)) continue;
    add(n, cc, true, first);
    if (first) displayOfRow.set(compactKey(n), first);
  }
}

// OpenSanctions: `- main: x` followed by `forms:` and `- long form` lines.
let main: string | null = null;
for (const line of readText(OS).split(/\r?\n/)) {
  const m = /^- main:\s*(.+)$/.exec(line);
  if (m) {
    main = m[1]!.trim();
    const k = compactKey(main);
    if (!forms.has(k)) add(main, null, false);
    continue;
  }
  const f = /^\s+-\s+(.+)$/.exec(line);
  if (f && main) {
    const form = f[1]!.trim();
    const mk = compactKey(main);
    const mainEntry = forms.get(mk);
    const display = mainEntry ? [...mainEntry.displays].sort((a, b) => b[1] - a[1])[0]![0] : main;
    if (INSTITUTION.test(form)) continue;
    const long = form.includes(' ') && compactKey(form).length > 6;
    add(form, null, long, long ? display : undefined);
  }
}

// Hand-authored additions and preferred display spellings for the forms people write most.
const EXTRA: Array<[string, string]> = [
  ['Pvt', 'Pvt'], ['Pvt. Ltd.', 'Pvt. Ltd.'], ['Private Limited', 'Pvt. Ltd.'], ['Pte', 'Pte'], ['Pte. Ltd.', 'Pte. Ltd.'],
  ['Sdn. Bhd.', 'Sdn. Bhd.'], ['Co., Ltd.', 'Co., Ltd.'], ['Corp.', 'Corp.'], ['Incorporated', 'Inc.'], ['Inc.', 'Inc.'],
  ['L.L.C.', 'LLC'], ['LLC', 'LLC'], ['Ltd', 'Ltd'], ['Limited', 'Limited'], ['PLC', 'plc'], ['LLP', 'LLP'], ['Co.', 'Co.'], ['Company', 'Company'],
  ['Corporation', 'Corporation'], ['S.A. de C.V.', 'S.A. de C.V.'], ['S. de R.L. de C.V.', 'S. de R.L. de C.V.'], ['S.A.B. de C.V.', 'S.A.B. de C.V.'],
  ['S.p.A.', 'S.p.A.'], ['S.r.l.', 'S.r.l.'], ['S.A.S.', 'S.A.S.'], ['SARL', 'SARL'], ['EURL', 'EURL'], ['Sp. z o.o.', 'Sp. z o.o.'], ['spółka z o.o.', 'Sp. z o.o.'], ['Spółka Komandytowa', 'sp.k.'],
  ['K.K.', 'K.K.'], ['Y.K.', 'Y.K.'], ['G.K.', 'G.K.'], ['Kabushiki Kaisha', 'K.K.'], ['Yugen Kaisha', 'Y.K.'], ['Godo Kaisha', 'G.K.'],
  ['Ltda.', 'Ltda.'], ['A/S', 'A/S'], ['ApS', 'ApS'], ['I/S', 'I/S'], ['K/S', 'K/S'], ['P/S', 'P/S'], ['AB (publ)', 'AB (publ)'],
  ['AG & Co. KG', 'AG & Co. KG'], ['GmbH & Co. KG', 'GmbH & Co. KG'], ['GmbH & Co. KGaA', 'GmbH & Co. KGaA'], ['SE & Co. KGaA', 'SE & Co. KGaA'],
  ['UG (haftungsbeschränkt)', 'UG (haftungsbeschränkt)'], ['e.K.', 'e.K.'], ['mbH', 'mbH'], ['GmbH', 'GmbH'], ['Ges.m.b.H.', 'GmbH'], ['BVBA', 'BVBA'],
  ['SPRL', 'SPRL'], ['Oy', 'Oy'], ['Oyj', 'Oyj'], ['Oy Ab', 'Oy Ab'], ['Oyj Abp', 'Oyj Abp'], ['s.r.o.', 's.r.o.'], ['a.s.', 'a.s.'], ['d.o.o.', 'd.o.o.'],
  ['OOO', 'OOO'], ['OAO', 'OAO'], ['ZAO', 'ZAO'], ['PAO', 'PAO'], ['S.A.', 'S.A.'], ['N.V.', 'N.V.'], ['B.V.', 'B.V.'], ['SAS', 'SAS'], ['S.L.', 'S.L.'],
  ['S.L.U.', 'S.L.U.'], ['S.A.U.', 'S.A.U.'], ['Pty', 'Pty'], ['Pty Ltd', 'Pty Ltd'], ['Pty. Ltd.', 'Pty Ltd'], ['Proprietary Limited', 'Pty Ltd'],
  ['Tbk', 'Tbk'], ['PT', 'PT'], ['CV', 'CV'], ['Bhd', 'Bhd'], ['Berhad', 'Bhd'], ['Sdn Bhd', 'Sdn. Bhd.'], ['Sendirian Berhad', 'Sdn. Bhd.'], ['LP', 'LP'], ['L.P.', 'LP'],
  ['Private Ltd', 'Pvt. Ltd.'], ['SASU', 'SASU'], ['S.A.S.U.', 'SASU'], ['S.L.', 'S.L.'], ['SL', 'S.L.'], ['OÜ', 'OÜ'], ['hf.', 'hf.'],
  ['ООО', 'ООО'], ['ОАО', 'ОАО'], ['ЗАО', 'ЗАО'], ['ПАО', 'ПАО'], ['АО', 'АО'], ['НАО', 'НАО'], ['ИП', 'ИП'], ['ТОО', 'ТОО'], ['ТОВ', 'ТОВ'],
  ['ПрАТ', 'ПрАТ'], ['ПАТ', 'ПАТ'], ['ЧП', 'ЧП'], ['ОДО', 'ОДО'], ['ЕООД', 'ЕООД'], ['ООД', 'ООД'], ['ЕАД', 'ЕАД'], ['АД', 'АД'],
  ['Aktiengesellschaft', 'AG'], ['Gesellschaft mit beschränkter Haftung', 'GmbH'], ['Kommanditgesellschaft', 'KG'], ['Limited Liability Company', 'LLC'],
  ['Public Limited Company', 'plc'], ['Société Anonyme', 'S.A.'], ['Sociedad Anónima', 'S.A.'], ['Società per Azioni', 'S.p.A.'], ['Besloten Vennootschap', 'B.V.'],
  ['Naamloze Vennootschap', 'N.V.'], ['Aktiebolag', 'AB'], ['Aktieselskab', 'A/S'], ['Aksjeselskap', 'AS'], ['Osakeyhtiö', 'Oy'], ['Spółka Akcyjna', 'S.A.'],
  ['spółka z ograniczoną odpowiedzialnością', 'Sp. z o.o.'], ['Société à responsabilité limitée', 'SARL'], ['Société par actions simplifiée', 'SAS'],
];
const PREFERRED = new Map<string, string>();
for (const [variant, display] of EXTRA) {
  add(variant, null, variant.includes(' ') && compactKey(variant).length > 6, display);
  if (!PREFERRED.has(compactKey(variant))) PREFERRED.set(compactKey(variant), display);
}

const out: Record<string, { form: string; countries?: string[]; long?: true; prefix?: true }> = {};
for (const [key, e] of [...forms].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  let form = PREFERRED.get(key) ?? [...e.displays].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  if (form === form.toLowerCase() && !/[.\s/&]/.test(form) && form.length <= 5 && form !== form.toUpperCase()) form = form.toUpperCase();
  const entry: { form: string; countries?: string[]; long?: true; prefix?: true } = { form };
  if (e.countries.size) entry.countries = [...e.countries].sort();
  if (e.long) entry.long = true;
  if (PREFIX_OK.has(key) || (/[\u0400-\u04ff]/.test(key) && !e.long)) entry.prefix = true;
  out[key] = entry;
}
writeDict('legal-forms', {
  source:
    'GLEIF Entity Legal Forms code list (ISO 20275) 2026-02-19, CC0, via /work/shared/data/companies/gleif_elf_iso20275_2026-02-19.csv: every abbreviation (local and transliterated) plus long names containing a legal-form word; OpenSanctions fingerprints types.yml @4e0126d (MIT): long forms → short form. Keyed by compact key (lowercase, accents folded, punctuation/spaces removed); ambiguous short keys denied (scripts/dict/legal-forms.ts).',
  license: 'CC0-1.0 (GLEIF) and MIT (OpenSanctions fingerprints)',
  forms: out,
});
console.log(Object.keys(out).length, 'forms');
