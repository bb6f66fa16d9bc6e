// The contract of the follow-up runner (changes.ts): a list of calls that change an existing group (its rules,
// or which instances are in it), events while they run, and what each call came to. domain/rule-change.ts and
// domain/membership.ts build the plans; the follow-up screens and the flags paths listen to the events.

import type {CallReport} from '../domain/plan-types.js';
import type {CloudError} from './errors.js';

/**
 * `unchanged`: the API answered that there was nothing to do (the instance was already in the group, or had
 * already left it). `skipped`: never sent, because the user cancelled or an earlier failure means the rest
 * cannot succeed either (credentials, network, throttling that outlasted the retries).
 */
export type CallState = 'pending' | 'running' | 'retrying' | 'done' | 'unchanged' | 'failed' | 'skipped';

export type ChangeEvent = {
	/** The call's index in plan.calls. */
	index: number;
	state: Exclude<CallState, 'pending'>;
	/** 1 for the first try. */
	attempt: number;
	requestId?: string;
	error?: CloudError;
	/** With 'retrying': the code that made the adapter try again. */
	code?: string;
};

export type CallOutcome = CallReport & {error?: CloudError};

export type ChangeOutcome = {
	outcomes: CallOutcome[];
	/** The caller's signal stopped the run between calls. */
	cancelled: boolean;
};
