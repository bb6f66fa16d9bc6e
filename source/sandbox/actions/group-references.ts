// DescribeSecurityGroupReferences (ECS 2014-05-26): which other groups' rules reference each asked group, the
// reason DeleteSecurityGroup answers DependencyViolation. "Queries the security groups that are referencing
// specific security groups ... If a security group cannot be deleted by calling the DeleteSecurityGroup
// operation, you can call the DescribeSecurityGroupReferences operation to check whether the security group is
// referenced by the rules of other security groups"
// (Elastic Compute Service: DescribeSecurityGroupReferences,
// https://alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-describesecuritygroupreferences).
// Request: RegionId, SecurityGroupId.N (N 1-10); answer, as DescribeSecurityGroupReferencesResponseBody in
// @alicloud/ecs20140526 names it: SecurityGroupReferences.SecurityGroupReference[] of {SecurityGroupId,
// ReferencingSecurityGroups.ReferencingSecurityGroup[] of {SecurityGroupId, AliUid}}.
import {missingParameter} from '../api-error.js';
import {numberedParams, regionParam} from '../params.js';
import type {ActionHandler} from './context.js';
import {groupParam, referencedBy} from './lookup.js';

const maxIds = 10;

export const describeSecurityGroupReferences: ActionHandler = (ctx, params) => {
	const {world} = ctx;
	const region = regionParam(params);
	const ids = [...new Set(numberedParams(params, 'SecurityGroupId', maxIds))];
	if (ids.length === 0) throw missingParameter('SecurityGroupId.N');
	const references = ids.map((id) => {
		// Each id is looked up as DescribeSecurityGroupAttribute does (malformed, or not in the region: refused).
		const group = groupParam(world, {SecurityGroupId: id}, region);
		return {
			SecurityGroupId: group.SecurityGroupId,
			ReferencingSecurityGroups: {
				ReferencingSecurityGroup: referencedBy(world, group.SecurityGroupId).map((other) => ({
					SecurityGroupId: other.SecurityGroupId,
					AliUid: String(world.account.ownerId),
				})),
			},
		};
	});
	return {SecurityGroupReferences: {SecurityGroupReference: references}};
};
