import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {CloudError} from '../../source/cloud/errors.js';
import {type AdapterOptions, createEcsApi, type PopEcsApi} from '../../source/cloud/pop-adapter.js';
import type {RetryEvent} from '../../source/cloud/port.js';
import {apiFail, type FakeCloud, ok, type Reply, startFakeCloud} from './fake-cloud.js';

let cloud: FakeCloud;
let api: PopEcsApi;
const fast = {tries: 3, baseDelayMs: 1, maxDelayMs: 4};

function open(overrides: Partial<AdapterOptions> = {}): PopEcsApi {
	api = createEcsApi({
		credentials: cloud.keys,
		endpoint: cloud.endpoint,
		retry: fast,
		timeoutMs: 2000,
		...overrides,
	});
	return api;
}

const vpcRecord = (n: number) => ({
	VpcId: `vpc-${String(n).padStart(4, '0')}`,
	VpcName: `vpc ${n}`,
	CidrBlock: '10.0.0.0/16',
	IsDefault: n === 1,
	Status: 'Available',
	RegionId: 'cn-hangzhou',
	Description: '',
});

/** DescribeVpcs over `count` VPCs, honouring PageNumber/PageSize (max 50) like the real API. */
function serveVpcs(count: number, delayMs = 0, onPage?: (page: number) => void) {
	cloud.on('DescribeVpcs', (params) => {
		const size = Math.min(Number(params.PageSize ?? 10), 50);
		const page = Number(params.PageNumber ?? 1);
		onPage?.(page);
		const all = Array.from({length: count}, (_, i) => vpcRecord(i + 1));
		return {
			delayMs,
			json: {
				RequestId: 'r',
				TotalCount: count,
				PageNumber: page,
				PageSize: size,
				Vpcs: {Vpc: all.slice((page - 1) * size, page * size)},
			},
		};
	});
}

async function failure(promise: Promise<unknown>): Promise<CloudError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(CloudError);
		return error as CloudError;
	}
	throw new Error('expected the call to fail');
}

beforeEach(async () => {
	cloud = await startFakeCloud();
});
afterEach(async () => {
	api?.close();
	await cloud.close();
});

