// The built CLI in a real pseudo-terminal, started by a shell that records the terminal's modes (`stty -g`)
// before and after it, so a test can tell whether the program left the terminal as it found it (raw mode off,
// echo on) whatever ended it. The CLI's own pid is found so signals go to it, not to the shell.
import fs from 'node:fs';
import pty from '@lydell/node-pty';
import {cleanEnv, sleep, typeWhenIdle} from '../helpers/pty.js';
import {headlessScreen} from '../helpers/screen.js';
import {esc} from '../helpers/unsafe-text.js';

const cliPath = new URL('../../dist/cli.mjs', import.meta.url).pathname;

export type ShellPty = {
	screen(): string;
	/** Only what is visible now (the last `rows` lines), without the scrollback. */
	viewport(): string;
	raw(): string;
	press(...keys: string[]): Promise<void>;
	waitForText(needle: string | RegExp, timeoutMs?: number): Promise<string>;
	resize(cols: number, rows: number): void;
	/** The CLI's pid, once it has started. */
	pid(): Promise<number>;
	signal(name: NodeJS.Signals): Promise<void>;
	/** Resolves when the shell is done: the CLI's exit code (128 + n when a signal ended it). */
	exitCode: Promise<number>;
	/** Terminal modes before and after the CLI ran, as `stty -g` prints them. */
	modes(): {before: string; after: string};
	/** The output without the shell's bookkeeping lines. */
	programOutput(): string;
	kill(): void;
};

export type ShellPtyOptions = {
	env?: Record<string, string | undefined>;
	cols?: number;
	rows?: number;
	term?: string;
};

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function startShellPty(args: readonly string[], options: ShellPtyOptions = {}): ShellPty {
	const cols = options.cols ?? 80;
	const rows = options.rows ?? 24;
	const term = headlessScreen({cols, rows, scrollback: 2000});
	const command = [process.execPath, cliPath, ...args].map(quote).join(' ');
	const script = `echo "MODES-BEFORE:$(stty -g)"; ${command}; code=$?; echo "MODES-AFTER:$(stty -g)"; echo "EXIT-CODE:$code"`;
	const shell = pty.spawn('/bin/sh', ['-c', script], {
		name: options.term ?? 'xterm-256color',
		cols,
		rows,
		cwd: process.cwd(),
		env: cleanEnv({TERM: options.term ?? 'xterm-256color', ...options.env}),
	});
	let output = '';
	shell.onData((data) => {
		output += data;
		term.write(data);
	});
	const done = new Promise<void>((resolve) => shell.onExit(() => resolve()));
	let finished = false;
	void done.then(() => {
		finished = true;
	});
	const {flush, screen} = term;
	let knownPid: number | undefined;
	const field = (name: string) => new RegExp(`${name}:([^\\r\\n]*)`).exec(output)?.[1]?.trim() ?? '';
	const pid = async () => {
		const deadline = Date.now() + 20_000;
		for (;;) {
			try {
				const children = fs.readFileSync(`/proc/${shell.pid}/task/${shell.pid}/children`, 'utf8').trim();
				for (const child of children.split(/\s+/).filter(Boolean)) {
					const cmdline = fs.readFileSync(`/proc/${child}/cmdline`, 'utf8');
					if (cmdline.includes(cliPath)) {
						knownPid = Number(child);
						return knownPid;
					}
				}
			} catch {
				// Not there yet, or already gone.
			}
			if (Date.now() > deadline || finished) throw new Error('the CLI process was not found');
			await sleep(20);
		}
	};
	const exitCode = done.then(async () => {
		await flush();
		const code = field('EXIT-CODE');
		// No line from the shell means the shell itself was ended: say so with what it showed, never a made-up 0.
		if (code === '')
			throw new Error(`the shell ended without reporting an exit code; it showed:\n${screen()}`);
		return Number(code);
	});
	// Only a test that awaits it should fail on that (a session killed at the end never reports a code).
	exitCode.catch(() => {});
	return {
		screen,
		viewport: term.viewport,
		raw: () => output,
		async press(...sequence) {
			const cli = knownPid ?? (await pid().catch(() => undefined));
			for (const key of sequence) {
				if (cli === undefined) shell.write(key);
				else await typeWhenIdle(cli, (k) => shell.write(k), key);
			}
		},
		waitForText: (needle, timeoutMs = 20_000) => term.waitForText(needle, timeoutMs, () => finished),
		resize(newCols, newRows) {
			shell.resize(newCols, newRows);
			term.resize(newCols, newRows);
		},
		pid,
		async signal(name) {
			process.kill(await pid(), name);
		},
		exitCode,
		modes: () => ({before: field('MODES-BEFORE'), after: field('MODES-AFTER')}),
		programOutput: () => output.replace(/MODES-BEFORE:[^\r\n]*\r?\n/, '').replace(/MODES-AFTER:[\s\S]*$/, ''),
		kill() {
			try {
				if (knownPid !== undefined && !finished) process.kill(knownPid, 'SIGKILL');
			} catch {
				// Already gone.
			}
			try {
				shell.kill('SIGKILL');
			} catch {
				// Already gone.
			}
		},
	};
}

/** The cursor is visible at the end: no "hide cursor" after the last "show cursor". */
export function cursorShownAtEnd(raw: string): boolean {
	const hide = raw.lastIndexOf(`${esc}[?25l`);
	const show = raw.lastIndexOf(`${esc}[?25h`);
	return hide === -1 || show > hide;
}
