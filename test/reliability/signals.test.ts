// SIGINT, SIGTERM and SIGHUP sent to the process (not typed): at every step of the wizard, while it submits, and
// while the flags path submits. Each leaves the terminal as it was (modes unchanged, cursor shown), the journal
// consistent with what exists, and ends with the signal's exit code (130, 143, 129) and a message saying what
// exists.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {keys} from '../helpers/pty.js';
import {type BreakingProxy, startProxy} from './proxy.js';
import {cursorShownAtEnd, type ShellPty, startShellPty} from './shell-pty.js';

const cli = new URL('../../dist/cli.mjs', import.meta.url).pathname;
const codes = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
type Signal = keyof typeof codes;

let sandbox: Sandbox;
let proxy: BreakingProxy;
let home: string;
const sessions: ShellPty[] = [];

beforeEach(async () => {
	sandbox = await startSandbox({port: 0});
	proxy = await startProxy(sandbox.endpoint);
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-signals-'));
});
afterEach(async () => {
	for (const session of sessions.splice(0)) session.kill();
	await proxy.close();
	await sandbox.close();
	fs.rmSync(home, {recursive: true, force: true});
});

const env = () => ({
	HOME: home,
	ECS_SG_CONFIG_DIR: path.join(home, 'config'),
	ALIBABA_CLOUD_ACCESS_KEY_ID: sandbox.accessKeyId,
	ALIBABA_CLOUD_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
	ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
	ALIBABA_CLOUD_PROFILE: undefined,
	LANG: 'C.UTF-8',
	LC_ALL: undefined,
	NO_COLOR: undefined,
});

const defaultVpc = () =>
	((sandbox.snapshot().vpcs ?? []) as {VpcId: string; RegionId: string; IsDefault: boolean}[]).find(
		(v) => v.RegionId === 'cn-hangzhou' && v.IsDefault,
	)?.VpcId ?? '';

const groupsNamed = (name: string) =>
	(
		(sandbox.snapshot().securityGroups ?? []) as {SecurityGroupId: string; SecurityGroupName: string}[]
	).filter((g) => g.SecurityGroupName === name);

type JournalFile = {journal?: Record<string, {payload: {groupId?: string}}>};
const journal = () => {
	const file = path.join(home, 'config', 'config.json');
	if (!fs.existsSync(file)) return [];
	return Object.values((JSON.parse(fs.readFileSync(file, 'utf8')) as JournalFile).journal ?? {});
};

function wizard(args: string[]): ShellPty {
	const session = startShellPty(['--lang', 'en', 'create', '--endpoint', proxy.endpoint, ...args], {
		env: env(),
		cols: 100,
		rows: 30,
	});
	sessions.push(session);
	return session;
}

/** The terminal is as it was, the cursor shows, and the exit code names the signal. */
async function leftCleanly(session: ShellPty, signal: Signal): Promise<string> {
	expect(await session.exitCode).toBe(codes[signal]);
	const {before, after} = session.modes();
	expect(before).toMatch(/^[0-9a-f:]+$/);
	expect(after).toBe(before);
	expect(cursorShownAtEnd(session.programOutput())).toBe(true);
	expect(session.programOutput()).not.toMatch(/\n\s+at .+:\d+:\d+/);
	return session.screen();
}

