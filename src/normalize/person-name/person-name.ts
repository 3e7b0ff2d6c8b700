import { issue, type Issue } from '../../core/codes.js';
import { LeadtidyError } from '../../core/errors.js';
import { none, ok, type UnitResult } from '../../core/result.js';
import { cleanWhitespace, foldDiacritics, stripControl, titleChar } from '../../core/text.js';

/** Data the person-name unit needs; the root entry binds the built-in dictionaries. */
export interface PersonNameDictionaries {
  /** key (lowercase, no dots) → display: "dr" → "Dr.", "herr" → "Herr". */
  readonly salutations: Readonly<Record<string, string>>;
  /** Words that continue a salutation: "Dr. med.", "Dr. rer. nat.", "Prof. Dr.". */
  readonly salutationContinuations: Readonly<Record<string, string>>;
  /** Generational suffixes: "jr" → "Jr.", "iii" → "III". */
  readonly suffixes: Readonly<Record<string, string>>;
  /** Post-nominal credentials: "phd" → "PhD", "mba" → "MBA". */
  readonly credentials: Readonly<Record<string, string>>;
  /** Credentials that are also names or words (MA, MS, DO): only taken after a comma or written with dots. */
  readonly ambiguousCredentials: readonly string[];
  /** Particles written lower case inside a surname (van, von, de, da, del, di, la, bin, al…). */
  readonly particles: readonly string[];
  /** Particles that start a surname when they follow the given name ("Ludwig van Beethoven"). */
  readonly surnameStartParticles: readonly string[];
  /** Mac- surnames spelled with a capital after "Mac" (MacArthur); other Mac- names are not split (Mack, Macy). */
  readonly macNames: readonly string[];
  /** Placeholder names (test, n/a, john doe). */
  readonly junkNames: readonly string[];
  /** nickname → canonical given names (lowercase ASCII), for matching only. */
  readonly nicknames: Readonly<Record<string, readonly string[]>>;
  /** Known given names (lowercase ASCII), to tell a lone given name from a lone surname. */
  readonly givenNames: readonly string[];
}

/** Options of {@link parsePersonName}. */
export interface PersonNameOptions {
  /** Recase names written ALL CAPS or all lower case (default true). Mixed case is never touched. */
  readonly recase?: boolean;
}

/** A parsed person name. Every part is optional. */
export interface PersonNameValue {
  readonly salutation?: string;
  readonly first?: string;
  readonly middle?: string;
  readonly last?: string;
  /** Generational suffix: Jr., Sr., III. */
  readonly suffix?: string;
  /** Post-nominal credentials, comma-separated: "PhD, MBA". */
  readonly credentials?: string;
  /** A nickname given in quotes or brackets: Robert "Bob" Smith. */
  readonly nickname?: string;
}

const MAX_INPUT = 200;
const DANGLING = new Set(['and', 'und', 'et', '&', '+']);
const HAS_WORD = /[\p{L}\p{N}]/u;
const TOKEN_LEAD = /^[^\p{L}\p{N}]+/u;
const TOKEN_TAIL = /[^\p{L}\p{M}\p{N}.]+$/u;
/**
 * An ALL-CAPS word with two capitals in a row (a surname written in capitals); single
 * capitals between apostrophes ("O'D", a recased "İ'İ") are not one.
 */
