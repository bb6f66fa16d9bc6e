// AuthorizeSecurityGroup(Egress) and RevokeSecurityGroup(Egress): every rule check with an accepted and a
// refused value, legacy flat parameters, atomic requests, identical rules, the 200-rule limit, idempotency.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Sandbox} from '../../source/sandbox/index.js';
import {ask, pop, refusal, start, vpcState} from './helpers.js';

let sandbox: Sandbox;
let group: string;
let classic: string;

beforeEach(async () => {
	sandbox = await start({initialState: vpcState()});
	group = (await ask(pop(sandbox), 'CreateSecurityGroup', {RegionId: 'cn-hangzhou', VpcId: 'vpc-test0001'}))
		.SecurityGroupId as string;
	classic = (await ask(pop(sandbox), 'CreateSecurityGroup', {RegionId: 'cn-hangzhou'}))
		.SecurityGroupId as string;
});
afterEach(async () => {
	await sandbox.close();
});

type Rule = Record<string, unknown>;
const authorize = (
	permissions: Rule[] | Rule,
	extra: Record<string, unknown> = {},
	action = 'AuthorizeSecurityGroup',
) =>
	ask(pop(sandbox), action, {
		RegionId: 'cn-hangzhou',
		SecurityGroupId: group,
		...(Array.isArray(permissions) ? {Permissions: permissions} : permissions),
		...extra,
	});