const to = {region: ['--region', 'cn-hangzhou']};
const steps: {step: string; args: () => string[]; keys?: string[]; heading: string; signal: Signal}[] = [
	{step: 'Region', args: () => [], heading: 'Step 1 of 7', signal: 'SIGTERM'},
	{step: 'Template', args: () => to.region, heading: 'Step 2 of 7', signal: 'SIGHUP'},
	{
		step: 'Name',
		args: () => [...to.region, '--template', 'web-linux'],
		heading: 'Step 3 of 7',
		signal: 'SIGINT',
	},
	{
		step: 'Description',
		args: () => [...to.region, '--template', 'web-linux', '--name', 'sig-sg'],
		heading: 'Step 4 of 7',
		signal: 'SIGTERM',
	},
	{
		step: 'Network',
		args: () => [...to.region, '--template', 'web-linux', '--name', 'sig-sg', '--description', 'signals'],
		heading: 'Step 5 of 7',
		signal: 'SIGHUP',
	},
	{
		step: 'VPC',
		args: () => [...to.region, '--template', 'web-linux', '--name', 'sig-sg', '--description', 'signals'],
		keys: [keys.enter],
		heading: 'Step 6 of 7',
		signal: 'SIGINT',
	},
	{
		step: 'Review',
		args: () => [
			...to.region,
			'--template',
			'web-linux',
			'--name',
			'sig-sg',
			'--description',
			'signals',
			'--vpc',
			defaultVpc(),
		],
		heading: 'Step 7 of 7',
		signal: 'SIGTERM',
	},
];

describe('a signal at each step of the wizard', () => {
	for (const {step, args, keys: typed, heading, signal} of steps) {
		it(`${signal} at ${step}: cancelled, nothing created, terminal restored, exit ${codes[signal]}`, async () => {
			const session = wizard(args());
			if (typed) {
				await session.waitForText('Step 5 of 7');
				await session.press(...typed);
			}
			await session.waitForText(heading);
			await session.signal(signal);
			const screen = await leftCleanly(session, signal);
			expect(screen).toContain('Cancelled. Nothing was created.');
			expect(groupsNamed('sig-sg')).toEqual([]);
			expect(journal()).toEqual([]);
		});
	}
});

describe('a signal while the wizard submits', () => {
	const all = () => [
		...to.region,
		'--template',
		'web-linux',
		'--name',
		'sig-sg',
		'--vpc',
		defaultVpc(),
		'--yes',
	];

	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
		it(`${signal} during CreateSecurityGroup: waits for it, says the group exists, journal kept`, async () => {
			proxy.always('CreateSecurityGroup', {kind: 'delay', ms: 1000});
			const session = wizard(all());
			await session.waitForText(/CreateSecurityGroup\s+running/);
			await session.signal(signal);
			await session.waitForText('Stopping after the call in flight');
			const screen = await leftCleanly(session, signal);
			const [group] = groupsNamed('sig-sg');
			expect(group).toBeDefined();
			expect(screen).toContain(`Security group ${group?.SecurityGroupId} exists in cn-hangzhou`);
			expect(screen).toContain('ecs-sg resume');
			expect(journal().map((e) => e.payload.groupId)).toEqual([group?.SecurityGroupId]);
			expect(proxy.seen).not.toContain('AuthorizeSecurityGroup');
		});
	}

	it('SIGTERM during the last call: it completes, so the group is whole, the journal clear, exit 0', async () => {
		proxy.always('AuthorizeSecurityGroup', {kind: 'delay', ms: 1000});
		const session = wizard(all());
		await session.waitForText(/AuthorizeSecurityGroup.*running/);
		await session.signal('SIGTERM');
		await session.waitForText('Stopping after the call in flight');
		expect(await session.exitCode).toBe(0);
		const [group] = groupsNamed('sig-sg');
		expect(session.screen()).toContain(
			`Security group ${group?.SecurityGroupId} was created in cn-hangzhou with all its rules`,
		);
		expect((group as {Permissions?: unknown[]} | undefined)?.Permissions).toHaveLength(4);
		expect(journal()).toEqual([]);
		expect(session.modes().after).toBe(session.modes().before);
	});

	it('on the Done screen a signal leaves it (exit 0, the group is whole); inside a follow-up it ends the run', async () => {
		const review = () => [...all().filter((arg) => arg !== '--yes'), '--description', 'signals'];
		const done = wizard(review());
		await done.waitForText('Step 7 of 7');
		await done.press(keys.enter);
		await done.waitForText('Next (follow-up operations)');
		await done.signal('SIGTERM');
		expect(await done.exitCode).toBe(0);
		expect(done.modes().after).toBe(done.modes().before);

		const following = wizard([
			...review().filter((arg) => arg !== 'sig-sg' && arg !== '--name'),
			'--name',
			'sig-sg-2',
		]);
		await following.waitForText('Step 7 of 7');
		await following.press(keys.enter);
		await following.waitForText('Next (follow-up operations)');
		await following.press('r');
		await following.waitForText('Queue additions');
		await following.signal('SIGHUP');
		expect(await following.exitCode).toBe(129);
		expect(following.modes().after).toBe(following.modes().before);
		expect(cursorShownAtEnd(following.programOutput())).toBe(true);
		expect(groupsNamed('sig-sg')).toHaveLength(1);
		expect(groupsNamed('sig-sg-2')).toHaveLength(1);
		expect(journal()).toEqual([]);
	});

	it('a second signal leaves at once, saying the group may exist; the journal still has the create', async () => {
		proxy.always('CreateSecurityGroup', {kind: 'delay', ms: 2000});
		const session = wizard(all());
		await session.waitForText(/CreateSecurityGroup\s+running/);
		await session.signal('SIGTERM');
		await session.waitForText('Stopping after the call in flight');
		await new Promise((r) => setTimeout(r, 400));
		await session.signal('SIGTERM');
		const screen = await leftCleanly(session, 'SIGTERM');
		expect(screen).toContain('the group may exist: run ecs-sg resume');
		expect(journal()).toHaveLength(1);
	});
});

