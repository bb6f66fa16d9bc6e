// The far end of a rule (its peer): exactly one of an IPv4 CIDR, an IPv6 CIDR, another security group or a
// prefix list. When several are given, the API's documented precedence decides (a CIDR wins over a group,
// which wins over a prefix list: AuthorizeSecurityGroup, https://www.alibabacloud.com/help/doc-detail/25554.html);
// IPv4 and IPv6 together, or none at all, are refused. The refusals and their codes are listed, with their
// sources, in source/sandbox/README.md ("Rules and peers").
import {ApiError} from '../api-error.js';
import type {GroupRecord, PermissionRecord, World} from '../types.js';
import {isIpv4Cidr, isIpv6Cidr} from '../validate.js';
import type {Direction, RuleInput} from './rule-input.js';

/** The peer fields of a rule, as the state file's rule records (types.ts) name them. */
export type Peer = Pick<
	PermissionRecord,
	| 'SourceCidrIp'
	| 'DestCidrIp'
	| 'Ipv6SourceCidrIp'
	| 'Ipv6DestCidrIp'
	| 'SourceGroupId'
	| 'SourceGroupOwnerAccount'
	| 'DestGroupId'
	| 'DestGroupOwnerAccount'
	| 'SourcePrefixListId'
	| 'DestPrefixListId'
>;
/** The kind of peer a rule has: ModifySecurityGroupRule may change the peer but not its kind. */
export type PeerKind = 'ipv4' | 'ipv6' | 'group' | 'prefix-list';

export function peerKind(rule: Peer, direction: Direction): PeerKind {
	const far = direction === 'ingress' ? 'Source' : 'Dest';
	if (rule[`${far}CidrIp`] !== '') return 'ipv4';
	if (rule[`Ipv6${far}CidrIp`] !== '') return 'ipv6';
	if (rule[`${far}GroupId`] !== '') return 'group';
	return 'prefix-list';
}

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

/** At most this many other groups referenced by one basic group's rules (AuthorizeSecurityGroup notes). */
export const maxReferencedGroups = 20;

function referencedGroup(world: World, group: GroupRecord, input: RuleInput, far: 'Source' | 'Dest'): string {
	const field = `${far}GroupId`;
	const id = input.get(field);
	if (id === undefined) return '';
	const ownerId = input.get(`${far}GroupOwnerId`);
	const other = world.groups.find((g) => g.SecurityGroupId === id && g.RegionId === group.RegionId);
	// The sandbox holds one account: a group "of another account" is one it cannot find.
	if (!other || (ownerId !== undefined && ownerId !== world.account.ownerId)) {
		throw new ApiError(
			404,
			`Invalid${far}GroupId.NotFound`,
			`The security group "${id}" in ${input.label(field)} does not exist.`,
		);
	}
	if (other.SecurityGroupId === group.SecurityGroupId) {
		throw new ApiError(
			403,
			'InvalidParamter.Conflict',
			'A rule cannot reference the security group it belongs to.',
		);
	}
	if (group.SecurityGroupType === 'enterprise' || other.SecurityGroupType === 'enterprise') {
		throw new ApiError(
			400,
			`Invalid${far}GroupId.Mismatch`,
			'An advanced (enterprise) security group cannot reference or be referenced by another group.',
		);
	}
	if (other.VpcId !== group.VpcId) {
		throw new ApiError(
			400,
			`Invalid${far}GroupId.Mismatch`,
			'The referenced security group is not in the same VPC.',
		);
	}
	return id;
}

function prefixList(world: World, group: GroupRecord, input: RuleInput, far: 'Source' | 'Dest'): string {
	const field = `${far}PrefixListId`;
	const id = input.get(field);
	if (id === undefined) return '';
	if (group.VpcId === '') {
		throw new ApiError(
			400,
			'NotSupported.ClassicNetworkPrefixList',
			'A security group of the classic network cannot use prefix lists.',
		);
	}
	if (!world.prefixLists.some((list) => list.PrefixListId === id && list.RegionId === group.RegionId)) {
		throw new ApiError(
			404,
			'InvalidPrefixListId.NotFound',
			`The prefix list "${id}" in ${input.label(field)} does not exist.`,
		);
	}
	return id;
}

/** The rule's addresses: both ends' CIDRs (quintuple rules), and the far end's group or prefix list. */
export function parsePeer(world: World, group: GroupRecord, direction: Direction, input: RuleInput): Peer {
	const peer: Peer = {
		SourceCidrIp: cidr(input, 'SourceCidrIp', false, 'InvalidSourceCidrIp.Malformed'),
		DestCidrIp: cidr(input, 'DestCidrIp', false, 'InvalidDestCidrIp.Malformed'),
		Ipv6SourceCidrIp: cidr(input, 'Ipv6SourceCidrIp', true, 'InvalidParam.Ipv6SourceCidrIp'),
		Ipv6DestCidrIp: cidr(input, 'Ipv6DestCidrIp', true, 'InvalidParam.Ipv6DestCidrIp'),
		SourceGroupId: '',
		SourceGroupOwnerAccount: '',
		DestGroupId: '',
		DestGroupOwnerAccount: '',
		SourcePrefixListId: '',
		DestPrefixListId: '',
	};
	const far = direction === 'ingress' ? 'Source' : 'Dest';
	const v4 = peer[`${far}CidrIp`];
	const v6 = peer[`Ipv6${far}CidrIp`];
	if (v4 !== '' && v6 !== '') {
		throw new ApiError(
			400,
			`InvalidParam.${far}Ip`,
			`${far}CidrIp and Ipv6${far}CidrIp cannot both be set in one rule.`,
		);
	}
	if ((peer.Ipv6SourceCidrIp !== '' || peer.Ipv6DestCidrIp !== '') && group.VpcId === '') {
		throw new ApiError(400, `InvalidParam.Ipv6${far}CidrIp`, 'IPv6 rules are for VPC security groups only.');
	}
	if (peer.SourceCidrIp !== '' && peer.SourceCidrIp === peer.DestCidrIp) {
		throw new ApiError(403, 'InvalidParamter.Conflict', 'SourceCidrIp and DestCidrIp cannot be the same.');
	}
	if (v4 !== '' || v6 !== '') return peer;
	const referenced = referencedGroup(world, group, input, far);
	if (referenced !== '') {
		peer[`${far}GroupId`] = referenced;
		peer[`${far}GroupOwnerAccount`] = input.get(`${far}GroupOwnerAccount`) ?? '';
		return peer;
	}
	const list = prefixList(world, group, input, far);
	if (list === '') {
		throw new ApiError(
			400,
			`MissingParameter.${far}`,
			`The rule in ${input.label(`${far}CidrIp`)} has no ${direction === 'ingress' ? 'source' : 'destination'}: give ${far}CidrIp, Ipv6${far}CidrIp, ${far}GroupId or ${far}PrefixListId.`,
		);
	}
	peer[`${far}PrefixListId`] = list;
	return peer;
}
