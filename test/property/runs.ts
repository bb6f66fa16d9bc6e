// How hard the property tests try. `npm test` runs each property a bounded number of times with a fixed seed,
// so a run is fast and a failure repeats exactly; `npm run test:fuzz` (FUZZ=1) runs many more cases from a
// fresh seed each time (fast-check prints the seed and the shrunk case of any failure, to replay it here).
import type fc from 'fast-check';

export const fuzzing = Boolean(process.env.FUZZ) && process.env.FUZZ !== '0';

/** The seed of the default run; change it only to explore, never to make a failure go away. */
export const fixedSeed = 20_260_107;

/** `base` runs with the fixed seed by default; `fuzz` runs (default 10x) from a random seed under FUZZ. */
export function runs<T>(base: number, fuzz = base * 10): fc.Parameters<T> {
	return fuzzing ? {numRuns: fuzz} : {numRuns: base, seed: fixedSeed};
}

/** A test's time limit: the usual one by default, ten minutes under FUZZ (many more cases). */
export const limit = (ms = 20_000): number => (fuzzing ? 600_000 : ms);
