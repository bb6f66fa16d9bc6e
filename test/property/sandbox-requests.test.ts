// The sandbox answers whatever arrives (any method, path, headers and body; or a correctly signed call of any
// action with any parameters) with a JSON error or a JSON answer: never a crash, never a 500, never a stack.
import {request} from 'node:http';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type Sandbox, sandboxActions} from '../../source/sandbox/index.js';
import {ask, ECS, pop, raw, start, VPC, vpcState} from '../sandbox/helpers.js';
import {limit, runs} from './runs.js';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await start({initialState: vpcState({account: {maxSecurityGroups: 100_000}})});
});
afterAll(async () => {
	await sandbox.close();
});

type Answer = {status: number; text: string};

/** What the signed calls got back, to check that they reached the actions (not only the signature check). */
const seen = {ok: 0, codes: new Set<string>()};

function send(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
	const url = new URL(sandbox.endpoint);
	return new Promise((resolve, reject) => {
		const req = request({host: url.hostname, port: url.port, method, path, headers}, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8')}),
			);
		});
		req.on('error', reject);
		if (body !== undefined) req.write(body);
		req.end();
	});
}

/** A JSON object with the API's error shape (or a success), and nothing of the sandbox's insides. */
function judge(answer: Answer, method: string): void {
	expect(answer.status).not.toBe(500);
	expect(answer.status).toBeGreaterThanOrEqual(200);
	expect(answer.status).toBeLessThan(600);
	if (method === 'HEAD') return;
	const body = JSON.parse(answer.text) as Record<string, unknown>;
	expect(typeof body).toBe('object');
	expect(typeof body.RequestId).toBe('string');
	if (answer.status >= 400) {
		expect(typeof body.Code).toBe('string');
		expect(typeof body.Message).toBe('string');
	}
	expect(answer.text).not.toMatch(/\bat .+\.(ts|js|mjs):\d+|node:internal|Error: /);
}

