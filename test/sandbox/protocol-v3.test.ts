// The gateway speaking signature V3: the official SDK with its default settings is accepted (ECS and VPC, with
// and without STS), hand-signed V3 requests with the parameters in the query, in a form body or in a GET are
// accepted, and every V3 refusal comes with the real code and status. The credential seam (KeyLookup) refuses
// an expired token the way the cred branch's STS store will.
import {DescribeRegionsRequest} from '@alicloud/ecs20140526';
import {DescribeVpcsRequest} from '@alicloud/vpc20160428';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {invalidSecurityToken} from '../../source/sandbox/api-error.js';
import {type KeyLookup, keysLookup, NonceBook} from '../../source/sandbox/auth.js';
import {checkV3Caller, readV3} from '../../source/sandbox/auth-v3.js';
import type {Sandbox} from '../../source/sandbox/index.js';
import {signV3} from '../../source/sandbox/signature-v3.js';
import {raw, start} from './helpers.js';
import {apiDate, ecsClient, rawV3, sdkRefusal, vpcClient} from './sdk.js';

const ECS = '2014-05-26';
const VPC = '2016-04-28';
const STS = {accessKeyId: 'STS.testkey', accessKeySecret: 'stssecret', securityToken: 'token-123'};
const MINUTE = 60_000;

let sandbox: Sandbox;
let sts: Sandbox;

beforeAll(async () => {
	sandbox = await start();
	sts = await start({initialState: {credentials: STS}});
});
afterAll(async () => {
	await sandbox.close();
	await sts.close();
});

const refused = (answer: {status: number; body: Record<string, unknown>}) => [
	answer.status,
	answer.body.Code,
];

describe('the official SDK with its default settings (V3)', () => {
	it('is accepted by ECS and by VPC', async () => {
		const regions = await ecsClient(sandbox).describeRegions(new DescribeRegionsRequest({}));
		expect(regions.statusCode).toBe(200);
		expect(regions.body?.regions?.region?.length).toBeGreaterThan(20);
		const vpcs = await vpcClient(sandbox).describeVpcs(new DescribeVpcsRequest({regionId: 'cn-hangzhou'}));
		expect(vpcs.body?.vpcs?.vpc?.length).toBeGreaterThan(0);
	});

	it('is accepted with an STS token (x-acs-security-token) and refused with a wrong one', async () => {
		expect((await ecsClient(sts).describeRegions(new DescribeRegionsRequest({}))).statusCode).toBe(200);
		const wrong = await sdkRefusal(
			ecsClient({...sts, securityToken: 'token-999'}).describeRegions(new DescribeRegionsRequest({})),
		);
		expect([wrong.statusCode, wrong.code]).toEqual([400, 'InvalidSecurityToken.MismatchWithAccessKey']);
	});

	it('is refused with a wrong secret: SignatureDoesNotMatch, 400, showing the server string to sign', async () => {
		const error = await sdkRefusal(
			ecsClient({...sandbox, accessKeySecret: 'nope'}).describeRegions(new DescribeRegionsRequest({})),
		);
		expect([error.statusCode, error.code]).toEqual([400, 'SignatureDoesNotMatch']);
		expect(String((error as {data?: {Message?: string}}).data?.Message)).toMatch(
			/^Specified signature does not match our calculation\. server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64} /,
		);
	});
});

