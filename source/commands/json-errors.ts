// `--json` promises one JSON object on stdout. A command that fails before it has one to print (a usage error, no
// credentials, a refused call, a crash) writes its message on stderr for a person; this turns that into the
// object a script can read: {"error": {"code", "message", "exit"}}, printed once, when the command ends.
import stripAnsi from 'strip-ansi';
import {type ExitCode, exitCodes, type Io} from './io.js';

/** The exit code's name in design.md's table: what `error.code` says. */
const codeOfExit = (exit: number): string =>
	(Object.entries(exitCodes) as [string, ExitCode][]).find(([, value]) => value === exit)?.[0] ??
	'unexpected';

/** `--json` among the words before `--` (what parseArgs reads it from; read first so even usage errors obey it). */
export const wantsJson = (argv: readonly string[]): boolean => {
	const end = argv.indexOf('--');
	return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
};

type JsonErrors = {
	io: Io;
	/**
	 * Prints the error object for `exit` unless the command ended well or printed its own object on stdout. Called
	 * once, by cli.tsx's end().
	 */
	finish(exit: number, message?: string): void;
};

/** `io` with stderr recorded (and still written) and stdout watched, for the error object at the end. */
export function jsonErrors(io: Io): JsonErrors {
	let told = '';
	let printed = false;
	const watch = (stream: NodeJS.WriteStream, onWrite: (chunk: unknown) => void): NodeJS.WriteStream =>
		new Proxy(stream, {
			get(target, prop) {
				if (prop === 'write')
					return (chunk: unknown, ...rest: unknown[]) => {
						onWrite(chunk);
						return (target.write as (...a: unknown[]) => boolean)(chunk, ...rest);
					};
				const value = Reflect.get(target, prop, target);
				return typeof value === 'function' ? value.bind(target) : value;
			},
		});
	const wrapped: Io = {
		...io,
		stdout: watch(io.stdout, (chunk) => {
			if (String(chunk) !== '') printed = true;
		}),
		stderr: watch(io.stderr, (chunk) => {
			told += String(chunk);
		}),
	};
	return {
		io: wrapped,
		finish(exit, message) {
			if (exit === exitCodes.ok || printed) return;
			const text = (message ?? stripAnsi(told)).trim();
			io.stdout.write(`${JSON.stringify({error: {code: codeOfExit(exit), message: text, exit}})}\n`);
		},
	};
}