const rulesOf = (id = group): Rule[] => {
	const found = (sandbox.snapshot().securityGroups as Rule[]).find((g) => g.SecurityGroupId === id);
	return (found?.Permissions ?? []) as Rule[];
};
const ssh = {IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8'};

describe('AuthorizeSecurityGroup', () => {
	it.each([
		[{IpProtocol: 'TCP', PortRange: '1/65535', SourceCidrIp: '0.0.0.0/0'}],
		[{IpProtocol: 'udp', PortRange: '53/53', SourceCidrIp: '192.168.1.1'}],
		[{IpProtocol: 'icmp', PortRange: '-1/-1', SourceCidrIp: '10.0.0.0/32'}],
		[{IpProtocol: 'ICMPv6', PortRange: '-1/-1', SourceCidrIp: '10.0.0.0/8'}],
		[{IpProtocol: 'gre', PortRange: '-1/-1', SourceCidrIp: '10.0.0.0/8'}],
		[{IpProtocol: 'all', PortRange: '-1/-1', SourceCidrIp: '10.0.0.0/8'}],
		[{...ssh, Policy: 'Drop', Priority: '100', NicType: 'intranet', Description: 'x'.repeat(512)}],
		[{...ssh, Policy: 'accept', Priority: '1'}],
		[{IpProtocol: 'tcp', PortRange: '80/80', Ipv6SourceCidrIp: '2001:db8::/32'}],
		[{...ssh, SourcePortRange: '1024/65535', DestCidrIp: '10.0.0.5'}],
	])('accepts %o', async (rule) => {
		await authorize([rule]);
		expect(rulesOf()).toHaveLength(1);
	});

	it.each([
		[{PortRange: '22/22', SourceCidrIp: '0.0.0.0/0'}, 'MissingParameter', 400],
		[
			{IpProtocol: 'sctp', PortRange: '22/22', SourceCidrIp: '0.0.0.0/0'},
			'InvalidIpProtocol.ValueNotSupported',
			400,
		],
		[{IpProtocol: 'tcp', SourceCidrIp: '0.0.0.0/0'}, 'MissingParameter', 400],
		[{IpProtocol: 'tcp', PortRange: '0/22', SourceCidrIp: '0.0.0.0/0'}, 'InvalidIpProtocol.Malformed', 400],
		[
			{IpProtocol: 'tcp', PortRange: '22/65536', SourceCidrIp: '0.0.0.0/0'},
			'InvalidIpProtocol.Malformed',
			400,
		],
		[{IpProtocol: 'tcp', PortRange: '80/22', SourceCidrIp: '0.0.0.0/0'}, 'InvalidIpProtocol.Malformed', 400],
		[{IpProtocol: 'tcp', PortRange: '22', SourceCidrIp: '0.0.0.0/0'}, 'InvalidIpProtocol.Malformed', 400],
		[{IpProtocol: 'tcp', PortRange: '-1/-1', SourceCidrIp: '0.0.0.0/0'}, 'OperationDenied', 400],
		[{IpProtocol: 'icmp', PortRange: '22/22', SourceCidrIp: '0.0.0.0/0'}, 'OperationDenied', 400],
		[{IpProtocol: 'tcp', PortRange: '22/22'}, 'MissingParameter.Source', 400],
		[{...ssh, SourceCidrIp: '10.0.0.0/33'}, 'InvalidSourceCidrIp.Malformed', 400],
		[{...ssh, SourceCidrIp: '256.0.0.1'}, 'InvalidSourceCidrIp.Malformed', 400],
		[{...ssh, SourceCidrIp: '10.0.0/8'}, 'InvalidSourceCidrIp.Malformed', 400],
		[{...ssh, Policy: 'allow'}, 'InvalidPolicy.Malformed', 400],
		[{...ssh, Priority: '0'}, 'InvalidPriority.ValueNotSupported', 400],
		[{...ssh, Priority: '101'}, 'InvalidPriority.ValueNotSupported', 400],
		[{...ssh, Priority: 'high'}, 'InvalidPriority.Malformed', 400],
		[{...ssh, NicType: 'internet'}, 'InvalidNicType.Mismatch', 400],
		[{...ssh, NicType: 'wifi'}, 'InvalidNicType.ValueNotSupported', 400],
		[{...ssh, Description: 'x'.repeat(513)}, 'InvalidSecurityGroupDiscription.Malformed', 400],
		[{...ssh, Description: 'http://evil'}, 'InvalidSecurityGroupDiscription.Malformed', 400],
		[{...ssh, SourcePortRange: '99999/1'}, 'InvalidSourcePortRange.Malformed', 400],
		[{...ssh, DestCidrIp: 'nope'}, 'InvalidDestCidrIp.Malformed', 400],
		[{...ssh, Ipv6SourceCidrIp: '2001:db8::/32'}, 'InvalidParam.SourceIp', 400],
		[
			{IpProtocol: 'tcp', PortRange: '22/22', SourcePrefixListId: 'pl-x'},
			'InvalidPrefixListId.NotFound',
			404,
		],
		[
			{IpProtocol: 'tcp', PortRange: '22/22', SourceGroupId: 'sg-bp000000000000000000'},
			'InvalidSourceGroupId.NotFound',
			404,
		],
	])('refuses %o with %s', async (rule, code, status) => {
		const answer = await refusal(authorize([rule]));
		expect(answer).toMatchObject({code, status});
		expect(rulesOf()).toEqual([]);
	});

	it('names the rule that was wrong', async () => {
		const answer = await refusal(authorize([ssh, {...ssh, PortRange: '22/99999'}]));
		expect(answer.data.Message).toContain('Permissions.2.PortRange');
	});

	it('creates none of the rules of a request that is partly wrong', async () => {
		await refusal(authorize([ssh, {IpProtocol: 'tcp', PortRange: '80/80', SourceCidrIp: 'bad'}]));
		expect(rulesOf()).toEqual([]);
	});

	it('treats an identical rule as success that adds nothing', async () => {
		await authorize([ssh]);
		const before = rulesOf();
		await authorize([ssh, ssh]);
		await authorize([{...ssh, IpProtocol: 'TCP', Description: 'other text'}]);
		expect(rulesOf()).toEqual(before);
		await authorize([{...ssh, Priority: '2'}]);
		expect(rulesOf()).toHaveLength(2);
	});

	it('accepts the legacy flat parameters as one rule, and refuses mixing them with Permissions.N', async () => {
		await authorize({
			IpProtocol: 'tcp',
			PortRange: '3389/3389',
			SourceCidrIp: '10.1.0.0/16',
			Policy: 'drop',
			Priority: '5',
		});
		expect(rulesOf()).toEqual([
			expect.objectContaining({
				IpProtocol: 'TCP',
				PortRange: '3389/3389',
				SourceCidrIp: '10.1.0.0/16',
				Policy: 'Drop',
				Priority: 5,
			}),
		]);
		const mixed = await refusal(authorize([ssh], {IpProtocol: 'udp'}));
		expect(mixed).toMatchObject({code: 'InvalidParameter', status: 400});
		expect(rulesOf()).toHaveLength(1);
	});

	it('takes Permissions.1 to Permissions.100 in one call, not 101', async () => {
		const hundred = Array.from({length: 100}, (_, i) => ({
			IpProtocol: 'tcp',
			PortRange: `${i + 1}/${i + 1}`,
			SourceCidrIp: '10.0.0.0/8',
		}));
		await ask(
			pop(sandbox),
			'AuthorizeSecurityGroup',
			{RegionId: 'cn-hangzhou', SecurityGroupId: group, Permissions: hundred},
			'GET',
		);
		expect(rulesOf()).toHaveLength(100);
		const more = [...hundred, {IpProtocol: 'tcp', PortRange: '999/999', SourceCidrIp: '10.0.0.0/8'}];
		expect(await refusal(authorize(more))).toMatchObject({code: 'InvalidParameter', status: 400});
		expect((await refusal(authorize({'Permissions.0.IpProtocol': 'tcp'}))).code).toBe('InvalidParameter');
	});

	it('stops at 200 rules per group, inbound and outbound together (403 AuthorizationLimitExceed)', async () => {
		const batch = (from: number, dest = false) =>
			Array.from({length: 100}, (_, i) => ({
				IpProtocol: 'tcp',
				PortRange: `${from + i}/${from + i}`,
				...(dest ? {DestCidrIp: '10.0.0.0/8'} : {SourceCidrIp: '10.0.0.0/8'}),
			}));
		await authorize(batch(1));
		await authorize(batch(1, true), {}, 'AuthorizeSecurityGroupEgress');
		expect(rulesOf()).toHaveLength(200);
		expect(await refusal(authorize([{...ssh, PortRange: '5000/5000'}]))).toMatchObject({
			code: 'AuthorizationLimitExceed',
			status: 403,
		});
		await authorize([{IpProtocol: 'tcp', PortRange: '1/1', SourceCidrIp: '10.0.0.0/8'}]);
		expect(rulesOf()).toHaveLength(200);
	});

	it('uses NicType internet by default in a classic group, and takes intranet there too', async () => {
		await authorize([ssh], {SecurityGroupId: classic});
		await authorize([{...ssh, NicType: 'intranet'}], {SecurityGroupId: classic});
		expect(rulesOf(classic).map((r) => r.NicType)).toEqual(['internet', 'intranet']);
		const internet = await ask(pop(sandbox), 'DescribeSecurityGroupAttribute', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: classic,
		});
		expect((internet.Permissions as {Permission: Rule[]}).Permission.map((r) => r.NicType)).toEqual([
			'internet',
		]);
		const intranet = await ask(pop(sandbox), 'DescribeSecurityGroupAttribute', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: classic,
			NicType: 'intranet',
		});
		expect((intranet.Permissions as {Permission: Rule[]}).Permission.map((r) => r.NicType)).toEqual([
			'intranet',
		]);
		expect(
			(
				await refusal(
					authorize([{IpProtocol: 'tcp', PortRange: '22/22', Ipv6SourceCidrIp: '::/0'}], {
						SecurityGroupId: classic,
					}),
				)
			).code,
		).toBe('InvalidParam.Ipv6SourceCidrIp');
	});

	it('references another group of the same VPC with NicType intranet, and shows its name', async () => {
		const other = (
			await ask(pop(sandbox), 'CreateSecurityGroup', {
				RegionId: 'cn-hangzhou',
				VpcId: 'vpc-test0001',
				SecurityGroupName: 'peers',
			})
		).SecurityGroupId as string;
		await authorize([{IpProtocol: 'tcp', PortRange: '5432/5432', SourceGroupId: other}]);
		const answer = await ask(pop(sandbox), 'DescribeSecurityGroupAttribute', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: group,
		});
		expect((answer.Permissions as {Permission: Rule[]}).Permission[0]).toMatchObject({
			SourceGroupId: other,
			SourceGroupName: 'peers',
		});
		const elsewhere = (
			await ask(pop(sandbox), 'CreateSecurityGroup', {RegionId: 'cn-hangzhou', VpcId: 'vpc-test0002'})
		).SecurityGroupId as string;
		expect(
			await refusal(authorize([{IpProtocol: 'tcp', PortRange: '1/1', SourceGroupId: elsewhere}])),
		).toMatchObject({
			code: 'InvalidSourceGroupId.Mismatch',
			status: 400,
		});
		expect(
			await refusal(authorize([{IpProtocol: 'tcp', PortRange: '1/1', SourceGroupId: group}])),
		).toMatchObject({
			code: 'InvalidParamter.Conflict',
			status: 403,
		});
	});

	it('refuses an unknown or malformed group', async () => {
		expect(await refusal(authorize([ssh], {SecurityGroupId: 'sg-bp000000000000000000'}))).toMatchObject({
			code: 'InvalidSecurityGroupId.NotFound',
			status: 404,
		});
		expect((await refusal(authorize([ssh], {SecurityGroupId: 'nope'}))).code).toBe(
			'InvalidSecurityGroupId.Malformed',
		);
		expect((await refusal(authorize({}))).code).toBe('MissingParameter');
	});

	it('is idempotent with a ClientToken', async () => {
		await authorize([ssh], {ClientToken: 'rules-1'});
		await authorize([ssh], {ClientToken: 'rules-1'});
		expect(rulesOf()).toHaveLength(1);
		expect(await refusal(authorize([{...ssh, PortRange: '23/23'}], {ClientToken: 'rules-1'}))).toMatchObject({
			code: 'IdempotentParameterMismatch',
			status: 400,
		});
		expect(rulesOf()).toHaveLength(1);
	});
});

