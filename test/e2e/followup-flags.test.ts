// The follow-ups' flags-only path as processes (no terminal) against the sandbox: what they change is read back
// with pop-core; usage errors change nothing; --json is one object and nothing else on stdout.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {allRulesOf, followupState, groupsOfInstances, ids, region, runCli} from './followup-helpers.js';
import {openWorld, type World} from './wizard-helpers.js';

let world: World;
beforeEach(async () => {
	world = await openWorld(followupState);
});
afterEach(async () => {
	await world.close();
});

const endpoint = () => ['--endpoint', world.sandbox.endpoint];
/** The sandbox, the test region and `group`: where most of these commands act. */
const target = (group: string) => [...endpoint(), '--region', region, '--group', group];

describe('ecs-sg rules without a terminal', () => {
	it('adds and removes rules with --yes, says what already existed, and --json is one clean object', async () => {
		const add = await runCli(world, [
			'rules',
			'add',
			...target(ids.web),
			'--rule',
			'tcp:443:0.0.0.0/0',
			'--rule',
			'tcp:22:0.0.0.0/0',
			'--yes',
			'--json',
		]);
		expect(add.code).toBe(0);
		const report = JSON.parse(add.stdout);
		expect(add.stdout.trim().split('\n')).toHaveLength(1);
		expect(report).toMatchObject({command: 'rules', action: 'add', securityGroupId: ids.web});
		expect(report.added).toEqual([
			{
				direction: 'ingress',
				protocol: 'tcp',
				portRange: '443/443',
				peer: {kind: 'ipv4', cidr: '0.0.0.0/0'},
				policy: 'accept',
				priority: 1,
			},
		]);
		expect(report.unchanged).toHaveLength(1);
		expect(report.requestIds).toHaveLength(1);
		expect(add.stderr).toContain('tcp:22:0.0.0.0/0 is already a rule');

		const remove = await runCli(world, [
			'rules',
			'remove',
			...target(ids.web),
			'--rule',
			'tcp:80:0.0.0.0/0',
			'--yes',
		]);
		expect(remove.code).toBe(0);
		expect(remove.stdout).toMatch(/RevokeSecurityGroup \(1 rule\): done \(request /);
		expect(remove.stdout).toContain('removed: inbound TCP 80 0.0.0.0/0 (accept, priority 1)');

		const egress = await runCli(world, [
			'rules',
			'add',
			'--egress',
			...target(ids.web),
			'--rule',
			'udp:53:10.0.0.2',
			'--yes',
		]);
		expect(egress.code).toBe(0);
		expect(await allRulesOf(world.ecs, region, ids.web)).toEqual(
			[
				'egress udp 53/53 10.0.0.2 accept 1',
				'ingress tcp 22/22 0.0.0.0/0 accept 1',
				'ingress tcp 443/443 0.0.0.0/0 accept 1',
			].sort(),
		);
	});

	it('changes nothing and exits 2 naming every problem: no --yes, a rule that matches nothing, no --group', async () => {
		const noYes = await runCli(world, ['rules', 'add', ...target(ids.web), '--rule', 'tcp:8080:0.0.0.0/0']);
		expect(noYes.code).toBe(2);
		expect(noYes.stderr).toContain('needs --yes');
		const nothing = await runCli(world, [
			'rules',
			'remove',
			...target(ids.web),
			'--rule',
			'tcp:22:0.0.0.0/0',
			'--rule',
			'tcp:3306:10.0.0.0/8',
			'--yes',
		]);
		expect(nothing.code).toBe(2);
		expect(nothing.stderr).toContain('--rule tcp:3306:10.0.0.0/8: no inbound rule');
		const missing = await runCli(world, [
			'rules',
			'add',
			...endpoint(),
			'--region',
			region,
			'--rule',
			'tcp:1:0.0.0.0/0',
		]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/--group is required[\s\S]*needs --yes/);
		const elsewhere = await runCli(world, [
			'rules',
			...endpoint(),
			'--region',
			'cn-shanghai',
			'--group',
			ids.web,
		]);
		expect(elsewhere.code).toBe(2);
		expect(elsewhere.stderr).toContain(`${ids.web} is not a security group of cn-shanghai`);
		// A region ECS does not know is the --region flag's fault, not the group's.
		const nowhere = await runCli(world, [
			'rules',
			...endpoint(),
			'--region',
			'cn-nowhere',
			'--group',
			ids.web,
		]);
		expect(nowhere.code).toBe(2);
		expect(nowhere.stderr).toMatch(
			/--region: ECS does not know the region "cn-nowhere"; its regions are: .*cn-hangzhou/,
		);
		expect(nowhere.stderr).not.toContain('--group');
		expect(await allRulesOf(world.ecs, region, ids.web)).toHaveLength(2);
		for (const r of [noYes, nothing, missing, elsewhere, nowhere]) expect(r.stdout).toBe('');
	});

	it('refuses a change over the 200-rule limit before calling', async () => {
		const specs = Array.from({length: 199}, (_, i) => ['--rule', `tcp:${1000 + i}:10.0.0.0/8`]).flat();
		const result = await runCli(world, ['rules', 'add', ...target(ids.web), ...specs, '--yes']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/at most 200 rules .* it has 2, and 199 added less 0 removed makes 201/);
		expect(await allRulesOf(world.ecs, region, ids.web)).toHaveLength(2);
	});

	it('lists the rules without --yes, and finds the region from the last one used when --region is left out', async () => {
		const list = await runCli(world, ['rules', ...target(ids.web)]);
		expect(list.code).toBe(0);
		expect(list.stdout).toMatch(/inbound\s+TCP\s+80\s+0\.0\.0\.0\/0\s+accept\s+1/);
		// That run remembered nothing (it changed nothing); a change does, so the next command may leave --region out.
		await runCli(world, ['rules', 'add', ...target(ids.db), '--rule', 'icmp:-1:10.0.0.0/8', '--yes']);
		const json = await runCli(world, ['rules', ...endpoint(), '--group', ids.db, '--json']);
		expect(json.code).toBe(0);
		expect(json.stderr).toContain(`No --region given: using ${region}`);
		expect(JSON.parse(json.stdout).rules).toEqual([
			{
				direction: 'ingress',
				protocol: 'icmp',
				portRange: '-1/-1',
				peer: {kind: 'ipv4', cidr: '10.0.0.0/8'},
				policy: 'accept',
				priority: 1,
			},
		]);
	});
});

describe('ecs-sg instances without a terminal', () => {
	it('adds and removes instances, leaves alone those already as asked, and exits 2 on what the API would refuse', async () => {
		const add = await runCli(world, [
			'instances',
			'add',
			...target(ids.db),
			'--instance',
			ids.web01,
			'--instance',
			ids.web02,
			'--yes',
			'--json',
		]);
		expect(add.code).toBe(0);
		expect(JSON.parse(add.stdout)).toMatchObject({joined: [ids.web01], unchanged: [ids.web02], failed: []});
		expect((await groupsOfInstances(world.ecs, region))[ids.web01]).toEqual([ids.db, ids.web].sort());

		const mixed = await runCli(world, [
			'instances',
			'add',
			...target(ids.db),
			'--instance',
			ids.iso01,
			'--yes',
		]);
		expect(mixed.code).toBe(2);
		expect(mixed.stderr).toContain('cannot be in normal and enterprise groups at once');
		const last = await runCli(world, [
			'instances',
			'remove',
			...target(ids.db),
			'--instance',
			ids.db01,
			'--yes',
		]);
		expect(last.code).toBe(2);
		expect(last.stderr).toContain('must keep at least one security group');

		const remove = await runCli(world, [
			'instances',
			'remove',
			...target(ids.web),
			'--instance',
			ids.web02,
			'--yes',
		]);
		expect(remove.code).toBe(0);
		expect(remove.stdout).toMatch(/LeaveSecurityGroup i-bp1web0200000000001: done/);
		const now = await groupsOfInstances(world.ecs, region);
		expect(now[ids.web02]).toEqual([ids.db]);
		expect(now[ids.iso01]).toEqual([ids.isolated]);
		expect(now[ids.db01]).toEqual([ids.db]);
	});

	it('a call that fails after the checks is reported readably (exit 1) and changes nothing', async () => {
		world.sandbox.addFault({action: 'JoinSecurityGroup', kind: 'internal', count: 10});
		const result = await runCli(world, [
			'instances',
			'add',
			...target(ids.db),
			'--instance',
			ids.web01,
			'--yes',
		]);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/JoinSecurityGroup i-bp1web0100000000001: failed\. /);
		expect((await groupsOfInstances(world.ecs, region))[ids.web01]).toEqual([ids.web]);
	});
});
