// The action table: (Version, Action) -> handler. Lookups go through a Map, so names such as `constructor`
// or `__proto__` are simply not found.
import {ecsVersion, vpcVersion} from '../action-names.js';
import {describeAccountAttributes} from './account.js';
import type {ActionHandler} from './context.js';
import {describeSecurityGroupReferences} from './group-references.js';
import {
	createSecurityGroup,
	deleteSecurityGroup,
	describeSecurityGroupAttribute,
	describeSecurityGroups,
} from './groups.js';
import {describeInstances, joinSecurityGroup, leaveSecurityGroup} from './instances.js';
import {describePrefixListAttributes, describePrefixLists} from './prefix-lists.js';
import {describeRegions} from './regions.js';
import {modifySecurityGroupEgressRule, modifySecurityGroupRule} from './rule-modify.js';
import {
	authorizeSecurityGroup,
	authorizeSecurityGroupEgress,
	revokeSecurityGroup,
	revokeSecurityGroupEgress,
} from './rules.js';
import {describeEcsVpcs, describeVpcs} from './vpcs.js';

export type ActionSpec = {
	handler: ActionHandler;
	/** Takes a ClientToken: the same token and parameters give the first answer again. */
	idempotent: boolean;
};

const spec = (handler: ActionHandler, idempotent = false): ActionSpec => ({handler, idempotent});

const ecs = new Map<string, ActionSpec>([
	['DescribeRegions', spec(describeRegions)],
	['DescribeAccountAttributes', spec(describeAccountAttributes)],
	['CreateSecurityGroup', spec(createSecurityGroup, true)],
	['DescribeSecurityGroups', spec(describeSecurityGroups)],
	['DescribeSecurityGroupAttribute', spec(describeSecurityGroupAttribute)],
	['DeleteSecurityGroup', spec(deleteSecurityGroup)],
	['DescribeSecurityGroupReferences', spec(describeSecurityGroupReferences)],
	['AuthorizeSecurityGroup', spec(authorizeSecurityGroup, true)],
	['AuthorizeSecurityGroupEgress', spec(authorizeSecurityGroupEgress, true)],
	['RevokeSecurityGroup', spec(revokeSecurityGroup, true)],
	['RevokeSecurityGroupEgress', spec(revokeSecurityGroupEgress, true)],
	['ModifySecurityGroupRule', spec(modifySecurityGroupRule, true)],
	['ModifySecurityGroupEgressRule', spec(modifySecurityGroupEgressRule, true)],
	['DescribePrefixLists', spec(describePrefixLists)],
	['DescribePrefixListAttributes', spec(describePrefixListAttributes)],
	['DescribeInstances', spec(describeInstances)],
	['JoinSecurityGroup', spec(joinSecurityGroup)],
	['LeaveSecurityGroup', spec(leaveSecurityGroup)],
	['DescribeVpcs', spec(describeEcsVpcs)],
]);

const vpc = new Map<string, ActionSpec>([['DescribeVpcs', spec(describeVpcs)]]);

export type Product = 'Ecs' | 'Vpc';

export const productOf = (version: string | undefined): Product => (version === vpcVersion ? 'Vpc' : 'Ecs');

export function findAction(version: string, action: string): ActionSpec | undefined {
	if (version === ecsVersion) return ecs.get(action);
	if (version === vpcVersion) return vpc.get(action);
	return undefined;
}
