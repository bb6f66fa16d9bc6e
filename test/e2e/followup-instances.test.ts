// `ecs-sg instances` in a real terminal against the sandbox: pick the group, see each instance's groups, select
// several (refusals shown up front), review, apply, then a second round removing one; checked with pop-core.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {followup, followupState, groupsOfInstances, ids, region} from './followup-helpers.js';
import {keys, openWorld, type World} from './wizard-helpers.js';

let world: World;
beforeEach(async () => {
	world = await openWorld(followupState);
});
afterEach(async () => {
	await world.close();
});

describe('ecs-sg instances in a terminal', () => {
	it('adds several instances, refuses what the API would, then removes one in a second round', async () => {
		const p = followup(world, 'instances', ['--region', region]);
		// The list, not only the heading (it shows while the groups load): typed keys filter only a list.
		await p.waitForText('(3 of 3)');
		await p.press('db');
		await p.waitForText('(1 of 3)');
		await p.press(keys.enter);
		await p.waitForText(/\[ \]\s+web-01/);

		// iso-01 is in an enterprise group: refused up front, with the reason.
		await p.press('iso');
		await p.waitForText('(1 of 4)');
		await p.press(' ');
		await p.waitForText(/cannot\s+be\s+in\s+normal\s+and\s+enterprise\s+groups\s+at\s+once/);
		// db-01 is only in db: it cannot leave its last group.
		await p.press(keys.escape, 'db-01');
		await p.waitForText('(1 of 4)');
		await p.press(' ');
		await p.waitForText(/must keep at least\s+one\s+security\s+group/);
		// Ctrl+A on everything shown selects those that can join: web-01 only (web-02 is in already).
		await p.press(keys.escape, '\u0001');
		await p.waitForText(/\[\+\]\s+web-01/);
		expect(p.screen()).toContain('1 selected to add, 0 to remove.');
		await p.press(keys.enter);
		const review = await p.waitForText('Add to the group (1):');
		expect(review).toMatch(/\+ web-01\s+i-bp1web0100000000001\s+10\.0\.0\.5/);
		await p.press('y');
		let done = await p.waitForText('Instances in the group now (3)');
		expect(done).toMatch(/✔ JoinSecurityGroup i-bp1web0100000000001\s+done/);
		expect(done).toContain('1 instance added to the group.');
		expect((await groupsOfInstances(world.ecs, region))[ids.web01]).toEqual([ids.db, ids.web].sort());

		// Second round: take web-02 out (it keeps web).
		await p.press('m');
		await p.waitForText(/\[ \]\s+web-02/);
		await p.press('web-02');
		await p.waitForText('(1 of 4)');
		await p.press(' ');
		await p.waitForText(/\[-\]\s+web-02/);
		await p.press(keys.enter);
		await p.waitForText('Remove from the group (1):');
		await p.press(keys.enter);
		done = await p.waitForText('Instances in the group now (2)');
		expect(done).toMatch(/✔ LeaveSecurityGroup i-bp1web0200000000001\s+done/);
		await p.press(keys.enter);
		expect(await p.exited).toBe(0);

		const now = await groupsOfInstances(world.ecs, region);
		expect(now[ids.web02]).toEqual([ids.web]);
		expect(now[ids.web01]).toEqual([ids.db, ids.web].sort());
		expect(now[ids.iso01]).toEqual([ids.isolated]);
		expect(now[ids.db01]).toEqual([ids.db]);
	});

	it('instances add without --yes opens the screen with the flags’ instances selected', async () => {
		const p = followup(world, 'instances', [
			'add',
			'--region',
			region,
			'--group',
			ids.db,
			'--instance',
			ids.web01,
		]);
		await p.waitForText(/\[\+\]\s+web-01/);
		await p.press(keys.enter);
		await p.waitForText('Add to the group (1):');
		await p.press(keys.escape, keys.escape);
		// Leaving with an instance selected asks first; y discards the selection.
		await p.waitForText('discard the selection (1 to add, 0 to remove)?');
		await p.press('y');
		await p.waitForText('Security group');
		await p.press(keys.escape, keys.escape);
		expect(await p.exited).toBe(130);
		expect((await groupsOfInstances(world.ecs, region))[ids.web01]).toEqual([ids.web]);
	});
});
