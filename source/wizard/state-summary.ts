// Which answers the wizard shows above the step (the live summary), which are final (drawn once in <Static>),
// and which quitting would throw away: read from the state alone, for the reducer and the views.
import {activeSteps, isComplete, type StepId} from './draft.js';
import type {WizardState} from './state.js';

/** The steps the person answered in this run (not the flags): what quitting would throw away. */
export function answeredHere(state: WizardState): StepId[] {
	return knownSteps(state).filter((s) => !state.given.includes(s));
}

/**
 * The summary of answered steps above the step showing, while the answers can change: every active step whose
 * answer is known (from the person or the flags), once each, with its current value, except the one showing.
 * Review lists every answer itself, so it has none.
 */
export function summarySteps(state: WizardState): StepId[] {
	if (state.status !== 'editing' || state.step === 'review') return [];
	return knownSteps(state).filter((s) => s !== state.step);
}

/** The answers once they are final (sent, or planned): drawn once, above everything. None after a plain cancel. */
export function finalSteps(state: WizardState): StepId[] {
	if (state.status === 'editing') return [];
	if (state.status === 'cancelled' && state.cancelledDuring !== 'submitting') return [];
	return knownSteps(state);
}

const knownSteps = (state: WizardState): StepId[] =>
	activeSteps(state.answers).filter((s) => s !== 'review' && isComplete(s, state.answers));
