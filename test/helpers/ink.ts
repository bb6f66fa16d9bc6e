// Renders an Ink tree into fake streams of a chosen size and drives it with keys, the way a person would.
// Like ink-testing-library, but the terminal has rows as well as columns and can be resized, frames are read
// without colour codes, and every key waits for Ink's input handler to be attached first (see
// reference/stack-probe.md §2: a key written right after a render is dropped or reaches a stale handler).
import {EventEmitter} from 'node:events';
import {createRequire} from 'node:module';
import {render} from 'ink';
import type {ReactElement} from 'react';
import stripAnsi from 'strip-ansi';
import {vi} from 'vitest';

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
	ctrlU: '\u0015',
	ctrlW: '\u0017',
} as const;

class FakeStdout extends EventEmitter {
	readonly frames: string[] = [];
	isTTY = true;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (frame: string): boolean => {
		this.frames.push(frame);
		return true;
	};
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string): void => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};
	read = (): string | null => {
		const {data} = this;
		this.data = null;
		return data;
	};
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

// React's scheduler, the same instance Ink's reconciler uses (both are node_modules' CommonJS `scheduler`).
const scheduler = createRequire(import.meta.url)('scheduler') as {
	unstable_scheduleCallback(priority: number, callback: () => void): unknown;
	unstable_IdlePriority: number;
};

/** Resolves once React has no work left: an idle-priority task runs only after every other one has run. */
const reactIdle = (): Promise<void> =>
	new Promise((resolve) => {
		scheduler.unstable_scheduleCallback(scheduler.unstable_IdlePriority, () => resolve());
	});

/**
 * Lets React commit and Ink re-attach its input handlers (passive effects) before the next key: waits until
 * React's queue is empty, three times over, with a turn of the event loop between (Ink hands a lone Esc on in
 * an immediate; an effect may start more work). A condition, not a pause, so a loaded machine cannot outrun it.
 */
export async function settle(): Promise<void> {
	for (let round = 0; round < 3; round++) {
		await new Promise<void>((resolve) => setImmediate(resolve));
		await reactIdle();
	}
}

export type InkSession = {
	/** The last frame without colour codes (static transcript included). */
	lastFrame(): string;
	/** The last frame as drawn, colour codes included. */
	rawFrame(): string;
	frames(): readonly string[];
	press(...sequence: string[]): Promise<void>;
	/** Types text one character at a time. */
	type(text: string): Promise<void>;
	waitFor(check: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
	resize(columns: number, rows: number): void;
	/** Resolves with the value the app passed to exit(). */
	exited: Promise<unknown>;
	unmount(): void;
};

export function renderInk(tree: ReactElement, size: {columns?: number; rows?: number} = {}): InkSession {
	const stdout = new FakeStdout(size.columns ?? 80, size.rows ?? 24);
	const stderr = new FakeStdout(size.columns ?? 80, size.rows ?? 24);
	const stdin = new FakeStdin();
	const instance = render(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	// On exit Ink writes bare control codes (cursor show): the last frame is the last one with text.
	const raw = () => stdout.frames.findLast((f) => stripAnsi(f).trim() !== '') ?? '';
	const lastFrame = () => stripAnsi(raw());
	return {
		lastFrame,
		rawFrame: raw,
		frames: () => stdout.frames,
		async press(...sequence) {
			for (const key of sequence) {
				await settle();
				stdin.write(key);
			}
			await settle();
		},
		async type(text) {
			for (const char of text) {
				await settle();
				stdin.write(char);
			}
			await settle();
		},
		async waitFor(check, timeoutMs = 10_000) {
			const test =
				typeof check === 'function'
					? check
					: typeof check === 'string'
						? (frame: string) => frame.includes(check)
						: (frame: string) => check.test(frame);
			let frame = '';
			try {
				await vi.waitFor(
					() => {
						frame = lastFrame();
						if (!test(frame)) throw new Error('not yet');
					},
					{interval: 5, timeout: timeoutMs},
				);
			} catch {
				throw new Error(`Timed out waiting for ${String(check)}; the last frame was:\n${lastFrame()}`);
			}
			// One more turn so the handlers of the frame just shown are attached before the test types.
			await settle();
			return frame;
		},
		resize(columns, rows) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
		},
		exited: instance.waitUntilExit(),
		unmount: () => instance.unmount(),
	};
}
