// CreateSecurityGroup, DescribeSecurityGroups, DescribeSecurityGroupAttribute and DeleteSecurityGroup, with
// the validation, quota and classic-network rules of reference §2.1-2.6 and §6.
import {ApiError} from '../api-error.js';
import {apiTime, newId} from '../ids.js';
import {jsonIdList, oneOf, pageParams, paginate, regionParam, tagsParam, value} from '../params.js';
import type {GroupRecord, PermissionRecord, World} from '../types.js';
import {descriptionProblem, idPatterns, nameProblem} from '../validate.js';
import type {ActionHandler} from './context.js';
import {groupParam, referencedBy} from './lookup.js';

/** A name or description: empty is the API's default, anything else must pass `problem`. */
function check(given: string, problem: (text: string) => string | undefined, code: string, what: string) {
	const why = given === '' ? undefined : problem(given);
	if (why) throw new ApiError(400, `${code}.Malformed`, `Specified ${what} is not valid: ${why}.`);
}

/** A group without VpcId is a classic one (enterprise groups and new accounts have none); a VPC must be usable. */
function checkNetwork(world: World, region: string, vpcId: string | undefined, type: string): void {
	if (vpcId === undefined) {
		if (type === 'enterprise') {
			throw new ApiError(
				400,
				'InvalidParams.VpcIdGroupType',
				'Only VPC instance supports enterprise level security group.',
			);
		}
		if (!world.account.classicRegions.includes(region)) {
			throw new ApiError(403, 'InvalidVpcId.NotFound', 'vpc id must not empty when only support vpc vm');
		}
	} else {
		const vpc = world.vpcs.find((v) => v.VpcId === vpcId && v.RegionId === region);
		if (!vpc) throw new ApiError(404, 'InvalidVpcId.NotFound', 'Specified VPC does not exist.');
		if (vpc.Status !== 'Available') {
			throw new ApiError(400, 'IncorrectVpcStatus', 'Current VPC status does not support this operation.');
		}
	}
}

export const createSecurityGroup: ActionHandler = (ctx, params) => {
	const {world} = ctx;
	const region = regionParam(params);
	const name = value(params, 'SecurityGroupName') ?? '';
	check(name, nameProblem, 'InvalidSecurityGroupName', 'security group name');
	const description = value(params, 'Description') ?? '';
	check(description, descriptionProblem, 'InvalidDescription', 'description');
	const type = value(params, 'SecurityGroupType') ?? 'normal';
	if (type !== 'normal' && type !== 'enterprise') {
		throw new ApiError(
			400,
			'InvalidParams.GroupType',
			'The specified SecurityGroupType is not valid: use normal or enterprise.',
		);
	}
	const resourceGroup = value(params, 'ResourceGroupId') ?? '';
	if (resourceGroup !== '' && !idPatterns.resourceGroup.test(resourceGroup)) {
		throw new ApiError(404, 'InvalidResourceGroup.NotFound', 'The specified resource group does not exist.');
	}
	const tags = tagsParam(params);
	const vpcId = value(params, 'VpcId');
	checkNetwork(world, region, vpcId, type);
	const inRegion = world.groups.filter((group) => group.RegionId === region).length;
	if (inRegion >= world.account.maxSecurityGroups) {
		throw new ApiError(403, 'QuotaExceed.SecurityGroup', 'The maximum number of security groups is reached.');
	}
	const taken = new Set(world.groups.map((group) => group.SecurityGroupId));
	const group: GroupRecord = {
		SecurityGroupId: newId('sg', region, (id) => taken.has(id)),
		SecurityGroupName: name,
		Description: description,
		VpcId: vpcId ?? '',
		RegionId: region,
		SecurityGroupType: type,
		InnerAccessPolicy: type === 'enterprise' ? 'Drop' : 'Accept',
		CreationTime: apiTime(ctx.now()),
		ResourceGroupId: resourceGroup,
		Tags: {Tag: tags.map((tag) => ({TagKey: tag.key, TagValue: tag.value}))},
		Permissions: [],
	};
	world.groups.push(group);
	ctx.changed();
	return {SecurityGroupId: group.SecurityGroupId};
};

const instanceCount = (world: World, groupId: string): number =>
	world.instances.filter((instance) => instance.SecurityGroupIds.SecurityGroupId.includes(groupId)).length;

/** Descending id order, as the API promises. */
const byIdDescending = (a: GroupRecord, b: GroupRecord): number =>
	a.SecurityGroupId < b.SecurityGroupId ? 1 : a.SecurityGroupId > b.SecurityGroupId ? -1 : 0;

