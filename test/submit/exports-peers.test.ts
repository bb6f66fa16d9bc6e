// Exports carry every field of every rule: each peer kind, both directions, drop, priority and description.
// The Terraform file is read by a real HCL parser (@cdktf/hcl2json: HashiCorp's own HCL library compiled to
// WebAssembly and shipped in the package, so it works offline with nothing downloaded).
import {parse} from '@cdktf/hcl2json';
import {describe, expect, it} from 'vitest';
import {exportAliyun} from '../../source/domain/export-aliyun.js';
import {exportTerraform, providerVersion} from '../../source/domain/export-terraform.js';
import type {Rule} from '../../source/domain/model.js';
import {planFromAnswers} from '../../source/domain/plan.js';
import {parseRuleSpec} from '../../source/domain/rules.js';
import {answers} from './fixtures.js';
import {parseAliyunScript} from './shell.js';

const SPECS = [
	'tcp:22:10.0.0.0/8',
	'tcp:443:2001:db8::/32,priority=5,desc=v6 web',
	'tcp:3306:sg-bp1app,owner=1234567890,drop,priority=9',
	'tcp:443:pl-abc123,desc=offices',
	'out:udp:53:10.0.0.0/8,drop,priority=100',
	'out:tcp:5432:sg-bp1db',
	'out:all:-1:::/0,drop',
	'out:tcp:443:pl-mirror',
];

const rules: Rule[] = SPECS.map((spec) => {
	const parsed = parseRuleSpec(spec);
	if (!parsed.ok) throw new Error(parsed.problem);
	return parsed.rule;
});

const plan = planFromAnswers(answers({template: 'custom', rules}));

type Json = Record<string, unknown>;
const hclRules = async (hcl: string): Promise<Json[]> => {
	const json = (await parse('main.tf', hcl)) as {resource: Record<string, Record<string, Json[]>>};
	return Object.values(json.resource.alicloud_security_group_rule ?? {}).map((list) => list[0] as Json);
};

describe('Terraform export, read by a real HCL parser', () => {
	it('parses, pins the provider version and carries every field of every rule', async () => {
		const hcl = exportTerraform(plan);
		const json = (await parse('main.tf', hcl)) as Json & {
			terraform: {required_providers: {alicloud: {source: string; version: string}}[]}[];
		};
		expect(json.terraform[0]?.required_providers[0]?.alicloud).toEqual({
			source: 'aliyun/alicloud',
			version: '>= 1.239.0',
		});
		expect(providerVersion).toBe('>= 1.239.0');
		const got = await hclRules(hcl);
		expect(got).toHaveLength(SPECS.length);
		const far = (r: Json) =>
			['cidr_ip', 'ipv6_cidr_ip', 'source_security_group_id', 'prefix_list_id']
				.filter((k) => k in r)
				.map((k) => `${k}=${r[k]}`)
				.join(' ');
		// hcl2json returns resources by name, so the order is the parser's: compare sorted.
		expect(
			got.map((r) => `${r.type} ${r.ip_protocol} ${r.port_range} ${far(r)} ${r.policy} ${r.priority}`).sort(),
		).toEqual(
			[
				'ingress tcp 22/22 cidr_ip=10.0.0.0/8 accept 1',
				'ingress tcp 443/443 ipv6_cidr_ip=2001:db8::/32 accept 5',
				'ingress tcp 3306/3306 source_security_group_id=sg-bp1app drop 9',
				'ingress tcp 443/443 prefix_list_id=pl-abc123 accept 1',
				'egress udp 53/53 cidr_ip=10.0.0.0/8 drop 100',
				'egress tcp 5432/5432 source_security_group_id=sg-bp1db accept 1',
				'egress all -1/-1 ipv6_cidr_ip=::/0 drop 1',
				'egress tcp 443/443 prefix_list_id=pl-mirror accept 1',
			].sort(),
		);
		expect(got.find((r) => r.source_security_group_id === 'sg-bp1app')?.source_group_owner_account).toBe(
			'1234567890',
		);
		expect(got.find((r) => r.ipv6_cidr_ip === '2001:db8::/32')?.description).toBe('v6 web');
		expect(got.every((r) => r.nic_type === 'intranet')).toBe(true);
		expect(got.every((r) => String(r.security_group_id).startsWith('${alicloud_security_group.'))).toBe(true);
	});

	it('every generated file parses: template plans, classic, tags and hostile text', async () => {
		const files = [
			exportTerraform(planFromAnswers(answers())),
			exportTerraform(planFromAnswers(answers({network: 'classic', description: ''}))),
			exportTerraform(
				planFromAnswers(
					answers({
						// biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${x} is what the export must escape.
						description: 'quote " dollar ${x} percent %{y} back\\slash',
						tags: [{key: 'env', value: 'a"b'}],
					}),
				),
			),
		];
		for (const hcl of files) await expect(parse('main.tf', hcl)).resolves.toHaveProperty('resource');
		const hostile = (await parse('main.tf', files[2] as string)) as {
			resource: {alicloud_security_group: Record<string, Json[]>};
		};
		const group = Object.values(hostile.resource.alicloud_security_group)[0]?.[0];
		// hcl2json leaves template escapes as written ($${ is a literal ${ to Terraform).
		expect(String(group?.description)).toContain('quote " dollar $${x} percent %%{y} back\\slash');
	});
});

describe('aliyun export', () => {
	it('runs AuthorizeSecurityGroup for inbound rules, then AuthorizeSecurityGroupEgress, with every peer field', () => {
		const calls = parseAliyunScript(exportAliyun(plan), {SG_ID: 'sg-new'});
		expect(calls.map((c) => c.action)).toEqual([
			'CreateSecurityGroup',
			'AuthorizeSecurityGroup',
			'AuthorizeSecurityGroupEgress',
		]);
		const inbound = calls[1]?.params ?? {};
		expect(inbound).toMatchObject({
			'Permissions.1.SourceCidrIp': '10.0.0.0/8',
			'Permissions.2.Ipv6SourceCidrIp': '2001:db8::/32',
			'Permissions.2.Priority': '5',
			'Permissions.2.Description': 'v6 web',
			'Permissions.3.SourceGroupId': 'sg-bp1app',
			'Permissions.3.SourceGroupOwnerAccount': '1234567890',
			'Permissions.3.Policy': 'drop',
			'Permissions.4.SourcePrefixListId': 'pl-abc123',
		});
		const outbound = calls[2]?.params ?? {};
		expect(outbound).toMatchObject({
			'Permissions.1.DestCidrIp': '10.0.0.0/8',
			'Permissions.1.Priority': '100',
			'Permissions.2.DestGroupId': 'sg-bp1db',
			'Permissions.3.Ipv6DestCidrIp': '::/0',
			'Permissions.3.PortRange': '-1/-1',
			'Permissions.4.DestPrefixListId': 'pl-mirror',
		});
	});
});
