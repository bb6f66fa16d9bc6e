// DescribeInstances, JoinSecurityGroup and LeaveSecurityGroup with the codes of the current API reference.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Sandbox} from '../../source/sandbox/index.js';
import {ask, pop, refusal, start, vpcState} from './helpers.js';

const group = (id: string, vpc: string, type = 'normal', region = 'cn-hangzhou') => ({
	SecurityGroupId: id,
	SecurityGroupName: id.slice(3),
	VpcId: vpc,
	RegionId: region,
	SecurityGroupType: type,
});
const instance = (id: string, groups: string[], extra: Record<string, unknown> = {}) => ({
	InstanceId: id,
	InstanceName: id.slice(2),
	RegionId: 'cn-hangzhou',
	ZoneId: 'cn-hangzhou-i',
	Status: 'Running',
	InstanceNetworkType: 'vpc',
	VpcAttributes: {VpcId: 'vpc-test0001', VSwitchId: 'vsw-1', PrivateIpAddress: {IpAddress: ['10.0.0.5']}},
	SecurityGroupIds: {SecurityGroupId: groups},
	...extra,
});

const state = vpcState({
	securityGroups: [
		group('sg-base', 'vpc-test0001'),
		group('sg-two', 'vpc-test0001'),
		group('sg-three', 'vpc-test0001'),
		group('sg-four', 'vpc-test0001'),
		group('sg-five', 'vpc-test0001'),
		group('sg-six', 'vpc-test0001'),
		group('sg-adv', 'vpc-test0001', 'enterprise'),
		group('sg-elsewhere', 'vpc-test0002'),
		group('sg-classic', ''),
		group('sg-shanghai', 'vpc-sh000001', 'normal', 'cn-shanghai'),
	],
	instances: [
		instance('i-web1', ['sg-base']),
		instance('i-web2', ['sg-base', 'sg-two'], {Status: 'Stopped'}),
		instance('i-busy', ['sg-base'], {Status: 'Starting'}),
		instance('i-old', ['sg-classic'], {InstanceNetworkType: 'classic', VpcAttributes: {}}),
	],
});

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await start({initialState: state});
});
afterEach(async () => {
	await sandbox.close();
});

type Instance = Record<string, unknown> & {InstanceId: string; SecurityGroupIds: {SecurityGroupId: string[]}};
const instancesOf = (answer: Record<string, unknown>) =>
	(answer.Instances as {Instance: Instance[]}).Instance;
const groupsOf = (id: string) =>
	((sandbox.snapshot().instances as Instance[]).find((i) => i.InstanceId === id) as Instance).SecurityGroupIds
		.SecurityGroupId;
const join = (instanceId: string, groupId: string, extra: Record<string, unknown> = {}) =>
	ask(pop(sandbox), 'JoinSecurityGroup', {
		RegionId: 'cn-hangzhou',
		InstanceId: instanceId,
		SecurityGroupId: groupId,
		...extra,
	});
const leave = (instanceId: string, groupId: string) =>
	ask(pop(sandbox), 'LeaveSecurityGroup', {
		RegionId: 'cn-hangzhou',
		InstanceId: instanceId,
		SecurityGroupId: groupId,
	});

describe('DescribeInstances', () => {
	it('returns instances as the API does, with VpcAttributes and SecurityGroupIds', async () => {
		const answer = await ask(pop(sandbox), 'DescribeInstances', {RegionId: 'cn-hangzhou'});
		expect(answer).toMatchObject({TotalCount: 4, PageNumber: 1, PageSize: 10});
		expect(Object.keys(instancesOf(answer)[0] ?? {}).slice(0, 2)).toEqual(['InstanceId', 'InstanceName']);
		expect(instancesOf(answer)[0]).toMatchObject({
			InstanceId: 'i-web1',
			InstanceName: 'web1',
			Status: 'Running',
			RegionId: 'cn-hangzhou',
			ZoneId: 'cn-hangzhou-i',
			InstanceNetworkType: 'vpc',
			VpcAttributes: {VpcId: 'vpc-test0001', VSwitchId: 'vsw-1', PrivateIpAddress: {IpAddress: ['10.0.0.5']}},
			SecurityGroupIds: {SecurityGroupId: ['sg-base']},
			InstanceType: expect.any(String),
			CreationTime: expect.any(String),
		});
	});

	it('filters by VpcId, SecurityGroupId and InstanceIds, and pages (PageSize up to 100)', async () => {
		const ids = async (filter: Record<string, unknown>) =>
			instancesOf(await ask(pop(sandbox), 'DescribeInstances', {RegionId: 'cn-hangzhou', ...filter})).map(
				(i) => i.InstanceId,
			);
		expect(await ids({SecurityGroupId: 'sg-two'})).toEqual(['i-web2']);
		expect(await ids({VpcId: 'vpc-test0001'})).toEqual(['i-web1', 'i-web2', 'i-busy']);
		expect(await ids({InstanceIds: JSON.stringify(['i-old', 'i-web1'])})).toEqual(['i-web1', 'i-old']);
		expect(await ids({PageSize: 100, PageNumber: 2})).toEqual([]);
		expect(await ids({PageSize: 3, PageNumber: 2})).toEqual(['i-old']);
		const first = await ask(pop(sandbox), 'DescribeInstances', {RegionId: 'cn-hangzhou', MaxResults: 3});
		expect(instancesOf(first)).toHaveLength(3);
		const rest = await ask(pop(sandbox), 'DescribeInstances', {
			RegionId: 'cn-hangzhou',
			NextToken: first.NextToken,
		});
		expect(instancesOf(rest).map((i) => i.InstanceId)).toEqual(['i-old']);
		expect(rest.NextToken).toBe('');
		expect(
			(await refusal(ask(pop(sandbox), 'DescribeInstances', {RegionId: 'cn-hangzhou', PageSize: 101}))).code,
		).toBe('InvalidParameter');
		expect(
			(await refusal(ask(pop(sandbox), 'DescribeInstances', {RegionId: 'cn-hangzhou', InstanceIds: '[1,2]'})))
				.code,
		).toBe('InvalidParameter');
	});
});

