// Networks fail: the sandbox's faults against the flags path, then `resume` finishing or deleting what is left.
import {afterEach, describe, expect, it} from 'vitest';
import {readProgress, submit, unfinishedEntries} from '../../source/cloud/engine.js';
import {openServices} from '../../source/commands/services.js';
import {planFromAnswers} from '../../source/domain/plan.js';
import {answers} from './fixtures.js';
import {
	captureIo,
	create,
	type GroupRecord,
	required,
	resume,
	ruleOf,
	startWorld,
	type World,
} from './harness.js';

let world: World | undefined;
afterEach(async () => {
	await world?.close();
	world = undefined;
});

const named = (w: World, name = 'web-sg'): GroupRecord[] =>
	w.groups().filter((g) => g.SecurityGroupName === name);
const template = [
	'icmp -1/-1 0.0.0.0/0 accept 1 intranet',
	'tcp 22/22 0.0.0.0/0 accept 1 intranet',
	'tcp 443/443 0.0.0.0/0 accept 1 intranet',
	'tcp 80/80 0.0.0.0/0 accept 1 intranet',
];
const rulesOf = (g: GroupRecord | undefined) => (g?.Permissions ?? []).map(ruleOf).sort();

describe('faults on the way', () => {
	it('ends with exactly one group when the create response is lost', async () => {
		world = await startWorld({faults: [{action: 'CreateSecurityGroup', kind: 'lose', count: 1}]});
		const r = await create(world, [...required(world), '--json']);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/CreateSecurityGroup: .*trying again/);
		const groups = named(world);
		expect(groups).toHaveLength(1);
		expect(JSON.parse(r.stdout).securityGroupId).toBe(groups[0]?.SecurityGroupId);
		expect(rulesOf(groups[0])).toEqual(template);
	});

	it('adds each rule once when the authorize response is lost', async () => {
		world = await startWorld({faults: [{action: 'AuthorizeSecurityGroup', kind: 'lose', count: 1}]});
		const r = await create(world, required(world));
		expect(r.code).toBe(0);
		expect(rulesOf(named(world)[0])).toEqual(template);
	});

	it('succeeds through a burst of throttling, saying so on stderr', async () => {
		world = await startWorld({
			faults: [
				{action: 'CreateSecurityGroup', kind: 'throttle', count: 2},
				{action: 'AuthorizeSecurityGroup', kind: 'throttle', count: 1},
			],
		});
		const r = await create(world, required(world));
		expect(r.code).toBe(0);
		expect(r.stderr.match(/Throttling/g)?.length).toBe(3);
		expect(r.stderr).toMatch(
			/CreateSecurityGroup: Throttling\.User; trying again within [\d.]+ s \(attempt 3\)/,
		);
		expect(named(world)).toHaveLength(1);
		expect(world.journal()).toEqual([]);
	});
});

