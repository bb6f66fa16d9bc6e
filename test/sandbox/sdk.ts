// The official TypeScript SDK (@alicloud/ecs20140526, @alicloud/vpc20160428, @alicloud/sts20150401 on
// @alicloud/openapi-core) as a
// test oracle: clients pointed at a sandbox, signing V3 (the SDK's default) or V2 (`signatureAlgorithm:
// 'v2'`), and the V3 raw sender for requests the SDK will not make (stale dates, replays, tampering).
import {randomUUID} from 'node:crypto';
import EcsModule from '@alicloud/ecs20140526';
import {$OpenApiUtil, AlibabaCloudError} from '@alicloud/openapi-core';
import StsModule from '@alicloud/sts20150401';
import VpcModule from '@alicloud/vpc20160428';
import {type SignV3Options, signV3} from '../../source/sandbox/signature-v3.js';

// CommonJS packages: Node hands the module object to a default import, some bundlers the class itself.
const classOf = <T>(module: {default: T}): T => (module as {default?: T}).default ?? (module as unknown as T);
const Ecs = classOf(EcsModule);
const Vpc = classOf(VpcModule);
const Sts = classOf(StsModule);

export type Target = {endpoint: string; accessKeyId: string; accessKeySecret: string; securityToken?: string};
export type Signing = 'v3' | 'v2';

function config(target: Target, signing: Signing, extra: Partial<$OpenApiUtil.Config> = {}) {
	return new $OpenApiUtil.Config({
		accessKeyId: target.accessKeyId,
		accessKeySecret: target.accessKeySecret,
		...(target.securityToken ? {securityToken: target.securityToken} : {}),
		endpoint: new URL(target.endpoint).host,
		protocol: 'http',
		...(signing === 'v2' ? {signatureAlgorithm: 'v2'} : {}),
		readTimeout: 5000,
		connectTimeout: 5000,
		...extra,
	});
}

export const ecsClient = (target: Target, signing: Signing = 'v3', extra?: Partial<$OpenApiUtil.Config>) =>
	new Ecs(config(target, signing, extra));

export const vpcClient = (target: Target, signing: Signing = 'v3', extra?: Partial<$OpenApiUtil.Config>) =>
	new Vpc(config(target, signing, extra));

export const stsClient = (target: Target, signing: Signing = 'v3') => new Sts(config(target, signing));

/** The SDK's error of a call that must fail. */
export async function sdkRefusal(promise: Promise<unknown>): Promise<AlibabaCloudError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof AlibabaCloudError) return error;
		throw error;
	}
	throw new Error('the call succeeded but was expected to be refused');
}

export const apiDate = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export type RawV3 = Partial<Omit<SignV3Options, 'host'>> & {
	/** Changes the headers after signing (undefined removes one). */
	headers?: Record<string, string | undefined>;
	/** Replaces the query string or the body after signing. */
	tamperedQuery?: string;
	tamperedBody?: string;
};

/** A V3-signed request made by hand; resolves to the HTTP status and the parsed body. */
export async function rawV3(
	target: Target,
	action: string,
	options: RawV3 = {},
): Promise<{status: number; body: Record<string, unknown>}> {
	const method = options.method ?? 'POST';
	const signed = signV3({
		method,
		host: new URL(target.endpoint).host,
		action,
		version: options.version ?? '2014-05-26',
		accessKeyId: options.accessKeyId ?? target.accessKeyId,
		accessKeySecret: options.accessKeySecret ?? target.accessKeySecret,
		date: options.date ?? apiDate(Date.now()),
		nonce: options.nonce ?? randomUUID(),
		...(options.query ? {query: options.query} : {}),
		...(options.form ? {form: options.form} : {}),
		...((options.securityToken ?? target.securityToken)
			? {securityToken: options.securityToken ?? target.securityToken}
			: {}),
	});
	const headers: Record<string, string> = {...signed.headers};
	delete headers.host;
	for (const [name, value] of Object.entries(options.headers ?? {})) {
		if (value === undefined) delete headers[name];
		else headers[name] = value;
	}
	const query = options.tamperedQuery ?? signed.query;
	const body = options.tamperedBody ?? signed.body;
	const response = await fetch(`${target.endpoint}/${query ? `?${query}` : ''}`, {
		method,
		headers,
		...(method === 'POST' && body !== '' ? {body} : {}),
	});
	const text = await response.text();
	return {status: response.status, body: JSON.parse(text) as Record<string, unknown>};
}
