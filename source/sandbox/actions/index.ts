// The action table: (Version, Action) -> handler, 2014-05-26 being ECS and 2016-04-28 VPC. Lookups go through a
// Map, so names such as `constructor` or `__proto__` are simply not found.
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

const ecsVersion = '2014-05-26';
const vpcVersion = '2016-04-28';

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
	// Deprecated in ECS but still reachable there, like the real one; the VPC API's is the one to use.
	['DescribeVpcs', spec(describeEcsVpcs)],
]);

const vpc = new Map<string, ActionSpec>([['DescribeVpcs', spec(describeVpcs)]]);

/** Every action the sandbox answers, in either API (what a fault may name). */
export const allActionNames: readonly string[] = [...new Set([...ecs.keys(), ...vpc.keys()])];

export type Product = 'Ecs' | 'Vpc';

export const productOf = (version: string | undefined): Product => (version === vpcVersion ? 'Vpc' : 'Ecs');

export function findAction(version: string, action: string): ActionSpec | undefined {
	if (version === ecsVersion) return ecs.get(action);
	if (version === vpcVersion) return vpc.get(action);
	return undefined;
}
