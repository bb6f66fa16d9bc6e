// The providers of config/providers.ts over @alicloud/credentials, against the sandbox's STS where one is needed:
// keys renewed when they expire, a renewal that fails named by mode, role and step, CloudSSO's expired token, an
// External process, and the aliyun CLI file read in every mode.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {aliyunCliSettings, loadAliyunCli} from '../../source/config/aliyun-cli.js';
import {ConfigError} from '../../source/config/errors.js';
import {providerFor} from '../../source/config/providers.js';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';

const owner = '1234567890123456';
const role = `acs:ram::${owner}:role/brief`;
let sandbox: Sandbox;
let home: string;

beforeAll(async () => {
	sandbox = await startSandbox({
		port: 0,
		initialState: {account: {ownerId: owner}, sts: {roles: [{RoleArn: role, TtlSeconds: 1}]}},
	});
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-providers-'));
});
afterAll(async () => {
	await sandbox?.close();
	if (home) fs.rmSync(home, {recursive: true, force: true});
});

const source = () => ({
	mode: 'AK' as const,
	accessKeyId: sandbox.accessKeyId,
	accessKeySecret: sandbox.accessKeySecret,
});

async function failure(promise: Promise<unknown>): Promise<ConfigError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return error as ConfigError;
	}
	throw new Error('expected a ConfigError');
}

/** Waits until `expiration` (ISO, whole seconds) is past, and a little more. */
const untilExpired = (expiration: string | undefined) =>
	new Promise((resolve) =>
		setTimeout(resolve, Math.max(1100, Date.parse(expiration ?? '') - Date.now() + 300) || 1100),
	);

describe('RamRoleArn through the sandbox STS', () => {
	it('gives new keys once the old ones expired, and names the role and step when renewal fails', async () => {
		const provider = providerFor({mode: 'RamRoleArn', source: source(), roleArn: role}, 'ops', {
			sts: sandbox.endpoint,
		});
		const first = await provider.getCredentials();
		expect(first.accessKeyId).toMatch(/^STS\./);
		expect(first.expiration).toMatch(/Z$/);
		// Until the keys have expired by the clock of their own Expiration (whole seconds), not a fixed pause.
		await untilExpired(first.expiration);
		const second = await provider.getCredentials();
		expect(second.accessKeyId).not.toBe(first.accessKeyId);

		// STS gone once the keys have expired: the renewal's own error, not a later API refusal.
		const own = await startSandbox({
			port: 0,
			initialState: {account: {ownerId: owner}, sts: {roles: [{RoleArn: role, TtlSeconds: 1}]}},
		});
		const ownSource = {
			mode: 'AK' as const,
			accessKeyId: own.accessKeyId,
			accessKeySecret: own.accessKeySecret,
		};
		const renewing = providerFor({mode: 'RamRoleArn', source: ownSource, roleArn: role}, 'ops', {
			sts: own.endpoint,
		});
		const held = await renewing.getCredentials();
		await own.close();
		await untilExpired(held.expiration);
		const error = await failure(renewing.getCredentials());
		expect(error.code).toBe('unreachable');
		expect(error.sentence).toBe(
			`RamRoleArn credentials (profile ops, role ${role}): STS could not be reached (ECONNREFUSED).`,
		);
	});

	it('refuses a wrong source secret with the STS code, never the string to sign', async () => {
		const provider = providerFor(
			{mode: 'RamRoleArn', source: {...source(), accessKeySecret: 'wrong-secret-value'}, roleArn: role},
			'ops',
			{sts: sandbox.endpoint},
		);
		const error = await failure(provider.getCredentials());
		expect(error.code).toBe('credentials');
		expect(error.sentence).toBe(
			`RamRoleArn credentials (profile ops, role ${role}): STS refused AssumeRole with SignatureDoesNotMatch.`,
		);
		expect(error.next).toContain('source keys are wrong');
		expect(error.message).not.toContain('wrong-secret-value');
		expect(error.message).not.toContain(sandbox.accessKeyId);
	});
});

