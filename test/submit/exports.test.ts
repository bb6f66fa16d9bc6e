import {describe, expect, it} from 'vitest';
import {cliFlag, exportAliyun, shellQuote} from '../../source/domain/export-aliyun.js';
import {exportTerraform, hclIdentifier, hclString} from '../../source/domain/export-terraform.js';
import {authorizeParams, createParams, planFromAnswers, specOf} from '../../source/domain/plan.js';
import {answers, tcp} from './fixtures.js';
import {parseAliyunScript, shellWords} from './shell.js';
import {parseTerraform} from './terraform.js';

describe('shell quoting', () => {
	it('leaves safe words alone and single-quotes the rest', () => {
		expect(shellQuote('cn-hangzhou')).toBe('cn-hangzhou');
		expect(shellQuote('0.0.0.0/0')).toBe('0.0.0.0/0');
		expect(shellQuote('web servers')).toBe("'web servers'");
		expect(shellQuote("it's $HOME `x`")).toBe("'it'\\''s $HOME `x`'");
		expect(shellQuote('')).toBe("''");
	});

	it('round-trips through a shell word splitter', () => {
		for (const value of ["a'b", 'a b', '$(rm -rf /)', '"q"', '网站 描述', 'tab\there']) {
			expect(shellWords(`x ${shellQuote(value)}`)).toEqual(['x', value]);
		}
	});

	it('glues values that start with a dash (the --PortRange=-1/-1 quirk)', () => {
		expect(cliFlag('Permissions.1.PortRange', '-1/-1')).toBe('--Permissions.1.PortRange=-1/-1');
		expect(cliFlag('Permissions.1.PortRange', '22/22')).toBe('--Permissions.1.PortRange 22/22');
	});
});

describe('exportAliyun', () => {
	const plan = planFromAnswers(
		answers({
			description: "Bob's web servers",
			tags: [{key: 'env', value: 'dev team'}],
			resourceGroupId: 'rg-abc',
			rules: [
				...answers().rules,
				tcp(8080),
				{...tcp(9000), policy: 'drop', priority: 5, description: 'no 9000'},
			],
		}),
	);

	it('writes a create and an authorize that carry exactly the plan parameters (no ClientToken)', () => {
		const script = exportAliyun(plan);
		const calls = parseAliyunScript(script, {SG_ID: 'sg-new'});
		expect(calls.map((c) => c.action)).toEqual(['CreateSecurityGroup', 'AuthorizeSecurityGroup']);
		const spec = specOf(plan);
		expect(calls[0]?.params).toEqual(Object.fromEntries(createParams(spec)));
		expect(calls[1]?.params).toEqual(
			Object.fromEntries(authorizeParams('cn-hangzhou', 'sg-new', spec.rules, 'intranet')),
		);
		const commands = script.split('\n').filter((l) => !l.startsWith('#'));
		expect(commands.join('\n')).not.toContain('ClientToken');
		expect(script).not.toContain(plan.create.clientToken);
	});

	it('uses the =-form for ICMP ports and the Permissions.N flags', () => {
		const script = exportAliyun(plan);
		expect(script).toContain('--Permissions.4.IpProtocol icmp');
		expect(script).toContain('--Permissions.4.PortRange=-1/-1');
		expect(script).not.toMatch(/PortRange -1/);
		expect(script).toContain("--Description 'Bob'\\''s web servers'");
	});

	it('passes the new id from the create to the authorize calls', () => {
		const script = exportAliyun(plan);
		expect(script).toMatch(/^SG_ID="\$\(aliyun ecs CreateSecurityGroup --region cn-hangzhou \\$/m);
		expect(script).toContain('| jq -er .SecurityGroupId)"');
		expect(script).toContain('--SecurityGroupId "$SG_ID"');
		expect(script.startsWith('#!/bin/sh\n')).toBe(true);
		expect(script).toContain('set -e');
	});

	it('splits more than 100 rules into several authorize commands', () => {
		const many = planFromAnswers(answers({rules: Array.from({length: 130}, (_, i) => tcp(i + 1))}));
		const calls = parseAliyunScript(exportAliyun(many), {SG_ID: 'sg-x'});
		expect(calls.map((c) => c.action)).toEqual([
			'CreateSecurityGroup',
			'AuthorizeSecurityGroup',
			'AuthorizeSecurityGroup',
		]);
		expect(calls[2]?.params['Permissions.30.PortRange']).toBe('130/130');
		expect(calls[2]?.params['Permissions.31.PortRange']).toBeUndefined();
	});

	it('leaves out the VpcId for a classic group and uses the internet NIC type', () => {
		const classic = planFromAnswers(answers({network: 'classic'}));
		const calls = parseAliyunScript(exportAliyun(classic), {SG_ID: 'sg-x'});
		expect(calls[0]?.params.VpcId).toBeUndefined();
		expect(calls[1]?.params['Permissions.1.NicType']).toBe('internet');
	});
});

describe('exportTerraform', () => {
	it('escapes strings the HCL way', () => {
		expect(hclString('a"b\\c')).toBe('"a\\"b\\\\c"');
		const template = ['$', '{var.x} %{if}'].join('');
		expect(hclString(template)).toBe(['"$$', '{var.x} %%{if}"'].join(''));
		expect(hclString('line\nnext')).toBe('"line\\nnext"');
	});

	it('makes resource names Terraform accepts', () => {
		expect(hclIdentifier('web-sg.prod', 'this')).toBe('web-sg_prod');
		expect(hclIdentifier('网站', 'this')).toBe('this');
		expect(hclIdentifier('1web', 'this')).toBe('this');
	});

	it('declares the provider, the group and one rule resource per rule', () => {
		const plan = planFromAnswers(
			answers({
				tags: [{key: 'env', value: 'dev'}],
				resourceGroupId: 'rg-abc',
				rules: [...answers().rules, tcp(8080)],
			}),
		);
		const hcl = exportTerraform(plan);
		const blocks = parseTerraform(hcl);
		expect(blocks.find((b) => b.kind === 'provider')?.attributes.region).toBe('cn-hangzhou');
		const group = blocks.find((b) => b.type === 'alicloud_security_group');
		expect(group?.attributes).toMatchObject({
			security_group_name: 'web-sg',
			description: 'web servers',
			vpc_id: 'vpc-abc123',
			security_group_type: 'normal',
			resource_group_id: 'rg-abc',
		});
		expect(group?.maps.tags).toEqual({env: 'dev'});
		const rules = blocks.filter((b) => b.type === 'alicloud_security_group_rule');
		expect(rules).toHaveLength(5);
		expect(new Set(rules.map((r) => r.name)).size).toBe(5);
		expect(rules.map((r) => r.attributes.port_range)).toEqual([
			'80/80',
			'443/443',
			'22/22',
			'-1/-1',
			'8080/8080',
		]);
		expect(rules[3]?.attributes).toMatchObject({
			type: 'ingress',
			ip_protocol: 'icmp',
			cidr_ip: '0.0.0.0/0',
			policy: 'accept',
			priority: '1',
			nic_type: 'intranet',
			description: 'ICMP',
			security_group_id: `alicloud_security_group.${group?.name}.id`,
		});
	});

	it('leaves out the vpc_id of a classic group and the empty optional fields', () => {
		const hcl = exportTerraform(planFromAnswers(answers({network: 'classic', description: ''})));
		const group = parseTerraform(hcl).find((b) => b.type === 'alicloud_security_group');
		expect(group?.attributes.vpc_id).toBeUndefined();
		expect(group?.attributes.description).toBeUndefined();
		expect(hcl).toContain('nic_type          = "internet"');
	});
});
