/**
 * Patterns written in rule packs (`matches`) must run in linear-ish time on hostile
 * input. We refuse the constructs that cause catastrophic backtracking — a quantifier
 * over something that already repeats (`(a+)+`), a quantified alternation (`(a|ab)*`),
 * backreferences and lookbehind — and cap the input a pattern sees.
 */
import retModule, { types, type Root, type Token } from 'ret';

// ret is CommonJS whose module.exports is the tokenizer itself; typings describe `.default`.
const tokenize: (pattern: string) => Root =
  typeof retModule === 'function' ? (retModule as unknown as (p: string) => Root) : (retModule as unknown as { default: (p: string) => Root }).default;

export const MAX_PATTERN_LENGTH = 512;
/** Characters of a value a pack pattern is tested against. */
export const MAX_MATCH_INPUT = 1000;

function repeats(t: { min: number; max: number }): boolean {
  return t.max === Infinity || t.max === null || t.max > 1;
}

function walk(tokens: readonly Token[], insideRepeat: boolean, problems: string[]): boolean {
  // Returns whether this token list can match a variable-length repetition.
  let hasRepeat = false;
  for (const t of tokens) {
    switch (t.type) {
      case types.REPETITION: {
        const rep = repeats(t as unknown as { min: number; max: number });
        const inner = t.value;
        if (rep && inner.type === types.GROUP && 'options' in inner && inner.options && inner.options.length > 1) {
          problems.push('a quantified alternation such as (a|ab)* can backtrack exponentially; use a character class or drop the quantifier');
        }
        const innerRepeats = walk([inner], insideRepeat || rep, problems);
        if (rep && innerRepeats) problems.push('a quantifier over something that already repeats, such as (a+)+, can backtrack exponentially');
        hasRepeat = hasRepeat || rep || innerRepeats;
        break;
      }
      case types.GROUP: {
        const g = t as unknown as { stack?: Token[]; options?: Token[][] };
        if (g.options) for (const o of g.options) hasRepeat = walk(o, insideRepeat, problems) || hasRepeat;
        if (g.stack) hasRepeat = walk(g.stack, insideRepeat, problems) || hasRepeat;
        break;
      }
      case types.REFERENCE:
        problems.push('backreferences are not allowed');
        break;
      default:
        break;
    }
  }
  return hasRepeat;
}

/** Returns why a pattern is unsafe, or an empty list. */
export function regexProblems(pattern: string, flags = ''): string[] {
  const problems: string[] = [];
  if (pattern.length > MAX_PATTERN_LENGTH) problems.push(`longer than ${MAX_PATTERN_LENGTH} characters`);
  if (!/^[iu]*$/.test(flags)) problems.push('only the flags "i" and "u" are allowed');
  if (/\\[1-9]|\\k</.test(pattern)) problems.push('backreferences are not allowed');
  if (/\(\?<[=!]/.test(pattern)) problems.push('lookbehind is not allowed');
  try {
    new RegExp(pattern, flags);
  } catch (e) {
    problems.push(`not a valid regular expression: ${(e as Error).message}`);
    return problems;
  }
  let root: Root;
  try {
    root = tokenize(pattern);
  } catch (e) {
    problems.push(`cannot be analysed: ${(e as Error).message}`);
    return problems;
  }
  const top = root.options ? root.options.flat() : (root.stack ?? []);
  if (root.options) for (const o of root.options) walk(o, false, problems);
  else walk(top, false, problems);
  return [...new Set(problems)];
}

/** Compiles a pack pattern after the safety check; throws with the reasons otherwise. */
export function compileSafeRegex(pattern: string, flags = ''): (value: string) => boolean {
  const problems = regexProblems(pattern, flags);
  if (problems.length) throw new Error(problems.join('; '));
  const re = new RegExp(pattern, flags);
  return (value: string) => re.test(value.length > MAX_MATCH_INPUT ? value.slice(0, MAX_MATCH_INPUT) : value);
}
