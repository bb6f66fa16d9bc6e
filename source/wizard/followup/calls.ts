// The calls of a follow-up as the screens track them: one entry per call, updated by the runner's events; and
// the steps both reducers take the same way around them (send, stop, end).
import type {CallState, ChangeEvent, ChangeOutcome} from '../../cloud/change-types.js';
import type {CloudError} from '../../cloud/errors.js';
import type {ChangeCall, ChangePlan} from '../../domain/plan-types.js';
import type {FollowupStart} from './services.js';

export type CallView = {
	call: ChangeCall;
	state: CallState;
	attempt: number;
	requestId?: string;
	/** Why it is being retried (an API or transport code). */
	reason?: string;
	error?: CloudError;
};

export const callViews = (calls: readonly ChangeCall[]): CallView[] =>
	calls.map((call) => ({call, state: 'pending', attempt: 0}));

export function withEvent(views: readonly CallView[], event: ChangeEvent): CallView[] {
	const previous = views[event.index];
	if (!previous) return [...views];
	const next = [...views];
	next[event.index] = {
		...previous,
		state: event.state,
		attempt: event.attempt,
		...(event.requestId ? {requestId: event.requestId} : {}),
		...(event.state === 'retrying' ? {reason: event.code} : {}),
		...(event.error ? {error: event.error} : {}),
	};
	return next;
}

/** The views as the outcome says they ended (events may have been missed by a screen that was not listening). */
export function withOutcome(views: readonly CallView[], outcome: ChangeOutcome): CallView[] {
	return views.map((view, i) => {
		const end = outcome.outcomes[i];
		if (!end) return view;
		return {
			...view,
			state: end.state,
			...(end.requestId ? {requestId: end.requestId} : {}),
			...(end.error ? {error: end.error} : {}),
		};
	});
}

/** The common part of both follow-ups' state while calls run or after. */
export type Progress = {
	readonly calls: readonly CallView[];
	readonly outcome?: ChangeOutcome;
	/** Ctrl+C while calls run: the call in flight finishes, the rest are skipped. */
	readonly stopping?: boolean;
	/** Ctrl+C twice: leave without waiting. */
	readonly forced?: boolean;
};

/** The part of either follow-up's state that sending, stopping and ending touch. */
export type FlowState = Progress & {
	readonly step: string;
	readonly start: FollowupStart;
	readonly regionId?: string;
	readonly plan?: ChangePlan;
	/** Every round applied so far. */
	readonly rounds: number;
	readonly status: 'editing' | 'applying' | 'done' | 'cancelled' | 'left';
	/** The plan is due to be sent: set on confirm, cleared when the runner (flow-run.ts) takes it. */
	readonly due?: 'apply';
};

/** An ended flow (cancelled or left) still takes the news of the call in flight, and a second Ctrl+C while it stops. */
export function afterEnd<S extends FlowState>(
	state: S,
	action: {readonly type: string; readonly event?: ChangeEvent; readonly outcome?: ChangeOutcome},
): S {
	if (action.type === 'cancel' && state.stopping) return {...state, forced: true};
	if (action.type === 'sent') return {...state, due: undefined};
	if (action.type === 'call-event' && action.event)
		return {...state, calls: withEvent(state.calls, action.event)};
	if (action.type === 'applied' && action.outcome)
		return {...state, outcome: action.outcome, calls: withOutcome(state.calls, action.outcome)};
	return state;
}

/** Confirmed on Review: the plan is due to be sent (flow-run.ts sends it and says so with 'sent'). */
export const sending = <S extends FlowState>(state: S, plan: ChangePlan): S => ({
	...state,
	step: 'applying',
	status: 'applying',
	plan,
	due: 'apply',
	calls: callViews(plan.calls),
	outcome: undefined,
});

/** The round's outcome is in: Done, with each call as it ended. */
export const applied = <S extends FlowState>(state: S, outcome: ChangeOutcome): S => ({
	...state,
	step: 'done',
	status: 'done',
	outcome,
	calls: withOutcome(state.calls, outcome),
	rounds: state.rounds + 1,
});

/**
 * Ctrl+C: while calls run, the one in flight finishes and the rest are skipped; on the result, everything asked for
 * is done, so it just leaves; anywhere else, a cancel.
 */
export function cancelled<S extends FlowState>(state: S): S {
	if (state.status === 'applying') return {...state, status: 'cancelled', stopping: true};
	if (state.step === 'done') return {...state, status: 'left'};
	return {...state, status: 'cancelled'};
}
