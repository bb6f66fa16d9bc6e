// `ecs-sg sandbox` as a process: the first stdout line is the JSON with endpoint and keys, SIGINT and
// SIGTERM end it with 0, bad options and bad state files end it with 2 and one clear message.
import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ask, pop, refusal} from './helpers.js';

type Run = {
	child: ChildProcessWithoutNullStreams;
	stdout: () => string;
	stderr: () => string;
	exit: Promise<number | null>;
};

const running: Run[] = [];
let folder: string;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
});
afterEach(() => {
	for (const run of running.splice(0)) if (run.child.exitCode === null) run.child.kill('SIGKILL');
	rmSync(folder, {recursive: true, force: true});
});

function sandbox(...args: string[]): Run {
	const env: NodeJS.ProcessEnv = {...process.env, LANG: 'C', LC_ALL: 'C'};
	delete env.LC_MESSAGES;
	const child = spawn(process.execPath, ['dist/cli.mjs', 'sandbox', ...args], {env});
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk: Buffer) => {
		out += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		err += chunk.toString();
	});
	const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
	const run = {child, stdout: () => out, stderr: () => err, exit};
	running.push(run);
	return run;
}

async function until(check: () => boolean, what: string, exit?: Promise<unknown>): Promise<void> {
	let ended = false;
	void exit?.then(() => {
		ended = true;
	});
	for (let waited = 0; waited < 10_000; waited += 20) {
		if (check()) return;
		if (ended) break;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	if (!check()) throw new Error(`timed out waiting for ${what}`);
}

async function ready(
	run: Run,
): Promise<{endpoint: string; accessKeyId: string; accessKeySecret: string; securityToken?: string}> {
	await until(() => run.stdout().includes('\n'), 'the first stdout line', run.exit);
	return JSON.parse(run.stdout().split('\n')[0] as string);
}

describe('ecs-sg sandbox', () => {
	it('prints the endpoint and keys as its first stdout line, serves, and exits 0 on SIGINT', async () => {
		const run = sandbox('--port', '0');
		const info = await ready(run);
		expect(Object.keys(info)).toEqual(['endpoint', 'accessKeyId', 'accessKeySecret']);
		expect(info.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const answer = await ask(pop(info), 'DescribeRegions');
		expect(answer.Regions).toBeDefined();
		await until(() => run.stderr().includes('listening'), 'the note on stderr');
		expect(run.stderr()).toContain(info.endpoint);
		run.child.kill('SIGINT');
		expect(await run.exit).toBe(0);
		expect(run.stdout().trim().split('\n')).toHaveLength(1);
	});

	it('exits 0 on SIGTERM', async () => {
		const run = sandbox();
		await ready(run);
		run.child.kill('SIGTERM');
		expect(await run.exit).toBe(0);
	});

	it('takes --fault and --latency', async () => {
		const run = sandbox('--fault', 'DescribeRegions:throttle:1', '--latency', '5');
		const info = await ready(run);
		expect((await refusal(ask(pop(info), 'DescribeRegions'))).code).toBe('Throttling.User');
		await expect(ask(pop(info), 'DescribeRegions')).resolves.toBeDefined();
		run.child.kill('SIGTERM');
		expect(await run.exit).toBe(0);
	});

	it('keeps its keys and groups in --state across restarts, and reports an STS token', async () => {
		const file = join(folder, 'state.json');
		const first = sandbox('--state', file);
		const one = await ready(first);
		first.child.kill('SIGINT');
		expect(await first.exit).toBe(0);
		const state = JSON.parse(readFileSync(file, 'utf8'));
		expect(state.credentials.accessKeyId).toBe(one.accessKeyId);
		state.credentials.securityToken = 'sts-token';
		writeFileSync(file, JSON.stringify(state));
		const second = sandbox('--state', file);
		const two = await ready(second);
		expect(two).toEqual({...one, endpoint: two.endpoint, securityToken: 'sts-token'});
		await expect(ask(pop(two), 'DescribeRegions')).resolves.toBeDefined();
		second.child.kill('SIGTERM');
		expect(await second.exit).toBe(0);
	});

	it('refuses bad options with exit 2 and one message naming every bad value', async () => {
		const run = sandbox(
			'--port',
			'70000',
			'--latency',
			'soon',
			'--fault',
			'CreateSecurityGroup:explode',
			'--fault',
			'x',
		);
		expect(await run.exit).toBe(2);
		const err = run.stderr();
		for (const bad of ['70000', 'soon', 'explode', '"x"']) expect(err).toContain(bad);
		expect(run.stdout()).toBe('');
	});

	it('refuses a malformed state file with exit 2, naming the file, and leaves it untouched', async () => {
		const file = join(folder, 'broken.json');
		const content = '{"vpcs": [{"VpcId": "vpc-a", "RegionId": "atlantis-1"}]}';
		writeFileSync(file, content);
		const run = sandbox('--state', file);
		expect(await run.exit).toBe(2);
		expect(run.stderr()).toContain(file);
		expect(run.stderr()).toContain('atlantis-1');
		expect(readFileSync(file, 'utf8')).toBe(content);
		expect(run.stdout()).toBe('');
	});

	it('says so when the port is taken', async () => {
		const blocker = createServer();
		await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
		const port = (blocker.address() as {port: number}).port;
		try {
			const run = sandbox('--port', String(port));
			expect(await run.exit).toBe(2);
			expect(run.stderr()).toContain(String(port));
		} finally {
			blocker.close();
		}
	});
});
