/**
 * Title classifier accuracy/coverage on shared evaluation data (never copied into the repo):
 *  1. ../shared/data/job_titles/raghatate_titles_raw.txt (22k real B2B titles, unlabelled, evaluation only):
 *     share of titles with a level and with a function, and the most frequent unclassified words.
 *  2. ../shared/data/job_titles/ipod_gazetteer_token_tags.csv (CC BY 4.0, evaluation only): agreement of our
 *     level-word vs function-word reading of single tokens with the annotators' majority tag (RES vs FUN).
 * Run: npx tsx bench/titles-accuracy.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyTitle } from '../src/normalize/title/index.js';
import { titleCoverage } from '../src/normalize/title/coverage.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(root, '../shared/data/job_titles');

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

// 1. coverage on real titles
const raw = readFileSync(path.join(dataDir, 'raghatate_titles_raw.txt'), 'utf8');
const titles: string[] = [];
for (const line of raw.split(/\r?\n/)) {
  const m = /^\s*"(.*)"\s*,?\s*$/.exec(line);
  const t = (m ? m[1]! : line).replace(/""/g, '"').trim();
  titles.push(t);
}
const cov = titleCoverage(titles, { top: 40, classify: classifyTitle });
console.log('## Title coverage: raghatate_titles_raw.txt (evaluation only)');
console.log('| measure | all rows | distinct titles |');
console.log('|---|---|---|');
console.log(`| titles (non-blank) | ${cov.total.toLocaleString('en-US')} | ${cov.distinct.toLocaleString('en-US')} |`);
console.log(`| with a level (target ≥ 97%) | ${pct(cov.withLevel, cov.total)} | ${pct(cov.distinctWithLevel, cov.distinct)} |`);
console.log(`| with a function (target ≥ 95%) | ${pct(cov.withFunction, cov.total)} | ${pct(cov.distinctWithFunction, cov.distinct)} |`);
console.log(`| with both | ${pct(cov.classified, cov.total)} | ${pct(cov.distinctClassified, cov.distinct)} |`);
console.log(`| function only inferred (domain-less director+) | ${pct(cov.functionInferred, cov.total)} | |`);
console.log(`| junk / status values | ${pct(cov.junk, cov.total)} | |`);
console.log(`\nblank rows skipped: ${cov.blank}`);
console.log('\nTop unclassified words (in titles missing a level or a function):');
console.log(cov.topUnclassifiedWords.map((w) => `${w.word} (${w.count})`).join(', '));

// 2. gazetteer token tags
const csv = readFileSync(path.join(dataDir, 'ipod_gazetteer_token_tags.csv'), 'utf8').split(/\r?\n/).slice(1);
const confusion = new Map<string, number>();
const stats = { RES: { n: 0, inDict: 0, read: 0, ok: 0 }, FUN: { n: 0, inDict: 0, read: 0, ok: 0 } };
for (const line of csv) {
  if (!line.trim()) continue;
  const parts = line.split(',');
  const token = parts[0]!;
  const tags = parts.slice(1, 4);
  const counts = new Map<string, number>();
  for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  let major = '';
  for (const [t, c] of counts) if (c >= 2) major = t;
  if (major !== 'RES' && major !== 'FUN') continue;
  const a = classifyTitle.analyze(token);
  const r = a.result.value;
  const hasLevel = !!r && r.level !== null && r.level !== 'unknown' && !r.flags.isJunk;
  const hasFn = !!r && r.function !== null && !r.flags.functionInferred && !r.flags.isJunk;
  const ours = hasLevel && hasFn ? 'BOTH' : hasLevel ? 'RES' : hasFn ? 'FUN' : 'NONE';
  confusion.set(`${major}→${ours}`, (confusion.get(`${major}→${ours}`) ?? 0) + 1);
  const s = stats[major];
  s.n++;
  if (a.unknownWords.length === 0) s.inDict++;
  if (ours !== 'NONE') s.read++;
  if (ours === major || ours === 'BOTH') s.ok++;
}
const all = { n: stats.RES.n + stats.FUN.n, inDict: stats.RES.inDict + stats.FUN.inDict, read: stats.RES.read + stats.FUN.read, ok: stats.RES.ok + stats.FUN.ok };
console.log('\n## Level-word vs function-word agreement: ipod_gazetteer_token_tags.csv (majority of 3 annotators)');
console.log('| annotators say | tokens | in our dictionaries (incl. neutral words) | read as level or function word | agree (BOTH counts) | agree, among those read |');
console.log('|---|---|---|---|---|---|');
for (const [name, s] of [['RES (level word)', stats.RES], ['FUN (function word)', stats.FUN], ['all', all]] as const) {
  console.log(`| ${name} | ${s.n} | ${pct(s.inDict, s.n)} | ${pct(s.read, s.n)} | ${pct(s.ok, s.n)} | ${pct(s.ok, s.read)} |`);
}
console.log('\nconfusion (annotators→ours):', [...confusion].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
