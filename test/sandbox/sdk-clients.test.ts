// Issue 13's "done when", the protocol half: a sandbox started the way a user starts it (`node bin/ecs-sg.js
// sandbox --port 0`, its first stdout line read as JSON) accepts every action the product uses through the
// official SDK with its default signature (V3), the SDK told `signatureAlgorithm: 'v2'`, and pop-core with GET
// and with POST. Each client runs the whole life of a group: create, rules in and out, join, leave, delete.
import {type ChildProcess, spawn} from 'node:child_process';
import * as Sdk from '@alicloud/ecs20140526';
import RPCClient from '@alicloud/pop-core';
import {DescribeVpcsRequest as VpcDescribeVpcsRequest} from '@alicloud/vpc20160428';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cleanEnv} from '../helpers/env.js';
import {ecsClient, type Signing, type Target, vpcClient} from './sdk.js';

const BIN = new URL('../../bin/ecs-sg.js', import.meta.url).pathname;
const REGION = 'cn-hangzhou';
const ECS = '2014-05-26';
const VPC = '2016-04-28';
const START_TIMEOUT_MS = 10_000;
// Every action the product calls (source/cloud), DescribeVpcs on ECS's API and on VPC's.
const PRODUCT_ACTIONS = [
	'DescribeRegions',
	'DescribeVpcs',
	'CreateSecurityGroup',
	'AuthorizeSecurityGroup',
	'AuthorizeSecurityGroupEgress',
	'RevokeSecurityGroup',
	'RevokeSecurityGroupEgress',
	'DescribeSecurityGroups',
	'DescribeSecurityGroupAttribute',
	'DeleteSecurityGroup',
	'DescribeInstances',
	'JoinSecurityGroup',
	'LeaveSecurityGroup',
	'DescribeAccountAttributes',
	'ModifySecurityGroupRule',
	'ModifySecurityGroupEgressRule',
	'DescribePrefixLists',
];

let child: ChildProcess;
let target: Target;

/** Starts the CLI's sandbox and resolves to its first stdout line, parsed. */
function startSandboxCommand(): Promise<Target> {
	child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0'], {
		env: cleanEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	return new Promise((resolve, reject) => {
		let out = '';
		let err = '';
		const timer = setTimeout(
			() => reject(new Error(`no first line in time; stderr: ${err}`)),
			START_TIMEOUT_MS,
		);
		child.stderr?.on('data', (d) => {
			err += String(d);
		});
		child.stdout?.on('data', (d) => {
			out += String(d);
			const end = out.indexOf('\n');
			if (end < 0) return;
			clearTimeout(timer);
			resolve(JSON.parse(out.slice(0, end)) as Target);
		});
		child.on('exit', (code) => reject(new Error(`the sandbox exited (${code}): ${err}`)));
	});
}

beforeAll(async () => {
	target = await startSandboxCommand();
});
afterAll(async () => {
	if (child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await exited;
});

type Body = Record<string, unknown>;
type Rule = {IpProtocol: string; PortRange: string; Cidr: string};
/** One client, whatever it is, as the product's calls: each resolves to the response body in API names. */
type Caller = {
	call(action: string, params: Body): Promise<Body>;
	vpcs(): Promise<Body>;
};

const ingress = (rule: Rule) => ({
	IpProtocol: rule.IpProtocol,
	PortRange: rule.PortRange,
	SourceCidrIp: rule.Cidr,
	Policy: 'accept',
	Priority: '1',
});
const egress = (rule: Rule) => ({
	IpProtocol: rule.IpProtocol,
	PortRange: rule.PortRange,
	DestCidrIp: rule.Cidr,
	Policy: 'accept',
	Priority: '1',
});

function popCaller(method: 'GET' | 'POST'): Caller {
	const client = (version: string) =>
		new RPCClient({
			endpoint: target.endpoint,
			apiVersion: version,
			accessKeyId: target.accessKeyId,
			accessKeySecret: target.accessKeySecret,
		});
	const ecs = client(ECS);
	const vpc = client(VPC);
	return {
		call: (action, params) => ecs.request<Body>(action, params, {method, timeout: 5000}),
		vpcs: () => vpc.request<Body>('DescribeVpcs', {RegionId: REGION}, {method, timeout: 5000}),
	};
}

// The SDK's typed requests take camelCase fields; its responses are models, read back in API names (toMap).
const camel = (params: Body): Body =>
	Object.fromEntries(Object.entries(params).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v]));

