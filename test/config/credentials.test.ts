import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {resolveCredentials} from '../../source/config/credentials.js';
import {parseIni} from '../../source/config/credentials-file.js';
import {ConfigError} from '../../source/config/errors.js';
import {openConfig} from '../../source/config/store.js';
import type {ConfigStore} from '../../source/config/types.js';

let home: string;
let store: ConfigStore;

const write = (relative: string, text: string) => {
	const file = path.join(home, relative);
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, text);
	return file;
};
const aliyun = (config: unknown) => write('.aliyun/config.json', JSON.stringify(config, null, '\t'));
const envKeys = {ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret'};
const resolve = (env: NodeJS.ProcessEnv = {}, profile?: string) =>
	resolveCredentials({profile, env, home, store});

function thrown(run: () => unknown): ConfigError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return error as ConfigError;
	}
	throw new Error('expected a ConfigError');
}

beforeEach(() => {
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-home-'));
	store = openConfig({dir: path.join(home, 'ecs-sg-config')});
});
afterEach(() => {
	fs.rmSync(home, {recursive: true, force: true});
});

describe('the credential chain, in design.md order', () => {
	it('finds nothing when nothing is set up', () => {
		expect(resolve()).toBeUndefined();
	});

	it('takes each source in turn as the earlier ones disappear', () => {
		write(
			'.alibabacloud/credentials',
			'[default]\ntype = access_key\naccess_key_id = LTAIfile\naccess_key_secret = file-secret\n',
		);
		expect(resolve()).toMatchObject({accessKeyId: 'LTAIfile', source: {kind: 'credentials-file'}});

		aliyun({
			current: 'main',
			profiles: [
				{
					name: 'main',
					mode: 'AK',
					access_key_id: 'LTAIcli',
					access_key_secret: 'cli-secret',
					region_id: 'cn-beijing',
				},
			],
		});
		expect(resolve()).toMatchObject({
			accessKeyId: 'LTAIcli',
			regionId: 'cn-beijing',
			source: {kind: 'aliyun-cli'},
		});

		store.profiles.put(
			{name: 'mine', accessKeyId: 'LTAIstored', accessKeySecret: 's', regionId: 'cn-shanghai'},
			{makeCurrent: true},
		);
		expect(resolve()).toMatchObject({
			accessKeyId: 'LTAIstored',
			regionId: 'cn-shanghai',
			source: {kind: 'profile', label: 'mine'},
		});

		expect(resolve(envKeys)).toMatchObject({
			accessKeyId: 'LTAIenv',
			accessKeySecret: 'env-secret',
			source: {kind: 'env'},
		});

		store.profiles.put({name: 'other', accessKeyId: 'LTAIother', accessKeySecret: 's'});
		expect(resolve(envKeys, 'other')).toMatchObject({
			accessKeyId: 'LTAIother',
			source: {kind: 'profile', label: 'other'},
		});
		expect(resolve({...envKeys, ALIBABA_CLOUD_PROFILE: 'other'})).toMatchObject({accessKeyId: 'LTAIother'});
	});

	it('carries the STS token from the environment', async () => {
		const found = resolve({
			...envKeys,
			ALIBABA_CLOUD_SECURITY_TOKEN: 'tok',
			ALIBABA_CLOUD_REGION_ID: 'eu-west-1',
		});
		expect(found).toMatchObject({
			accessKeyId: 'LTAIenv',
			accessKeySecret: 'env-secret',
			securityToken: 'tok',
			regionId: 'eu-west-1',
			mode: 'StsToken',
			source: {kind: 'env', label: 'ALIBABA_CLOUD_ACCESS_KEY_ID'},
		});
		expect(await found?.provider.getCredentials()).toEqual({
			accessKeyId: 'LTAIenv',
			accessKeySecret: 'env-secret',
			securityToken: 'tok',
		});
	});

	it('refuses half a key pair in the environment', () => {
		const error = thrown(() => resolve({ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIx'}));
		expect(error.code).toBe('incomplete');
		expect(error.message).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET');
	});

	it('finds a named profile in the aliyun CLI file or the credentials file too', () => {
		aliyun({
			current: 'a',
			profiles: [
				{name: 'cli-named', mode: 'StsToken', access_key_id: 'STS.x', access_key_secret: 'y', sts_token: 'z'},
			],
		});
		write(
			'.alibabacloud/credentials',
			'[file-named]\ntype = access_key\naccess_key_id = LTAIf\naccess_key_secret = fs\n',
		);
		expect(resolve({}, 'cli-named')).toMatchObject({accessKeyId: 'STS.x', securityToken: 'z'});
		expect(resolve({ALIBABA_CLOUD_PROFILE: 'file-named'})).toMatchObject({accessKeyId: 'LTAIf'});
	});

	it('names every known profile when the named one does not exist, even with keys in the environment', () => {
		store.profiles.put({name: 'stored', accessKeyId: 'a', accessKeySecret: 'b'});
		aliyun({
			current: 'x',
			profiles: [{name: 'from-cli', mode: 'AK', access_key_id: 'a', access_key_secret: 'b'}],
		});
		const error = thrown(() => resolve(envKeys, 'nope'));
		expect(error.code).toBe('unknown-profile');
		expect(error.message).toContain('"nope"');
		expect(error.message).toContain('from-cli, stored');
	});
});

describe('the aliyun CLI file', () => {
	it('reads StsToken mode and recognises a profile without a mode', () => {
		aliyun({
			current: 'sts',
			profiles: [
				{
					name: 'sts',
					mode: 'StsToken',
					access_key_id: 'STS.id',
					access_key_secret: 'sec',
					sts_token: 'token',
				},
			],
		});
		expect(resolve()).toMatchObject({accessKeyId: 'STS.id', securityToken: 'token'});
		aliyun({current: 'plain', profiles: [{name: 'plain', access_key_id: 'LTAIp', access_key_secret: 'sec'}]});
		expect(resolve()).toMatchObject({accessKeyId: 'LTAIp'});
		expect(resolve()?.securityToken).toBeUndefined();
	});

	// Every mode teams use is read now (issue 14); OAuth (a browser login ecs-sg does not do) is still refused.
	it('says which mode is not supported, but lets a later source win', () => {
		aliyun({
			current: 'browser',
			profiles: [{name: 'browser', mode: 'OAuth', oauth_site_type: 'CN'}],
		});
		const error = thrown(() => resolve());
		expect(error.code).toBe('unsupported');
		expect(error.message).toContain('OAuth');
		expect(error.message).toContain(path.join(home, '.aliyun', 'config.json'));
		expect(error.next).toContain('ecs-sg configure');

		write(
			'.alibabacloud/credentials',
			'[default]\ntype = access_key\naccess_key_id = LTAIfile\naccess_key_secret = fs\n',
		);
		expect(resolve()).toMatchObject({accessKeyId: 'LTAIfile'});
	});

	it('reports malformed JSON with the file and line, without quoting it', () => {
		const file = write(
			'.aliyun/config.json',
			'{\n\t"current": "a",\n\t"profiles": [\n\t\t{"access_key_secret": "leaky-secret" "name": "a"}\n\t]\n}',
		);
		const error = thrown(() => resolve());
		expect(error.code).toBe('corrupt');
		expect(error.message).toContain(file);
		expect(error.message).toContain('line 4');
		expect(error.details.line).toBe(4);
		expect(error.message).not.toContain('leaky-secret');
	});
});

describe('the credentials file', () => {
	it('parses comments, inline comments, quotes and sections', () => {
		const parsed = parseIni(
			'f',
			'# top\n[default]\ntype = access_key   # the only one supported\naccess_key_id = "LTAIq"\n; note\naccess_key_secret=abc#def\n',
		);
		const section = parsed.sections.get('default');
		expect(section?.values.get('type')?.value).toBe('access_key');
		expect(section?.values.get('access_key_id')?.value).toBe('LTAIq');
		expect(section?.values.get('access_key_secret')?.value).toBe('abc#def');
	});

	it('names the file and line of a malformed line', () => {
		const file = write('.alibabacloud/credentials', '[default]\ntype = access_key\nthis line is wrong\n');
		const error = thrown(() => resolve());
		expect(error.code).toBe('syntax');
		expect(error.message).toContain(`${file}, line 3`);
		const outside = thrown(() => parseIni('creds', 'key = value\n[default]\n'));
		expect(outside.details.line).toBe(1);
	});

	it('says which type is not supported, and which key is missing', () => {
		write('.alibabacloud/credentials', '[default]\ntype = rsa_key_pair\naccess_key_id = a\n');
		const unsupported = thrown(() => resolve());
		expect(unsupported.code).toBe('unsupported');
		expect(unsupported.message).toContain('rsa_key_pair');
		expect(unsupported.message).toContain('line 2');

		write('.alibabacloud/credentials', '\n[default]\ntype = access_key\naccess_key_id = a\n');
		const missing = thrown(() => resolve());
		expect(missing.code).toBe('incomplete');
		expect(missing.message).toContain('access_key_secret');
		expect(missing.message).toContain('line 2');
	});

	it('honours ALIBABA_CLOUD_CREDENTIALS_FILE', () => {
		const file = write(
			'elsewhere/creds.ini',
			'[default]\ntype = access_key\naccess_key_id = LTAIelse\naccess_key_secret = s\n',
		);
		expect(resolve({ALIBABA_CLOUD_CREDENTIALS_FILE: file})).toMatchObject({
			accessKeyId: 'LTAIelse',
			source: {kind: 'credentials-file', label: `${file} [default]`},
		});
	});
});

describe('the modes of issue 14 in the chain', () => {
	const oidcEnv = {
		ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::1:role/pod',
		ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'acs:ram::1:oidc-provider/ack',
		ALIBABA_CLOUD_OIDC_TOKEN_FILE: '/var/run/token',
	};

	it('takes OIDC, then a credentials URI, then the instance role from the environment, after the key pair', () => {
		const uri = {ALIBABA_CLOUD_CREDENTIALS_URI: 'http://127.0.0.1:1/c'};
		const ecs = {ALIBABA_CLOUD_ECS_METADATA: 'web'};
		expect(resolve({...envKeys, ...oidcEnv, ...uri, ...ecs})).toMatchObject({mode: 'AK'});
		expect(resolve({...oidcEnv, ...uri, ...ecs})).toMatchObject({
			mode: 'OIDC',
			source: {kind: 'env', label: 'ALIBABA_CLOUD_OIDC_TOKEN_FILE'},
		});
		expect(resolve({...uri, ...ecs})).toMatchObject({mode: 'CredentialsURI'});
		expect(resolve(ecs)).toMatchObject({mode: 'EcsRamRole'});
		// Half an OIDC setting is not OIDC: nothing else is set up, so nothing is found.
		expect(resolve({ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::1:role/pod'})).toBeUndefined();
	});

	it('a stored profile with a role is RamRoleArn, without a key pair shown to the rest of the product', () => {
		store.profiles.put(
			{name: 'ops', accessKeyId: 'LTAIsrc', accessKeySecret: 'src', role: {roleArn: 'acs:ram::1:role/ops'}},
			{makeCurrent: true},
		);
		const found = resolve();
		expect(found).toMatchObject({mode: 'RamRoleArn', source: {kind: 'profile', label: 'ops'}});
		expect(found?.accessKeyId).toBeUndefined();
		expect(store.profiles.get('ops')?.role).toEqual({roleArn: 'acs:ram::1:role/ops'});
	});

	it('uses the instance metadata service last, only when ECS_SG_METADATA_ENDPOINT names one', () => {
		expect(resolve({})).toBeUndefined();
		expect(resolve({ECS_SG_METADATA_ENDPOINT: 'http://127.0.0.1:1'})).toMatchObject({
			mode: 'EcsRamRole',
			source: {kind: 'metadata'},
		});
	});

	it('reads the role types of the credentials file', () => {
		write(
			'.alibabacloud/credentials',
			'[default]\ntype = ram_role_arn\naccess_key_id = a\naccess_key_secret = b\nrole_arn = acs:ram::1:role/x\n',
		);
		expect(resolve()).toMatchObject({mode: 'RamRoleArn', source: {kind: 'credentials-file'}});
		write('.alibabacloud/credentials', '[default]\ntype = ecs_ram_role\nrole_name = web\n');
		expect(resolve()).toMatchObject({mode: 'EcsRamRole'});
	});
});
