import type {Dispatch} from 'react';
import {t} from '../../text/index.js';
import type {CloudData} from '../cloud-data.js';
import {activeSteps, completeAnswers, type WizardAction, type WizardState} from '../state.js';
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
const listChrome = 9;

export const listHeight = (rows: number): number => Math.max(3, rows - listChrome);

/**
 * What Esc does on the step showing, for its key hint: back to Review when changing an answer from there, cancel
 * on the first step (it asks first when answers would be lost), else back one step.
 */
export function escLabel(state: WizardState): string {
	if (state.editing && completeAnswers(state.answers)) return t('truth.keys.backToReview');
	return activeSteps(state.answers).indexOf(state.step) <= 0
		? t('wizard.keys.cancel')
		: t('wizard.keys.back');
}
