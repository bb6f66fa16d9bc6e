// The cloud side of the rule model, held against the official SDK's generated models (@alicloud/ecs20140526,
// a dev dependency used only as an oracle): every parameter the adapter sends for every peer kind is a name the
// request model knows, every response field the mappers read has the JSON type the response model says, and
// the adapter reads those shapes back into the model (a string Priority, named group and prefix list peers).
import * as ecs from '@alicloud/ecs20140526';
import * as vpcSdk from '@alicloud/vpc20160428';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {peerOf, permission} from '../../source/cloud/mappers.js';
import {createEcsApi, type PopEcsApi} from '../../source/cloud/pop-adapter.js';
import {modifyParams, revokeParams} from '../../source/cloud/writes.js';
import type {Peer, Rule} from '../../source/domain/model.js';
import {permissions} from '../../source/domain/plan.js';
import {type FakeCloud, ok, startFakeCloud} from './fake-cloud.js';

type Model = {names(): Record<string, string>; types(): Record<string, unknown>};
const model = (name: string, sdk: Record<string, unknown> = ecs): Model => {
	const found = sdk[name] as Model | undefined;
	if (!found) throw new Error(`no model ${name}`);
	return found;
};
const wireNames = (m: Model): Set<string> => new Set(Object.values(m.names()));
const typeOf = (m: Model, wire: string): unknown => {
	const key = Object.entries(m.names()).find(([, v]) => v === wire)?.[0] ?? '';
	return m.types()[key];
};

const PEERS: Peer[] = [
	{kind: 'ipv4', cidr: '10.0.0.0/8'},
	{kind: 'ipv6', cidr: '2001:db8::/32'},
	{kind: 'group', groupId: 'sg-app', ownerAccount: '1234567890'},
	{kind: 'prefix-list', prefixListId: 'pl-abc'},
];

const rule = (direction: Rule['direction'], peer: Peer): Rule => ({
	direction,
	protocol: 'tcp',
	portRange: '443/443',
	peer,
	policy: 'drop',
	priority: 10,
	description: 'd',
});

