// CreateSecurityGroup (every validation rule, accepted and refused), ClientToken idempotency, classic,
// quota; DescribeSecurityGroups filters and both paging styles; DescribeSecurityGroupAttribute; Delete.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Sandbox} from '../../source/sandbox/index.js';
import {ask, pop, raw, refusal, start, vpcState} from './helpers.js';

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await start({initialState: vpcState()});
});
afterEach(async () => {
	await sandbox.close();
});

const base = {RegionId: 'cn-hangzhou', VpcId: 'vpc-test0001'};
const create = (params: Record<string, unknown>) =>
	ask(pop(sandbox), 'CreateSecurityGroup', {...base, ...params});
const groups = () => (sandbox.snapshot().securityGroups ?? []) as Record<string, unknown>[];

describe('CreateSecurityGroup', () => {
	it('creates a group with no rules, an id that looks real, and the defaults', async () => {
		const answer = await create({SecurityGroupName: 'web-sg', Description: 'web servers'});
		expect(answer.SecurityGroupId).toMatch(/^sg-bp[a-z0-9]{18}$/);
		const [group] = groups();
		expect(group).toMatchObject({
			SecurityGroupId: answer.SecurityGroupId,
			SecurityGroupName: 'web-sg',
			Description: 'web servers',
			VpcId: 'vpc-test0001',
			RegionId: 'cn-hangzhou',
			SecurityGroupType: 'normal',
			InnerAccessPolicy: 'Accept',
			Permissions: [],
		});
		expect(Date.now() - Date.parse(group?.CreationTime as string)).toBeLessThan(60_000);
	});

	it('gives enterprise groups InnerAccessPolicy Drop', async () => {
		await create({SecurityGroupName: 'adv', SecurityGroupType: 'enterprise'});
		expect(groups()[0]).toMatchObject({SecurityGroupType: 'enterprise', InnerAccessPolicy: 'Drop'});
	});

	it.each([['ab'], ['网站'], ['a'.repeat(128)], ['Web:01_b.c-d'], ['Ünïcode-名前']])(
		'accepts the name %s',
		async (name) => {
			await expect(create({SecurityGroupName: name})).resolves.toHaveProperty('SecurityGroupId');
		},
	);

	it.each([
		['a', 'long'],
		['a'.repeat(129), 'long'],
		['1abc', 'letter'],
		['-abc', 'letter'],
		['http://x', 'http'],
		['https://x', 'http'],
		['web sg', 'only'],
		['web/sg', 'only'],
		['web@sg', 'only'],
	])('refuses the name %s (%s)', async (name, why) => {
		const answer = await refusal(create({SecurityGroupName: name}));
		expect(answer).toMatchObject({code: 'InvalidSecurityGroupName.Malformed', status: 400});
		expect(answer.data.Message).toContain(why);
		expect(groups()).toEqual([]);
	});

	it('counts characters, not bytes', async () => {
		await expect(create({SecurityGroupName: '网'.repeat(128)})).resolves.toBeDefined();
		expect((await refusal(create({SecurityGroupName: '网'.repeat(129)}))).code).toBe(
			'InvalidSecurityGroupName.Malformed',
		);
	});

	it.each([['ok'], ['描述'], ['x'.repeat(256)], ['a description with spaces (and *stars*)']])(
		'accepts the description %s',
		async (description) => {
			await expect(create({Description: description})).resolves.toBeDefined();
		},
	);

	it.each([['x'], ['x'.repeat(257)], ['http://example.com'], ['HTTPS://x']])(
		'refuses the description %s',
		async (d) => {
			expect(await refusal(create({Description: d}))).toMatchObject({
				code: 'InvalidDescription.Malformed',
				status: 400,
			});
		},
	);

	it('refuses an unknown SecurityGroupType', async () => {
		expect(await refusal(create({SecurityGroupType: 'premium'}))).toMatchObject({
			code: 'InvalidParams.GroupType',
			status: 400,
		});
	});

	it('needs a VpcId of that region that exists and is Available', async () => {
		expect(await refusal(create({VpcId: 'vpc-nothere'}))).toMatchObject({
			code: 'InvalidVpcId.NotFound',
			status: 404,
		});
		expect(await refusal(create({VpcId: 'vpc-sh000001'}))).toMatchObject({
			code: 'InvalidVpcId.NotFound',
			status: 404,
		});
		expect(await refusal(create({VpcId: 'vpc-pending1'}))).toMatchObject({
			code: 'IncorrectVpcStatus',
			status: 400,
		});
	});

	it('creates a classic group without VpcId only where the account still has classic', async () => {
		const classic = await ask(pop(sandbox), 'CreateSecurityGroup', {
			RegionId: 'cn-hangzhou',
			SecurityGroupName: 'old',
		});
		expect(groups().find((g) => g.SecurityGroupId === classic.SecurityGroupId)?.VpcId).toBe('');
		const vpcOnly = await refusal(ask(pop(sandbox), 'CreateSecurityGroup', {RegionId: 'ap-southeast-1'}));
		expect(vpcOnly).toMatchObject({code: 'InvalidVpcId.NotFound', status: 403});
		expect(vpcOnly.data.Message).toBe('vpc id must not empty when only support vpc vm');
		const enterprise = await refusal(
			ask(pop(sandbox), 'CreateSecurityGroup', {RegionId: 'cn-hangzhou', SecurityGroupType: 'enterprise'}),
		);
		expect(enterprise).toMatchObject({code: 'InvalidParams.VpcIdGroupType', status: 400});
	});

	it('needs a known RegionId', async () => {
		expect(await refusal(create({RegionId: 'xx-nowhere-1'}))).toMatchObject({
			code: 'InvalidRegionId.NotFound',
			status: 404,
		});
		expect((await refusal(ask(pop(sandbox), 'CreateSecurityGroup', {VpcId: 'vpc-test0001'}))).code).toBe(
			'MissingParameter',
		);
	});

	it('takes up to 20 valid tags', async () => {
		const tags = Array.from({length: 20}, (_, i) => ({Key: `k${i}`, Value: i === 0 ? '' : `v${i}`}));
		const answer = await create({Tag: tags});
		const group = groups().find((g) => g.SecurityGroupId === answer.SecurityGroupId);
		expect(group?.Tags).toEqual({Tag: expect.any(Array)});
		expect((group as {Tags: {Tag: unknown[]}}).Tags.Tag).toHaveLength(20);
		const listed = await ask(pop(sandbox), 'DescribeSecurityGroups', {
			RegionId: 'cn-hangzhou',
			'Tag.1.Key': 'k3',
			'Tag.1.Value': 'v3',
		});
		expect(listed.TotalCount).toBe(1);
	});

	it.each([
		[{'Tag.1.Key': 'aliyun-x', 'Tag.1.Value': 'v'}, 'InvalidTagKey.Malformed', 400],
		[{'Tag.1.Key': 'ACS:x'}, 'InvalidTagKey.Malformed', 400],
		[{'Tag.1.Key': 'k'.repeat(129)}, 'InvalidTagKey.Malformed', 400],
		[{'Tag.1.Key': 'see http://x'}, 'InvalidTagKey.Malformed', 400],
		[{'Tag.1.Value': 'no key'}, 'InvalidTagKey.Malformed', 400],
		[{'Tag.1.Key': 'k', 'Tag.1.Value': 'v'.repeat(129)}, 'InvalidTagValue.Malformed', 400],
		[{'Tag.1.Key': 'k', 'Tag.1.Value': 'https://x'}, 'InvalidTagValue.Malformed', 400],
		[{'Tag.1.Key': 'k', 'Tag.2.Key': 'k'}, 'Duplicate.TagKey', 400],
		[{'Tag.21.Key': 'k'}, 'QuotaExceed.Tags', 403],
	])('refuses tags %o with %s', async (params, code, status) => {
		expect(await refusal(create(params))).toMatchObject({code, status});
	});

	it('accepts the deprecated lower-case Tag.N.key/value', async () => {
		const answer = await create({'Tag.1.key': 'env', 'Tag.1.value': 'dev'});
		const group = groups().find((g) => g.SecurityGroupId === answer.SecurityGroupId);
		expect(group?.Tags).toEqual({Tag: [{TagKey: 'env', TagValue: 'dev'}]});
	});

	it('accepts any well-formed ResourceGroupId and refuses a malformed one', async () => {
		await expect(create({ResourceGroupId: 'rg-acfmxazb4ph6aiy'})).resolves.toBeDefined();
		expect(await refusal(create({ResourceGroupId: 'group-1'}))).toMatchObject({
			code: 'InvalidResourceGroup.NotFound',
			status: 404,
		});
	});

	it('stops at the account quota per region with 403 QuotaExceed.SecurityGroup', async () => {
		const small = await start({initialState: {...vpcState(), account: {maxSecurityGroups: 2}}});
		try {
			const client = pop(small);
			await ask(client, 'CreateSecurityGroup', base);
			await ask(client, 'CreateSecurityGroup', base);
			expect(await refusal(ask(client, 'CreateSecurityGroup', base))).toMatchObject({
				code: 'QuotaExceed.SecurityGroup',
				status: 403,
			});
			await expect(
				ask(client, 'CreateSecurityGroup', {RegionId: 'cn-shanghai', VpcId: 'vpc-sh000001'}),
			).resolves.toBeDefined();
		} finally {
			await small.close();
		}
	});
});