describe('V3 requests signed by hand', () => {
	it('are accepted with the parameters in the query, in a form body, and with GET', async () => {
		const query = await rawV3(sandbox, 'DescribeVpcs', {query: {RegionId: 'cn-hangzhou'}});
		expect(query.status).toBe(200);
		const form = await rawV3(sandbox, 'DescribeVpcs', {form: {RegionId: 'cn-hangzhou', PageSize: '1'}});
		expect([form.status, (form.body.Vpcs as {Vpc: unknown[]}).Vpc.length]).toEqual([200, 1]);
		const get = await rawV3(sandbox, 'DescribeRegions', {method: 'GET', query: {AcceptLanguage: 'en-US'}});
		expect(get.status).toBe(200);
		const vpc = await rawV3(sandbox, 'DescribeVpcs', {version: VPC, query: {RegionId: 'cn-hangzhou'}});
		expect(vpc.status).toBe(200);
	});

	it('route by x-acs-action and x-acs-version: an unknown pair is InvalidApi.NotFound, 404', async () => {
		const unknown = await rawV3(sandbox, 'CreateSecurityGroup', {
			version: VPC,
			query: {RegionId: 'cn-hangzhou'},
		});
		expect(refused(unknown)).toEqual([404, 'InvalidApi.NotFound']);
		expect(unknown.body.Recommend).toContain('product=Vpc');
	});

	it('refuse a query or body changed after signing, and a wrong payload hash: SignatureDoesNotMatch', async () => {
		const query = await rawV3(sandbox, 'DescribeVpcs', {
			query: {RegionId: 'cn-hangzhou'},
			tamperedQuery: 'RegionId=cn-shanghai',
		});
		expect(refused(query)).toEqual([400, 'SignatureDoesNotMatch']);
		expect(query.body.Message).toContain('server canonical request is:POST\n/\nRegionId=cn-shanghai\n');
		const body = await rawV3(sandbox, 'DescribeVpcs', {
			form: {RegionId: 'cn-hangzhou'},
			tamperedBody: 'RegionId=cn-shanghai',
		});
		expect(refused(body)).toEqual([400, 'SignatureDoesNotMatch']);
		expect(body.body.Message).toContain('x-acs-content-sha256');
		const secret = await rawV3(sandbox, 'DescribeRegions', {accessKeySecret: 'nope'});
		expect(refused(secret)).toEqual([400, 'SignatureDoesNotMatch']);
	});

	it.each([
		['x-acs-action', 'MissingAction'],
		['x-acs-version', 'MissingVersion'],
		['x-acs-date', 'MissingTimestamp'],
		['x-acs-signature-nonce', 'MissingSignatureNonce'],
		['x-acs-content-sha256', 'IncompleteSignature'],
	])('refuse a missing %s header with %s, 400, naming it', async (header, code) => {
		const answer = await rawV3(sandbox, 'DescribeRegions', {headers: {[header]: undefined}});
		expect(refused(answer)).toEqual([400, code]);
		expect(answer.body.Message).toContain(`"${header}"`);
	});

	it('refuse a missing, malformed or other-algorithm Authorization with IncompleteSignature, 400', async () => {
		const cases = [
			undefined,
			'ACS3-HMAC-SHA256 Credential=x',
			'ACS3-HMAC-SHA256',
			'ACS3-HMAC-SM3 Credential=x,SignedHeaders=host,Signature=00',
			'Bearer abc',
		];
		for (const authorization of cases) {
			const answer = await rawV3(sandbox, 'DescribeRegions', {headers: {authorization}});
			expect(refused(answer)).toEqual([400, 'IncompleteSignature']);
			expect(answer.body.Message).toMatch(/^The request signature does not conform to Aliyun standards: /);
		}
	});

	it('refuse a request whose SignedHeaders leave out a required header, or list one not sent', async () => {
		const signed = signV3({
			method: 'POST',
			host: new URL(sandbox.endpoint).host,
			action: 'DescribeRegions',
			version: ECS,
			accessKeyId: sandbox.accessKeyId,
			accessKeySecret: sandbox.accessKeySecret,
			date: apiDate(Date.now()),
			nonce: 'unsigned-date',
		});
		const withoutDate = signed.headers.authorization?.replace(';x-acs-date', '');
		const unsigned = await rawV3(sandbox, 'DescribeRegions', {headers: {authorization: withoutDate}});
		expect(refused(unsigned)).toEqual([400, 'IncompleteSignature']);
		expect(unsigned.body.Message).toContain('"x-acs-date"');
		const extra = signed.headers.authorization?.replace('host;', 'host;x-acs-ghost;');
		const ghost = await rawV3(sandbox, 'DescribeRegions', {headers: {authorization: extra}});
		expect(refused(ghost)).toEqual([400, 'IncompleteSignature']);
		expect(ghost.body.Message).toContain('"x-acs-ghost"');
	});

	// "Request syntax and signature method V3": host, content-type and every x-acs-* header sent are signed.
	it('refuse a content-type or x-acs-* header that is sent but not signed', async () => {
		const form = {RegionId: 'cn-hangzhou'};
		expect((await rawV3(sandbox, 'DescribeRegions', {form})).status).toBe(200);
		for (const [name, value] of [
			['content-type', 'application/x-www-form-urlencoded'],
			['x-acs-extra', 'unsigned'],
		] as const) {
			const answer = await rawV3(sandbox, 'DescribeRegions', {headers: {[name]: value}});
			expect(refused(answer)).toEqual([400, 'IncompleteSignature']);
			expect(answer.body.Message).toContain(`the header "${name}" must be among SignedHeaders`);
		}
	});

	it('refuse an x-acs-date more than 15 minutes off (Expired) or not well formed (Format), 400', async () => {
		for (const offset of [-16 * MINUTE, 16 * MINUTE]) {
			const answer = await rawV3(sandbox, 'DescribeRegions', {date: apiDate(Date.now() + offset)});
			expect(refused(answer)).toEqual([400, 'InvalidTimeStamp.Expired']);
		}
		const near = await rawV3(sandbox, 'DescribeRegions', {date: apiDate(Date.now() - 14 * MINUTE)});
		expect(near.status).toBe(200);
		const bad = await rawV3(sandbox, 'DescribeRegions', {date: '2026-13-01T00:00:00Z'});
		expect(refused(bad)).toEqual([400, 'InvalidTimeStamp.Format']);
	});

	it('refuse a reused x-acs-signature-nonce (SignatureNonceUsed, 400), across V2 and V3', async () => {
		const nonce = `v3-${Date.now()}`;
		expect((await rawV3(sandbox, 'DescribeRegions', {nonce})).status).toBe(200);
		expect(refused(await rawV3(sandbox, 'DescribeRegions', {nonce}))).toEqual([400, 'SignatureNonceUsed']);
		const v2 = await raw(sandbox, 'DescribeRegions', {}, {common: {SignatureNonce: nonce}});
		expect([v2.status, v2.body.Code]).toEqual([400, 'SignatureNonceUsed']);
		const refusedFirst = `v3-refused-${Date.now()}`;
		await rawV3(sandbox, 'DescribeRegions', {nonce: refusedFirst, accessKeySecret: 'nope'});
		expect((await rawV3(sandbox, 'DescribeRegions', {nonce: refusedFirst})).status).toBe(200);
	});

	it('refuse an unknown key with InvalidAccessKeyId.NotFound, 404', async () => {
		const answer = await rawV3(sandbox, 'DescribeRegions', {accessKeyId: 'LTAI5tUnknownKey000000'});
		expect(refused(answer)).toEqual([404, 'InvalidAccessKeyId.NotFound']);
	});

	it('check the STS token of x-acs-security-token: missing, wrong, or not signed', async () => {
		const missing = await rawV3(sts, 'DescribeRegions', {headers: {'x-acs-security-token': undefined}});
		// The header was signed, so removing it leaves a signed header that is not sent.
		expect(refused(missing)).toEqual([400, 'IncompleteSignature']);
		const none = await rawV3({...sts, securityToken: undefined}, 'DescribeRegions');
		expect(refused(none)).toEqual([400, 'MissingSecurityToken']);
		const wrong = await rawV3(sts, 'DescribeRegions', {securityToken: 'token-999'});
		expect(refused(wrong)).toEqual([400, 'InvalidSecurityToken.MismatchWithAccessKey']);
		const stray = await rawV3(sandbox, 'DescribeRegions', {securityToken: 'stray'});
		expect(refused(stray)).toEqual([400, 'InvalidSecurityToken.MismatchWithAccessKey']);
		const ok = await rawV3(sts, 'DescribeRegions');
		expect(ok.status).toBe(200);
	});
});