describe('pop adapter: requests', () => {
	it('POSTs signed form bodies and returns plain objects', async () => {
		const regions = await open().describeRegions({language: 'zh-CN'});
		expect(regions.map((r) => r.id)).toEqual(['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1']);
		expect(regions[0]).toEqual({
			id: 'cn-hangzhou',
			localName: 'China (Hangzhou)',
			endpoint: 'ecs.aliyuncs.com',
			status: 'available',
		});
		expect(Object.getPrototypeOf(regions[0])).toBe(Object.prototype);
		const request = cloud.seen[0];
		expect(request?.method).toBe('POST');
		expect(request?.url).toBe('/');
		expect(request?.params.AcceptLanguage).toBe('zh-CN');
		expect(request?.params.Version).toBe('2014-05-26');
	});

	it('strips empty parameters and flattens tags', async () => {
		cloud.on('CreateSecurityGroup', () => ok({SecurityGroupId: 'sg-new1'}));
		const created = await open().createSecurityGroup({
			regionId: 'cn-hangzhou',
			vpcId: 'vpc-1',
			name: 'web',
			description: undefined,
			type: 'normal',
			resourceGroupId: undefined,
			tags: [
				{key: 'env', value: 'dev'},
				{key: 'team', value: ''},
			],
			clientToken: 'token-1',
		});
		expect(created.groupId).toBe('sg-new1');
		expect(created.requestId).toMatch(/^FAKE-/);
		const params = cloud.seen[0]?.params ?? {};
		expect(params).not.toHaveProperty('Description');
		expect(params).not.toHaveProperty('ResourceGroupId');
		expect(Object.values(params)).not.toContain('undefined');
		expect(Object.values(params)).not.toContain('null');
		expect(params['Tag.1.Key']).toBe('env');
		expect(params['Tag.1.Value']).toBe('dev');
		expect(params['Tag.2.Key']).toBe('team');
		expect(params).not.toHaveProperty('Tag.2.Value');
		expect(params.ClientToken).toBe('token-1');
	});

	it('sends every rule as Permissions.N with the ClientToken', async () => {
		cloud.on('AuthorizeSecurityGroup', () => ok());
		cloud.on('AuthorizeSecurityGroupEgress', () => ok());
		const rule = {
			direction: 'ingress',
			protocol: 'tcp',
			portRange: '22/22',
			peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
			policy: 'accept',
		};
		await open().authorizeSecurityGroup({
			regionId: 'cn-hangzhou',
			groupId: 'sg-1',
			nicType: 'intranet',
			clientToken: 'tok',
			rules: [
				{...rule, priority: 1, description: 'ssh'} as never,
				{...rule, protocol: 'icmp', portRange: '-1/-1', priority: 100, policy: 'drop'} as never,
			],
		});
		const params = cloud.seen[0]?.params ?? {};
		expect(params['Permissions.1.IpProtocol']).toBe('tcp');
		expect(params['Permissions.1.PortRange']).toBe('22/22');
		expect(params['Permissions.1.SourceCidrIp']).toBe('10.0.0.0/8');
		expect(params['Permissions.1.Description']).toBe('ssh');
		expect(params['Permissions.2.PortRange']).toBe('-1/-1');
		expect(params['Permissions.2.Priority']).toBe('100');
		expect(params['Permissions.2.Policy']).toBe('drop');
		expect(params['Permissions.2.NicType']).toBe('intranet');
		expect(params).not.toHaveProperty('Permissions.2.Description');
		expect(params.ClientToken).toBe('tok');

		await api.authorizeSecurityGroupEgress({
			regionId: 'cn-hangzhou',
			groupId: 'sg-1',
			nicType: 'intranet',
			rules: [{...rule, direction: 'egress', priority: 1} as never],
		});
		expect(cloud.seen[1]?.params['Permissions.1.DestCidrIp']).toBe('10.0.0.0/8');
		expect(cloud.seen[1]?.params).not.toHaveProperty('Permissions.1.SourceCidrIp');
	});

	it('turns json-bigint numbers and null-prototype objects into plain values', async () => {
		cloud.on('DescribeVpcs', () => ({
			status: 200,
			contentType: 'application/json',
			body: '{"RequestId":"r","TotalCount":1,"PageSize":50,"Vpcs":{"Vpc":[{"VpcId":"vpc-big","VpcName":"big","OwnerId":253460731706911260123,"IsDefault":true,"CidrBlock":"10.0.0.0/8","Status":"Available"}]}}',
		}));
		const vpcs = await open().describeVpcs('cn-hangzhou');
		expect(vpcs).toEqual([
			{
				id: 'vpc-big',
				name: 'big',
				cidr: '10.0.0.0/8',
				isDefault: true,
				status: 'Available',
				description: '',
				regionId: 'cn-hangzhou',
			},
		]);
		expect(Object.getPrototypeOf(vpcs[0])).toBe(Object.prototype);
		expect(cloud.seen[0]?.params.Version).toBe('2016-04-28');
	});

	it('lists every VPC page in order, page 1 first, reporting progress', async () => {
		const pages: number[] = [];
		serveVpcs(120, 0, (page) => pages.push(page));
		const progress: [number, number][] = [];
		const vpcs = await open().describeVpcs('cn-hangzhou', {
			onProgress: (loaded, total) => progress.push([loaded, total]),
		});
		expect(vpcs.map((v) => v.id)).toEqual(Array.from({length: 120}, (_, i) => vpcRecord(i + 1).VpcId));
		expect(pages[0]).toBe(1);
		expect([...pages].sort()).toEqual([1, 2, 3]);
		expect(progress[0]).toEqual([50, 120]);
		expect(progress.at(-1)).toEqual([120, 120]);
		expect(cloud.seen.every((s) => s.params.PageSize === '50')).toBe(true);
	});

	it('fetches the remaining VPC pages concurrently, but never more than the bound at once', async () => {
		let inFlight = 0;
		let peak = 0;
		cloud.on('DescribeVpcs', (params) => {
			const page = Number(params.PageNumber);
			inFlight++;
			peak = Math.max(peak, inFlight);
			setTimeout(() => inFlight--, 40);
			const all = Array.from({length: 400}, (_, i) => vpcRecord(i + 1));
			return {
				delayMs: 40,
				json: {
					RequestId: 'r',
					TotalCount: 400,
					PageSize: 50,
					Vpcs: {Vpc: all.slice((page - 1) * 50, page * 50)},
				},
			};
		});
		const vpcs = await open({vpcPageConcurrency: 3}).describeVpcs('cn-hangzhou');
		expect(vpcs).toHaveLength(400);
		expect(vpcs.at(-1)?.id).toBe('vpc-0400');
		expect(peak).toBeGreaterThan(1);
		expect(peak).toBeLessThanOrEqual(3);
	});

	it('fetches every page of security groups and instances', async () => {
		cloud.on('DescribeSecurityGroups', (params) => {
			const page = Number(params.PageNumber);
			const all = Array.from({length: 60}, (_, i) => ({
				SecurityGroupId: `sg-${i}`,
				SecurityGroupName: `g${i}`,
				SecurityGroupType: i === 0 ? 'enterprise' : 'normal',
				VpcId: params.VpcId,
				Tags: {Tag: [{TagKey: 'k', TagValue: 'v'}]},
			}));
			return ok({TotalCount: 60, SecurityGroups: {SecurityGroup: all.slice((page - 1) * 50, page * 50)}});
		});
		const groups = await open().describeSecurityGroups('cn-hangzhou', {vpcId: 'vpc-1'});
		expect(groups).toHaveLength(60);
		expect(groups[0]).toMatchObject({
			id: 'sg-0',
			type: 'enterprise',
			vpcId: 'vpc-1',
			tags: [{key: 'k', value: 'v'}],
		});
		expect(cloud.seen[0]?.params.VpcId).toBe('vpc-1');

		cloud.on('DescribeInstances', (params) => {
			const page = Number(params.PageNumber);
			const all = Array.from({length: 130}, (_, i) => ({
				InstanceId: `i-${i}`,
				InstanceName: `vm${i}`,
				Status: 'Running',
				ZoneId: 'cn-hangzhou-h',
				VpcAttributes: {VpcId: 'vpc-1', PrivateIpAddress: {IpAddress: [`10.0.0.${i % 250}`]}},
				SecurityGroupIds: {SecurityGroupId: ['sg-0']},
			}));
			return ok({TotalCount: 130, Instances: {Instance: all.slice((page - 1) * 100, page * 100)}});
		});
		const instances = await api.describeInstances('cn-hangzhou', {securityGroupId: 'sg-0'});
		expect(instances).toHaveLength(130);
		expect(instances[129]).toEqual({
			id: 'i-129',
			name: 'vm129',
			status: 'Running',
			regionId: 'cn-hangzhou',
			zoneId: 'cn-hangzhou-h',
			vpcId: 'vpc-1',
			privateIp: '10.0.0.129',
			securityGroupIds: ['sg-0'],
		});
	});

	it('maps group attributes to lower-case rules and joins the summary', async () => {
		cloud.on('DescribeSecurityGroupAttribute', () =>
			ok({
				SecurityGroupId: 'sg-1',
				SecurityGroupName: 'web',
				VpcId: 'vpc-1',
				InnerAccessPolicy: 'Accept',
				Permissions: {
					Permission: [
						{
							Direction: 'ingress',
							IpProtocol: 'TCP',
							PortRange: '22/22',
							SourceCidrIp: '0.0.0.0/0',
							Policy: 'Accept',
							// A string, as DescribeSecurityGroupAttributeResponseBodyPermissionsPermission types it.
							Priority: '1',
							NicType: 'intranet',
							CreateTime: 't',
							SecurityGroupRuleId: 'sgr-1',
						},
						{
							Direction: 'egress',
							IpProtocol: 'ALL',
							PortRange: '-1/-1',
							DestCidrIp: '0.0.0.0/0',
							Policy: 'Drop',
							// Tolerated: a number, as older answers and other clients send it.
							Priority: 100,
							NicType: 'intranet',
						},
					],
				},
			}),
		);
		cloud.on('DescribeSecurityGroups', () =>
			ok({
				TotalCount: 1,
				SecurityGroups: {
					SecurityGroup: [{SecurityGroupId: 'sg-1', SecurityGroupType: 'enterprise', CreationTime: 'c'}],
				},
			}),
		);
		const detail = await open().describeSecurityGroupAttribute('cn-hangzhou', 'sg-1');
		expect(detail).toMatchObject({
			id: 'sg-1',
			name: 'web',
			type: 'enterprise',
			creationTime: 'c',
			vpcId: 'vpc-1',
		});
		expect(detail.rules).toEqual([
			{
				direction: 'ingress',
				protocol: 'tcp',
				portRange: '22/22',
				peer: {kind: 'ipv4', cidr: '0.0.0.0/0'},
				policy: 'accept',
				priority: 1,
				nicType: 'intranet',
				createTime: 't',
				ruleId: 'sgr-1',
			},
			{
				direction: 'egress',
				protocol: 'all',
				portRange: '-1/-1',
				peer: {kind: 'ipv4', cidr: '0.0.0.0/0'},
				policy: 'drop',
				priority: 100,
				nicType: 'intranet',
				createTime: '',
			},
		]);
	});

	it('reads account attributes', async () => {
		cloud.on('DescribeAccountAttributes', () =>
			ok({
				AccountAttributeItems: {
					AccountAttributeItem: [
						{
							AttributeName: 'instance-network-type',
							AttributeValues: {ValueItem: [{Value: 'vpc'}, {Value: 'classic'}]},
						},
						{AttributeName: 'max-security-groups', AttributeValues: {ValueItem: [{Value: '300'}]}},
					],
				},
			}),
		);
		expect(await open().describeAccountAttributes('cn-hangzhou')).toEqual({
			networkTypes: ['vpc', 'classic'],
			maxSecurityGroups: 300,
		});
		expect(cloud.seen[0]?.params['AttributeName.1']).toBe('instance-network-type');
	});
});