function sdkCaller(signing: Signing): Caller {
	const ecs = ecsClient(target, signing);
	const vpc = vpcClient(target, signing);
	const permissions = (Kind: new (map: Body) => unknown, params: Body) =>
		(params.Permissions as Body[] | undefined)?.map((p) => new Kind(camel(p)));
	const typed = new Map<string, (params: Body) => Promise<{body?: {toMap(): Body}}>>([
		['DescribeRegions', (p) => ecs.describeRegions(new Sdk.DescribeRegionsRequest(camel(p)))],
		[
			'DescribeAccountAttributes',
			(p) => ecs.describeAccountAttributes(new Sdk.DescribeAccountAttributesRequest(camel(p))),
		],
		['DescribeVpcs', (p) => ecs.describeVpcs(new Sdk.DescribeVpcsRequest(camel(p)))],
		['CreateSecurityGroup', (p) => ecs.createSecurityGroup(new Sdk.CreateSecurityGroupRequest(camel(p)))],
		[
			'AuthorizeSecurityGroup',
			(p) =>
				ecs.authorizeSecurityGroup(
					new Sdk.AuthorizeSecurityGroupRequest({
						...camel(p),
						permissions: permissions(Sdk.AuthorizeSecurityGroupRequestPermissions, p),
					}),
				),
		],
		[
			'AuthorizeSecurityGroupEgress',
			(p) =>
				ecs.authorizeSecurityGroupEgress(
					new Sdk.AuthorizeSecurityGroupEgressRequest({
						...camel(p),
						permissions: permissions(Sdk.AuthorizeSecurityGroupEgressRequestPermissions, p),
					}),
				),
		],
		[
			'RevokeSecurityGroup',
			(p) =>
				ecs.revokeSecurityGroup(
					new Sdk.RevokeSecurityGroupRequest({
						...camel(p),
						permissions: permissions(Sdk.RevokeSecurityGroupRequestPermissions, p),
					}),
				),
		],
		[
			'RevokeSecurityGroupEgress',
			(p) =>
				ecs.revokeSecurityGroupEgress(
					new Sdk.RevokeSecurityGroupEgressRequest({
						...camel(p),
						permissions: permissions(Sdk.RevokeSecurityGroupEgressRequestPermissions, p),
					}),
				),
		],
		[
			'DescribeSecurityGroups',
			(p) => ecs.describeSecurityGroups(new Sdk.DescribeSecurityGroupsRequest(camel(p))),
		],
		[
			'DescribeSecurityGroupAttribute',
			(p) => ecs.describeSecurityGroupAttribute(new Sdk.DescribeSecurityGroupAttributeRequest(camel(p))),
		],
		['DeleteSecurityGroup', (p) => ecs.deleteSecurityGroup(new Sdk.DeleteSecurityGroupRequest(camel(p)))],
		['DescribeInstances', (p) => ecs.describeInstances(new Sdk.DescribeInstancesRequest(camel(p)))],
		['JoinSecurityGroup', (p) => ecs.joinSecurityGroup(new Sdk.JoinSecurityGroupRequest(camel(p)))],
		['LeaveSecurityGroup', (p) => ecs.leaveSecurityGroup(new Sdk.LeaveSecurityGroupRequest(camel(p)))],
		[
			'ModifySecurityGroupRule',
			(p) => ecs.modifySecurityGroupRule(new Sdk.ModifySecurityGroupRuleRequest(camel(p))),
		],
		[
			'ModifySecurityGroupEgressRule',
			(p) => ecs.modifySecurityGroupEgressRule(new Sdk.ModifySecurityGroupEgressRuleRequest(camel(p))),
		],
		['DescribePrefixLists', (p) => ecs.describePrefixLists(new Sdk.DescribePrefixListsRequest(camel(p)))],
	]);
	return {
		call: async (action, params) => {
			const send = typed.get(action);
			if (!send) throw new Error(`no typed SDK call for ${action}`);
			return (await send(params)).body?.toMap() ?? {};
		},
		vpcs: async () =>
			(await vpc.describeVpcs(new VpcDescribeVpcsRequest({regionId: REGION}))).body?.toMap() ?? {},
	};
}

const callers: [string, () => Caller][] = [
	['the official SDK, default settings (signature V3)', () => sdkCaller('v3')],
	["the official SDK with signatureAlgorithm: 'v2'", () => sdkCaller('v2')],
	['pop-core with GET', () => popCaller('GET')],
	['pop-core with POST', () => popCaller('POST')],
];