describe('the other modes', () => {
	it('CloudSSO with an expired access token says to run `aliyun sso login`', async () => {
		const provider = providerFor(
			{
				mode: 'CloudSSO',
				signInUrl: 'http://127.0.0.1:9/start',
				accountId: '1',
				accessConfig: 'ac-1',
				accessToken: 'sso-token-value',
				accessTokenExpire: Math.floor(Date.now() / 1000) - 60,
			},
			'sso',
			{},
		);
		const error = await failure(provider.getCredentials());
		expect(error.sentence).toContain('CloudSSO credentials (profile sso)');
		expect(error.next).toContain('aliyun sso login');
		expect(error.message).not.toContain('sso-token-value');
	});

	it('External runs process_command and takes the keys it prints', async () => {
		const script = path.join(home, 'keys.cjs');
		fs.writeFileSync(
			script,
			"process.stdout.write(JSON.stringify({mode: 'AK', access_key_id: 'LTAIext', access_key_secret: 'ext-secret'}))",
		);
		const provider = providerFor(
			{mode: 'External', processCommand: `${process.execPath} ${script}`},
			'ext',
			{},
		);
		expect(await provider.getCredentials()).toMatchObject({
			accessKeyId: 'LTAIext',
			accessKeySecret: 'ext-secret',
		});
	});
});

describe('the aliyun CLI file, every mode', () => {
	const write = (profiles: unknown[]) => {
		fs.mkdirSync(path.join(home, '.aliyun'), {recursive: true});
		fs.writeFileSync(path.join(home, '.aliyun', 'config.json'), JSON.stringify({current: 'a', profiles}));
		const config = loadAliyunCli(home);
		if (!config) throw new Error('no file');
		return config;
	};

	it('reads each mode into its settings', () => {
		const config = write([
			{name: 'a', mode: 'AK', access_key_id: 'id', access_key_secret: 's'},
			{
				name: 'r',
				mode: 'RamRoleArn',
				access_key_id: 'id',
				access_key_secret: 's',
				ram_role_arn: role,
				external_id: 'x9',
				expired_seconds: 1800,
			},
			{name: 'c', mode: 'ChainableRamRoleArn', source_profile: 'r', ram_role_arn: `${role}2`},
			{name: 'e', mode: 'EcsRamRole', ram_role_name: 'web'},
			{name: 'o', mode: 'OIDC', ram_role_arn: role, oidc_provider_arn: 'p', oidc_token_file: '/t'},
			{name: 'u', mode: 'CredentialsURI', credentials_uri: 'http://127.0.0.1:1/c'},
			{name: 'x', mode: 'External', process_command: 'keys'},
			{
				name: 's',
				mode: 'CloudSSO',
				cloud_sso_sign_in_url: 'https://sso',
				cloud_sso_account_id: '1',
				cloud_sso_access_config: 'ac',
				access_token: 't',
				cloud_sso_access_token_expire: 99,
			},
			{name: 'loop', mode: 'ChainableRamRoleArn', source_profile: 'loop', ram_role_arn: role},
		]);
		const settings = (name: string) =>
			aliyunCliSettings(config, config.profiles.find((p) => p.name === name) as never);
		expect(settings('r')).toMatchObject({
			mode: 'RamRoleArn',
			externalId: 'x9',
			durationSeconds: 1800,
			source: {mode: 'AK'},
		});
		expect(settings('c')).toMatchObject({
			mode: 'ChainableRamRoleArn',
			source: {mode: 'RamRoleArn', roleArn: role},
		});
		expect(settings('e')).toEqual({mode: 'EcsRamRole', roleName: 'web'});
		expect(settings('o')).toMatchObject({mode: 'OIDC', oidcProviderArn: 'p', oidcTokenFile: '/t'});
		expect(settings('u')).toEqual({mode: 'CredentialsURI', uri: 'http://127.0.0.1:1/c'});
		expect(settings('x')).toEqual({mode: 'External', processCommand: 'keys'});
		expect(settings('s')).toMatchObject({mode: 'CloudSSO', accessTokenExpire: 99});
		expect(() => settings('loop')).toThrow(/source_profile/);
	});

	it('names the mode, the profile and the missing field', () => {
		const config = write([{name: 'a', mode: 'RamRoleArn', access_key_id: 'id', access_key_secret: 's'}]);
		const profile = config.profiles[0];
		if (!profile) throw new Error('no profile');
		expect(() => aliyunCliSettings(config, profile)).toThrow(
			'RamRoleArn credentials (profile a): the setting ram_role_arn is missing.',
		);
	});
});