describe('pop adapter: retries', () => {
	const retryable: [string, Reply][] = [
		['Throttling.User', apiFail(400, 'Throttling.User', 'Request was denied due to user flow control.')],
		['Throttling', apiFail(400, 'Throttling')],
		['ServiceUnavailable', apiFail(503, 'ServiceUnavailable')],
		['InternalError', apiFail(500, 'InternalError')],
		['IdempotentProcessing', apiFail(403, 'IdempotentProcessing')],
		['SignatureNonceUsed', apiFail(400, 'SignatureNonceUsed')],
		['ECONNRESET', {reset: true}],
	];
	for (const [code, reply] of retryable) {
		it(`recovers from ${code} within the retry budget`, async () => {
			cloud.queue('DescribeRegions', reply);
			const events: RetryEvent[] = [];
			open().onRetry((event) => events.push(event));
			const regions = await api.describeRegions();
			expect(regions).toHaveLength(3);
			expect(cloud.seen.filter((s) => s.params.Action === 'DescribeRegions')).toHaveLength(2);
			expect(events).toEqual([{action: 'DescribeRegions', attempt: 2, delayMs: 1, code}]);
		});
	}

	it('recovers from a hang after the per-call timeout', async () => {
		cloud.queue('DescribeRegions', {hang: true});
		const regions = await open({timeoutMs: 150}).describeRegions();
		expect(regions).toHaveLength(3);
		expect(cloud.seen).toHaveLength(2);
	});

	it('retries with a fresh nonce and signature each time, and stops listening on unsubscribe', async () => {
		cloud.queue('DescribeRegions', apiFail(503, 'ServiceUnavailable'), apiFail(500, 'InternalError'));
		const events: RetryEvent[] = [];
		const stop = open().onRetry((event) => events.push(event));
		await api.describeRegions();
		expect(new Set(cloud.seen.map((s) => s.params.SignatureNonce)).size).toBe(3);
		expect(events.map((e) => e.attempt)).toEqual([2, 3]);
		expect(events[1]?.delayMs).toBe(2);
		stop();
		cloud.queue('DescribeRegions', apiFail(503, 'ServiceUnavailable'));
		await api.describeRegions();
		expect(events).toHaveLength(2);
	});

	it('gives up after the budget and says how many tries were made', async () => {
		cloud.queue('DescribeRegions', ...Array.from({length: 5}, () => apiFail(400, 'Throttling.User')));
		const error = await failure(open().describeRegions());
		expect(error.kind).toBe('throttled');
		expect(error.code).toBe('Throttling.User');
		expect(error.sentence).toContain('3 tries');
		expect(error.details).toMatchObject({status: 400, retryable: true, action: 'DescribeRegions'});
		expect(cloud.seen).toHaveLength(3);
	});

	it('fails at once, without retrying, on a code that is not retryable', async () => {
		cloud.queue('DescribeRegions', apiFail(400, 'InvalidParameter', 'The specified parameter is not valid.'));
		const events: RetryEvent[] = [];
		open().onRetry((event) => events.push(event));
		const error = await failure(api.describeRegions());
		expect(error.kind).toBe('invalid');
		expect(error.sentence).toContain('The specified parameter is not valid.');
		expect(cloud.seen).toHaveLength(1);
		expect(events).toEqual([]);
	});

	it('stops when the caller aborts', async () => {
		serveVpcs(200, 200);
		const controller = new AbortController();
		const pending = open().describeVpcs('cn-hangzhou', {signal: controller.signal});
		setTimeout(() => controller.abort(), 50);
		await expect(pending).rejects.toMatchObject({name: 'AbortError'});
	});
});

