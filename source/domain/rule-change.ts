// A change to the rules of an existing group: which additions are new and which already exist (the API would
// accept those and add nothing), which removals match a rule, whether the result fits the 200-rule limit, and
// the calls that carry it out (Revoke before Authorize, each direction and NIC type in batches of 100).
import {randomUUID} from 'node:crypto';
import {t} from '../text/index.js';
import type {Direction, NicType, Rule, SecurityGroupDetail} from './model.js';
import {peerLabel, peerText, samePeer} from './peers.js';
import {chunk, maxTokenLength} from './plan.js';
import type {ChangeCall, ChangePlan, RuleCallKind} from './plan-types.js';
import {ruleKey, showPorts, uniqueRules} from './rules.js';
import {maxRulesPerCall, maxRulesPerGroup} from './validators.js';

/** A rule as DescribeSecurityGroupAttribute returns it (NIC type, and what it points at when not a CIDR). */
export type GroupRule = SecurityGroupDetail['rules'][number];

/** The NIC type of a group's rules: VPC groups always use intranet; classic groups default to internet. */
export const nicTypeOfGroup = (group: {vpcId: string}): NicType => (group.vpcId ? 'intranet' : 'internet');

/**
 * A rule the tool can remove: every rule whose far end the answer named (an IPv4 or IPv6 block, a group, a
 * prefix list). One without any (an answer this tool does not understand) is left to the console.
 */
export const isRemovable = (rule: GroupRule): boolean =>
	peerText(rule.peer) !== '' || rule.ruleId !== undefined;

/** Same rule to the API: everything but the description (and the NIC type, one per group here). */
export const sameRule = (a: Rule, b: Rule): boolean => ruleKey(a) === ruleKey(b);

export type RuleChange = {add: readonly Rule[]; remove: readonly GroupRule[]};

export type RuleChangeCheck = {
	/** Additions the group does not have yet: these are sent. */
	fresh: Rule[];
	/** Additions identical to a rule the group has: the API would succeed and add nothing, so none is sent. */
	present: Rule[];
	/** Removals that match a rule of the group. */
	remove: GroupRule[];
	/** How many rules the group holds before and after the change. */
	before: number;
	after: number;
	/** Set when the change cannot be sent as it is (over the rule limit, a rule that cannot be removed here). */
	problem?: string;
};

const ruleName = (rule: Rule): string =>
	`${rule.direction === 'ingress' ? t('followup.rules.in') : t('followup.rules.out')} ${rule.protocol.toUpperCase()} ${showPorts(rule)} ${peerLabel(rule.peer)}`;

/**
 * Sorts a change out against the group's rules. `nicType` is the group's (additions use it): a classic group
 * may hold the same rule once per NIC type, so only rules of that type make an addition a duplicate.
 */
export function checkRuleChange(
	current: readonly GroupRule[],
	change: RuleChange,
	nicType?: NicType,
): RuleChangeCheck {
	const have = new Set(current.filter((r) => !nicType || r.nicType === nicType).map(ruleKey));
	const fresh: Rule[] = [];
	const present: Rule[] = [];
	for (const rule of uniqueRules(change.add)) (have.has(ruleKey(rule)) ? present : fresh).push(rule);
	const removing = new Set(change.remove.map(ruleKey));
	const remove = current.filter((rule) => removing.has(ruleKey(rule)));
	const after = current.length - remove.length + fresh.length;
	const check: RuleChangeCheck = {fresh, present, remove, before: current.length, after};
	const stuck = remove.find((rule) => !isRemovable(rule));
	if (stuck) return {...check, problem: t('followup.rules.notRemovable', {rule: ruleName(stuck)})};
	if (after > maxRulesPerGroup) {
		return {
			...check,
			problem: t('followup.rules.limit', {
				max: maxRulesPerGroup,
				before: current.length,
				adding: fresh.length,
				removing: remove.length,
				after,
			}),
		};
	}
	return check;
}

const kindOf = (direction: Direction, adding: boolean): RuleCallKind =>
	`${adding ? 'authorize' : 'revoke'}${direction === 'egress' ? '-egress' : ''}`;

export type RulePlanOptions = {
	/** The base of the plan's ClientTokens (default `ecs-sg-<uuid>`); each call appends its number. */
	newToken?: () => string;
};

/** The base of a plan's ClientTokens, with room for `-N` after it. */
const tokenBase = (options: RulePlanOptions): string =>
	(options.newToken?.() ?? `ecs-sg-${randomUUID()}`).slice(0, maxTokenLength - 5);

/**
 * The calls of a checked change: removals first (freeing room under the limit), then additions; inbound before
 * outbound; at most 100 rules per call. Additions use the group's NIC type; a removal uses the rule's own.
 */
