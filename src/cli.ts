#!/usr/bin/env node
/**
 * The `leadtidy` command. Exit codes: 0 done, 1 usage or I/O error (including an
 * unreadable input file), 2 invalid rule pack.
 */
import process from 'node:process';
import { parseArgs } from 'node:util';
import pkg from '../package.json' with { type: 'json' };
import type { Issue } from './core/codes.js';
import { LeadtidyError } from './core/errors.js';
import type { CleanseReport } from './engine/cleanse.js';
import type { CompiledPack } from './engine/pack.js';
import type { ParseMeta } from './io/parse-text.js';
import type { CleanFileOutputs, JobCounts } from './node.js';
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { cleanFile, cleanFileStream } from './node.js';

const HELP = `leadtidy ${pkg.version} — clean B2B lead files for CRM import

Usage:
  leadtidy clean <file> [options]   clean a CSV/TSV/XLSX/XLS lead file
  leadtidy --help | --version

Options for clean:
  --pack <file|id>    rule pack: a JSON file, or a built-in id (default: "default")
  --out <file>        clean file to write (.csv or .xlsx); default <file>.clean.csv
                      beside the input. Also written next to it: <name>.rejects.csv,
                      <name>.changes.csv, <name>.report.json
  --sheet <name|n>    spreadsheet sheet (name, or 1-based number); default: the first
  --campaign <name>   the campaign every row of the file belongs to
  --status <status>   member status for rows that have none (e.g. Registered)
  --accounts <file>   match each lead to an account (CSV/XLSX: id, name, website,
                      domains, country, state, city, phone, parentId)
  --existing <file>   CRM export of existing records: label each lead new /
                      update <id> / review <id>
  --no-dedupe         do not merge duplicates within the file
  --report <file>     also write the self-contained HTML report
  --target <profile>  write the clean file for a target system: salesforce-lead,
                      salesforce-contact, hubspot-contact, marketo-lead, csv
  --workers <n>       threads for the record steps (default: the number of cores;
                      1 = this thread only). Same output whatever the number.
  --stream            read, cleanse and write the file in batches, for files larger
                      than memory (automatic above 32 MB). Deduplication and
                      --existing still hold the clean records in memory; with
                      --no-dedupe memory stays flat. Same output as without.
  --quiet             no summary on stdout, no progress on stderr

Exit codes: 0 done, 1 usage or I/O error, 2 invalid rule pack.
`;

function fail(code: number, message: string): never {
  process.stderr.write(`leadtidy: ${message}\n`);
  process.exit(code);
}

/**
 * Files above this size are streamed (same output). In memory, a clean result holds every
 * record and every changed cell: a 1M-row file (~200 MB) needs ~6.5 GB, more than Node's
 * default heap, while the streamed job stays under 1 GB.
 */
const STREAM_ABOVE_BYTES = 32 * 1024 * 1024;

