// Shared by the follow-up e2e files: the wizard world (a sandbox in this process, pop-core straight at it), plus
// the follow-up commands in a pseudo-terminal or as plain processes, and pop-core readers of what they changed.
import type RPCClient from '@alicloud/pop-core';
import {runCli as runPlain} from '../helpers/cli.js';
import {type PtySession, sandboxEnv, startPty} from '../helpers/pty.js';
import type {World} from './wizard-helpers.js';

export function envOf(world: World, extra: Record<string, string | undefined> = {}) {
	return {...sandboxEnv(world.home, world.sandbox), ...extra};
}

/** `ecs-sg --lang en <command> --endpoint <sandbox> ...args` in an 80x24 pseudo-terminal. */
export function followup(
	world: World,
	command: 'rules' | 'instances',
	args: string[] = [],
	options: {lang?: 'en' | 'zh'; cols?: number; rows?: number} = {},
): PtySession {
	return startPty(['--lang', options.lang ?? 'en', command, '--endpoint', world.sandbox.endpoint, ...args], {
		env: envOf(world),
		cols: options.cols ?? 80,
		rows: options.rows ?? 24,
	});
}

export type Ran = {code: number | null; stdout: string; stderr: string};

/** The built CLI as a plain process (no terminal): the flags-only path. */
export const runCli = (
	world: World,
	args: string[],
	extraEnv: Record<string, string | undefined> = {},
): Promise<Ran> => runPlain(args, envOf(world, extraEnv));

type Permission = {
	Direction: string;
	IpProtocol: string;
	PortRange: string;
	SourceCidrIp: string;
	DestCidrIp: string;
	Policy: string;
	Priority: number;
	Description: string;
};

/** Every rule of a group as `direction proto ports cidr policy priority`, sorted (pop-core, not our adapter). */
export async function allRulesOf(ecs: RPCClient, regionId: string, groupId: string): Promise<string[]> {
	const answer = (await ecs.request(
		'DescribeSecurityGroupAttribute',
		{RegionId: regionId, SecurityGroupId: groupId, Direction: 'all'},
		{method: 'POST'},
	)) as {Permissions: {Permission: Permission[]}};
	return answer.Permissions.Permission.map(
		(p) =>
			`${p.Direction} ${p.IpProtocol.toLowerCase()} ${p.PortRange} ${p.Direction === 'ingress' ? p.SourceCidrIp : p.DestCidrIp} ${p.Policy.toLowerCase()} ${p.Priority}`,
	).sort();
}

type InstanceRecord = {
	InstanceId: string;
	InstanceName: string;
	SecurityGroupIds: {SecurityGroupId: string[]};
};

/** Instance id -> the groups it is in, for a region (pop-core). */
export async function groupsOfInstances(ecs: RPCClient, regionId: string): Promise<Record<string, string[]>> {
	const answer = (await ecs.request(
		'DescribeInstances',
		{RegionId: regionId, PageSize: 100},
		{method: 'POST'},
	)) as {Instances: {Instance: InstanceRecord[]}};
	return Object.fromEntries(
		answer.Instances.Instance.map((i) => [i.InstanceId, [...i.SecurityGroupIds.SecurityGroupId].sort()]),
	);
}

/** Creates a group with pop-core directly (the world a follow-up starts from). */
export async function makeGroup(
	ecs: RPCClient,
	regionId: string,
	vpcId: string,
	name: string,
	type: 'normal' | 'enterprise' = 'normal',
): Promise<string> {
	const answer = (await ecs.request(
		'CreateSecurityGroup',
		{RegionId: regionId, VpcId: vpcId, SecurityGroupName: name, SecurityGroupType: type},
		{method: 'POST'},
	)) as {SecurityGroupId: string};
	return answer.SecurityGroupId;
}

export const region = 'cn-hangzhou';
export const vpcId = 'vpc-bp1followup0000000001';
export const ids = {
	web: 'sg-bp1web00000000000001',
	db: 'sg-bp1db000000000000001',
	isolated: 'sg-bp1isolated000000001',
	web01: 'i-bp1web0100000000001',
	web02: 'i-bp1web0200000000001',
	db01: 'i-bp1db01000000000001',
	iso01: 'i-bp1iso01000000000001',
} as const;

const instance = (id: string, name: string, status: string, ip: string, groups: string[]) => ({
	InstanceId: id,
	InstanceName: name,
	Status: status,
	RegionId: region,
	VpcAttributes: {VpcId: vpcId, PrivateIpAddress: {IpAddress: [ip]}},
	SecurityGroupIds: {SecurityGroupId: groups},
});

/** One VPC in cn-hangzhou with three groups (web with two rules, db empty, an enterprise one) and four instances. */
export const followupState = {
	vpcs: [
		{
			VpcId: vpcId,
			VpcName: 'prod',
			CidrBlock: '10.0.0.0/16',
			RegionId: region,
			IsDefault: true,
			Status: 'Available',
			Description: '',
		},
	],
	securityGroups: [
		{
			SecurityGroupId: ids.web,
			RegionId: region,
			VpcId: vpcId,
			SecurityGroupName: 'web',
			SecurityGroupType: 'normal',
			Permissions: [
				{
					Direction: 'ingress',
					IpProtocol: 'TCP',
					PortRange: '22/22',
					SourceCidrIp: '0.0.0.0/0',
					Policy: 'Accept',
					Priority: 1,
				},
				{
					Direction: 'ingress',
					IpProtocol: 'TCP',
					PortRange: '80/80',
					SourceCidrIp: '0.0.0.0/0',
					Policy: 'Accept',
					Priority: 1,
				},
			],
		},
		{
			SecurityGroupId: ids.db,
			RegionId: region,
			VpcId: vpcId,
			SecurityGroupName: 'db',
			SecurityGroupType: 'normal',
		},
		{
			SecurityGroupId: ids.isolated,
			RegionId: region,
			VpcId: vpcId,
			SecurityGroupName: 'isolated',
			SecurityGroupType: 'enterprise',
		},
	],
	instances: [
		instance(ids.web01, 'web-01', 'Running', '10.0.0.5', [ids.web]),
		instance(ids.web02, 'web-02', 'Running', '10.0.0.6', [ids.web, ids.db]),
		instance(ids.db01, 'db-01', 'Stopped', '10.0.0.7', [ids.db]),
		instance(ids.iso01, 'iso-01', 'Running', '10.0.0.8', [ids.isolated]),
	],
};
