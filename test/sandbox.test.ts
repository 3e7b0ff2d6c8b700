/**
 * Invariant 6, pure core: the root entry bundled for browsers runs inside node:vm with
 * no require, no process, no timers, no fs — only the web platform's TextDecoder,
 * TextEncoder and URL — as in edge runtimes and warehouse UDFs.
 */
import { build } from 'esbuild';
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';

async function bundle(contents: string): Promise<string> {
  const r = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'leadtidy',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

function sandbox(code: string): vm.Context {
  const ctx = vm.createContext({ TextDecoder, TextEncoder, URL });
  vm.runInContext(code, ctx, { timeout: 30_000 });
  return ctx;
}

describe('the core runs without Node built-ins', () => {
  test('normalizers, cleanse and CSV parsing in a bare vm context', async () => {
    const ctx = sandbox(await bundle("export { cleanse, normalizeCountry, normalizePhone, classifyTitle, normalizeEmail, packHash } from './src/index.ts'; export { parseCsv } from './src/csv.ts';"));
    expect(vm.runInContext('typeof require + typeof process + typeof setTimeout', ctx)).toBe('undefinedundefinedundefined');
    const run = (js: string) => JSON.parse(vm.runInContext(`JSON.stringify(${js})`, ctx) as string);
    expect(run("leadtidy.normalizeCountry('Deutschland').value.code")).toBe('DE');
    expect(run("leadtidy.normalizePhone('(415) 555-2671', { country: 'US' }).value.e164")).toBe('+14155552671');
    expect(run("leadtidy.classifyTitle('VP Marketing').value.level")).toBe('vp');
    expect(run("leadtidy.normalizeEmail('Jane <JANE@Gmial.com>').value.email")).toBe('jane@gmail.com');
    const record = run("leadtidy.cleanse(leadtidy.parseCsv('E-Mail;Land;Telefon;Position\\nann@acme.de;Deutschland;089 1234567;Geschäftsführer\\n')).records[0]");
    expect(record).toMatchObject({ email: 'ann@acme.de', country: 'DE', phone: '+49891234567', jobLevel: 'c_level' });
    expect(run("leadtidy.packHash({ a: 1 })")).toMatch(/^sha256:/);
  });

  test('spreadsheet parsing works in the sandbox too', async () => {
    const ctx = sandbox(await bundle("export { parseLeadFile, toXlsx } from './src/index.ts';"));
    const rows = JSON.parse(vm.runInContext("JSON.stringify(leadtidy.parseLeadFile(leadtidy.toXlsx(['Email'], [['a@b.de']])).rows)", ctx) as string);
    expect(rows).toEqual([{ Email: 'a@b.de' }]);
  });
});