const methods = fc.oneof(
	fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'PROPFIND'),
	fc.stringMatching(/^[A-Z]{1,10}$/),
);
// Characters a request line may carry (anything else is refused by node's client before it is sent).
const urlChar = fc.constantFrom(
	..."aZ09-._~!$&'()*+,;=:@/?%#[]".split(''),
	'%00',
	'%ZZ',
	'%E4%BD',
	'%2F',
	'Action=',
	'Version=2014-05-26',
	'Signature=',
);
const paths = fc.oneof(
	fc.constantFrom('/', '/?', '/?Action=DescribeRegions', '//', '/..', '/ecs'),
	fc.array(urlChar, {maxLength: 40}).map((parts) => `/${parts.join('')}`),
);
const contentTypes = fc.constantFrom(
	'application/x-www-form-urlencoded',
	'application/x-www-form-urlencoded; charset=utf-8',
	'application/json',
	'text/plain',
	'multipart/form-data; boundary=x',
	'',
);
const bodies = fc.option(
	fc.oneof(
		fc.uint8Array({maxLength: 300}).map((bytes) => Buffer.from(bytes)),
		fc.string({maxLength: 200}).map((s) => Buffer.from(s)),
		fc
			.array(fc.tuple(fc.string({maxLength: 8}), fc.string({maxLength: 12})), {maxLength: 10})
			.map((pairs) =>
				Buffer.from(pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')),
			),
	),
	{nil: undefined},
);

const paramNames = [
	'RegionId',
	'VpcId',
	'VpcName',
	'IsDefault',
	'SecurityGroupId',
	'SecurityGroupIds',
	'SecurityGroupName',
	'SecurityGroupType',
	'Description',
	'ClientToken',
	'ResourceGroupId',
	'NetworkType',
	'InstanceId',
	'InstanceIds',
	'PageNumber',
	'PageSize',
	'MaxResults',
	'NextToken',
	'AcceptLanguage',
	'ResourceType',
	'AttributeName.1',
	'Tag.1.Key',
	'Tag.1.Value',
	'Tag.21.Key',
	'Tag.1.key',
	'IpProtocol',
	'PortRange',
	'SourceCidrIp',
	'DestCidrIp',
	'Policy',
	'Priority',
	'NicType',
	'SourceGroupId',
	'Permissions.1.IpProtocol',
	'Permissions.1.PortRange',
	'Permissions.1.SourceCidrIp',
	'Permissions.1.DestCidrIp',
	'Permissions.1.Policy',
	'Permissions.1.Priority',
	'Permissions.1.NicType',
	'Permissions.1.Description',
	'Permissions.1.SourceGroupId',
	'Permissions.1.Ipv6SourceCidrIp',
	'Permissions.1.SourcePrefixListId',
	'Permissions.2.IpProtocol',
	'Permissions.101.IpProtocol',
	'Permissions.0.PortRange',
	'SecurityGroupRuleId.1',
	'NetworkInterfaceId',
];
const paramValues = fc.oneof(
	fc.constantFrom(
		'',
		' ',
		'cn-hangzhou',
		'cn-shanghai',
		'nowhere-1',
		'vpc-test0001',
		'vpc-pending1',
		'sg-doesnotexist',
		'i-doesnotexist',
		'["sg-a","sg-b"]',
		'[',
		'{}',
		'tcp',
		'TCP',
		'icmp',
		'all',
		'gre',
		'22/22',
		'-1/-1',
		'1/65535',
		'0/0',
		'65535/1',
		'0.0.0.0/0',
		'10.0.0.0/8',
		'300.1.1.1/40',
		'::/0',
		'accept',
		'drop',
		'intranet',
		'internet',
		'normal',
		'enterprise',
		'1',
		'0',
		'-1',
		'100',
		'101',
		'99999999999999999999',
		'1e309',
		'NaN',
		'true',
		'web',
		'网站',
		'http://x',
		'\u001B]0;x\u0007',
		'x'.repeat(2000),
	),
	fc.string({maxLength: 30}),
	fc.string({unit: 'binary', maxLength: 10}),
);
const params = fc.dictionary(
	fc.oneof(
		{weight: 5, arbitrary: fc.constantFrom(...paramNames)},
		{weight: 1, arbitrary: fc.string({maxLength: 12})},
	),
	paramValues,
	{maxKeys: 8},
);
const actions = fc.oneof(
	{weight: 6, arbitrary: fc.constantFrom(...sandboxActions)},
	{weight: 1, arbitrary: fc.string({maxLength: 20})},
);

describe('the sandbox under arbitrary requests', () => {
	it(
		'answers any method, path, headers and body with JSON, never a 500',
		async () => {
			await fc.assert(
				fc.asyncProperty(methods, paths, contentTypes, bodies, async (method, path, type, body) => {
					const headers: Record<string, string> = type ? {'content-type': type} : {};
					// Without a length node's client sends the body chunked, which a HEAD answer does not wait for.
					if (body !== undefined) headers['content-length'] = String(body.length);
					judge(await send(method, path, headers, body), method);
				}),
				runs(300, 10_000),
			);
		},
		limit(),
	);

	it(
		'answers a correctly signed call of any action with any parameters, never a 500',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					actions,
					fc.constantFrom(ECS, VPC),
					fc.constantFrom('POST' as const, 'GET' as const),
					params,
					async (action, version, method, values) => {
						const answer = await raw(sandbox, action, values as Record<string, string>, {version, method});
						judge({status: answer.status, text: answer.text}, method);
						if (answer.status === 200) seen.ok++;
						else seen.codes.add(String(answer.body.Code));
					},
				),
				runs(400, 20_000),
			);
		},
		limit(),
	);

	it('still serves afterwards, with a state that reads back', async () => {
		expect(seen.ok).toBeGreaterThan(0);
		expect(seen.codes.size).toBeGreaterThan(5);
		const regions = await ask(pop(sandbox), 'DescribeRegions');
		expect(regions.Regions).toBeDefined();
		const groups = sandbox.snapshot().securityGroups ?? [];
		const ids = groups.map((g) => (g as {SecurityGroupId: string}).SecurityGroupId);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