describe('ClientToken', () => {
	it('same token and parameters: the same SecurityGroupId and no second group', async () => {
		const first = await create({SecurityGroupName: 'web', ClientToken: 'token-1'});
		const again = await create({SecurityGroupName: 'web', ClientToken: 'token-1'});
		expect(again.SecurityGroupId).toBe(first.SecurityGroupId);
		expect(again.RequestId).not.toBe(first.RequestId);
		expect(groups()).toHaveLength(1);
	});

	it('same token, different parameters: 400 IdempotentParameterMismatch', async () => {
		await create({SecurityGroupName: 'web', ClientToken: 'token-2'});
		expect(await refusal(create({SecurityGroupName: 'other', ClientToken: 'token-2'}))).toMatchObject({
			code: 'IdempotentParameterMismatch',
			status: 400,
		});
		expect(groups()).toHaveLength(1);
	});

	it('a failed call does not use the token up', async () => {
		await refusal(create({SecurityGroupName: '1bad', ClientToken: 'token-3'}));
		await expect(create({SecurityGroupName: '1bad', ClientToken: 'token-3'})).rejects.toThrow();
		await expect(create({SecurityGroupName: 'good', ClientToken: 'token-3'})).resolves.toBeDefined();
	});

	it('is at most 64 ASCII characters', async () => {
		await expect(create({ClientToken: 'x'.repeat(64)})).resolves.toBeDefined();
		expect(await refusal(create({ClientToken: 'x'.repeat(65)}))).toMatchObject({
			code: 'InvalidParameter',
			status: 400,
		});
		expect((await refusal(create({ClientToken: 'tökén'}))).code).toBe('InvalidParameter');
	});
});

