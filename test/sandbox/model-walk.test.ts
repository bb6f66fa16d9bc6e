// Every action the sandbox serves, called over HTTP with a signed request, and its answer walked against the
// official SDK's response model (names()/types(), recursively): no field the model lacks, no wrong JSON type,
// the nesting the model gives. The signer is a parameter: pop-core (V2), the official SDK with
// signatureAlgorithm v2, and the SDK's default signature V3.
import * as ecs from '@alicloud/ecs20140526';
import * as vpc from '@alicloud/vpc20160428';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ruleFields} from '../../source/sandbox/actions/rule-input.js';
import {type Sandbox, sandboxActions} from '../../source/sandbox/index.js';
import {ECS, start, VPC} from './helpers.js';
import {
	type Caller,
	caller,
	type Drift,
	type ModelClass,
	missingPaths,
	type Signer,
	walkModel,
} from './model-walk.js';

const SIGNERS: Signer[] = ['pop-core', 'sdk-v2', 'sdk-v3'];
const REGION = 'cn-hangzhou';

/** The body model of each action, by API version. */
const ecsModels: Record<string, ModelClass> = {
	DescribeRegions: ecs.DescribeRegionsResponseBody,
	DescribeAccountAttributes: ecs.DescribeAccountAttributesResponseBody,
	CreateSecurityGroup: ecs.CreateSecurityGroupResponseBody,
	DescribeSecurityGroups: ecs.DescribeSecurityGroupsResponseBody,
	DescribeSecurityGroupAttribute: ecs.DescribeSecurityGroupAttributeResponseBody,
	DeleteSecurityGroup: ecs.DeleteSecurityGroupResponseBody,
	DescribeSecurityGroupReferences: ecs.DescribeSecurityGroupReferencesResponseBody,
	AuthorizeSecurityGroup: ecs.AuthorizeSecurityGroupResponseBody,
	AuthorizeSecurityGroupEgress: ecs.AuthorizeSecurityGroupEgressResponseBody,
	RevokeSecurityGroup: ecs.RevokeSecurityGroupResponseBody,
	RevokeSecurityGroupEgress: ecs.RevokeSecurityGroupEgressResponseBody,
	ModifySecurityGroupRule: ecs.ModifySecurityGroupRuleResponseBody,
	ModifySecurityGroupEgressRule: ecs.ModifySecurityGroupEgressRuleResponseBody,
	DescribePrefixLists: ecs.DescribePrefixListsResponseBody,
	DescribePrefixListAttributes: ecs.DescribePrefixListAttributesResponseBody,
	DescribeInstances: ecs.DescribeInstancesResponseBody,
	JoinSecurityGroup: ecs.JoinSecurityGroupResponseBody,
	LeaveSecurityGroup: ecs.LeaveSecurityGroupResponseBody,
	DescribeVpcs: ecs.DescribeVpcsResponseBody,
};
const vpcModels: Record<string, ModelClass> = {DescribeVpcs: vpc.DescribeVpcsResponseBody};

/** Fields that must be there (the nesting a client reads), per action. */
const requiredPaths: Record<string, string[]> = {
	DescribeRegions: ['Regions.Region[].RegionId'],
	DescribeSecurityGroups: ['SecurityGroups.SecurityGroup[].SecurityGroupId', 'TotalCount'],
	DescribeSecurityGroupAttribute: [
		'Permissions.Permission[].SecurityGroupRuleId',
		'Permissions.Permission[].Priority',
		'Permissions.Permission[].Policy',
	],
	DescribePrefixLists: ['PrefixLists.PrefixList[].PrefixListId', 'PrefixLists.PrefixList[].AddressFamily'],
	DescribePrefixListAttributes: ['Entries.Entry[].Cidr'],
	DescribeInstances: ['Instances.Instance[].SecurityGroupIds.SecurityGroupId'],
	DescribeSecurityGroupReferences: [
		'SecurityGroupReferences.SecurityGroupReference[].ReferencingSecurityGroups.ReferencingSecurityGroup[].SecurityGroupId',
		'SecurityGroupReferences.SecurityGroupReference[].ReferencingSecurityGroups.ReferencingSecurityGroup[].AliUid',
	],
	DescribeVpcs: ['Vpcs.Vpc[].VpcId'],
	// The VPC API's answer carries the owner (a long); ECS's deprecated twin has no OwnerId at all.
	[`${VPC} DescribeVpcs`]: ['Vpcs.Vpc[].VpcId', 'Vpcs.Vpc[].OwnerId'],
};

