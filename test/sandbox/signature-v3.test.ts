// Signature V3 against the worked example of Alibaba Cloud's "Request syntax and signature method V3" page
// (https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature, "Fixed
// parameter values"), and against the official SDK's own signer (@alicloud/openapi-core getAuthorization) on
// requests with awkward values, a form body and an STS token.
import {OpenApiUtil} from '@alicloud/openapi-core';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {keysLookup, NonceBook} from '../../source/sandbox/auth.js';
import {checkV3Caller, readV3} from '../../source/sandbox/auth-v3.js';
import {
	canonicalRequest,
	emptyPayloadHash,
	parseAuthorization,
	sha256Hex,
	signatureV3,
	signV3,
	stringToSignV3,
} from '../../source/sandbox/signature-v3.js';

const example = {
	accessKeyId: 'YourAccessKeyId',
	accessKeySecret: 'YourAccessKeySecret',
	nonce: '3156853299f313e23d1673dc12e1703d',
	date: '2023-10-26T10:22:32Z',
	action: 'RunInstances',
	version: '2014-05-26',
	host: 'ecs.cn-shanghai.aliyuncs.com',
	query: {ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai'},
};

const exampleCanonical = [
	'POST',
	'/',
	'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
	'host:ecs.cn-shanghai.aliyuncs.com',
	'x-acs-action:RunInstances',
	'x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
	'x-acs-date:2023-10-26T10:22:32Z',
	'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d',
	'x-acs-version:2014-05-26',
	'',
	'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
	'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
].join('\n');
const exampleStringToSign =
	'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259';
const exampleSignature = '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0';
const exampleAuthorization = `ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=${exampleSignature}`;

const headerLookup = (headers: Record<string, string>) => (name: string) =>
	headers[name] === undefined ? undefined : [headers[name] as string];

describe('signature V3: the worked example of the official page', () => {
	const headers = {
		host: example.host,
		'x-acs-action': example.action,
		'x-acs-content-sha256': emptyPayloadHash,
		'x-acs-date': example.date,
		'x-acs-signature-nonce': example.nonce,
		'x-acs-version': example.version,
	};
	const canonical = canonicalRequest({
		method: 'POST',
		path: '/',
		query: Object.entries(example.query),
		headers: headerLookup(headers),
		signedHeaders: Object.keys(headers).sort(),
		payloadHash: emptyPayloadHash,
	});

	it('builds the canonical request, string to sign and signature byte for byte', () => {
		expect(emptyPayloadHash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(canonical).toBe(exampleCanonical);
		expect(stringToSignV3(canonical)).toBe(exampleStringToSign);
		expect(signatureV3(canonical, example.accessKeySecret)).toBe(exampleSignature);
	});

	it('the client signer gives the documented Authorization header', () => {
		const signed = signV3({method: 'POST', ...example});
		expect(signed.headers.authorization).toBe(exampleAuthorization);
		expect(signed.query).toBe(exampleCanonical.split('\n')[2]);
		expect(signed.body).toBe('');
	});

	it('a different secret, method or query gives another signature', () => {
		expect(signatureV3(canonical, 'other')).not.toBe(exampleSignature);
		expect(signV3({method: 'GET', ...example}).headers.authorization).not.toBe(exampleAuthorization);
		const query = {...example.query, RegionId: 'cn-beijing'};
		expect(signV3({method: 'POST', ...example, query}).headers.authorization).not.toBe(exampleAuthorization);
	});

	it("the gateway's verifier accepts the documented request, and refuses it with one byte changed", () => {
		const request = (authorization: string) => {
			const sent = {...headers, authorization};
			const distinct = Object.fromEntries(Object.entries(sent).map(([name, value]) => [name, [value]]));
			const query = Object.entries(example.query);
			return {
				sent,
				request: {method: 'POST', path: '/', query, body: new Uint8Array(), headersDistinct: distinct},
			};
		};
		const keys = keysLookup(() => ({
			accessKeyId: example.accessKeyId,
			accessKeySecret: example.accessKeySecret,
		}));
		const at = Date.parse(example.date);
		const good = request(exampleAuthorization);
		expect(() => checkV3Caller(readV3(good.sent), good.request, keys, new NonceBook(), at)).not.toThrow();
		const bad = request(exampleAuthorization.replace(/0$/, '1'));
		expect(() => checkV3Caller(readV3(bad.sent), bad.request, keys, new NonceBook(), at)).toThrow(
			expect.objectContaining({status: 400, code: 'SignatureDoesNotMatch'}),
		);
	});

	it('parses the documented Authorization header', () => {
		expect(parseAuthorization(exampleAuthorization)).toEqual({
			algorithm: 'ACS3-HMAC-SHA256',
			accessKeyId: 'YourAccessKeyId',
			signedHeaders: [
				'host',
				'x-acs-action',
				'x-acs-content-sha256',
				'x-acs-date',
				'x-acs-signature-nonce',
				'x-acs-version',
			],
			signature: exampleSignature,
		});
	});

	it.each([
		'ACS3-HMAC-SHA256',
		'ACS3-HMAC-SHA256 Credential=ak,Signature=00',
		'ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host',
		'ACS3-HMAC-SHA256 SignedHeaders=host,Signature=00',
		'ACS3-HMAC-SHA256 Credential=ak;SignedHeaders=host;Signature=00',
	])('names what is missing in %j', (value) => {
		expect(parseAuthorization(value)).toEqual({problem: expect.stringMatching(/Authorization header/)});
	});
});

// What the SDK's doRequest builds for an RPC call (headers before Authorization), signed by the SDK itself.
function sdkAuthorization(options: Parameters<typeof signV3>[0], extra: Record<string, string> = {}): string {
	const body = options.form ? signV3(options).body : '';
	const headers: Record<string, string> = {
		host: options.host,
		'x-acs-version': options.version,
		'x-acs-action': options.action,
		'user-agent': 'AlibabaCloud (linux; x64) Node.js TeaDSL/2',
		'x-acs-date': options.date,
		'x-acs-signature-nonce': options.nonce,
		accept: 'application/json',
		'x-acs-content-sha256': sha256Hex(body),
		...(options.form ? {'content-type': 'application/x-www-form-urlencoded'} : {}),
		...(options.securityToken === undefined ? {} : {'x-acs-security-token': options.securityToken}),
		...extra,
	};
	const request = {method: options.method, pathname: '/', query: {...options.query}, headers};
	return OpenApiUtil.getAuthorization(
		request as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0],
		'ACS3-HMAC-SHA256',
		sha256Hex(body),
		options.accessKeyId,
		options.accessKeySecret,
	);
}

describe('signature V3 against the official SDK signer', () => {
	const base = {
		method: 'POST' as const,
		host: '127.0.0.1:8080',
		action: 'AuthorizeSecurityGroup',
		version: '2014-05-26',
		accessKeyId: 'LTAI5tExampleKey00000001',
		accessKeySecret: 'ExampleSecret',
		date: '2026-01-02T03:04:05Z',
		nonce: 'n-1',
	};

	it('agrees on awkward query values: spaces, reserved characters, Chinese, ~, Tag.N order', () => {
		const query = {
			RegionId: 'cn-hangzhou',
			Description: "Wizard SG (ssh*) 中文 ~!' a+b=c&d",
			'Tag.1.Key': 'env',
			'Tag.10.Key': 'x',
			'Tag.2.Key': 'y',
			'Permissions.1.SourceCidrIp': '10.0.0.0/8',
		};
		expect(signV3({...base, query}).headers.authorization).toBe(sdkAuthorization({...base, query}));
	});

	it('agrees with a form body (content-type signed) and with an STS token', () => {
		const form = {RegionId: 'cn-hangzhou', SecurityGroupName: 'web sg'};
		expect(signV3({...base, form}).headers.authorization).toBe(sdkAuthorization({...base, form}));
		const sts = {...base, securityToken: 'CAIS+token/==', query: {RegionId: 'cn-hangzhou'}};
		expect(signV3(sts).headers.authorization).toBe(sdkAuthorization(sts));
		expect(signV3({...base, method: 'GET'}).headers.authorization).toBe(
			sdkAuthorization({...base, method: 'GET'}),
		);
	});

	it('agrees on any printable ASCII and Unicode values (property)', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9.]{0,12}$/), fc.string({unit: 'grapheme'})),
				(query) => signV3({...base, query}).headers.authorization === sdkAuthorization({...base, query}),
			),
			{numRuns: 200},
		);
	});
});