describe('request parameters are the SDK request models’ names', () => {
	it.each([
		['ingress', 'AuthorizeSecurityGroupRequestPermissions', 'RevokeSecurityGroupRequestPermissions'],
		['egress', 'AuthorizeSecurityGroupEgressRequestPermissions', 'RevokeSecurityGroupEgressRequest'],
	] as const)('%s: every peer kind', (direction, authorizeModel, revokeModel) => {
		const authorize = wireNames(model(authorizeModel));
		// The egress Revoke has no Permissions sub-model in the SDK; its top-level names are the same fields.
		const revoke = wireNames(model(revokeModel));
		for (const peer of PEERS) {
			const [params] = permissions([rule(direction, peer)], 'intranet');
			for (const name of Object.keys(params ?? {})) {
				expect(authorize.has(name), `${authorizeModel}.${name}`).toBe(true);
				expect(revoke.has(name), `${revokeModel}.${name}`).toBe(true);
			}
			expect(typeOf(model(authorizeModel), 'Priority')).toBe('string');
			expect(params?.Priority).toBe('10');
		}
	});

	it('far end: Source* inbound, Dest* outbound, owner account only for groups', () => {
		const far = (direction: Rule['direction'], peer: Peer) =>
			Object.keys(permissions([rule(direction, peer)], 'intranet')[0] ?? {})
				.filter((k) => /Cidr|Group|PrefixList/.test(k))
				.sort();
		expect(PEERS.map((p) => far('ingress', p))).toEqual([
			['SourceCidrIp'],
			['Ipv6SourceCidrIp'],
			['SourceGroupId', 'SourceGroupOwnerAccount'],
			['SourcePrefixListId'],
		]);
		expect(PEERS.map((p) => far('egress', p))).toEqual([
			['DestCidrIp'],
			['Ipv6DestCidrIp'],
			['DestGroupId', 'DestGroupOwnerAccount'],
			['DestPrefixListId'],
		]);
	});

	it('Modify*Rule takes the fields at the top level with SecurityGroupRuleId', () => {
		for (const [direction, name] of [
			['ingress', 'ModifySecurityGroupRuleRequest'],
			['egress', 'ModifySecurityGroupEgressRuleRequest'],
		] as const) {
			const names = wireNames(model(name));
			for (const peer of PEERS) {
				const params = modifyParams({
					regionId: 'cn-hangzhou',
					groupId: 'sg-1',
					ruleId: 'sgr-1',
					rule: rule(direction, peer),
					nicType: 'intranet',
				});
				for (const key of Object.keys(params)) expect(names.has(key), `${name}.${key}`).toBe(true);
				expect(params.SecurityGroupRuleId).toBe('sgr-1');
			}
		}
	});

	it('Revoke names rules by SecurityGroupRuleId.N when every id is known, else by Permissions.N', () => {
		const base = {regionId: 'cn-hangzhou', groupId: 'sg-1', nicType: 'intranet' as const};
		const rules = [rule('ingress', PEERS[0] as Peer), rule('ingress', PEERS[2] as Peer)];
		const byId = revokeParams({...base, rules, ruleIds: ['sgr-1', 'sgr-2']});
		expect(byId).toMatchObject({SecurityGroupRuleId: ['sgr-1', 'sgr-2']});
		expect(byId).not.toHaveProperty('Permissions');
		expect(typeOf(model('RevokeSecurityGroupRequest'), 'SecurityGroupRuleId')).toMatchObject({type: 'array'});
		const byFields = revokeParams({...base, rules, ruleIds: ['sgr-1']});
		expect(byFields).not.toHaveProperty('SecurityGroupRuleId');
		expect(byFields).toHaveProperty('Permissions');
	});

	it('DescribePrefixLists takes MaxResults, NextToken, AddressFamily, PrefixListId', () => {
		const names = wireNames(model('DescribePrefixListsRequest'));
		for (const name of ['RegionId', 'MaxResults', 'NextToken', 'AddressFamily', 'PrefixListId'])
			expect(names.has(name), name).toBe(true);
	});
});

describe('response fields have the types the SDK response models say', () => {
	it.each([
		['DescribeSecurityGroupAttributeResponseBodyPermissionsPermission', 'Priority', 'string'],
		['DescribeSecurityGroupAttributeResponseBodyPermissionsPermission', 'SecurityGroupRuleId', 'string'],
		['DescribeSecurityGroupAttributeResponseBodyPermissionsPermission', 'SourceGroupName', 'string'],
		['DescribeSecurityGroupAttributeResponseBodyPermissionsPermission', 'DestPrefixListName', 'string'],
		['DescribeSecurityGroupsResponseBody', 'TotalCount', 'number'],
		['DescribeInstancesResponseBody', 'TotalCount', 'number'],
		['DescribePrefixListsResponseBodyPrefixListsPrefixList', 'MaxEntries', 'number'],
		['DescribePrefixListsResponseBodyPrefixListsPrefixList', 'AssociationCount', 'number'],
		['DescribePrefixListsResponseBody', 'NextToken', 'string'],
	])('%s.%s is %s', (name, field, type) => {
		expect(typeOf(model(name), field)).toBe(type);
	});

	it('VPC: OwnerId is a number, IsDefault a boolean, TotalCount a number', () => {
		const vpc = model('DescribeVpcsResponseBodyVpcsVpc', vpcSdk);
		expect(typeOf(vpc, 'OwnerId')).toBe('number');
		expect(typeOf(vpc, 'IsDefault')).toBe('boolean');
		expect(typeOf(model('DescribeVpcsResponseBody', vpcSdk), 'TotalCount')).toBe('number');
	});

	it('reads every peer kind of a described rule, with names and the rule id', () => {
		const described = permission({
			Direction: 'ingress',
			IpProtocol: 'TCP',
			PortRange: '3306/3306',
			SourceGroupId: 'sg-app',
			SourceGroupName: 'app-tier',
			SourceGroupOwnerAccount: '42',
			Policy: 'Accept',
			Priority: '7',
			NicType: 'intranet',
			SecurityGroupRuleId: 'sgr-9',
			CreateTime: 't',
		});
		expect(described).toMatchObject({
			peer: {kind: 'group', groupId: 'sg-app', name: 'app-tier', ownerAccount: '42'},
			priority: 7,
			ruleId: 'sgr-9',
		});
		expect(peerOf({Ipv6DestCidrIp: '2001:db8::/32'}, 'egress')).toEqual({
			kind: 'ipv6',
			cidr: '2001:db8::/32',
		});
		expect(peerOf({DestPrefixListId: 'pl-1', DestPrefixListName: 'offices'}, 'egress')).toEqual({
			kind: 'prefix-list',
			prefixListId: 'pl-1',
			name: 'offices',
		});
		// The empty SourceCidrIp the API sends beside a group peer does not hide the group.
		expect(peerOf({SourceCidrIp: '', SourceGroupId: 'sg-x'}, 'ingress')).toEqual({
			kind: 'group',
			groupId: 'sg-x',
		});
		expect(permission({Priority: 'high'}).priority).toBe(1);
	});
});

