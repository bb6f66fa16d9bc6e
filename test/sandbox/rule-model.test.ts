// The full rule model (issue 12 item 6): every peer kind in both directions, policy, priority and
// description, ModifySecurityGroup(Egress)Rule, the prefix lists, and the documented refusals with their
// codes and statuses (source/sandbox/README.md, "Rules and peers").
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Sandbox} from '../../source/sandbox/index.js';
import {ask, pop, refusal, start, vpcState} from './helpers.js';

const REGION = 'cn-hangzhou';
const V6 = '2001:db8::/32';

let sandbox: Sandbox;
let db: string;
let app: string;

type Rule = Record<string, string>;
const call = (action: string, params: Record<string, unknown>) =>
	ask(pop(sandbox), action, {RegionId: REGION, ...params});
const create = async (extra: Record<string, unknown> = {}): Promise<string> =>
	(await call('CreateSecurityGroup', {VpcId: 'vpc-test0001', ...extra})).SecurityGroupId as string;
const authorize = (group: string, permissions: Rule[], action = 'AuthorizeSecurityGroup') =>
	call(action, {SecurityGroupId: group, Permissions: permissions});
const rules = async (group: string): Promise<Rule[]> =>
	(
		(await call('DescribeSecurityGroupAttribute', {SecurityGroupId: group})).Permissions as {
			Permission: Rule[];
		}
	).Permission;
const lists = async (family?: string): Promise<Rule[]> =>
	(
		(await call('DescribePrefixLists', family ? {AddressFamily: family} : {})).PrefixLists as {
			PrefixList: Rule[];
		}
	).PrefixList;

beforeEach(async () => {
	sandbox = await start({initialState: vpcState()});
	db = await create({SecurityGroupName: 'db'});
	app = await create({SecurityGroupName: 'app'});
});
afterEach(async () => {
	await sandbox.close();
});

