// The adapter's Describe* calls: regions, VPCs (page 1, then the rest concurrently), account attributes,
// groups and instances (all pages, at most 100 ids a call), a group's rules, and prefix lists (NextToken pages).

import {chunk} from '../domain/plan.js';
import {
	accountAttributes,
	groupDetail,
	groupSummary,
	instance,
	list,
	prefixList,
	region,
	str,
	vpc,
} from './mappers.js';
import {fetchAllPages, type Page} from './paging.js';
import type {ParamObject} from './params.js';
import type {Json, Transport} from './pop-call.js';
import type {EcsApi} from './port.js';

const searchPageSize = 50;
const instancePageSize = 100;
/** DescribeSecurityGroups and DescribeInstances take at most 100 ids per call. */
const idsPerCall = 100;
const concurrency = 4;
/** DescribePrefixLists: MaxResults at most 100, default 10; NextToken empty when done (https://alibabacloud.com/help/en/ecs/api-describeprefixlists). */
const prefixListPageSize = 100;
/** A NextToken loop that never ends (a server bug) stops here instead of spinning. */
const maxTokenPages = 100;

/** TotalCount is a number in the SDK models (DescribeSecurityGroupsResponseBody); a numeric string is tolerated. */
const total = (body: Json): number | undefined => {
	const n = Number(str(body.TotalCount));
	return str(body.TotalCount) !== '' && Number.isFinite(n) ? n : undefined;
};

const byId = <T extends {id: string}>(items: T[]): T[] => {
	const seen = new Map<string, T>();
	for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
	return [...seen.values()];
};

type Reads = Pick<
	EcsApi,
	| 'describeRegions'
	| 'describeVpcs'
	| 'describeAccountAttributes'
	| 'describeSecurityGroups'
	| 'describeSecurityGroupAttribute'
	| 'describeInstances'
	| 'describePrefixLists'
	| 'describeSecurityGroupReferences'
>;

/** DescribeSecurityGroupReferences takes SecurityGroupId.N with N up to 10 (DescribeSecurityGroupReferencesRequest). */
const referenceIdsPerCall = 10;

