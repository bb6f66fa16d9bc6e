// AuthorizeSecurityGroup(Egress) and RevokeSecurityGroup(Egress): every rule checked before any is applied (a
// request that is partly wrong changes nothing), identical rules are a success that adds nothing, a group
// holds at most 200 rules in both directions together and references at most 20 other groups.
import {ApiError, missingParameter} from '../api-error.js';
import {apiTime, randomChars} from '../ids.js';
import {numberedParams, type Params, regionParam} from '../params.js';
import {maxRulesPerGroup} from '../state-file.js';
import type {GroupRecord, World} from '../types.js';
import type {ActionContext, ActionHandler} from './context.js';
import {groupParam} from './lookup.js';
import {type Direction, ruleInputs} from './rule-input.js';
import {parseRule, type Rule, ruleKey} from './rule-parse.js';
import {maxReferencedGroups} from './rule-peer.js';

const referencedGroups = (rules: readonly Rule[]): Set<string> =>
	new Set(rules.flatMap((rule) => [rule.SourceGroupId, rule.DestGroupId]).filter((id) => id !== ''));

/** The limit of groups one basic group's rules may reference; the code is the sandbox's (README). */
export function checkReferenceLimit(after: readonly Rule[]): void {
	if (referencedGroups(after).size > maxReferencedGroups) {
		throw new ApiError(
			403,
			'QuotaExceed.SecurityGroupReference',
			`A security group's rules can reference at most ${maxReferencedGroups} other security groups.`,
		);
	}
}

function newRuleId(world: World): string {
	const taken = new Set(world.groups.flatMap((g) => g.Permissions.map((r) => r.SecurityGroupRuleId)));
	let id = `sgr-${randomChars(20)}`;
	while (taken.has(id)) id = `sgr-${randomChars(20)}`;
	return id;
}

/** Where the group's rule of this id and direction is, or InvalidParam.SecurityGroupRuleId. */
export function ruleIndex(group: GroupRecord, id: string, direction: Direction): number {
	const index = group.Permissions.findIndex(
		(rule) => rule.SecurityGroupRuleId === id && rule.Direction === direction,
	);
	if (index < 0) {
		throw new ApiError(
			400,
			'InvalidParam.SecurityGroupRuleId',
			`The specified security group rule id "${id}" does not exist.`,
		);
	}
	return index;
}

function addRules(ctx: ActionContext, group: GroupRecord, rules: Rule[]): void {
	const existing = new Set(group.Permissions.map(ruleKey));
	const fresh: Rule[] = [];
	for (const rule of rules) {
		const key = ruleKey(rule);
		if (!existing.has(key)) fresh.push(rule);
		existing.add(key);
	}
	if (group.Permissions.length + fresh.length > maxRulesPerGroup) {
		throw new ApiError(
			403,
			'AuthorizationLimitExceed',
			'The limit of authorization records in the security group reaches.',
		);
	}
	checkReferenceLimit([...group.Permissions, ...fresh]);
	if (fresh.length === 0) return;
	const created = apiTime(ctx.now());
	for (const rule of fresh) {
		group.Permissions.push({SecurityGroupRuleId: newRuleId(ctx.world), ...rule, CreateTime: created});
	}
	ctx.changed();
}

function authorize(direction: Direction): ActionHandler {
	return (ctx: ActionContext, params: Params) => {
		const region = regionParam(params);
		const group = groupParam(ctx.world, params, region);
		const inputs = ruleInputs(params, direction);
		if (inputs.length === 0) throw missingParameter('Permissions.1.IpProtocol');
		addRules(
			ctx,
			group,
			inputs.map((input) => parseRule(ctx.world, group, direction, input)),
		);
		return {};
	};
}

function revoke(direction: Direction): ActionHandler {
	return (ctx: ActionContext, params: Params) => {
		const region = regionParam(params);
		const group = groupParam(ctx.world, params, region);
		const ids = numberedParams(params, 'SecurityGroupRuleId', 100);
		for (const id of ids) ruleIndex(group, id, direction);
		const inputs = ruleInputs(params, direction);
		if (inputs.length === 0 && ids.length === 0) throw missingParameter('Permissions.1.IpProtocol');
		const keys = new Set(inputs.map((input) => ruleKey(parseRule(ctx.world, group, direction, input))));
		const before = group.Permissions.length;
		group.Permissions = group.Permissions.filter(
			(rule) =>
				!(
					ids.includes(rule.SecurityGroupRuleId) ||
					(rule.Direction === direction && keys.has(ruleKey(rule)))
				),
		);
		if (group.Permissions.length !== before) ctx.changed();
		return {};
	};
}

export const authorizeSecurityGroup = authorize('ingress');
export const authorizeSecurityGroupEgress = authorize('egress');
export const revokeSecurityGroup = revoke('ingress');
export const revokeSecurityGroupEgress = revoke('egress');
