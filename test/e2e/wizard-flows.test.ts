// The wizard from start to the Done screen, in a real terminal, against `ecs-sg sandbox`: each template and both
// network types. What the screen says was created is then checked with pop-core directly.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {PtySession} from '../helpers/pty.js';
import {
	defaultsToReview,
	groupsNamed,
	keys,
	openWorld,
	rulesOf,
	shownGroupId,
	vpcNamed,
	type World,
} from './wizard-helpers.js';

let world: World;
beforeEach(async () => {
	world = await openWorld();
});
afterEach(async () => {
	await world.close();
});

/** Waits for the Done screen (the follow-ups offered for the new group) and leaves it with q: exit 0. */
async function leaveDone(p: PtySession): Promise<string> {
	const screen = await p.waitForText('Next (follow-up operations)');
	await p.press('q');
	expect(await p.exited).toBe(0);
	return screen;
}

describe('the wizard creates what it shows', () => {
	it('Web Server Linux in a VPC: filter the region and the VPC by typing, refuse a bad name, then fix it', async () => {
		const p = world.wizard();
		await p.waitForText('Step 1 of 7');
		await p.press('hangzhou');
		await p.waitForText('(1 of');
		await p.press(keys.enter);
		await p.waitForText('Rules of Web Server Linux');
		await p.press(keys.enter);
		await p.waitForText('Step 3 of 7');
		await p.press('1web');
		await p.waitForText('must start with a letter');
		await p.press(keys.enter);
		await p.waitForText('must start with a letter');
		await p.press('\u0015', 'web-linux-sg', keys.enter);
		await p.waitForText('Step 4 of 7');
		await p.press('web tier', keys.enter);
		await p.waitForText('Step 5 of 7');
		await p.press(keys.enter);
		await p.waitForText('Step 6 of 7');
		await p.press('prod');
		await p.waitForText('(1 of');
		await p.press(keys.enter);
		await p.waitForText(/6 VPC\s+prod/);
		await p.press(keys.enter);
		const screen = await leaveDone(p);
		expect(screen).toMatch(/✔ CreateSecurityGroup\s+done/);
		// The follow-up commands carry this run's --endpoint (too wide for the screen, they go on over lines ending
		// in " \", which the shell joins: compare them joined).
		expect(screen.replace(/ \\\s*\n\s*/g, ' ').replace(/\s+/g, ' ')).toContain(
			`ecs-sg rules --endpoint ${world.sandbox.endpoint} --region cn-hangzhou --group`,
		);

		const id = shownGroupId(screen);
		const [group] = await groupsNamed(world.ecs, 'cn-hangzhou', 'web-linux-sg');
		expect(group?.SecurityGroupId).toBe(id);
		expect(group?.VpcId).toBe(await vpcNamed(world.sandbox, 'cn-hangzhou', 'prod'));
		expect(await rulesOf(world.ecs, 'cn-hangzhou', id)).toEqual(
			[
				'tcp 80/80 0.0.0.0/0 accept',
				'tcp 443/443 0.0.0.0/0 accept',
				'tcp 22/22 0.0.0.0/0 accept',
				'icmp -1/-1 0.0.0.0/0 accept',
			].sort(),
		);
	});

	it('Web Server Windows in a VPC, RDP narrowed in the rule editor, Esc back keeping answers', async () => {
		const p = world.wizard(['--region', 'cn-shanghai']);
		await p.waitForText('Rules of Web Server Linux');
		await p.press(keys.down);
		await p.waitForText('Rules of Web Server Windows');
		await p.press(keys.tab);
		await p.waitForText('Editing the rules');
		await p.press(keys.down, keys.down, 's');
		await p.waitForText('New source for TCP 3389');
		await p.press('\u0015', '203.0.113.0/24', keys.enter);
		await p.waitForText(/TCP\s+3389\s+203\.0\.113\.0\/24/);
		await p.press(keys.enter);
		await p.waitForText('Rules of Web Server Windows');
		await p.press(keys.enter);
		await p.waitForText('Step 3 of 7');
		await p.press('win-sg', keys.enter);
		await p.waitForText('Step 4 of 7');
		// Back to Name: the name typed is still there; back again to Template, then forward.
		await p.press(keys.escape);
		await p.waitForText('❯ win-sg');
		await p.press(keys.escape);
		await p.waitForText('Rules of Web Server Windows');
		expect(p.screen()).toMatch(/TCP\s+3389\s+203\.0\.113\.0\/24/);
		await p.press(keys.enter);
		await p.waitForText('❯ win-sg');
		await p.press(keys.enter);
		await defaultsToReview(p);
		await p.waitForText('Step 7 of 7');
		await p.press('y');
		const screen = await leaveDone(p);

		const id = shownGroupId(screen);
		expect(await rulesOf(world.ecs, 'cn-shanghai', id)).toEqual(
			[
				'tcp 80/80 0.0.0.0/0 accept',
				'tcp 443/443 0.0.0.0/0 accept',
				'tcp 3389/3389 203.0.113.0/24 accept',
				'icmp -1/-1 0.0.0.0/0 accept',
			].sort(),
		);
	});

	it('Custom in a VPC, with the name changed from Review', async () => {
		const p = world.wizard(['--region', 'cn-beijing', '--template', 'custom', '--name', 'draft-sg']);
		await defaultsToReview(p);
		await p.waitForText(/3 Name\s+draft-sg/);
		await p.press('3');
		await p.waitForText('❯ draft-sg');
		await p.press('\u0015', 'custom-sg', keys.enter);
		await p.waitForText(/3 Name\s+custom-sg/);
		expect(p.screen()).toContain('Step 7 of 7');
		await p.press(keys.enter);
		const screen = await leaveDone(p);
		expect(screen).toContain('Rules applied (0)');

		const id = shownGroupId(screen);
		expect(await groupsNamed(world.ecs, 'cn-beijing', 'draft-sg')).toEqual([]);
		const [group] = await groupsNamed(world.ecs, 'cn-beijing', 'custom-sg');
		expect(group?.SecurityGroupId).toBe(id);
		expect(await rulesOf(world.ecs, 'cn-beijing', id)).toEqual([]);
	});

	it('Web Server Linux in the classic network, where the region still offers it', async () => {
		const p = world.wizard(['--region', 'cn-hangzhou', '--template', 'web-linux', '--name', 'legacy-sg']);
		await p.waitForText('Step 4 of 7');
		await p.press(keys.enter);
		await p.waitForText('end of life 2025-02-28');
		await p.press(keys.down, keys.enter);
		const review = await p.waitForText('Step 6 of 6');
		expect(review).toMatch(/5 Network\s+Classic/);
		await p.press(keys.enter);
		const screen = await leaveDone(p);
		expect(screen).toContain('classic network');

		const id = shownGroupId(screen);
		const [group] = await groupsNamed(world.ecs, 'cn-hangzhou', 'legacy-sg');
		expect(group?.SecurityGroupId).toBe(id);
		expect(group?.VpcId ?? '').toBe('');
		expect(await rulesOf(world.ecs, 'cn-hangzhou', id)).toHaveLength(4);
	});

	it('--dry-run with answers missing asks for them, then prints the plan and creates nothing', async () => {
		const p = world.wizard([
			'--dry-run',
			'--region',
			'cn-hangzhou',
			'--template',
			'web-linux',
			'--name',
			'plan-sg',
		]);
		await defaultsToReview(p);
		await p.waitForText('Enter/y show the plan');
		await p.press(keys.enter);
		const screen = await p.waitForText('aliyun ecs CreateSecurityGroup');
		expect(await p.exited).toBe(0);
		expect(screen).toContain('plan-sg');
		expect(await groupsNamed(world.ecs, 'cn-hangzhou', 'plan-sg')).toEqual([]);
	});

	it('--yes with every answer given goes straight to Submitting and Done', async () => {
		const vpcId = await vpcNamed(world.sandbox, 'cn-shenzhen', 'default-vpc');
		const p = world.wizard([
			'--region',
			'cn-shenzhen',
			'--template',
			'web-linux',
			'--source',
			'10.0.0.0/8',
			'--name',
			'quick-sg',
			'--vpc',
			vpcId,
			'--yes',
		]);
		const screen = await p.waitForText('Next (follow-up operations)');
		expect(await p.exited).toBe(0);
		expect(p.raw()).not.toContain('Check everything');
		const id = shownGroupId(screen);
		expect(await rulesOf(world.ecs, 'cn-shenzhen', id)).toContain('tcp 22/22 10.0.0.0/8 accept');
	});
});
