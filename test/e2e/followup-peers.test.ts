// The flags path for every kind of peer (IPv4, IPv6, group, prefix list), an enterprise group refusing a group
// peer, `rules list`, and `ecs-sg groups list|delete`: as processes (no terminal) against the sandbox, what they
// change read back with pop-core (an independent client).
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {followupState, ids, makeGroup, region, runCli, vpcId} from './followup-helpers.js';
import {openWorld, type World} from './wizard-helpers.js';

const IPV6 = '2001:db8::/32';

let world: World;
beforeEach(async () => {
	world = await openWorld(followupState);
});
afterEach(async () => {
	await world.close();
});

const endpoint = () => ['--endpoint', world.sandbox.endpoint];
const target = (group: string) => [...endpoint(), '--region', region, '--group', group];

type Permission = Record<string, string | number>;

/** Each rule of a group as `direction proto ports peer policy priority description` (pop-core). */
async function rulesOf(groupId: string): Promise<string[]> {
	const answer = (await world.ecs.request(
		'DescribeSecurityGroupAttribute',
		{RegionId: region, SecurityGroupId: groupId, Direction: 'all'},
		{method: 'POST'},
	)) as {Permissions: {Permission: Permission[]}};
	return answer.Permissions.Permission.map((p) => {
		const peer = [
			'SourceCidrIp',
			'DestCidrIp',
			'Ipv6SourceCidrIp',
			'Ipv6DestCidrIp',
			'SourceGroupId',
			'DestGroupId',
			'SourcePrefixListId',
			'DestPrefixListId',
		]
			.map((k) => p[k])
			.find((v) => typeof v === 'string' && v !== '');
		return `${p.Direction} ${String(p.IpProtocol).toLowerCase()} ${p.PortRange} ${peer} ${String(p.Policy).toLowerCase()} ${p.Priority} ${p.Description ?? ''}`.trim();
	}).sort();
}

async function aPrefixList(): Promise<string> {
	const answer = (await world.ecs.request('DescribePrefixLists', {RegionId: region}, {method: 'POST'})) as {
		PrefixLists: {PrefixList: {PrefixListId: string; AddressFamily: string}[]};
	};
	const list = answer.PrefixLists.PrefixList.find((l) => l.AddressFamily === 'IPv4');
	if (!list) throw new Error('the sandbox seeds no IPv4 prefix list');
	return list.PrefixListId;
}

async function groupIds(): Promise<string[]> {
	const answer = (await world.ecs.request(
		'DescribeSecurityGroups',
		{RegionId: region},
		{method: 'POST'},
	)) as {
		SecurityGroups: {SecurityGroup: {SecurityGroupId: string}[]};
	};
	return answer.SecurityGroups.SecurityGroup.map((g) => g.SecurityGroupId).sort();
}

describe('rules add|remove with every kind of peer', () => {
	it('adds an IPv4 deny with priority and description, an IPv6 block, a group and a prefix list, then removes each', async () => {
		const list = await aPrefixList();
		const specs = [
			'tcp:3306:10.0.0.0/8,drop,priority=5,desc=no direct db',
			`tcp:443:${IPV6}`,
			`tcp:3306:${ids.web}`,
			`out:tcp:443:${list}`,
		];
		const add = await runCli(world, [
			'rules',
			'add',
			...target(ids.db),
			...specs.flatMap((s) => ['--rule', s]),
			'--yes',
		]);
		expect(add.code, add.stderr).toBe(0);
		expect(add.stderr).not.toMatch(/error|refused/i);
		expect(await rulesOf(ids.db)).toEqual(
			[
				'ingress tcp 3306/3306 10.0.0.0/8 drop 5 no direct db',
				`ingress tcp 443/443 ${IPV6} accept 1`,
				`ingress tcp 3306/3306 ${ids.web} accept 1`,
				`egress tcp 443/443 ${list} accept 1`,
			].sort(),
		);
		const listed = await runCli(world, ['rules', 'list', ...target(ids.db), '--json']);
		expect(listed.code).toBe(0);
		const kinds = JSON.parse(listed.stdout).rules.map((r: {peer: {kind: string}}) => r.peer.kind);
		expect(kinds.sort()).toEqual(['group', 'ipv4', 'ipv6', 'prefix-list']);

		for (const spec of specs) {
			const remove = await runCli(world, [
				'rules',
				'remove',
				...target(ids.db),
				'--rule',
				spec.split(',')[0] ?? spec,
				'--yes',
			]);
			expect(remove.code, `${spec}: ${remove.stderr}`).toBe(0);
		}
		expect(await rulesOf(ids.db)).toEqual([]);
	});

	it('refuses a group peer for an enterprise group with the reason (exit 2, nothing sent), as the API does', async () => {
		const before = await rulesOf(ids.isolated);
		const add = await runCli(world, [
			'rules',
			'add',
			...target(ids.isolated),
			'--rule',
			`tcp:3306:${ids.web}`,
			'--yes',
		]);
		expect(add.code).toBe(2);
		expect(add.stderr).toContain(
			`An advanced (enterprise) group cannot reference another security group (${ids.web})`,
		);
		expect(add.stdout).toBe('');
		expect(await rulesOf(ids.isolated)).toEqual(before);
		// The refusal is the API's own: the sandbox answers the call itself with the documented code.
		await expect(
			world.ecs.request(
				'AuthorizeSecurityGroup',
				{
					RegionId: region,
					SecurityGroupId: ids.isolated,
					Permissions: [{IpProtocol: 'tcp', PortRange: '3306/3306', SourceGroupId: ids.web}],
				},
				{method: 'POST'},
			),
		).rejects.toMatchObject({
			code: 'InvalidSourceGroupId.Mismatch',
			message: expect.stringContaining('An advanced (enterprise) security group cannot reference'),
		});
	});

	it('rules list changes nothing; a wrong action word is a usage error naming list', async () => {
		const before = await rulesOf(ids.web);
		const list = await runCli(world, ['rules', 'list', ...target(ids.web)]);
		expect(list.code).toBe(0);
		expect(list.stdout).toMatch(/inbound\s+TCP\s+22\s+0\.0\.0\.0\/0\s+accept\s+1/);
		expect(await rulesOf(ids.web)).toEqual(before);
		const wrong = await runCli(world, ['rules', 'lsit', ...target(ids.web)]);
		expect(wrong.code).toBe(2);
		expect(wrong.stderr).toContain('use rules list, rules add or rules remove');
	});
});

