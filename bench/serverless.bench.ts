/**
 * Serverless footprint: minified + gzipped size of esbuild bundles of a function that calls
 * `cleanse` (no spreadsheet support) and of one that calls only `normalizeCountry`, and the
 * cold import time of the built root entry (`dist/index.js`, built first if missing) in fresh
 * Node processes (median of 7).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

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
  await bundleSize('handler calling cleanse(rows) (no XLSX)', "import { cleanse } from './src/index.ts'; export default (rows) => cleanse(rows).records;"),
  await bundleSize('handler calling normalizeCountry only', "import { normalizeCountry } from './src/index.ts'; export default (x) => normalizeCountry(x).value;"),
  await bundleSize('handler calling parseCsv + cleanse', "import { cleanse } from './src/index.ts'; import { parseCsv } from './src/csv.ts'; export default (t) => cleanse(parseCsv(t)).records;"),
  await bundleSize('handler calling parseLeadFile (with XLSX) + cleanse', "import { cleanse, parseLeadFile } from './src/index.ts'; export default (b) => cleanse(parseLeadFile(b)).records;"),
];
console.log('\n## Bundle sizes (esbuild, minified, ESM)');
console.log('| bundle | minified KB | gzipped KB |');
console.log('|---|---|---|');
for (const s of sizes) console.log(`| ${s.name} | ${(s.min / 1024).toFixed(1)} | ${(s.gz / 1024).toFixed(1)} |`);

if (!existsSync('dist/index.js')) execFileSync('npx', ['tsdown'], { stdio: 'ignore' });
const times: number[] = [];
for (let i = 0; i < 7; i++) {
  const r = spawnSync(process.execPath, ['-e', "const t=performance.now();import('./dist/index.js').then(()=>console.log(performance.now()-t))"], { encoding: 'utf8' });
  times.push(Number(r.stdout.trim()));
}
times.sort((a, b) => a - b);
console.log(`\ncold import of dist/index.js (root entry): median ${times[3]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times[6]!.toFixed(1)}) over 7 fresh processes`);
const first: number[] = [];
for (let i = 0; i < 5; i++) {
  const r = spawnSync(process.execPath, ['-e', "import('./dist/index.js').then((m)=>{const t=performance.now();m.cleanse([{Email:'a@b.de',Country:'DE',Title:'CEO',Phone:'089 1234567'}]);console.log(performance.now()-t)})"], { encoding: 'utf8' });
  first.push(Number(r.stdout.trim()));
}
first.sort((a, b) => a - b);
console.log(`first cleanse() call after import (builds lookup tables): median ${first[2]!.toFixed(1)} ms over 5 fresh processes`);
