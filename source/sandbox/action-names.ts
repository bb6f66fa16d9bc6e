// Every action the sandbox answers, by API version (2014-05-26 is ECS, 2016-04-28 is VPC).

export const ecsVersion = '2014-05-26';
export const vpcVersion = '2016-04-28';

export const ecsActions = [
	'DescribeRegions',
	'DescribeAccountAttributes',
	'CreateSecurityGroup',
	'DescribeSecurityGroups',
	'DescribeSecurityGroupAttribute',
	'DeleteSecurityGroup',
	'AuthorizeSecurityGroup',
	'AuthorizeSecurityGroupEgress',
	'RevokeSecurityGroup',
	'RevokeSecurityGroupEgress',
	'ModifySecurityGroupRule',
	'ModifySecurityGroupEgressRule',
	'DescribePrefixLists',
	'DescribePrefixListAttributes',
	'DescribeInstances',
	'JoinSecurityGroup',
	'LeaveSecurityGroup',
	// Deprecated in ECS but still reachable there, like the real one; the VPC API's is the one to use.
	'DescribeVpcs',
] as const;

export const vpcActions = ['DescribeVpcs'] as const;

export const allActionNames: readonly string[] = [...new Set<string>([...ecsActions, ...vpcActions])];
