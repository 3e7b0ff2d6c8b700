/**
 * Domain helpers shared by the email and website units: host syntax, IDN → ASCII,
 * registrable domain through the Public Suffix List (tldts), and a bounded
 * Damerau (optimal string alignment) distance for typo repair.
 */
import { parse } from 'tldts';
import { osaDistance } from '../../core/distance.js';
import { codeAt } from '../../core/text.js';

const ASCII_HOST = /^[a-z0-9.-]+$/;
const LABEL = /^(?:[a-z0-9]|[a-z0-9][a-z0-9-]{0,61}[a-z0-9])$/;
const ALPHA_TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Lowercases a host, removes one trailing dot and converts an internationalized
 * name to its ASCII (punycode) form. Returns null when it is not a plausible host.
 *
 * @example
 * asciiHost('Müller.DE.') //=> 'xn--mller-kva.de'
 */
export function asciiHost(host: string): string | null {
  let h = host.toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h.length === 0 || h.length > 253) return null;
  if (!ASCII_HOST.test(h)) {
    try {
      // URL (a web platform global, not a Node built-in) applies UTS-46 / punycode.
      h = new URL(`http://${h}/`).hostname;
    } catch {
      return null;
    }
    if (h.endsWith('.')) h = h.slice(0, -1);
    if (!ASCII_HOST.test(h)) return null;
  }
  return h;
}

// Labels are separated by dots, which no label may contain: the repetition is unambiguous (linear).
const GOOD_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Why a lowercase ASCII host is not a usable internet domain, or null if it is.
 *
 * @example
 * hostProblem('acme') //=> 'no top-level domain'
 */
export function hostProblem(h: string): string | null {
  if (h.length <= 253 && GOOD_HOST.test(h)) return null;
  const labels = h.split('.');
  if (labels.length < 2) return 'no top-level domain';
  for (const l of labels) {
    if (l.length === 0) return 'empty label';
    if (l.length > 63 || !LABEL.test(l)) return `bad label "${l}"`;
  }
  const tld = labels[labels.length - 1]!;
  if (!ALPHA_TLD.test(tld)) return `bad top-level domain "${tld}"`;
  return null;
}

/** Public Suffix List facts about a host. */
export interface HostInfo {
  /** Registrable domain ("acme.co.uk"), or null when the host is itself a public suffix. */
  readonly domain: string | null;
  readonly publicSuffix: string | null;
  /** Whether the suffix is on the PSL (ICANN or private section). */
  readonly knownSuffix: boolean;
}

/**
 * Registrable domain and suffix of an ASCII host (private PSL section honoured: foo.github.io stays whole).
 *
 * @example
 * hostInfo('shop.acme.co.uk') //=> { domain: 'acme.co.uk', publicSuffix: 'co.uk', knownSuffix: true }
 */
export function hostInfo(h: string): HostInfo {
  const p = parse(h, { extractHostname: false, allowPrivateDomains: true, detectIp: false, validateHostname: false });
  return {
    domain: p.domain,
    publicSuffix: p.publicSuffix,
    knownSuffix: p.isIcann === true || p.isPrivate === true,
  };
}


function sameFrom(a: string, ai: number, b: string, bi: number): boolean {
  if (a.length - ai !== b.length - bi) return false;
  for (; ai < a.length; ai++, bi++) if (codeAt(a, ai) !== codeAt(b, bi)) return false;
  return true;
}

/**
 * Whether `a` and `b` are exactly one edit apart (substitution, insertion, deletion or
 * adjacent transposition). Linear time, no allocation.
 *
 * @example
 * oneEditApart('gmial.com', 'gmail.com') //=> true
 */
export function oneEditApart(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1 || a === b) return false;
  let i = 0;
  const m = Math.min(la, lb);
  while (i < m && codeAt(a, i) === codeAt(b, i)) i++;
  if (la === lb) {
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return i + 1 < la && codeAt(a, i) === codeAt(b, i + 1) && codeAt(a, i + 1) === codeAt(b, i) && sameFrom(a, i + 2, b, i + 2);
  }
  return la > lb ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

export { osaDistance };
