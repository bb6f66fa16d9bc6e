// `ecs-sg groups delete` in a real terminal against the sandbox: the group is picked from the list, what would
// stop the delete is shown, the question is asked; no keeps the group (exit 0), Ctrl+C exits 130, yes deletes it.
// What exists is read with pop-core.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startPty} from '../helpers/pty.js';
import {envOf, followupState, makeGroup, region, vpcId} from './followup-helpers.js';
import {keys, openWorld, type World} from './wizard-helpers.js';

let world: World;
beforeEach(async () => {
	world = await openWorld(followupState);
});
afterEach(async () => {
	await world.close();
});

const groupsCommand = (args: string[]) =>
	startPty(
		['--lang', 'en', 'groups', 'delete', '--endpoint', world.sandbox.endpoint, '--region', region, ...args],
		{
			env: envOf(world),
			cols: 100,
			rows: 30,
		},
	);

async function exists(groupId: string): Promise<boolean> {
	const answer = (await world.ecs.request(
		'DescribeSecurityGroups',
		{RegionId: region},
		{method: 'POST'},
	)) as {
		SecurityGroups: {SecurityGroup: {SecurityGroupId: string}[]};
	};
	return answer.SecurityGroups.SecurityGroup.some((g) => g.SecurityGroupId === groupId);
}

describe('ecs-sg groups delete in a terminal', () => {
	it('asks before deleting: no keeps it, Ctrl+C exits 130, yes deletes it', async () => {
		const spare = await makeGroup(world.ecs, region, vpcId, 'spare');

		const no = groupsCommand(['--group', spare]);
		const asked = await no.waitForText(`Delete ${spare} (spare) and its rules?`);
		expect(asked).toContain('No other group references it and no instance is in it.');
		await no.press('n', keys.enter);
		await no.waitForText(`Kept ${spare}: nothing was deleted.`);
		expect(await no.exited).toBe(0);
		expect(await exists(spare)).toBe(true);

		const stop = groupsCommand(['--group', spare]);
		await stop.waitForText(`Delete ${spare} (spare) and its rules?`);
		await stop.press(keys.ctrlC);
		expect(await stop.exited).toBe(130);
		expect(await exists(spare)).toBe(true);

		// Without --group the group is picked from the region's list: spare is the newest, first or not.
		const yes = groupsCommand([]);
		await yes.waitForText('Security group of cn-hangzhou to delete');
		for (let i = 0; i < 6 && !/❯ sg-\S+\s+spare/.test(yes.screen()); i++) await yes.press(keys.down);
		expect(yes.screen()).toMatch(/❯ sg-\S+\s+spare/);
		await yes.press(keys.enter);
		await yes.waitForText(`Delete ${spare} (spare) and its rules?`);
		await yes.press('y', keys.enter);
		await yes.waitForText(`Deleted ${spare} (spare) in ${region}.`);
		expect(await yes.exited).toBe(0);
		expect(await exists(spare)).toBe(false);
	});
});
