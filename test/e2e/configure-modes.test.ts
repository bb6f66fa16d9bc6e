// A create through every sign-in mode the issue names, without a terminal (`--yes`), against one sandbox in this
// process that also answers STS and stands in for the instance metadata service: AK, StsToken, RamRoleArn,
// ChainableRamRoleArn, OIDC, CredentialsURI and EcsRamRole. Each group is then looked up with an independent
// client (pop-core directly), and no run prints a secret or a token. Also: a refused AssumeRole names the mode,
// the role and the STS error, exits 1 and creates nothing.
import fs from 'node:fs';
import {createServer, type Server} from 'node:http';
import os from 'node:os';
import path from 'node:path';
import RPCClient from '@alicloud/pop-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {type CliRun, runCli} from '../helpers/cli.js';
import {noKeysEnv} from '../helpers/env.js';

const owner = '1234567890123456';
const role = `acs:ram::${owner}:role/ops`;
const instanceRole = 'ecs-web';
const deniedRole = `acs:ram::${owner}:role/locked`;
const oidcProvider = `acs:ram::${owner}:oidc-provider/ack-rrsa`;
const regionId = 'cn-hangzhou';

let sandbox: Sandbox;
let ecs: RPCClient;
let sts: RPCClient;
let uriServer: Server;
let uri: string;
let home: string;
/** Every output of every run, checked for secrets at the end. */
const outputs: string[] = [];
/** Every secret and token this file handled. */
const secrets = new Set<string>();

type Assumed = {
	Credentials: {AccessKeyId: string; AccessKeySecret: string; SecurityToken: string; Expiration: string};
};

/** Temporary keys from the sandbox's STS, asked with pop-core directly (the independent client). */
async function assume(): Promise<Assumed['Credentials']> {
	const answer = (await sts.request(
		'AssumeRole',
		{RoleArn: role, RoleSessionName: 'oracle', DurationSeconds: 900},
		{method: 'POST'},
	)) as Assumed;
	secrets.add(answer.Credentials.AccessKeySecret);
	secrets.add(answer.Credentials.SecurityToken);
	return answer.Credentials;
}