async function main(argv: readonly string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        pack: { type: 'string' },
        out: { type: 'string' },
        sheet: { type: 'string' },
        campaign: { type: 'string' },
        status: { type: 'string' },
        report: { type: 'string' },
        accounts: { type: 'string' },
        existing: { type: 'string' },
        'no-dedupe': { type: 'boolean', default: false },
        target: { type: 'string' },
        workers: { type: 'string' },
        stream: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    fail(1, `${(e as Error).message}\n\n${HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${pkg.version}\n`);
    return;
  }
  if (values.help || positionals.length === 0) {
    process.stdout.write(HELP);
    if (!values.help) process.exitCode = 1;
    return;
  }
  const [command, file, ...more] = positionals;
  if (command !== 'clean') fail(1, `unknown command "${command}"\n\n${HELP}`);
  if (!file) fail(1, `clean needs a file\n\n${HELP}`);
  if (more.length) fail(1, `unexpected arguments: ${more.join(' ')}`);
  const sheet = values.sheet === undefined ? undefined : /^\d+$/.test(values.sheet) ? Number(values.sheet) - 1 : values.sheet;
  const quiet = values.quiet;
  let lastPct = -1;
  const tty = Boolean(process.stderr.isTTY);
  const onProgress = (done: number, total: number) => {
    if (quiet) return;
    if (total === 0) {
      // Streaming: the total is unknown.
      if (done - lastPct >= 100_000) {
        process.stderr.write(tty ? `\rcleansing ${done.toLocaleString('en-US')} rows` : `cleansing ${done.toLocaleString('en-US')} rows\n`);
        lastPct = done;
      }
      return;
    }
    if (total < 20_000) return;
    const pct = Math.floor((done / total) * 100);
    if (tty) process.stderr.write(`\rcleansing ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} rows (${pct}%)${done === total ? '\n' : ''}`);
    else if (pct >= lastPct + 10 || done === total) process.stderr.write(`cleansing ${pct}% (${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} rows)\n`);
    lastPct = pct;
  };
  let workers = availableParallelism();
  if (values.workers !== undefined) {
    if (!/^\d+$/.test(values.workers) || Number(values.workers) < 1) fail(1, `--workers needs a positive whole number, got "${values.workers}"`);
    workers = Number(values.workers);
  }
  try {
    const size = (await stat(file).catch(() => null))?.size ?? 0;
    const stream = values.stream || size > STREAM_ABOVE_BYTES;
    const options = {
      ...(values.pack !== undefined ? { pack: values.pack } : {}),
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(sheet !== undefined ? { sheet } : {}),
      ...(values.report !== undefined ? { report: values.report } : {}),
      ...(values.target !== undefined ? { target: values.target } : {}),
      ...(values.accounts !== undefined ? { accounts: values.accounts } : {}),
      ...(values.existing !== undefined ? { existing: values.existing } : {}),
      ...(values['no-dedupe'] ? { dedupe: false } : {}),
      ...(values.campaign !== undefined || values.status !== undefined
        ? { campaign: { ...(values.campaign !== undefined ? { name: values.campaign } : {}), ...(values.status !== undefined ? { status: values.status } : {}) } }
        : {}),
      workers,
      onProgress,
    };
    let run: { meta: ParseMeta | null; fileIssues: readonly Issue[]; report: CleanseReport; counts: JobCounts; outputs: CleanFileOutputs; pack: CompiledPack };
    if (stream) {
      const r = await cleanFileStream(file, options);
      run = { meta: r.meta, fileIssues: r.fileIssues, report: r.report, counts: r.counts, outputs: r.outputs, pack: r.pack };
    } else {
      const r = await cleanFile(file, options);
      run = { meta: r.parsed.meta, fileIssues: r.parsed.issues, report: r.result.report, counts: r.counts, outputs: r.outputs, pack: r.pack };
    }
    const { meta, report: r, counts, outputs, pack } = run;
    const fatal = run.fileIssues.find((i) => i.severity === 'error' && i.code.startsWith('file.'));
    if (fatal) fail(1, `${file}: ${fatal.message}`);
    if (!quiet) {
      const reasons = Object.entries(r.rejectReasons).map(([k, v]) => `${k} ${v}`).join(', ');
      process.stdout.write(
        [
          `${file}: ${meta?.format ?? '?'}${meta?.encoding ? `, ${meta.encoding}` : ''}${meta?.delimiter ? `, delimiter ${JSON.stringify(meta.delimiter)}` : ''}${meta?.sheet ? `, sheet "${meta.sheet}"` : ''}`,
          `pack ${pack.id}@${pack.version} (${pack.hash})`,
          `rows in ${r.rowsIn}, clean ${r.rowsOut}, rejected ${r.rejected}${reasons ? ` (${reasons})` : ''}, merged duplicates ${r.merged} (${counts.clusters} clusters, ${counts.review} pairs to review), changed cells ${counts.changes}`,
          ...(values.accounts !== undefined ? [`matched to accounts: ${counts.accountsMatched} of ${counts.records}`] : []),
          ...(counts.crm ? [`against existing records: ${counts.crm.update} updates, ${counts.crm.review} to review, ${counts.crm.new} new`] : []),
          `columns mapped: ${r.mapping.filter((m) => m.field).map((m) => `${m.header} → ${m.field}`).join(', ')}`,
          `carried through: ${r.mapping.filter((m) => !m.field).map((m) => m.header).join(', ') || '(none)'}`,
          `wrote ${outputs.clean}`,
          `      ${outputs.rejects}`,
          `      ${outputs.changes}`,
          `      ${outputs.report}`,
          ...(outputs.merges ? [`      ${outputs.merges}`] : []),
          ...(outputs.html ? [`      ${outputs.html}`] : []),
          '',
        ].join('\n'),
      );
    }
  } catch (e) {
    if (e instanceof LeadtidyError) fail(e.kind === 'pack' ? 2 : 1, e.message);
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string') fail(1, err.message);
    throw e;
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`leadtidy: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
