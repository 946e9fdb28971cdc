/**
 * The seeded PRNG of the generator scripts (make-samples, make-bad-fixtures): the same seed gives
 * the same numbers on every machine, so the generated files are byte-identical on every run.
 */

/** A source of numbers in [0, 1), like `Math.random`. */
export type Rng = () => number;

/** mulberry32: a tiny seeded PRNG so "random" fixtures are the same on every machine. */
export function seededRandom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
