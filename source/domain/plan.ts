// Answers -> the calls that create the group: one CreateSecurityGroup, then one AuthorizeSecurityGroup per
// 100 inbound rules. Pure: the random parts (plan id, ClientToken) can be injected, so tests pin them.
import {randomUUID} from 'node:crypto';
import type {Answers} from './answers.js';
import type {CreateGroupInput, Direction, NicType, Peer, Rule, Tag} from './model.js';
import type {RuleBatch, SubmitPlan, SubmitResult} from './plan-types.js';
import {uniqueRules} from './rules.js';
import {maxRulesPerCall} from './validators.js';

export type PlanOptions = {
	/** The plan (and journal entry) id; default a random UUID. */
	newId?: () => string;
	/** The base of every ClientToken in the plan; default `ecs-sg-<plan id>`. At most 60 ASCII characters. */
	newToken?: () => string;
};

/** The API's limit on a ClientToken. */
export const maxTokenLength = 64;

/** Splits a list into runs of at most `size`, in order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** The NIC type a group's rules use: VPC groups are always intranet; the classic network defaults to internet. */
export const nicTypeOf = (answers: Pick<Answers, 'network'>): RuleBatch['nicType'] =>
	answers.network === 'classic' ? 'internet' : 'intranet';

export function planFromAnswers(answers: Answers, options: PlanOptions = {}): SubmitPlan {
	const id = options.newId?.() ?? randomUUID();
	// One token per plan, made here and never again: retries and `resume` reuse it, so a create whose answer was
	// lost returns the same group instead of making a second one. Batches get the same base plus their number.
	const base = (options.newToken?.() ?? `ecs-sg-${id}`).slice(0, maxTokenLength - 4);
	const create: CreateGroupInput = {
		regionId: answers.regionId,
		name: answers.name,
		type: answers.type,
		tags: answers.tags.map((tag) => ({...tag})),
		clientToken: base,
	};
	if (answers.network === 'vpc' && answers.vpcId) create.vpcId = answers.vpcId;
	if (answers.description !== '') create.description = answers.description;
	if (answers.resourceGroupId) create.resourceGroupId = answers.resourceGroupId;

	// Inbound batches (AuthorizeSecurityGroup) first, then outbound (AuthorizeSecurityGroupEgress), 100 rules a
	// call; identical rules would be accepted and ignored by the API, so they are dropped here and the counts
	// stay honest. Token suffixes: -aN inbound (as before, so older journals resume), -eN outbound.
	const unique = uniqueRules(answers.rules).map((r) => ({...r}));
	const nicType = nicTypeOf(answers);
	const authorize: RuleBatch[] = [];
	for (const [direction, tag] of [
		['ingress', 'a'],
		['egress', 'e'],
	] as const) {
		const mine = unique.filter((r) => r.direction === direction);
		chunk(mine, maxRulesPerCall).forEach((rules, i) => {
			authorize.push({direction, rules, nicType, clientToken: `${base}-${tag}${i + 1}`});
		});
	}
	return {id, regionId: answers.regionId, create, authorize};
}

/** Every rule of the plan, in the order the calls carry them. */
export const planRules = (plan: SubmitPlan): Rule[] => plan.authorize.flatMap((b) => b.rules);

/** Everything needed to describe or recreate a group: from a plan (before) or a result (after). */
export type GroupSpec = {
	regionId: string;
	vpcId?: string;
	name: string;
	description?: string;
	type: CreateGroupInput['type'];
	resourceGroupId?: string;
	tags: Tag[];
	rules: Rule[];
	nicType: RuleBatch['nicType'];
};

/** The API action that adds a batch of rules of one direction. */
export const authorizeAction = (direction: Rule['direction'] | undefined): string =>
	direction === 'egress' ? 'AuthorizeSecurityGroupEgress' : 'AuthorizeSecurityGroup';

