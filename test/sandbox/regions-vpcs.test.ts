// DescribeRegions, DescribeVpcs (VPC API and ECS's deprecated twin) and DescribeAccountAttributes.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Sandbox} from '../../source/sandbox/index.js';
import {ask, ECS, pop, raw, refusal, start, VPC} from './helpers.js';

let seeded: Sandbox;
let many: Sandbox;

const manyVpcs = Array.from({length: 57}, (_, i) => ({
	VpcId: `vpc-many${String(i).padStart(4, '0')}`,
	VpcName: i === 3 ? 'special' : `vpc-${i}`,
	CidrBlock: `10.${i}.0.0/16`,
	RegionId: 'cn-beijing',
	IsDefault: i === 0,
}));

beforeAll(async () => {
	seeded = await start();
	many = await start({
		initialState: {vpcs: manyVpcs, account: {ownerId: '1234567890123456789', classicRegions: []}},
	});
});
afterAll(async () => {
	await seeded.close();
	await many.close();
});

type Region = {RegionId: string; LocalName: string; RegionEndpoint: string; Status: string};
const regionsOf = (answer: Record<string, unknown>) => (answer.Regions as {Region: Region[]}).Region;
type Vpc = Record<string, unknown> & {VpcId: string; VpcName: string; IsDefault: boolean};
const vpcsOf = (answer: Record<string, unknown>) => (answer.Vpcs as {Vpc: Vpc[]}).Vpc;

describe('DescribeRegions', () => {
	it('lists today’s public regions with zh-CN names by default', async () => {
		const regions = regionsOf(await ask(pop(seeded), 'DescribeRegions'));
		const ids = regions.map((r) => r.RegionId);
		expect(ids).toEqual(
			expect.arrayContaining(['cn-hangzhou', 'cn-beijing', 'ap-southeast-1', 'eu-central-1', 'us-west-1']),
		);
		expect(ids).not.toContain('ap-southeast-2');
		expect(ids).not.toContain('ap-south-1');
		expect(new Set(ids).size).toBe(ids.length);
		expect(regions.find((r) => r.RegionId === 'cn-hangzhou')).toEqual({
			RegionId: 'cn-hangzhou',
			LocalName: '华东1（杭州）',
			RegionEndpoint: 'ecs.aliyuncs.com',
			Status: 'available',
		});
		for (const region of regions.filter((r) => r.RegionId !== 'cn-hangzhou')) {
			expect(region.RegionEndpoint).toBe(`ecs.${region.RegionId}.aliyuncs.com`);
		}
	});

	it('names regions in English with AcceptLanguage en-US', async () => {
		const regions = regionsOf(await ask(pop(seeded), 'DescribeRegions', {AcceptLanguage: 'en-US'}));
		expect(regions.find((r) => r.RegionId === 'ap-southeast-1')?.LocalName).toBe('Singapore');
		expect(regions.find((r) => r.RegionId === 'cn-hangzhou')?.LocalName).toBe('China (Hangzhou)');
	});

	it('refuses an unsupported AcceptLanguage with 404 InvalidAcceptLanguage.NotFound', async () => {
		expect(await refusal(ask(pop(seeded), 'DescribeRegions', {AcceptLanguage: 'xx-XX'}))).toMatchObject({
			code: 'InvalidAcceptLanguage.NotFound',
			status: 404,
		});
	});

	it('refuses an unknown ResourceType', async () => {
		expect((await refusal(ask(pop(seeded), 'DescribeRegions', {ResourceType: 'bucket'}))).code).toBe(
			'InvalidResourceType.NotFound',
		);
	});
});