describe('AuthorizeSecurityGroupEgress and the Revoke twins', () => {
	it('egress rules use DestCidrIp and need a destination', async () => {
		await authorize(
			[{IpProtocol: 'tcp', PortRange: '443/443', DestCidrIp: '0.0.0.0/0'}],
			{},
			'AuthorizeSecurityGroupEgress',
		);
		expect(rulesOf()).toEqual([expect.objectContaining({Direction: 'egress', DestCidrIp: '0.0.0.0/0'})]);
		expect(
			await refusal(
				authorize(
					[{IpProtocol: 'tcp', PortRange: '443/443', SourceCidrIp: '10.0.0.0/8'}],
					{},
					'AuthorizeSecurityGroupEgress',
				),
			),
		).toMatchObject({code: 'MissingParameter.Dest', status: 400});
	});

	it('revokes matching rules of its own direction only', async () => {
		await authorize([ssh, {...ssh, PortRange: '80/80'}]);
		await authorize(
			[{IpProtocol: 'tcp', PortRange: '22/22', DestCidrIp: '10.0.0.0/8'}],
			{},
			'AuthorizeSecurityGroupEgress',
		);
		await authorize([ssh], {}, 'RevokeSecurityGroup');
		expect(rulesOf().map((r) => `${r.Direction} ${r.PortRange}`)).toEqual(['ingress 80/80', 'egress 22/22']);
		await authorize(
			[{IpProtocol: 'tcp', PortRange: '22/22', DestCidrIp: '10.0.0.0/8'}],
			{},
			'RevokeSecurityGroupEgress',
		);
		expect(rulesOf().map((r) => `${r.Direction} ${r.PortRange}`)).toEqual(['ingress 80/80']);
	});

	it('revoking a rule that does not exist succeeds and removes nothing', async () => {
		await authorize([ssh]);
		await authorize([{...ssh, PortRange: '23/23'}], {}, 'RevokeSecurityGroup');
		await authorize([{...ssh, Priority: '9'}], {}, 'RevokeSecurityGroup');
		expect(rulesOf()).toHaveLength(1);
	});

	it('revokes by SecurityGroupRuleId.N and refuses an unknown id', async () => {
		await authorize([ssh, {...ssh, PortRange: '80/80'}]);
		const [first] = rulesOf();
		await ask(pop(sandbox), 'RevokeSecurityGroup', {
			RegionId: 'cn-hangzhou',
			SecurityGroupId: group,
			'SecurityGroupRuleId.1': first?.SecurityGroupRuleId,
		});
		expect(rulesOf().map((r) => r.PortRange)).toEqual(['80/80']);
		expect(
			await refusal(
				ask(pop(sandbox), 'RevokeSecurityGroup', {
					RegionId: 'cn-hangzhou',
					SecurityGroupId: group,
					'SecurityGroupRuleId.1': 'sgr-none',
				}),
			),
		).toMatchObject({code: 'InvalidParam.SecurityGroupRuleId', status: 400});
	});

	it('validates revoke requests like authorize requests', async () => {
		expect(await refusal(authorize([{...ssh, PortRange: 'x'}], {}, 'RevokeSecurityGroup'))).toMatchObject({
			code: 'InvalidIpProtocol.Malformed',
			status: 400,
		});
	});
});
