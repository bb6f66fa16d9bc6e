// The model every room shares: rules, groups, VPCs, regions, instances and the inputs of the calls that change
// them, as plain typed objects in the API's terms (lower-case). cloud/ maps the API's JSON to these and back;
// nothing here knows about HTTP or the SDK.

export type Protocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'gre' | 'all';
export type Policy = 'accept' | 'drop';
export type Direction = 'ingress' | 'egress';
export type GroupType = 'normal' | 'enterprise';
export type NetworkType = 'vpc' | 'classic';

/**
 * One security group rule in the API's terms, lower-case. `portRange` is `start/end` (`22/22`, `8000-8100` is
 * written `8000/8100`) or `-1/-1` for icmp, gre and all. `cidr` is the source of an ingress rule and the
 * destination of an egress rule (an IPv4 CIDR or a single address).
 */
export type Rule = {
	direction: Direction;
	protocol: Protocol;
	portRange: string;
	cidr: string;
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
		nicType: 'intranet' | 'internet';
		createTime: string;
		/** When `cidr` is empty: what the rule points at instead (an IPv6 block, a group id, a prefix list id). */
		peer?: string;
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
	nicType: 'intranet' | 'internet';
	clientToken?: string;
};
