// Every kind of refusal the sandbox has, driven through the official SDK (V3 default and V2): the error body
// the SDK parses ({Code, Message, RequestId, HostId, Recommend}) raises the SDK's own error class
// (ClientError for 4xx, ServerError for 5xx, ThrottlingError for Throttling*) with the right code, status and
// request id. A guard checks that every HTTP status the sandbox's source can answer is driven here.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {
	CreateSecurityGroupRequest,
	DescribeRegionsRequest,
	DescribeSecurityGroupAttributeRequest,
	DescribeVpcsRequest,
	RunInstancesRequest,
} from '@alicloud/ecs20140526';
import {
	$OpenApiUtil,
	AlibabaCloudError,
	ClientError,
	ServerError,
	ThrottlingError,
} from '@alicloud/openapi-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Sandbox} from '../../source/sandbox/index.js';
import {start, vpcState} from './helpers.js';
import {ecsClient, type Signing, sdkRefusal} from './sdk.js';

const KEYS = {accessKeyId: 'STS.errorkey', accessKeySecret: 'errorsecret', securityToken: 'token-ok'};
const REGION = 'cn-hangzhou';
// HTTP-level refusals no SDK call can provoke: a client that stops sending its request half-way. 401 is only
// STS's (AssumeRoleWithOIDC refusals), no ECS or VPC call: test/sandbox/sts.test.ts drives it.
const NOT_DRIVEN_STATUSES = new Set([408, 401]);

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await start({initialState: {credentials: KEYS, account: {classicRegions: []}, ...vpcState()}});
});
afterAll(async () => {
	await sandbox.close();
});

type Client = ReturnType<typeof ecsClient>;
type Runtime = Parameters<Client['describeRegionsWithOptions']>[1];
type ErrorClass = typeof ClientError | typeof ServerError | typeof ThrottlingError;
type Case = {
	name: string;
	code: string;
	status: number;
	kind: ErrorClass;
	/** Only this signing can provoke it. */
	only?: Signing;
	call: (client: Client, signing: Signing) => Promise<unknown>;
	/** A client with other keys or settings. */
	client?: Partial<$OpenApiUtil.Config>;
};

// The SDK lets a caller override its own headers (V3) and query parameters (V2): that is how a stale date,
// a malformed one, an empty nonce or a replayed one reach the sandbox.
const overriding = (signing: Signing, name: {v3: string; v2: string}, value: string): Runtime =>
	(signing === 'v3'
		? {extendsParameters: {headers: {[name.v3]: value}}}
		: {extendsParameters: {queries: {[name.v2]: value}}}) as unknown as Runtime;
const date = {v3: 'x-acs-date', v2: 'Timestamp'};
const nonce = {v3: 'x-acs-signature-nonce', v2: 'SignatureNonce'};
const regions = new DescribeRegionsRequest({});
const apiTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const generic = (client: Client, body: unknown, reqBodyType: string, query: Record<string, string> = {}) =>
	client.callApi(
		new $OpenApiUtil.Params({
			action: 'DescribeRegions',
			version: '2014-05-26',
			protocol: 'HTTP',
			pathname: '/',
			method: 'POST',
			authType: 'AK',
			style: 'RPC',
			reqBodyType,
			bodyType: 'json',
		}),
		new $OpenApiUtil.OpenApiRequest({query, body}),
		{} as Runtime,
	);

