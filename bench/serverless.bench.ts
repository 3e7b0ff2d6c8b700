/**
 * Serverless footprint (issue 9): minified + gzipped size of esbuild bundles of a function that
 * calls `cleanse` (no spreadsheet support) and of one that calls only `normalizeCountry`, and
 * the cold import time of the built root entry `dist/index.js` in fresh Node processes (wall
 * clock and CPU time, medians), then what the first calls cost once the lazy tables and
 * libraries load.
 *
 * Run: npx tsx bench/serverless.bench.ts [--no-build] [--runs 11] [--compare <other dist dir>]
 * (`--compare` times another build's index.js in the same run, alternating processes, e.g. a
 * build of the previous commit: `git stash; npx tsdown -d .scratch/dist-before; git stash pop`.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const { values: args } = parseArgs({ options: { 'no-build': { type: 'boolean' }, runs: { type: 'string' }, compare: { type: 'string' } } });
const RUNS = Number(args.runs ?? 11);

async function bundleSize(name: string, contents: string): Promise<{ name: string; min: number; gz: number }> {
  const r = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['import', 'default'],
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    external: ['stream'],
  });
  const text = r.outputFiles[0]!.contents;
  return { name, min: text.length, gz: gzipSync(text).length };
}

const sizes = [
  await bundleSize('handler calling normalizeCountry only (target ≤ 60 KB gz)', "import { normalizeCountry } from './src/index.ts'; export default (x) => normalizeCountry(x).value;"),
  await bundleSize('handler calling normalizeCountryFull only', "import { normalizeCountryFull } from './src/index.ts'; export default (x) => normalizeCountryFull(x).value;"),
  await bundleSize('handler calling cleanse(rows) (no XLSX)', "import { cleanse } from './src/index.ts'; export default (rows) => cleanse(rows).records;"),
  await bundleSize('handler calling parseCsv + cleanse', "import { cleanse } from './src/index.ts'; import { parseCsv } from './src/csv.ts'; export default (t) => cleanse(parseCsv(t)).records;"),
  await bundleSize('handler calling parseLeadFile (with XLSX) + cleanse', "import { cleanse, parseLeadFile } from './src/index.ts'; export default (b) => cleanse(parseLeadFile(b)).records;"),
];
console.log('\n## Bundle sizes (esbuild, minified, ESM)');
console.log('| bundle | minified KB | gzipped KB |');
console.log('|---|---|---|');
for (const s of sizes) console.log(`| ${s.name} | ${(s.min / 1024).toFixed(1)} | ${(s.gz / 1024).toFixed(1)} |`);

if (!args['no-build'] || !existsSync('dist/index.js')) execFileSync('npx', ['tsdown'], { stdio: 'ignore' });

/** One fresh Node process: `setup` runs after the import; prints wall ms, CPU ms and what `setup` logs. */
function fresh(entry: string, after = ''): number[] {
  const url = JSON.stringify(pathToFileURL(path.resolve(entry)).href);
  const code = `const c=process.cpuUsage();const t=performance.now();import(${url}).then((m)=>{const w=performance.now()-t;const u=process.cpuUsage(c);const x=[w,(u.user+u.system)/1000];${after}console.log(x.join(' '))})`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  const out = r.stdout.trim().split(' ').map(Number);
  if (r.status !== 0 || out.some((n) => !Number.isFinite(n))) throw new Error(`cold import of ${entry} failed: ${r.stderr}`);
  return out;
}
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[(a.length - 1) >> 1]!;
const fmt = (a: number[]): string => `${median(a).toFixed(1)} ms (min ${Math.min(...a).toFixed(1)}, max ${Math.max(...a).toFixed(1)})`;

const entries = ['dist/index.js', ...(args.compare ? [path.join(args.compare, 'index.js')] : [])];
const wall = new Map(entries.map((e) => [e, [] as number[]]));
const cpu = new Map(entries.map((e) => [e, [] as number[]]));
for (let i = 0; i < RUNS; i++) {
  for (const e of entries) {
    const [w, c] = fresh(e);
    wall.get(e)!.push(w!);
    cpu.get(e)!.push(c!);
  }
}
console.log(`\n## Cold import (fresh Node ${process.version} processes, ${RUNS} runs${entries.length > 1 ? ', alternating' : ''})`);
console.log('| entry | wall clock median (target ≤ 150 ms) | CPU time median |');
console.log('|---|---|---|');
for (const e of entries) console.log(`| ${e} | ${fmt(wall.get(e)!)} | ${fmt(cpu.get(e)!)} |`);
if (entries.length > 1) {
  const [a, b] = entries as [string, string];
  console.log(`\nratio ${a} / ${b}: wall ${(median(wall.get(a)!) / median(wall.get(b)!)).toFixed(2)}, CPU ${(median(cpu.get(a)!) / median(cpu.get(b)!)).toFixed(2)}`);
}

// Import plus a first cleanse() of one row, CPU time: the lazy costs counted in.
const CLEANSE = "m.cleanse([{Email:'a@b.de',Country:'DE',Title:'CEO',Phone:'089 1234567',Company:'Acme GmbH','First Name':'Ann',Website:'acme.de'}]);";
const total = new Map(entries.map((e) => [e, [] as number[]]));
for (let i = 0; i < 7; i++) {
  for (const e of entries) total.get(e)!.push(fresh(e, `${CLEANSE}const v=process.cpuUsage(c);x.push((v.user+v.system)/1000);`)[2]!);
}
console.log('\n## Import + first cleanse() of one row, CPU time (7 fresh processes each)');
console.log('| entry | CPU median |');
console.log('|---|---|');
for (const e of entries) console.log(`| ${e} | ${fmt(total.get(e)!)} |`);

// What the lazy loading moved to first use (each in a fresh process, timed after the import).
const firsts: [string, string][] = [
  ['first normalizeCountry() call (compact table)', "m.normalizeCountry('Deutschland');"],
  ['first cleanse() call (builds lookup tables)', "m.cleanse([{Email:'a@b.de',Country:'DE',Title:'CEO',Phone:'089 1234567'}]);"],
  ['first parseLeadFile(xlsx) (loads SheetJS)', "m.parseLeadFile(m.toXlsx(['Email'],[['a@b.de']]));"],
];
console.log('\n## First calls after the import');
console.log('| call | median over 5 fresh processes |');
console.log('|---|---|');
for (const [name, call] of firsts) {
  const t: number[] = [];
  for (let i = 0; i < 5; i++) t.push(fresh('dist/index.js', `const s=performance.now();${call}x.push(performance.now()-s);`)[2]!);
  console.log(`| ${name} | ${median(t).toFixed(1)} ms |`);
}
