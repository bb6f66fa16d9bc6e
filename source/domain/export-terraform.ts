// A Terraform file that recreates a group with the alicloud provider: one alicloud_security_group and one
// alicloud_security_group_rule per rule (the provider has no inline rules). The provider is pinned to
// >= 1.239.0, the first with `security_group_name` on alicloud_security_group (issue 12 item 7); the rule's far end
// is cidr_ip, ipv6_cidr_ip, source_security_group_id (+ source_group_owner_account) or prefix_list_id, for
// type ingress and egress alike (the provider's alicloud_security_group_rule documentation).

import {t} from '../text/index.js';
import type {Peer, Rule} from './model.js';
import {specOf} from './plan.js';
import type {SubmitPlan, SubmitResult} from './plan-types.js';

/** An HCL string literal: quotes, backslashes, newlines and template sequences (`${`, `%{`) escaped. */
export function hclString(value: string): string {
	const escaped = value
		.replace(/\\/g, '\\\\')
		.replace(/"/g, '\\"')
		.replace(/\n/g, '\\n')
		.replace(/\r/g, '\\r')
		.replace(/\t/g, '\\t')
		.replace(/\$\{/g, '$$$${')
		.replace(/%\{/g, '%%{');
	return `"${escaped}"`;
}

/** A resource name Terraform accepts (letters, digits, `_`, `-`; starting with a letter or `_`). */
export function hclIdentifier(value: string, fallback: string): string {
	const id = value
		.toLowerCase()
		.replace(/[^a-z0-9_-]+/g, '_')
		.replace(/^_+|_+$/g, '');
	return /^[a-z]/.test(id) ? id : fallback;
}

/** The provider version whose attributes this file uses. */
export const providerVersion = '>= 1.239.0';

/** The far end as the provider names it. */
function peerAttributes(peer: Peer): [string, string][] {
	switch (peer.kind) {
		case 'ipv4':
			return [['cidr_ip', hclString(peer.cidr)]];
		case 'ipv6':
			return [['ipv6_cidr_ip', hclString(peer.cidr)]];
		case 'group':
			return [
				['source_security_group_id', hclString(peer.groupId)],
				...(peer.ownerAccount
					? ([['source_group_owner_account', hclString(peer.ownerAccount)]] as [string, string][])
					: []),
			];
		case 'prefix-list':
			return [['prefix_list_id', hclString(peer.prefixListId)]];
	}
}

const ruleName = (rule: Rule, index: number): string => {
	const ports = rule.portRange === '-1/-1' ? 'all' : rule.portRange.replace('/', '_');
	return `${rule.direction}_${index + 1}_${rule.protocol}_${ports}`;
};

/** `key = value` lines with the `=` signs lined up, as `terraform fmt` writes them. */
function attributes(pairs: [string, string][], indent = '  '): string[] {
	const width = Math.max(0, ...pairs.map(([k]) => k.length));
	return pairs.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`);
}

/** The file for a plan (before anything is created) or a result (what was created). */
export function exportTerraform(source: SubmitPlan | SubmitResult): string {
	const spec = specOf(source);
	const group = hclIdentifier(spec.name, 'this');
	const out: string[] = [
		`# ${t('submit.export.terraform.header', {name: spec.name, region: spec.regionId})}`,
		'terraform {',
		'  required_providers {',
		'    alicloud = {',
		'      source  = "aliyun/alicloud"',
		`      version = ${hclString(providerVersion)}`,
		'    }',
		'  }',
		'}',
		'',
		'provider "alicloud" {',
		`  region = ${hclString(spec.regionId)}`,
		'}',
		'',
		`resource "alicloud_security_group" ${hclString(group)} {`,
	];
	const groupAttributes: [string, string][] = [['security_group_name', hclString(spec.name)]];
	if (spec.description) groupAttributes.push(['description', hclString(spec.description)]);
	if (spec.vpcId) groupAttributes.push(['vpc_id', hclString(spec.vpcId)]);
	groupAttributes.push(['security_group_type', hclString(spec.type)]);
	if (spec.resourceGroupId) groupAttributes.push(['resource_group_id', hclString(spec.resourceGroupId)]);
	out.push(...attributes(groupAttributes));
	if (spec.tags.length > 0) {
		out.push('  tags = {');
		out.push(
			...attributes(
				spec.tags.map((tag) => [hclString(tag.key), hclString(tag.value)]),
				'    ',
			),
		);
		out.push('  }');
	}
	out.push('}');

	spec.rules.forEach((rule, i) => {
		const pairs: [string, string][] = [
			['security_group_id', `alicloud_security_group.${group}.id`],
			['type', hclString(rule.direction)],
			['ip_protocol', hclString(rule.protocol)],
			['port_range', hclString(rule.portRange)],
			...peerAttributes(rule.peer),
			['policy', hclString(rule.policy)],
			['priority', String(rule.priority)],
			['nic_type', hclString(spec.nicType)],
		];
		if (rule.description) pairs.push(['description', hclString(rule.description)]);
		out.push('', `resource "alicloud_security_group_rule" ${hclString(ruleName(rule, i))} {`);
		out.push(...attributes(pairs), '}');
	});
	return `${out.join('\n')}\n`;
}
