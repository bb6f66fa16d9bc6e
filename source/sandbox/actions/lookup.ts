// Finding the records an action names, with the API's refusals when they are missing or malformed.
import {ApiError, groupNotFound, instanceNotFound, missingParameter} from '../api-error.js';
import {type Params, value} from '../params.js';
import type {GroupRecord, InstanceRecord, World} from '../types.js';
import {idPatterns} from '../validate.js';

export function groupParam(
	world: World,
	params: Params,
	region: string | undefined,
	name = 'SecurityGroupId',
): GroupRecord {
	const id = value(params, name);
	if (id === undefined) throw missingParameter(name);
	if (!idPatterns.group.test(id)) {
		throw new ApiError(
			400,
			'InvalidSecurityGroupId.Malformed',
			`The specified parameter "${name}" is not valid.`,
		);
	}
	const group = world.groups.find((g) => g.SecurityGroupId === id);
	if (!group || (region !== undefined && group.RegionId !== region)) throw groupNotFound();
	return group;
}

export function instanceParam(world: World, params: Params, region: string | undefined): InstanceRecord {
	const id = value(params, 'InstanceId');
	if (id === undefined) throw missingParameter('InstanceId');
	if (!idPatterns.instance.test(id)) {
		throw new ApiError(
			400,
			'InvalidInstanceId.Malformed',
			'The specified parameter "InstanceId" is not valid.',
		);
	}
	const instance = world.instances.find((i) => i.InstanceId === id);
	if (!instance || (region !== undefined && instance.RegionId !== region)) throw instanceNotFound();
	return instance;
}

/** Groups that reference `groupId` in a rule (it cannot be deleted while they do). */
export const referencedBy = (world: World, groupId: string): GroupRecord[] =>
	world.groups.filter(
		(group) =>
			group.SecurityGroupId !== groupId &&
			group.Permissions.some((rule) => rule.SourceGroupId === groupId || rule.DestGroupId === groupId),
	);
