// A stopwatch around a program in a real pseudo-terminal: every chunk the program writes is fed to a headless
// xterm and stamped with the time it arrived, so "when did this text first appear" is exact to the frame that
// drew it, not to a polling interval. The bench's start-up, VPC-wait and whole-run figures all use it.
import fs from 'node:fs';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {cleanEnv} from '../helpers/env.js';

// @xterm/headless is CommonJS: a named import fails under native ESM.
const {Terminal} = xterm;

export type Clocked = {
	/** Milliseconds since spawn at which `needle` first showed on the screen (rejects if the program exits first). */
	until(needle: string | RegExp, timeoutMs?: number): Promise<number>;
	/** Main-thread CPU time the program had used when the last `until` matched, in ms; NaN where unknown. */
	cpuAtMatch(): number;
	/** The visible screen and scrollback as text. */
	screen(): string;
	write(data: string): void;
	/** Milliseconds since spawn, now. */
	now(): number;
	/** Resolves with the exit code and the time of exit (ms since spawn). */
	exited: Promise<{code: number; at: number}>;
	pid: number;
	kill(): void;
};

const syncStart = '\u001B[?2026h';
const syncEnd = '\u001B[?2026l';

export function clocked(
	args: readonly string[],
	options: {env?: Record<string, string>; cols?: number; rows?: number} = {},
): Clocked {
	const cols = options.cols ?? 100;
	const rows = options.rows ?? 30;
	const term = new Terminal({cols, rows, allowProposedApi: true, scrollback: 2000});
	const started = performance.now();
	const child = pty.spawn(process.execPath, [...args], {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: process.cwd(),
		env: options.env ?? cleanEnv(),
	});
	const now = () => performance.now() - started;
	const screen = () => {
		const buffer = term.buffer.active;
		const lines: string[] = [];
		for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
		return lines.join('\n').trimEnd();
	};
	type Waiter = {needle: string | RegExp; resolve: (ms: number) => void};
	let cpuAtMatch = Number.NaN;
	const waiters = new Set<Waiter>();
	const matches = (needle: string | RegExp, text: string) =>
		typeof needle === 'string' ? text.includes(needle) : needle.test(text);
	// Ink draws each frame between synchronised-output markers, and a big frame can arrive in several chunks:
	// text is looked for only once a frame is complete, and stamped with the time its last chunk arrived.
	let inFrame = false;
	child.onData((data) => {
		const at = now();
		const opened = data.lastIndexOf(syncStart);
		const closed = data.lastIndexOf(syncEnd);
		if (opened > closed) inFrame = true;
		else if (closed >= 0) inFrame = false;
		const complete = !inFrame;
		term.write(data, () => {
			if (waiters.size === 0 || !complete) return;
			const text = screen();
			for (const w of waiters) {
				if (matches(w.needle, text)) {
					cpuAtMatch = cpuTimeMs(child.pid);
					waiters.delete(w);
					w.resolve(at);
				}
			}
		});
	});
	let exitInfo: {code: number; at: number} | undefined;
	const exited = new Promise<{code: number; at: number}>((resolve) =>
		child.onExit((e) => {
			exitInfo = {code: e.exitCode, at: now()};
			resolve(exitInfo);
		}),
	);
	return {
		until(needle, timeoutMs = 20_000) {
			return new Promise<number>((resolve, reject) => {
				const flushed = () =>
					new Promise<void>((r) => {
						term.write('', r);
					});
				const timer = setTimeout(() => {
					waiters.delete(waiter);
					reject(new Error(`timed out waiting for ${String(needle)}; the screen was:\n${screen()}`));
				}, timeoutMs);
				const waiter: Waiter = {
					needle,
					resolve: (ms) => {
						clearTimeout(timer);
						resolve(ms);
					},
				};
				// Already on the screen: it arrived before this call, at a time no longer known; say now.
				void flushed().then(() => {
					if (matches(needle, screen())) {
						clearTimeout(timer);
						resolve(now());
						return;
					}
					waiters.add(waiter);
					void exited.then(async () => {
						await new Promise((r) => setTimeout(r, 200));
						if (!waiters.has(waiter)) return;
						waiters.delete(waiter);
						clearTimeout(timer);
						reject(new Error(`the program exited before ${String(needle)}; the screen was:\n${screen()}`));
					});
				});
			});
		},
		cpuAtMatch: () => cpuAtMatch,
		screen,
		write(data) {
			if (exitInfo) return;
			try {
				child.write(data);
			} catch {
				// The program has just exited.
			}
		},
		now,
		exited,
		pid: child.pid,
		kill() {
			if (exitInfo) return;
			try {
				child.kill('SIGKILL');
			} catch {
				// Already gone.
			}
		},
	};
}

/**
 * CPU time the main thread of a process has used so far, in ms (from /proc/<pid>/task/<pid>/schedstat, in
 * nanoseconds), or NaN where there is no such file. Less sensitive to a busy machine than wall time.
 */
export function cpuTimeMs(pid: number): number {
	try {
		return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
	} catch {
		return Number.NaN;
	}
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[mid] as number)
		: ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The p-th percentile (0-100), nearest rank. */
export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[Math.min(sorted.length, rank) - 1] as number;
}