describe('JoinSecurityGroup', () => {
	it('adds the group to the instance', async () => {
		await join('i-web1', 'sg-two');
		expect(groupsOf('i-web1')).toEqual(['sg-base', 'sg-two']);
		const listed = await ask(pop(sandbox), 'DescribeSecurityGroups', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: 'sg-two',
		});
		expect((listed.SecurityGroups as {SecurityGroup: {EcsCount: number}[]}).SecurityGroup[0]?.EcsCount).toBe(
			2,
		);
	});

	it('works without RegionId (the instance knows its region)', async () => {
		await ask(pop(sandbox), 'JoinSecurityGroup', {InstanceId: 'i-web1', SecurityGroupId: 'sg-three'});
		expect(groupsOf('i-web1')).toContain('sg-three');
	});

	it.each([
		['i-web1', 'sg-base', 'InvalidInstanceId.AlreadyExists', 403],
		['i-web1', 'sg-elsewhere', 'InvalidInstanceId.Mismatch', 400],
		['i-old', 'sg-base', 'InvalidInstanceId.Mismatch', 400],
		['i-web1', 'sg-adv', 'InvalidOperation.MultiGroupType', 400],
		['i-busy', 'sg-two', 'IncorrectInstanceStatus', 403],
		['i-nobody', 'sg-two', 'InvalidInstanceId.NotFound', 404],
		['i-web1', 'sg-nothing', 'InvalidSecurityGroupId.NotFound', 404],
		['i-web1', 'sg-shanghai', 'InvalidSecurityGroupId.NotFound', 404],
		['web1', 'sg-two', 'InvalidInstanceId.Malformed', 400],
	])('refuses %s into %s with %s', async (instanceId, groupId, code, status) => {
		const before = sandbox.snapshot();
		expect(await refusal(join(instanceId, groupId))).toMatchObject({code, status});
		expect(sandbox.snapshot()).toEqual(before);
	});

	it('stops at five groups per instance', async () => {
		for (const id of ['sg-two', 'sg-three', 'sg-four', 'sg-five']) await join('i-web1', id);
		expect(groupsOf('i-web1')).toHaveLength(5);
		expect(await refusal(join('i-web1', 'sg-six'))).toMatchObject({
			code: 'InstanceSecurityGroupLimitExceeded',
			status: 400,
		});
	});

	it('needs InstanceId, and refuses a NetworkInterfaceId (no ENIs here)', async () => {
		expect(
			await refusal(
				ask(pop(sandbox), 'JoinSecurityGroup', {RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-two'}),
			),
		).toMatchObject({
			code: 'MissingParameter',
			status: 400,
		});
		expect((await refusal(join('i-web1', 'sg-two', {NetworkInterfaceId: 'eni-1'}))).code).toBe(
			'InvalidParam.EniIdAndInstanceId.Conflict',
		);
	});
});

describe('LeaveSecurityGroup', () => {
	it('removes the group from the instance', async () => {
		await leave('i-web2', 'sg-two');
		expect(groupsOf('i-web2')).toEqual(['sg-base']);
	});

	it('refuses the last group, a group it is not in, and a busy instance', async () => {
		expect(await refusal(leave('i-web1', 'sg-base'))).toMatchObject({
			code: 'InstanceLastSecurityGroup',
			status: 403,
		});
		expect(await refusal(leave('i-web1', 'sg-two'))).toMatchObject({
			code: 'InvalidSecurityGroupAssociation.NotFound',
			status: 400,
		});
		await join('i-web1', 'sg-two');
		expect(groupsOf('i-web1')).toEqual(['sg-base', 'sg-two']);
		expect(await refusal(leave('i-busy', 'sg-base'))).toMatchObject({
			code: 'IncorrectInstanceStatus',
			status: 403,
		});
	});

	it('a group with instances cannot be deleted until they leave', async () => {
		expect(
			await refusal(
				ask(pop(sandbox), 'DeleteSecurityGroup', {RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-two'}),
			),
		).toMatchObject({code: 'DependencyViolation', status: 403});
		await leave('i-web2', 'sg-two');
		await ask(pop(sandbox), 'DeleteSecurityGroup', {RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-two'});
	});
});
