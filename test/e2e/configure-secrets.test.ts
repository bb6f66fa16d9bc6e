// The secret, the STS token and signatures never reach stdout or stderr: not while configuring, not when a
// call fails, not in an error message. Also: Ctrl+C while the keys are being checked cancels cleanly.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {startFakeCloud} from '../cloud/fake-cloud.js';
import {enterKeys, keys, noKeysEnv, type PtySession, startPty} from '../helpers/pty.js';

const cli = new URL('../../dist/cli.mjs', import.meta.url).pathname;
let home: string;
let configDir: string;
let sandbox: Sandbox | undefined;
const sessions: PtySession[] = [];

const baseEnv = () => noKeysEnv(home);

function pty(args: string[]): PtySession {
	const session = startPty(['--lang', 'en', ...args], {env: baseEnv(), cols: 160, rows: 40});
	sessions.push(session);
	return session;
}

/** Runs the CLI without a terminal. Asynchronously: the sandbox answering it lives in this process. */
function plain(
	args: string[],
	env: Record<string, string> = {},
): Promise<{code: number | null; output: string}> {
	const child = spawn(process.execPath, [cli, '--lang', 'en', ...args], {
		env: {...process.env, HOME: home, ECS_SG_CONFIG_DIR: configDir, CI: 'false', ...env},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => {
		output += chunk;
	});
	child.stderr.on('data', (chunk) => {
		output += chunk;
	});
	return new Promise((resolve) => child.on('close', (code) => resolve({code, output})));
}

beforeEach(() => {
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-secrets-'));
	configDir = path.join(home, 'config');
});
afterEach(async () => {
	for (const session of sessions.splice(0)) session.kill();
	await sandbox?.close();
	sandbox = undefined;
	fs.rmSync(home, {recursive: true, force: true});
});

describe('secrets stay secret', () => {
	it('across configure, a failed call and an error', async () => {
		sandbox = await startSandbox({port: 0});
		const secret = sandbox.accessKeySecret;
		const wrong = 'SecretThatIsWrong0123456789';
		const token = 'StsTokenValue0123456789abcdef';
		const outputs: string[] = [];

		// 1. configure, first with a wrong secret and an STS token (refused), then with the right keys.
		const session = pty(['configure', '--endpoint', sandbox.endpoint]);
		await enterKeys(session, sandbox.accessKeyId, wrong, token);
		await session.waitForText('The keys were not accepted');
		await session.press(keys.enter);
		await session.waitForText('AccessKey ID [');
		await session.press(keys.enter);
		await session.waitForText('AccessKey Secret [');
		await session.press(secret, keys.enter);
		await session.waitForText('STS security token [');
		await session.press('-', keys.enter);
		await session.waitForText('Default region');
		await session.press(keys.enter);
		await session.waitForText('Saved profile');
		expect(await session.exited).toBe(0);
		outputs.push(session.raw());

		// 2. a call that fails: the network is unreachable.
		const dead = await startFakeCloud();
		const deadEndpoint = dead.endpoint;
		await dead.close();
		const unreachable = pty(['configure', '--endpoint', deadEndpoint]);
		await enterKeys(unreachable, sandbox.accessKeyId, secret);
		await unreachable.waitForText('Cannot reach');
		// Enter the keys again / Save them without the check / Quit without saving.
		await unreachable.waitForText('Quit without saving');
		await unreachable.press(keys.down, keys.down, keys.enter);
		expect(await unreachable.exited).toBe(130);
		outputs.push(unreachable.raw());

		// 3. an error from the API in a command that is not configure (keys from the environment).
		const refused = await plain(
			[
				'create',
				'--endpoint',
				sandbox.endpoint,
				'--region',
				'cn-hangzhou',
				'--template',
				'web-linux',
				'--name',
				'web',
				'--vpc',
				'vpc-bp1doesnotmatter',
				'--yes',
			],
			{
				ALIBABA_CLOUD_ACCESS_KEY_ID: sandbox.accessKeyId,
				ALIBABA_CLOUD_ACCESS_KEY_SECRET: wrong,
				ALIBABA_CLOUD_SECURITY_TOKEN: token,
			},
		);
		expect(refused.code).toBe(1);
		expect(refused.output).toContain('SignatureDoesNotMatch');
		outputs.push(refused.output);
		const listed = await plain(['configure', 'list']);
		expect(listed.code).toBe(0);
		outputs.push(listed.output);

		const everything = outputs.join('\n');
		expect(everything).toContain('***');
		for (const value of [secret, wrong, token]) expect(everything).not.toContain(value);
		expect(everything).not.toMatch(/Signature=|SignatureNonce=|string to sign is:\S/i);
		// The stored file is the one place the secret lives.
		expect(fs.readFileSync(path.join(configDir, 'config.json'), 'utf8')).toContain(secret);
	});
});

describe('Ctrl+C while the keys are checked', () => {
	it('cancels the call and saves nothing', async () => {
		sandbox = await startSandbox({port: 0, latencyMs: 20_000});
		const session = pty(['configure', '--endpoint', sandbox.endpoint]);
		await enterKeys(session, sandbox.accessKeyId, sandbox.accessKeySecret);
		await session.waitForText('Checking the keys');
		await session.press(keys.ctrlC);
		await session.waitForText('Cancelled');
		expect(await session.exited).toBe(130);
		expect(fs.existsSync(path.join(configDir, 'config.json'))).toBe(false);
	});
});