/** `{Permissions: [{A: 1}]}` -> `Permissions.1.A=1`, the RPC form both clients send. */
function flat(params: Record<string, unknown>, prefix = ''): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, item] of Object.entries(params)) {
		const name = prefix === '' ? key : `${prefix}.${key}`;
		if (Array.isArray(item)) {
			item.forEach((entry, i) => {
				if (typeof entry === 'object' && entry !== null) {
					Object.assign(out, flat(entry as Record<string, unknown>, `${name}.${i + 1}`));
				} else out[`${name}.${i + 1}`] = String(entry);
			});
		} else out[name] = String(item);
	}
	return out;
}

type Walked = {action: string; version: string; drifts: Drift[]; missing: string[]};

/** One scenario touching every action, with rules of every peer kind, so the lists are not empty. */
async function scenario(call: Caller): Promise<Walked[]> {
	const walked: Walked[] = [];
	const run = async (action: string, params: Record<string, unknown> = {}, version = ECS) => {
		const body = (await call(action, version, flat(params))) as Record<string, unknown>;
		const model = (version === VPC ? vpcModels : ecsModels)[action];
		if (!model) throw new Error(`no model for ${action} ${version}`);
		walked.push({
			action,
			version,
			drifts: walkModel(model, body, ''),
			missing: missingPaths(body, [
				'RequestId',
				...(requiredPaths[`${version} ${action}`] ?? requiredPaths[action] ?? []),
			]),
		});
		return body;
	};
	await run('DescribeRegions');
	await run('DescribeAccountAttributes', {RegionId: REGION});
	const vpcs = await run('DescribeVpcs', {RegionId: REGION}, VPC);
	await run('DescribeVpcs', {RegionId: REGION});
	const vpcId = (vpcs.Vpcs as {Vpc: {VpcId: string}[]}).Vpc[0]?.VpcId as string;
	const app = (await run('CreateSecurityGroup', {RegionId: REGION, VpcId: vpcId, SecurityGroupName: 'app'}))
		.SecurityGroupId as string;
	const db = (await run('CreateSecurityGroup', {RegionId: REGION, VpcId: vpcId, SecurityGroupName: 'db'}))
		.SecurityGroupId as string;
	const lists = await run('DescribePrefixLists', {RegionId: REGION});
	const list = (lists.PrefixLists as {PrefixList: {PrefixListId: string}[]}).PrefixList[0]
		?.PrefixListId as string;
	await run('DescribePrefixListAttributes', {RegionId: REGION, PrefixListId: list});
	await run('AuthorizeSecurityGroup', {
		RegionId: REGION,
		SecurityGroupId: db,
		Permissions: [
			{IpProtocol: 'tcp', PortRange: '3306/3306', SourceGroupId: app, Description: 'app tier'},
			{IpProtocol: 'tcp', PortRange: '443/443', Ipv6SourceCidrIp: '2001:db8::/32'},
			{IpProtocol: 'tcp', PortRange: '22/22', SourcePrefixListId: list},
			{IpProtocol: 'all', PortRange: '-1/-1', SourceCidrIp: '0.0.0.0/0', Policy: 'drop', Priority: '100'},
		],
	});
	await run('AuthorizeSecurityGroupEgress', {
		RegionId: REGION,
		SecurityGroupId: db,
		Permissions: [
			{IpProtocol: 'udp', PortRange: '53/53', DestCidrIp: '10.0.0.2', Priority: '7'},
			{IpProtocol: 'tcp', PortRange: '443/443', DestGroupId: app},
		],
	});
	const attribute = await run('DescribeSecurityGroupAttribute', {RegionId: REGION, SecurityGroupId: db});
	const rules = (attribute.Permissions as {Permission: {SecurityGroupRuleId: string; Direction: string}[]})
		.Permission;
	const ingress = rules.find((r) => r.Direction === 'ingress')?.SecurityGroupRuleId as string;
	const egress = rules.find((r) => r.Direction === 'egress')?.SecurityGroupRuleId as string;
	await run('ModifySecurityGroupRule', {
		RegionId: REGION,
		SecurityGroupId: db,
		SecurityGroupRuleId: ingress,
		Priority: '5',
		Description: 'changed',
	});
	await run('ModifySecurityGroupEgressRule', {
		RegionId: REGION,
		SecurityGroupId: db,
		SecurityGroupRuleId: egress,
		Policy: 'drop',
	});
	await run('DescribeSecurityGroups', {RegionId: REGION, PageSize: '2'});
	await run('DescribeSecurityGroups', {RegionId: REGION, MaxResults: '2'});
	// db's rules reference app (inbound 3306 and outbound 443): app's answer names db.
	await run('DescribeSecurityGroupReferences', {RegionId: REGION, SecurityGroupId: [app]});
	const instances = await run('DescribeInstances', {RegionId: REGION});
	const instance = (instances.Instances as {Instance: {InstanceId: string}[]}).Instance[0]
		?.InstanceId as string;
	await run('JoinSecurityGroup', {RegionId: REGION, InstanceId: instance, SecurityGroupId: app});
	await run('LeaveSecurityGroup', {RegionId: REGION, InstanceId: instance, SecurityGroupId: app});
	await run('RevokeSecurityGroup', {RegionId: REGION, SecurityGroupId: db, SecurityGroupRuleId: [ingress]});
	await run('RevokeSecurityGroupEgress', {
		RegionId: REGION,
		SecurityGroupId: db,
		Permissions: [{IpProtocol: 'tcp', PortRange: '443/443', DestGroupId: app}],
	});
	await run('DeleteSecurityGroup', {RegionId: REGION, SecurityGroupId: db});
	return walked;
}

