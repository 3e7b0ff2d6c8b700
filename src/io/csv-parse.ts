/**
 * Delimited text (CSV/TSV/semicolon/pipe) → grid, through papaparse. Pure.
 */
import Papa from 'papaparse';
import { issue, type Issue } from '../core/codes.js';

/** Delimiters leadtidy detects. */
export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface GridResult {
  readonly grid: string[][];
  readonly delimiter: Delimiter;
  readonly linebreak: string;
  /** Issues keyed by grid index (0-based record index); the caller turns them into row numbers. */
  readonly issues: { readonly index: number; readonly issue: Issue }[];
}

/** Counts each delimiter outside quotes on the first lines; picks the most consistent. */
function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  const lines: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < sample.length && lines.length < 30; i++) {
    const ch = sample.charCodeAt(i);
    if (ch === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (ch === 10 || ch === 13)) {
      if (i > start) lines.push(sample.slice(start, i));
      start = i + 1;
    }
  }
  if (lines.length < 30 && start < sample.length) lines.push(sample.slice(start));
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts: number[] = [];
    for (const line of lines) {
      let n = 0;
      let q = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (ch === '"') q = !q;
        else if (!q && ch === d) n++;
      }
      counts.push(n);
    }
    // Score: how many lines share the modal non-zero count, weighted by that count.
    const freq = new Map<number, number>();
    for (const n of counts) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    let score = 0;
    for (const [n, f] of freq) score = Math.max(score, f * 1000 + n);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * Parses delimited text into a grid of strings.
 *
 * @example
 * parseDelimitedGrid('a;b\n1;2').grid //=> [["a","b"],["1","2"]]
 */
export function parseDelimitedGrid(text: string, options: { delimiter?: Delimiter } = {}): GridResult {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const result = Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    quoteChar: '"',
    escapeChar: '"',
  });
  const grid = result.data;
  // papaparse yields a final [""] for a trailing newline; drop it.
  if (grid.length > 0) {
    const last = grid[grid.length - 1]!;
    if (last.length === 1 && last[0] === '') grid.pop();
  }
  const issues: { index: number; issue: Issue }[] = [];
  for (const e of result.errors) {
    const index = typeof e.row === 'number' ? e.row : 0;
    if (e.code === 'MissingQuotes') issues.push({ index, issue: issue('file.quote_unterminated') });
    else if (e.code === 'InvalidQuotes') issues.push({ index, issue: issue('file.quote_malformed', { reason: e.message }) });
  }
  return { grid, delimiter, linebreak: result.meta.linebreak, issues };
}
