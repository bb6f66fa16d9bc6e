// The state file: seeding, atomic 0600 writes, restarts that keep groups, keys and ClientTokens, and
// malformed files refused with a clear problem and left byte-for-byte untouched.
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type Sandbox, SandboxStateError, startSandbox} from '../../source/sandbox/index.js';
import {ask, firstVpc, type PopError, pop, start, VPC, vpcState} from './helpers.js';

let folder: string;
let file: string;
const open: Sandbox[] = [];
const launch = async (options: Parameters<typeof startSandbox>[0]) => {
	const sandbox = await startSandbox(options);
	open.push(sandbox);
	return sandbox;
};

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
	file = join(folder, 'state.json');
});
afterEach(async () => {
	for (const sandbox of open.splice(0)) await sandbox.close();
	rmSync(folder, {recursive: true, force: true});
});

const read = () =>
	JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown[]> & {
		credentials?: Record<string, string>;
	};

describe('a missing state file', () => {
	it('is seeded (a default VPC and more per region, instances in a few) and written with mode 0600', async () => {
		const sandbox = await launch({statePath: file});
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const state = read();
		expect(state.credentials).toEqual({
			accessKeyId: sandbox.accessKeyId,
			accessKeySecret: sandbox.accessKeySecret,
		});
		const vpcs = state.vpcs as {RegionId: string; VpcName: string; IsDefault: boolean}[];
		const hangzhou = vpcs.filter((v) => v.RegionId === 'cn-hangzhou');
		expect(hangzhou.map((v) => v.VpcName)).toEqual(['default-vpc', 'prod', 'staging']);
		expect(hangzhou.filter((v) => v.IsDefault)).toHaveLength(1);
		expect(new Set(vpcs.map((v) => v.RegionId)).size).toBeGreaterThan(20);
		expect((state.instances as unknown[]).length).toBeGreaterThanOrEqual(2);
		expect(readdirSync(folder)).toEqual(['state.json']);
	});

	it('gets the same seeded ids on every machine (only the keys are random)', async () => {
		const one = await launch({statePath: file});
		const other = await launch({});
		const ids = (s: Sandbox) => (s.snapshot().vpcs as {VpcId: string}[]).map((v) => v.VpcId);
		expect(ids(one)).toEqual(ids(other));
		expect(one.accessKeyId).not.toBe(other.accessKeyId);
	});

	it('creates the folders on the way', async () => {
		const deep = join(folder, 'a', 'b', 'state.json');
		await launch({statePath: deep});
		expect(statSync(deep).isFile()).toBe(true);
	});
});

