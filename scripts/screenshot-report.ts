/**
 * Renders an HTML report in headless Chromium (Debian's `chromium` package) and saves a
 * PNG, to check that the report displays without network or scripts:
 *   npx tsx scripts/screenshot-report.ts out/report.html out/report.png
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';

const [html = 'out/report.html', png = 'out/report.png', height = '2600'] = process.argv.slice(2);
const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!browser) {
  console.error('chromium not found: apt-get install chromium');
  process.exit(1);
}
const r = spawnSync(
  browser,
  [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'chromium-'))}`,
    `--window-size=1200,${height}`, '--hide-scrollbars', `--screenshot=${resolve(png)}`, `file://${resolve(html)}`,
  ],
  { encoding: 'utf8', timeout: 60_000 },
);
if (r.status !== 0 || !existsSync(png)) {
  console.error(r.stderr);
  process.exit(1);
}
console.log(`wrote ${png}`);