describe('pop adapter: errors', () => {
	const secretOf = () => cloud.keys.accessKeySecret;
	const noLeaks = (error: CloudError, secret: string) => {
		const text = [error.sentence, error.next, error.message, JSON.stringify(error), String(error)].join('\n');
		expect(text).not.toContain(secret);
		expect(text).not.toMatch(/Signature=|string to sign is:.*%|SecurityToken=/i);
	};

	it('a wrong AccessKey ID', async () => {
		const error = await failure(
			open({credentials: {accessKeyId: 'LTAIwrong', accessKeySecret: secretOf()}}).describeRegions(),
		);
		expect(error).toMatchObject({kind: 'bad-key', code: 'InvalidAccessKeyId.NotFound', status: 404});
		expect(error.requestId).toMatch(/^FAKE-/);
		expect(error.next).toContain('ecs-sg configure');
		noLeaks(error, secretOf());
	});

	it('a wrong secret, without echoing the server string-to-sign', async () => {
		const wrong = 'wrongSecretValue987654321';
		const error = await failure(
			open({credentials: {accessKeyId: cloud.keys.accessKeyId, accessKeySecret: wrong}}).describeRegions(),
		);
		expect(error).toMatchObject({kind: 'bad-secret', code: 'SignatureDoesNotMatch', status: 400});
		noLeaks(error, wrong);
		noLeaks(error, secretOf());
		expect(cloud.seen).toHaveLength(1);
	});

	const apiCases: [string, number, string, string][] = [
		['InvalidTimeStamp.Expired', 400, 'clock', 'clock'],
		['Forbidden.RAM', 403, 'forbidden', 'DescribeRegions'],
		['QuotaExceed.SecurityGroup', 403, 'quota', 'Quota'],
		['InvalidVpcId.NotFound', 404, 'vpc-not-found', 'VPC'],
		['InvalidRegionId.NotFound', 404, 'region-not-found', 'region'],
		['InvalidSecurityToken.Expired', 400, 'bad-token', 'token'],
		['InvalidApi.NotFound', 404, 'invalid', '--endpoint'],
		['IdempotentParameterMismatch', 400, 'conflict', 'ClientToken'],
	];
	for (const [code, status, kind, hint] of apiCases) {
		it(`${code} becomes kind ${kind} with a next step`, async () => {
			cloud.queue('DescribeRegions', apiFail(status, code, `server says ${code}`));
			const error = await failure(open().describeRegions());
			expect(error).toMatchObject({kind, code, status});
			expect(`${error.sentence} ${error.next}`).toContain(hint);
			expect(error.next.length).toBeGreaterThan(10);
			expect(cloud.seen).toHaveLength(1);
		});
	}

	it('an unreachable endpoint', async () => {
		const dead = await startFakeCloud();
		const endpoint = dead.endpoint;
		await dead.close();
		const error = await failure(open({endpoint}).describeRegions());
		expect(error).toMatchObject({kind: 'network', code: 'ECONNREFUSED'});
		expect(error.sentence).toContain(new URL(endpoint).host);
		expect(error.sentence).toContain('3 tries');
	});

	it('a hang that outlasts every try', async () => {
		cloud.queue('DescribeRegions', {hang: true}, {hang: true});
		const error = await failure(open({timeoutMs: 100, retry: {tries: 2, baseDelayMs: 1}}).describeRegions());
		expect(error).toMatchObject({kind: 'timeout', code: 'RequestTimeout'});
	});

	const bodies: [string, Reply, string][] = [
		[
			'a web page with status 200 (a captive portal)',
			{status: 200, body: '<html><body>Log in</body></html>'},
			'HtmlResponse',
		],
		[
			'truncated JSON',
			{status: 200, body: '{"RequestId":"x","Regions":{"Reg', contentType: 'application/json'},
			'InvalidJson',
		],
		['an empty body with status 200', {status: 200, body: ''}, 'EmptyResponse'],
		['a 4xx without Code', {status: 403, json: {RequestId: 'r1', Message: 'nope'}}, 'NoErrorCode'],
	];
	for (const [label, reply, code] of bodies) {
		it(`${label} is a bad response, not retried`, async () => {
			cloud.queue('DescribeRegions', reply);
			const error = await failure(open().describeRegions());
			expect(error).toMatchObject({kind: 'bad-response', code});
			expect(error.sentence).not.toContain('Log in');
			expect(cloud.seen).toHaveLength(1);
		});
	}

	const faults: [string, Reply, string][] = [
		[
			'an HTML error page from a gateway (502)',
			{status: 502, body: '<html><body>Bad Gateway</body></html>'},
			'HtmlResponse',
		],
		['an empty 503', {status: 503, body: ''}, 'EmptyResponse'],
		['a 500 without Code', {status: 500, json: {RequestId: 'r1'}}, 'NoErrorCode'],
	];
	for (const [label, reply, code] of faults) {
		it(`${label} is a server fault: tried again, then reported with its status`, async () => {
			cloud.queue('DescribeRegions', reply, reply, reply);
			const error = await failure(open().describeRegions());
			expect(error).toMatchObject({kind: 'unavailable', code, details: {retryable: true}});
			expect(error.sentence).toContain(`HTTP ${(reply as {status: number}).status}`);
			expect(error.sentence).toContain('3 tries');
			expect(error.sentence).not.toContain('Bad Gateway');
			expect(cloud.seen).toHaveLength(3);
		});
	}

	it('recovers when a gateway error page is passing', async () => {
		cloud.queue('DescribeRegions', {status: 504, body: '<html>Gateway Timeout</html>'});
		expect(await open().describeRegions()).toHaveLength(3);
		expect(cloud.seen).toHaveLength(2);
	});

	it('cuts off an answer larger than any API answer, without retrying it', async () => {
		cloud.queue('DescribeRegions', {status: 200, body: 'x'.repeat(300_000), contentType: 'application/json'});
		const error = await failure(open({maxResponseBytes: 64 * 1024}).describeRegions());
		expect(error).toMatchObject({kind: 'bad-response', code: 'ResponseTooLarge'});
		expect(error.sentence).toContain(new URL(cloud.endpoint).host);
		expect(cloud.seen).toHaveLength(1);
		// The connection is usable again afterwards.
		expect(await api.describeRegions()).toHaveLength(3);
	});

	it('cuts off an answer that never ends long before the read timeout', async () => {
		cloud.queue('DescribeRegions', {stream: `"${'y'.repeat(16 * 1024)}`});
		const started = Date.now();
		const error = await failure(open({maxResponseBytes: 256 * 1024, timeoutMs: 10_000}).describeRegions());
		expect(error).toMatchObject({kind: 'bad-response', code: 'ResponseTooLarge'});
		expect(Date.now() - started).toBeLessThan(9_000);
		expect(cloud.seen).toHaveLength(1);
	});

	it('a name that does not resolve (DNS failure)', async () => {
		const error = await failure(open({endpoint: 'http://ecs-sg-test.invalid'}).describeRegions());
		expect(error.kind).toBe('network');
		expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(error.code);
		expect(error.sentence).toContain('ecs-sg-test.invalid');
		expect(error.next).toContain('network');
	});

	it('a connection reset on every try', async () => {
		cloud.queue('DescribeRegions', {reset: true}, {reset: true}, {reset: true});
		const error = await failure(open().describeRegions());
		expect(error).toMatchObject({kind: 'network', code: 'ECONNRESET'});
		expect(error.sentence).toContain('3 tries');
		expect(cloud.seen).toHaveLength(3);
	});

	it('redacts a server message that quotes the secret, a token or a signed URL', async () => {
		const token = 'CAISstsTokenValueThatIsLong';
		cloud.queue(
			'DescribeRegions',
			apiFail(
				400,
				'InvalidParameter',
				`bad ${secretOf()} at https://ecs.aliyuncs.com/?AccessKeyId=x&Signature=abc&SecurityToken=${token} ok`,
			),
		);
		const error = await failure(open({credentials: {...cloud.keys, securityToken: token}}).describeRegions());
		noLeaks(error, secretOf());
		noLeaks(error, token);
		expect(error.sentence).toContain('https://ecs.aliyuncs.com/?[redacted]');
	});
});