type Types = Record<string, unknown>;
/** Every field of `value` that `m` does not name, or whose JSON type differs from the model's, as a path. */
function drift(value: unknown, m: Model, path = ''): string[] {
	if (typeof value !== 'object' || value === null) return [`${path}: not an object`];
	const byWire = new Map(Object.entries(m.names()).map(([prop, wire]) => [wire, prop]));
	const types = m.types() as Types;
	return Object.entries(value).flatMap(([wire, field]) => {
		const prop = byWire.get(wire);
		if (prop === undefined) return [`${path}${wire}: not in the model`];
		return typeDrift(field, types[prop], `${path}${wire}`);
	});
}
function typeDrift(field: unknown, type: unknown, path: string): string[] {
	if (type === 'any') return [];
	if (typeof type === 'string')
		return typeof field === type ? [] : [`${path}: ${typeof field}, model says ${type}`];
	if (typeof type === 'function') return drift(field, type as unknown as Model, `${path}.`);
	const t = type as {type?: string; itemType?: unknown};
	if (t.type === 'array') {
		if (!Array.isArray(field)) return [`${path}: not a list`];
		return field.flatMap((item, i) => typeDrift(item, t.itemType, `${path}[${i}]`));
	}
	return [];
}

describe('the fake answers these tests use have the SDK models’ shapes', () => {
	const attribute = {
		RequestId: 'r',
		SecurityGroupId: 'sg-1',
		VpcId: 'vpc-1',
		InnerAccessPolicy: 'Accept',
		Permissions: {
			Permission: [
				{Direction: 'ingress', IpProtocol: 'TCP', PortRange: '22/22', SourceGroupId: 'sg-app', Priority: '1'},
				{
					Direction: 'egress',
					IpProtocol: 'ALL',
					PortRange: '-1/-1',
					DestPrefixListId: 'pl-1',
					Priority: '100',
				},
			],
		},
	};
	it('DescribeSecurityGroupAttribute (string Priority) matches; a numeric Priority is drift', () => {
		const body = model('DescribeSecurityGroupAttributeResponseBody');
		expect(drift(attribute, body)).toEqual([]);
		const numeric = structuredClone(attribute);
		(numeric.Permissions.Permission[0] as Record<string, unknown>).Priority = 1;
		expect(drift(numeric, body)).toEqual(['Permissions.Permission[0].Priority: number, model says string']);
		expect(permission(attribute.Permissions.Permission[1] as never)).toMatchObject({
			peer: {kind: 'prefix-list', prefixListId: 'pl-1'},
			priority: 100,
		});
	});

	it('DescribePrefixLists as the wire test below serves it', () => {
		const body = {
			RequestId: 'r',
			NextToken: 'next',
			PrefixLists: {
				PrefixList: [
					{
						PrefixListId: 'pl-1',
						PrefixListName: 'a',
						AddressFamily: 'IPv4',
						MaxEntries: 20,
						AssociationCount: 1,
					},
				],
			},
		};
		expect(drift(body, model('DescribePrefixListsResponseBody'))).toEqual([]);
	});
});

