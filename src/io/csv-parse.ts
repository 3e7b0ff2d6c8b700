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

/** Counts each delimiter outside quotes on the first lines (of the first 64 KB); picks the most consistent. */
export function detectDelimiter(text: string): Delimiter {
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

/** papaparse options shared by the whole-text and the streaming parser. */
export const PAPA_OPTIONS = {
  header: false,
  skipEmptyLines: false,
  dynamicTyping: false,
  quoteChar: '"',
  escapeChar: '"',
} as const;

/** How many characters papaparse's line-break guess looks at. */
export const LINEBREAK_SAMPLE = 1024 * 1024;

/**
 * papaparse's own line-break guess (`guessLineEndings` in papaparse 5.x, MIT), which it runs on
 * the first 1 MB of its input when no `newline` is given. Copied so that the streaming parser
 * can make the same choice once, on the same first 1 MB, and pass it to every piece.
 * The regex is linear: each lazy match ends at the next quote.
 */
export function guessLinebreak(text: string): '\n' | '\r' | '\r\n' {
  const input = text.substring(0, LINEBREAK_SAMPLE).replace(/"([^]*?)"/gm, '');
  const r = input.split('\r');
  const n = input.split('\n');
  const nAppearsFirst = n.length > 1 && n[0]!.length < r[0]!.length;
  if (r.length === 1 || nAppearsFirst) return '\n';
  let numWithN = 0;
  for (let i = 0; i < r.length; i++) if (r[i]![0] === '\n') numWithN++;
  return numWithN >= r.length / 2 ? '\r\n' : '\r';
}

/** A papaparse quote error as a leadtidy issue (null for other error kinds). */
export function quoteIssue(e: { readonly code: string; readonly message: string }): Issue | null {
  if (e.code === 'MissingQuotes') return issue('file.quote_unterminated');
  if (e.code === 'InvalidQuotes') return issue('file.quote_malformed', { reason: e.message });
  return null;
}

/**
 * Parses delimited text into a grid of strings.
 *
 * @example
 * parseDelimitedGrid('a;b\n1;2').grid //=> [["a","b"],["1","2"]]
 */
export function parseDelimitedGrid(text: string, options: { delimiter?: Delimiter } = {}): GridResult {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const result = Papa.parse<string[]>(text, { delimiter, ...PAPA_OPTIONS });
  const grid = result.data;
  // papaparse yields a final [""] for a trailing newline; drop it.
  if (grid.length > 0) {
    const last = grid[grid.length - 1]!;
    if (last.length === 1 && last[0] === '') grid.pop();
  }
  const issues: { index: number; issue: Issue }[] = [];
  for (const e of result.errors) {
    const index = typeof e.row === 'number' ? e.row : 0;
    const found = quoteIssue(e);
    if (found) issues.push({ index, issue: found });
  }
  return { grid, delimiter, linebreak: result.meta.linebreak, issues };
}
