// `ecs-sg resume` in a real terminal: it shows what exists and asks what to do with it.
import {afterEach, describe, expect, it} from 'vitest';
import {keys, type PtySession, startPty} from '../helpers/pty.js';
import {type E2eWorld, killedMidway, startE2eWorld, webLinuxRules} from '../submit/cli.js';

let world: E2eWorld | undefined;
let session: PtySession | undefined;
afterEach(async () => {
	session?.kill();
	session = undefined;
	await world?.close();
	world = undefined;
});

describe('ecs-sg resume in a terminal', () => {
	it('shows what exists and deletes it when asked', async () => {
		world = await startE2eWorld();
		const id = await killedMidway(world);
		session = startPty(['resume'], {env: world.env});
		const screen = await session.waitForText('What should happen to it?');
		expect(screen).toContain(`security group ${id} exists; 0 of 4 rules are applied`);
		expect(screen).toContain('missing: TCP 22 from 0.0.0.0/0');
		expect(screen).toContain('Finish it');
		await session.press(keys.down, keys.enter);
		await session.waitForText(`Deleted security group ${id}`);
		expect(await session.exited).toBe(0);
		expect(await world.groupsNamed('web-sg')).toEqual([]);
		expect(world.journal()).toEqual([]);
	});

	it('Ctrl+C and "leave" keep everything; "finish" completes it', async () => {
		world = await startE2eWorld();
		const id = await killedMidway(world);
		session = startPty(['resume'], {env: world.env});
		await session.waitForText('What should happen to it?');
		await session.press(keys.ctrlC);
		expect(await session.exited).toBe(130);
		// The last frame may still be on its way to the screen when the exit is seen: wait for it (fails if never).
		await session.waitForText('kept for "ecs-sg resume"');
		expect(world.journal()).toHaveLength(1);

		session = startPty(['resume'], {env: world.env});
		await session.waitForText('What should happen to it?');
		await session.press(keys.down, keys.down, keys.enter);
		await session.waitForText('Left as it is');
		expect(await session.exited).toBe(0);
		expect(world.journal()).toHaveLength(1);

		session = startPty(['resume'], {env: world.env});
		await session.waitForText('What should happen to it?');
		await session.press(keys.enter);
		await session.waitForText(`Created security group ${id}`);
		expect(await session.exited).toBe(0);
		expect(await world.groupsNamed('web-sg')).toEqual([{id, rules: webLinuxRules}]);
		expect(world.journal()).toEqual([]);
	});
});
