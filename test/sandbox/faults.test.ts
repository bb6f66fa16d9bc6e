// Injected faults as a client sees them, latency with IdempotentProcessing, and 50 concurrent clients.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {parseFault, type Sandbox} from '../../source/sandbox/index.js';
import {ask, type PopError, pop, raw, refusal, start, vpcState} from './helpers.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
	await sandbox?.close();
	sandbox = undefined;
});

const create = (s: Sandbox, extra: Record<string, unknown> = {}, timeout = 5000) =>
	ask(
		pop(s),
		'CreateSecurityGroup',
		{RegionId: 'cn-hangzhou', VpcId: 'vpc-test0001', ...extra},
		'POST',
		timeout,
	);
const groupCount = (s: Sandbox) => (s.snapshot().securityGroups ?? []).length;

async function failure(promise: Promise<unknown>): Promise<PopError> {
	try {
		await promise;
	} catch (error) {
		return error as PopError;
	}
	throw new Error('expected the call to fail');
}

describe('parseFault', () => {
	it('parses ACTION:KIND[:COUNT] with COUNT 1 by default', () => {
		expect(parseFault('CreateSecurityGroup:lose')).toEqual({
			action: 'CreateSecurityGroup',
			kind: 'lose',
			count: 1,
		});
		expect(parseFault('DescribeVpcs:throttle:3')).toEqual({
			action: 'DescribeVpcs',
			kind: 'throttle',
			count: 3,
		});
		expect(parseFault('*:unavailable:2')).toEqual({action: '*', kind: 'unavailable', count: 2});
	});

	it.each([
		['CreateSecurityGroup', 'format'],
		['CreateSecurityGroup:lose:1:2', 'format'],
		[':lose', 'format'],
		['Nope:lose', 'action'],
		['CreateSecurityGroup:explode', 'kind'],
		['CreateSecurityGroup:lose:0', 'count'],
		['CreateSecurityGroup:lose:-1', 'count'],
		['CreateSecurityGroup:lose:two', 'count'],
	])('refuses %s with a sentence (%s)', (spec, reason) => {
		const parsed = parseFault(spec);
		expect(parsed).toMatchObject({reason, error: expect.stringMatching(/\.$/)});
	});
});

describe('faults', () => {
	it('throttle: 400 Throttling.User for the next COUNT calls, then normal service', async () => {
		sandbox = await start({faults: [{action: 'DescribeRegions', kind: 'throttle', count: 2}]});
		const client = pop(sandbox);
		expect(await refusal(ask(client, 'DescribeRegions'))).toMatchObject({
			code: 'Throttling.User',
			status: 400,
		});
		expect(await refusal(ask(client, 'DescribeRegions'))).toMatchObject({
			code: 'Throttling.User',
			status: 400,
		});
		await expect(ask(client, 'DescribeRegions')).resolves.toHaveProperty('Regions');
	});

	it('unavailable and internal: 503 ServiceUnavailable, 500 InternalError', async () => {
		sandbox = await start({
			faults: [
				{action: 'DescribeRegions', kind: 'unavailable', count: 1},
				{action: 'DescribeRegions', kind: 'internal', count: 1},
			],
		});
		expect(await refusal(ask(pop(sandbox), 'DescribeRegions'))).toMatchObject({
			code: 'ServiceUnavailable',
			status: 503,
		});
		expect(await refusal(ask(pop(sandbox), 'DescribeRegions'))).toMatchObject({
			code: 'InternalError',
			status: 500,
		});
		await expect(ask(pop(sandbox), 'DescribeRegions')).resolves.toBeDefined();
	});

	it('counts only authenticated calls of that action', async () => {
		sandbox = await start({faults: [{action: 'DescribeRegions', kind: 'throttle', count: 1}]});
		expect((await raw(sandbox, 'DescribeRegions', {}, {secret: 'wrong'})).body.Code).toBe(
			'SignatureDoesNotMatch',
		);
		await expect(
			ask(pop(sandbox, '2016-04-28'), 'DescribeVpcs', {RegionId: 'cn-hangzhou'}),
		).resolves.toBeDefined();
		expect((await refusal(ask(pop(sandbox), 'DescribeRegions'))).code).toBe('Throttling.User');
	});

	it('* matches every action; addFault adds one while running', async () => {
		sandbox = await start();
		sandbox.addFault({action: '*', kind: 'throttle', count: 1});
		expect(
			(await refusal(ask(pop(sandbox, '2016-04-28'), 'DescribeVpcs', {RegionId: 'cn-hangzhou'}))).code,
		).toBe('Throttling.User');
		await expect(ask(pop(sandbox), 'DescribeRegions')).resolves.toBeDefined();
	});

	it('reset: the socket is closed without a response, and nothing is created', async () => {
		sandbox = await start({
			initialState: vpcState(),
			faults: [{action: 'CreateSecurityGroup', kind: 'reset', count: 1}],
		});
		const error = await failure(create(sandbox));
		expect(error.data).toBeUndefined();
		expect(String(error.code ?? error.message)).toMatch(/ECONNRESET|socket hang up/i);
		expect(groupCount(sandbox)).toBe(0);
	});

	it('hang: no response ever; the client times out and close() still returns', async () => {
		sandbox = await start({faults: [{action: 'DescribeRegions', kind: 'hang', count: 1}]});
		const error = await failure(ask(pop(sandbox), 'DescribeRegions', {}, 'POST', 300));
		expect(error.name).toBe('RequestTimeoutError');
		const hung = ask(pop(sandbox), 'DescribeRegions', {}, 'POST', 60_000).catch((e: Error) => e);
		sandbox.addFault({action: 'DescribeRegions', kind: 'hang', count: 1});
		await sandbox.close();
		expect(await hung).toBeDefined();
		sandbox = undefined;
	});

	it('lose: the group is created but the answer is lost; a retry with the token gets the same id', async () => {
		sandbox = await start({
			initialState: vpcState(),
			faults: [{action: 'CreateSecurityGroup', kind: 'lose', count: 1}],
		});
		const error = await failure(create(sandbox, {ClientToken: 'lost-1', SecurityGroupName: 'web'}));
		expect(error.data).toBeUndefined();
		expect(groupCount(sandbox)).toBe(1);
		const retry = await create(sandbox, {ClientToken: 'lost-1', SecurityGroupName: 'web'});
		expect(retry.SecurityGroupId).toBe(
			((sandbox.snapshot().securityGroups ?? [])[0] as {SecurityGroupId: string}).SecurityGroupId,
		);
		expect(groupCount(sandbox)).toBe(1);
	});
});