export function specOf(source: SubmitPlan | SubmitResult): GroupSpec {
	const planned = 'create' in source;
	const group = planned ? source.create : source;
	const nicType = planned ? source.authorize[0]?.nicType : source.nicType;
	return {
		regionId: group.regionId,
		...(group.vpcId ? {vpcId: group.vpcId} : {}),
		name: group.name,
		...(group.description ? {description: group.description} : {}),
		type: group.type,
		...(group.resourceGroupId ? {resourceGroupId: group.resourceGroupId} : {}),
		tags: group.tags ?? [],
		rules: planned ? planRules(source) : source.rules,
		nicType: nicType ?? (group.vpcId ? 'intranet' : 'internet'),
	};
}

/** CreateSecurityGroup's parameters in the API's names and order (ClientToken only when asked for). */
export function createParams(spec: GroupSpec, clientToken?: string): [string, string][] {
	const params: [string, string][] = [['RegionId', spec.regionId]];
	if (spec.vpcId) params.push(['VpcId', spec.vpcId]);
	params.push(['SecurityGroupName', spec.name]);
	if (spec.description) params.push(['Description', spec.description]);
	params.push(['SecurityGroupType', spec.type]);
	if (spec.resourceGroupId) params.push(['ResourceGroupId', spec.resourceGroupId]);
	spec.tags.forEach((tag, i) => {
		params.push([`Tag.${i + 1}.Key`, tag.key], [`Tag.${i + 1}.Value`, tag.value]);
	});
	if (clientToken) params.push(['ClientToken', clientToken]);
	return params;
}

/**
 * The far end as request parameters: SourceCidrIp / Ipv6SourceCidrIp / SourceGroupId (+ SourceGroupOwnerAccount)
 * / SourcePrefixListId for ingress, the Dest* names for egress (AuthorizeSecurityGroupRequestPermissions and
 * AuthorizeSecurityGroupEgressRequestPermissions in @alicloud/ecs20140526; "specify one of them",
 * https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-authorizesecuritygroup).
 */
function peerParams(peer: Peer, direction: Direction): Record<string, string> {
	const far = direction === 'ingress' ? 'Source' : 'Dest';
	switch (peer.kind) {
		case 'ipv4':
			return {[`${far}CidrIp`]: peer.cidr};
		case 'ipv6':
			return {[`Ipv6${far}CidrIp`]: peer.cidr};
		case 'group':
			return {
				[`${far}GroupId`]: peer.groupId,
				...(peer.ownerAccount ? {[`${far}GroupOwnerAccount`]: peer.ownerAccount} : {}),
			};
		case 'prefix-list':
			return {[`${far}PrefixListId`]: peer.prefixListId};
	}
}

/** One rule's fields in the API's names (Priority is a string in every request model); NicType when given. */
export function ruleParams(rule: Rule, nicType?: NicType): Record<string, string> {
	return {
		IpProtocol: rule.protocol,
		PortRange: rule.portRange,
		...peerParams(rule.peer, rule.direction),
		Policy: rule.policy,
		Priority: String(rule.priority),
		...(nicType ? {NicType: nicType} : {}),
		...(rule.description ? {Description: rule.description} : {}),
	};
}

/** Rules as the API's `Permissions.N.*` objects, N from 1 (cloud/ lets pop-core's params flatten them). */
export const permissions = (rules: readonly Rule[], nicType: NicType): Record<string, string>[] =>
	rules.map((rule) => ruleParams(rule, nicType));

/** AuthorizeSecurityGroup(Egress)'s parameters for one batch, with `Permissions.N.*` (N from 1). */
export function authorizeParams(
	regionId: string,
	groupId: string,
	rules: readonly Rule[],
	nicType: NicType,
	clientToken?: string,
): [string, string][] {
	const params: [string, string][] = [
		['RegionId', regionId],
		['SecurityGroupId', groupId],
	];
	permissions(rules, nicType).forEach((fields, i) => {
		for (const [key, value] of Object.entries(fields)) params.push([`Permissions.${i + 1}.${key}`, value]);
	});
	if (clientToken) params.push(['ClientToken', clientToken]);
	return params;
}