const cases: Case[] = [
	{
		name: 'wrong secret',
		code: 'SignatureDoesNotMatch',
		status: 400,
		kind: ClientError,
		client: {accessKeySecret: 'wrong'},
		call: (c) => c.describeRegions(regions),
	},
	{
		name: 'unknown key',
		code: 'InvalidAccessKeyId.NotFound',
		status: 404,
		kind: ClientError,
		client: {accessKeyId: 'LTAI5tUnknown000000000'},
		call: (c) => c.describeRegions(regions),
	},
	{
		name: 'wrong STS token',
		code: 'InvalidSecurityToken.MismatchWithAccessKey',
		status: 400,
		kind: ClientError,
		client: {securityToken: 'token-bad'},
		call: (c) => c.describeRegions(regions),
	},
	{
		name: 'no STS token',
		code: 'MissingSecurityToken',
		status: 400,
		kind: ClientError,
		client: {securityToken: ''},
		call: (c) => c.describeRegions(regions),
	},
	{
		name: 'stale date',
		code: 'InvalidTimeStamp.Expired',
		status: 400,
		kind: ClientError,
		call: (c, s) =>
			c.describeRegionsWithOptions(regions, overriding(s, date, apiTime(Date.now() - 3600_000))),
	},
	{
		name: 'malformed date',
		code: 'InvalidTimeStamp.Format',
		status: 400,
		kind: ClientError,
		call: (c, s) => c.describeRegionsWithOptions(regions, overriding(s, date, 'yesterday')),
	},
	{
		name: 'empty nonce',
		code: 'MissingSignatureNonce',
		status: 400,
		kind: ClientError,
		call: (c, s) => c.describeRegionsWithOptions(regions, overriding(s, nonce, '')),
	},
	{
		name: 'replayed nonce',
		code: 'SignatureNonceUsed',
		status: 400,
		kind: ClientError,
		call: async (c, s) => {
			const runtime = overriding(s, nonce, `replay-${s}-${Date.now()}`);
			await c.describeRegionsWithOptions(regions, runtime);
			return c.describeRegionsWithOptions(regions, runtime);
		},
	},
	{
		name: 'another signature algorithm',
		code: 'IncompleteSignature',
		status: 400,
		kind: ClientError,
		only: 'v3',
		client: {signatureAlgorithm: 'ACS3-HMAC-SM3'},
		call: (c) => c.describeRegions(regions),
	},
	{
		name: 'an action the sandbox does not serve',
		code: 'InvalidApi.NotFound',
		status: 404,
		kind: ClientError,
		call: (c) => c.runInstances(new RunInstancesRequest({regionId: REGION})),
	},
	{
		name: 'a JSON body',
		code: 'UnsupportedMediaType',
		status: 415,
		kind: ClientError,
		only: 'v3',
		call: (c) => generic(c, {RegionId: REGION}, 'json'),
	},
	{
		name: 'a body over 1 MB',
		code: 'RequestEntityTooLarge',
		status: 413,
		kind: ClientError,
		call: (c) => generic(c, {Padding: 'x'.repeat(1100 * 1024)}, 'formData'),
	},
	{
		name: 'a URL over 64 KB',
		code: 'RequestHeaderFieldsTooLarge',
		status: 431,
		kind: ClientError,
		call: (c) => generic(c, undefined, 'formData', {Padding: 'x'.repeat(70 * 1024)}),
	},
	{
		name: 'a missing parameter',
		code: 'MissingParameter',
		status: 400,
		kind: ClientError,
		call: (c) => c.describeVpcs(new DescribeVpcsRequest({})),
	},
	{
		name: 'an invalid parameter',
		code: 'InvalidParameter',
		status: 400,
		kind: ClientError,
		call: (c) => c.describeVpcs(new DescribeVpcsRequest({regionId: REGION, pageSize: 500})),
	},
	{
		name: 'an unknown region',
		code: 'InvalidRegionId.NotFound',
		status: 404,
		kind: ClientError,
		call: (c) => c.describeVpcs(new DescribeVpcsRequest({regionId: 'xx-nowhere-1'})),
	},
	{
		name: 'an unknown group',
		code: 'InvalidSecurityGroupId.NotFound',
		status: 404,
		kind: ClientError,
		call: (c) =>
			c.describeSecurityGroupAttribute(
				new DescribeSecurityGroupAttributeRequest({regionId: REGION, securityGroupId: 'sg-none'}),
			),
	},
	{
		name: 'a classic group where only VPC is offered',
		code: 'InvalidVpcId.NotFound',
		status: 403,
		kind: ClientError,
		call: (c) => c.createSecurityGroup(new CreateSecurityGroupRequest({regionId: 'cn-shanghai'})),
	},
	...(
		[
			['throttle', 'Throttling.User', 400, ThrottlingError],
			['unavailable', 'ServiceUnavailable', 503, ServerError],
			['internal', 'InternalError', 500, ServerError],
		] as const
	).map(
		([kind, code, status, errorClass]): Case => ({
			name: `the ${kind} fault`,
			code,
			status,
			kind: errorClass,
			call: (c) => {
				sandbox.addFault({action: 'DescribeRegions', kind, count: 1});
				return c.describeRegions(regions);
			},
		}),
	),
];

describe.each(['v3', 'v2'] as const)('refusals through the official SDK signing %s', (signing) => {
	it.each(cases.filter((c) => c.only === undefined || c.only === signing))(
		'$name: $code, $status',
		async ({code, status, kind, call, client}) => {
			const sdk = ecsClient({...sandbox, ...client}, signing, client);
			const error = await sdkRefusal(call(sdk, signing));
			expect(error).toBeInstanceOf(kind);
			expect(error).toBeInstanceOf(AlibabaCloudError);
			expect([error.code, error.statusCode]).toEqual([code, status]);
			const data = (error as {data?: Record<string, unknown>}).data ?? {};
			expect(Object.keys(data).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
			expect(data.Code).toBe(code);
			expect(error.requestId).toBe(data.RequestId);
			expect(error.message).toContain(String(data.Message));
			expect(data.Recommend).toContain(`q=${encodeURIComponent(code)}`);
		},
	);
});

describe('the table above', () => {
	const root = new URL('../../source/sandbox/', import.meta.url).pathname;
	const files = (dir: string): string[] =>
		readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
			entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
		);

	it('drives every HTTP status the sandbox can refuse with', () => {
		const statuses = new Set<number>();
		for (const file of files(root).filter((f) => f.endsWith('.ts'))) {
			for (const match of readFileSync(file, 'utf8').matchAll(/ApiError\(\s*(\d{3}),/g)) {
				statuses.add(Number(match[1]));
			}
		}
		expect(statuses.size).toBeGreaterThan(4);
		const driven = new Set(cases.map((c) => c.status));
		const missing = [...statuses].filter((s) => !driven.has(s) && !NOT_DRIVEN_STATUSES.has(s));
		expect(missing).toEqual([]);
	});
});
