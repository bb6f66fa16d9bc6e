// One rule's fields read and checked (protocol, ports, peer, policy, priority, NIC type, description), with
// the error codes of the AuthorizeSecurityGroup reference (alibaba-api.md §2.3).
import {ApiError, invalidParameter, missingParameter} from '../api-error.js';
import type {GroupRecord, PermissionRecord, World} from '../types.js';
import {
	isProtocol,
	type Protocol,
	portRangeProblem,
	protocolDisplay,
	ruleDescriptionProblem,
} from '../validate.js';
import type {Direction, RuleInput} from './rule-input.js';
import {parsePeer} from './rule-peer.js';

export type Rule = Omit<PermissionRecord, 'SecurityGroupRuleId' | 'CreateTime'>;

function protocolOf(input: RuleInput): Protocol {
	const raw = input.get('IpProtocol');
	if (raw === undefined) throw missingParameter(input.label('IpProtocol'));
	const protocol = raw.toLowerCase();
	if (!isProtocol(protocol)) {
		throw new ApiError(
			400,
			'InvalidIpProtocol.ValueNotSupported',
			`The specified IpProtocol "${raw}" is not supported: use tcp, udp, icmp, icmpv6, gre or all.`,
		);
	}
	return protocol;
}

function checkPorts(input: RuleInput, protocol: Protocol): string {
	const range = input.get('PortRange');
	if (range === undefined) throw missingParameter(input.label('PortRange'));
	const problem = portRangeProblem(protocol, range);
	if (problem === 'malformed') {
		throw invalidParameter(
			input.label('PortRange'),
			'write start/end with 1 <= start <= end <= 65535, or -1/-1 for icmp, icmpv6, gre and all.',
			'InvalidIpProtocol.Malformed',
		);
	}
	if (problem === 'mismatch') {
		throw new ApiError(
			400,
			'OperationDenied',
			`IpProtocol and PortRange do not match: ${protocol} ${protocol === 'tcp' || protocol === 'udp' ? 'needs ports start/end' : 'takes -1/-1'}.`,
		);
	}
	return range;
}

function checkSourcePorts(input: RuleInput, protocol: Protocol): string {
	const ports = input.get('SourcePortRange') ?? '';
	if (ports !== '' && portRangeProblem(protocol, ports)) {
		throw new ApiError(
			400,
			'InvalidSourcePortRange.Malformed',
			`The specified parameter "${input.label('SourcePortRange')}" is not valid.`,
		);
	}
	return ports;
}

function policyOf(input: RuleInput, fallback: string): string {
	const policy = input.get('Policy');
	if (policy === undefined) return fallback;
	if (!/^(accept|drop)$/i.test(policy)) {
		throw invalidParameter(input.label('Policy'), 'use accept or drop.', 'InvalidPolicy.Malformed');
	}
	return policy.toLowerCase() === 'drop' ? 'Drop' : 'Accept';
}

function priorityOf(input: RuleInput, fallback: number): number {
	const priority = input.get('Priority');
	if (priority === undefined) return fallback;
	if (!/^-?\d{1,9}$/.test(priority)) {
		throw invalidParameter(
			input.label('Priority'),
			'it must be a whole number.',
			'InvalidPriority.Malformed',
		);
	}
	const n = Number(priority);
	if (n < 1 || n > 100) {
		throw invalidParameter(
			input.label('Priority'),
			'it must be from 1 to 100.',
			'InvalidPriority.ValueNotSupported',
		);
	}
	return n;
}

function nicTypeOf(input: RuleInput, classic: boolean, fallback: 'intranet' | 'internet') {
	const nic = input.get('NicType');
	if (nic === undefined) return fallback;
	if (nic !== 'internet' && nic !== 'intranet') {
		throw invalidParameter(
			input.label('NicType'),
			'use internet or intranet.',
			'InvalidNicType.ValueNotSupported',
		);
	}
	if (!classic && nic === 'internet') {
		throw new ApiError(
			400,
			'InvalidNicType.Mismatch',
			'A security group in a VPC only takes intranet rules (NicType intranet).',
		);
	}
	return nic;
}

export function descriptionOf(input: RuleInput, fallback: string): string {
	const description = input.get('Description') ?? fallback;
	const why = description === '' ? undefined : ruleDescriptionProblem(description);
	if (why) {
		throw invalidParameter(
			input.label('Description'),
			`${why}.`,
			'InvalidSecurityGroupDiscription.Malformed',
		);
	}
	return description;
}

function checkGroupNic(rule: Rule): void {
	if ((rule.SourceGroupId !== '' || rule.DestGroupId !== '') && rule.NicType !== 'intranet') {
		throw new ApiError(
			403,
			'InvalidSourceGroupId.Mismatch',
			'A rule that references a security group needs NicType intranet.',
		);
	}
}

export function parseRule(world: World, group: GroupRecord, direction: Direction, input: RuleInput): Rule {
	const protocol = protocolOf(input);
	const PortRange = checkPorts(input, protocol);
	const SourcePortRange = checkSourcePorts(input, protocol);
	const classic = group.VpcId === '';
	const peer = parsePeer(world, group, direction, input);
	const rule: Rule = {
		Direction: direction,
		IpProtocol: protocolDisplay(protocol),
		PortRange,
		...peer,
		SourcePortRange,
		Policy: policyOf(input, 'Accept'),
		Priority: priorityOf(input, 1),
		NicType: nicTypeOf(input, classic, classic ? 'internet' : 'intranet'),
		Description: descriptionOf(input, ''),
	};
	checkGroupNic(rule);
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
