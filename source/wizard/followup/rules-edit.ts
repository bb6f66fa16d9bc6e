// Editing a rule in place on the rules screen (issue 12 item 4): the edits queued beside the additions and
// removals, how each is carried out (domain/rule-change.ts planRuleEdit: one Modify*Rule call, or a revoke and
// an authorize where Modify cannot), and the one plan a round sends. Pure: rules-state.ts reduces with these.
import type {Rule} from '../../domain/model.js';
import {peerText} from '../../domain/peers.js';
import type {ChangePlan} from '../../domain/plan-types.js';
import {
	type EditRoute,
	editRoute,
	type GroupRule,
	planRuleChange,
	planRuleEdit,
	type RuleChangeCheck,
	sameRule,
} from '../../domain/rule-change.js';
import {ruleKey} from '../../domain/rules.js';
import {maxRulesPerGroup} from '../../domain/validators.js';
import {t} from '../../text/index.js';

/** One queued edit: the group's rule as read (by its key) and the rule it becomes. */
export type RuleEdit = {readonly key: string; readonly rule: GroupRule; readonly edited: Rule};

/** What the edit form is editing: a rule of the group (by key) or a queued addition (by its index). */
export type EditTarget = {kind: 'current'; key: string} | {kind: 'added'; index: number};

/** The group's type and rules, as the reducer knows them. */
type Group = {readonly type: string; readonly rules: readonly GroupRule[]};

/**
 * Why the group would refuse `rule`, before anything is sent: an advanced (enterprise) group cannot reference
 * another group (the sandbox answers InvalidSourceGroupId.Mismatch, as the cloud does; see
 * source/sandbox/actions/rule-peer.ts), so the form says so instead of a failed call on Done.
 */
export function refusal(group: {readonly type: string} | undefined, rule: Rule): string | undefined {
	if (group?.type === 'enterprise' && rule.peer.kind === 'group')
		return t('followup.rules.enterpriseGroupPeer', {id: peerText(rule.peer)});
	return undefined;
}

/** The same rule to the API and the same description: an edit that changes nothing. */
export const unchanged = (a: Rule, b: Rule): boolean =>
	ruleKey(a) === ruleKey(b) && (a.description ?? '') === (b.description ?? '');

/** The sentence saying how an edit is carried out (shown on Review before applying). */
export function routeText(route: EditRoute): string {
	switch (route) {
		case 'modify':
			return t('followup.edit.routeModify');
		case 'no-rule-id':
			return t('followup.edit.routeNoId');
		case 'direction':
			return t('followup.edit.routeDirection');
		case 'peer-kind':
			return t('followup.edit.routePeerKind');
		case 'description-cleared':
			return t('followup.edit.routeDescription');
	}
}

export const routeOf = (edit: RuleEdit): EditRoute => editRoute(edit.rule, edit.edited);

/**
 * The calls of a round: removals and additions (planRuleChange: revokes first), then each edit's own (a Modify,
 * or its revoke and authorize). Each edit's ClientTokens have a base of their own.
 */
export function roundPlan(
	target: {regionId: string; groupId: string; vpcId: string},
	check: Pick<RuleChangeCheck, 'fresh' | 'remove' | 'after'>,
	edits: readonly RuleEdit[],
): ChangePlan {
	const calls = [...planRuleChange(target, check).calls];
	let room = maxRulesPerGroup - check.after;
	for (const e of edits) {
		const planned = planRuleEdit(target, e.rule, e.edited).calls;
		const [revoke, authorize] = planned;
		// A replacement (revoke + authorize) adds the new rule first and removes the old one only once the new
		// one is in: a refused peer (an unknown group, say) then loses nothing. Not when the two are one rule to
		// the API (only the description cleared: the authorize would add nothing) or the group has no room.
		if (
			revoke &&
			authorize &&
			'input' in revoke &&
			'input' in authorize &&
			!sameRule(e.rule, e.edited) &&
			room > 0
		) {
			room--;
			calls.push(authorize, {...revoke, after: calls.length});
		} else calls.push(...planned);
	}
	return {regionId: target.regionId, groupId: target.groupId, calls};
}

/** Another rule of the group (or queued) that the edit would duplicate: the API would refuse or merge it. */
export function duplicateOf(group: Group, edits: readonly RuleEdit[], key: string, edited: Rule) {
	const target = ruleKey(edited);
	if (target === key) return false;
	const taken = new Set([
		...group.rules.map(ruleKey).filter((k) => k !== key && !edits.some((e) => e.key === k)),
		...edits.filter((e) => e.key !== key).map((e) => ruleKey(e.edited)),
	]);
	return taken.has(target);
}
