// The plans the domain builds and the cloud carries out: a create (one CreateSecurityGroup, then batches of rules)
// and a round of changes to an existing group; what a create came to; and what a round's calls came to, as far
// as the domain needs to tell it. cloud/engine-types.ts and cloud/change-types.ts add the events and errors.
import type {CreateGroupInput, Direction, NicType, Rule, RulesInput, Tag} from './model.js';

export type RuleBatch = {
	/** AuthorizeSecurityGroup for ingress, AuthorizeSecurityGroupEgress for egress; absent in older journals (ingress). */
	direction?: Direction;
	/** At most 100 rules, all of `direction`. */
	rules: Rule[];
	nicType: NicType;
	clientToken: string;
};

export type SubmitPlan = {
	/** Also the journal entry's id. */
	id: string;
	regionId: string;
	/** CreateSecurityGroup, with the ClientToken made once for this plan. */
	create: CreateGroupInput;
	/** One AuthorizeSecurityGroup(Egress) per batch of up to 100 rules: inbound batches first, then outbound. */
	authorize: RuleBatch[];
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

/**
 * `modify` / `modify-egress` carry one rule (the rule as it becomes) and its SecurityGroupRuleId in
 * `input.ruleIds[0]`: ModifySecurityGroupRule / ModifySecurityGroupEgressRule.
 */
export type RuleCallKind =
	| 'authorize'
	| 'authorize-egress'
	| 'revoke'
	| 'revoke-egress'
	| 'modify'
	| 'modify-egress';

export type ChangeCall =
	| {
			kind: RuleCallKind;
			input: RulesInput;
			/**
			 * The index of a call of the same plan this one waits on: sent only when that one ended done (or
			 * already done); else skipped. A rule edit done as authorize + revoke never revokes a rule whose
			 * replacement was refused.
			 */
			after?: number;
	  }
	| {kind: 'join' | 'leave'; regionId: string; groupId: string; instanceId: string};

export type ChangePlan = {
	regionId: string;
	groupId: string;
	/** Run in order: removals before additions, so a group near its rule limit makes room first. */
	calls: ChangeCall[];
};

/** What one call of a round came to, as the domain reports it (the cloud's CallOutcome carries the full error). */
export type CallReport = {
	call: ChangeCall;
	state: 'done' | 'unchanged' | 'failed' | 'skipped';
	requestId?: string;
	error?: {sentence: string; next: string};
};

export type RoundReport = {outcomes: CallReport[]; cancelled: boolean};

/** The API action a call makes. */
export function actionOf(call: ChangeCall): string {
	switch (call.kind) {
		case 'authorize':
			return 'AuthorizeSecurityGroup';
		case 'authorize-egress':
			return 'AuthorizeSecurityGroupEgress';
		case 'revoke':
			return 'RevokeSecurityGroup';
		case 'revoke-egress':
			return 'RevokeSecurityGroupEgress';
		case 'modify':
			return 'ModifySecurityGroupRule';
		case 'modify-egress':
			return 'ModifySecurityGroupEgressRule';
		case 'join':
			return 'JoinSecurityGroup';
		case 'leave':
			return 'LeaveSecurityGroup';
	}
}