describe.each(callers)('%s', (name, make) => {
	it('is accepted for every action the product uses, in the order a user meets them', async () => {
		const api = make();
		const called = new Set<string>();
		const call = async (action: string, params: Body = {}): Promise<Body> => {
			const body = await api.call(action, params);
			expect(body.RequestId, action).toMatch(/^[0-9A-F-]{36}$/);
			called.add(action);
			return body;
		};
		const regions = await call('DescribeRegions');
		expect((regions.Regions as {Region: {RegionId: string}[]}).Region.map((r) => r.RegionId)).toContain(
			REGION,
		);
		const account = await call('DescribeAccountAttributes', {RegionId: REGION});
		expect(account.AccountAttributeItems).toBeDefined();
		const vpcs = await call('DescribeVpcs', {RegionId: REGION});
		expect((vpcs.Vpcs as {Vpc: unknown[]}).Vpc.length).toBeGreaterThan(0);
		expect(((await api.vpcs()).Vpcs as {Vpc: unknown[]}).Vpc.length).toBeGreaterThan(0);

		const instances = await call('DescribeInstances', {RegionId: REGION});
		const instance = (instances.Instances as {Instance: Body[]}).Instance[0] as Body;
		const vpcId = (instance.VpcAttributes as {VpcId: string}).VpcId;
		const instanceId = instance.InstanceId as string;

		const groupName = `sdk-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`;
		const created = await call('CreateSecurityGroup', {
			RegionId: REGION,
			VpcId: vpcId,
			SecurityGroupName: groupName,
		});
		const group = {RegionId: REGION, SecurityGroupId: created.SecurityGroupId as string};
		expect(group.SecurityGroupId).toMatch(/^sg-/);

		const ssh = {IpProtocol: 'tcp', PortRange: '22/22', Cidr: '10.0.0.0/8'};
		const https = {IpProtocol: 'tcp', PortRange: '443/443', Cidr: '0.0.0.0/0'};
		await call('AuthorizeSecurityGroup', {...group, Permissions: [ingress(ssh)]});
		await call('AuthorizeSecurityGroupEgress', {...group, Permissions: [egress(https)]});
		const listed = await call('DescribeSecurityGroups', {RegionId: REGION, VpcId: vpcId});
		const ids = (listed.SecurityGroups as {SecurityGroup: Body[]}).SecurityGroup.map(
			(g) => g.SecurityGroupId,
		);
		expect(ids).toContain(group.SecurityGroupId);
		const rules = async () =>
			((await call('DescribeSecurityGroupAttribute', group)).Permissions as {Permission: Body[]}).Permission;
		expect((await rules()).map((p) => [p.Direction, p.PortRange])).toEqual(
			expect.arrayContaining([
				['ingress', '22/22'],
				['egress', '443/443'],
			]),
		);

		// Edited in place by their SecurityGroupRuleId, as the rules screens do.
		const idOf = (direction: string) => async () =>
			(await rules()).find((p) => p.Direction === direction)?.SecurityGroupRuleId as string;
		await call('ModifySecurityGroupRule', {
			...group,
			SecurityGroupRuleId: await idOf('ingress')(),
			Priority: '5',
		});
		await call('ModifySecurityGroupEgressRule', {
			...group,
			SecurityGroupRuleId: await idOf('egress')(),
			Description: 'edited',
		});
		const edited = await rules();
		expect(edited.find((p) => p.PortRange === '22/22')?.Priority).toBe('5');
		expect(edited.find((p) => p.PortRange === '443/443')?.Description).toBe('edited');
		const lists = await call('DescribePrefixLists', {RegionId: REGION});
		expect((lists.PrefixLists as {PrefixList: Body[]}).PrefixList.length).toBeGreaterThan(0);

		await call('JoinSecurityGroup', {...group, InstanceId: instanceId});
		await call('LeaveSecurityGroup', {...group, InstanceId: instanceId});
		// The edited inbound rule (priority 5 now) is revoked by its id, as the product revokes a rule it has read.
		await call('RevokeSecurityGroup', {...group, SecurityGroupRuleId: [await idOf('ingress')()]});
		await call('RevokeSecurityGroupEgress', {...group, Permissions: [egress(https)]});
		const left = await rules();
		expect(left.filter((p) => p.PortRange === '22/22' || p.PortRange === '443/443')).toEqual([]);
		await call('DeleteSecurityGroup', group);

		expect([...called].sort()).toEqual([...PRODUCT_ACTIONS].sort());
	});
});
