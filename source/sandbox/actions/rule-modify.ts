// ModifySecurityGroupRule and ModifySecurityGroupEgressRule. By SecurityGroupRuleId, any field may change
// but a given field cannot be emptied (an empty parameter is "not given"), the peer keeps its kind (an IPv4
// CIDR stays an IPv4 CIDR, a group a group, a prefix list a prefix list of the same address family), and
// the result must not equal another rule of the group. Without SecurityGroupRuleId, the older form: the
// flat fields name the rule and only its Description changes. Usage notes of
// https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-modifysecuritygrouprule
// and https://help.aliyun.com/en/ecs/developer-reference/api-ecs-2014-05-26-modifysecuritygroupegressrule.
import {ApiError} from '../api-error.js';
import {type Params, regionParam, value} from '../params.js';
import type {GroupRecord, PermissionRecord, World} from '../types.js';
import type {ActionContext, ActionHandler} from './context.js';
import {groupParam} from './lookup.js';
import {type Direction, type RuleInput, ruleFields} from './rule-input.js';
import {descriptionOf, parseRule, type Rule, ruleKey} from './rule-parse.js';
import {type PeerKind, peerKind} from './rule-peer.js';
import {checkReferenceLimit, ruleIndex} from './rules.js';

const peerFields = (direction: Direction): Record<PeerKind, string[]> => {
	const far = direction === 'ingress' ? 'Source' : 'Dest';
	return {
		ipv4: [`${far}CidrIp`],
		ipv6: [`Ipv6${far}CidrIp`],
		group: [`${far}GroupId`, `${far}GroupOwnerAccount`, `${far}GroupOwnerId`],
		'prefix-list': [`${far}PrefixListId`],
	};
};

function givenPeerKind(params: Params, direction: Direction): PeerKind | undefined {
	const fields = peerFields(direction);
	return (Object.keys(fields) as PeerKind[]).find((kind) =>
		fields[kind].some((field) => value(params, field) !== undefined),
	);
}

const stored = (rule: PermissionRecord, field: string): string | undefined => {
	const found = (rule as unknown as Record<string, unknown>)[field];
	return found === undefined || found === '' ? undefined : String(found);
};

function checkSameFamily(world: World, before: PermissionRecord, after: Rule, direction: Direction): void {
	const field = direction === 'ingress' ? 'SourcePrefixListId' : 'DestPrefixListId';
	const family = (id: string) => world.prefixLists.find((list) => list.PrefixListId === id)?.AddressFamily;
	if (after[field] !== '' && family(after[field]) !== family(before[field])) {
		throw new ApiError(
			400,
			'InvalidParam.AuthorizationObject',
			'The new prefix list must have the address family of the rule’s current one.',
		);
	}
}

function modifyById(
	ctx: ActionContext,
	group: GroupRecord,
	direction: Direction,
	params: Params,
	id: string,
) {
	const index = ruleIndex(group, id, direction);
	const before = group.Permissions[index] as PermissionRecord;
	const kind = peerKind(before, direction);
	const given = givenPeerKind(params, direction);
	if (given !== undefined && given !== kind) {
		throw new ApiError(
			400,
			'InvalidParam.AuthorizationObject',
			`The rule's peer is ${kind === 'prefix-list' ? 'a prefix list' : kind === 'group' ? 'a security group' : `an ${kind === 'ipv4' ? 'IPv4' : 'IPv6'} address`}; it can change to another of its kind only (add a new rule and remove this one instead).`,
		);
	}
	const known = new Set(ruleFields[direction]);
	const input: RuleInput = {
		label: (field) => field,
		get: (field) => (known.has(field) ? (value(params, field) ?? stored(before, field)) : undefined),
	};
	const after = parseRule(ctx.world, group, direction, input);
	checkSameFamily(ctx.world, before, after, direction);
	const others = group.Permissions.filter((_, i) => i !== index);
	if (others.some((rule) => ruleKey(rule) === ruleKey(after))) {
		throw new ApiError(
			400,
			'InvalidParam.DuplicateRule',
			'The modified rule would be the same as another rule of the security group.',
		);
	}
	checkReferenceLimit([...others, after]);
	group.Permissions[index] = {
		SecurityGroupRuleId: before.SecurityGroupRuleId,
		...after,
		CreateTime: before.CreateTime,
	};
	ctx.changed();
}

function modifyDescription(ctx: ActionContext, group: GroupRecord, direction: Direction, params: Params) {
	const known = new Set(ruleFields[direction]);
	const input: RuleInput = {
		label: (field) => field,
		get: (field) => (known.has(field) ? value(params, field) : undefined),
	};
	const key = ruleKey(parseRule(ctx.world, group, direction, input));
	const rule = group.Permissions.find((r) => r.Direction === direction && ruleKey(r) === key);
	if (!rule) {
		throw new ApiError(
			400,
			'InvalidParam.SecurityGroupRuleId',
			'No rule of the security group matches the given fields: name it by SecurityGroupRuleId.',
		);
	}
	rule.Description = descriptionOf(input, '');
	ctx.changed();
}

function modify(direction: Direction): ActionHandler {
	return (ctx, params) => {
		const region = regionParam(params);
		const group = groupParam(ctx.world, params, region);
		const id = value(params, 'SecurityGroupRuleId');
		if (id === undefined) modifyDescription(ctx, group, direction, params);
		else modifyById(ctx, group, direction, params, id);
		return {};
	};
}

export const modifySecurityGroupRule = modify('ingress');
export const modifySecurityGroupEgressRule = modify('egress');
