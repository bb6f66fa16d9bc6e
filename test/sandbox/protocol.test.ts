// The gateway: requests signed by pop-core (GET and POST, with and without STS) are accepted; tampered,
// replayed, stale, unknown-key and wrong-token requests are refused with the real code AND status; hostile
// requests get a JSON error with a proper status, never a crash or a hang.
import {request} from 'node:http';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Sandbox} from '../../source/sandbox/index.js';
import {apiTime, ask, ECS, pop, raw, refusal, send, start, VPC} from './helpers.js';

let sandbox: Sandbox;
let sts: Sandbox;

beforeAll(async () => {
	sandbox = await start();
	sts = await start({
		initialState: {
			credentials: {accessKeyId: 'STS.testkey', accessKeySecret: 'stssecret', securityToken: 'token-123'},
		},
	});
});
afterAll(async () => {
	await sandbox.close();
	await sts.close();
});

const errorShape = (body: Record<string, unknown>, code: string) => {
	expect(body.Code).toBe(code);
	expect(body.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
	expect(body.HostId).toEqual(expect.stringMatching(/^127\.0\.0\.1:\d+$/));
	expect(body.Message).toEqual(expect.any(String));
	expect(body.Recommend).toBe(
		`https://api.aliyun.com/troubleshoot?q=${code}&product=Ecs&requestId=${body.RequestId as string}`,
	);
};

describe('requests signed by pop-core', () => {
	it('are accepted with POST and with GET', async () => {
		for (const method of ['POST', 'GET'] as const) {
			const answer = await ask(pop(sandbox), 'DescribeRegions', {}, method);
			expect((answer.Regions as {Region: unknown[]}).Region.length).toBeGreaterThan(20);
			expect(answer.RequestId).toMatch(/^[0-9A-F-]{36}$/);
		}
	});

	it('are accepted with a SecurityToken when the keys carry one (GET and POST)', async () => {
		for (const method of ['POST', 'GET'] as const) {
			const answer = await ask(pop(sts), 'DescribeRegions', {}, method);
			expect(answer.Regions).toBeDefined();
		}
	});

	it('refuse a missing STS token with MissingSecurityToken, 400', async () => {
		const client = pop({...sts, securityToken: undefined});
		expect(await refusal(ask(client, 'DescribeRegions'))).toMatchObject({
			code: 'MissingSecurityToken',
			status: 400,
		});
	});

	it('refuse a wrong STS token with InvalidSecurityToken.MismatchWithAccessKey, 400', async () => {
		const client = pop(sts, ECS, {securityToken: 'token-999'});
		expect(await refusal(ask(client, 'DescribeRegions'))).toMatchObject({
			code: 'InvalidSecurityToken.MismatchWithAccessKey',
			status: 400,
		});
	});

	it('refuse a token sent with permanent keys', async () => {
		const client = pop(sandbox, ECS, {securityToken: 'stray'});
		expect((await refusal(ask(client, 'DescribeRegions'))).code).toBe(
			'InvalidSecurityToken.MismatchWithAccessKey',
		);
	});

	it('refuse an unknown AccessKeyId with InvalidAccessKeyId.NotFound, 404', async () => {
		const client = pop(sandbox, ECS, {accessKeyId: 'LTAI5tUnknownKey000000'});
		const answer = await refusal(ask(client, 'DescribeRegions'));
		expect(answer).toMatchObject({code: 'InvalidAccessKeyId.NotFound', status: 404});
		expect(answer.data.Message).toBe('Specified access key is not found.');
	});

	it('refuse a wrong secret with SignatureDoesNotMatch, 400, showing the server string to sign', async () => {
		const client = pop(sandbox, ECS, {accessKeySecret: 'not-the-secret'});
		const answer = await refusal(ask(client, 'DescribeRegions'));
		expect(answer).toMatchObject({code: 'SignatureDoesNotMatch', status: 400});
		expect(answer.data.Message).toMatch(
			/^Specified signature is not matched with our calculation\. server string to sign is:POST&%2F&AccessKeyId%3D/,
		);
		errorShape(answer.data, 'SignatureDoesNotMatch');
	});
});

describe('requests signed by hand', () => {
	it('are accepted as POST form, GET query, and POST with the parameters in the query', async () => {
		expect((await raw(sandbox, 'DescribeRegions', {}, {method: 'POST'})).status).toBe(200);
		expect((await raw(sandbox, 'DescribeRegions', {}, {method: 'GET'})).status).toBe(200);
		// A proxy's own Authorization beside a V2 Signature leaves the request V2 (only ACS3-… means V3).
		const proxied = await raw(
			sandbox,
			'DescribeRegions',
			{},
			{headers: {authorization: 'Basic cHJveHk6cHc='}},
		);
		expect(proxied.status).toBe(200);
		const all = {
			AccessKeyId: sandbox.accessKeyId,
			Action: 'DescribeRegions',
			Format: 'JSON',
			SignatureMethod: 'HMAC-SHA1',
			SignatureNonce: `query-${Date.now()}`,
			SignatureVersion: '1.0',
			Timestamp: apiTime(Date.now()),
			Version: ECS,
		};
		const {signedForm} = await import('../../source/sandbox/index.js');
		const response = await fetch(`${sandbox.endpoint}/?${signedForm('POST', all, sandbox.accessKeySecret)}`, {
			method: 'POST',
		});
		expect(response.status).toBe(200);
	});

	it('decode + as a space before checking the signature (as the Go SDKs encode)', async () => {
		const {signedForm} = await import('../../source/sandbox/index.js');
		const all = {
			AccessKeyId: sandbox.accessKeyId,
			Action: 'DescribeRegions',
			AcceptLanguage: 'en-US',
			Format: 'JSON',
			SignatureMethod: 'HMAC-SHA1',
			SignatureNonce: `plus-${Date.now()}`,
			SignatureVersion: '1.0',
			Timestamp: apiTime(Date.now()),
			Version: ECS,
			Note: 'a b',
		};
		const form = signedForm('POST', all, sandbox.accessKeySecret).replace('Note=a%20b', 'Note=a+b');
		expect(form).toContain('Note=a+b');
		expect((await send(sandbox.endpoint, 'POST', form)).status).toBe(200);
	});

	it('refuse a tampered parameter', async () => {
		const answer = await raw(
			sandbox,
			'DescribeRegions',
			{AcceptLanguage: 'en-US'},
			{tamper: {AcceptLanguage: 'zh-CN'}},
		);
		expect(answer.status).toBe(400);
		errorShape(answer.body, 'SignatureDoesNotMatch');
	});

	it('refuse a request signed for GET but sent as POST', async () => {
		const {signedForm} = await import('../../source/sandbox/index.js');
		const all = {
			AccessKeyId: sandbox.accessKeyId,
			Action: 'DescribeRegions',
			SignatureMethod: 'HMAC-SHA1',
			SignatureNonce: `method-${Date.now()}`,
			SignatureVersion: '1.0',
			Timestamp: apiTime(Date.now()),
			Version: ECS,
		};
		const answer = await send(sandbox.endpoint, 'POST', signedForm('GET', all, sandbox.accessKeySecret));
		expect(answer.body.Code).toBe('SignatureDoesNotMatch');
	});

	it('refuse a replayed SignatureNonce with SignatureNonceUsed, 400', async () => {
		const common = {SignatureNonce: `replay-${Date.now()}`};
		expect((await raw(sandbox, 'DescribeRegions', {}, {common})).status).toBe(200);
		const again = await raw(sandbox, 'DescribeRegions', {}, {common});
		expect(again.status).toBe(400);
		errorShape(again.body, 'SignatureNonceUsed');
	});

	it('do not spend the nonce of a refused request', async () => {
		const common = {SignatureNonce: `refused-${Date.now()}`};
		expect((await raw(sandbox, 'DescribeRegions', {}, {common, secret: 'wrong'})).status).toBe(400);
		expect((await raw(sandbox, 'DescribeRegions', {}, {common})).status).toBe(200);
	});

	it('refuse a Timestamp more than 15 minutes off with InvalidTimeStamp.Expired, 400', async () => {
		for (const offset of [-16 * 60_000, 16 * 60_000]) {
			const answer = await raw(
				sandbox,
				'DescribeRegions',
				{},
				{common: {Timestamp: apiTime(Date.now() + offset)}},
			);
			expect(answer.status).toBe(400);
			errorShape(answer.body, 'InvalidTimeStamp.Expired');
		}
		const near = await raw(
			sandbox,
			'DescribeRegions',
			{},
			{common: {Timestamp: apiTime(Date.now() - 14 * 60_000)}},
		);
		expect(near.status).toBe(200);
	});

	it('refuse an unparsable Timestamp with InvalidTimeStamp.Format, 400', async () => {
		for (const stamp of ['yesterday', '2016-02-30T12:00:00Z', '2016-02-23 12:46:24', '2016-02-23T12:46:24']) {
			const answer = await raw(sandbox, 'DescribeRegions', {}, {common: {Timestamp: stamp}});
			expect(answer.status).toBe(400);
			expect(answer.body.Code).toBe('InvalidTimeStamp.Format');
		}
	});

	it('refuse a missing common parameter, naming it', async () => {
		for (const name of [
			'AccessKeyId',
			'Timestamp',
			'SignatureNonce',
			'SignatureMethod',
			'Version',
			'Action',
		]) {
			const answer = await raw(sandbox, 'DescribeRegions', {}, {common: {[name]: undefined}});
			expect(answer.status).toBe(400);
			expect(answer.body.Code).toBe(`Missing${name}`);
			expect(answer.body.Message).toContain(`"${name}"`);
		}
		const unsigned = await send(sandbox.endpoint, 'GET', 'Action=DescribeRegions');
		expect(unsigned.status).toBe(400);
		expect(String(unsigned.body.Code)).toMatch(/^Missing/);
	});

	it('refuse another signature method or version with IncompleteSignature, 400', async () => {
		const method = await raw(sandbox, 'DescribeRegions', {}, {common: {SignatureMethod: 'HMAC-SHA256'}});
		expect([method.status, method.body.Code]).toEqual([400, 'IncompleteSignature']);
		const version = await raw(sandbox, 'DescribeRegions', {}, {common: {SignatureVersion: '2.0'}});
		expect([version.status, version.body.Code]).toEqual([400, 'IncompleteSignature']);
	});

	it('answer Format=XML in JSON, and refuse an unknown format', async () => {
		const xml = await raw(sandbox, 'DescribeRegions', {}, {common: {Format: 'XML'}});
		expect(xml.status).toBe(200);
		expect(xml.body.Regions).toBeDefined();
		const yaml = await raw(sandbox, 'DescribeRegions', {}, {common: {Format: 'YAML'}});
		expect([yaml.status, yaml.body.Code]).toEqual([400, 'InvalidParameter']);
	});

	it('route 2014-05-26 to ECS and 2016-04-28 to VPC; anything else is InvalidApi.NotFound, 404', async () => {
		expect((await raw(sandbox, 'DescribeVpcs', {RegionId: 'cn-hangzhou'}, {version: VPC})).status).toBe(200);
		const wrongVersion = await raw(sandbox, 'CreateSecurityGroup', {RegionId: 'cn-hangzhou'}, {version: VPC});
		expect([wrongVersion.status, wrongVersion.body.Code]).toEqual([404, 'InvalidApi.NotFound']);
		expect(wrongVersion.body.Recommend).toContain('product=Vpc');
		const unknown = await raw(sandbox, 'RunInstances', {RegionId: 'cn-hangzhou'});
		expect([unknown.status, unknown.body.Code]).toEqual([404, 'InvalidApi.NotFound']);
		const badVersion = await raw(sandbox, 'DescribeRegions', {}, {version: '2099-01-01'});
		expect([badVersion.status, badVersion.body.Code]).toEqual([404, 'InvalidApi.NotFound']);
		const lowerCase = await raw(sandbox, 'describeRegions');
		expect(lowerCase.body.Code).toBe('InvalidApi.NotFound');
	});

	it('use the Host header as HostId', async () => {
		const answer = await raw(sandbox, 'RunInstances');
		expect(answer.body.HostId).toBe(new URL(sandbox.endpoint).host);
	});
});

describe('with the clock of the official example', () => {
	const tv1Time = Date.parse('2016-02-23T12:46:24Z');
	const tv1Query =
		'AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D';

	it('accepts the documented TV1 request byte for byte, and refuses its replay', async () => {
		const official = await start({
			initialState: {credentials: {accessKeyId: 'testid', accessKeySecret: 'testsecret'}},
			now: () => tv1Time + 60_000,
		});
		try {
			const first = await send(official.endpoint, 'GET', tv1Query);
			expect(first.status).toBe(200);
			expect(first.body.Regions).toBeDefined();
			const replay = await send(official.endpoint, 'GET', tv1Query);
			expect([replay.status, replay.body.Code]).toEqual([400, 'SignatureNonceUsed']);
		} finally {
			await official.close();
		}
	});

	it('remembers a nonce for longer than the 15-minute window', async () => {
		let clock = tv1Time;
		const official = await start({
			initialState: {credentials: {accessKeyId: 'testid', accessKeySecret: 'testsecret'}},
			now: () => clock,
		});
		try {
			const at = (ms: number) =>
				raw(
					official,
					'DescribeRegions',
					{},
					{common: {SignatureNonce: 'same-nonce', Timestamp: apiTime(ms)}},
				);
			expect((await at(clock)).status).toBe(200);
			clock += 20 * 60_000;
			expect((await at(clock)).body.Code).toBe('SignatureNonceUsed');
			clock += 20 * 60_000;
			expect((await at(clock)).status).toBe(200);
		} finally {
			await official.close();
		}
	});
});

describe('hostile requests', () => {
	const rawHttp = (
		method: string,
		path: string,
		body?: Buffer | string,
		headers: Record<string, string> = {},
	): Promise<{status: number; body: Record<string, unknown>}> =>
		new Promise((resolve, reject) => {
			const url = new URL(sandbox.endpoint);
			const req = request({host: url.hostname, port: url.port, method, path, headers}, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let parsed: Record<string, unknown> = {};
					try {
						parsed = JSON.parse(text);
					} catch {
						parsed = {raw: text};
					}
					resolve({status: res.statusCode ?? 0, body: parsed});
				});
			});
			req.on('error', reject);
			if (body !== undefined) req.write(body);
			req.end();
		});

	it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'])(
		'refuses method %s with a JSON error',
		async (method) => {
			const answer = await rawHttp(method, '/?Action=DescribeRegions');
			expect(answer.status).toBe(400);
			expect(answer.body.Code).toBe('UnsupportedHTTPMethod');
		},
	);

	it('answers HEAD without a body', async () => {
		const answer = await rawHttp('HEAD', '/');
		expect(answer.status).toBe(400);
	});

	it.each(['/admin', '/../etc/passwd', '/%00', '/ecs/'])(
		'refuses the path %s with InvalidApi.NotFound',
		async (path) => {
			const answer = await rawHttp('GET', path);
			expect([answer.status, answer.body.Code]).toEqual([404, 'InvalidApi.NotFound']);
		},
	);

	it('refuses a body over 1 MB with 413 and a JSON error', async () => {
		const big = Buffer.alloc(2 * 1024 * 1024, 0x61);
		const answer = await rawHttp('POST', '/', big, {'content-type': 'application/x-www-form-urlencoded'});
		expect(answer.status).toBe(413);
		expect(answer.body.Code).toBe('RequestEntityTooLarge');
	});

	it('refuses a binary body of another media type with 415', async () => {
		const answer = await rawHttp('POST', '/', Buffer.from([0, 1, 2, 255, 254]), {
			'content-type': 'application/octet-stream',
		});
		expect([answer.status, answer.body.Code]).toEqual([415, 'UnsupportedMediaType']);
	});

	it('refuses binary bytes and bad percent-encoding in a form', async () => {
		const binary = await rawHttp('POST', '/', Buffer.from([0x61, 0x3d, 0xff, 0xfe]), {
			'content-type': 'application/x-www-form-urlencoded',
		});
		expect([binary.status, binary.body.Code]).toEqual([400, 'InvalidParameter']);
		const percent = await rawHttp('GET', '/?Action=%ZZ');
		expect([percent.status, percent.body.Code]).toEqual([400, 'InvalidParameter']);
	});

	it('refuses duplicate parameters, also across query and body', async () => {
		const twice = await rawHttp('GET', '/?Action=DescribeRegions&Action=DescribeRegions');
		expect(twice.body.Code).toBe('InvalidParameter');
		expect(twice.body.Message).toContain('more than once');
		const across = await rawHttp('POST', '/?Action=DescribeRegions', 'Action=DescribeVpcs', {
			'content-type': 'application/x-www-form-urlencoded',
		});
		expect(across.body.Code).toBe('InvalidParameter');
	});

	it('treats __proto__ and constructor as plain names', async () => {
		const proto = await raw(sandbox, 'DescribeRegions', {
			__proto__x: '1',
			['__proto__']: 'x',
			constructor: 'y',
		} as Record<string, string>);
		expect(proto.status).toBe(200);
		for (const action of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
			const answer = await raw(sandbox, action);
			expect([answer.status, answer.body.Code]).toEqual([404, 'InvalidApi.NotFound']);
		}
	});

	it('answers a malformed HTTP request with a JSON 400', async () => {
		const {connect} = await import('node:net');
		const url = new URL(sandbox.endpoint);
		const text = await new Promise<string>((resolve) => {
			const socket = connect(Number(url.port), url.hostname, () => socket.write('GARBAGE\r\n\r\n'));
			let data = '';
			socket.on('data', (chunk) => {
				data += chunk.toString();
			});
			socket.on('close', () => resolve(data));
		});
		expect(text).toMatch(/^HTTP\/1\.1 400/);
		expect(text).toContain('"Code":"InvalidRequest"');
	});

	it('still serves after all of the above', async () => {
		expect((await ask(pop(sandbox), 'DescribeRegions')).Regions).toBeDefined();
	});
});