describe('DescribeVpcs', () => {
	it('lists the seeded VPCs of a region: a default one and more, with the API’s fields', async () => {
		const answer = await ask(pop(seeded, VPC), 'DescribeVpcs', {RegionId: 'cn-shanghai'});
		const vpcs = vpcsOf(answer);
		expect(answer).toMatchObject({TotalCount: vpcs.length, PageNumber: 1, PageSize: 10});
		expect(vpcs.length).toBeGreaterThanOrEqual(3);
		expect(vpcs.filter((v) => v.IsDefault)).toHaveLength(1);
		expect(new Set(vpcs.map((v) => v.CidrBlock)).size).toBe(vpcs.length);
		for (const vpc of vpcs) {
			expect(vpc).toMatchObject({
				VpcId: expect.stringMatching(/^vpc-[a-z0-9]{20}$/),
				VpcName: expect.any(String),
				CidrBlock: expect.any(String),
				Status: 'Available',
				RegionId: 'cn-shanghai',
				CreationTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
				VRouterId: expect.stringMatching(/^vrt-/),
				Description: expect.any(String),
				ResourceGroupId: expect.any(String),
			});
			expect((vpc.VSwitchIds as {VSwitchId: string[]}).VSwitchId).toEqual(expect.any(Array));
			expect((vpc.Tags as {Tag: unknown[]}).Tag).toEqual(expect.any(Array));
		}
	});

	it('writes OwnerId as a 64-bit integer beyond 2^53 in the raw JSON', async () => {
		const answer = await raw(many, 'DescribeVpcs', {RegionId: 'cn-beijing', PageSize: '1'}, {version: VPC});
		expect(answer.text).toContain('"OwnerId":1234567890123456789');
		const parsed = await ask(pop(many, VPC), 'DescribeVpcs', {RegionId: 'cn-beijing', PageSize: 1});
		expect(String(vpcsOf(parsed)[0]?.OwnerId)).toBe('1234567890123456789');
	});

	it('pages in a stable order: PageSize up to 50, PageNumber from 1', async () => {
		const seen: string[] = [];
		for (let page = 1; page <= 3; page++) {
			const answer = await ask(pop(many, VPC), 'DescribeVpcs', {
				RegionId: 'cn-beijing',
				PageSize: 25,
				PageNumber: page,
			});
			expect(answer).toMatchObject({TotalCount: 57, PageNumber: page, PageSize: 25});
			seen.push(...vpcsOf(answer).map((v) => v.VpcId));
		}
		expect(seen).toEqual(manyVpcs.map((v) => v.VpcId));
		const max = await ask(pop(many, VPC), 'DescribeVpcs', {RegionId: 'cn-beijing', PageSize: 50});
		expect(vpcsOf(max)).toHaveLength(50);
		const beyond = await ask(pop(many, VPC), 'DescribeVpcs', {
			RegionId: 'cn-beijing',
			PageSize: 50,
			PageNumber: 9,
		});
		expect(vpcsOf(beyond)).toEqual([]);
	});

	it.each([
		['PageSize', '51'],
		['PageSize', '0'],
		['PageSize', 'ten'],
		['PageNumber', '0'],
		['PageNumber', '-1'],
	])('refuses %s=%s with 400 InvalidParameter naming it', async (name, value) => {
		const answer = await refusal(
			ask(pop(many, VPC), 'DescribeVpcs', {RegionId: 'cn-beijing', [name]: value}),
		);
		expect(answer).toMatchObject({code: 'InvalidParameter', status: 400});
		expect(answer.data.Message).toContain(`"${name}"`);
	});

	it('filters by VpcId list (at most 20), VpcName and IsDefault', async () => {
		const ids = await ask(pop(many, VPC), 'DescribeVpcs', {
			RegionId: 'cn-beijing',
			VpcId: 'vpc-many0001,vpc-many0005',
		});
		expect(vpcsOf(ids).map((v) => v.VpcId)).toEqual(['vpc-many0001', 'vpc-many0005']);
		const named = await ask(pop(many, VPC), 'DescribeVpcs', {RegionId: 'cn-beijing', VpcName: 'special'});
		expect(vpcsOf(named).map((v) => v.VpcId)).toEqual(['vpc-many0003']);
		const defaults = await ask(pop(many, VPC), 'DescribeVpcs', {RegionId: 'cn-beijing', IsDefault: 'true'});
		expect(vpcsOf(defaults).map((v) => v.VpcId)).toEqual(['vpc-many0000']);
		const others = await ask(pop(many, VPC), 'DescribeVpcs', {RegionId: 'cn-beijing', IsDefault: 'false'});
		expect(others.TotalCount).toBe(56);
		const tooMany = manyVpcs
			.slice(0, 21)
			.map((v) => v.VpcId)
			.join(',');
		expect(
			await refusal(ask(pop(many, VPC), 'DescribeVpcs', {RegionId: 'cn-beijing', VpcId: tooMany})),
		).toMatchObject({
			code: 'InvalidVpcIdNumber.NotSupported',
			status: 400,
		});
	});

	it('needs a known RegionId', async () => {
		expect(await refusal(ask(pop(seeded, VPC), 'DescribeVpcs', {}))).toMatchObject({
			code: 'MissingParameter',
			status: 400,
		});
		expect(await refusal(ask(pop(seeded, VPC), 'DescribeVpcs', {RegionId: 'mars-north-1'}))).toMatchObject({
			code: 'InvalidRegionId.NotFound',
			status: 404,
		});
	});

	it('answers the deprecated ECS DescribeVpcs the same way', async () => {
		const ecs = await ask(pop(many, ECS), 'DescribeVpcs', {RegionId: 'cn-beijing'});
		expect(ecs.TotalCount).toBe(57);
	});
});

