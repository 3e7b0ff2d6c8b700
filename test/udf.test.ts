/**
 * The warehouse UDF bundle (src/udf.ts bundled like `npm run build:udf`) in a bare
 * node:vm context, called exactly as the SQL examples in docs/warehouse.md call it.
 */
import { build } from 'esbuild';
import vm from 'node:vm';
import { beforeAll, describe, expect, test } from 'vitest';

let ctx: vm.Context;
const call = (js: string): unknown => JSON.parse(vm.runInContext(`JSON.stringify(${js})`, ctx) as string);

beforeAll(async () => {
  const r = await build({ entryPoints: ['src/udf.ts'], bundle: true, format: 'iife', globalName: 'leadtidy', platform: 'browser', target: 'es2019', minify: true, write: false, logLevel: 'silent' });
  ctx = vm.createContext({ TextDecoder, TextEncoder, URL });
  vm.runInContext(r.outputFiles[0]!.text, ctx);
}, 60_000);

describe('UDF bundle', () => {
  test('no Node built-ins in the sandbox', () => {
    expect(vm.runInContext('typeof require + typeof process + typeof setTimeout', ctx)).toBe('undefinedundefinedundefined');
  });

  test('the normalize-a-table example', () => {
    expect(call("leadtidy.country('Deutschland')")).toBe('DE');
    expect(call("leadtidy.countryName('U.S.A.')")).toBe('United States');
    expect(call("leadtidy.state('Bayern', 'Deutschland')")).toBe('BY');
    expect(call("leadtidy.state('Calif.', 'US')")).toBe('CA');
    expect(call("leadtidy.postalCode('2139', 'US')")).toBe('02139');
    expect(call("leadtidy.phone('(415) 555-2671 x12', 'US')")).toBe('+14155552671;ext=12');
    expect(call("leadtidy.phone('not a phone', 'US')")).toBeNull();
    expect(call("leadtidy.email(' Jane <JANE@Gmial.com>')")).toBe('jane@gmail.com');
    expect(call("leadtidy.emailFlags('info@mailinator.com')")).toEqual({ isFree: false, isDisposable: true, isRole: true });
    expect(call("leadtidy.companyName('ACME GMBH')")).toBe('Acme GmbH');
    expect(call("leadtidy.website('WWW.Acme.com/')")).toBe('https://www.acme.com');
    expect(call("leadtidy.websiteDomain('shop.acme.co.uk')")).toBe('acme.co.uk');
    expect(call("leadtidy.title('VP Mktg')")).toEqual({ level: 'vp', function: 'marketing', subFunction: null });
    expect(call("leadtidy.personName('DR. JOHN Q. SMITH JR')")).toMatchObject({ salutation: 'Dr.', first: 'John', last: 'Smith' });
    expect(call('leadtidy.country(null)')).toBeNull();
  });

  test('the blocking-keys example: duplicates share a GROUP BY key', () => {
    const a = call("leadtidy.blockingKeys({ email: 'rob.smith@acme.com', firstName: 'Robert', lastName: 'Smith', company: 'Acme Inc.' })") as Record<string, string[]>;
    const b = call("leadtidy.blockingKeys({ email: 'Rob.Smith@ACME.com', firstName: 'Bob', lastName: 'Smith', company: 'ACME' })") as Record<string, string[]>;
    expect(a.email).toEqual(b.email);
    const shared = Object.keys(a).filter((rule) => a[rule]!.some((k) => b[rule]!.includes(k)));
    expect(shared.length).toBeGreaterThanOrEqual(2);
    expect(call("leadtidy.companyKey('The ACME Corp.')")).toBe(call("leadtidy.companyKey('Acme Corporation')"));
    expect(call("leadtidy.firstNameKeys('Bob')")).toContain('robert');
  });

  test('a whole row through the default record steps', () => {
    expect(call("leadtidy.cleanRow({ 'E-Mail': 'ANN@ACME.DE', Land: 'Deutschland', Telefon: '089 1234567', Position: 'Geschäftsführer', Badge: 'X1' })")).toMatchObject({
      email: 'ann@acme.de', country: 'DE', phone: '+49891234567', jobLevel: 'c_level', extra: { Badge: 'X1' },
    });
    expect(call("leadtidy.cleanRow({ Email: 'test@test.com' })")).toEqual({ rejected: expect.arrayContaining(['junk_email']) });
  });
});