describe('the walk itself', () => {
	it('reports an extra field, a wrong type and a list outside its wrapper', () => {
		const drifts = walkModel(ecs.DescribeSecurityGroupAttributeResponseBody, {
			RequestId: 'x',
			MaxResults: 10,
			Permissions: {Permission: [{Priority: 1, Direction: 'ingress'}]},
		});
		expect(drifts.map((d) => d.path)).toEqual(['MaxResults', 'Permissions.Permission[0].Priority']);
		expect(walkModel(ecs.DescribeSecurityGroupAttributeResponseBody, {Permissions: []})[0]?.path).toBe(
			'Permissions',
		);
		expect(missingPaths({Vpcs: {Vpc: [{VpcId: 'v'}]}}, ['Vpcs.Vpc[].OwnerId'])).toEqual([
			'Vpcs.Vpc[].OwnerId',
		]);
	});

	it('knows a model for every action the sandbox serves', () => {
		for (const action of sandboxActions) expect(ecsModels[action] ?? vpcModels[action], action).toBeDefined();
	});

	it.each(['ingress', 'egress'] as const)(
		'takes exactly the %s rule fields of the SDK request model',
		(d) => {
			const model =
				d === 'ingress'
					? ecs.AuthorizeSecurityGroupRequestPermissions
					: ecs.AuthorizeSecurityGroupEgressRequestPermissions;
			expect([...ruleFields[d]].sort()).toEqual(Object.values(model.names()).sort());
		},
	);
});

describe.each(SIGNERS)('every response matches the SDK models (signed by %s)', (signer) => {
	let sandbox: Sandbox;
	let walked: Walked[] = [];
	beforeAll(async () => {
		sandbox = await start();
		walked = await scenario(caller(sandbox, signer));
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it('walked every action the sandbox serves, in both APIs', () => {
		const seen = new Set(walked.map((w) => `${w.version} ${w.action}`));
		for (const action of sandboxActions) {
			const version = action in ecsModels ? ECS : VPC;
			expect(seen.has(`${version} ${action}`), action).toBe(true);
		}
		expect(seen.has(`${VPC} DescribeVpcs`)).toBe(true);
	});

	it('no extra field, no wrong JSON type, nothing required missing', () => {
		const problems = walked.flatMap((w) => [
			...w.drifts.map((d) => `${w.version} ${w.action}: ${d.path} ${d.problem}`),
			...w.missing.map((path) => `${w.version} ${w.action}: ${path} is missing`),
		]);
		expect(problems).toEqual([]);
	});
});
