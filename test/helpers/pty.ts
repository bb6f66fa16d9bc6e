// Drives the built CLI (dist/cli.mjs) in a real pseudo-terminal and reads the screen as a person would see it.
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

// @xterm/headless is CommonJS: a named import fails under native ESM.
const {Terminal} = xterm;

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

export type PtySession = {
	/** The visible screen plus scrollback, one string, trailing blanks trimmed. */
	screen(): string;
	/** Everything the program wrote, raw (escape sequences included). */
	raw(): string;
	/** Waits a moment (so the app's input handler is attached), then types. */
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

/** The environment of this process without CI (Ink renders only the last frame when CI is set). */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'BUILD_NUMBER', 'RUN_ID'])
		delete env[name];
	// Passing `undefined` would send the string "undefined": delete instead.
	for (const [k, v] of Object.entries(extra)) {
		if (v === undefined) delete env[k];
		else env[k] = v;
	}
	return env;
}

export function startPty(args: readonly string[], options: PtyOptions = {}): PtySession {
	const cols = options.cols ?? 80;
	const rows = options.rows ?? 24;
	const term = new Terminal({cols, rows, allowProposedApi: true, scrollback: 1000});
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
	const flush = () => new Promise<void>((resolve) => term.write('', resolve));
	const screen = () => {
		const buffer = term.buffer.active;
		const lines: string[] = [];
		for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
		return lines.join('\n').trimEnd();
	};
	let exitedAt: number | undefined;
	void exited.then(async () => {
		await sleep(100); // the last output may still be in flight
		exitedAt = Date.now();
	});
	return {
		screen,
		raw: () => output,
		async press(...sequence) {
			for (const key of sequence) {
				await sleep(60);
				child.write(key);
			}
		},
		async waitForText(needle, timeoutMs = 10_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				await flush();
				const text = screen();
				if (typeof needle === 'string' ? text.includes(needle) : needle.test(text)) return text;
				// Once the program has exited the screen cannot change: fail at once rather than at the deadline.
				if (Date.now() > deadline || exitedAt !== undefined) {
					throw new Error(`Timed out waiting for ${String(needle)}; the screen was:\n${text}`);
				}
				await sleep(25);
			}
		},
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
