// AuthorizeSecurityGroup(Egress) and RevokeSecurityGroup(Egress): rules as Permissions.N.* (N 1..100) or the
// legacy flat parameters as one rule (never both), every rule checked before any is applied (a request
// that is partly wrong changes nothing), identical rules are a success that adds nothing, and a group holds
// at most 200 rules in both directions together.
import {ApiError, invalidParameter, missingParameter} from '../api-error.js';
import {apiTime, randomChars} from '../ids.js';
import {type Params, regionParam, value} from '../params.js';
import {maxRulesPerGroup} from '../state-file.js';
import type {GroupRecord, PermissionRecord, World} from '../types.js';
import {
	isIpv4Cidr,
	isIpv6Cidr,
	isProtocol,
	portRangeProblem,
	protocolDisplay,
	ruleDescriptionProblem,
} from '../validate.js';
import type {ActionContext, ActionHandler} from './context.js';
import {groupParam} from './lookup.js';

type Direction = 'ingress' | 'egress';

const ruleFields = [
	'IpProtocol',
	'PortRange',
	'SourceCidrIp',
	'DestCidrIp',
	'Ipv6SourceCidrIp',
	'Ipv6DestCidrIp',
	'SourceGroupId',
	'SourceGroupOwnerId',
	'SourceGroupOwnerAccount',
	'DestGroupId',
	'DestGroupOwnerId',
	'DestGroupOwnerAccount',
	'SourcePortRange',
	'SourcePrefixListId',
	'DestPrefixListId',
	'PortRangeListId',
	'Policy',
	'Priority',
	'NicType',
	'Description',
];

/** One rule's raw fields and how to name them in a refusal (`Permissions.3.PortRange` or `PortRange`). */
type RuleInput = {label: (field: string) => string; get: (field: string) => string | undefined};

function ruleInputs(params: Params): RuleInput[] {
	const numbered = new Map<number, Map<string, string>>();
	for (const [name, raw] of Object.entries(params)) {
		if (!name.startsWith('Permissions.')) continue;
		const match = /^Permissions\.(\d+)\.(\w+)$/.exec(name);
		if (!match || !/^[1-9]\d*$/.test(match[1] ?? '')) {
			throw invalidParameter(name, 'rules are written Permissions.N.Field with N from 1 to 100.');
		}
		const n = Number(match[1]);
		if (n > 100)
			throw invalidParameter(
				name,
				'one request carries at most 100 rules (Permissions.1 to Permissions.100).',
			);
		const fields = numbered.get(n) ?? new Map<string, string>();
		fields.set(match[2] as string, raw);
		numbered.set(n, fields);
	}
	const legacy = ruleFields.filter((field) => value(params, field) !== undefined);
	if (numbered.size > 0 && legacy.length > 0) {
		throw invalidParameter(
			legacy[0] as string,
			`the flat rule parameters (${legacy.join(', ')}) cannot be combined with Permissions.N.*.`,
		);
	}
	if (legacy.length > 0) {
		return [{label: (field) => field, get: (field) => value(params, field)}];
	}
	return [...numbered.keys()]
		.sort((a, b) => a - b)
		.map((n) => {
			const fields = numbered.get(n) as Map<string, string>;
			return {
				label: (field: string) => `Permissions.${n}.${field}`,
				get: (field: string) => {
					const found = fields.get(field);
					return found === '' ? undefined : found;
				},
			};
		});
}

type Rule = Omit<PermissionRecord, 'SecurityGroupRuleId' | 'CreateTime'>;

function cidr(input: RuleInput, field: string, v6: boolean, code: string): string {
	const text = input.get(field);
	if (text === undefined) return '';
	if (!(v6 ? isIpv6Cidr(text) : isIpv4Cidr(text))) {
		throw new ApiError(
			400,
			code,
			`The specified parameter "${input.label(field)}" is not a valid ${v6 ? 'IPv6' : 'IPv4'} CIDR block or address.`,
		);
	}
	return text;
}

function otherGroup(world: World, group: GroupRecord, input: RuleInput, field: string): string {
	const id = input.get(field);
	if (id === undefined) return '';
	const other = world.groups.find((g) => g.SecurityGroupId === id && g.RegionId === group.RegionId);
	if (!other)
		throw new ApiError(
			404,
			'InvalidSourceGroupId.NotFound',
			`The security group "${id}" in ${input.label(field)} does not exist.`,
		);
	if (other.SecurityGroupId === group.SecurityGroupId) {
		throw new ApiError(
			403,
			'InvalidParamter.Conflict',
			'A rule cannot reference the security group it belongs to.',
		);
	}
	if (other.VpcId !== group.VpcId) {
		throw new ApiError(
			400,
			'InvalidSourceGroupId.Mismatch',
			'The referenced security group is not in the same VPC.',
		);
	}
	if (group.SecurityGroupType === 'enterprise' || other.SecurityGroupType === 'enterprise') {
		throw new ApiError(
			400,
			'InvalidSourceGroupId.Mismatch',
			'An advanced (enterprise) security group cannot reference or be referenced by another group.',
		);
	}
	return id;
}