describe('a signal while the flags path submits', () => {
	for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
		it(`${signal}: waits for the call in flight, exit ${codes[signal]}, says what exists and how to resume`, async () => {
			proxy.always('CreateSecurityGroup', {kind: 'delay', ms: 1000});
			const child = spawn(
				process.execPath,
				[
					cli,
					'--lang',
					'en',
					'create',
					'--endpoint',
					proxy.endpoint,
					...to.region,
					'--template',
					'web-linux',
					'--name',
					'sig-sg',
					'--vpc',
					defaultVpc(),
					'--yes',
					'--json',
				],
				{env: {...process.env, ...clean(env())}, stdio: ['ignore', 'pipe', 'pipe']},
			);
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (c) => {
				stdout += c;
			});
			child.stderr.on('data', (c) => {
				stderr += c;
			});
			const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
			const deadline = Date.now() + 10_000;
			while (!proxy.seen.includes('CreateSecurityGroup') && Date.now() < deadline)
				await new Promise((r) => setTimeout(r, 20));
			child.kill(signal);
			expect(await closed).toBe(codes[signal]);
			const [group] = groupsNamed('sig-sg');
			expect(stderr).toContain('Stopping after the call in flight');
			expect(stderr).toContain(`Security group ${group?.SecurityGroupId} was created in cn-hangzhou`);
			expect(stderr).toContain('ecs-sg resume');
			expect(stdout).toBe('');
			expect(journal().map((e) => e.payload.groupId)).toEqual([group?.SecurityGroupId]);
		});
	}
});

function clean(values: Record<string, string | undefined>): Record<string, string> {
	const out: Record<string, string> = {CI: 'false'};
	for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v;
	return out;
}

