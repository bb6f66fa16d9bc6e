// The sandbox's records, kept in the API's own field names and casing so that the state file reads like the
// API's responses and a snapshot can be compared with what a client saw.

export type FaultKind = 'throttle' | 'unavailable' | 'internal' | 'reset' | 'hang' | 'lose';
export type FaultSpec = {action: string; kind: FaultKind; count: number};

/** The state file (and `snapshot()`): any subset of these keys; records use the API's field names. */
export type SandboxStateFile = {
	credentials?: {accessKeyId: string; accessKeySecret: string; securityToken?: string};
	vpcs?: unknown[];
	instances?: unknown[];
	securityGroups?: unknown[];
	prefixLists?: unknown[];
	account?: {maxSecurityGroups?: number; classicRegions?: string[]; ownerId?: string | number};
	/** ClientTokens already answered, so a retry after a restart still gets the first answer. */
	clientTokens?: unknown[];
	/** RAM roles STS may issue keys for, and their lifetime (sts.ts). */
	sts?: {roles?: unknown[]; ttlSeconds?: number};
};

export type Credentials = {accessKeyId: string; accessKeySecret: string; securityToken?: string};

export type VpcRecord = {
	VpcId: string;
	VpcName: string;
	CidrBlock: string;
	IsDefault: boolean;
	Status: string;
	RegionId: string;
	Description: string;
	CreationTime: string;
	VRouterId: string;
	VSwitchIds: {VSwitchId: string[]};
	ResourceGroupId: string;
	Tags: {Tag: {Key: string; Value: string}[]};
};

export type PermissionRecord = {
	SecurityGroupRuleId: string;
	Direction: 'ingress' | 'egress';
	/** Upper case as DescribeSecurityGroupAttribute answers (`TCP`, `ICMPv6`, `ALL`). */
	IpProtocol: string;
	PortRange: string;
	SourceCidrIp: string;
	DestCidrIp: string;
	Ipv6SourceCidrIp: string;
	Ipv6DestCidrIp: string;
	SourceGroupId: string;
	/** The Alibaba Cloud account of a referenced group in another account (empty for one's own). */
	SourceGroupOwnerAccount: string;
	DestGroupId: string;
	DestGroupOwnerAccount: string;
	SourcePortRange: string;
	SourcePrefixListId: string;
	DestPrefixListId: string;
	/** `Accept` or `Drop`. */
	Policy: string;
	/** 1-100; a number here and in the state file, a string on the wire (the SDK model's type). */
	Priority: number;
	NicType: 'intranet' | 'internet';
	Description: string;
	CreateTime: string;
};

export type GroupRecord = {
	SecurityGroupId: string;
	SecurityGroupName: string;
	Description: string;
	/** Empty for a classic-network group. */
	VpcId: string;
	RegionId: string;
	SecurityGroupType: 'normal' | 'enterprise';
	InnerAccessPolicy: 'Accept' | 'Drop';
	CreationTime: string;
	ResourceGroupId: string;
	Tags: {Tag: {TagKey: string; TagValue: string}[]};
	Permissions: PermissionRecord[];
};

/** A prefix list (ECS 2014-05-26 DescribePrefixLists): a named set of CIDR blocks of one address family. */
export type PrefixListRecord = {
	PrefixListId: string;
	PrefixListName: string;
	RegionId: string;
	AddressFamily: 'IPv4' | 'IPv6';
	MaxEntries: number;
	Description: string;
	CreationTime: string;
	ResourceGroupId: string;
	Entries: {Entry: {Cidr: string; Description: string}[]};
};

/** An instance exactly as DescribeInstances returns it; fields the sandbox does not know are kept as given. */
export type InstanceRecord = {
	InstanceId: string;
	InstanceName: string;
	Status: string;
	RegionId: string;
	ZoneId: string;
	InstanceNetworkType: 'vpc' | 'classic';
	VpcAttributes: {
		VpcId: string;
		VSwitchId: string;
		NatIpAddress: string;
		PrivateIpAddress: {IpAddress: string[]};
	};
	SecurityGroupIds: {SecurityGroupId: string[]};
	[field: string]: unknown;
};

export type Account = {maxSecurityGroups: number; classicRegions: string[]; ownerId: string};

export type TokenRecord = {
	Action: string;
	ClientToken: string;
	Fingerprint: string;
	Result: Record<string, unknown>;
};

/** Everything the sandbox knows, in memory. */
export type World = {
	credentials: Credentials;
	/** False when the keys were made up at start: they stay out of the file, so each start gets new ones. */
	persistCredentials: boolean;
	vpcs: VpcRecord[];
	groups: GroupRecord[];
	instances: InstanceRecord[];
	prefixLists: PrefixListRecord[];
	account: Account;
	tokens: TokenRecord[];
	/** The file's `sts` section as read (state-schema.ts); absent: one default role. */
	sts?: {roles?: unknown[]; ttlSeconds?: number};
};