beforeAll(async () => {
	sandbox = await startSandbox({
		port: 0,
		metadataPort: 0,
		initialState: {
			account: {ownerId: owner},
			sts: {
				roles: [
					{RoleArn: role, OIDCProviderArn: oidcProvider},
					{RoleArn: `acs:ram::${owner}:role/${instanceRole}`},
					{RoleArn: deniedRole, Denied: true},
				],
			},
		},
	});
	secrets.add(sandbox.accessKeySecret);
	ecs = new RPCClient({...keysOf(sandbox), endpoint: sandbox.endpoint, apiVersion: '2014-05-26'});
	sts = new RPCClient({...keysOf(sandbox), endpoint: sandbox.endpoint, apiVersion: '2015-04-01'});
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-modes-'));
	// A credentials URI (what a sidecar or a vault agent serves): fresh STS keys on every GET.
	uriServer = createServer((_req, res) => {
		assume().then(
			(c) => {
				res.writeHead(200, {'Content-Type': 'application/json'});
				res.end(JSON.stringify({Code: 'Success', ...c}));
			},
			() => {
				res.writeHead(500);
				res.end();
			},
		);
	});
	await new Promise<void>((resolve) => uriServer.listen(0, '127.0.0.1', resolve));
	const address = uriServer.address();
	uri = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/credentials`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => uriServer?.close(() => resolve()));
	await sandbox?.close();
	if (home) fs.rmSync(home, {recursive: true, force: true});
});

const keysOf = (s: Sandbox) => ({accessKeyId: s.accessKeyId, accessKeySecret: s.accessKeySecret});

/** A person's HOME for one mode: its own config folder and aliyun CLI file (if any). */
function person(name: string, aliyun?: unknown): string {
	const dir = path.join(home, name);
	fs.mkdirSync(path.join(dir, '.aliyun'), {recursive: true});
	if (aliyun) fs.writeFileSync(path.join(dir, '.aliyun', 'config.json'), JSON.stringify(aliyun, null, 2));
	return dir;
}

async function create(name: string, dir: string, env: Record<string, string> = {}): Promise<CliRun> {
	const run = await runCli(
		[
			'--lang',
			'en',
			'create',
			'--endpoint',
			sandbox.endpoint,
			'--region',
			regionId,
			'--template',
			'web-linux',
			'--name',
			name,
			'--classic',
			'--yes',
		],
		{...noKeysEnv(dir), ALIBABA_CLOUD_CREDENTIALS_FILE: path.join(dir, 'no-credentials-file'), ...env},
	);
	outputs.push(run.stdout, run.stderr);
	return run;
}

async function groupsNamed(name: string): Promise<string[]> {
	const answer = (await ecs.request(
		'DescribeSecurityGroups',
		{RegionId: regionId, PageSize: 50},
		{method: 'POST'},
	)) as {
		SecurityGroups: {SecurityGroup: {SecurityGroupId: string; SecurityGroupName: string}[]};
	};
	return answer.SecurityGroups.SecurityGroup.filter((g) => g.SecurityGroupName === name).map(
		(g) => g.SecurityGroupId,
	);
}

/** The run succeeded, printed the new id, and the independent client sees exactly that one group. */
async function expectCreated(run: CliRun, name: string): Promise<void> {
	expect(run.stderr).not.toContain('Error');
	expect(run.code).toBe(0);
	const shown = /sg-[a-z0-9]+/.exec(run.stdout)?.[0];
	expect(await groupsNamed(name)).toEqual([shown]);
}

describe('a create through each sign-in mode', () => {
	it('AK: keys in the environment', async () => {
		const run = await create('mode-ak', person('ak'), {
			ALIBABA_CLOUD_ACCESS_KEY_ID: sandbox.accessKeyId,
			ALIBABA_CLOUD_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
		});
		await expectCreated(run, 'mode-ak');
	});

	it('StsToken: an aliyun CLI profile with temporary keys from STS', async () => {
		const c = await assume();
		const dir = person('sts', {
			current: 'temp',
			profiles: [
				{
					name: 'temp',
					mode: 'StsToken',
					access_key_id: c.AccessKeyId,
					access_key_secret: c.AccessKeySecret,
					sts_token: c.SecurityToken,
				},
			],
		});
		await expectCreated(await create('mode-sts', dir), 'mode-sts');
	});

	it('RamRoleArn: the profile’s keys assume the role', async () => {
		const dir = person('ram', {
			current: 'ops',
			profiles: [
				{
					name: 'ops',
					mode: 'RamRoleArn',
					access_key_id: sandbox.accessKeyId,
					access_key_secret: sandbox.accessKeySecret,
					ram_role_arn: role,
					ram_session_name: 'e2e',
					expired_seconds: 900,
				},
			],
		});
		await expectCreated(await create('mode-ram', dir), 'mode-ram');
	});

	it('ChainableRamRoleArn: a source profile’s keys assume the role (named with --profile)', async () => {
		const dir = person('chain', {
			current: 'base',
			profiles: [
				{
					name: 'base',
					mode: 'AK',
					access_key_id: sandbox.accessKeyId,
					access_key_secret: sandbox.accessKeySecret,
				},
				{name: 'chained', mode: 'ChainableRamRoleArn', source_profile: 'base', ram_role_arn: role},
			],
		});
		await expectCreated(await create('mode-chain', dir, {ALIBABA_CLOUD_PROFILE: 'chained'}), 'mode-chain');
	});

	it('OIDC: ALIBABA_CLOUD_ROLE_ARN, _OIDC_PROVIDER_ARN and _OIDC_TOKEN_FILE (RRSA)', async () => {
		const dir = person('oidc');
		const tokenFile = path.join(dir, 'token');
		fs.writeFileSync(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJlMmUifQ.c2lnbmF0dXJl');
		secrets.add('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJlMmUifQ.c2lnbmF0dXJl');
		const run = await create('mode-oidc', dir, {
			ALIBABA_CLOUD_ROLE_ARN: role,
			ALIBABA_CLOUD_OIDC_PROVIDER_ARN: oidcProvider,
			ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile,
		});
		await expectCreated(run, 'mode-oidc');
	});

	it('CredentialsURI: ALIBABA_CLOUD_CREDENTIALS_URI', async () => {
		const run = await create('mode-uri', person('uri'), {ALIBABA_CLOUD_CREDENTIALS_URI: uri});
		await expectCreated(run, 'mode-uri');
	});

	it('EcsRamRole: an aliyun CLI profile, keys from the instance-metadata stand-in (IMDSv2)', async () => {
		const dir = person('ecs', {
			current: 'instance',
			profiles: [{name: 'instance', mode: 'EcsRamRole', ram_role_name: instanceRole}],
		});
		const run = await create('mode-ecs', dir, {ECS_SG_METADATA_ENDPOINT: sandbox.metadataEndpoint ?? ''});
		await expectCreated(run, 'mode-ecs');
	});

	it('a refused AssumeRole names the mode, the role and the STS error, exits 1 and creates nothing', async () => {
		const dir = person('denied', {
			current: 'locked',
			profiles: [
				{
					name: 'locked',
					mode: 'RamRoleArn',
					access_key_id: sandbox.accessKeyId,
					access_key_secret: sandbox.accessKeySecret,
					ram_role_arn: deniedRole,
				},
			],
		});
		const run = await create('mode-denied', dir);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('RamRoleArn');
		expect(run.stderr).toContain(deniedRole);
		expect(run.stderr).toContain('AssumeRole with NoPermission');
		expect(run.stderr).not.toMatch(/\n\s+at /);
		expect(await groupsNamed('mode-denied')).toEqual([]);
	});

	it('no STS reachable: says so for the mode, exits 1', async () => {
		const dir = person('offline', {
			current: 'ops',
			profiles: [
				{
					name: 'ops',
					mode: 'RamRoleArn',
					access_key_id: sandbox.accessKeyId,
					access_key_secret: sandbox.accessKeySecret,
					ram_role_arn: role,
				},
			],
		});
		// A port nothing listens on: one the system handed out and that was closed again.
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as {port: number}).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		const run = await runCli(
			[
				'--lang',
				'en',
				'create',
				'--endpoint',
				`http://127.0.0.1:${port}`,
				'--region',
				regionId,
				'--template',
				'web-linux',
				'--name',
				'mode-offline',
				'--classic',
				'--yes',
			],
			{...noKeysEnv(dir), ALIBABA_CLOUD_CREDENTIALS_FILE: path.join(dir, 'none')},
		);
		outputs.push(run.stdout, run.stderr);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('RamRoleArn credentials');
		expect(run.stderr).toContain('STS could not be reached (ECONNREFUSED)');
	});

	it('no output of these runs holds a secret, a token or a signature', () => {
		expect(outputs.length).toBeGreaterThanOrEqual(18);
		expect(secrets.size).toBeGreaterThanOrEqual(4);
		const all = outputs.join('\n');
		for (const secret of secrets) expect(all).not.toContain(secret);
		// The shapes of the sandbox's temporary secrets and tokens, which this file never saw.
		expect(all).not.toMatch(/CAIS[A-Za-z0-9_-]{20,}/);
		expect(all).not.toMatch(/Signature=/);
	});
});
