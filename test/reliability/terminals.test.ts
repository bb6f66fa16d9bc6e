// Small and odd terminals: 40x12, very wide, resized mid-step, TERM=dumb, NO_COLOR. The wizard never crashes,
// each step stays readable in what is visible (its heading and its choices), and a create still goes through.
// A dumb terminal cannot redraw, so it gets plain lines and answers from flags, like a pipe.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {webLinuxFlags} from '../helpers/cli.js';
import {keys, sandboxEnv, sleep} from '../helpers/pty.js';
import {groupsNamedIn} from '../helpers/snapshot.js';
import {esc} from '../helpers/unsafe-text.js';
import {type ShellPty, type ShellPtyOptions, startShellPty} from './shell-pty.js';

let sandbox: Sandbox;
let home: string;
const sessions: ShellPty[] = [];

beforeEach(async () => {
	sandbox = await startSandbox({port: 0});
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-terminals-'));
});
afterEach(async () => {
	for (const session of sessions.splice(0)) session.kill();
	await sandbox.close();
	fs.rmSync(home, {recursive: true, force: true});
});

const sgr = new RegExp(`${esc}\\[[0-9;]*m`);

function run(args: string[], options: ShellPtyOptions = {}): ShellPty {
	const session = startShellPty(['--lang', 'en', ...args], {
		...options,
		env: {
			...sandboxEnv(home, sandbox),
			...options.env,
		},
	});
	sessions.push(session);
	return session;
}

const wizard = (args: string[], options: ShellPtyOptions = {}) =>
	run(['create', '--endpoint', sandbox.endpoint, ...args], options);

const groupsNamed = (name: string) => groupsNamedIn(sandbox, name);

/**
 * Waits until a step's heading and, for a list, its highlighted choice (the list has arrived) are visible now,
 * not only somewhere in the scrollback; fails with what is visible if that never happens.
 */
async function atStep(session: ShellPty, n: number, list: boolean): Promise<string> {
	const heading = `Step ${n} of 7`;
	const deadline = Date.now() + 15_000;
	for (;;) {
		await session.waitForText(heading);
		const visible = session.viewport();
		const ready = visible.includes(heading) && (!list || /❯ \S/.test(visible));
		if (ready || Date.now() > deadline) {
			expect(visible).toContain(heading);
			if (list) expect(visible).toMatch(/❯ \S/);
			return visible;
		}
		await sleep(25);
	}
}

/** Confirms on Review and waits for the end (leaving the Done screen if it waits for a key). */
async function confirmAndFinish(session: ShellPty, name: string): Promise<number> {
	await session.press(keys.enter);
	const deadline = Date.now() + 15_000;
	const whole = () => groupsNamed(name).some((g) => g.Permissions.length === 4);
	while (!whole() && Date.now() < deadline) await sleep(50);
	await session.waitForText(groupsNamed(name)[0]?.SecurityGroupId ?? 'sg-');
	await session.press('q');
	return session.exitCode;
}

describe('small and odd terminals', () => {
	it('40x12: every step readable in what is visible, and the create goes through', async () => {
		const p = wizard([], {cols: 40, rows: 12});
		await atStep(p, 1, true);
		await p.press('hangzhou');
		await p.waitForText('(1 of');
		await p.press(keys.enter);
		await atStep(p, 2, true);
		await p.press(keys.enter);
		await atStep(p, 3, false);
		await p.press('tiny-sg', keys.enter);
		await atStep(p, 4, false);
		await p.press(keys.enter);
		await atStep(p, 5, true);
		await p.press(keys.enter);
		await atStep(p, 6, true);
		await p.press(keys.enter);
		const review = await atStep(p, 7, false);
		expect(review).toMatch(/tiny-sg/);
		expect(await confirmAndFinish(p, 'tiny-sg')).toBe(0);
		expect(groupsNamed('tiny-sg')).toHaveLength(1);
		expect(p.modes().after).toBe(p.modes().before);
	});

	it('resized from wide to 40x12 and to very wide mid-step, it keeps working', async () => {
		const p = wizard(['--region', 'cn-hangzhou'], {cols: 120, rows: 40});
		await atStep(p, 2, true);
		p.resize(40, 12);
		await sleep(200);
		await p.press(keys.down, keys.up);
		await atStep(p, 2, true);
		await p.press(keys.enter);
		await atStep(p, 3, false);
		p.resize(250, 60);
		await p.press('resized-sg', keys.enter);
		await atStep(p, 4, false);
		p.resize(40, 12);
		await p.press(keys.enter);
		await atStep(p, 5, true);
		await p.press(keys.enter);
		await atStep(p, 6, true);
		p.resize(300, 80);
		await p.press(keys.enter);
		await atStep(p, 7, false);
		expect(await confirmAndFinish(p, 'resized-sg')).toBe(0);
		expect(groupsNamed('resized-sg')).toHaveLength(1);
	});

	it('TERM=dumb: no screen at all (it cannot be redrawn), plain lines, answers from flags, and it says so', async () => {
		const asked = wizard(['--region', 'cn-hangzhou', '--template', 'web-linux', '--name', 'dumb-sg'], {
			term: 'dumb',
		});
		expect(await asked.exitCode).toBe(2);
		const refusal = asked.programOutput();
		expect(refusal).toContain('TERM=dumb');
		expect(refusal).toContain('--yes');
		expect(refusal).not.toContain('Step ');
		expect(refusal).not.toContain(esc);

		const vpc = (
			(sandbox.snapshot().vpcs ?? []) as {VpcId: string; RegionId: string; IsDefault: boolean}[]
		).find((v) => v.RegionId === 'cn-hangzhou' && v.IsDefault)?.VpcId;
		const created = wizard([...webLinuxFlags('dumb-sg', vpc ?? ''), '--yes'], {term: 'dumb'});
		expect(await created.exitCode).toBe(0);
		expect(created.programOutput()).toMatch(/sg-[a-z0-9]+/);
		expect(created.programOutput()).not.toContain(esc);
		expect(groupsNamed('dumb-sg')).toHaveLength(1);
		expect(created.modes().after).toBe(created.modes().before);
	});
});

describe('NO_COLOR', () => {
	// The wizard's frames are checked in test/e2e/wizard-edges.test.ts; the prompts use another colour library.
	it('takes colour out of the prompts of configure too (and there is colour without it)', async () => {
		for (const [env, coloured] of [
			[{}, true],
			[{NO_COLOR: '1'}, false],
			[{NO_COLOR: '', FORCE_COLOR: '3'}, false],
		] as const) {
			const p = run(['configure', '--endpoint', sandbox.endpoint], {env});
			await p.waitForText('AccessKey ID');
			await sleep(100);
			expect({env, coloured: sgr.test(p.programOutput())}).toEqual({env, coloured});
			await p.press(keys.ctrlC);
			expect(await p.exitCode).toBe(130);
		}
	});
});
