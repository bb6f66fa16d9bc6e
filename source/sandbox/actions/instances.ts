// DescribeInstances, JoinSecurityGroup and LeaveSecurityGroup. Error codes as the current ECS API reference
// lists them (InvalidInstanceId.Mismatch, InvalidOperation.MultiGroupType, InstanceSecurityGroupLimitExceeded,
// InvalidInstanceId.AlreadyExists, InstanceLastSecurityGroup, and since July 2024
// InvalidSecurityGroupAssociation.NotFound for leaving a group the instance is not in).
import {ApiError, regionNotFound} from '../api-error.js';
import {jsonIdList, type Params, pageParams, paginate, regionParam, value} from '../params.js';
import {isRegion} from '../regions.js';
import {maxGroupsPerInstance} from '../state-file.js';
import type {InstanceRecord} from '../types.js';
import type {ActionContext, ActionHandler} from './context.js';
import {groupParam, instanceParam} from './lookup.js';

export const describeInstances: ActionHandler = (ctx, params) => {
	const region = regionParam(params);
	const vpcId = value(params, 'VpcId');
	const groupId = value(params, 'SecurityGroupId');
	const ids = jsonIdList(params, 'InstanceIds', 100);
	const name = value(params, 'InstanceName');
	const status = value(params, 'Status');
	const zone = value(params, 'ZoneId');
	const network = value(params, 'InstanceNetworkType');
	const page = pageParams(params, 100, {maxResults: 100});
	const matching = ctx.world.instances.filter(
		(instance) =>
			instance.RegionId === region &&
			(vpcId === undefined || instance.VpcAttributes.VpcId === vpcId) &&
			(groupId === undefined || instance.SecurityGroupIds.SecurityGroupId.includes(groupId)) &&
			(ids === undefined || ids.includes(instance.InstanceId)) &&
			(name === undefined || instance.InstanceName === name) &&
			(status === undefined || instance.Status === status) &&
			(zone === undefined || instance.ZoneId === zone) &&
			(network === undefined || instance.InstanceNetworkType === network),
	);
	const {slice, fields} = paginate(matching, page);
	return {...fields, Instances: {Instance: slice.map((instance) => structuredClone(instance))}};
};

/**
 * What Join/LeaveSecurityGroup name: the group and the instance (RegionId is optional, since the instance knows
 * its region, but must be right when given; NetworkInterfaceId is not offered), and the instance's groups.
 */
function membership(ctx: ActionContext, params: Params) {
	const region = value(params, 'RegionId');
	if (region !== undefined && !isRegion(region)) throw regionNotFound();
	if (value(params, 'NetworkInterfaceId') !== undefined) {
		if (value(params, 'InstanceId') !== undefined) {
			throw new ApiError(
				403,
				'InvalidParam.EniIdAndInstanceId.Conflict',
				'InstanceId and NetworkInterfaceId cannot both be given.',
			);
		}
		throw new ApiError(404, 'InvalidEniId.NotFound', 'The specified NetworkInterfaceId does not exist.');
	}
	const group = groupParam(ctx.world, params, region);
	const instance = instanceParam(ctx.world, params, region);
	return {group, instance, current: instance.SecurityGroupIds.SecurityGroupId};
}

const canChangeGroups = (instance: InstanceRecord): boolean =>
	instance.Status === 'Running' || instance.Status === 'Stopped';

const incorrectStatus = (): ApiError =>
	new ApiError(
		403,
		'IncorrectInstanceStatus',
		'The current status of the resource does not support this operation.',
	);

export const joinSecurityGroup: ActionHandler = (ctx, params) => {
	const {group, instance, current} = membership(ctx, params);
	if (current.includes(group.SecurityGroupId)) {
		throw new ApiError(
			403,
			'InvalidInstanceId.AlreadyExists',
			'The specified instance already exists in the specified security group.',
		);
	}
	if (instance.RegionId !== group.RegionId || instance.VpcAttributes.VpcId !== group.VpcId) {
		throw new ApiError(
			400,
			'InvalidInstanceId.Mismatch',
			'Specified instance and security group are not in the same VPC.',
		);
	}
	if (!canChangeGroups(instance)) throw incorrectStatus();
	const others = current.map((id) => ctx.world.groups.find((g) => g.SecurityGroupId === id));
	if (others.some((other) => other && other.SecurityGroupType !== group.SecurityGroupType)) {
		throw new ApiError(
			400,
			'InvalidOperation.MultiGroupType',
			"The specified instance can't join different types of security group.",
		);
	}
	if (current.length >= maxGroupsPerInstance) {
		throw new ApiError(
			400,
			'InstanceSecurityGroupLimitExceeded',
			'Exceeding the allowed amount of security groups that an instance can be in.',
		);
	}
	current.push(group.SecurityGroupId);
	ctx.changed();
	return {};
};

export const leaveSecurityGroup: ActionHandler = (ctx, params) => {
	const {group, instance, current} = membership(ctx, params);
	if (!current.includes(group.SecurityGroupId)) {
		throw new ApiError(
			400,
			'InvalidSecurityGroupAssociation.NotFound',
			'The specified instance is not in the specified security group.',
		);
	}
	if (!canChangeGroups(instance)) throw incorrectStatus();
	if (current.length === 1) {
		throw new ApiError(
			403,
			'InstanceLastSecurityGroup',
			'The specified security group is the last security group for the instance.',
		);
	}
	current.splice(current.indexOf(group.SecurityGroupId), 1);
	ctx.changed();
	return {};
};
