// The calls of a follow-up as the screens track them: one entry per call, updated by the runner's events.
import type {CallState, ChangeEvent, ChangeOutcome} from '../../cloud/change-types.js';
import type {CloudError} from '../../cloud/errors.js';
import type {ChangeCall} from '../../domain/plan-types.js';

export type CallView = {
	call: ChangeCall;
	state: CallState;
	attempt: number;
	requestId?: string;
	/** Why it is being retried (an API or transport code). */
	reason?: string;
	error?: CloudError;
};

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