function parseRule(world: World, group: GroupRecord, direction: Direction, input: RuleInput): Rule {
	const rawProtocol = input.get('IpProtocol');
	if (rawProtocol === undefined) throw missingParameter(input.label('IpProtocol'));
	const protocol = rawProtocol.toLowerCase();
	if (!isProtocol(protocol)) {
		throw new ApiError(
			400,
			'InvalidIpProtocol.ValueNotSupported',
			`The specified IpProtocol "${rawProtocol}" is not supported: use tcp, udp, icmp, icmpv6, gre or all.`,
		);
	}
	const range = input.get('PortRange');
	if (range === undefined) throw missingParameter(input.label('PortRange'));
	const portProblem = portRangeProblem(protocol, range);
	if (portProblem === 'malformed') {
		throw new ApiError(
			400,
			'InvalidIpProtocol.Malformed',
			`The specified parameter "${input.label('PortRange')}" is not valid: write start/end with 1 <= start <= end <= 65535, or -1/-1 for icmp, icmpv6, gre and all.`,
		);
	}
	if (portProblem === 'mismatch') {
		throw new ApiError(
			400,
			'OperationDenied',
			`IpProtocol and PortRange do not match: ${protocol} ${protocol === 'tcp' || protocol === 'udp' ? 'needs ports start/end' : 'takes -1/-1'}.`,
		);
	}
	const sourcePorts = input.get('SourcePortRange') ?? '';
	if (sourcePorts !== '' && portRangeProblem(protocol, sourcePorts)) {
		throw new ApiError(
			400,
			'InvalidSourcePortRange.Malformed',
			`The specified parameter "${input.label('SourcePortRange')}" is not valid.`,
		);
	}
	const classic = group.VpcId === '';
	const rule: Rule = {
		Direction: direction,
		IpProtocol: protocolDisplay(protocol),
		PortRange: range,
		SourceCidrIp: cidr(input, 'SourceCidrIp', false, 'InvalidSourceCidrIp.Malformed'),
		DestCidrIp: cidr(input, 'DestCidrIp', false, 'InvalidDestCidrIp.Malformed'),
		Ipv6SourceCidrIp: cidr(input, 'Ipv6SourceCidrIp', true, 'InvalidParam.Ipv6SourceCidrIp'),
		Ipv6DestCidrIp: cidr(input, 'Ipv6DestCidrIp', true, 'InvalidParam.Ipv6DestCidrIp'),
		SourceGroupId: '',
		DestGroupId: '',
		SourcePortRange: sourcePorts,
		SourcePrefixListId: input.get('SourcePrefixListId') ?? '',
		DestPrefixListId: input.get('DestPrefixListId') ?? '',
		Policy: 'Accept',
		Priority: 1,
		NicType: classic ? 'internet' : 'intranet',
		Description: input.get('Description') ?? '',
	};
	const far = direction === 'ingress' ? 'Source' : 'Dest';
	const v4 = direction === 'ingress' ? rule.SourceCidrIp : rule.DestCidrIp;
	const v6 = direction === 'ingress' ? rule.Ipv6SourceCidrIp : rule.Ipv6DestCidrIp;
	if (v4 !== '' && v6 !== '') {
		throw new ApiError(
			400,
			`InvalidParam.${far}Ip`,
			`${far}CidrIp and Ipv6${far}CidrIp cannot both be set in one rule.`,
		);
	}
	if ((rule.Ipv6SourceCidrIp !== '' || rule.Ipv6DestCidrIp !== '') && classic) {
		throw new ApiError(400, `InvalidParam.Ipv6${far}CidrIp`, 'IPv6 rules are for VPC security groups only.');
	}
	if (rule.SourceCidrIp !== '' && rule.SourceCidrIp === rule.DestCidrIp) {
		throw new ApiError(403, 'InvalidParamter.Conflict', 'SourceCidrIp and DestCidrIp cannot be the same.');
	}
	// A CIDR wins over a referenced group, which wins over a prefix list (reference §2.3).
	if (v4 === '' && v6 === '') {
		const referenced = otherGroup(world, group, input, `${far}GroupId`);
		if (direction === 'ingress') rule.SourceGroupId = referenced;
		else rule.DestGroupId = referenced;
		const prefixList = direction === 'ingress' ? rule.SourcePrefixListId : rule.DestPrefixListId;
		if (referenced === '' && prefixList === '') {
			throw new ApiError(
				400,
				`MissingParameter.${far}`,
				`The rule in ${input.label(`${far}CidrIp`)} has no ${direction === 'ingress' ? 'source' : 'destination'}: give ${far}CidrIp, Ipv6${far}CidrIp, ${far}GroupId or ${far}PrefixListId.`,
			);
		}
		if (referenced === '')
			throw new ApiError(404, 'InvalidPrefixListId.NotFound', 'The specified prefix list does not exist.');
	}
	rule.SourcePrefixListId =
		direction === 'ingress' && rule.SourceCidrIp + rule.Ipv6SourceCidrIp + rule.SourceGroupId === ''
			? rule.SourcePrefixListId
			: '';
	rule.DestPrefixListId =
		direction === 'egress' && rule.DestCidrIp + rule.Ipv6DestCidrIp + rule.DestGroupId === ''
			? rule.DestPrefixListId
			: '';
	const policy = input.get('Policy');
	if (policy !== undefined) {
		if (!/^(accept|drop)$/i.test(policy)) {
			throw new ApiError(
				400,
				'InvalidPolicy.Malformed',
				`The specified parameter "${input.label('Policy')}" is not valid: use accept or drop.`,
			);
		}
		rule.Policy = policy.toLowerCase() === 'drop' ? 'Drop' : 'Accept';
	}
	const priority = input.get('Priority');
	if (priority !== undefined) {
		if (!/^-?\d{1,9}$/.test(priority)) {
			throw new ApiError(
				400,
				'InvalidPriority.Malformed',
				`The specified parameter "${input.label('Priority')}" is not valid: it must be a whole number.`,
			);
		}
		const n = Number(priority);
		if (n < 1 || n > 100) {
			throw new ApiError(
				400,
				'InvalidPriority.ValueNotSupported',
				`The specified parameter "${input.label('Priority')}" is not valid: it must be from 1 to 100.`,
			);
		}
		rule.Priority = n;
	}
	const nic = input.get('NicType');
	if (nic !== undefined) {
		if (nic !== 'internet' && nic !== 'intranet') {
			throw new ApiError(
				400,
				'InvalidNicType.ValueNotSupported',
				`The specified parameter "${input.label('NicType')}" is not valid: use internet or intranet.`,
			);
		}
		if (!classic && nic === 'internet') {
			throw new ApiError(
				400,
				'InvalidNicType.Mismatch',
				'A security group in a VPC only takes intranet rules (NicType intranet).',
			);
		}
		rule.NicType = nic;
	}
	if ((rule.SourceGroupId !== '' || rule.DestGroupId !== '') && rule.NicType !== 'intranet') {
		throw new ApiError(
			403,
			'InvalidSourceGroupId.Mismatch',
			'A rule that references a security group needs NicType intranet.',
		);
	}
	const descriptionWhy = rule.Description === '' ? undefined : ruleDescriptionProblem(rule.Description);
	if (descriptionWhy) {
		throw new ApiError(
			400,
			'InvalidSecurityGroupDiscription.Malformed',
			`The specified parameter "${input.label('Description')}" is not valid: ${descriptionWhy}.`,
		);
	}
	return rule;
}

