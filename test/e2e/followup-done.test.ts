// The create wizard's Done screen offers the follow-ups for the new group, in the same process: r opens the rules
// screens, i the instances screen. The printed commands carry the run's target flags.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type PtySession, startPty} from '../helpers/pty.js';
import {allRulesOf, envOf, followupState, groupsOfInstances, ids, region, vpcId} from './followup-helpers.js';
import {defaultsToReview, keys, openWorld, shownGroupId, type World} from './wizard-helpers.js';

let world: World;
beforeEach(async () => {
	world = await openWorld(followupState);
});
afterEach(async () => {
	await world.close();
});

// A command wider than the screen goes on over lines ending in " \" (so that it still runs when copied): read it
// as the shell does, with each continuation joined and the line breaks taken out.
const flat = (screen: string): string => screen.replace(/ \\\s*\n\s*/g, ' ').replace(/\s+/g, ' ');

const created = ['--region', region, '--template', 'custom', '--vpc', vpcId, '--description', 'app tier'];

/** The wizard with every answer given by flags, confirmed on its last step; returned once Done shows `needle`. */
async function throughDone(name: string, needle: string): Promise<{p: PtySession; done: string}> {
	const p = world.wizard([...created, '--name', name]);
	await p.waitForText('Step 7 of 7');
	await p.press(keys.enter);
	return {p, done: await p.waitForText(needle)};
}

/** On the rules screen: queues the HTTP preset (TCP 80 from anywhere) and waits until it is listed. */
async function queueHttp(p: PtySession): Promise<void> {
	await p.press('p');
	await p.waitForText('Add a preset rule');
	// The console's quick-add order: SSH, Telnet, HTTP, ...
	await p.press(keys.down, keys.down, keys.enter);
	await p.waitForText(/Ports\s+80[\s\S]*Source\s+❯/);
	await p.press(keys.enter);
	await p.waitForText(/\+ inbound\s+TCP\s+80/);
}

describe('Done offers the follow-ups', () => {
	it('r: adds a rule to the group just created, then leaves with exit 0', async () => {
		const {p, done} = await throughDone('app-sg', 'r add rules now');
		const id = shownGroupId(done);
		// The commands shown talk to the same place as this run.
		// (A long command goes on over lines ending in " \": compare as the shell reads it.)
		expect(flat(done)).toContain(
			`ecs-sg rules --endpoint ${world.sandbox.endpoint} --region ${region} --group ${id}`,
		);
		await p.press('r');
		await p.waitForText(`app-sg (${id})`);
		expect(p.screen()).toContain('Step 1 of 2');
		await queueHttp(p);
		await p.press(keys.enter);
		// The rules screen already says "1 to add, 0 to remove": wait for the review's own keys.
		await p.waitForText('Enter/y apply');
		await p.press('y');
		await p.waitForText('Rules of the group now (1)');
		await p.press('q');
		expect(await p.exited).toBe(0);
		// The transcript keeps one line of the create.
		expect(p.screen()).toContain(`Created ${id} in ${region}.`);
		expect(await allRulesOf(world.ecs, region, id)).toEqual(['ingress tcp 80/80 0.0.0.0/0 accept 1']);
	});

	it('r, then Esc with a rule queued: asks before discarding it; n keeps it, y leaves with nothing applied', async () => {
		const {p, done} = await throughDone('keep-sg', 'r add rules now');
		const id = shownGroupId(done);
		await p.press('r');
		await p.waitForText(`keep-sg (${id})`);
		await queueHttp(p);
		await p.press(keys.escape);
		const asked = await p.waitForText('Leave without applying the queued changes (1 to add, 0 to remove)?');
		expect(flat(asked)).toContain('They will be discarded.');
		await p.press('n');
		// The question is gone and the rules screen's own keys are back.
		await p.waitForText(/^(?![\s\S]*Leave without applying)[\s\S]*Esc leave/);
		expect(p.screen()).toMatch(/\+ inbound\s+TCP\s+80/);
		await p.press(keys.escape);
		await p.waitForText('y discard');
		await p.press('y');
		expect(await p.exited).toBe(0);
		expect(await allRulesOf(world.ecs, region, id)).toEqual([]);
	});

	it('i: adds an instance to the group just created; Esc there leaves without cancelling (exit 0)', async () => {
		const {p, done} = await throughDone('svc-sg', 'i add instances now');
		const id = shownGroupId(done);
		await p.press('i');
		await p.waitForText(/\[ \]\s+web-01/);
		await p.press('web-01');
		await p.waitForText('(1 of 4)');
		await p.press(' ', keys.enter);
		await p.waitForText('Add to the group (1):');
		await p.press('y');
		await p.waitForText('Instances in the group now (1)');
		await p.press('m');
		await p.waitForText(/\[ \]\s+web-01/);
		await p.press(keys.escape);
		expect(await p.exited).toBe(0);
		expect((await groupsOfInstances(world.ecs, region))[ids.web01]).toEqual([id, ids.web].sort());
	});

	it('--sandbox runs print --sandbox in the commands; Enter leaves', async () => {
		// Not openWorld's --endpoint: this run starts its own sandbox in-process.
		const q = startPty(
			[
				'--lang',
				'en',
				'create',
				'--sandbox',
				'--region',
				'cn-hangzhou',
				'--template',
				'custom',
				'--name',
				'sb-sg',
			],
			{env: envOf(world)},
		);
		await defaultsToReview(q);
		await q.waitForText('Step 7 of 7');
		await q.press(keys.enter);
		const done = await q.waitForText('r add rules now');
		const id = shownGroupId(done);
		expect(flat(done)).toContain(`ecs-sg rules --sandbox --region cn-hangzhou --group ${id}`);
		expect(flat(done)).toContain(`ecs-sg instances --sandbox --region cn-hangzhou --group ${id}`);
		await q.press(keys.enter);
		expect(await q.exited).toBe(0);
		q.kill('SIGKILL');
	});
});