describe('DescribeSecurityGroups', () => {
	it('lists the groups of a region in descending id order, with the API’s fields', async () => {
		const ids = [];
		for (let i = 0; i < 5; i++)
			ids.push((await create({SecurityGroupName: `g${i}`})).SecurityGroupId as string);
		const answer = await ask(pop(sandbox), 'DescribeSecurityGroups', {RegionId: 'cn-hangzhou', PageSize: 50});
		const listed = (answer.SecurityGroups as {SecurityGroup: Record<string, unknown>[]}).SecurityGroup;
		expect(listed.map((g) => g.SecurityGroupId)).toEqual([...ids].sort().reverse());
		expect(answer).toMatchObject({RegionId: 'cn-hangzhou', TotalCount: 5, PageNumber: 1, PageSize: 50});
		expect(listed[0]).toMatchObject({
			SecurityGroupName: expect.any(String),
			Description: '',
			VpcId: 'vpc-test0001',
			SecurityGroupType: 'normal',
			CreationTime: expect.any(String),
			ResourceGroupId: '',
			Tags: {Tag: []},
		});
	});

	it('pages with PageNumber/PageSize (at most 50) and with MaxResults/NextToken', async () => {
		for (let i = 0; i < 12; i++) await create({SecurityGroupName: `g${i}`});
		const client = pop(sandbox);
		const byPage: string[] = [];
		for (let page = 1; page <= 3; page++) {
			const answer = await ask(client, 'DescribeSecurityGroups', {
				RegionId: 'cn-hangzhou',
				PageSize: 5,
				PageNumber: page,
			});
			byPage.push(
				...(answer.SecurityGroups as {SecurityGroup: {SecurityGroupId: string}[]}).SecurityGroup.map(
					(g) => g.SecurityGroupId,
				),
			);
		}
		const byToken: string[] = [];
		let token: string | undefined;
		let rounds = 0;
		do {
			const answer = await ask(client, 'DescribeSecurityGroups', {
				RegionId: 'cn-hangzhou',
				MaxResults: 5,
				...(token ? {NextToken: token} : {}),
			});
			byToken.push(
				...(answer.SecurityGroups as {SecurityGroup: {SecurityGroupId: string}[]}).SecurityGroup.map(
					(g) => g.SecurityGroupId,
				),
			);
			token = answer.NextToken as string;
			rounds++;
		} while (token);
		expect(rounds).toBe(3);
		expect(byToken).toEqual(byPage);
		expect(byPage).toHaveLength(12);
		expect(new Set(byPage).size).toBe(12);
		expect(
			(await refusal(ask(client, 'DescribeSecurityGroups', {RegionId: 'cn-hangzhou', PageSize: 51}))).code,
		).toBe('InvalidParameter');
		expect(
			(await refusal(ask(client, 'DescribeSecurityGroups', {RegionId: 'cn-hangzhou', MaxResults: 101}))).code,
		).toBe('InvalidParameter');
		expect(
			(await refusal(ask(client, 'DescribeSecurityGroups', {RegionId: 'cn-hangzhou', NextToken: 'forged'})))
				.code,
		).toBe('InvalidNextToken.Malformed');
		expect(
			(
				await refusal(
					ask(client, 'DescribeSecurityGroups', {RegionId: 'cn-hangzhou', MaxResults: 5, PageNumber: 1}),
				)
			).code,
		).toBe('InvalidParameter');
	});

	it('filters by VpcId, SecurityGroupId(s), name, type and network', async () => {
		const a = (await create({SecurityGroupName: 'alpha'})).SecurityGroupId as string;
		const b = (
			await create({SecurityGroupName: 'beta', VpcId: 'vpc-test0002', SecurityGroupType: 'enterprise'})
		).SecurityGroupId as string;
		const c = (
			await ask(pop(sandbox), 'CreateSecurityGroup', {RegionId: 'cn-hangzhou', SecurityGroupName: 'classic'})
		).SecurityGroupId as string;
		const ids = async (filter: Record<string, unknown>) =>
			(
				(await ask(pop(sandbox), 'DescribeSecurityGroups', {RegionId: 'cn-hangzhou', ...filter}))
					.SecurityGroups as {
					SecurityGroup: {SecurityGroupId: string}[];
				}
			).SecurityGroup.map((g) => g.SecurityGroupId);
		expect(await ids({VpcId: 'vpc-test0002'})).toEqual([b]);
		expect(await ids({SecurityGroupId: a})).toEqual([a]);
		expect((await ids({SecurityGroupIds: JSON.stringify([a, c])})).sort()).toEqual([a, c].sort());
		expect(await ids({SecurityGroupName: 'alpha'})).toEqual([a]);
		expect(await ids({SecurityGroupType: 'enterprise'})).toEqual([b]);
		expect(await ids({NetworkType: 'classic'})).toEqual([c]);
		expect((await ids({NetworkType: 'vpc'})).sort()).toEqual([a, b].sort());
		expect(
			(
				await refusal(
					ask(pop(sandbox), 'DescribeSecurityGroups', {RegionId: 'cn-hangzhou', SecurityGroupIds: 'sg-1'}),
				)
			).code,
		).toBe('InvalidParameter');
		expect(await ids({RegionId: 'cn-shanghai'})).toEqual([]);
	});
});