export function planRuleChange(
	target: {regionId: string; groupId: string; vpcId: string},
	check: Pick<RuleChangeCheck, 'fresh' | 'remove'>,
	options: RulePlanOptions = {},
): ChangePlan {
	const base = tokenBase(options);
	const calls: ChangeCall[] = [];
	const add = (kind: RuleCallKind, rules: readonly (Rule & {ruleId?: string})[], nicType: NicType) => {
		for (const part of chunk(rules, maxRulesPerCall)) {
			// A revoke names its rules by SecurityGroupRuleId when the group's answer gave every one of them.
			const ids = part.map((r) => r.ruleId ?? '');
			const byId = kind.startsWith('revoke') && ids.every((id) => id !== '');
			calls.push({
				kind,
				input: {
					regionId: target.regionId,
					groupId: target.groupId,
					rules: part.map(plainRule),
					nicType,
					clientToken: `${base}-${calls.length + 1}`,
					...(byId ? {ruleIds: ids} : {}),
				},
			});
		}
	};
	for (const direction of ['ingress', 'egress'] as const) {
		const mine = check.remove.filter((r) => r.direction === direction);
		for (const nic of ['intranet', 'internet'] as const)
			add(
				kindOf(direction, false),
				mine.filter((r) => r.nicType === nic),
				nic,
			);
	}
	const nicType = nicTypeOfGroup(target);
	for (const direction of ['ingress', 'egress'] as const)
		add(
			kindOf(direction, true),
			check.fresh.filter((r) => r.direction === direction),
			nicType,
		);
	return {regionId: target.regionId, groupId: target.groupId, calls};
}

/** The port's Rule fields only (a described rule also carries its NIC type and creation time). */
export function plainRule(rule: Rule): Rule {
	return {
		direction: rule.direction,
		protocol: rule.protocol,
		portRange: rule.portRange,
		peer: rule.peer,
		policy: rule.policy,
		priority: rule.priority,
		...(rule.description ? {description: rule.description} : {}),
	};
}

/**
 * The group's rules that a `--rule` spec names: same direction, protocol, ports and peer (1.2.3.4 and 1.2.3.4/32
 * are one peer, see peers.ts peerKey), and the same policy and priority where the spec said them (`given`);
 * otherwise whatever their policy and priority.
 */
export function rulesMatching(
	current: readonly GroupRule[],
	spec: Rule,
	given: {policy?: boolean; priority?: boolean} = {},
): GroupRule[] {
	return current.filter(
		(rule) =>
			rule.direction === spec.direction &&
			rule.protocol === spec.protocol &&
			rule.portRange === spec.portRange &&
			samePeer(rule.peer, spec.peer) &&
			(!given.policy || rule.policy === spec.policy) &&
			(!given.priority || rule.priority === spec.priority),
	);
}

/** Why an edit cannot be one Modify call, or undefined when it can. */
export type EditRoute = 'modify' | 'no-rule-id' | 'direction' | 'peer-kind' | 'description-cleared';

/**
 * How an edit of one rule is carried out. ModifySecurityGroupRule changes a rule named by its
 * SecurityGroupRuleId in place, but "the type of an existing security group authorization object cannot be
 * modified", nor its IP address family, and "you cannot delete the value of a non-empty parameter"
 * (https://www.alibabacloud.com/help/id/ecs/api-modifysecuritygrouprule); direction is a different action
 * altogether. Those edits are a revoke of the old rule and an authorize of the new one instead.
 */
export function editRoute(current: GroupRule, edited: Rule): EditRoute {
	if (!current.ruleId) return 'no-rule-id';
	if (current.direction !== edited.direction) return 'direction';
	if (current.peer.kind !== edited.peer.kind) return 'peer-kind';
	if (current.description && !edited.description) return 'description-cleared';
	return 'modify';
}

/**
 * The calls of one rule edit: one Modify*Rule when the API allows it, else revoke the old rule and authorize
 * the edited one (removal first, so the group never holds both over its limit).
 */
export function planRuleEdit(
	target: {regionId: string; groupId: string; vpcId: string},
	current: GroupRule,
	edited: Rule,
	options: RulePlanOptions = {},
): ChangePlan & {route: EditRoute} {
	const route = editRoute(current, edited);
	if (route !== 'modify') {
		return {...planRuleChange(target, {fresh: [edited], remove: [current]}, options), route};
	}
	const base = tokenBase(options);
	const call: ChangeCall = {
		kind: edited.direction === 'ingress' ? 'modify' : 'modify-egress',
		input: {
			regionId: target.regionId,
			groupId: target.groupId,
			rules: [plainRule(edited)],
			ruleIds: [current.ruleId as string],
			nicType: current.nicType,
			clientToken: `${base}-1`,
		},
	};
	return {regionId: target.regionId, groupId: target.groupId, calls: [call], route};
}
