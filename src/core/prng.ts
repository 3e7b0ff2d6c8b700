/**
 * A seeded pseudo-random generator (mulberry32). Deterministic — same seed, same sequence —
 * so sampling in the core (random pairs for weight estimation) keeps "same input, same output".
 *
 * @example
 * const next = mulberry32(42); next() //=> 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
