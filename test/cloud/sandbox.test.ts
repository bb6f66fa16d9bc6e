// The adapter against the real sandbox (signature V2, real error codes, injected faults): every port method's
// success path, each retryable fault recovering within the retry budget, and a non-retryable one failing at once.
import {afterEach, describe, expect, it} from 'vitest';
import {CloudError} from '../../source/cloud/errors.js';
import {type AdapterOptions, createEcsApi, type PopEcsApi} from '../../source/cloud/pop-adapter.js';
import type {RetryEvent} from '../../source/cloud/port.js';
import type {Rule} from '../../source/domain/model.js';
import {
	type FaultSpec,
	type Sandbox,
	type SandboxStateFile,
	startSandbox,
} from '../../source/sandbox/index.js';

let sandbox: Sandbox | undefined;
let api: PopEcsApi | undefined;

async function open(
	options: {faults?: FaultSpec[]; initialState?: SandboxStateFile} = {},
	adapter: Partial<AdapterOptions> = {},
) {
	sandbox = await startSandbox({port: 0, ...options});
	api = createEcsApi({
		credentials: {accessKeyId: sandbox.accessKeyId, accessKeySecret: sandbox.accessKeySecret},
		endpoint: sandbox.endpoint,
		retry: {tries: 4, baseDelayMs: 1, maxDelayMs: 5},
		timeoutMs: 2000,
		...adapter,
	});
	return {sandbox, api};
}

afterEach(async () => {
	api?.close();
	await sandbox?.close();
	sandbox = undefined;
	api = undefined;
});

const ssh: Rule = {
	direction: 'ingress',
	protocol: 'tcp',
	portRange: '22/22',
	peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
	policy: 'accept',
	priority: 1,
	description: 'ssh',
};