describe('peers', () => {
	it('takes every peer kind in both directions, each rule with its SecurityGroupRuleId', async () => {
		const [v4List, v6List] = [(await lists('IPv4'))[0], (await lists('IPv6'))[0]];
		await authorize(db, [
			{IpProtocol: 'tcp', PortRange: '3306/3306', SourceGroupId: app, SourceGroupOwnerAccount: 'acct'},
			{IpProtocol: 'tcp', PortRange: '443/443', Ipv6SourceCidrIp: V6},
			{IpProtocol: 'tcp', PortRange: '22/22', SourcePrefixListId: v4List?.PrefixListId as string},
			{IpProtocol: 'all', PortRange: '-1/-1', SourceCidrIp: '0.0.0.0/0', Policy: 'drop', Priority: '100'},
		]);
		await authorize(
			db,
			[
				{IpProtocol: 'tcp', PortRange: '443/443', DestGroupId: app},
				{IpProtocol: 'tcp', PortRange: '443/443', Ipv6DestCidrIp: V6},
				{IpProtocol: 'tcp', PortRange: '443/443', DestPrefixListId: v6List?.PrefixListId as string},
			],
			'AuthorizeSecurityGroupEgress',
		);
		const found = await rules(db);
		expect(found).toHaveLength(7);
		for (const rule of found) expect(rule.SecurityGroupRuleId).toMatch(/^sgr-[a-z0-9]{20}$/);
		expect(found).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					SourceGroupId: app,
					SourceGroupName: 'app',
					SourceGroupOwnerAccount: 'acct',
				}),
				expect.objectContaining({Ipv6SourceCidrIp: V6, Direction: 'ingress'}),
				expect.objectContaining({SourcePrefixListName: 'office-ipv4'}),
				expect.objectContaining({Policy: 'Drop', Priority: '100'}),
				expect.objectContaining({DestGroupId: app, DestGroupName: 'app', Direction: 'egress'}),
				expect.objectContaining({Ipv6DestCidrIp: V6, Direction: 'egress'}),
				expect.objectContaining({DestPrefixListName: 'office-ipv6'}),
			]),
		);
	});

	it.each([
		[{IpProtocol: 'tcp', PortRange: '22/22'}, 'MissingParameter.Source', 400],
		[
			{IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8', Ipv6SourceCidrIp: V6},
			'InvalidParam.SourceIp',
			400,
		],
		[
			{IpProtocol: 'tcp', PortRange: '22/22', SourceGroupId: 'sg-nothere0000001'},
			'InvalidSourceGroupId.NotFound',
			404,
		],
		[
			{IpProtocol: 'tcp', PortRange: '22/22', SourcePrefixListId: 'pl-nothere0000001'},
			'InvalidPrefixListId.NotFound',
			404,
		],
	])('refuses %o with %s', async (rule, code, status) => {
		expect(await refusal(authorize(db, [rule]))).toMatchObject({code, status});
		expect(await rules(db)).toEqual([]);
	});

	it('refuses an unknown destination group with the egress code', async () => {
		const answer = await refusal(
			authorize(
				db,
				[{IpProtocol: 'tcp', PortRange: '1/1', DestGroupId: 'sg-nothere0000001'}],
				'AuthorizeSecurityGroupEgress',
			),
		);
		expect(answer).toMatchObject({code: 'InvalidDestGroupId.NotFound', status: 404});
	});

	it('refuses a group of another account (the sandbox holds one)', async () => {
		const rule = {IpProtocol: 'tcp', PortRange: '1/1', SourceGroupId: app, SourceGroupOwnerId: '1'};
		expect(await refusal(authorize(db, [rule]))).toMatchObject({
			code: 'InvalidSourceGroupId.NotFound',
			status: 404,
		});
	});

	it('refuses a peer group in another VPC', async () => {
		const other = await create({VpcId: 'vpc-test0002'});
		const answer = await refusal(
			authorize(db, [{IpProtocol: 'tcp', PortRange: '1/1', SourceGroupId: other}]),
		);
		expect(answer).toMatchObject({code: 'InvalidSourceGroupId.Mismatch', status: 400});
	});

	it('refuses group references in and to an advanced (enterprise) group', async () => {
		const enterprise = await create({SecurityGroupType: 'enterprise'});
		const from = await refusal(
			authorize(enterprise, [{IpProtocol: 'tcp', PortRange: '1/1', SourceGroupId: app}]),
		);
		const to = await refusal(
			authorize(db, [{IpProtocol: 'tcp', PortRange: '1/1', SourceGroupId: enterprise}]),
		);
		expect(from).toMatchObject({code: 'InvalidSourceGroupId.Mismatch', status: 400});
		expect(to).toMatchObject({code: 'InvalidSourceGroupId.Mismatch', status: 400});
		expect(String(from.data.Message)).toContain('advanced');
	});

	it('lets one group reference 20 others, not 21', async () => {
		const others: string[] = [];
		for (let i = 0; i < 21; i++) others.push(await create());
		const rule = (id: string) => ({IpProtocol: 'tcp', PortRange: '1/1', SourceGroupId: id});
		await authorize(db, others.slice(0, 20).map(rule));
		// Another rule to a group already referenced is fine; a 21st group is not.
		await authorize(db, [{...rule(others[0] as string), PortRange: '2/2'}]);
		const answer = await refusal(authorize(db, [rule(others[20] as string)]));
		expect(answer).toMatchObject({code: 'QuotaExceed.SecurityGroupReference', status: 403});
		expect(await rules(db)).toHaveLength(21);
	});

	it('refuses deleting a group another group references, until that rule is revoked', async () => {
		await authorize(db, [{IpProtocol: 'tcp', PortRange: '3306/3306', SourceGroupId: app}]);
		expect(await refusal(call('DeleteSecurityGroup', {SecurityGroupId: app}))).toMatchObject({
			code: 'DependencyViolation',
			status: 403,
		});
		const id = (await rules(db))[0]?.SecurityGroupRuleId as string;
		await call('RevokeSecurityGroup', {SecurityGroupId: db, SecurityGroupRuleId: [id]});
		await call('DeleteSecurityGroup', {SecurityGroupId: app});
	});

	it('refuses IPv6 and prefix lists on a classic group', async () => {
		const classic = (await call('CreateSecurityGroup', {})).SecurityGroupId as string;
		const list = (await lists('IPv4'))[0]?.PrefixListId as string;
		expect(
			await refusal(authorize(classic, [{IpProtocol: 'tcp', PortRange: '1/1', Ipv6SourceCidrIp: V6}])),
		).toMatchObject({code: 'InvalidParam.Ipv6SourceCidrIp', status: 400});
		expect(
			await refusal(authorize(classic, [{IpProtocol: 'tcp', PortRange: '1/1', SourcePrefixListId: list}])),
		).toMatchObject({code: 'NotSupported.ClassicNetworkPrefixList', status: 400});
	});

	it('revokes a group rule and a prefix-list rule by their fields', async () => {
		const list = (await lists('IPv4'))[0]?.PrefixListId as string;
		const egress: Rule[] = [
			{IpProtocol: 'tcp', PortRange: '443/443', DestGroupId: app},
			{IpProtocol: 'tcp', PortRange: '443/443', DestPrefixListId: list},
		];
		await authorize(db, egress, 'AuthorizeSecurityGroupEgress');
		await call('RevokeSecurityGroupEgress', {SecurityGroupId: db, Permissions: egress});
		expect(await rules(db)).toEqual([]);
	});
});

