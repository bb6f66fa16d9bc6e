// The create's calls as Submitting shows them: one entry per call of the plan, updated by the engine's events.
import type {SubmitEvent, SubmitStepId} from '../cloud/engine-types.js';
import type {CloudError} from '../cloud/errors.js';
import type {SubmitPlan} from '../domain/plan-types.js';
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