describe('the credential seam (KeyLookup)', () => {
	const now = Date.parse('2026-01-02T03:04:05Z');
	const signed = (securityToken?: string) =>
		signV3({
			method: 'POST',
			host: 'h',
			action: 'DescribeRegions',
			version: ECS,
			accessKeyId: STS.accessKeyId,
			accessKeySecret: STS.accessKeySecret,
			date: apiDate(now),
			nonce: `seam-${securityToken}`,
			...(securityToken === undefined ? {} : {securityToken}),
		});
	const check = (lookup: KeyLookup, securityToken?: string) => {
		const {headers} = signed(securityToken);
		const distinct = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
		const request = {method: 'POST', path: '/', query: [], body: new Uint8Array(), headersDistinct: distinct};
		checkV3Caller(readV3(headers), request, lookup, new NonceBook(), now);
	};

	it('today: one pair of keys with a token that never expires', () => {
		const lookup = keysLookup(() => STS);
		expect(() => check(lookup, 'token-123')).not.toThrow();
		expect(() => check(lookup, 'other')).toThrow(
			expect.objectContaining({code: 'InvalidSecurityToken.MismatchWithAccessKey'}),
		);
		expect(() => check(lookup)).toThrow(expect.objectContaining({code: 'MissingSecurityToken'}));
	});

	it('a store with expiring tokens refuses an expired one once the signature is right', () => {
		const expiring: KeyLookup = ({accessKeyId}, at) =>
			accessKeyId === STS.accessKeyId
				? {
						accessKeySecret: STS.accessKeySecret,
						...(at > 0 ? {tokenRefusal: invalidSecurityToken('Expired')} : {}),
					}
				: invalidSecurityToken('Malformed');
		expect(() => check(expiring, 'token-123')).toThrow(
			expect.objectContaining({status: 400, code: 'InvalidSecurityToken.Expired'}),
		);
	});
});