/** What makes two rules "the same rule": everything but the description. */
export const ruleKey = (rule: Rule): string =>
	[
		rule.Direction,
		rule.IpProtocol.toLowerCase(),
		rule.PortRange,
		rule.SourceCidrIp,
		rule.DestCidrIp,
		rule.Ipv6SourceCidrIp.toLowerCase(),
		rule.Ipv6DestCidrIp.toLowerCase(),
		rule.SourceGroupId,
		rule.DestGroupId,
		rule.SourcePortRange,
		rule.SourcePrefixListId,
		rule.DestPrefixListId,
		rule.NicType,
		rule.Policy,
		rule.Priority,
	].join('|');

function authorize(direction: Direction): ActionHandler {
	return (ctx: ActionContext, params: Params) => {
		const region = regionParam(params);
		const group = groupParam(ctx.world, params, region);
		const inputs = ruleInputs(params);
		if (inputs.length === 0) throw missingParameter('Permissions.1.IpProtocol');
		const rules = inputs.map((input) => parseRule(ctx.world, group, direction, input));
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
		if (fresh.length > 0) {
			const created = apiTime(ctx.now());
			const taken = new Set(ctx.world.groups.flatMap((g) => g.Permissions.map((r) => r.SecurityGroupRuleId)));
			for (const rule of fresh) {
				let id = `sgr-${randomChars(20)}`;
				while (taken.has(id)) id = `sgr-${randomChars(20)}`;
				taken.add(id);
				group.Permissions.push({SecurityGroupRuleId: id, ...rule, CreateTime: created});
			}
			ctx.changed();
		}
		return {};
	};
}

function revoke(direction: Direction): ActionHandler {
	return (ctx: ActionContext, params: Params) => {
		const region = regionParam(params);
		const group = groupParam(ctx.world, params, region);
		const ids: string[] = [];
		for (const [name, raw] of Object.entries(params)) {
			const match = /^SecurityGroupRuleId\.(\d+)$/.exec(name);
			if (!match) continue;
			if (!/^[1-9]\d*$/.test(match[1] ?? '') || Number(match[1]) > 100) {
				throw invalidParameter(name, 'SecurityGroupRuleId.N counts from 1 to 100.');
			}
			if (raw !== '') ids.push(raw);
		}
		for (const id of ids) {
			if (
				!group.Permissions.some((rule) => rule.SecurityGroupRuleId === id && rule.Direction === direction)
			) {
				throw new ApiError(
					400,
					'InvalidParam.SecurityGroupRuleId',
					`The specified security group rule id "${id}" does not exist.`,
				);
			}
		}
		const inputs = ruleInputs(params);
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
