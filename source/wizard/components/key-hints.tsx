import {FitText} from './fit-text.js';

export type Hint = readonly [key: string, action: string];

/** The keys of the active step, on one dim line at the bottom. */
export function KeyHints({hints}: {readonly hints: readonly Hint[]}) {
	return <FitText dimColor>{hints.map(([key, action]) => `${key} ${action}`).join('  ·  ')}</FitText>;
}
