// The model every room shares: rules, groups, VPCs, regions, instances and the inputs of the calls that change
// them, as plain typed objects in the API's terms (lower-case). cloud/ maps the API's JSON to these and back;
// nothing here knows about HTTP or the SDK.

export type Protocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'gre' | 'all';
export type Policy = 'accept' | 'drop';
export type Direction = 'ingress' | 'egress';

/** VPC groups' rules are intranet; a classic-network group's are internet by default. */
export type NicType = 'intranet' | 'internet';
export type GroupType = 'normal' | 'enterprise';
export type NetworkType = 'vpc' | 'classic';

/**
 * The far end of a rule: the source of an ingress rule, the destination of an egress one. Exactly one of the
 * four kinds the API knows (AuthorizeSecurityGroup, "Permissions.N.SourceCidrIp / Ipv6SourceCidrIp /
 * SourceGroupId / SourcePrefixListId": "specify one of them",
 * https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-authorizesecuritygroup; the
 * Dest* counterparts in AuthorizeSecurityGroupEgress). Addresses are kept as written once normalised
 * (domain/peers.ts); `name` is the display name DescribeSecurityGroupAttribute reports (SourceGroupName,
 * SourcePrefixListName), never sent.
 */
export type Peer =
	| {kind: 'ipv4'; cidr: string}
	| {kind: 'ipv6'; cidr: string}
	| {kind: 'group'; groupId: string; ownerAccount?: string; name?: string}
	| {kind: 'prefix-list'; prefixListId: string; name?: string};

export type PeerKind = Peer['kind'];

/**
 * One security group rule in the API's terms, lower-case. `portRange` is `start/end` (`22/22`, `8000-8100` is
 * written `8000/8100`) or `-1/-1` for icmp, icmpv6, gre and all. `peer` is the source of an ingress rule and
 * the destination of an egress rule. Priority 1-100, smaller first; at equal priority drop wins
 * (AuthorizeSecurityGroup, "Operation description").
 */
export type Rule = {
	direction: Direction;
	protocol: Protocol;
	portRange: string;
	peer: Peer;
	policy: Policy;
	priority: number;
	description?: string;
};

export type Tag = {key: string; value: string};

export type Region = {
	id: string;
	/** In the language asked for (`en-US` or `zh-CN`). */
	localName: string;
	/** The ECS endpoint host for this region, e.g. `ecs.cn-hangzhou.aliyuncs.com`. */
	endpoint: string;
	status?: 'available' | 'soldOut';
};

export type Vpc = {
	id: string;
	name: string;
	cidr: string;
	isDefault: boolean;
	status: string;
	description: string;
	regionId: string;
};

export type SecurityGroupSummary = {
	id: string;
	name: string;
	description: string;
	/** Empty for a classic-network group. */
	vpcId: string;
	type: GroupType;
	creationTime: string;
	resourceGroupId: string;
	tags: Tag[];
};

export type SecurityGroupDetail = SecurityGroupSummary & {
	innerAccessPolicy: 'Accept' | 'Drop';
	/** Normalised to lower case (the API answers `TCP`, `Accept`). */
	rules: (Rule & {
		nicType: NicType;
		createTime: string;
		/** SecurityGroupRuleId: RevokeSecurityGroup and ModifySecurityGroupRule name a rule by it when known. */
		ruleId?: string;
	})[];
};

export type Instance = {
	id: string;
	name: string;
	status: string;
	regionId: string;
	zoneId: string;
	vpcId: string;
	privateIp: string;
	securityGroupIds: string[];
};

export type AccountAttributes = {
	/** What the region still offers for new instances (`instance-network-type`). */
	networkTypes: NetworkType[];
	/** `max-security-groups`, when the account reports it. */
	maxSecurityGroups?: number;
};

export type PrefixList = {
	id: string;
	name: string;
	/** `IPv4` or `IPv6` (DescribePrefixLists AddressFamily). */
	addressFamily: 'IPv4' | 'IPv6';
	description: string;
	maxEntries: number;
	associationCount: number;
};

export type CreateGroupInput = {
	regionId: string;
	/** Left out only for a classic-network group. */
	vpcId?: string;
	name: string;
	description?: string;
	type: GroupType;
	resourceGroupId?: string;
	tags: Tag[];
	/** ASCII, at most 64 characters, made once per plan and reused on every retry. */
	clientToken: string;
};

export type RulesInput = {
	regionId: string;
	groupId: string;
	/** 1 to 100 rules, all of the same direction. */
	rules: Rule[];
	/** For a classic group the NIC type is `internet`; VPC groups always use `intranet`. */
	nicType: NicType;
	clientToken?: string;
	/** For a revoke: the rules' SecurityGroupRuleIds, in order, when every one is known. */
	ruleIds?: string[];
};

/**
 * ModifySecurityGroupRule / ModifySecurityGroupEgressRule: one rule named by its SecurityGroupRuleId, changed
 * to `rule`. The API refuses a change of peer kind or address family ("The type of an existing security group
 * authorization object cannot be modified", https://www.alibabacloud.com/help/id/ecs/api-modifysecuritygrouprule).
 */
export type ModifyRuleInput = {
	regionId: string;
	groupId: string;
	ruleId: string;
	rule: Rule;
	nicType: NicType;
	clientToken?: string;
};