export function reads(transport: Transport): Reads {
	const {call, learnt} = transport;

	/** Every page of a Describe* search of ECS, its items mapped, in order. */
	const search =
		<T>(
			action: string,
			[outer, inner]: readonly [string, string],
			pageSize: number,
			map: (item: Json, regionId: string) => T,
		) =>
		(regionId: string, params: ParamObject): Promise<T[]> =>
			fetchAllPages<T>(
				async (pageNumber) => {
					const body = await call('ecs', action, regionId, {
						...params,
						RegionId: regionId,
						PageNumber: pageNumber,
						PageSize: pageSize,
					});
					const items = list(body, outer, inner).map((item) => map(item, regionId));
					return {items, total: total(body), pageSize};
				},
				{pageSize, concurrency},
			);

	const searchGroups = search(
		'DescribeSecurityGroups',
		['SecurityGroups', 'SecurityGroup'],
		searchPageSize,
		groupSummary,
	);
	const searchInstances = search('DescribeInstances', ['Instances', 'Instance'], instancePageSize, instance);

	/** A search for the given ids, at most idsPerCall of them a call, each item once. */
	const byIds = async <T extends {id: string}>(
		ids: readonly string[],
		searchFor: (idsParam: string) => Promise<T[]>,
	): Promise<T[]> => {
		if (ids.length === 0) return [];
		const parts = await Promise.all(chunk(ids, idsPerCall).map((part) => searchFor(JSON.stringify(part))));
		return byId(parts.flat());
	};

	return {
		async describeRegions(request = {}) {
			const body = await call(
				'ecs',
				'DescribeRegions',
				undefined,
				{AcceptLanguage: request.language ?? 'en-US'},
				request.signal,
			);
			const regions = list(body, 'Regions', 'Region')
				.map(region)
				.filter((r) => r.id);
			for (const r of regions) if (r.endpoint) learnt.set(r.id, r.endpoint);
			return regions;
		},

		async describeVpcs(regionId, request = {}) {
			const vpcs = await fetchAllPages(
				async (pageNumber, signal): Promise<Page<ReturnType<typeof vpc>>> => {
					const body = await call(
						'vpc',
						'DescribeVpcs',
						regionId,
						{RegionId: regionId, PageNumber: pageNumber, PageSize: searchPageSize},
						signal,
					);
					const pageSize = Number(str(body.PageSize));
					return {
						items: list(body, 'Vpcs', 'Vpc').map((item) => vpc(item, regionId)),
						total: total(body),
						pageSize: pageSize > 0 ? pageSize : searchPageSize,
					};
				},
				{
					pageSize: searchPageSize,
					concurrency: transport.vpcConcurrency,
					signal: request.signal,
					onProgress: request.onProgress,
				},
			);
			// A VPC created while the pages were read can push another onto the next page twice.
			return byId(vpcs);
		},

		async describeAccountAttributes(regionId) {
			const body = await call('ecs', 'DescribeAccountAttributes', regionId, {
				RegionId: regionId,
				AttributeName: ['instance-network-type', 'max-security-groups'],
			});
			return accountAttributes(body);
		},

		async describeSecurityGroups(regionId, filter = {}) {
			const base = {VpcId: filter.vpcId, SecurityGroupName: filter.name};
			if (!filter.groupIds) return searchGroups(regionId, base);
			return byIds(filter.groupIds, (ids) => searchGroups(regionId, {...base, SecurityGroupIds: ids}));
		},

		async describeSecurityGroupAttribute(regionId, groupId, options = {}) {
			const summaries =
				options.summary === false
					? undefined
					: searchGroups(regionId, {SecurityGroupIds: JSON.stringify([groupId])});
			// Asked at once, but the attribute's failure (a group that is gone) is the one to tell.
			summaries?.catch(() => {});
			const attribute = await call('ecs', 'DescribeSecurityGroupAttribute', regionId, {
				RegionId: regionId,
				SecurityGroupId: groupId,
				Direction: 'all',
			});
			const summary = (await summaries)?.find((s) => s.id === groupId);
			const detail = groupDetail(attribute, summary);
			return {...detail, id: detail.id || groupId};
		},

		async describeInstances(regionId, filter = {}) {
			const base = {VpcId: filter.vpcId, SecurityGroupId: filter.securityGroupId};
			if (!filter.instanceIds) return searchInstances(regionId, base);
			return byIds(filter.instanceIds, (ids) => searchInstances(regionId, {...base, InstanceIds: ids}));
		},

		// DescribePrefixLists pages by NextToken/MaxResults, not PageNumber; PrefixListId.N filters by id
		// (DescribePrefixListsRequest in @alicloud/ecs20140526).
		async describePrefixLists(regionId, filter = {}) {
			const out: ReturnType<typeof prefixList>[] = [];
			let nextToken: string | undefined;
			for (let page = 0; page < maxTokenPages; page++) {
				const body = await call('ecs', 'DescribePrefixLists', regionId, {
					RegionId: regionId,
					MaxResults: prefixListPageSize,
					NextToken: nextToken,
					AddressFamily: filter.addressFamily,
					PrefixListId: filter.ids,
				});
				out.push(...list(body, 'PrefixLists', 'PrefixList').map(prefixList));
				nextToken = str(body.NextToken) || undefined;
				if (!nextToken) break;
			}
			return byId(out.filter((p) => p.id));
		},

		// The answer's shape (DescribeSecurityGroupReferencesResponseBody in @alicloud/ecs20140526):
		// SecurityGroupReferences.SecurityGroupReference[] of {SecurityGroupId, ReferencingSecurityGroups:
		// {ReferencingSecurityGroup: [{SecurityGroupId, AliUid}]}} (https://alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-describesecuritygroupreferences).
		async describeSecurityGroupReferences(regionId, groupIds) {
			const out: {groupId: string; referencedBy: {groupId: string; accountId: string}[]}[] = [];
			for (const ids of chunk(groupIds, referenceIdsPerCall)) {
				const body = await call('ecs', 'DescribeSecurityGroupReferences', regionId, {
					RegionId: regionId,
					SecurityGroupId: ids,
				});
				for (const item of list(body, 'SecurityGroupReferences', 'SecurityGroupReference'))
					out.push({
						groupId: str(item.SecurityGroupId),
						referencedBy: list(item, 'ReferencingSecurityGroups', 'ReferencingSecurityGroup').map((r) => ({
							groupId: str(r.SecurityGroupId),
							accountId: str(r.AliUid),
						})),
					});
			}
			return out;
		},
	};
}
