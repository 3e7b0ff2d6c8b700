/**
 * classifyTitle throughput.
 *  - distinct titles: 40,000 generated distinct titles, memoisation off (every call does the full work)
 *  - realistic repeated mix: 200,000 titles drawn (Zipf-like) from 4,000 distinct ones, memoisation on
 * Baselines in the same run: foldKey alone (the floor: just normalising the string) and a naive
 * ordered-regex classifier (the industry default; far less accurate, no languages, no explanation).
 * Run: npx tsx bench/titles.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { measure, pick, report, rng } from './lib.js';
import { foldKey } from '../src/core/text.js';
import { BUILTIN_TITLE_DICTIONARIES, createTitleClassifier } from '../src/normalize/title/index.js';

const r = rng(42);
const seniority = ['', '', '', 'Senior', 'Sr.', 'Junior', 'Lead', 'Principal', 'Associate', 'Assistant', 'Global', 'Regional', 'Interim', 'Deputy', 'Staff'];
const roles = ['Manager', 'Director', 'VP', 'Vice President', 'Head of', 'Specialist', 'Analyst', 'Engineer', 'Coordinator', 'Consultant', 'Representative', 'Executive', 'Officer', 'Lead', 'Administrator', 'Developer', 'Architect', 'Intern', 'Team Lead', 'Supervisor', 'Partner', 'Mgr', 'Dir.', 'SVP', 'EVP', 'Leiter', 'Responsable', 'Gerente', 'Directeur', 'Teamleiter', 'Jefe de'];
const domains = ['Sales', 'Marketing', 'Finance', 'HR', 'IT', 'Operations', 'Product', 'Engineering', 'Customer Success', 'Legal', 'Procurement', 'Data', 'Business Development', 'Demand Gen', 'Supply Chain', 'Software', 'Network', 'Security', 'Talent Acquisition', 'Brand', 'Communications', 'Accounting', 'Tax', 'Treasury', 'FP&A', 'Quality', 'Logistics', 'Vertrieb', 'Einkauf', 'Ventas', 'Compras', 'Achats', 'Marketing Ops', 'RevOps', 'Partnerships', 'Analytics', 'Design', 'UX', 'Cloud', 'Infrastructure', 'Payroll', 'Recruiting'];
const qualifiers = ['', '', '', 'EMEA', 'North America', 'APAC', 'DACH', 'Enterprise', 'Mid-Market', 'West', 'Central Europe', 'Americas', 'II', 'III', '(m/w/d)', 'Remote'];
const cxo = ['CEO', 'CFO', 'CTO', 'CMO', 'COO', 'CIO', 'CRO', 'Founder', 'Co-Founder', 'Owner', 'President', 'Managing Director', 'General Manager', 'Geschäftsführer', 'PDG', 'Chief People Officer', 'Chief Revenue Officer'];

function makeTitle(i: number): string {
  const k = r();
  if (k < 0.1) return `${pick(r, cxo)}${r() < 0.5 ? ` & ${pick(r, cxo)}` : ''} #${i}`;
  const role = pick(r, roles);
  const dom = pick(r, domains);
  const order = role === 'Head of' || role === 'Jefe de' || r() < 0.3 ? `${role} ${dom}` : `${dom} ${role}`;
  const sen = pick(r, seniority);
  const q = pick(r, qualifiers);
  return `${sen ? sen + ' ' : ''}${order}${q ? ', ' + q : ''} ${i}`;
}

const DISTINCT = 40_000;
const distinct: string[] = [];
for (let i = 0; i < DISTINCT; i++) distinct.push(makeTitle(i));

const POOL = 4_000;
const pool: string[] = [];
for (let i = 0; i < POOL; i++) pool.push(makeTitle(i).replace(/ \d+$/, ''));
const MIX = 200_000;
const mix: string[] = [];
for (let i = 0; i < MIX; i++) mix.push(pool[Math.min(POOL - 1, Math.floor(POOL * Math.pow(r(), 3)))]!);

const noMemo = createTitleClassifier({ dictionaries: BUILTIN_TITLE_DICTIONARIES, cacheSize: 0 });
const t0 = performance.now();
noMemo('VP Sales');
const firstCallMs = performance.now() - t0;

const NAIVE: [RegExp, string][] = [
  [/\b(ceo|cfo|cto|cmo|coo|cio|chief)\b/i, 'c_level'],
  [/\b(founder|owner)\b/i, 'owner'],
  [/\b(vp|vice president|svp|evp)\b/i, 'vp'],
  [/\b(director|head)\b/i, 'director'],
  [/\b(manager|lead)\b/i, 'manager'],
  [/\b(intern|trainee)\b/i, 'intern'],
];
function naive(t: string): string | null {
  for (const [re, l] of NAIVE) if (re.test(t)) return l;
  return null;
}

const ms = [
  measure('foldKey only (floor)', DISTINCT, () => { let n = 0; for (const t of distinct) n += foldKey(t).length; return n; }, { unit: 'titles' }),
  measure('naive ordered regexes (level only)', DISTINCT, () => { let n = 0; for (const t of distinct) if (naive(t)) n++; return n; }, { unit: 'titles' }),
  measure('classifyTitle, distinct, no memo', DISTINCT, () => { let n = 0; for (const t of distinct) if (noMemo(t).value) n++; return n; }, { unit: 'titles', note: 'target ≥ 100k/s', warmup: 4, runs: 7 }),
  measure('classifyTitle, repeated mix, memo', MIX, () => {
    const memo = createTitleClassifier({ dictionaries: BUILTIN_TITLE_DICTIONARIES });
    let n = 0;
    for (const t of mix) if (memo(t).value) n++;
    return n;
  }, { unit: 'titles', note: `${POOL.toLocaleString('en-US')} distinct, Zipf-like; includes compile` }),
];
report('classifyTitle throughput', ms, 'classifyTitle, distinct, no memo');
console.log(`first call (lazy dictionary compile): ${firstCallMs.toFixed(1)} ms`);