function isCapsWord(t: string): boolean {
  return !LOWER.test(t) && CAPS_PAIR.test(t);
}
const CAPS_PAIR = /\p{Lu}\p{M}*\p{Lu}/u;
/** Punctuation around a name word goes (a trailing dot stays: initials). */
function trimToken(t: string): string {
  return t.replace(TOKEN_LEAD, '').replace(TOKEN_TAIL, '');
}
const EDGE_START = /^[\s,;:.\-–—_*#]+/;
const EDGE_END = /[\s,;:\-–—_*#]+$/;
const QUOTED = /["“”„«»]([^"“”„«»]{1,40})["“”„«»]|\(([^()]{1,40})\)|(?:^|\s)['‘]([^'‘’\s][^'‘’]{0,38})['’](?=\s|$)/;
const MAY_QUOTE = /["“”„«»(‘']/;
// A joining word between spaces, also with stray punctuation glued on ("&and", "und\"", "(et"):
// the tokens would be trimmed to the bare word later, which reads as a conjunction when fed back.
const CONJUNCTION = /\s[^\p{L}\p{N}\s]*(?:and|und|et)[^\p{L}\p{N}\s]*\s|\s[&+]\s/iu;
const DIGIT = /\d/;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const INITIAL = /^\p{L}\.?$/u;
const TOKEN_KEY_STRIP = /[.,;:]+/g;
/** Salutations that are also given names or words: only taken when two more words follow. */
const NAMEY_SALUTATIONS = new Set(['attorney', 'atty', 'don', 'dona', 'major', 'judge', 'sister', 'brother', 'general', 'captain', 'colonel', 'pastor', 'lord', 'lady', 'dame', 'hon', 'sen', 'rep', 'gen', 'lt', 'col', 'pan', 'pani', 'm', 'me', 'sr', 'sra', 'gov', 'amb', 'father', 'rabbi', 'imam', 'ir', 'mag', 'ing', 'arch', 'lic', 'adm', 'mw']);

export interface Tables {
  readonly salutations: ReadonlyMap<string, string>;
  readonly continuations: ReadonlyMap<string, string>;
  readonly suffixes: ReadonlyMap<string, string>;
  readonly credentials: ReadonlyMap<string, string>;
  readonly ambiguous: ReadonlySet<string>;
  readonly particles: ReadonlySet<string>;
  readonly surnameStart: ReadonlySet<string>;
  readonly mac: ReadonlyMap<string, string>;
  readonly junk: ReadonlySet<string>;
  readonly nick: ReadonlyMap<string, readonly string[]>;
  readonly given: ReadonlySet<string>;
}

function build(d: PersonNameDictionaries): Tables {
  return {
    salutations: new Map(Object.entries(d.salutations)),
    continuations: new Map(Object.entries(d.salutationContinuations)),
    suffixes: new Map(Object.entries(d.suffixes)),
    credentials: new Map(Object.entries(d.credentials)),
    ambiguous: new Set(d.ambiguousCredentials),
    particles: new Set(d.particles),
    surnameStart: new Set(d.surnameStartParticles),
    mac: new Map(d.macNames.map((m) => [m.toLowerCase(), m])),
    junk: new Set(d.junkNames),
    nick: new Map(Object.entries(d.nicknames)),
    given: new Set(d.givenNames),
  };
}

/** Lowercase, dots and trailing commas removed: the lookup key of one token. */
function tkey(t: string): string {
  return t.toLowerCase().replace(TOKEN_KEY_STRIP, '');
}

function cap(w: string): string {
  return w.length === 0 ? w : titleChar(w[0]!) + w.slice(1);
}

/** Proper case for one ALL-CAPS/all-lower name word. */
function recaseWord(T: Tables, w: string, inSurname: boolean, firstOfName: boolean): string {
  return recaseWordRaw(T, w, inSurname, firstOfName).normalize('NFC');
}

function recaseWordRaw(T: Tables, w: string, inSurname: boolean, firstOfName: boolean): string {
  const lw = w.toLowerCase();
  if (!firstOfName && T.particles.has(lw)) return lw;
  if (INITIAL.test(w)) {
    // A letter whose upper case is longer ("ŉ" → "ʼN") stays: "ʼN" would recase to "ʼn" next time.
    const u = w.toUpperCase();
    return u.length === w.length ? u : w;
  }
  return lw
    .split('-')
    .map((part) => {
      const mac = T.mac.get(part);
      if (mac !== undefined) return mac;
      if (inSurname && part.startsWith('mc') && part.length > 3) return 'Mc' + cap(part.slice(2));
      const ap = part.search(/['’]/);
      if (ap > 0 && ap <= 2 && ap < part.length - 1) {
        // O'Neill, D'Angelo; but the possessive tail stays lower (a 1-letter tail after a long stem).
        return cap(part.slice(0, ap + 1)) + cap(part.slice(ap + 1));
      }
      return cap(part);
    })
    .join('-');
}

/**
 * An ambiguous credential (MA, MS, MD, DO) counts when written with dots, after three name
 * words ("Lemuel M Arnold MD"), or in capitals inside a mixed-case name ("Jane Doe MA");
 * "Li Ma" keeps its surname.
 */
function isAmbiguousOk(T: Tables, raw: string, k: string, tokensLeft: number, mixedCaps: boolean): boolean {
  return !T.ambiguous.has(k) || raw.includes('.') || tokensLeft >= 4 || (mixedCaps && !LOWER.test(raw));
}

interface Post {
  suffix: string[];
  credentials: string[];
}

/** Takes one post-nominal token into `post` (suffix or credential); false when it is not one. */
function classifyPost(T: Tables, post: Post, raw: string, strict: boolean, tokensLeft: number, mixedCaps = false): boolean {
  const k = tkey(raw);
  if (k === '') return true;
  const sfx = T.suffixes.get(k);
  // "V"/"VI" are suffixes only after a comma or after two name words ("John V" is an initial).
  if (sfx !== undefined && !(strict && (k === 'v' || k === 'vi') && tokensLeft < 3)) {
    post.suffix.push(sfx);
    return true;
  }
  const cred = T.credentials.get(k) ?? T.credentials.get(raw.toLowerCase().replace(/[.,]/g, ''));
  if (cred !== undefined && (!strict || isAmbiguousOk(T, raw, k, tokensLeft, mixedCaps))) {
    post.credentials.push(cred);
    return true;
  }
  return false;
}

/** Moves trailing suffixes and credentials written without a comma ("John Smith Jr", "Jane Doe PhD MBA") into `post`. */
function trailing(T: Tables, post: Post, list: string[], mixedCaps: boolean): void {
  const found: Post[] = [];
  while (list.length > 1) {
    const t = list[list.length - 1]!;
    const added: Post = { suffix: [], credentials: [] };
    if (!classifyPost(T, added, t, true, list.length, mixedCaps)) break;
    found.unshift(added);
    list.pop();
  }
  // Written before any comma-separated post-nominals, so they come first.
  post.suffix.unshift(...found.flatMap((f) => f.suffix));
  post.credentials.unshift(...found.flatMap((f) => f.credentials));
}

/**
 * Builds a person-name parser over the given dictionaries (tables built on first call).
 *
 * @example
 * const parsePersonName = createPersonNameParser(myDictionaries);
 * parsePersonName('DR. JOHN Q. SMITH JR').value
 * //=> { salutation: 'Dr.', first: 'John', middle: 'Q.', last: 'Smith', suffix: 'Jr.' }
 */
export function createPersonNameParser(dicts: PersonNameDictionaries) {
  let T: Tables | undefined;
  const tables = (): Tables => (T ??= build(dicts));

  function run(input: string, recase: boolean): UnitResult<PersonNameValue> {
    const Tb = tables();
    let s = cleanWhitespace(stripControl(input.length > MAX_INPUT * 2 ? input.slice(0, MAX_INPUT * 2) : input)).normalize('NFC');
    s = s.replace(EDGE_START, '').replace(EDGE_END, '');
    if (s.length > MAX_INPUT) s = s.slice(0, MAX_INPUT).trim();
    if (s.length === 0) return none();
    const issues: Issue[] = [];
    let confidence = 1;
    const lowerS = s.toLowerCase();
    if (Tb.junk.has(lowerS) || Tb.junk.has(lowerS.replace(TOKEN_KEY_STRIP, ''))) return none([issue('name.junk', { reason: `placeholder "${s}"` })]);
    if (s.includes('@') || /https?:|www\./i.test(s)) return none([issue('name.junk', { reason: 'an email address or web address, not a name' })]);
    if (!/\p{L}/u.test(s)) return none([issue('name.junk', { reason: 'no letters' })]);

    // Nickname in quotes or brackets.
    let nickname: string | undefined;
    if (s.includes("''")) s = s.replace(/''/g, '"');
    for (let round = 0; ; round++) {
      const q = round < 8 && MAY_QUOTE.test(s) ? QUOTED.exec(s) : null;
      if (!q) {
        if (round >= 8) s = cleanWhitespace(s.replace(/["“”„«»()]/g, ' '));
        break;
      }
      const inner = (q[1] ?? q[2] ?? q[3] ?? '').trim();
      const innerKey = tkey(inner);
      if (inner && !Tb.credentials.has(innerKey) && !Tb.suffixes.has(innerKey)) {
        nickname ??= inner;
        s = cleanWhitespace(s.slice(0, q.index) + ' ' + s.slice(q.index + q[0].length));
      } else {
        s = cleanWhitespace(s.slice(0, q.index) + ' ' + inner + ' ' + s.slice(q.index + q[0].length));
      }
    }
    s = s.replace(EDGE_START, '').replace(EDGE_END, '');
    if (!/\p{L}/u.test(s)) return none([issue('name.junk', { reason: nickname === undefined ? 'no letters' : 'only a nickname' })]);

    // Several people ("John and Jane Smith"): keep the first, with the shared surname.
    const conj = CONJUNCTION.exec(s);
    if (conj && s.indexOf(',') < 0) {
      issues.push(issue('name.multiple_people', { original: s }));
      confidence = 0.5;
      const a = s.slice(0, conj.index).split(' ');
      const b = s.slice(conj.index + conj[0].length).split(' ');
      s = a.length >= 2 ? a.join(' ') : [...a, b[b.length - 1]!].join(' ');
    }

    const post: { suffix: string[]; credentials: string[] } = { suffix: [], credentials: [] };
    // "…, Attorney at Law" / "… Atty at Law".
    const atLaw = /,?\s+(?:attorney|atty\.?)\s+at\s+law\.?$/i.exec(s);
    if (atLaw && atLaw.index > 0) {
      post.credentials.push('Attorney at Law');
      s = s.slice(0, atLaw.index);
    }
    // Commas: trailing post-nominal parts, then "Last, First".
    let parts = s.split(',').map((p) => p.trim()).filter((p) => p !== '');
    while (parts.length > 1) {
      const lastPart = parts[parts.length - 1]!;
      const toks = lastPart.split(' ');
      const saved = { suffix: [...post.suffix], credentials: [...post.credentials] };
      post.suffix = [];
      post.credentials = [];
      const mixed = UPPER.test(s) && LOWER.test(s);
      const acronym = (t: string) => mixed && parts.length >= 2 && parts[0]!.includes(' ') && /^\p{Lu}{2,6}(?:-\p{Lu}{2,6})?$/u.test(t);
      if (toks.every((t) => classifyPost(Tb, post, t, false, 99) || (acronym(t) && post.credentials.push(t) > 0))) {
        parts.pop();
        post.suffix = [...post.suffix, ...saved.suffix];
        post.credentials = [...post.credentials, ...saved.credentials];
      } else {
        post.suffix = saved.suffix;
        post.credentials = saved.credentials;
        break;
      }
    }
    let swappedLast: string[] | null = null;
    let tokens: string[];
    if (parts.length >= 2) {
      swappedLast = parts[0]!.split(' ');
      tokens = parts.slice(1).join(' ').split(' ');
      issues.push(issue('name.swapped', {}));
      confidence = Math.min(confidence, 0.9);
    } else tokens = (parts[0] ?? '').split(' ');
    // Tokens without a letter or digit ("&", "-", "/") are separators, not name words.
    tokens = tokens.filter((t) => HAS_WORD.test(t)).map(trimToken);
    while (tokens.length > 1 && DANGLING.has(tokens[tokens.length - 1]!.toLowerCase())) tokens.pop();
    while (tokens.length > 1 && DANGLING.has(tokens[0]!.toLowerCase())) tokens.shift();
    if (swappedLast) swappedLast = swappedLast.filter((t) => HAS_WORD.test(t)).map(trimToken);

    // Leading salutations ("Prof. Dr. med.", "Herr Dr.", "Ms").
    const sal: string[] = [];
    for (;;) {
      const t = tokens[0];
      if (t === undefined) break;
      const k = tkey(t);
      const rest = tokens.length - 1 + (swappedLast ? 1 : 0);
      const two = tokens.length > 2 ? Tb.salutations.get(`${k} ${tkey(tokens[1]!)}`) : undefined;
      if (two !== undefined && sal.length === 0) {
        sal.push(two);
        tokens.splice(0, 2);
        continue;
      }
      const disp = Tb.salutations.get(k) ?? Tb.salutations.get(t.toLowerCase());
      if (disp !== undefined && rest >= (NAMEY_SALUTATIONS.has(k) && !t.endsWith('.') ? 2 : 1) && !(INITIAL.test(t) && rest < 2)) {
        sal.push(disp);
        tokens.shift();
        continue;
      }
      const cont = sal.length > 0 ? Tb.continuations.get(k) : undefined;
      if (cont !== undefined && tokens.length - 1 + (swappedLast ? 1 : 0) >= 1) {
        sal.push(cont);
        tokens.shift();
        continue;
      }
      break;
    }

    // Trailing suffixes and credentials without a comma ("John Smith Jr", "Jane Doe PhD MBA").
    const mixedCaps = UPPER.test(s) && LOWER.test(s);
    if (swappedLast) trailing(Tb, post, swappedLast, mixedCaps);
    trailing(Tb, post, tokens, mixedCaps);
    // Trailing tokens may carry a comma residue ("Smith Jr.," handled above); strip stray commas.
    tokens = tokens.map((t) => t.replace(/,+$/, '')).filter((t) => t !== '');

    let first: string[] = [];
    let middle: string[] = [];
    let last: string[] = [];
    // "DUPONT Jean", "MÜLLER Hans-Peter": a surname in capitals before mixed-case given names.
    if (!swappedLast && tokens.length >= 2) {
      let caps = 0;
      while (caps < tokens.length && isCapsWord(tokens[caps]!)) caps++;
      const next = tokens[caps];
      if (caps >= 1 && next !== undefined && UPPER.test(next) && LOWER.test(next) && !INITIAL.test(next)) {
        const capsWords = tokens.slice(0, caps).map((t) => tkey(t));
        const surnameLike = capsWords.every((k) => Tb.particles.has(k) || (!Tb.given.has(foldDiacritics(k)) && !Tb.suffixes.has(k) && !Tb.credentials.has(k) && !Tb.salutations.has(k)));
        const nextKey = foldDiacritics(next.toLowerCase().split('-')[0]!);
        const nk = tkey(next);
        const nextIsGiven = Tb.given.has(nextKey) && !Tb.suffixes.has(nk) && !Tb.credentials.has(nk) && !Tb.salutations.has(nk);
        if (capsWords.some((k) => k.length >= 3) && surnameLike && nextIsGiven) {
          swappedLast = tokens.slice(0, caps);
          tokens = tokens.slice(caps);
          issues.push(issue('name.swapped', {}));
          confidence = Math.min(confidence, 0.8);
        }
      }
    }
    if (swappedLast) {
      // Particles written after the given names belong to the surname: "Beethoven, Ludwig van".
      // (Same rule as in written order: the surname starts at the first particle after the first name.)
      let cut = tokens.length;
      for (let i = 1; i < tokens.length; i++) {
        if (Tb.surnameStart.has(tokens[i]!.toLowerCase())) {
          cut = i;
          break;
        }
      }
      last = [...tokens.slice(cut), ...swappedLast];
      first = tokens.slice(0, 1);
      middle = tokens.slice(1, cut);
    } else if (tokens.length === 1) {
      const k = foldDiacritics(tokens[0]!.toLowerCase());
      if (sal.length === 0 && Tb.given.has(k)) first = tokens;
      else last = tokens; // "Mr Smith", "Trujillo"
      confidence = Math.min(confidence, 0.6);
    } else if (tokens.length >= 2) {
      let lastStart = tokens.length - 1;
      for (let i = 1; i < tokens.length - 1; i++) {
        if (Tb.surnameStart.has(tokens[i]!.toLowerCase())) {
          lastStart = i;
          break;
        }
      }
      first = tokens.slice(0, 1);
      middle = tokens.slice(1, lastStart);
      last = tokens.slice(lastStart);
    }

    // Casing is judged on the name words only (not on "PhD", "Dr." or a nickname).
    const nameText = [...first, ...middle, ...last].join(' ');
    const doRecase = recase && /\p{L}/u.test(nameText) && (!UPPER.test(nameText) || !LOWER.test(nameText));
    if (doRecase) {
      const f2 = first.map((w, i) => recaseWord(Tb, w, false, i === 0));
      const m2 = middle.map((w) => recaseWord(Tb, w, false, false));
      // A particle is lower case only when a surname word follows it ("van Beethoven", but "Le", "Da").
      const l2 = last.map((w, i) => recaseWord(Tb, w, true, i === 0 && (last.length === 1 || !Tb.particles.has(w.toLowerCase()))));
      const out = [...f2, ...m2, ...l2].join(' ');
      // A result still without both cases (caseless scripts, lone initials) would be recased again: keep the input.
      if (out !== nameText && UPPER.test(out) && LOWER.test(out)) {
        first = f2;
        middle = m2;
        last = l2;
        if (nickname !== undefined) nickname = recaseWord(Tb, nickname, false, true);
        issues.push(issue('name.recased', { original: input.trim().slice(0, 200) }));
      }
    }
    const joined = [...first, ...middle, ...last].join(' ');
    if (DIGIT.test(joined)) {
      issues.push(issue('name.junk', { reason: 'digits in the name' }));
      confidence = Math.min(confidence, 0.3);
    }
    if (first.length + last.length === 0 && sal.length + post.suffix.length + post.credentials.length === 0) return none(issues);

    const value: { -readonly [K in keyof PersonNameValue]: PersonNameValue[K] } = {};
    if (sal.length) value.salutation = sal.join(' ');
    if (first.length) value.first = first.join(' ');
    if (middle.length) value.middle = middle.join(' ');
    if (last.length) value.last = last.join(' ');
    if (post.suffix.length) value.suffix = post.suffix.join(' ');
    if (post.credentials.length) value.credentials = post.credentials.join(', ');
    if (nickname !== undefined) value.nickname = nickname;
    return ok<PersonNameValue>(value, confidence, issues);
  }


  function parsePersonName(input: string | null | undefined, options: PersonNameOptions = {}): UnitResult<PersonNameValue> {
    if (typeof options !== 'object' || options === null) throw new LeadtidyError('options', 'parsePersonName: options must be an object');
    if (typeof input !== 'string') return none();
    // Not memoized: person names rarely repeat within a file, so a cache would cost more than it saves.
    return run(input, options.recase ?? true);
  }

  /**
   * Canonical given-name keys for matching (never for display): the folded name itself plus
   * every formal name it is a nickname of. Two first names may match when their key sets meet.
   */
  function nicknameKeys(first: string): readonly string[] {
    if (typeof first !== 'string') return [];
    const k = foldDiacritics(cleanWhitespace(first).toLowerCase()).replace(/[^a-z' -]/g, '').split(' ')[0] ?? '';
    if (k === '') return [];
    const canon = tables().nick.get(k);
    return canon ? [k, ...canon.filter((c) => c !== k)] : [k];
  }

  /** Whether a word is a known given name (lowercase ASCII dictionary). */
  function isGivenName(word: string): boolean {
    return typeof word === 'string' && tables().given.has(foldDiacritics(word.trim().toLowerCase()));
  }

  /** Recases one name field written ALL CAPS or all lower case; mixed case is returned unchanged. */
  function recaseName(text: string, kind: 'first' | 'last' = 'last'): string {
    if (typeof text !== 'string') return text;
    const s = cleanWhitespace(text);
    if (UPPER.test(s) && LOWER.test(s)) return s;
    return s
      .split(' ')
      // In a surname a leading particle stays lower case, as in a parsed full name ("van Beethoven").
      .map((w, i) => recaseWord(tables(), w, kind === 'last', i === 0 && !(kind === 'last' && tables().particles.has(w.toLowerCase()))))
      .join(' ');
  }

  return { parsePersonName, nicknameKeys, isGivenName, recaseName, tables };
}