describe('latency and concurrency', () => {
	it('a second call with the same ClientToken while the first is running: 403 IdempotentProcessing', async () => {
		sandbox = await start({initialState: vpcState(), latencyMs: 1500});
		const s = sandbox;
		const results = await Promise.allSettled([
			create(s, {ClientToken: 'slow-1', SecurityGroupName: 'slow'}),
			create(s, {ClientToken: 'slow-1', SecurityGroupName: 'slow'}),
		]);
		const ok = results.filter((r) => r.status === 'fulfilled');
		const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as PopError] : []));
		expect(ok).toHaveLength(1);
		expect(refused.map((e) => [e.code, e.entry?.response?.statusCode])).toEqual([
			['IdempotentProcessing', 403],
		]);
		const again = await create(s, {ClientToken: 'slow-1', SecurityGroupName: 'slow'});
		expect(again.SecurityGroupId).toBe(
			(ok[0] as PromiseFulfilledResult<Record<string, unknown>>).value.SecurityGroupId,
		);
		expect(groupCount(s)).toBe(1);
	});

	it('50 concurrent clients leave the state consistent: no lost groups, no duplicate ids', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'sandbox-concurrency-'));
		try {
			const statePath = join(folder, 'state.json');
			sandbox = await start({
				initialState: {...vpcState(), account: {maxSecurityGroups: 1000}},
				statePath,
				latencyMs: 10,
			});
			const s = sandbox;
			const calls = Array.from({length: 50}, (_, i) =>
				create(s, {
					SecurityGroupName: `g${i}`,
					ClientToken: `c-${i % 40}`,
					...(i >= 40 ? {SecurityGroupName: `g${i - 40}`} : {}),
				}).then(
					(answer) => answer.SecurityGroupId as string,
					(error: PopError) => error.code as string,
				),
			);
			const answers = await Promise.all(calls);
			const ids = answers.filter((a) => a.startsWith('sg-'));
			const processing = answers.filter((a) => a === 'IdempotentProcessing');
			expect(ids.length + processing.length).toBe(50);
			const unique = new Set(ids);
			expect(unique.size).toBe(40);
			const snapshot = (s.snapshot().securityGroups ?? []) as {SecurityGroupId: string}[];
			expect(snapshot.map((g) => g.SecurityGroupId).sort()).toEqual([...unique].sort());
			const onDisk = JSON.parse(readFileSync(statePath, 'utf8')) as {securityGroups: unknown[]};
			expect(onDisk.securityGroups).toHaveLength(40);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});
});
