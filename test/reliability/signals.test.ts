// SIGINT, SIGTERM and SIGHUP sent to the process (not typed): at every step of the wizard, while it submits, on its
// Done screen and in a follow-up started there, and while the flags path, resume and `rules add` send calls. Each
// leaves the terminal as it was (modes unchanged, cursor shown), the journal consistent with what exists, and ends
// with the signal's exit code (130, 143, 129; 0 when the group was made whole anyway) and a message saying what
// exists.
import type {ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {startSandbox} from '../../source/sandbox/index.js';
import {startCli} from '../helpers/cli.js';
import {enterKeys, keys, sandboxEnv} from '../helpers/pty.js';
import {defaultVpcOf, groupsNamedIn, journalIn, type SnapshotGroup} from '../helpers/snapshot.js';
import {type BreakingProxy, gate, startProxy} from './proxy.js';
import {cursorShownAtEnd, type ShellPty, startShellPty} from './shell-pty.js';

const codes = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
type Signal = keyof typeof codes;

type World = {
	proxy: BreakingProxy;
	home: string;
	wizard(args: string[]): ShellPty;
	/** Any command in a terminal, the environment changed by `env` (undefined removes a variable). */
	terminal(args: string[], env?: Record<string, string | undefined>): ShellPty;
	plainStart(args: string[]): {
		process: ChildProcess;
		/** What it has written to stderr so far. */
		stderr(): string;
		done: Promise<{code: number | null; stdout: string; stderr: string}>;
	};
	plainRun(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}>;
	defaultVpc(): string;
	groupsNamed(name: string): SnapshotGroup[];
	journal(): {payload: {groupId?: string}}[];
};

/** Runs `test` against its own sandbox, proxy and home, so tests can run at the same time. */
async function withWorld(test: (w: World) => Promise<void>): Promise<void> {
	const sandbox = await startSandbox({port: 0});
	const proxy = await startProxy(sandbox.endpoint);
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-signals-'));
	const sessions: ShellPty[] = [];
	const children: ChildProcess[] = [];
	const env = () => sandboxEnv(home, sandbox);
	const plainStart: World['plainStart'] = (args) => {
		const running = startCli(args, env());
		children.push(running.child);
		return {process: running.child, stderr: running.stderr, done: running.done};
	};
	const terminal: World['terminal'] = (args, more = {}) => {
		const session = startShellPty(['--lang', 'en', ...args], {env: {...env(), ...more}, cols: 100, rows: 30});
		sessions.push(session);
		return session;
	};
	const w: World = {
		proxy,
		home,
		wizard: (args) => terminal(['create', '--endpoint', proxy.endpoint, ...args]),
		terminal,
		plainStart,
		plainRun: (args) => plainStart(args).done,
		defaultVpc: () => defaultVpcOf(sandbox),
		groupsNamed: (name) => groupsNamedIn(sandbox, name),
		journal: () => journalIn(path.join(home, 'config')),
	};
	try {
		await test(w);
	} finally {
		for (const session of sessions) session.kill();
		for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
		await proxy.close();
		await sandbox.close();
		fs.rmSync(home, {recursive: true, force: true});
	}
}

/** The terminal is as it was, the cursor shows, and the exit code names the signal. */
async function leftCleanly(session: ShellPty, signal: Signal): Promise<string> {
	expect(await session.exitCode).toBe(codes[signal]);
	const {before, after} = session.modes();
	expect(before).toMatch(/^[0-9a-f:]+$/);
	expect(after).toBe(before);
	expect(cursorShownAtEnd(session.programOutput())).toBe(true);
	expect(session.programOutput()).not.toMatch(/\n\s+at .+:\d+:\d+/);
	return session.screen();
}

/** Creates a group without rules through the CLI (flags only) and returns its id: a target for `ecs-sg rules`. */
async function emptyGroup(w: World, name: string): Promise<string> {
	const created = await w.plainRun([
		'--lang',
		'en',
		'create',
		'--endpoint',
		w.proxy.endpoint,
		...region,
		'--template',
		'custom',
		'--name',
		name,
		'--vpc',
		w.defaultVpc(),
		'--yes',
		'--json',
	]);
	expect(created.code).toBe(0);
	return (JSON.parse(created.stdout) as {securityGroupId: string}).securityGroupId;
}

/** Waits until the proxy has seen more calls of `action` than `before` (fails the test if it never does). */
async function sent(w: World, action: string, before = 0): Promise<void> {
	const deadline = Date.now() + 15_000;
	while (w.proxy.seen.filter((a) => a === action).length <= before) {
		if (Date.now() > deadline) throw new Error(`${action} was never sent`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** Waits until a plain run has written `text` to stderr (fails the test if it never does). */
async function said(child: {stderr(): string}, text: string): Promise<void> {
	const deadline = Date.now() + 15_000;
	while (!child.stderr().includes(text)) {
		if (Date.now() > deadline) throw new Error(`never said "${text}"; stderr was:\n${child.stderr()}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

const region = ['--region', 'cn-hangzhou'];
/** `rules add` of 101 rules (TCP ports `from`..`from + 100`) to `groupId` through the proxy: two batches. */
const add101 = (w: World, groupId: string, from: number) => [
	'rules',
	'add',
	'--endpoint',
	w.proxy.endpoint,
	...region,
	'--group',
	groupId,
	...Array.from({length: 101}, (_, i) => ['--rule', `tcp:${from + i}:10.0.0.0/8`]).flat(),
];
const named = [...region, '--template', 'web-linux', '--name', 'sig-sg'];
/** `create` of sig-sg in the default VPC through the proxy, with --yes: the flags path. */
const create = (w: World, ...more: string[]) => [
	'--lang',
	'en',
	'create',
	'--endpoint',
	w.proxy.endpoint,
	...named,
	'--vpc',
	w.defaultVpc(),
	'--yes',
	...more,
];
const steps: {
	step: string;
	args: (w: World) => string[];
	keys?: string[];
	heading: string;
	signal: Signal;
}[] = [
	{step: 'Region', args: () => [], heading: 'Step 1 of 7', signal: 'SIGTERM'},
	{step: 'Template', args: () => region, heading: 'Step 2 of 7', signal: 'SIGHUP'},
	{
		step: 'Name',
		args: () => [...region, '--template', 'web-linux'],
		heading: 'Step 3 of 7',
		signal: 'SIGINT',
	},
	{step: 'Description', args: () => named, heading: 'Step 4 of 7', signal: 'SIGTERM'},
	{
		step: 'Network',
		args: () => [...named, '--description', 'signals'],
		heading: 'Step 5 of 7',
		signal: 'SIGHUP',
	},
	{
		step: 'VPC',
		args: () => [...named, '--description', 'signals'],
		keys: [keys.enter],
		heading: 'Step 6 of 7',
		signal: 'SIGINT',
	},
	{
		step: 'Review',
		args: (w) => [...named, '--description', 'signals', '--vpc', w.defaultVpc()],
		heading: 'Step 7 of 7',
		signal: 'SIGTERM',
	},
];

describe('a signal at each step of the wizard', () => {
	for (const {step, args, keys: typed, heading, signal} of steps) {
		it(`${signal} at ${step}: cancelled, nothing created, terminal restored, exit ${codes[signal]}`, () =>
			withWorld(async (w) => {
				const session = w.wizard(args(w));
				if (typed) {
					await session.waitForText('Step 5 of 7');
					await session.press(...typed);
				}
				await session.waitForText(heading);
				await session.signal(signal);
				const screen = await leftCleanly(session, signal);
				expect(screen).toContain('Cancelled. Nothing was created.');
				expect(w.groupsNamed('sig-sg')).toEqual([]);
				expect(w.journal()).toEqual([]);
			}));
	}
});

// The tests below mostly wait for a slowed call, so they run side by side, each in its own world.
describe.concurrent('a signal while the wizard submits', () => {
	const all = (w: World) => [...named, '--vpc', w.defaultVpc(), '--yes'];

	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
		it(`${signal} during CreateSecurityGroup: waits for it, says the group exists, journal kept`, () =>
			withWorld(async (w) => {
				// The create is held at the proxy until the stop has been taken in: it is in flight for exactly that long.
				const held = gate();
				w.proxy.always('CreateSecurityGroup', {kind: 'hold', until: held.until});
				const session = w.wizard(all(w));
				await session.waitForText(/CreateSecurityGroup\s+running/);
				await session.signal(signal);
				await session.waitForText('Stopping after the call in flight');
				held.open();
				const screen = await leftCleanly(session, signal);
				const [group] = w.groupsNamed('sig-sg');
				expect(group).toBeDefined();
				expect(screen).toContain(`Security group ${group?.SecurityGroupId} exists in cn-hangzhou`);
				expect(screen).toContain('ecs-sg resume');
				expect(w.journal().map((e) => e.payload.groupId)).toEqual([group?.SecurityGroupId]);
				expect(w.proxy.seen).not.toContain('AuthorizeSecurityGroup');
			}));
	}

	it('SIGTERM during the last call: it completes, so the group is whole, the journal clear, exit 0', () =>
		withWorld(async (w) => {
			const held = gate();
			w.proxy.always('AuthorizeSecurityGroup', {kind: 'hold', until: held.until});
			const session = w.wizard(all(w));
			await session.waitForText(/AuthorizeSecurityGroup.*running/);
			await session.signal('SIGTERM');
			await session.waitForText('Stopping after the call in flight');
			held.open();
			expect(await session.exitCode).toBe(0);
			const [group] = w.groupsNamed('sig-sg');
			// Not a cancel (issue 15 item 7): Done, saying the stop came too late; the sentence may wrap.
			const flat = session.screen().replace(/ *\n */g, ' ');
			expect(flat).toContain('The stop came after the last call had been sent.');
			expect(flat).toContain(
				`Security group ${group?.SecurityGroupId} was created in cn-hangzhou with all its rules`,
			);
			expect(flat).not.toContain('Cancelled');
			expect(group?.Permissions).toHaveLength(4);
			expect(w.journal()).toEqual([]);
			expect(session.modes().after).toBe(session.modes().before);
		}));

	it('on the Done screen a signal leaves it (exit 0, the group is whole); inside a follow-up it ends the run', () =>
		withWorld(async (w) => {
			const review = (name: string) => [
				...region,
				'--template',
				'web-linux',
				'--name',
				name,
				'--description',
				'signals',
				'--vpc',
				w.defaultVpc(),
			];
			const done = w.wizard(review('sig-sg'));
			await done.waitForText('Step 7 of 7');
			await done.press(keys.enter);
			await done.waitForText('Next (follow-up operations)');
			await done.signal('SIGTERM');
			expect(await done.exitCode).toBe(0);
			expect(done.modes().after).toBe(done.modes().before);

			const following = w.wizard(review('sig-sg-2'));
			await following.waitForText('Step 7 of 7');
			await following.press(keys.enter);
			await following.waitForText('Next (follow-up operations)');
			await following.press('r');
			await following.waitForText('Queue additions');
			await following.signal('SIGHUP');
			expect(await following.exitCode).toBe(129);
			expect(following.modes().after).toBe(following.modes().before);
			expect(cursorShownAtEnd(following.programOutput())).toBe(true);
			expect(w.groupsNamed('sig-sg')).toHaveLength(1);
			expect(w.groupsNamed('sig-sg-2')).toHaveLength(1);
			expect(w.journal()).toEqual([]);
		}));

	it('a second signal leaves at once, saying the group may exist; the journal still has the create', () =>
		withWorld(async (w) => {
			// Held for good: only the second signal can end it.
			w.proxy.always('CreateSecurityGroup', {kind: 'hang'});
			const session = w.wizard(all(w));
			await session.waitForText(/CreateSecurityGroup\s+running/);
			await session.signal('SIGTERM');
			await session.waitForText('Stopping after the call in flight');
			// Past the echo window (commands/signals.ts echoMs), measured from after the first was taken in.
			await new Promise((r) => setTimeout(r, 400));
			const second = Date.now();
			await session.signal('SIGTERM');
			await session.exitCode;
			// "At once": not held until the hung request's socket times out (30 s), which it was before cli.tsx's end().
			expect(Date.now() - second).toBeLessThan(10_000);
			const screen = await leftCleanly(session, 'SIGTERM');
			expect(screen).toContain('the group may exist: run ecs-sg resume');
			expect(w.journal()).toHaveLength(1);
		}));
});

describe.concurrent('a signal while the flags path, resume or a follow-up sends calls', () => {
	for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
		it(`flags path, ${signal}: waits for the call in flight, exit ${codes[signal]}, says what exists`, () =>
			withWorld(async (w) => {
				const held = gate();
				w.proxy.always('CreateSecurityGroup', {kind: 'hold', until: held.until});
				const child = w.plainStart(create(w, '--json'));
				await sent(w, 'CreateSecurityGroup');
				child.process.kill(signal);
				await said(child, 'Stopping after the call in flight');
				held.open();
				const {code, stdout, stderr} = await child.done;
				expect(code).toBe(codes[signal]);
				const [group] = w.groupsNamed('sig-sg');
				expect(stderr).toContain('Stopping after the call in flight');
				expect(stderr).toContain(`Security group ${group?.SecurityGroupId} was created in cn-hangzhou`);
				expect(stderr).toContain('ecs-sg resume');
				// --json: the stop is one JSON object on stdout, saying the same as stderr.
				const {error} = JSON.parse(stdout);
				expect(error).toMatchObject({exit: codes[signal]});
				expect(error.message).toContain(
					`Security group ${group?.SecurityGroupId} was created in cn-hangzhou`,
				);
				expect(w.journal().map((e) => e.payload.groupId)).toEqual([group?.SecurityGroupId]);
			}));
	}

	it('resume, SIGTERM between the calls: stops, says the group exists and what is missing, exit 143', () =>
		withWorld(async (w) => {
			// Killed while its create is in flight: the journal keeps the create without a group id.
			const held = gate();
			w.proxy.always('CreateSecurityGroup', {kind: 'hold', until: held.until});
			const killed = w.plainStart(create(w));
			await sent(w, 'CreateSecurityGroup');
			killed.process.kill('SIGKILL');
			await killed.done;
			expect(w.journal().map((e) => e.payload.groupId)).toEqual([undefined]);

			const child = w.plainStart(['--lang', 'en', 'resume', '--yes']);
			await sent(w, 'CreateSecurityGroup', 1);
			child.process.kill('SIGTERM');
			await said(child, 'Stopping after the call in flight');
			// Both held creates go on now (the same ClientToken: one group).
			held.open();
			const stopped = await child.done;
			expect(stopped.code).toBe(143);
			const [group] = w.groupsNamed('sig-sg');
			expect(stopped.stderr).toContain('Stopping after the call in flight');
			expect(stopped.stderr).toContain(`Security group ${group?.SecurityGroupId} was created in cn-hangzhou`);
			expect(w.proxy.seen).not.toContain('AuthorizeSecurityGroup');
			expect(w.journal().map((e) => e.payload.groupId)).toEqual([group?.SecurityGroupId]);

			w.proxy.always('CreateSecurityGroup', undefined);
			expect((await w.plainRun(['--lang', 'en', 'resume', '--yes'])).code).toBe(0);
			expect(w.journal()).toEqual([]);
			expect(w.groupsNamed('sig-sg')).toHaveLength(1);
		}));

	it('rules add, SIGTERM between two batches: the first is kept, the second not sent, exit 143', () =>
		withWorld(async (w) => {
			const groupId = await emptyGroup(w, 'rules-sg');
			// 101 rules: two AuthorizeSecurityGroup calls of at most 100.
			const held = gate();
			w.proxy.always('AuthorizeSecurityGroup', {kind: 'hold', until: held.until});
			const child = w.plainStart(['--lang', 'en', ...add101(w, groupId, 1000), '--yes']);
			await sent(w, 'AuthorizeSecurityGroup');
			child.process.kill('SIGTERM');
			await said(child, 'Stopping after the call in flight');
			held.open();
			const stopped = await child.done;
			expect(stopped.code).toBe(143);
			expect(stopped.stderr).toContain('Stopping after the call in flight');
			expect(stopped.stderr).toContain('the rest were not sent');
			expect(w.proxy.seen.filter((a) => a === 'AuthorizeSecurityGroup')).toHaveLength(1);
			expect(w.groupsNamed('rules-sg')[0]?.Permissions).toHaveLength(100);
		}));
});

describe.concurrent('a signal in the screens of ecs-sg rules and instances', () => {
	it('rules, SIGTERM while a batch is sent: it finishes, the next is not sent, the screen says what was done, 143', () =>
		withWorld(async (w) => {
			const groupId = await emptyGroup(w, 'screen-sg');
			// 101 rules queued from the flags (no --yes: the screens open): two AuthorizeSecurityGroup calls.
			const held = gate();
			w.proxy.always('AuthorizeSecurityGroup', {kind: 'hold', until: held.until});
			const session = w.terminal(add101(w, groupId, 2000));
			await session.waitForText('101 to add');
			await session.press(keys.enter);
			await session.waitForText('101 to add, 0 to remove');
			await session.press('y');
			await sent(w, 'AuthorizeSecurityGroup');
			await session.signal('SIGTERM');
			await session.waitForText('Stopping after the call in flight');
			held.open();
			const screen = await leftCleanly(session, 'SIGTERM');
			expect(screen).toContain('Cancelled: the calls marked done above were made; the rest were not sent.');
			expect(w.proxy.seen.filter((a) => a === 'AuthorizeSecurityGroup')).toHaveLength(1);
			expect(w.groupsNamed('screen-sg')[0]?.Permissions).toHaveLength(100);
		}));

	it('instances, SIGHUP at the group list: cancelled at once, terminal restored, exit 129', () =>
		withWorld(async (w) => {
			const session = w.terminal(['instances', '--endpoint', w.proxy.endpoint, ...region]);
			await session.waitForText('Step 1 of 3');
			await session.signal('SIGHUP');
			const screen = await leftCleanly(session, 'SIGHUP');
			expect(screen).toContain('Cancelled. Nothing more was sent.');
		}));
});

describe.concurrent('a signal while a prompt is up (no command handles it): terminal restored, exit 128 + n', () => {
	const noKeys = {ALIBABA_CLOUD_ACCESS_KEY_ID: undefined, ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined};

	it("SIGTERM at configure's first question: nothing saved, exit 143", () =>
		withWorld(async (w) => {
			const session = w.terminal(['configure', '--endpoint', w.proxy.endpoint], noKeys);
			await session.waitForText('AccessKey ID');
			await session.signal('SIGTERM');
			const screen = await leftCleanly(session, 'SIGTERM');
			expect(screen).toContain('Stopped by SIGTERM.');
			expect(w.journal()).toEqual([]);
		}));

	for (const signal of ['SIGTERM', 'SIGHUP'] as const)
		it(`${signal} during configure's key check: the check is abandoned, nothing saved, exit ${codes[signal]}`, () =>
			withWorld(async (w) => {
				w.proxy.always('DescribeRegions', {kind: 'hang'});
				const session = w.terminal(['configure', '--endpoint', w.proxy.endpoint], noKeys);
				await enterKeys(session, 'LTAI5tSignalsKeyCheck00', 'SignalsKeyCheckSecret0123456789');
				await sent(w, 'DescribeRegions');
				await session.signal(signal);
				const screen = await leftCleanly(session, signal);
				expect(screen).toContain('Cancelled; the stored configuration is unchanged.');
				const file = path.join(w.home, 'config', 'config.json');
				const saved = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as object) : {};
				expect(saved).not.toHaveProperty('profiles.default');
			}));

	it('SIGHUP at the first-run choice (no credentials yet): exit 129', () =>
		withWorld(async (w) => {
			const session = w.terminal(['create', '--endpoint', w.proxy.endpoint], noKeys);
			await session.waitForText('How do you want to continue?');
			await session.signal('SIGHUP');
			const screen = await leftCleanly(session, 'SIGHUP');
			expect(screen).toContain('Stopped by SIGHUP.');
		}));

	it("SIGINT at resume's question: the unfinished create is kept, exit 130", () =>
		withWorld(async (w) => {
			// Held for good: the create is killed while it waits, so the journal keeps it without a group.
			w.proxy.always('CreateSecurityGroup', {kind: 'hang'});
			const killed = w.plainStart(create(w));
			await sent(w, 'CreateSecurityGroup');
			killed.process.kill('SIGKILL');
			await killed.done;
			const session = w.terminal(['resume']);
			await session.waitForText('What should happen to it?');
			await session.signal('SIGINT');
			await leftCleanly(session, 'SIGINT');
			expect(w.journal()).toHaveLength(1);
		}));
});

describe('a signal no command handles, with --json', () => {
	it('SIGTERM while `groups --json` reads: exit 143 and the stop is one JSON object on stdout too', () =>
		withWorld(async (w) => {
			// groups reads without a stop handler of its own: cli.tsx's ends the run, by the one way --json runs end.
			w.proxy.always('DescribeSecurityGroups', {kind: 'hang'});
			const child = w.plainStart([
				'--lang',
				'en',
				'groups',
				...region,
				'--json',
				'--endpoint',
				w.proxy.endpoint,
			]);
			await sent(w, 'DescribeSecurityGroups');
			child.process.kill('SIGTERM');
			const {code, stdout, stderr} = await child.done;
			expect(code).toBe(codes.SIGTERM);
			expect(stderr).toContain('Stopped by SIGTERM.');
			expect(stdout.trim().split('\n')).toHaveLength(1);
			expect(JSON.parse(stdout)).toEqual({
				error: {code: 'terminated', message: 'Stopped by SIGTERM.', exit: codes.SIGTERM},
			});
		}));
});
