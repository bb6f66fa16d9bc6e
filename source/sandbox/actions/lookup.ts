// Finding the records an action names, with the API's refusals when they are missing or malformed.
import {ApiError, missingParameter} from '../api-error.js';
import {type Params, value} from '../params.js';
import type {GroupRecord, World} from '../types.js';
import {idPatterns} from '../validate.js';

/** The record a parameter names by id: a malformed id is refused before an unknown one (or one of another region). */
function named<K extends 'SecurityGroupId' | 'InstanceId', T extends {RegionId: string} & Record<K, string>>(
	records: readonly T[],
	kind: K,
	params: Params,
	region: string | undefined,
): T {
	const id = value(params, kind);
	if (id === undefined) throw missingParameter(kind);
	if (!(kind === 'InstanceId' ? idPatterns.instance : idPatterns.group).test(id)) {
		throw new ApiError(400, `Invalid${kind}.Malformed`, `The specified parameter "${kind}" is not valid.`);
	}
	const found = records.find((record) => record[kind] === id);
	if (!found || (region !== undefined && found.RegionId !== region)) {
		throw new ApiError(404, `Invalid${kind}.NotFound`, `The specified ${kind} does not exist.`);
	}
	return found;
}

export const groupParam = (world: World, params: Params, region: string | undefined) =>
	named(world.groups, 'SecurityGroupId', params, region);

export const instanceParam = (world: World, params: Params, region: string | undefined) =>
	named(world.instances, 'InstanceId', params, region);

/** Groups that reference `groupId` in a rule (it cannot be deleted while they do). */
export const referencedBy = (world: World, groupId: string): GroupRecord[] =>
	world.groups.filter(
		(group) =>
			group.SecurityGroupId !== groupId &&
			group.Permissions.some((rule) => rule.SourceGroupId === groupId || rule.DestGroupId === groupId),
	);
