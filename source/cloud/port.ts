// The EcsApi port: everything the product asks of Alibaba Cloud, as plain typed objects. The pop-core adapter
// (pop-adapter.ts) is its only real implementation; tests may pass fakes. Nothing here knows about HTTP.

import type {
	AccountAttributes,
	CreateGroupInput,
	Instance,
	ModifyRuleInput,
	PrefixList,
	Region,
	RulesInput,
	SecurityGroupDetail,
	SecurityGroupSummary,
	Vpc,
} from '../domain/model.js';

export type CallResult = {requestId: string};

/**
 * Which other groups' rules point at a group (DescribeSecurityGroupReferences): the reason DeleteSecurityGroup
 * answers DependencyViolation. `accountId` is the AliUid of the referencing group's owner.
 */
export type GroupReference = {groupId: string; referencedBy: {groupId: string; accountId: string}[]};

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
	/** Changes one inbound rule named by its SecurityGroupRuleId (description, priority, policy, peer). */
	modifySecurityGroupRule(input: ModifyRuleInput): Promise<CallResult>;
	modifySecurityGroupEgressRule(input: ModifyRuleInput): Promise<CallResult>;
	/** Every prefix list of the region visible to the account (all NextToken pages). */
	describePrefixLists(
		regionId: string,
		filter?: {ids?: string[]; addressFamily?: 'IPv4' | 'IPv6'},
	): Promise<PrefixList[]>;
	/** Every matching group (all pages). */
	describeSecurityGroups(
		regionId: string,
		filter?: {vpcId?: string; name?: string; groupIds?: string[]},
	): Promise<SecurityGroupSummary[]>;
	/**
	 * A group's rules and attributes. Its type, creation time, resource group and tags are only in
	 * DescribeSecurityGroups, a second call; `{summary: false}` skips it (those fields then fall back to 'normal'
	 * and empty) for callers that read only the rules.
	 */
	describeSecurityGroupAttribute(
		regionId: string,
		groupId: string,
		options?: {summary?: boolean},
	): Promise<SecurityGroupDetail>;
	deleteSecurityGroup(regionId: string, groupId: string): Promise<CallResult>;
	/** The groups whose rules reference each of `groupIds` (at most 10 ids a call; more are asked in turns). */
	describeSecurityGroupReferences(regionId: string, groupIds: readonly string[]): Promise<GroupReference[]>;
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