export const describeSecurityGroups: ActionHandler = (ctx, params) => {
	const {world} = ctx;
	const region = regionParam(params);
	const vpcId = value(params, 'VpcId');
	const oneId = value(params, 'SecurityGroupId');
	const ids = jsonIdList(params, 'SecurityGroupIds', 100);
	const name = value(params, 'SecurityGroupName');
	const type = oneOf(params, 'SecurityGroupType', ['normal', 'enterprise'] as const);
	const network = oneOf(params, 'NetworkType', ['vpc', 'classic'] as const);
	const resourceGroup = value(params, 'ResourceGroupId');
	const tags = tagsParam(params, true);
	const page = pageParams(params, 50, {maxResults: 100});
	const matching = world.groups
		.filter(
			(group) =>
				group.RegionId === region &&
				(vpcId === undefined || group.VpcId === vpcId) &&
				(oneId === undefined || group.SecurityGroupId === oneId) &&
				(ids === undefined || ids.includes(group.SecurityGroupId)) &&
				(name === undefined || group.SecurityGroupName === name) &&
				(type === undefined || group.SecurityGroupType === type) &&
				(network === undefined || (network === 'vpc') === (group.VpcId !== '')) &&
				(resourceGroup === undefined || group.ResourceGroupId === resourceGroup) &&
				tags.every((tag) =>
					group.Tags.Tag.some((t) => t.TagKey === tag.key && (tag.value === '' || t.TagValue === tag.value)),
				),
		)
		.sort(byIdDescending);
	const {slice, fields} = paginate(matching, page);
	// The response model has no MaxResults: a token page answers with TotalCount and NextToken only.
	const {MaxResults: _echo, ...paging} = fields;
	return {
		RegionId: region,
		...paging,
		SecurityGroups: {
			SecurityGroup: slice.map((group) => ({
				SecurityGroupId: group.SecurityGroupId,
				SecurityGroupName: group.SecurityGroupName,
				Description: group.Description,
				VpcId: group.VpcId,
				SecurityGroupType: group.SecurityGroupType,
				CreationTime: group.CreationTime,
				ResourceGroupId: group.ResourceGroupId,
				Tags: {Tag: group.Tags.Tag.map((tag) => ({...tag}))},
				ServiceManaged: false,
				EcsCount: instanceCount(world, group.SecurityGroupId),
				AvailableInstanceAmount:
					(group.SecurityGroupType === 'enterprise' ? 65536 : 6000) -
					instanceCount(world, group.SecurityGroupId),
				RuleCount: group.Permissions.length,
				GroupToGroupRuleCount: group.Permissions.filter((r) => r.SourceGroupId !== '' || r.DestGroupId !== '')
					.length,
			})),
		},
	};
};

function permissionView(world: World, rule: PermissionRecord): Record<string, unknown> {
	const nameOf = (id: string): string =>
		id === '' ? '' : (world.groups.find((group) => group.SecurityGroupId === id)?.SecurityGroupName ?? '');
	const listName = (id: string): string =>
		id === '' ? '' : (world.prefixLists.find((list) => list.PrefixListId === id)?.PrefixListName ?? '');
	return {
		...rule,
		SourceGroupName: nameOf(rule.SourceGroupId),
		DestGroupName: nameOf(rule.DestGroupId),
		SourcePrefixListName: listName(rule.SourcePrefixListId),
		DestPrefixListName: listName(rule.DestPrefixListId),
		PortRangeListId: '',
		PortRangeListName: '',
		// A string on the wire: the SDK model (DescribeSecurityGroupAttributeResponseBodyPermissionsPermission) says so.
		Priority: String(rule.Priority),
	};
}

export const describeSecurityGroupAttribute: ActionHandler = (ctx, params) => {
	const region = regionParam(params);
	const group = groupParam(ctx.world, params, region);
	const direction = oneOf(params, 'Direction', ['ingress', 'egress', 'all'] as const) ?? 'all';
	const nicType = value(params, 'NicType');
	if (nicType !== undefined && nicType !== 'internet' && nicType !== 'intranet') {
		throw new ApiError(
			400,
			'InvalidNicType.ValueNotSupported',
			'The specified NicType is not supported: use internet or intranet.',
		);
	}
	// A classic group shows one NIC type per call (internet unless asked); a VPC group only has intranet rules.
	const shownNic = group.VpcId === '' ? (nicType ?? 'internet') : 'intranet';
	const rules = group.Permissions.filter(
		(rule) => (direction === 'all' || rule.Direction === direction) && rule.NicType === shownNic,
	);
	return {
		RegionId: group.RegionId,
		SecurityGroupId: group.SecurityGroupId,
		SecurityGroupName: group.SecurityGroupName,
		Description: group.Description,
		VpcId: group.VpcId,
		InnerAccessPolicy: group.InnerAccessPolicy,
		Permissions: {Permission: rules.map((rule) => permissionView(ctx.world, rule))},
	};
};

export const deleteSecurityGroup: ActionHandler = (ctx, params) => {
	const {world} = ctx;
	const region = regionParam(params);
	const group = groupParam(world, params, region);
	if (instanceCount(world, group.SecurityGroupId) > 0) {
		throw new ApiError(
			403,
			'DependencyViolation',
			'There is still instance(s) in the specified security group.',
		);
	}
	if (referencedBy(world, group.SecurityGroupId).length > 0) {
		throw new ApiError(
			403,
			'DependencyViolation',
			'The specified security group has been authorized in another one.',
		);
	}
	world.groups.splice(world.groups.indexOf(group), 1);
	ctx.changed();
	return {};
};
