// The sandbox's STS (AssumeRole signed V2 or V3, AssumeRoleWithOIDC unsigned) and its instance-metadata
// stand-in, through independent clients (pop-core, the official STS SDK) and plain fetch: the real answer
// shape, temporary keys that ECS and VPC accept until they expire (then InvalidSecurityToken.Expired), the
// refusals with their real codes, IMDSv2.
import * as Sdk from '@alicloud/ecs20140526';
import * as stsModels from '@alicloud/sts20150401';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Sandbox} from '../../source/sandbox/index.js';
import {startSandbox} from '../../source/sandbox/index.js';
import {ask, ECS, pop, refusal, VPC} from './helpers.js';
import {walkModel} from './model-walk.js';
import {ecsClient, sdkRefusal, stsClient} from './sdk.js';

const STS = '2015-04-01';
const owner = '1234567890123456';
const role = `acs:ram::${owner}:role/ops`;
const guarded = `acs:ram::${owner}:role/partner`;
const oidcProvider = `acs:ram::${owner}:oidc-provider/ack`;
const lifetimeMs = 900_000;
/** A role whose keys live one second, to see them expire. */
const short = `acs:ram::${owner}:role/short`;

let sandbox: Sandbox;

type Issued = {
	Credentials: {AccessKeyId: string; AccessKeySecret: string; SecurityToken: string; Expiration: string};
	AssumedRoleUser: {Arn: string; AssumedRoleId: string};
};

beforeAll(async () => {
	sandbox = await startSandbox({
		port: 0,
		metadataPort: 0,
		initialState: {
			account: {ownerId: owner},
			sts: {
				roles: [
					{RoleArn: role, OIDCProviderArn: oidcProvider},
					{RoleArn: guarded, ExternalId: 'abc123'},
					{RoleArn: short, TtlSeconds: 1},
				],
			},
		},
	});
});
afterAll(async () => sandbox?.close());

const sts = () => pop(sandbox, STS);
const assume = (params: Record<string, unknown> = {}) =>
	ask(sts(), 'AssumeRole', {
		RoleArn: role,
		RoleSessionName: 'unit',
		DurationSeconds: 900,
		...params,
	}) as Promise<unknown> as Promise<Issued>;

describe('STS AssumeRole', () => {
	it('answers in the real shape, and its keys work for ECS and VPC until they expire', async () => {
		const issued = await assume();
		expect(issued.Credentials.AccessKeyId).toMatch(/^STS\./);
		expect(Date.parse(issued.Credentials.Expiration) - Date.now()).toBeGreaterThan(lifetimeMs - 2000);
		expect(issued.AssumedRoleUser.Arn).toBe(`acs:ram::${owner}:assumed-role/ops/unit`);
		// Field for field as the official STS SDK's model says (@alicloud/sts20150401, an oracle only).
		expect(walkModel(stsModels.AssumeRoleResponseBody, issued)).toEqual([]);
		const keys = {
			accessKeyId: issued.Credentials.AccessKeyId,
			accessKeySecret: issued.Credentials.AccessKeySecret,
			securityToken: issued.Credentials.SecurityToken,
		};
		expect(await ask(pop(sandbox, ECS, keys), 'DescribeRegions')).toHaveProperty('Regions');
		expect(await ask(pop(sandbox, VPC, keys), 'DescribeVpcs', {RegionId: 'cn-hangzhou'})).toHaveProperty(
			'Vpcs',
		);
		const {securityToken: _, ...withoutToken} = keys;
		expect((await refusal(ask(pop(sandbox, ECS, withoutToken), 'DescribeRegions'))).code).toBe(
			'MissingSecurityToken',
		);

		const brief = (await assume({RoleArn: short})).Credentials;
		const briefKeys = {
			accessKeyId: brief.AccessKeyId,
			accessKeySecret: brief.AccessKeySecret,
			securityToken: brief.SecurityToken,
		};
		expect(await ask(pop(sandbox, ECS, briefKeys), 'DescribeRegions')).toHaveProperty('Regions');
		await new Promise((resolve) => setTimeout(resolve, 1100));
		expect(
			await refusal(ask(pop(sandbox, VPC, briefKeys), 'DescribeVpcs', {RegionId: 'cn-hangzhou'})),
		).toMatchObject({
			code: 'InvalidSecurityToken.Expired',
			status: 400,
		});
	});

	it('refuses an unknown role, a bad session name, a duration out of range and a missing external id', async () => {
		expect(await refusal(assume({RoleArn: `acs:ram::${owner}:role/none`}))).toMatchObject({
			code: 'EntityNotExist.Role',
			status: 404,
		});
		expect((await refusal(assume({RoleSessionName: 'a'}))).code).toBe('InvalidParameter.RoleSessionName');
		expect((await refusal(assume({DurationSeconds: 60}))).code).toBe('InvalidParameter.DurationSeconds');
		expect(await refusal(assume({RoleArn: guarded}))).toMatchObject({code: 'NoPermission', status: 403});
		expect((await assume({RoleArn: guarded, ExternalId: 'abc123'})).Credentials.AccessKeyId).toMatch(
			/^STS\./,
		);
		expect(
			(
				await refusal(
					ask(pop(sandbox, STS, {accessKeySecret: 'wrong-secret-0000'}), 'AssumeRole', {
						RoleArn: role,
						RoleSessionName: 'x1',
					}),
				)
			).code,
		).toBe('SignatureDoesNotMatch');
	});
});