describe('adapter against the sandbox: success paths', () => {
	it('lists regions in both languages and the VPCs of a region', async () => {
		const {api} = await open();
		const en = await api.describeRegions({language: 'en-US'});
		const zh = await api.describeRegions({language: 'zh-CN'});
		expect(en.length).toBeGreaterThan(5);
		const hangzhou = en.find((r) => r.id === 'cn-hangzhou');
		expect(hangzhou?.endpoint).toMatch(/aliyuncs\.com$/);
		expect(zh.find((r) => r.id === 'cn-hangzhou')?.localName).not.toBe(hangzhou?.localName);
		const vpcs = await api.describeVpcs('cn-hangzhou');
		expect(vpcs.length).toBeGreaterThanOrEqual(3);
		expect(vpcs.filter((v) => v.isDefault)).toHaveLength(1);
		expect(vpcs.every((v) => v.regionId === 'cn-hangzhou' && v.id.startsWith('vpc-'))).toBe(true);
	});

	it('reads every page of 1,000 VPCs, in order', async () => {
		const vpcs = Array.from({length: 1000}, (_, i) => ({
			VpcId: `vpc-bp1page${String(i).padStart(4, '0')}`,
			VpcName: `vpc-${i}`,
			CidrBlock: '10.0.0.0/16',
			RegionId: 'cn-hangzhou',
		}));
		const {api} = await open({initialState: {vpcs}});
		const progress: number[] = [];
		const listed = await api.describeVpcs('cn-hangzhou', {onProgress: (loaded) => progress.push(loaded)});
		expect(listed).toHaveLength(1000);
		expect(new Set(listed.map((v) => v.id)).size).toBe(1000);
		expect(progress.at(-1)).toBe(1000);
		expect(progress).toHaveLength(20);
	});

	it('creates a group, authorizes rules, reads it back, moves instances in and out, and deletes it', async () => {
		const {api} = await open();
		const vpc = (await api.describeVpcs('cn-hangzhou')).find((v) => v.isDefault);
		expect(vpc).toBeDefined();
		const account = await api.describeAccountAttributes('cn-hangzhou');
		expect(account.networkTypes).toContain('vpc');

		const created = await api.createSecurityGroup({
			regionId: 'cn-hangzhou',
			vpcId: vpc?.id,
			name: 'web-sg',
			description: 'Web servers',
			type: 'normal',
			tags: [{key: 'env', value: 'dev'}],
			clientToken: 'adapter-test-token-1',
		});
		expect(created.groupId).toMatch(/^sg-/);
		expect(created.requestId).not.toBe('');

		await api.authorizeSecurityGroup({
			regionId: 'cn-hangzhou',
			groupId: created.groupId,
			nicType: 'intranet',
			clientToken: 'adapter-test-token-2',
			rules: [
				ssh,
				{
					...ssh,
					protocol: 'icmp',
					portRange: '-1/-1',
					peer: {kind: 'ipv4', cidr: '0.0.0.0/0'},
					description: undefined,
				},
			],
		});
		await api.authorizeSecurityGroupEgress({
			regionId: 'cn-hangzhou',
			groupId: created.groupId,
			nicType: 'intranet',
			rules: [{...ssh, direction: 'egress', policy: 'drop', priority: 50, description: undefined}],
		});

		const detail = await api.describeSecurityGroupAttribute('cn-hangzhou', created.groupId);
		expect(detail).toMatchObject({id: created.groupId, name: 'web-sg', vpcId: vpc?.id, type: 'normal'});
		expect(detail.tags).toEqual([{key: 'env', value: 'dev'}]);
		expect(detail.rules).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					direction: 'ingress',
					protocol: 'tcp',
					portRange: '22/22',
					peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
				}),
				expect.objectContaining({direction: 'ingress', protocol: 'icmp', portRange: '-1/-1'}),
				expect.objectContaining({direction: 'egress', policy: 'drop', priority: 50}),
			]),
		);

		await api.revokeSecurityGroup({
			regionId: 'cn-hangzhou',
			groupId: created.groupId,
			nicType: 'intranet',
			rules: [ssh],
		});
		await api.revokeSecurityGroupEgress({
			regionId: 'cn-hangzhou',
			groupId: created.groupId,
			nicType: 'intranet',
			rules: [{...ssh, direction: 'egress', policy: 'drop', priority: 50, description: undefined}],
		});
		const after = await api.describeSecurityGroupAttribute('cn-hangzhou', created.groupId);
		expect(after.rules.map((r) => `${r.direction}:${r.protocol}`)).toEqual(['ingress:icmp']);

		const groups = await api.describeSecurityGroups('cn-hangzhou', {vpcId: vpc?.id});
		expect(groups.map((g) => g.id)).toContain(created.groupId);
		expect(await api.describeSecurityGroups('cn-hangzhou', {groupIds: [created.groupId]})).toHaveLength(1);
		expect(await api.describeSecurityGroups('cn-hangzhou', {name: 'web-sg'})).toHaveLength(1);

		const instances = await api.describeInstances('cn-hangzhou', {vpcId: vpc?.id});
		expect(instances.length).toBeGreaterThan(0);
		const instance = instances[0];
		if (!instance) throw new Error('the seed has instances in cn-hangzhou');
		await api.joinSecurityGroup('cn-hangzhou', created.groupId, instance.id);
		const members = await api.describeInstances('cn-hangzhou', {securityGroupId: created.groupId});
		expect(members.map((i) => i.id)).toEqual([instance.id]);
		expect(members[0]?.securityGroupIds).toContain(created.groupId);
		expect((await api.describeInstances('cn-hangzhou', {instanceIds: [instance.id]}))[0]?.id).toBe(
			instance.id,
		);
		await api.leaveSecurityGroup('cn-hangzhou', created.groupId, instance.id);
		expect(await api.describeInstances('cn-hangzhou', {securityGroupId: created.groupId})).toEqual([]);

		await api.deleteSecurityGroup('cn-hangzhou', created.groupId);
		const gone = await api.describeSecurityGroupAttribute('cn-hangzhou', created.groupId).catch((e) => e);
		expect(gone).toBeInstanceOf(CloudError);
		expect(gone.kind).toBe('group-not-found');
	});
});

