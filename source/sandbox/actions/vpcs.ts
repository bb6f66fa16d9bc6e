// DescribeVpcs (VPC 2016-04-28, and ECS's deprecated twin): filters, paging (PageSize at most 50), VPCs in
// the order of the state, each with the API's fields; OwnerId is a 64-bit integer written as a bare number.
import {ApiError} from '../api-error.js';
import {RawNumber} from '../json-raw.js';
import {booleanParam, pageParams, paginate, regionParam, value} from '../params.js';
import type {VpcRecord} from '../types.js';
import type {ActionHandler} from './context.js';

function vpcsPage(ctx: Parameters<ActionHandler>[0], params: Parameters<ActionHandler>[1]) {
	const region = regionParam(params);
	const ids = value(params, 'VpcId')
		?.split(',')
		.map((id) => id.trim())
		.filter((id) => id !== '');
	if (ids && ids.length > 20) {
		throw new ApiError(400, 'InvalidVpcIdNumber.NotSupported', 'The number of specified VpcIds exceeds 20.');
	}
	const name = value(params, 'VpcName');
	const isDefault = booleanParam(params, 'IsDefault');
	const resourceGroup = value(params, 'ResourceGroupId');
	const page = pageParams(params, 50, undefined);
	const matching = ctx.world.vpcs.filter(
		(vpc) =>
			vpc.RegionId === region &&
			(!ids || ids.includes(vpc.VpcId)) &&
			(name === undefined || vpc.VpcName === name) &&
			(isDefault === undefined || vpc.IsDefault === isDefault) &&
			(resourceGroup === undefined || vpc.ResourceGroupId === resourceGroup),
	);
	return paginate(matching, page);
}

/** The fields both DescribeVpcs (VPC's and ECS's deprecated twin) answer with, as their SDK models name them. */
const sharedFields = (vpc: VpcRecord) => ({
	VpcId: vpc.VpcId,
	VpcName: vpc.VpcName,
	CidrBlock: vpc.CidrBlock,
	Status: vpc.Status,
	IsDefault: vpc.IsDefault,
	Description: vpc.Description,
	RegionId: vpc.RegionId,
	CreationTime: vpc.CreationTime,
	VRouterId: vpc.VRouterId,
	VSwitchIds: {VSwitchId: [...vpc.VSwitchIds.VSwitchId]},
});

export const describeVpcs: ActionHandler = (ctx, params) => {
	const {slice, fields} = vpcsPage(ctx, params);
	const owner = new RawNumber(ctx.world.account.ownerId);
	return {
		...fields,
		Vpcs: {
			Vpc: slice.map((vpc) => ({
				...sharedFields(vpc),
				OwnerId: owner,
				ResourceGroupId: vpc.ResourceGroupId,
				Tags: {Tag: vpc.Tags.Tag.map((tag) => ({...tag}))},
				UserCidrs: {UserCidr: []},
				SecondaryCidrBlocks: {SecondaryCidrBlock: []},
				Ipv6CidrBlock: '',
				CenStatus: '',
				EnabledIpv6: false,
				DhcpOptionsSetId: '',
				DhcpOptionsSetStatus: '',
			})),
		},
	};
};

/** ECS's deprecated DescribeVpcs answers with fewer fields (its SDK model has neither OwnerId nor Tags). */
export const describeEcsVpcs: ActionHandler = (ctx, params) => {
	const {slice, fields} = vpcsPage(ctx, params);
	return {
		...fields,
		Vpcs: {
			Vpc: slice.map((vpc) => ({
				...sharedFields(vpc),
				UserCidrs: {UserCidr: []},
			})),
		},
	};
};