describe('ecs-sg groups', () => {
	it("lists the region's groups, filtered by VPC, as a table and as one JSON object", async () => {
		const other = await makeGroup(world.ecs, region, 'vpc-bp1other00000000001', 'other').catch(
			() => undefined,
		);
		const table = await runCli(world, ['groups', ...endpoint(), '--region', region]);
		expect(table.code).toBe(0);
		for (const id of [ids.web, ids.db, ids.isolated]) expect(table.stdout).toContain(id);
		const json = await runCli(world, [
			'groups',
			'list',
			...endpoint(),
			'--region',
			region,
			'--vpc',
			vpcId,
			'--json',
		]);
		expect(json.code).toBe(0);
		const report = JSON.parse(json.stdout);
		expect(report).toMatchObject({command: 'groups', action: 'list', regionId: region, vpcId});
		const listed = report.groups.map((g: {securityGroupId: string}) => g.securityGroupId).sort();
		expect(listed).toEqual([ids.web, ids.db, ids.isolated].sort());
		if (other) expect(listed).not.toContain(other);
	});

	it('does not delete a group with instances or one another group references, and says what to undo (exit 1)', async () => {
		const before = await groupIds();
		const withInstances = await runCli(world, ['groups', 'delete', ...target(ids.db), '--yes']);
		expect(withInstances.code).toBe(1);
		expect(withInstances.stderr).toContain(`Instances in ${ids.db} (2):`);
		expect(withInstances.stderr).toContain(ids.db01);
		expect(withInstances.stderr).toContain('DependencyViolation');

		const spare = await makeGroup(world.ecs, region, vpcId, 'spare');
		await runCli(world, ['rules', 'add', ...target(ids.web), '--rule', `tcp:5432:${spare}`, '--yes']);
		const referenced = await runCli(world, ['groups', 'delete', ...target(spare), '--yes', '--json']);
		expect(referenced.code).toBe(1);
		expect(JSON.parse(referenced.stdout)).toMatchObject({
			deleted: false,
			code: 'DependencyViolation',
			referencedBy: [{securityGroupId: ids.web}],
		});
		expect(referenced.stderr).toContain(`rules remove --group sg-ID --rule PROTO:PORTS:${spare}`);
		expect(await groupIds()).toEqual([...before, spare].sort());

		// Without --yes and without a terminal nothing is asked and nothing deleted.
		await runCli(world, ['rules', 'remove', ...target(ids.web), '--rule', `tcp:5432:${spare}`, '--yes']);
		const unsure = await runCli(world, ['groups', 'delete', ...target(spare)]);
		expect(unsure.code).toBe(2);
		const jsonUnsure = await runCli(world, ['groups', 'delete', ...target(spare), '--json']);
		expect(jsonUnsure.code).toBe(2);
		expect(await groupIds()).toContain(spare);

		const deleted = await runCli(world, ['groups', 'delete', ...target(spare), '--yes', '--json']);
		expect(deleted.code).toBe(0);
		expect(JSON.parse(deleted.stdout)).toMatchObject({
			deleted: true,
			securityGroupId: spare,
			referencedBy: [],
			instances: [],
		});
		expect(await groupIds()).toEqual(before);
	});

	it('names the problems of its flags (exit 2) before calling anything', async () => {
		const bad = await runCli(world, ['groups', 'remove', ...endpoint(), '--region', region, '--vpc', 'nope']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('use groups list or groups delete');
		expect(bad.stderr).toContain('--vpc');
	});
});
