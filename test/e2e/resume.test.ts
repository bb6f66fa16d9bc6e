// `ecs-sg resume` as its own process, after a create that failed for good or was killed mid-way, or with an entry
// broken by hand.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {startPty} from '../helpers/pty.js';
import {
	createArgs,
	type E2eWorld,
	killedMidway,
	runCli,
	startE2eWorld,
	webLinuxRules,
} from '../submit/cli.js';

let world: E2eWorld | undefined;
afterEach(async () => {
	await world?.close();
	world = undefined;
});

describe('ecs-sg resume', () => {
	it('after a persistent InternalError on authorize: exit 1, journal kept, resume finishes with one group', async () => {
		// Four failures: every try the adapter makes.
		world = await startE2eWorld(['AuthorizeSecurityGroup:internal:4']);
		const failed = await runCli(await createArgs(world), world.env);
		expect(failed.code).toBe(1);
		expect(failed.stderr).toMatch(/Security group sg-\w+ was created in cn-hangzhou, but 4 of 4 rules/);
		expect(failed.stderr).toContain('ecs-sg resume');
		expect(failed.stderr).not.toMatch(/\n\s+at /);
		expect(world.journal()).toHaveLength(1);

		const refused = await runCli(['resume'], world.env);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('--delete --yes');

		const r = await runCli(['resume', '--yes'], world.env);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain('0 of 4 rules are applied');
		expect(r.stdout).toMatch(/Created security group sg-\w+/);
		const groups = await world.groupsNamed('web-sg');
		expect(groups).toEqual([{id: expect.any(String), rules: webLinuxRules}]);
		expect(world.journal()).toEqual([]);
	});

	it('after the process was killed between the two calls, resume finishes it', async () => {
		world = await startE2eWorld();
		const id = await killedMidway(world);
		expect(world.journal()).toHaveLength(1);
		expect(await world.groupsNamed('web-sg')).toEqual([{id, rules: []}]);

		const r = await runCli(['resume', '--yes', '--json'], world.env);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.resumed).toHaveLength(1);
		expect(out.resumed[0]).toMatchObject({action: 'finished', regionId: 'cn-hangzhou', name: 'web-sg'});
		expect(await world.groupsNamed('web-sg')).toEqual([{id, rules: webLinuxRules}]);
		expect(world.journal()).toEqual([]);
	});

	it('resume --delete --yes deletes the half-made group', async () => {
		world = await startE2eWorld();
		const id = await killedMidway(world);
		const r = await runCli(['resume', '--delete', '--yes'], world.env);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(`Deleted security group ${id}`);
		expect(await world.groupsNamed('web-sg')).toEqual([]);
		expect(world.journal()).toEqual([]);
		const again = await runCli(['resume'], world.env);
		expect(again.code).toBe(0);
		expect(again.stdout).toContain('No unfinished creates');
	});

	it('an entry broken by hand: resume and the wizard say which and what, never crash; --delete forgets it', async () => {
		world = await startE2eWorld();
		const id = await killedMidway(world);
		const file = path.join(world.env.ECS_SG_CONFIG_DIR, 'config.json');
		const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as {journal: Record<string, {payload: object}>};
		const [key] = Object.keys(doc.journal);
		if (!key) throw new Error('no journal entry');
		const entry = doc.journal[key] as {payload: {plan: {authorize: unknown[]}}};
		entry.payload.plan.authorize = [null];
		fs.writeFileSync(file, JSON.stringify(doc));

		const said = await runCli(['resume', '--yes'], world.env);
		expect(said.code).toBe(2);
		expect(said.stderr).toContain(
			`The unfinished create ${key} in the settings file cannot be read: payload.plan.authorize[0] should be an object (found null).`,
		);
		expect(said.stderr).toContain(`It names security group ${id} in cn-hangzhou, which may still exist.`);
		expect(said.stderr).toContain(
			`Run "ecs-sg resume --delete" to forget it (nothing in the cloud is changed), or correct it in ${file}.`,
		);
		expect(said.stderr).not.toContain('Something went wrong');

		const json = await runCli(['resume', '--yes', '--json'], world.env);
		expect(JSON.parse(json.stdout)).toEqual({
			resumed: [{journalId: key, action: 'unreadable', problem: expect.stringContaining('authorize[0]')}],
		});

		// The wizard starts all the same, saying the same above its first step.
		const wizard = startPty(['create', ...world.target], {
			env: {...world.env, LANG: 'en_US.UTF-8'},
			cols: 200,
		});
		try {
			const screen = await wizard.waitForText('Step 1 of 7');
			expect(screen).toContain(`The unfinished create ${key} in the settings file cannot be read`);
			expect(screen).toContain('ecs-sg resume --delete');
		} finally {
			wizard.kill('SIGKILL');
		}

		const forgot = await runCli(['resume', '--delete', '--yes'], world.env);
		expect(forgot.code).toBe(0);
		expect(forgot.stdout).toContain(`Forgot the unreadable entry ${key}`);
		expect(forgot.stderr).toContain(
			`aliyun ecs DeleteSecurityGroup --RegionId cn-hangzhou --SecurityGroupId ${id}`,
		);
		expect(world.journal()).toEqual([]);
		// Nothing in the cloud was touched: the half-made group is still there.
		expect(await world.groupsNamed('web-sg')).toEqual([{id, rules: []}]);
	});
});
