// The adapter's calls that change something: CreateSecurityGroup, the rule calls (Authorize, Revoke, Modify, in
// both directions) and membership. Rules travel as Permissions.N.* in the API's names (domain/plan.ts ruleParams).
import type {ModifyRuleInput, RulesInput} from '../domain/model.js';
import {permissions, ruleParams} from '../domain/plan.js';
import {toCloudError} from './errors.js';
import {str} from './mappers.js';
import type {ParamObject} from './params.js';
import type {Json, Transport} from './pop-call.js';
import type {EcsApi} from './port.js';

type Writes = Pick<
	EcsApi,
	| 'createSecurityGroup'
	| 'authorizeSecurityGroup'
	| 'authorizeSecurityGroupEgress'
	| 'revokeSecurityGroup'
	| 'revokeSecurityGroupEgress'
	| 'modifySecurityGroupRule'
	| 'modifySecurityGroupEgressRule'
	| 'deleteSecurityGroup'
	| 'joinSecurityGroup'
	| 'leaveSecurityGroup'
>;

const result = (body: Json) => ({requestId: str(body.RequestId)});

/**
 * A revoke names its rules by SecurityGroupRuleId.N when every rule's id is known: Alibaba recommends it
 * ("We recommend that you specify the IDs of security group rules to delete the rules",
 * https://alibabacloud.com/help/en/ecs/api-revokesecuritygroup); otherwise by Permissions.N.* fields.
 */
export function revokeParams(input: RulesInput): ParamObject {
	const base = {RegionId: input.regionId, SecurityGroupId: input.groupId, ClientToken: input.clientToken};
	const ids = input.ruleIds;
	if (ids && ids.length > 0 && ids.length === input.rules.length) return {...base, SecurityGroupRuleId: ids};
	return {...base, Permissions: permissions(input.rules, input.nicType)};
}

/**
 * ModifySecurityGroupRule / ModifySecurityGroupEgressRule take the rule's fields at the top level (no
 * Permissions.N), with SecurityGroupRuleId naming the rule (ModifySecurityGroupRuleRequest in
 * @alicloud/ecs20140526; https://www.alibabacloud.com/help/id/ecs/api-modifysecuritygrouprule).
 */
export function modifyParams(input: ModifyRuleInput): ParamObject {
	return {
		RegionId: input.regionId,
		SecurityGroupId: input.groupId,
		SecurityGroupRuleId: input.ruleId,
		ClientToken: input.clientToken,
		...ruleParams(input.rule),
	};
}

export function writes({call}: Transport): Writes {
	const authorize = async (action: string, input: RulesInput) =>
		result(
			await call('ecs', action, input.regionId, {
				RegionId: input.regionId,
				SecurityGroupId: input.groupId,
				ClientToken: input.clientToken,
				Permissions: permissions(input.rules, input.nicType),
			}),
		);
	const revoke = async (action: string, input: RulesInput) =>
		result(await call('ecs', action, input.regionId, revokeParams(input)));
	const modify = async (action: string, input: ModifyRuleInput) =>
		result(await call('ecs', action, input.regionId, modifyParams(input)));
	const membership = async (action: string, regionId: string, groupId: string, instanceId: string) =>
		result(
			await call('ecs', action, regionId, {
				RegionId: regionId,
				SecurityGroupId: groupId,
				InstanceId: instanceId,
			}),
		);

	return {
		async createSecurityGroup(input) {
			const body = await call('ecs', 'CreateSecurityGroup', input.regionId, {
				RegionId: input.regionId,
				VpcId: input.vpcId,
				SecurityGroupName: input.name,
				Description: input.description,
				SecurityGroupType: input.type,
				ResourceGroupId: input.resourceGroupId,
				ClientToken: input.clientToken,
				Tag: input.tags.map((tag) => ({Key: tag.key, Value: tag.value})),
			});
			const groupId = str(body.SecurityGroupId);
			if (!groupId) throw toCloudError(new SyntaxError('no SecurityGroupId'), 'CreateSecurityGroup');
			return {...result(body), groupId};
		},
		authorizeSecurityGroup: (input) => authorize('AuthorizeSecurityGroup', input),
		authorizeSecurityGroupEgress: (input) => authorize('AuthorizeSecurityGroupEgress', input),
		revokeSecurityGroup: (input) => revoke('RevokeSecurityGroup', input),
		revokeSecurityGroupEgress: (input) => revoke('RevokeSecurityGroupEgress', input),
		modifySecurityGroupRule: (input) => modify('ModifySecurityGroupRule', input),
		modifySecurityGroupEgressRule: (input) => modify('ModifySecurityGroupEgressRule', input),
		async deleteSecurityGroup(regionId, groupId) {
			return result(
				await call('ecs', 'DeleteSecurityGroup', regionId, {RegionId: regionId, SecurityGroupId: groupId}),
			);
		},
		joinSecurityGroup: (regionId, groupId, instanceId) =>
			membership('JoinSecurityGroup', regionId, groupId, instanceId),
		leaveSecurityGroup: (regionId, groupId, instanceId) =>
			membership('LeaveSecurityGroup', regionId, groupId, instanceId),
	};
}
