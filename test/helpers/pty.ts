// Drives the built CLI (dist/cli.mjs) in a real pseudo-terminal and reads the screen as a person would see it.
import fs from 'node:fs';
import pty from '@lydell/node-pty';
import {cleanEnv} from './env.js';
import {headlessScreen} from './screen.js';

export {cleanEnv, noKeysEnv, sandboxEnv} from './env.js';

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
	home: '\u001B[H',
	end: '\u001B[F',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	ctrlC: '\u0003',
} as const;

const cliPath = new URL('../../dist/cli.mjs', import.meta.url).pathname;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The main thread's scheduler line: its state letter and total run time in ns (NaN where the kernel keeps no
 * scheduler statistics); undefined once it is gone, or where /proc cannot be read at all.
 */
function mainThread(pid: number): {state: string; ranNs: number; wchan: string} | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
		const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? '';
		let ranNs = Number.NaN;
		try {
			ranNs = Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
		} catch {
			// A kernel without scheduler statistics: typeWhenIdle falls back to a pause.
		}
		let wchan = '';
		try {
			wchan = fs.readFileSync(`/proc/${pid}/task/${pid}/wchan`, 'utf8');
		} catch {
			// Some kernels hide it: the state alone then decides.
		}
		return {state, ranNs, wchan};
	} catch {
		return undefined;
	}
}

/** Where /proc says nothing, the pause that stands in for waiting for an idle event loop. */
const fallbackPauseMs = 80;

const alive = (pid: number): boolean => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

/** Asleep in epoll: nothing left to run (no pending immediate, no effect to flush), waiting for input or a timer. */
const idleNow = (t: NonNullable<ReturnType<typeof mainThread>>): boolean =>
	t.state === 'S' && (t.wchan === '' || t.wchan === '0' || /epoll/.test(t.wchan));

/**
 * Waits until the process's event loop is idle: the frame on screen has been committed and every effect after it
 * has run, so Ink's input handlers for that frame are attached (a key written before that is dropped or reaches
 * the previous screen's handler: reference/stack-probe.md P2). Two idle readings in a row rule out a passing
 * sleep. A loaded machine only makes this take longer; it never lets a key through early.
 */
export async function whenIdle(pid: number, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let idle = 0;
	for (;;) {
		const thread = mainThread(pid);
		if (!thread) {
			// Gone, or no /proc to read: a pause long enough for a frame's effects stands in for the reading.
			if (alive(pid)) await sleep(fallbackPauseMs);
			return;
		}
		idle = idleNow(thread) ? idle + 1 : 0;
		if (idle >= 2 || Date.now() > deadline) return;
		await sleep(idle > 0 ? 3 : 5);
	}
}

/** Writes `key` once the process is idle, then waits until it has woken to read it. */
export async function typeWhenIdle(pid: number, write: (key: string) => void, key: string): Promise<void> {
	await whenIdle(pid);
	const before = mainThread(pid)?.ranNs;
	write(key);
	if (before === undefined || Number.isNaN(before)) {
		// No run time to watch: give the key time to be read instead.
		if (alive(pid)) await sleep(fallbackPauseMs);
		return;
	}
	const deadline = Date.now() + 5000;
	for (;;) {
		const thread = mainThread(pid);
		if (!thread || before === undefined || thread.ranNs !== before || Date.now() > deadline) return;
		await sleep(2);
	}
}

/** Anything typed at like a terminal (a PtySession, the reliability tests' ShellPty). */
export type Typist = {
	waitForText(needle: string | RegExp): Promise<string>;
	press(...keys: string[]): Promise<void>;
};

/** Answers configure's key prompts in turn: AccessKey ID, secret, and the STS token (none unless given). */
export async function enterKeys(p: Typist, id: string, secret: string, token = ''): Promise<void> {
	await p.waitForText('AccessKey ID');
	await p.press(id, keys.enter);
	await p.waitForText('AccessKey Secret');
	await p.press(secret, keys.enter);
	await p.waitForText('STS security token');
	// Typing nothing is pressing nothing: an empty write would only wait for a read that never comes.
	await p.press(...(token ? [token] : []), keys.enter);
}

export type PtySession = {
	/** The visible screen plus scrollback, one string, trailing blanks trimmed. */
	screen(): string;
	/** Everything the program wrote, raw (escape sequences included). */
	raw(): string;
	/** Types each key once the program is idle (its input handlers for the screen shown are attached). */
	press(...keys: string[]): Promise<void>;
	waitForText(needle: string | RegExp, timeoutMs?: number): Promise<string>;
	resize(cols: number, rows: number): void;
	exited: Promise<number>;
	kill(signal?: string): void;
	pid: number;
};

export type PtyOptions = {
	env?: Record<string, string | undefined>;
	cols?: number;
	rows?: number;
	cwd?: string;
};

export function startPty(args: readonly string[], options: PtyOptions = {}): PtySession {
	const cols = options.cols ?? 80;
	const rows = options.rows ?? 24;
	const term = headlessScreen({cols, rows, scrollback: 1000});
	const child = pty.spawn(process.execPath, [cliPath, ...args], {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: options.cwd ?? process.cwd(),
		env: cleanEnv(options.env),
	});
	let output = '';
	child.onData((data) => {
		output += data;
		term.write(data);
	});
	const exited = new Promise<number>((resolve) => child.onExit((e) => resolve(e.exitCode)));
	let exitedAt: number | undefined;
	void exited.then(async () => {
		await sleep(100); // the last output may still be in flight
		exitedAt = Date.now();
	});
	return {
		screen: term.screen,
		raw: () => output,
		async press(...sequence) {
			for (const key of sequence) await typeWhenIdle(child.pid, (k) => child.write(k), key);
		},
		// Once the program has exited the screen cannot change: fail at once rather than at the deadline.
		waitForText: (needle, timeoutMs = 20_000) =>
			term.waitForText(needle, timeoutMs, () => exitedAt !== undefined),
		resize(newCols, newRows) {
			child.resize(newCols, newRows);
			term.resize(newCols, newRows);
		},
		exited,
		kill(signal = 'SIGTERM') {
			try {
				child.kill(signal);
			} catch {
				// Already gone.
			}
		},
		pid: child.pid,
	};
}
