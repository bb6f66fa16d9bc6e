import type {Dispatch} from 'react';
import type {CloudData} from '../cloud-data.js';
import type {WizardAction, WizardState} from '../state.js';
import type {TerminalSize} from '../use-terminal-size.js';

/** What every step screen gets from the root. */
export type StepProps = {
	readonly state: WizardState;
	readonly dispatch: Dispatch<WizardAction>;
	readonly data: CloudData;
	readonly size: TerminalSize;
	readonly position: {index: number; total: number};
};

/** Lines around a list on a step: heading, purpose, filter, two scroll marks, a notice, a problem, keys, slack. */
export const listChrome = 9;

export const listHeight = (rows: number, extra = 0): number => Math.max(3, rows - listChrome - extra);
