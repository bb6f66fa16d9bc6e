// The EcsApi port: everything the product asks of Alibaba Cloud, as plain typed objects. The pop-core adapter
// (pop-adapter.ts) is its only real implementation; tests may pass fakes. Nothing here knows about HTTP.

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

export type CallResult = {requestId: string};

export type VpcPageListener = (loaded: number, total: number) => void;

export interface EcsApi {
	describeRegions(options?: {language?: 'en-US' | 'zh-CN'; signal?: AbortSignal}): Promise<Region[]>;
	/** Every VPC of the region: page 1, then the remaining pages concurrently (bounded), returned in order. */
	describeVpcs(
		regionId: string,
		options?: {signal?: AbortSignal; onProgress?: VpcPageListener},
	): Promise<Vpc[]>;
	describeAccountAttributes(regionId: string): Promise<AccountAttributes>;
	createSecurityGroup(input: CreateGroupInput): Promise<CallResult & {groupId: string}>;
	authorizeSecurityGroup(input: RulesInput): Promise<CallResult>;
	authorizeSecurityGroupEgress(input: RulesInput): Promise<CallResult>;
	revokeSecurityGroup(input: RulesInput): Promise<CallResult>;
	revokeSecurityGroupEgress(input: RulesInput): Promise<CallResult>;
	/** Every matching group (all pages). */
	describeSecurityGroups(
		regionId: string,
		filter?: {vpcId?: string; name?: string; groupIds?: string[]},
	): Promise<SecurityGroupSummary[]>;
	describeSecurityGroupAttribute(regionId: string, groupId: string): Promise<SecurityGroupDetail>;
	deleteSecurityGroup(regionId: string, groupId: string): Promise<CallResult>;
	/** Every matching instance (all pages). */
	describeInstances(
		regionId: string,
		filter?: {vpcId?: string; securityGroupId?: string; instanceIds?: string[]},
	): Promise<Instance[]>;
	joinSecurityGroup(regionId: string, groupId: string, instanceId: string): Promise<CallResult>;
	leaveSecurityGroup(regionId: string, groupId: string, instanceId: string): Promise<CallResult>;
}

/**
 * A call the adapter is about to try again (throttling, 5xx, network): for progress displays. `attempt` is the
 * number of the coming try (2 for the first retry); `delayMs` is the longest wait before it (full jitter picks
 * a random wait up to this).
 */
export type RetryEvent = {action: string; attempt: number; delayMs: number; code: string};

export interface RetryObservable {
	/** Listen to retries of every call made through this api; returns the unsubscribe function. */
	onRetry(listener: (event: RetryEvent) => void): () => void;
}
