// The exports hold against the sandbox: the calls in the exported aliyun script (and those the Terraform
// provider makes for the exported file), sent with pop-core directly, make the same group and rules that
// ecs-sg made.
import RPCClient from '@alicloud/pop-core';
import {afterEach, describe, expect, it} from 'vitest';
import {submit} from '../../source/cloud/engine.js';
import {exportAliyun} from '../../source/domain/export-aliyun.js';
import {exportTerraform} from '../../source/domain/export-terraform.js';
import {planFromAnswers} from '../../source/domain/plan.js';
import {templateRules} from '../../source/domain/rules.js';
import {answers} from './fixtures.js';
import {captureIo, fastServices, type GroupRecord, startWorld, type World} from './harness.js';
import {parseAliyunScript} from './shell.js';
import {parseTerraform} from './terraform.js';

let world: World | undefined;
afterEach(async () => {
	await world?.close();
	world = undefined;
});

const client = (w: World) =>
	new RPCClient({
		endpoint: w.sandbox.endpoint,
		apiVersion: '2014-05-26',
		accessKeyId: w.sandbox.accessKeyId,
		accessKeySecret: w.sandbox.accessKeySecret,
	});

const send = (w: World, action: string, params: Record<string, string>) =>
	client(w).request<Record<string, string>>(action, params, {method: 'POST', timeout: 5000});

/** A group as the API holds it, without what differs between two creations (ids, times). */
const shape = (g: GroupRecord | undefined) => ({
	name: g?.SecurityGroupName,
	description: g?.Description,
	vpcId: g?.VpcId,
	type: g?.SecurityGroupType,
	resourceGroupId: g?.ResourceGroupId,
	tags: (g?.Tags.Tag ?? []).map((t) => `${t.TagKey ?? t.Key}=${t.TagValue ?? t.Value}`).sort(),
	rules: (g?.Permissions ?? [])
		.map(
			(p) =>
				`${p.Direction} ${p.IpProtocol} ${p.PortRange} ${p.SourceCidrIp} ${p.Policy} ${p.Priority} ${p.NicType} ${p.Description}`,
		)
		.sort(),
});

async function createWithEcsSg(w: World) {
	const plan = planFromAnswers(
		answers({
			vpcId: w.vpc(),
			description: "Bob's web servers",
			resourceGroupId: 'rg-acfmxazb4ph6aiy',
			tags: [
				{key: 'env', value: 'dev team'},
				{key: 'owner', value: '网站'},
			],
			rules: [
				...templateRules('web-linux', '203.0.113.0/24'),
				{
					direction: 'ingress',
					protocol: 'tcp',
					portRange: '8000/8100',
					peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
					policy: 'accept',
					priority: 1,
				},
				{
					direction: 'ingress',
					protocol: 'udp',
					portRange: '53/53',
					peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
					policy: 'drop',
					priority: 7,
					description: ['no "dns" $', '{here}'].join(''),
				},
				{
					direction: 'ingress',
					protocol: 'all',
					portRange: '-1/-1',
					peer: {kind: 'ipv4', cidr: '192.168.0.0/16'},
					policy: 'accept',
					priority: 100,
				},
			],
		}),
	);
	const services = await fastServices({endpoint: w.sandbox.endpoint, sandbox: false}, captureIo(w.env));
	try {
		const outcome = await submit(plan, {
			api: services.api,
			journal: services.store.journal,
			target: services.target,
		});
		if (!outcome.ok) throw outcome.error;
		return outcome.result;
	} finally {
		await services.close();
	}
}

const byId = (w: World, id: string) => w.groups().find((g) => g.SecurityGroupId === id);

describe('exports against the sandbox', () => {
	it('the aliyun commands recreate the same group and rules', async () => {
		world = await startWorld();
		const result = await createWithEcsSg(world);
		const script = exportAliyun(result);
		const [createCall, ...authorizeCalls] = parseAliyunScript(script);
		expect(createCall?.action).toBe('CreateSecurityGroup');
		const created = await send(world, 'CreateSecurityGroup', createCall?.params ?? {});
		const id = created.SecurityGroupId as string;
		expect(id).not.toBe(result.groupId);
		// The script passes the id on in $SG_ID; read it again with the id the create answered.
		const again = parseAliyunScript(script, {SG_ID: id}).slice(1);
		expect(again).toHaveLength(authorizeCalls.length);
		for (const call of again) {
			expect(call.action).toBe('AuthorizeSecurityGroup');
			await send(world, call.action, call.params);
		}
		expect(shape(byId(world, id))).toEqual(shape(byId(world, result.groupId)));
		expect(shape(byId(world, id)).rules).toHaveLength(7);
	});

	it('the Terraform file recreates the same group and rules (as the provider would call the API)', async () => {
		world = await startWorld();
		const result = await createWithEcsSg(world);
		const blocks = parseTerraform(exportTerraform(result));
		expect(blocks.find((b) => b.kind === 'provider')?.attributes.region).toBe('cn-hangzhou');
		const group = blocks.find((b) => b.type === 'alicloud_security_group');
		if (!group) throw new Error('no group resource');
		const a = group.attributes;
		const params: Record<string, string> = {
			RegionId: 'cn-hangzhou',
			SecurityGroupName: a.security_group_name ?? '',
		};
		if (a.description) params.Description = a.description;
		if (a.vpc_id) params.VpcId = a.vpc_id;
		if (a.security_group_type) params.SecurityGroupType = a.security_group_type;
		if (a.resource_group_id) params.ResourceGroupId = a.resource_group_id;
		Object.entries(group.maps.tags ?? {}).forEach(([key, value], i) => {
			params[`Tag.${i + 1}.Key`] = key;
			params[`Tag.${i + 1}.Value`] = value;
		});
		const id = (await send(world, 'CreateSecurityGroup', params)).SecurityGroupId as string;
		for (const rule of blocks.filter((b) => b.type === 'alicloud_security_group_rule')) {
			const r = rule.attributes;
			expect(r.security_group_id).toBe(`alicloud_security_group.${group.name}.id`);
			// The provider creates each rule with its own AuthorizeSecurityGroup carrying one permission.
			await send(world, 'AuthorizeSecurityGroup', {
				RegionId: 'cn-hangzhou',
				SecurityGroupId: id,
				'Permissions.1.IpProtocol': r.ip_protocol ?? '',
				'Permissions.1.PortRange': r.port_range ?? '',
				'Permissions.1.SourceCidrIp': r.cidr_ip ?? '',
				'Permissions.1.Policy': r.policy ?? '',
				'Permissions.1.Priority': r.priority ?? '',
				'Permissions.1.NicType': r.nic_type ?? '',
				...(r.description ? {'Permissions.1.Description': r.description} : {}),
			});
		}
		expect(shape(byId(world, id))).toEqual(shape(byId(world, result.groupId)));
	});
});
