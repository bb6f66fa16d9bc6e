// Shared by the sandbox tests: an independent client (pop-core, as a user of the API would call it) and a
// raw client (fetch + the sandbox's own signer) for requests pop-core cannot make: replays, stale times,
// hostile bodies.
import {randomUUID} from 'node:crypto';
import RPCClient from '@alicloud/pop-core';
import {type Sandbox, type SandboxOptions, signedForm, startSandbox} from '../../source/sandbox/index.js';

export const ECS = '2014-05-26';
export const VPC = '2016-04-28';

export type PopError = Error & {
	code?: string;
	data?: Record<string, unknown>;
	entry?: {response?: {statusCode?: number}};
};

export function pop(
	sandbox: Pick<Sandbox, 'endpoint' | 'accessKeyId' | 'accessKeySecret' | 'securityToken'>,
	version = ECS,
	overrides: Partial<{accessKeyId: string; accessKeySecret: string; securityToken: string}> = {},
): RPCClient {
	const token = overrides.securityToken ?? sandbox.securityToken;
	return new RPCClient({
		endpoint: sandbox.endpoint,
		apiVersion: version,
		accessKeyId: overrides.accessKeyId ?? sandbox.accessKeyId,
		accessKeySecret: overrides.accessKeySecret ?? sandbox.accessKeySecret,
		...(token ? {securityToken: token} : {}),
	});
}

export type Answer = Record<string, unknown> & {RequestId: string};

/** One call through pop-core with POST (or GET); resolves to the body. */
export function ask(
	client: RPCClient,
	action: string,
	params: Record<string, unknown> = {},
	method: 'POST' | 'GET' = 'POST',
	timeout = 5000,
): Promise<Answer> {
	return client.request<Answer>(action, params, {method, timeout});
}

/** The refusal of a call that must fail: its Code, HTTP status and body. */
export async function refusal(
	promise: Promise<unknown>,
): Promise<{code: string; status: number; data: Record<string, unknown>}> {
	try {
		await promise;
	} catch (error) {
		const e = error as PopError;
		return {code: e.code ?? e.name, status: e.entry?.response?.statusCode ?? 0, data: {...(e.data ?? {})}};
	}
	throw new Error('the call succeeded but was expected to be refused');
}

export const apiTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export type RawOptions = {
	method?: 'GET' | 'POST';
	version?: string;
	secret?: string;
	/** Replaces or (with undefined) removes common parameters. */
	common?: Record<string, string | undefined>;
	/** Changes the parameters after signing (a tampered request). */
	tamper?: Record<string, string>;
	/** Extra HTTP headers (a proxy's Authorization, say). */
	headers?: Record<string, string>;
};

/** A signed request made by hand; resolves to the HTTP status and the parsed body. */
export async function raw(
	sandbox: Sandbox,
	action: string,
	params: Record<string, string> = {},
	options: RawOptions = {},
): Promise<{status: number; body: Record<string, unknown>; text: string}> {
	const method = options.method ?? 'POST';
	const all: Record<string, string> = {
		AccessKeyId: sandbox.accessKeyId,
		Action: action,
		Format: 'JSON',
		SignatureMethod: 'HMAC-SHA1',
		SignatureNonce: randomUUID(),
		SignatureVersion: '1.0',
		Timestamp: apiTime(Date.now()),
		Version: options.version ?? ECS,
		...(sandbox.securityToken ? {SecurityToken: sandbox.securityToken} : {}),
		...params,
	};
	for (const [name, value] of Object.entries(options.common ?? {})) {
		if (value === undefined) delete all[name];
		else all[name] = value;
	}
	let form = signedForm(method, all, options.secret ?? sandbox.accessKeySecret);
	for (const [name, value] of Object.entries(options.tamper ?? {})) {
		form = form.replace(new RegExp(`(^|&)${name}=[^&]*`), `$1${name}=${encodeURIComponent(value)}`);
	}
	return send(sandbox.endpoint, method, form, options.headers);
}

/** Sends a prepared query/form. */
export async function send(
	endpoint: string,
	method: string,
	form: string,
	headers: Record<string, string> = {},
): Promise<{status: number; body: Record<string, unknown>; text: string}> {
	const response =
		method === 'GET'
			? await fetch(`${endpoint}/?${form}`, {method, headers})
			: await fetch(`${endpoint}/`, {
					method,
					body: form,
					headers: {'content-type': 'application/x-www-form-urlencoded', ...headers},
				});
	const text = await response.text();
	let body: Record<string, unknown> = {};
	try {
		body = JSON.parse(text);
	} catch {
		body = {};
	}
	return {status: response.status, body, text};
}

/** Starts a sandbox for one test file; stop it in afterAll/afterEach. */
export const start = (options: SandboxOptions = {}): Promise<Sandbox> => startSandbox(options);

/** The first VPC of a region (seeded state: default-vpc). */
export async function firstVpc(sandbox: Sandbox, region = 'cn-hangzhou'): Promise<string> {
	const answer = await ask(pop(sandbox, VPC), 'DescribeVpcs', {RegionId: region});
	const vpcs = (answer.Vpcs as {Vpc: {VpcId: string}[]}).Vpc;
	return (vpcs[0] as {VpcId: string}).VpcId;
}

/** A minimal state: one region with one VPC, nothing else. */
export const vpcState = (extra: Record<string, unknown> = {}) => ({
	vpcs: [
		{
			VpcId: 'vpc-test0001',
			VpcName: 'test',
			CidrBlock: '10.0.0.0/16',
			RegionId: 'cn-hangzhou',
			IsDefault: true,
		},
		{VpcId: 'vpc-test0002', VpcName: 'other', CidrBlock: '10.1.0.0/16', RegionId: 'cn-hangzhou'},
		{VpcId: 'vpc-pending1', VpcName: 'creating', RegionId: 'cn-hangzhou', Status: 'Pending'},
		{VpcId: 'vpc-sh000001', VpcName: 'sh', RegionId: 'cn-shanghai'},
	],
	...extra,
});
