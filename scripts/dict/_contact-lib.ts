/** Helpers shared by the contact/company dictionary scripts (build time only). */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = path.resolve(ROOT, '../shared/data');
const require = createRequire(import.meta.url);

/** Absolute path of a file inside an installed package. */
export function pkgFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** `name@version` of an installed package. */
export function pkgId(pkg: string): string {
  const meta = JSON.parse(readFileSync(pkgFile(pkg, 'package.json'), 'utf8')) as { version: string };
  return `${pkg}@${meta.version}`;
}

/** Reads a text file. */
export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/** Writes `dictionaries/<name>.json` (stable, pretty enough to diff). */
export function writeDict(name: string, data: Record<string, unknown>): void {
  const file = path.join(ROOT, 'dictionaries', `${name}.json`);
  writeFileSync(file, JSON.stringify(data, null, 1) + '\n');
  console.log(`wrote ${path.relative(ROOT, file)}`);
}
