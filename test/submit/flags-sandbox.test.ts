// The flags path end to end against the sandbox, through the real adapter and config store (in this process).
import {afterEach, describe, expect, it} from 'vitest';
import {create, type GroupRecord, required, ruleOf, startWorld, type World} from './harness.js';

let world: World | undefined;
afterEach(async () => {
	await world?.close();
	world = undefined;
});

const named = (w: World, name: string, regionId?: string): GroupRecord[] =>
	w.groups(regionId).filter((g) => g.SecurityGroupName === name);

describe('ecs-sg create (flags only)', () => {
	it('creates the group with its rules and prints the result on stdout, progress on stderr', async () => {
		world = await startWorld();
		const r = await create(world, required(world));
		expect(r.code).toBe(0);
		const [group] = named(world, 'web-sg');
		expect(group).toBeDefined();
		expect(r.stdout).toContain(`Created security group ${group?.SecurityGroupId} ("web-sg") in cn-hangzhou`);
		expect(r.stdout).toMatch(/inbound\s+TCP\s+443/);
		expect(r.stderr).toContain(`› CreateSecurityGroup … ${group?.SecurityGroupId}`);
		expect(r.stderr).toContain('› AuthorizeSecurityGroup (4 rules) … done');
		expect(r.stderr).toMatch(/Warning: SSH \(port 22\)/);
		expect(r.stdout).not.toContain('Warning');
		expect(group?.Permissions.map(ruleOf).sort()).toEqual(
			[
				'tcp 80/80 0.0.0.0/0 accept 1 intranet',
				'tcp 443/443 0.0.0.0/0 accept 1 intranet',
				'tcp 22/22 0.0.0.0/0 accept 1 intranet',
				'icmp -1/-1 0.0.0.0/0 accept 1 intranet',
			].sort(),
		);
		expect(world.journal()).toEqual([]);
	});

	it('prints exactly one JSON object with --json, matching what the sandbox holds', async () => {
		world = await startWorld();
		const r = await create(world, [
			...required(world),
			'--json',
			'--description',
			'web servers',
			'--type',
			'enterprise',
			'--source',
			'203.0.113.0/24',
			'--rule',
			'tcp:8000-8100:10.0.0.0/8',
			'--rule',
			'icmp:-1:10.0.0.0/8',
			'--resource-group',
			'rg-acfmxazb4ph6aiy',
			'--tag',
			'env=dev',
			'--tag',
			'team=web ops',
		]);
		expect(r.code).toBe(0);
		expect(r.stdout.trim().split('\n')).toHaveLength(1);
		const out = JSON.parse(r.stdout);
		expect(Object.keys(out).sort()).toEqual(
			['name', 'regionId', 'requestIds', 'rules', 'securityGroupId', 'type', 'vpcId'].sort(),
		);
		expect(out).toMatchObject({
			regionId: 'cn-hangzhou',
			vpcId: world.vpc(),
			name: 'web-sg',
			type: 'enterprise',
		});
		expect(out.requestIds).toHaveLength(2);
		const group = world.groups().find((g) => g.SecurityGroupId === out.securityGroupId);
		expect(group).toMatchObject({
			SecurityGroupName: 'web-sg',
			Description: 'web servers',
			SecurityGroupType: 'enterprise',
			ResourceGroupId: 'rg-acfmxazb4ph6aiy',
		});
		const tags = (group?.Tags.Tag ?? []).map(
			(tag) => `${tag.TagKey ?? tag.Key}=${tag.TagValue ?? tag.Value}`,
		);
		expect(tags.sort()).toEqual(['env=dev', 'team=web ops']);
		const applied = out.rules.map(
			(rule: {protocol: string; portRange: string; peer: {cidr: string}}) =>
				`${rule.protocol} ${rule.portRange} ${rule.peer.cidr}`,
		);
		expect(applied).toEqual([
			// --source narrows SSH only (issue 15 item 5).
			'tcp 80/80 0.0.0.0/0',
			'tcp 443/443 0.0.0.0/0',
			'tcp 22/22 203.0.113.0/24',
			'icmp -1/-1 0.0.0.0/0',
			'tcp 8000/8100 10.0.0.0/8',
			'icmp -1/-1 10.0.0.0/8',
		]);
		expect(
			group?.Permissions.map((p) => `${p.IpProtocol.toLowerCase()} ${p.PortRange} ${p.SourceCidrIp}`).sort(),
		).toEqual([...applied].sort());
	});

	it('creates a classic-network group where the region offers it', async () => {
		world = await startWorld();
		const r = await create(world, [
			'--region',
			'cn-hangzhou',
			'--template',
			'custom',
			'--rule',
			'tcp:22:10.0.0.0/8',
			'--name',
			'legacy',
			'--classic',
			'--yes',
			'--json',
		]);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.vpcId).toBeNull();
		const [group] = named(world, 'legacy');
		expect(group?.VpcId).toBe('');
		expect(group?.Permissions.map(ruleOf)).toEqual(['tcp 22/22 10.0.0.0/8 accept 1 internet']);
	});

	it('creates a custom group without rules in one call', async () => {
		world = await startWorld();
		const r = await create(world, [
			'--region',
			'cn-hangzhou',
			'--template',
			'custom',
			'--name',
			'empty',
			'--vpc',
			world.vpc(),
			'--yes',
		]);
		expect(r.code).toBe(0);
		expect(r.stderr).not.toContain('AuthorizeSecurityGroup');
		expect(named(world, 'empty')[0]?.Permissions).toEqual([]);
	});

	it('names every missing and invalid flag in one message, exits 2 and creates nothing', async () => {
		world = await startWorld();
		const before = world.sandbox.snapshot();
		const r = await create(world, ['--name', '1bad', '--rule', 'tcp:99999:0.0.0.0/0', '--tag', 'x']);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('missing: --region, --template, --vpc VPC_ID (or --classic)');
		for (const flag of ['--name:', '--rule:', '--tag:', '--yes:']) expect(r.stderr).toContain(flag);
		expect(world.sandbox.snapshot()).toEqual(before);
	});

	it('refuses to create without --yes', async () => {
		world = await startWorld();
		const before = world.sandbox.snapshot();
		const r = await create(
			world,
			required(world).filter((f) => f !== '--yes'),
		);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--yes is needed');
		expect(world.sandbox.snapshot()).toEqual(before);
	});

	it('refuses a VPC that does not exist in the region, naming the ones that do', async () => {
		world = await startWorld();
		const before = world.sandbox.snapshot();
		const r = await create(world, [...required(world).slice(0, 6), '--vpc', 'vpc-doesnotexist', '--yes']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('VPC vpc-doesnotexist does not exist in cn-hangzhou');
		expect(r.stderr).toContain(world.vpc());
		expect(world.sandbox.snapshot().securityGroups).toEqual(before.securityGroups);
	});

	it('refuses a region ECS does not know (exit 2, not a cloud failure), naming the ones it does', async () => {
		world = await startWorld();
		const before = world.sandbox.snapshot();
		// A classic group reads no VPC list: the region is found unknown by the duplicate-name look-up instead.
		const r = await create(world, [
			'--region',
			'cn-nowhere',
			'--template',
			'custom',
			'--name',
			'lost-sg',
			'--classic',
			'--yes',
		]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--region: ECS does not know the region "cn-nowhere"; its regions are: ');
		expect(r.stderr).toMatch(/its regions are: [^\n]*\bcn-hangzhou\b/);
		expect(world.sandbox.snapshot().securityGroups).toEqual(before.securityGroups);
	});

	it('refuses a duplicate name in the VPC unless --allow-duplicate-name', async () => {
		world = await startWorld();
		expect((await create(world, required(world))).code).toBe(0);
		const [first] = named(world, 'web-sg');
		const again = await create(world, required(world));
		expect(again.code).toBe(2);
		expect(again.stderr).toContain(`already exists in VPC ${world.vpc()} (${first?.SecurityGroupId})`);
		expect(again.stderr).toContain('--allow-duplicate-name');
		expect(named(world, 'web-sg')).toHaveLength(1);

		const allowed = await create(world, [...required(world), '--allow-duplicate-name']);
		expect(allowed.code).toBe(0);
		expect(allowed.stderr).toMatch(/Warning: A security group named "web-sg" already exists/);
		expect(named(world, 'web-sg')).toHaveLength(2);
	});

	it('does not count a same-name group in another VPC as a duplicate', async () => {
		world = await startWorld();
		expect((await create(world, required(world))).code).toBe(0);
		const vpcs = (world.sandbox.snapshot().vpcs ?? []) as {
			VpcId: string;
			RegionId: string;
			IsDefault: boolean;
		}[];
		const other = vpcs.find((v) => v.RegionId === 'cn-hangzhou' && !v.IsDefault)?.VpcId ?? '';
		const r = await create(world, [...required(world).slice(0, 6), '--vpc', other, '--yes']);
		expect(r.code).toBe(0);
	});
});

describe('--dry-run and --export', () => {
	it('shows the plan, rules, warnings and commands, and changes nothing', async () => {
		world = await startWorld();
		const before = world.sandbox.snapshot();
		const r = await create(world, [...required(world), '--dry-run', '--rule', 'tcp:3306:0.0.0.0/0']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Plan: 2 API calls');
		expect(r.stdout).toMatch(/1\. CreateSecurityGroup .*SecurityGroupName=web-sg/);
		expect(r.stdout).toMatch(/2\. AuthorizeSecurityGroup \(5 rules\)/);
		expect(r.stdout).toMatch(/inbound\s+TCP\s+3306/);
		expect(r.stdout).toContain('MySQL (port 3306)');
		expect(r.stdout).toContain('aliyun ecs AuthorizeSecurityGroup');
		expect(r.stdout).toContain('--Permissions.4.PortRange=-1/-1');
		expect(r.stdout).toContain('ecs-sg create --region cn-hangzhou --template web-linux');
		expect(world.sandbox.snapshot()).toEqual(before);
		expect(world.journal()).toEqual([]);
	});

	it('prints the plan as one JSON object with --dry-run --json', async () => {
		world = await startWorld();
		const before = world.sandbox.snapshot();
		const r = await create(world, [...required(world), '--dry-run', '--json']);
		expect(r.code).toBe(0);
		const plan = JSON.parse(r.stdout);
		expect(plan.dryRun).toBe(true);
		expect(plan.calls.map((c: {action: string}) => c.action)).toEqual([
			'CreateSecurityGroup',
			'AuthorizeSecurityGroup',
		]);
		expect(plan.calls[0].params).toMatchObject({
			RegionId: 'cn-hangzhou',
			VpcId: world.vpc(),
			SecurityGroupName: 'web-sg',
		});
		expect(plan.calls[1].params['Permissions.4.IpProtocol']).toBe('icmp');
		expect(plan.commands.aliyun).toContain('\n');
		expect(world.sandbox.snapshot()).toEqual(before);
	});

	it('warns about a duplicate name in a dry run instead of refusing', async () => {
		world = await startWorld();
		await create(world, required(world));
		const r = await create(world, [...required(world), '--dry-run']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/already exists in VPC .*--allow-duplicate-name/);
	});

	it('prints the aliyun commands and the Terraform file without creating anything', async () => {
		world = await startWorld();
		const before = world.sandbox.snapshot();
		const aliyun = await create(world, [...required(world), '--export', 'aliyun']);
		expect(aliyun.code).toBe(0);
		expect(aliyun.stdout.startsWith('#!/bin/sh\n')).toBe(true);
		expect(aliyun.stdout).toContain('aliyun ecs CreateSecurityGroup');
		const terraform = await create(world, [...required(world), '--export', 'terraform']);
		expect(terraform.code).toBe(0);
		expect(terraform.stdout).toContain('resource "alicloud_security_group" "web-sg"');
		expect(terraform.stdout.match(/resource "alicloud_security_group_rule"/g)).toHaveLength(4);
		const json = await create(world, [...required(world), '--export', 'terraform', '--json']);
		expect(JSON.parse(json.stdout)).toMatchObject({format: 'terraform'});
		expect(world.sandbox.snapshot()).toEqual(before);
	});

	it('shows a dry run without credentials (no checks against the cloud)', async () => {
		world = await startWorld();
		const {ALIBABA_CLOUD_ACCESS_KEY_ID: _id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: _secret, ...env} = world.env;
		const bare = {...world, env};
		const r = await create(bare, [...required(world), '--dry-run']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Plan: 2 API calls');
		const refused = await create(bare, required(world));
		expect(refused.code).toBe(2);
	});
});
