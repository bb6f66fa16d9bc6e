// The create's calls as Submitting shows them: one entry per call of the plan, updated by the engine's events;
// and the engine's answer in the state.
import type {SubmitEvent, SubmitOutcome, SubmitStepId} from '../cloud/engine-types.js';
import type {CloudError} from '../cloud/errors.js';
import type {SubmitPlan, SubmitResult} from '../domain/plan-types.js';
import type {WizardState} from './state.js';

export type SubmitStepState = {
	id: SubmitStepId;
	/** Rules the call carries (authorize steps). */
	ruleCount?: number;
	state: 'pending' | 'running' | 'retrying' | 'done' | 'failed';
	attempt: number;
	requestId?: string;
	/** Why it is being retried (an API or transport code). */
	reason?: string;
	error?: CloudError;
};

export function stepsOfPlan(plan: SubmitPlan | undefined): SubmitStepState[] {
	const list: SubmitStepState[] = [{id: 'create', state: 'pending', attempt: 0}];
	plan?.authorize.forEach((batch, i) => {
		list.push({id: `authorize-${i + 1}`, ruleCount: batch.rules.length, state: 'pending', attempt: 0});
	});
	return list;
}

/** Exact id first; else the calls run in order, so it is the first unfinished authorize step. */
function stepIndex(list: readonly SubmitStepState[], id: SubmitStepId): number {
	const exact = list.findIndex((s) => s.id === id);
	if (exact >= 0 || id === 'create') return exact;
	return list.findIndex((s) => s.id !== 'create' && s.state !== 'done');
}

export function submitEvent(state: WizardState, event: SubmitEvent): WizardState {
	if (state.status !== 'submitting' && state.status !== 'cancelled') return state;
	const list = [...state.submitSteps];
	let at = stepIndex(list, event.step);
	if (at < 0) {
		list.push({id: event.step, state: 'pending', attempt: 0});
		at = list.length - 1;
	}
	const previous = list[at] as SubmitStepState;
	list[at] = {
		...previous,
		state: event.state,
		attempt: event.attempt,
		...(event.ruleCount !== undefined ? {ruleCount: event.ruleCount} : {}),
		...(event.requestId ? {requestId: event.requestId} : {}),
		...(event.state === 'retrying' ? {reason: event.code ?? event.error?.code} : {}),
		...(event.error && event.state === 'failed' ? {error: event.error} : {}),
	};
	return {...state, submitSteps: list, groupId: event.groupId ?? state.groupId};
}

const done = (state: WizardState, result: SubmitResult): WizardState => ({
	...state,
	status: 'done',
	due: 'remember',
	result,
	groupId: result.groupId,
	submitSteps: state.submitSteps.map((s) => (s.state === 'done' ? s : {...s, state: 'done'})),
});

/** The engine's answer: the group made (Done) or not (Failed); after a cancel, what exists, for the goodbye. */
export function submitFinished(state: WizardState, outcome: SubmitOutcome): WizardState {
	if (state.status === 'cancelled') {
		// Made whole before the stop could take effect: that is no cancel, and Done says so (exit 0). Stopped
		// part-way: keep what exists so the goodbye message stays exact (exit 130).
		if (outcome.ok && !state.forced) return {...done(state, outcome.result), stoppedLate: true};
		return outcome.ok
			? {...state, settled: true, groupId: outcome.result.groupId, result: outcome.result}
			: {
					...state,
					settled: true,
					groupId: outcome.groupId ?? state.groupId,
					journalId: outcome.journalId,
				};
	}
	if (outcome.ok) return done(state, outcome.result);
	return {
		...state,
		status: 'failed',
		error: outcome.error,
		groupId: outcome.groupId ?? state.groupId,
		journalId: outcome.journalId,
	};
}
