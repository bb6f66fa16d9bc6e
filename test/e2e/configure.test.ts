// `ecs-sg configure` driven in a real pseudo-terminal against the sandbox, with HOME and the config folder in
// temp folders: masked input, wrong keys refused and not stored, right keys stored 0600, the aliyun CLI import,
// Ctrl+C leaving the file untouched, and no secret in any output.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {openConfig} from '../../source/config/store.js';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {keys, noKeysEnv, type PtySession, startPty} from '../helpers/pty.js';

const cli = new URL('../../dist/cli.mjs', import.meta.url).pathname;
let sandbox: Sandbox;
let home: string;
let configDir: string;
const sessions: PtySession[] = [];

// No aliyun CLI file but the one a test writes.
const env = () => ({...noKeysEnv(home), ALIBABA_CLOUD_CREDENTIALS_FILE: undefined});

function configure(...extra: string[]): PtySession {
	const session = startPty(['configure', '--lang', 'en', '--endpoint', sandbox.endpoint, ...extra], {
		env: env(),
		cols: 160,
		rows: 40,
	});
	sessions.push(session);
	return session;
}

/** Runs the CLI without a terminal and returns its exit code and both streams. */
function plain(...args: string[]) {
	const result = spawnSync(process.execPath, [cli, '--lang', 'en', ...args], {
		env: {...process.env, HOME: home, ECS_SG_CONFIG_DIR: configDir, CI: 'false'},
		encoding: 'utf8',
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

const configFile = () => path.join(configDir, 'config.json');
const stored = () => JSON.parse(fs.readFileSync(configFile(), 'utf8'));

beforeAll(async () => {
	sandbox = await startSandbox({port: 0});
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => {
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-e2e-home-'));
	configDir = path.join(home, 'config');
});
afterEach(() => {
	for (const session of sessions.splice(0)) session.kill();
	fs.rmSync(home, {recursive: true, force: true});
});

async function typeKeys(session: PtySession, id: string, secret: string) {
	await session.waitForText('AccessKey ID');
	await session.press(id, keys.enter);
	await session.waitForText('AccessKey Secret');
	await session.press(secret);
	await session.waitForText('*'.repeat(secret.length));
	await session.press(keys.enter);
	await session.waitForText('STS security token');
	await session.press(keys.enter);
}

describe('ecs-sg configure in a terminal', () => {
	it('masks the secret, verifies the keys and stores them with mode 0600', async () => {
		const session = configure();
		await typeKeys(session, sandbox.accessKeyId, sandbox.accessKeySecret);
		expect(session.screen()).not.toContain(sandbox.accessKeySecret);
		await session.waitForText('Default region');
		await session.waitForText('cn-hangzhou');
		await session.press(keys.down, keys.enter);
		await session.waitForText('Saved profile "default"');
		expect(await session.exited).toBe(0);

		const saved = stored();
		expect(saved.currentProfile).toBe('default');
		expect(saved.profiles.default.accessKeyId).toBe(sandbox.accessKeyId);
		expect(saved.profiles.default.accessKeySecret).toBe(sandbox.accessKeySecret);
		expect(saved.profiles.default.regionId).toMatch(/^[a-z]+-[a-z0-9-]+$/);
		expect(saved.profiles.default.regionId).not.toBe('cn-hangzhou');
		if (process.platform !== 'win32') {
			expect(fs.statSync(configFile()).mode & 0o777).toBe(0o600);
			expect(fs.statSync(configDir).mode & 0o777).toBe(0o700);
		}
		expect(session.raw()).not.toContain(sandbox.accessKeySecret);
	});

	it('refuses a wrong secret, stores nothing, and lets the user retry with the right one', async () => {
		const wrong = 'WrongSecretValue0000000000';
		const session = configure('--profile', 'work');
		await typeKeys(session, sandbox.accessKeyId, wrong);
		await session.waitForText('The keys were not accepted');
		expect(session.screen()).toContain('The AccessKey secret does not match the AccessKey ID');
		await session.waitForText('Enter the keys again');
		expect(fs.existsSync(configFile()) ? stored().profiles : undefined).toBeUndefined();

		await session.press(keys.enter);
		// The values typed before are offered again, masked to their last three characters.
		await session.waitForText(`AccessKey ID [***${sandbox.accessKeyId.slice(-3)}]`);
		await session.press(keys.enter);
		await session.waitForText(`AccessKey Secret [***${wrong.slice(-3)}]`);
		await session.press(sandbox.accessKeySecret, keys.enter);
		await session.waitForText('STS security token');
		await session.press(keys.enter);
		await session.waitForText('Default region');
		await session.press(keys.enter);
		await session.waitForText('Saved profile "work"');
		expect(await session.exited).toBe(0);
		expect(stored().profiles.work.accessKeySecret).toBe(sandbox.accessKeySecret);
		expect(session.raw()).not.toContain(wrong);
		expect(session.raw()).not.toContain(sandbox.accessKeySecret);
	});

	it('when the check cannot reach the endpoint, says the keys were not checked and can save them anyway', async () => {
		// A port nothing listens on: the connection is refused, which says nothing about the keys.
		const closed = await startSandbox({port: 0});
		const endpoint = closed.endpoint;
		await closed.close();
		const session = startPty(['configure', '--lang', 'en', '--endpoint', endpoint], {
			env: env(),
			cols: 160,
			rows: 40,
		});
		sessions.push(session);
		await typeKeys(session, 'LTAIunchecked0000', 'unchecked-secret-value');
		await session.waitForText('The keys could not be checked');
		expect(session.screen()).not.toContain('not accepted');
		await session.waitForText('Save them without the check');
		expect(fs.existsSync(configFile())).toBe(false);
		await session.press(keys.down, keys.enter);
		await session.waitForText('Saved profile "default"');
		expect(await session.exited).toBe(0);
		expect(session.screen()).not.toContain('The keys work.');
		const saved = stored();
		expect(saved.profiles.default.accessKeyId).toBe('LTAIunchecked0000');
		expect(saved.profiles.default.regionId).toBeUndefined();
		// No region list came back: none is cached (an empty one would hide the real list later).
		expect(JSON.stringify(saved)).not.toMatch(/"regions/i);
	});

	it('quits after a wrong key with the stored configuration unchanged', async () => {
		const before = openConfig({dir: configDir});
		before.profiles.put(
			{name: 'default', accessKeyId: 'LTAIold', accessKeySecret: 'old-secret-value'},
			{makeCurrent: true},
		);
		const bytes = fs.readFileSync(configFile());
		const session = configure();
		await session.waitForText('AccessKey ID [***old]');
		await session.press('LTAIunknownKeyId', keys.enter);
		await session.waitForText('AccessKey Secret [***lue]');
		await session.press(keys.enter);
		await session.waitForText('STS security token');
		await session.press(keys.enter);
		await session.waitForText('does not know this AccessKey ID');
		await session.waitForText('Quit without saving');
		await session.press(keys.down, keys.enter);
		await session.waitForText('Nothing was saved');
		expect(await session.exited).toBe(130);
		expect(fs.readFileSync(configFile())).toEqual(bytes);
		expect(session.raw()).not.toContain('old-secret-value');
	});

	it('leaves the stored configuration exactly as it was on Ctrl+C', async () => {
		openConfig({dir: configDir}).profiles.put(
			{
				name: 'default',
				accessKeyId: 'LTAIkeep',
				accessKeySecret: 'keep-secret-value',
				regionId: 'cn-beijing',
			},
			{makeCurrent: true},
		);
		const bytes = fs.readFileSync(configFile());
		const session = configure();
		await session.waitForText('AccessKey ID');
		await session.press('LTAIsomethingElse', keys.enter);
		await session.waitForText('AccessKey Secret');
		await session.press('half-typed', keys.ctrlC);
		await session.waitForText('Cancelled');
		expect(await session.exited).toBe(130);
		expect(fs.readFileSync(configFile())).toEqual(bytes);
	});

	it('imports the aliyun CLI profile from ~/.aliyun/config.json', async () => {
		fs.mkdirSync(path.join(home, '.aliyun'));
		fs.writeFileSync(
			path.join(home, '.aliyun', 'config.json'),
			JSON.stringify({
				current: 'cli',
				profiles: [
					{
						name: 'cli',
						mode: 'AK',
						access_key_id: sandbox.accessKeyId,
						access_key_secret: sandbox.accessKeySecret,
						region_id: 'cn-shanghai',
					},
				],
				meta_path: '',
			}),
		);
		const session = configure();
		await session.waitForText(
			`Use the aliyun CLI profile "cli" (AccessKey ID ***${sandbox.accessKeyId.slice(-3)})`,
		);
		await session.press(keys.enter);
		await session.waitForText('The keys work.');
		await session.waitForText('Default region');
		// The aliyun profile's region is the default choice.
		await session.press(keys.enter);
		await session.waitForText('Saved profile "default"');
		expect(await session.exited).toBe(0);
		expect(stored().profiles.default).toEqual({
			accessKeyId: sandbox.accessKeyId,
			accessKeySecret: sandbox.accessKeySecret,
			regionId: 'cn-shanghai',
		});
		expect(session.raw()).not.toContain(sandbox.accessKeySecret);
	});
});

describe('ecs-sg configure without a terminal', () => {
	it('refuses to ask questions and says how to use the environment instead', () => {
		const result = plain('configure');
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('needs a terminal');
		expect(result.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
		expect(fs.existsSync(configFile())).toBe(false);
	});

	it('lists profiles with secrets masked and switches the current one', () => {
		const store = openConfig({dir: configDir});
		store.profiles.put({
			name: 'dev',
			accessKeyId: 'LTAIdevKey123',
			accessKeySecret: 'dev-secret-value',
			regionId: 'cn-hangzhou',
		});
		store.profiles.put(
			{
				name: 'prod',
				accessKeyId: 'STS.prodKey789',
				accessKeySecret: 'prod-secret-value',
				securityToken: 'prod-token-value',
			},
			{makeCurrent: true},
		);
		const listed = plain('configure', 'list');
		expect(listed.code).toBe(0);
		const lines = listed.stdout.trim().split('\n');
		// Each profile's mode (issue 14): the STS yes/no column became MODE, and a ROLE column was added.
		expect(lines[0]).toMatch(/PROFILE\s+ACCESSKEY ID\s+MODE\s+REGION\s+ROLE/);
		expect(lines[1]).toMatch(/^\s+dev\s+\*\*\*123\s+AK\s+cn-hangzhou\s+-$/);
		expect(lines[2]).toMatch(/^\*\s+prod\s+\*\*\*789\s+StsToken\s+-\s+-$/);
		for (const secret of ['dev-secret-value', 'prod-secret-value', 'prod-token-value', 'LTAIdevKey123']) {
			expect(listed.stdout + listed.stderr).not.toContain(secret);
		}

		const used = plain('configure', 'use', 'dev');
		expect(used.code).toBe(0);
		expect(used.stdout).toContain('Now using profile "dev"');
		expect(stored().currentProfile).toBe('dev');

		const unknown = plain('configure', 'use', 'staging');
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('"staging"');
		expect(unknown.stderr).toContain('dev, prod');
		expect(stored().currentProfile).toBe('dev');
	});

	it('reports a corrupt settings file with its path instead of wiping it', () => {
		fs.mkdirSync(configDir, {recursive: true});
		fs.writeFileSync(configFile(), '{"profiles": {\n  "default": {"accessKeySecret": "corrupt-secret"\n');
		const result = plain('configure', 'list');
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(configFile());
		expect(result.stderr).toContain('line 3');
		expect(result.stderr).not.toContain('corrupt-secret');
		expect(result.stderr).not.toMatch(/at .*\.mjs:\d+/);
		expect(fs.readFileSync(configFile(), 'utf8')).toContain('corrupt-secret');
	});
});