describe('STS AssumeRole through the official STS SDK', () => {
	const request = new stsModels.AssumeRoleRequest({
		roleArn: role,
		roleSessionName: 'sdk',
		durationSeconds: 900,
	});

	// @alicloud/sts20150401 signs V3 by default, where Action and Version travel in headers, not parameters.
	it.each(['v3', 'v2'] as const)(
		'answers a %s-signed AssumeRole, and its keys work for ECS',
		async (signing) => {
			const issued = (await stsClient(sandbox, signing).assumeRole(request)).body?.credentials;
			expect(issued?.accessKeyId).toMatch(/^STS\./);
			const keys = {
				endpoint: sandbox.endpoint,
				accessKeyId: issued?.accessKeyId ?? '',
				accessKeySecret: issued?.accessKeySecret ?? '',
				securityToken: issued?.securityToken ?? '',
			};
			const regions = await ecsClient(keys).describeRegions(new Sdk.DescribeRegionsRequest({}));
			expect(regions.body?.regions?.region?.length).toBeGreaterThan(0);
		},
	);

	it('refuses a V3-signed AssumeRole with the wrong secret or an unknown role, as a V2 one', async () => {
		const wrong = await sdkRefusal(
			stsClient({...sandbox, accessKeySecret: 'wrong-secret-0000'}).assumeRole(request),
		);
		expect(wrong.code).toBe('SignatureDoesNotMatch');
		const none = new stsModels.AssumeRoleRequest({roleArn: `${role}x`, roleSessionName: 'sdk'});
		expect((await sdkRefusal(stsClient(sandbox).assumeRole(none))).code).toBe('EntityNotExist.Role');
	});
});

describe('STS AssumeRoleWithOIDC (unsigned)', () => {
	const oidc = (form: Record<string, string>) =>
		fetch(`${sandbox.endpoint}/?Action=AssumeRoleWithOIDC&Version=${STS}&Format=JSON`, {
			method: 'POST',
			headers: {'Content-Type': 'application/x-www-form-urlencoded'},
			body: new URLSearchParams(form),
		});

	it('issues keys for a token of three parts from the registered provider', async () => {
		const answer = await oidc({
			RoleArn: role,
			OIDCProviderArn: oidcProvider,
			OIDCToken: 'a.b.c',
			RoleSessionName: 'pod',
		});
		expect(answer.status).toBe(200);
		const body = (await answer.json()) as Issued;
		expect(body.Credentials.SecurityToken.length).toBeGreaterThan(40);
		expect(body.AssumedRoleUser.Arn).toContain('assumed-role/ops/pod');
		expect(walkModel(stsModels.AssumeRoleWithOIDCResponseBody, body)).toEqual([]);
	});

	it('refuses another provider and a malformed token', async () => {
		const other = await oidc({
			RoleArn: role,
			OIDCProviderArn: `${oidcProvider}x`,
			OIDCToken: 'a.b.c',
			RoleSessionName: 'pod',
		});
		expect(other.status).toBe(401);
		expect(((await other.json()) as {Code: string}).Code).toBe('AuthenticationFail.NoPermission');
		const bad = await oidc({
			RoleArn: role,
			OIDCProviderArn: oidcProvider,
			OIDCToken: 'nope',
			RoleSessionName: 'pod',
		});
		expect(((await bad.json()) as {Code: string}).Code).toBe('AuthenticationFail.OIDCToken.Invalid');
	});
});

describe('the instance-metadata stand-in (IMDSv2)', () => {
	it('serves the role list and its keys only with a session token', async () => {
		const base = sandbox.metadataEndpoint as string;
		const list = `${base}/latest/meta-data/ram/security-credentials/`;
		expect((await fetch(list)).status).toBe(401);
		const token = await (
			await fetch(`${base}/latest/api/token`, {
				method: 'PUT',
				headers: {'X-aliyun-ecs-metadata-token-ttl-seconds': '60'},
			})
		).text();
		const headers = {'X-aliyun-ecs-metadata-token': token};
		expect((await (await fetch(list, {headers})).text()).split('\n')).toEqual(['ops', 'partner', 'short']);
		const keys = (await (await fetch(`${list}ops`, {headers})).json()) as Record<string, string>;
		expect(keys).toMatchObject({Code: 'Success', AccessKeyId: expect.stringMatching(/^STS\./)});
		const client = pop(sandbox, ECS, {
			accessKeyId: keys.AccessKeyId as string,
			accessKeySecret: keys.AccessKeySecret as string,
			securityToken: keys.SecurityToken as string,
		});
		expect(await ask(client, 'DescribeRegions')).toHaveProperty('Regions');
		expect((await fetch(`${list}nobody`, {headers})).status).toBe(404);
	});
});