describe('ModifySecurityGroupRule and ModifySecurityGroupEgressRule', () => {
	const modify = (id: string, fields: Record<string, string>, action = 'ModifySecurityGroupRule') =>
		call(action, {SecurityGroupId: db, SecurityGroupRuleId: id, ...fields});

	it('changes priority, policy, description and the peer (of the same kind), keeping the id', async () => {
		await authorize(db, [{IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8'}]);
		const id = (await rules(db))[0]?.SecurityGroupRuleId as string;
		await modify(id, {Priority: '9', Policy: 'drop', Description: 'bastion', SourceCidrIp: '192.168.0.0/16'});
		expect(await rules(db)).toEqual([
			expect.objectContaining({
				SecurityGroupRuleId: id,
				Priority: '9',
				Policy: 'Drop',
				Description: 'bastion',
				SourceCidrIp: '192.168.0.0/16',
				PortRange: '22/22',
			}),
		]);
	});

	it('changes an outbound group peer to another group', async () => {
		const other = await create({SecurityGroupName: 'cache'});
		await authorize(
			db,
			[{IpProtocol: 'tcp', PortRange: '6379/6379', DestGroupId: app}],
			'AuthorizeSecurityGroupEgress',
		);
		const id = (await rules(db))[0]?.SecurityGroupRuleId as string;
		await modify(id, {DestGroupId: other}, 'ModifySecurityGroupEgressRule');
		expect((await rules(db))[0]).toMatchObject({DestGroupId: other, DestGroupName: 'cache'});
	});

	it('refuses a change of peer kind, of prefix-list family, a duplicate and an unknown id', async () => {
		const [v4, v6] = [(await lists('IPv4'))[0]?.PrefixListId, (await lists('IPv6'))[0]?.PrefixListId];
		await authorize(db, [
			{IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8'},
			{IpProtocol: 'tcp', PortRange: '80/80', SourceCidrIp: '10.0.0.0/8'},
			{IpProtocol: 'tcp', PortRange: '443/443', SourcePrefixListId: v4 as string},
		]);
		const [ssh, web, listed] = (await rules(db)).map((r) => r.SecurityGroupRuleId as string);
		const before = await rules(db);
		expect(await refusal(modify(ssh as string, {SourceGroupId: app}))).toMatchObject({
			code: 'InvalidParam.AuthorizationObject',
			status: 400,
		});
		expect(await refusal(modify(ssh as string, {Ipv6SourceCidrIp: V6}))).toMatchObject({
			code: 'InvalidParam.AuthorizationObject',
		});
		expect(await refusal(modify(listed as string, {SourcePrefixListId: v6 as string}))).toMatchObject({
			code: 'InvalidParam.AuthorizationObject',
		});
		expect(await refusal(modify(web as string, {PortRange: '22/22'}))).toMatchObject({
			code: 'InvalidParam.DuplicateRule',
			status: 400,
		});
		expect(await refusal(modify('sgr-nothere', {Priority: '2'}))).toMatchObject({
			code: 'InvalidParam.SecurityGroupRuleId',
			status: 400,
		});
		expect(await refusal(modify(ssh as string, {Priority: '101'}))).toMatchObject({
			code: 'InvalidPriority.ValueNotSupported',
		});
		expect(await rules(db)).toEqual(before);
	});

	it('without SecurityGroupRuleId, changes the Description of the rule the fields name', async () => {
		await authorize(db, [{IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8'}]);
		await call('ModifySecurityGroupRule', {
			SecurityGroupId: db,
			IpProtocol: 'tcp',
			PortRange: '22/22',
			SourceCidrIp: '10.0.0.0/8',
			Description: 'ssh',
		});
		expect((await rules(db))[0]?.Description).toBe('ssh');
	});
});

describe('DescribePrefixLists and DescribePrefixListAttributes', () => {
	it('every region has an IPv4 and an IPv6 list, with entries of its family', async () => {
		for (const region of ['cn-hangzhou', 'eu-central-1', 'ap-southeast-1']) {
			const answer = await ask(pop(sandbox), 'DescribePrefixLists', {RegionId: region});
			const found = (answer.PrefixLists as {PrefixList: Rule[]}).PrefixList;
			expect(found.map((l) => l.AddressFamily).sort()).toEqual(['IPv4', 'IPv6']);
			for (const list of found) {
				const attributes = await ask(pop(sandbox), 'DescribePrefixListAttributes', {
					RegionId: region,
					PrefixListId: list.PrefixListId,
				});
				const entries = (attributes.Entries as {Entry: Rule[]}).Entry;
				expect(entries.length).toBeGreaterThan(0);
				for (const entry of entries) expect(entry.Cidr.includes(':')).toBe(list.AddressFamily === 'IPv6');
			}
		}
	});

	it('filters by family, pages with MaxResults/NextToken and counts associations', async () => {
		expect((await lists('IPv6')).map((l) => l.PrefixListName)).toEqual(['office-ipv6']);
		const first = await call('DescribePrefixLists', {MaxResults: 1});
		expect((first.PrefixLists as {PrefixList: Rule[]}).PrefixList).toHaveLength(1);
		const second = await call('DescribePrefixLists', {MaxResults: 1, NextToken: first.NextToken});
		expect(second.NextToken).toBe('');
		const list = (await lists('IPv4'))[0]?.PrefixListId as string;
		await authorize(db, [{IpProtocol: 'tcp', PortRange: '22/22', SourcePrefixListId: list}]);
		expect((await lists('IPv4'))[0]?.AssociationCount).toBe(1);
		expect(await refusal(call('DescribePrefixLists', {AddressFamily: 'IPv5'}))).toMatchObject({status: 400});
		expect(await refusal(call('DescribePrefixListAttributes', {PrefixListId: 'pl-nothere'}))).toMatchObject({
			code: 'InvalidPrefixListId.NotFound',
			status: 404,
		});
	});
});