describe('restarts', () => {
	it('keep groups, rules and keys', async () => {
		const first = await launch({statePath: file});
		const vpcId = await firstVpc(first);
		const created = await ask(pop(first), 'CreateSecurityGroup', {
			RegionId: 'cn-hangzhou',
			VpcId: vpcId,
			SecurityGroupName: 'kept',
		});
		await ask(pop(first), 'AuthorizeSecurityGroup', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: created.SecurityGroupId,
			Permissions: [{IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8'}],
		});
		await first.close();
		const second = await launch({statePath: file});
		expect(second.accessKeyId).toBe(first.accessKeyId);
		expect(second.accessKeySecret).toBe(first.accessKeySecret);
		const attribute = await ask(pop(second), 'DescribeSecurityGroupAttribute', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: created.SecurityGroupId,
		});
		expect(attribute.SecurityGroupName).toBe('kept');
		expect((attribute.Permissions as {Permission: unknown[]}).Permission).toHaveLength(1);
	});

	it('answer a ClientToken seen before the restart (a lost response, then a resume)', async () => {
		const first = await launch({
			statePath: file,
			initialState: vpcState(),
			faults: [{action: 'CreateSecurityGroup', kind: 'lose', count: 1}],
		});
		const params = {RegionId: 'cn-hangzhou', VpcId: 'vpc-test0001', ClientToken: 'resume-me'};
		await expect(ask(pop(first), 'CreateSecurityGroup', params)).rejects.toThrow();
		await first.close();
		const second = await launch({statePath: file});
		const retry = await ask(pop(second), 'CreateSecurityGroup', params);
		const groups = second.snapshot().securityGroups as {SecurityGroupId: string}[];
		expect(groups).toHaveLength(1);
		expect(retry.SecurityGroupId).toBe(groups[0]?.SecurityGroupId);
	});

	it('a file without credentials gets new random keys each start and keeps them out of the file', async () => {
		writeFileSync(file, JSON.stringify(vpcState()));
		const first = await launch({statePath: file});
		await ask(pop(first), 'CreateSecurityGroup', {RegionId: 'cn-hangzhou', VpcId: 'vpc-test0001'});
		await first.close();
		expect(read().credentials).toBeUndefined();
		const second = await launch({statePath: file});
		expect(second.accessKeyId).not.toBe(first.accessKeyId);
		expect((second.snapshot().securityGroups as unknown[]).length).toBe(1);
	});

	it('STS keys in the file: the token is required and reported', async () => {
		writeFileSync(
			file,
			JSON.stringify({credentials: {accessKeyId: 'STS.a', accessKeySecret: 's', securityToken: 'tok'}}),
		);
		const sandbox = await launch({statePath: file});
		expect(sandbox.securityToken).toBe('tok');
		await expect(ask(pop(sandbox), 'DescribeRegions')).resolves.toBeDefined();
	});

	it('the file holds records in the API’s field names, and a hand edit is picked up', async () => {
		const sandbox = await launch({statePath: file, initialState: vpcState()});
		await sandbox.close();
		const state = read();
		(state.vpcs as Record<string, unknown>[]).push({
			VpcId: 'vpc-added',
			VpcName: 'by-hand',
			RegionId: 'cn-hangzhou',
			CidrBlock: '192.168.0.0/16',
		});
		writeFileSync(file, JSON.stringify(state, null, 2));
		const again = await launch({statePath: file});
		const answer = await ask(pop(again, VPC), 'DescribeVpcs', {RegionId: 'cn-hangzhou', VpcName: 'by-hand'});
		expect((answer.Vpcs as {Vpc: {VpcId: string; Status: string}[]}).Vpc).toEqual([
			expect.objectContaining({VpcId: 'vpc-added', Status: 'Available', CidrBlock: '192.168.0.0/16'}),
		]);
	});

	it('a write that fails is reported and the sandbox keeps serving', async () => {
		const errors: Error[] = [];
		const nested = join(folder, 'sub', 'state.json');
		const sandbox = await launch({
			statePath: nested,
			initialState: vpcState(),
			onPersistError: (e) => errors.push(e),
		});
		rmSync(join(folder, 'sub'), {recursive: true});
		writeFileSync(join(folder, 'sub'), 'not a folder');
		await ask(pop(sandbox), 'CreateSecurityGroup', {RegionId: 'cn-hangzhou', VpcId: 'vpc-test0001'});
		expect(errors.length).toBeGreaterThan(0);
		await expect(ask(pop(sandbox), 'DescribeRegions')).resolves.toBeDefined();
	});
});