describe('a signal while resume finishes', () => {
	it('SIGTERM between the calls: stops, says the group exists and what is missing, exit 143; resume again finishes', async () => {
		const create = [
			'--lang',
			'en',
			'create',
			'--endpoint',
			proxy.endpoint,
			...to.region,
			'--template',
			'web-linux',
			'--name',
			'sig-sg',
			'--vpc',
			defaultVpc(),
			'--yes',
		];
		// Killed while its create is in flight: the journal keeps the create without a group id.
		proxy.always('CreateSecurityGroup', {kind: 'delay', ms: 1000});
		const killed = plainStart(create);
		const sent = Date.now() + 10_000;
		while (!proxy.seen.includes('CreateSecurityGroup') && Date.now() < sent)
			await new Promise((r) => setTimeout(r, 20));
		killed.process.kill('SIGKILL');
		await killed.done;
		expect(journal().map((e) => e.payload.groupId)).toEqual([undefined]);

		proxy.always('CreateSecurityGroup', {kind: 'delay', ms: 1000});
		const creates = () => proxy.seen.filter((action) => action === 'CreateSecurityGroup').length;
		const before = creates();
		const child = plainStart(['--lang', 'en', 'resume', '--yes']);
		const deadline = Date.now() + 10_000;
		while (creates() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
		child.process.kill('SIGTERM');
		const stopped = await child.done;
		expect(stopped.code).toBe(143);
		const [group] = groupsNamed('sig-sg');
		expect(stopped.stderr).toContain('Stopping after the call in flight');
		expect(stopped.stderr).toContain(`Security group ${group?.SecurityGroupId} was created in cn-hangzhou`);
		expect(proxy.seen).not.toContain('AuthorizeSecurityGroup');
		expect(journal().map((e) => e.payload.groupId)).toEqual([group?.SecurityGroupId]);

		proxy.always('CreateSecurityGroup', undefined);
		expect((await plainRun(['--lang', 'en', 'resume', '--yes'])).code).toBe(0);
		expect(journal()).toEqual([]);
		expect(groupsNamed('sig-sg')).toHaveLength(1);
	});
});

function plainStart(args: string[]) {
	const child = spawn(process.execPath, [cli, ...args], {
		env: {...process.env, ...clean(env())},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (c) => {
		stdout += c;
	});
	child.stderr.on('data', (c) => {
		stderr += c;
	});
	const done = new Promise<{code: number | null; stdout: string; stderr: string}>((resolve) =>
		child.on('close', (code) => resolve({code, stdout, stderr})),
	);
	return {process: child, done};
}

const plainRun = (args: string[]) => plainStart(args).done;

describe('a signal while a follow-up sends its changes', () => {
	it('rules add, SIGTERM between two batches: the first is kept, the second not sent, exit 143', async () => {
		const created = await plainRun([
			'--lang',
			'en',
			'create',
			'--endpoint',
			proxy.endpoint,
			...to.region,
			'--template',
			'custom',
			'--name',
			'rules-sg',
			'--vpc',
			defaultVpc(),
			'--yes',
			'--json',
		]);
		expect(created.code).toBe(0);
		const groupId = (JSON.parse(created.stdout) as {securityGroupId: string}).securityGroupId;
		// 101 rules: two AuthorizeSecurityGroup calls of at most 100.
		const rules = Array.from({length: 101}, (_, i) => ['--rule', `tcp:${1000 + i}:10.0.0.0/8`]).flat();
		proxy.always('AuthorizeSecurityGroup', {kind: 'delay', ms: 1000});
		const before = proxy.seen.length;
		const child = plainStart([
			'--lang',
			'en',
			'rules',
			'add',
			'--endpoint',
			proxy.endpoint,
			...to.region,
			'--group',
			groupId,
			...rules,
			'--yes',
		]);
		const deadline = Date.now() + 10_000;
		while (!proxy.seen.slice(before).includes('AuthorizeSecurityGroup') && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 20));
		child.process.kill('SIGTERM');
		const stopped = await child.done;
		expect(stopped.code).toBe(143);
		expect(stopped.stderr).toContain('Stopping after the call in flight');
		expect(stopped.stderr).toContain('the rest were not sent');
		expect(proxy.seen.slice(before).filter((a) => a === 'AuthorizeSecurityGroup')).toHaveLength(1);
		const [group] = groupsNamed('rules-sg') as {Permissions?: unknown[]}[];
		expect(group?.Permissions).toHaveLength(100);
	});
});