describe('resume', () => {
	/** A create whose authorize failed for good: the adapter's four tries all met InternalError. */
	async function halfMade(w: World) {
		w.sandbox.addFault({action: 'AuthorizeSecurityGroup', kind: 'internal', count: 4});
		const r = await create(w, required(w));
		expect(r.code).toBe(1);
		return r;
	}

	it('says so when there is nothing to resume', async () => {
		world = await startWorld();
		const r = await resume(world, []);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('No unfinished creates');
		expect(JSON.parse((await resume(world, ['--json'])).stdout)).toEqual({resumed: []});
	});

	it('keeps the journal after a persistent InternalError, then finishes without a second group', async () => {
		world = await startWorld();
		const failed = await halfMade(world);
		const [group] = named(world);
		expect(failed.stderr).toContain('Error: ');
		expect(failed.stderr).toContain(
			`Security group ${group?.SecurityGroupId} was created in cn-hangzhou, but 4 of 4`,
		);
		expect(failed.stderr).toContain('ecs-sg resume');
		expect(failed.stdout).toBe('');
		expect(world.journal()).toHaveLength(1);
		expect(group?.Permissions).toEqual([]);

		const r = await resume(world, ['--yes']);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain(`security group ${group?.SecurityGroupId} exists; 0 of 4 rules are applied`);
		expect(r.stderr).toContain('missing: TCP 22 from 0.0.0.0/0');
		expect(r.stdout).toContain(`Created security group ${group?.SecurityGroupId}`);
		expect(named(world)).toHaveLength(1);
		expect(rulesOf(named(world)[0])).toEqual(template);
		expect(world.journal()).toEqual([]);
	});

	it('deletes the half-made group with --delete --yes', async () => {
		world = await startWorld();
		await halfMade(world);
		const [group] = named(world);
		const r = await resume(world, ['--delete', '--yes', '--json']);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual({
			resumed: [{journalId: expect.any(String), action: 'deleted', securityGroupId: group?.SecurityGroupId}],
		});
		expect(named(world)).toEqual([]);
		expect(world.journal()).toEqual([]);
	});

	it('changes nothing without --yes when not in a terminal, and names the flags', async () => {
		world = await startWorld();
		await halfMade(world);
		const before = world.sandbox.snapshot();
		const r = await resume(world, []);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--yes');
		expect(r.stderr).toContain('--delete --yes');
		expect(r.stderr).toMatch(/security group sg-\w+ exists; 0 of 4/);
		expect(world.sandbox.snapshot()).toEqual(before);
		expect(world.journal()).toHaveLength(1);
	});

	it('asks in a terminal: leave keeps everything, finish completes it', async () => {
		world = await startWorld();
		await halfMade(world);
		const left = await resume(world, [], {interactive: true, deps: {ask: async () => 'leave'}});
		expect(left.code).toBe(0);
		expect(left.stdout).toContain('Left as it is');
		expect(world.journal()).toHaveLength(1);
		const finished = await resume(world, [], {interactive: true, deps: {ask: async () => 'finish'}});
		expect(finished.code).toBe(0);
		expect(rulesOf(named(world)[0])).toEqual(template);
	});

	it('asks to confirm a delete given without --yes in a terminal', async () => {
		world = await startWorld();
		await halfMade(world);
		const no = await resume(world, ['--delete'], {
			interactive: true,
			deps: {confirmDelete: async () => false},
		});
		expect(no.code).toBe(0);
		expect(named(world)).toHaveLength(1);
		const yes = await resume(world, ['--delete'], {
			interactive: true,
			deps: {confirmDelete: async () => true},
		});
		expect(yes.code).toBe(0);
		expect(named(world)).toEqual([]);
	});

	it('exits 130 and keeps the entry when the prompt is cancelled', async () => {
		world = await startWorld();
		await halfMade(world);
		const exit = Object.assign(new Error('User force closed the prompt'), {name: 'ExitPromptError'});
		const r = await resume(world, [], {
			interactive: true,
			deps: {
				ask: async () => {
					throw exit;
				},
			},
		});
		expect(r.code).toBe(130);
		expect(world.journal()).toHaveLength(1);
	});

	it('finishes a create whose answer never came (no group id known) with one group', async () => {
		world = await startWorld();
		// Four resets: the adapter gives up and nothing was created, but the engine cannot know that.
		world.sandbox.addFault({action: 'CreateSecurityGroup', kind: 'reset', count: 4});
		const failed = await create(world, required(world));
		expect(failed.code).toBe(1);
		expect(failed.stderr).toContain('may or may not exist');
		expect(named(world)).toEqual([]);
		const r = await resume(world, ['--yes']);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain('its answer never arrived');
		expect(named(world)).toHaveLength(1);
		expect(rulesOf(named(world)[0])).toEqual(template);
	});

	it('finishes after the process died between the two calls', async () => {
		world = await startWorld();
		const io = captureIo(world.env);
		const services = await openServices({endpoint: world.sandbox.endpoint, sandbox: false}, io);
		const plan = planFromAnswers(answers({vpcId: world.vpc()}));
		// The process "dies" while AuthorizeSecurityGroup is in flight: that call never returns.
		const api = Object.assign(Object.create(services.api), {
			authorizeSecurityGroup: () => new Promise(() => {}),
		});
		void submit(plan, {api, journal: services.store.journal, target: services.target});
		await expect
			.poll(() => unfinishedEntries(services.store.journal).map((e) => readProgress(e)?.groupId))
			.toEqual([expect.stringMatching(/^sg-/)]);
		await services.close();

		const r = await resume(world, ['--yes']);
		expect(r.code).toBe(0);
		expect(named(world)).toHaveLength(1);
		expect(rulesOf(named(world)[0])).toEqual(template);
		expect(world.journal()).toEqual([]);
	});

	it('forgets a group that was deleted meanwhile', async () => {
		world = await startWorld();
		await halfMade(world);
		await resume(world, ['--delete', '--yes']);
		// Put the entry back as if the delete had happened elsewhere.
		await halfMade(world);
		const [group] = named(world);
		const io = captureIo(world.env);
		const services = await openServices({endpoint: world.sandbox.endpoint, sandbox: false}, io);
		await services.api.deleteSecurityGroup('cn-hangzhou', group?.SecurityGroupId ?? '');
		await services.close();
		const r = await resume(world, ['--yes']);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain('no longer exists');
		expect(named(world)).toEqual([]);
		expect(world.journal()).toEqual([]);
	});
});
