// DescribePrefixLists and DescribePrefixListAttributes (ECS 2014-05-26): the region's prefix lists, paged by
// MaxResults (1-100, default 10) and NextToken only, with the fields of the SDK's response models.
import {ApiError, invalidParameter, missingParameter} from '../api-error.js';
import {numberedParams, pageParams, paginate, regionParam, value} from '../params.js';
import type {PrefixListRecord, World} from '../types.js';
import type {ActionHandler} from './context.js';

const associations = (world: World, id: string): number =>
	world.groups.filter((group) =>
		group.Permissions.some((rule) => rule.SourcePrefixListId === id || rule.DestPrefixListId === id),
	).length;

/** The fields both answers have, as their SDK models name them. */
const sharedFields = (list: PrefixListRecord) => ({
	PrefixListId: list.PrefixListId,
	PrefixListName: list.PrefixListName,
	AddressFamily: list.AddressFamily,
	MaxEntries: list.MaxEntries,
	Description: list.Description,
	CreationTime: list.CreationTime,
});

export const describePrefixLists: ActionHandler = (ctx, params) => {
	const region = regionParam(params);
	const family = value(params, 'AddressFamily');
	if (family !== undefined && family !== 'IPv4' && family !== 'IPv6') {
		throw invalidParameter('AddressFamily', 'use IPv4 or IPv6.');
	}
	const ids = numberedParams(params, 'PrefixListId', 100);
	const name = value(params, 'PrefixListName');
	// Always token paging: this action has no PageNumber/PageSize.
	const page = pageParams({...params, MaxResults: value(params, 'MaxResults') ?? '10'}, 100, {
		maxResults: 100,
	});
	const matching = ctx.world.prefixLists.filter(
		(list) =>
			list.RegionId === region &&
			(family === undefined || list.AddressFamily === family) &&
			(ids.length === 0 || ids.includes(list.PrefixListId)) &&
			(name === undefined || list.PrefixListName === name),
	);
	const {slice, fields} = paginate(matching, page);
	return {
		NextToken: fields.NextToken,
		PrefixLists: {
			PrefixList: slice.map((list) => ({
				...sharedFields(list),
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
	const list = ctx.world.prefixLists.find((l) => l.PrefixListId === id && l.RegionId === region);
	if (!list) {
		throw new ApiError(404, 'InvalidPrefixListId.NotFound', 'The specified prefix list does not exist.');
	}
	return {
		...sharedFields(list),
		Entries: {Entry: list.Entries.Entry.map((entry) => ({...entry}))},
	};
};