describe('adapter over the wire', () => {
	let cloud: FakeCloud;
	let api: PopEcsApi;
	beforeEach(async () => {
		cloud = await startFakeCloud();
		api = createEcsApi({credentials: cloud.keys, endpoint: cloud.endpoint, retry: {tries: 1}});
	});
	afterEach(async () => {
		api.close();
		await cloud.close();
	});

	it('AuthorizeSecurityGroupEgress sends Dest* for a group and a prefix list', async () => {
		cloud.on('AuthorizeSecurityGroupEgress', () => ok());
		await api.authorizeSecurityGroupEgress({
			regionId: 'cn-hangzhou',
			groupId: 'sg-1',
			nicType: 'intranet',
			rules: [rule('egress', {kind: 'group', groupId: 'sg-db'}), rule('egress', PEERS[3] as Peer)],
		});
		const params = cloud.seen[0]?.params ?? {};
		expect(params['Permissions.1.DestGroupId']).toBe('sg-db');
		expect(params['Permissions.2.DestPrefixListId']).toBe('pl-abc');
		expect(params['Permissions.1.Priority']).toBe('10');
		expect(params['Permissions.1.Policy']).toBe('drop');
	});

	it('RevokeSecurityGroup by rule ids; ModifySecurityGroupRule with its fields', async () => {
		cloud.on('RevokeSecurityGroup', () => ok());
		cloud.on('ModifySecurityGroupRule', () => ok());
		await api.revokeSecurityGroup({
			regionId: 'cn-hangzhou',
			groupId: 'sg-1',
			nicType: 'intranet',
			rules: [rule('ingress', PEERS[1] as Peer)],
			ruleIds: ['sgr-7'],
		});
		expect(cloud.seen[0]?.params['SecurityGroupRuleId.1']).toBe('sgr-7');
		expect(Object.keys(cloud.seen[0]?.params ?? {}).some((k) => k.startsWith('Permissions'))).toBe(false);
		await api.modifySecurityGroupRule({
			regionId: 'cn-hangzhou',
			groupId: 'sg-1',
			ruleId: 'sgr-7',
			nicType: 'intranet',
			rule: {...rule('ingress', PEERS[1] as Peer), description: 'new words'},
		});
		expect(cloud.seen[1]?.params).toMatchObject({
			Action: 'ModifySecurityGroupRule',
			SecurityGroupRuleId: 'sgr-7',
			Ipv6SourceCidrIp: '2001:db8::/32',
			Description: 'new words',
			Priority: '10',
		});
	});

	it('DescribePrefixLists follows NextToken and maps the lists', async () => {
		cloud.on('DescribePrefixLists', (params) =>
			params.NextToken
				? ok({
						PrefixLists: {PrefixList: [{PrefixListId: 'pl-2', PrefixListName: 'b', AddressFamily: 'IPv6'}]},
					})
				: ok({
						NextToken: 'next',
						PrefixLists: {
							PrefixList: [
								{
									PrefixListId: 'pl-1',
									PrefixListName: 'a',
									AddressFamily: 'IPv4',
									MaxEntries: 20,
									AssociationCount: 1,
								},
							],
						},
					}),
		);
		const lists = await api.describePrefixLists('cn-hangzhou');
		expect(lists.map((p) => [p.id, p.name, p.addressFamily])).toEqual([
			['pl-1', 'a', 'IPv4'],
			['pl-2', 'b', 'IPv6'],
		]);
		expect(lists[0]).toMatchObject({maxEntries: 20, associationCount: 1});
		expect(cloud.seen.map((s) => s.params.MaxResults)).toEqual(['100', '100']);
		expect(cloud.seen[1]?.params.NextToken).toBe('next');
	});
});
