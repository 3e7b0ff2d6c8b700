/**
 * The build plugins of tsdown.config.ts (issue 9, serverless-ready core): dictionaries parsed
 * on first use, SheetJS, tldts and papaparse loaded on first use, and no Node built-in imported
 * by the pure chunks. Bundles a few source modules with rolldown and the same plugins, then
 * runs the output.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import countries from '../dictionaries/countries.json' with { type: 'json' };
import compact from '../dictionaries/country-aliases-compact.json' with { type: 'json' };
import { lazyCommonJs, lazyDictionaries, lazyXlsx } from '../tsdown.config.js';

const dir = mkdtempSync(path.join(tmpdir(), 'leadtidy-lazy-'));
let code = '';
const load = async <T>(name: string): Promise<T> => (await import(pathToFileURL(path.join(dir, `${name}.js`)).href)) as T;

beforeAll(async () => {
  await build({
    input: {
      country: 'src/normalize/country/index.ts',
      xlsxWrite: 'src/io/xlsx-write.ts',
      xlsxRead: 'src/io/xlsx-read.ts',
      csv: 'src/io/csv-parse.ts',
      domain: 'src/normalize/email/domain.ts',
    },
    platform: 'node',
    plugins: [lazyDictionaries(), lazyXlsx(), lazyCommonJs('tldts'), lazyCommonJs('papaparse', ['stream'])],
    output: { dir, format: 'esm', entryFileNames: '[name].js' },
    logLevel: 'silent',
  });
  code = readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lazy build', () => {
  test('the output imports no Node built-in and no package: everything is bundled', () => {
    expect(code).not.toMatch(/^import .* from "(node:|[a-z@])/m);
    expect(code).not.toContain('createRequire');
    expect(code).toContain('function sheetjs()');
    expect(code).toContain('process.getBuiltinModule("node:stream")');
  });

  test('a dictionary is parsed on first access, not at import, and equals its JSON file', async () => {
    const parse = JSON.parse;
    let calls = 0;
    JSON.parse = ((...a: Parameters<typeof JSON.parse>) => (calls++, parse(...a))) as typeof JSON.parse;
    try {
      const m = await load<typeof import('../src/normalize/country/index.js')>('country');
      expect(calls).toBe(0);
      expect(m.BUILTIN_COUNTRY_DICTIONARIES.aliases).toEqual(compact);
      expect(calls).toBe(1);
      expect(m.BUILTIN_COUNTRY_DICTIONARIES.countries).toEqual(countries);
      expect(Object.keys(m.BUILTIN_COUNTRY_DICTIONARIES.aliases)).toEqual(Object.keys(compact));
      expect(calls).toBe(2);
      expect(m.normalizeCountry('Deutschland').value?.code).toBe('DE');
      expect(m.normalizeCountryFull('Jamani').value?.code).toBe('DE');
    } finally {
      JSON.parse = parse;
    }
  });

  test('spreadsheets write and read through the lazy SheetJS', async () => {
    const { toXlsx } = await load<typeof import('../src/io/xlsx-write.js')>('xlsxWrite');
    const { readSheetGrid } = await load<typeof import('../src/io/xlsx-read.js')>('xlsxRead');
    const grid = readSheetGrid(toXlsx(['Email', 'Land'], [['ann@acme.de', 'Deutschland']]));
    expect(grid.grid).toEqual([['Email', 'Land'], ['ann@acme.de', 'Deutschland']]);
    expect(grid.bookType).toBe('xlsx');
    const src = await import('../src/io/xlsx-read.js');
    for (const bytes of [new Uint8Array([1, 2, 3]), new TextEncoder().encode('a,b\n1,2'), toXlsx(['n'], [['1'], ['2024-01-02']])]) {
      expect(readSheetGrid(bytes)).toEqual(src.readSheetGrid(bytes));
    }
  });

  test('CSV parsing (papaparse) and registrable domains (tldts) work through the lazy wrappers', async () => {
    const { parseDelimitedGrid } = await load<typeof import('../src/io/csv-parse.js')>('csv');
    expect(parseDelimitedGrid('a;b\n1;"2;3"\n').grid).toEqual([['a', 'b'], ['1', '2;3']]);
    const { hostInfo } = await load<typeof import('../src/normalize/email/domain.js')>('domain');
    expect(hostInfo('shop.acme.co.uk')).toMatchObject({ domain: 'acme.co.uk', knownSuffix: true });
  });
});

describe('serverless bundle of normalizeCountry', () => {
  test('tree-shakes to the compact table: no full table, phone metadata, zod or SheetJS; ≤ 60 KB gzipped', async () => {
    const r = await esbuild({
      stdin: { contents: "import { normalizeCountry } from './src/index.ts'; export default (x) => normalizeCountry(x).value;", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2022',
      minify: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['stream'],
    });
    const inputs = Object.keys(Object.values(r.metafile!.outputs)[0]!.inputs);
    expect(inputs).toContain('dictionaries/country-aliases-compact.json');
    expect(inputs.filter((i) => /country-aliases\.json|libphonenumber|zod|xlsx|papaparse|tldts/.test(i))).toEqual([]);
    expect(gzipSync(r.outputFiles[0]!.contents).length).toBeLessThanOrEqual(60 * 1024);
  });
});