describe('a malformed state file', () => {
	const refused = async (content: string | Buffer): Promise<SandboxStateError> => {
		writeFileSync(file, content);
		const before = readFileSync(file);
		let error: unknown;
		try {
			await launch({statePath: file});
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(SandboxStateError);
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(readdirSync(folder)).toEqual(['state.json']);
		expect((error as SandboxStateError).file).toBe(file);
		expect((error as Error).message).toContain(file);
		return error as SandboxStateError;
	};

	it('bad JSON: the problem with its line and column', async () => {
		const error = await refused('{\n  "vpcs": [\n    {"VpcId": "vpc-a",}\n  ]\n}\n');
		expect(error.problems).toEqual([
			'invalid JSON at line 3, column 23: expected a property name in double quotes',
		]);
	});

	it.each([
		['[]', 'top level'],
		['{"vpcs": {}}', 'vpcs: must be a list'],
		['{"vpcs": [{"VpcName": "x", "RegionId": "cn-hangzhou"}]}', 'vpcs[0].VpcId: missing'],
		[
			'{"vpcs": [{"VpcId": "vpc-a", "RegionId": "moon-1"}]}',
			'vpcs[0].RegionId: "moon-1" is not a known region',
		],
		[
			'{"vpcs": [{"VpcId": "vpc-a", "RegionId": "cn-hangzhou", "IsDefault": "yes"}]}',
			'vpcs[0].IsDefault: must be true or false',
		],
		[
			'{"vpcs": [{"VpcId": "vpc-a", "RegionId": "cn-hangzhou", "CidrBlock": "10.0.0.0/40"}]}',
			'vpcs[0].CidrBlock',
		],
		[
			'{"vpcs": [{"VpcId": "vpc-a", "RegionId": "cn-hangzhou"}, {"VpcId": "vpc-a", "RegionId": "cn-hangzhou"}]}',
			'vpc-a appears more than once',
		],
		['{"credentials": {"accessKeyId": "a"}}', 'credentials.accessKeySecret: missing'],
		['{"account": {"maxSecurityGroups": -1}}', 'account.maxSecurityGroups'],
		['{"account": {"classicRegions": ["nowhere"]}}', 'account.classicRegions[0]'],
		['{"securitygroups": []}', 'securitygroups: unknown key'],
		[
			'{"securityGroups": [{"SecurityGroupId": "sg-a", "RegionId": "cn-hangzhou", "VpcId": "vpc-gone"}]}',
			'securityGroups[0].VpcId',
		],
		[
			'{"securityGroups": [{"SecurityGroupId": "sg-a", "RegionId": "cn-hangzhou", "Permissions": [{"IpProtocol": "tcp", "PortRange": "22/22"}]}]}',
			'securityGroups[0].Permissions[0]: an inbound rule needs a SourceCidrIp',
		],
		[
			'{"instances": [{"InstanceId": "i-a", "RegionId": "cn-hangzhou", "SecurityGroupIds": {"SecurityGroupId": ["sg-gone"]}}]}',
			'instances[0].SecurityGroupIds',
		],
	])('%s is refused (%s)', async (content, problem) => {
		const error = await refused(content);
		expect(error.problems.join('\n')).toContain(problem);
	});

	it('an empty file, or one that is not UTF-8', async () => {
		expect((await refused('')).problems[0]).toContain('empty');
		expect((await refused(Buffer.from([0x7b, 0xff, 0x7d]))).problems[0]).toContain('UTF-8');
	});

	it('reports several problems at once', async () => {
		const error = await refused('{"vpcs": [{"RegionId": "x"}, {"VpcId": 3, "RegionId": "cn-hangzhou"}]}');
		expect(error.problems.length).toBeGreaterThanOrEqual(3);
	});

	it('a folder in place of the file', async () => {
		const dir = join(folder, 'dir.json');
		writeFileSync(file, '{}');
		const {mkdirSync} = await import('node:fs');
		mkdirSync(dir);
		await expect(launch({statePath: dir})).rejects.toThrow(SandboxStateError);
	});

	it('initialState is checked the same way', async () => {
		await expect(start({initialState: {vpcs: [{VpcName: 'no id'}]}})).rejects.toThrow(
			/vpcs\[0\]\.VpcId: missing/,
		);
	});
});

describe('the documented example', () => {
	it('the state file in source/sandbox/README.md is a valid state', async () => {
		const readme = readFileSync(new URL('../../source/sandbox/README.md', import.meta.url), 'utf8');
		const example = /```json\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '';
		const sandbox = await launch({initialState: JSON.parse(example)});
		expect(sandbox.securityToken).toBe('optional');
		expect(sandbox.snapshot().instances).toHaveLength(1);
	});
});

describe('snapshot', () => {
	it('is a deep copy in the file’s shape', async () => {
		const sandbox = await launch({initialState: vpcState()});
		const snapshot = sandbox.snapshot();
		expect(Object.keys(snapshot).sort()).toEqual([
			'account',
			'credentials',
			'instances',
			'securityGroups',
			'vpcs',
		]);
		(snapshot.vpcs as {VpcName: string}[])[0] = {VpcName: 'changed'};
		expect((sandbox.snapshot().vpcs as {VpcName: string}[])[0]?.VpcName).toBe('test');
		const restarted = await launch({initialState: sandbox.snapshot()});
		expect(restarted.accessKeyId).toBe(sandbox.accessKeyId);
		expect(restarted.snapshot().vpcs).toEqual(sandbox.snapshot().vpcs);
	});

	it('shows a lost create that the client never heard of', async () => {
		const sandbox = await launch({
			initialState: vpcState(),
			faults: [{action: 'CreateSecurityGroup', kind: 'lose', count: 1}],
		});
		const error = (await ask(pop(sandbox), 'CreateSecurityGroup', {
			RegionId: 'cn-hangzhou',
			VpcId: 'vpc-test0001',
		}).catch((e: PopError) => e)) as PopError;
		expect(error).toBeInstanceOf(Error);
		expect(sandbox.snapshot().securityGroups).toHaveLength(1);
	});
});
