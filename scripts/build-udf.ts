/**
 * `npm run build:udf`: bundles src/udf.ts into one self-contained script,
 * dist/leadtidy-udf.js, defining a global `leadtidy` (no imports, no Node built-ins),
 * for BigQuery (`OPTIONS (library = ["gs://…/leadtidy-udf.js"])`) and Snowflake
 * (pasted into the JavaScript UDF body). Prints its size.
 */
import { build } from 'esbuild';
import { mkdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: ['src/udf.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'leadtidy',
  platform: 'browser',
  target: 'es2019',
  minify: true,
  legalComments: 'none',
  outfile: 'dist/leadtidy-udf.js',
  logLevel: 'warning',
});
const size = statSync('dist/leadtidy-udf.js').size;
const gz = gzipSync(readFileSync('dist/leadtidy-udf.js')).length;
console.log(`wrote dist/leadtidy-udf.js: ${(size / 1024).toFixed(0)} KB minified, ${(gz / 1024).toFixed(0)} KB gzipped`);