describe('adapter against the sandbox: faults', () => {
	const kinds: {kind: FaultSpec['kind']; code: string}[] = [
		{kind: 'throttle', code: 'Throttling.User'},
		{kind: 'unavailable', code: 'ServiceUnavailable'},
		{kind: 'internal', code: 'InternalError'},
		{kind: 'reset', code: 'ECONNRESET'},
		{kind: 'hang', code: 'RequestTimeout'},
	];
	for (const {kind, code} of kinds) {
		it(`recovers from ${kind} (twice) within the retry budget`, async () => {
			const {api} = await open({faults: [{action: 'DescribeVpcs', kind, count: 2}]}, {timeoutMs: 250});
			const events: RetryEvent[] = [];
			api.onRetry((event) => events.push(event));
			const vpcs = await api.describeVpcs('cn-hangzhou');
			expect(vpcs.length).toBeGreaterThan(0);
			expect(events.map((e) => [e.action, e.attempt, e.code])).toEqual([
				['DescribeVpcs', 2, code],
				['DescribeVpcs', 3, code],
			]);
		});
	}

	it('a lost CreateSecurityGroup answer is retried with the same ClientToken and makes one group', async () => {
		const {api} = await open({faults: [{action: 'CreateSecurityGroup', kind: 'lose', count: 1}]});
		const vpc = (await api.describeVpcs('cn-hangzhou'))[0];
		const created = await api.createSecurityGroup({
			regionId: 'cn-hangzhou',
			vpcId: vpc?.id,
			name: 'lost-answer',
			type: 'normal',
			tags: [],
			clientToken: 'lost-answer-token',
		});
		const named = await api.describeSecurityGroups('cn-hangzhou', {name: 'lost-answer'});
		expect(named.map((g) => g.id)).toEqual([created.groupId]);
	});

	it('gives up on a fault that outlasts the budget, saying so', async () => {
		const {api} = await open({faults: [{action: 'DescribeRegions', kind: 'throttle', count: 10}]});
		const error = await api.describeRegions().catch((e) => e);
		expect(error).toBeInstanceOf(CloudError);
		expect(error).toMatchObject({kind: 'throttled', code: 'Throttling.User', status: 400});
		expect(error.sentence).toContain('4 tries');
	});

	it('fails at once on a refusal that is not retryable', async () => {
		const {api} = await open();
		const events: RetryEvent[] = [];
		api.onRetry((event) => events.push(event));
		const error = await api
			.createSecurityGroup({
				regionId: 'cn-hangzhou',
				vpcId: 'vpc-bp1doesnotexist000000',
				name: 'orphan',
				type: 'normal',
				tags: [],
				clientToken: 'orphan-token',
			})
			.catch((e) => e);
		expect(error).toBeInstanceOf(CloudError);
		expect(error.kind).toBe('vpc-not-found');
		expect(error.details.retryable).toBe(false);
		expect(events).toEqual([]);
	});

	it('reports a wrong secret and a wrong key id as such', async () => {
		const {sandbox} = await open();
		const wrongSecret = createEcsApi({
			credentials: {accessKeyId: sandbox.accessKeyId, accessKeySecret: 'not-the-secret-at-all'},
			endpoint: sandbox.endpoint,
		});
		const secretError = await wrongSecret.describeRegions().catch((e) => e);
		wrongSecret.close();
		expect(secretError).toMatchObject({kind: 'bad-secret', code: 'SignatureDoesNotMatch'});
		expect(JSON.stringify(secretError) + secretError.sentence + secretError.next).not.toMatch(
			/not-the-secret-at-all|string to sign is:\S/,
		);

		const wrongKey = createEcsApi({
			credentials: {accessKeyId: 'LTAInobody', accessKeySecret: sandbox.accessKeySecret},
			endpoint: sandbox.endpoint,
		});
		const keyError = await wrongKey.describeRegions().catch((e) => e);
		wrongKey.close();
		expect(keyError).toMatchObject({kind: 'bad-key', code: 'InvalidAccessKeyId.NotFound'});
	});
});