describe('DescribeAccountAttributes', () => {
	type Item = {AttributeName: string; AttributeValues: {ValueItem: {Value: string; Count: number}[]}};
	const items = (answer: Record<string, unknown>) =>
		(answer.AccountAttributeItems as {AccountAttributeItem: Item[]}).AccountAttributeItem;

	it('offers classic only in the account’s classic regions', async () => {
		const old = items(
			await ask(pop(seeded), 'DescribeAccountAttributes', {
				RegionId: 'cn-hangzhou',
				'AttributeName.1': 'instance-network-type',
			}),
		);
		expect(old).toEqual([
			{
				AttributeName: 'instance-network-type',
				AttributeValues: {
					ValueItem: [
						{Value: 'vpc', Count: 1},
						{Value: 'classic', Count: 1},
					],
				},
			},
		]);
		const newer = items(
			await ask(pop(seeded), 'DescribeAccountAttributes', {
				RegionId: 'ap-southeast-1',
				'AttributeName.1': 'instance-network-type',
			}),
		);
		expect(newer[0]?.AttributeValues.ValueItem.map((v) => v.Value)).toEqual(['vpc']);
		const none = items(
			await ask(pop(many), 'DescribeAccountAttributes', {
				RegionId: 'cn-hangzhou',
				'AttributeName.1': 'instance-network-type',
			}),
		);
		expect(none[0]?.AttributeValues.ValueItem.map((v) => v.Value)).toEqual(['vpc']);
	});

	it('reports max-security-groups, and every known attribute when none is named', async () => {
		const quota = await start({initialState: {account: {maxSecurityGroups: 7}}});
		try {
			const answer = items(await ask(pop(quota), 'DescribeAccountAttributes', {RegionId: 'cn-hangzhou'}));
			expect(answer.map((i) => i.AttributeName)).toEqual(['instance-network-type', 'max-security-groups']);
			expect(answer[1]?.AttributeValues.ValueItem).toEqual([{Value: '7', Count: 1}]);
		} finally {
			await quota.close();
		}
	});

	it('takes at most 8 AttributeName.N', async () => {
		expect(
			await refusal(
				ask(pop(seeded), 'DescribeAccountAttributes', {RegionId: 'cn-hangzhou', 'AttributeName.9': 'x'}),
			),
		).toMatchObject({code: 'InvalidParameter', status: 400});
	});
});
