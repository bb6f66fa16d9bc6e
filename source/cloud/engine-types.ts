// The contract of the submit engine (engine.ts): a plan in, progress events out, one outcome.
// domain/plan.ts builds plans; the wizard's Submitting screen and the flags path listen to the events.

import type {SubmitResult} from '../domain/plan-types.js';
import type {CloudError} from './errors.js';

export type SubmitStepId = 'create' | `authorize-${number}`;

export type SubmitEvent = {
	step: SubmitStepId;
	state: 'running' | 'retrying' | 'done' | 'failed';
	/** 1 for the first try. */
	attempt: number;
	requestId?: string;
	/** Set once CreateSecurityGroup has answered. */
	groupId?: string;
	error?: CloudError;
	/** With 'retrying': the code that made the adapter try again (Throttling.User, ECONNRESET, ...). */
	code?: string;
	/** With 'retrying': how long the adapter waits before the next try. */
	delayMs?: number;
	/** With 'running' on an authorize step: how many rules the call carries. */
	ruleCount?: number;
};

export type SubmitOutcome =
	| {ok: true; result: SubmitResult}
	| {
			ok: false;
			error: CloudError;
			/** Set when the group was created before the failure: it exists and the journal still holds the plan. */
			groupId?: string;
			journalId: string;
			/** Set when the caller's signal stopped the engine between steps (Ctrl+C). */
			cancelled?: boolean;
	  };
