// The contract of the submit engine (engine.ts): a plan in, progress events out, one outcome.
// domain/plan.ts builds plans; the wizard's Submitting screen and the flags path listen to the events.
import type {CloudError} from './errors.js';
import type {CreateGroupInput, Rule} from './port.js';

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
};

export type SubmitOutcome =
	| {ok: true; result: SubmitResult}
	| {
			ok: false;
			error: CloudError;
			/** Set when the group was created before the failure: it exists and the journal still holds the plan. */
			groupId?: string;
			journalId: string;
	  };
