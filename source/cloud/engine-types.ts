// The contract of the submit engine (engine.ts): a plan in, progress events out, one outcome.
// domain/plan.ts builds plans; the wizard's Submitting screen and the flags path listen to the events.
import type {CloudError} from './errors.js';
import type {CreateGroupInput, Rule, Tag} from './port.js';

export type RuleBatch = {
	/** At most 100 rules, all inbound. */
	rules: Rule[];
	nicType: 'intranet' | 'internet';
	clientToken: string;
};

export type SubmitPlan = {
	/** Also the journal entry's id. */
	id: string;
	regionId: string;
	/** CreateSecurityGroup, with the ClientToken made once for this plan. */
	create: CreateGroupInput;
	/** One AuthorizeSecurityGroup per batch of up to 100 rules (none for a group without rules). */
	authorize: RuleBatch[];
};

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

export type SubmitResult = {
	groupId: string;
	regionId: string;
	vpcId?: string;
	name: string;
	type: CreateGroupInput['type'];
	/** The rules as applied. */
	rules: Rule[];
	requestIds: string[];
	/** What the exports need to recreate the group (set by the engine; optional for older callers). */
	description?: string;
	resourceGroupId?: string;
	tags?: Tag[];
	nicType?: RuleBatch['nicType'];
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

/** What the engine keeps in a journal entry's payload: the plan with its tokens, and how far it got. */
export type SubmitProgress = {
	version: 1;
	plan: SubmitPlan;
	/** Set once CreateSecurityGroup has answered. */
	groupId?: string;
	/** How many of plan.authorize have succeeded, in order. */
	authorized: number;
	requestIds: string[];
};

/** What exists now of an unfinished create (inspectUnfinished), for resume and the wizard's start. */
export type Inspection = {
	journalId: string;
	plan: SubmitPlan;
	/**
	 * `exists`: the group is there; `gone`: it was created but no longer exists (deleted since);
	 * `unknown`: CreateSecurityGroup was sent but its answer never came back, so the group may or may not exist
	 * (finishing asks again with the same ClientToken, which returns the group if it was made).
	 */
	group: 'exists' | 'gone' | 'unknown';
	groupId?: string;
	/** The planned rules the group already has. */
	applied: Rule[];
	/** The planned rules still to be added. */
	missing: Rule[];
	createdAt: string;
};