describe('DescribeSecurityGroupAttribute and DeleteSecurityGroup', () => {
	it('returns the group with its rules in the API’s casing', async () => {
		const id = (await create({SecurityGroupName: 'web', Description: 'desc'})).SecurityGroupId as string;
		await ask(pop(sandbox), 'AuthorizeSecurityGroup', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: id,
			Permissions: [
				{IpProtocol: 'tcp', PortRange: '443/443', SourceCidrIp: '0.0.0.0/0', Description: 'https'},
			],
		});
		await ask(pop(sandbox), 'AuthorizeSecurityGroupEgress', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: id,
			Permissions: [
				{IpProtocol: 'udp', PortRange: '53/53', DestCidrIp: '10.0.0.2', Policy: 'drop', Priority: '7'},
			],
		});
		const answer = await ask(pop(sandbox), 'DescribeSecurityGroupAttribute', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: id,
		});
		expect(answer).toMatchObject({
			SecurityGroupId: id,
			SecurityGroupName: 'web',
			Description: 'desc',
			VpcId: 'vpc-test0001',
			RegionId: 'cn-hangzhou',
			InnerAccessPolicy: 'Accept',
		});
		const rules = (answer.Permissions as {Permission: Record<string, unknown>[]}).Permission;
		expect(rules).toEqual([
			expect.objectContaining({
				Direction: 'ingress',
				IpProtocol: 'TCP',
				PortRange: '443/443',
				SourceCidrIp: '0.0.0.0/0',
				DestCidrIp: '',
				Policy: 'Accept',
				// A string, as the SDK model types it (issue 13).
				Priority: '1',
				NicType: 'intranet',
				Description: 'https',
				SourceGroupId: '',
				Ipv6SourceCidrIp: '',
				CreateTime: expect.stringMatching(/Z$/),
			}),
			expect.objectContaining({
				Direction: 'egress',
				IpProtocol: 'UDP',
				DestCidrIp: '10.0.0.2',
				SourceCidrIp: '',
				Policy: 'Drop',
				Priority: '7',
			}),
		]);
		const ingress = await ask(pop(sandbox), 'DescribeSecurityGroupAttribute', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: id,
			Direction: 'ingress',
		});
		expect((ingress.Permissions as {Permission: unknown[]}).Permission).toHaveLength(1);
	});

	it('refuses unknown, malformed and other-region ids, and bad filters', async () => {
		const id = (await create({})).SecurityGroupId as string;
		const attribute = (params: Record<string, unknown>) =>
			refusal(
				ask(pop(sandbox), 'DescribeSecurityGroupAttribute', {
					RegionId: 'cn-hangzhou',
					SecurityGroupId: id,
					...params,
				}),
			);
		expect(await attribute({SecurityGroupId: 'sg-bp000000000000000000'})).toMatchObject({
			code: 'InvalidSecurityGroupId.NotFound',
			status: 404,
		});
		expect(await attribute({SecurityGroupId: 'group-1'})).toMatchObject({
			code: 'InvalidSecurityGroupId.Malformed',
			status: 400,
		});
		expect(await attribute({RegionId: 'cn-shanghai'})).toMatchObject({
			code: 'InvalidSecurityGroupId.NotFound',
			status: 404,
		});
		expect(await attribute({NicType: 'wifi'})).toMatchObject({
			code: 'InvalidNicType.ValueNotSupported',
			status: 400,
		});
		expect(await attribute({Direction: 'sideways'})).toMatchObject({code: 'InvalidParameter', status: 400});
	});

	it('deletes a group, and refuses while another group’s rule references it', async () => {
		const a = (await create({SecurityGroupName: 'ga'})).SecurityGroupId as string;
		const b = (await create({SecurityGroupName: 'gb'})).SecurityGroupId as string;
		await ask(pop(sandbox), 'AuthorizeSecurityGroup', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: b,
			Permissions: [{IpProtocol: 'all', PortRange: '-1/-1', SourceGroupId: a}],
		});
		const refused = await refusal(
			ask(pop(sandbox), 'DeleteSecurityGroup', {RegionId: 'cn-hangzhou', SecurityGroupId: a}),
		);
		expect(refused).toMatchObject({code: 'DependencyViolation', status: 403});
		await ask(pop(sandbox), 'DeleteSecurityGroup', {RegionId: 'cn-hangzhou', SecurityGroupId: b});
		await ask(pop(sandbox), 'DeleteSecurityGroup', {RegionId: 'cn-hangzhou', SecurityGroupId: a});
		expect(groups()).toEqual([]);
		expect(
			await refusal(ask(pop(sandbox), 'DeleteSecurityGroup', {RegionId: 'cn-hangzhou', SecurityGroupId: a})),
		).toMatchObject({
			code: 'InvalidSecurityGroupId.NotFound',
			status: 404,
		});
	});

	it('answers a raw GET with the same error body shape', async () => {
		const answer = await raw(
			sandbox,
			'DeleteSecurityGroup',
			{RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-bp000000000000000000'},
			{method: 'GET'},
		);
		expect(answer.status).toBe(404);
		expect(Object.keys(answer.body).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
	});
});
