// One rule's fields read and checked (protocol, ports, peer, policy, priority, NIC type, description), with
// the error codes of the AuthorizeSecurityGroup reference (alibaba-api.md §2.3).
import {ApiError, missingParameter} from '../api-error.js';
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

export function protocolOf(input: RuleInput): Protocol {
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

export function checkPorts(input: RuleInput, protocol: Protocol, range: string | undefined): string {
	if (range === undefined) throw missingParameter(input.label('PortRange'));
	const problem = portRangeProblem(protocol, range);
	if (problem === 'malformed') {
		throw new ApiError(
			400,
			'InvalidIpProtocol.Malformed',
			`The specified parameter "${input.label('PortRange')}" is not valid: write start/end with 1 <= start <= end <= 65535, or -1/-1 for icmp, icmpv6, gre and all.`,
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

export function checkSourcePorts(input: RuleInput, protocol: Protocol): string {
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

export function policyOf(input: RuleInput, fallback: string): string {
	const policy = input.get('Policy');
	if (policy === undefined) return fallback;
	if (!/^(accept|drop)$/i.test(policy)) {
		throw new ApiError(
			400,
			'InvalidPolicy.Malformed',
			`The specified parameter "${input.label('Policy')}" is not valid: use accept or drop.`,
		);
	}
	return policy.toLowerCase() === 'drop' ? 'Drop' : 'Accept';
}

export function priorityOf(input: RuleInput, fallback: number): number {
	const priority = input.get('Priority');
	if (priority === undefined) return fallback;
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
	return n;
}

export function nicTypeOf(input: RuleInput, classic: boolean, fallback: 'intranet' | 'internet') {
	const nic = input.get('NicType');
	if (nic === undefined) return fallback;
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
	return nic;
}

export function descriptionOf(input: RuleInput, fallback: string): string {
	const description = input.get('Description') ?? fallback;
	const why = description === '' ? undefined : ruleDescriptionProblem(description);
	if (why) {
		throw new ApiError(
			400,
			'InvalidSecurityGroupDiscription.Malformed',
			`The specified parameter "${input.label('Description')}" is not valid: ${why}.`,
		);
	}
	return description;
}

export function checkGroupNic(rule: Rule): void {
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
	const PortRange = checkPorts(input, protocol, input.get('PortRange'));
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
