// DescribePrefixLists and DescribePrefixListAttributes (ECS 2014-05-26): the region's prefix lists, paged by
// MaxResults (1-100, default 10) and NextToken only, with the fields of the SDK's response models.
import {ApiError, invalidParameter, missingParameter} from '../api-error.js';
import {nextToken, type Params, pageParams, regionParam, value} from '../params.js';
import type {PrefixListRecord, World} from '../types.js';
import type {ActionHandler} from './context.js';

const associations = (world: World, id: string): number =>
	world.groups.filter((group) =>
		group.Permissions.some((rule) => rule.SourcePrefixListId === id || rule.DestPrefixListId === id),
	).length;

function listIds(params: Params): string[] | undefined {
	const ids: string[] = [];
	for (const [name, raw] of Object.entries(params)) {
		const match = /^PrefixListId\.(\d+)$/.exec(name);
		if (!match) continue;
		if (!/^[1-9]\d*$/.test(match[1] ?? '') || Number(match[1]) > 100) {
			throw invalidParameter(name, 'PrefixListId.N counts from 1 to 100.');
		}
		if (raw !== '') ids.push(raw);
	}
	return ids.length > 0 ? ids : undefined;
}

export const describePrefixLists: ActionHandler = (ctx, params) => {
	const region = regionParam(params);
	const family = value(params, 'AddressFamily');
	if (family !== undefined && family !== 'IPv4' && family !== 'IPv6') {
		throw invalidParameter('AddressFamily', 'use IPv4 or IPv6.');
	}
	const ids = listIds(params);
	const name = value(params, 'PrefixListName');
	// Always token paging: this action has no PageNumber/PageSize.
	const page = pageParams({...params, MaxResults: value(params, 'MaxResults') ?? '10'}, 100, {
		maxResults: 100,
	});
	const offset = page.mode === 'token' ? page.offset : 0;
	const matching = ctx.world.prefixLists.filter(
		(list) =>
			list.RegionId === region &&
			(family === undefined || list.AddressFamily === family) &&
			(ids === undefined || ids.includes(list.PrefixListId)) &&
			(name === undefined || list.PrefixListName === name),
	);
	const end = offset + page.size;
	return {
		NextToken: end < matching.length ? nextToken(end) : '',
		PrefixLists: {
			PrefixList: matching.slice(offset, end).map((list) => ({
				PrefixListId: list.PrefixListId,
				PrefixListName: list.PrefixListName,
				AddressFamily: list.AddressFamily,
				MaxEntries: list.MaxEntries,
				Description: list.Description,
				CreationTime: list.CreationTime,
				ResourceGroupId: list.ResourceGroupId,
				AssociationCount: associations(ctx.world, list.PrefixListId),
				Tags: {Tag: []},
			})),
		},
	};
};

export const describePrefixListAttributes: ActionHandler = (ctx, params) => {
	const region = regionParam(params);
	const id = value(params, 'PrefixListId');
	if (id === undefined) throw missingParameter('PrefixListId');
	const list: PrefixListRecord | undefined = ctx.world.prefixLists.find(
		(l) => l.PrefixListId === id && l.RegionId === region,
	);
	if (!list) {
		throw new ApiError(404, 'InvalidPrefixListId.NotFound', 'The specified prefix list does not exist.');
	}
	return {
		PrefixListId: list.PrefixListId,
		PrefixListName: list.PrefixListName,
		AddressFamily: list.AddressFamily,
		MaxEntries: list.MaxEntries,
		Description: list.Description,
		CreationTime: list.CreationTime,
		Entries: {Entry: list.Entries.Entry.map((entry) => ({...entry}))},
	};
};
