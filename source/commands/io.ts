import {cleanBlock, commandName, t} from '../text/index.js';
import type {ParsedArgs} from './args.js';

// The process's streams and environment, passed to commands so tests can give fakes.
export type Io = {
	stdin: NodeJS.ReadStream;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
	env: NodeJS.ProcessEnv;
	/** stdin and stdout are terminals that can redraw (not TERM=dumb) and CI is not set: the wizard may render. */
	interactive: boolean;
};

/**
 * Exit codes (design.md): the only values a command may return. A stop asked for by a signal other than SIGINT
 * ends as a shell reports a process that signal ended (128 + its number): 143 for SIGTERM, 129 for SIGHUP.
 */
export const exitCodes = {ok: 0, cloud: 1, usage: 2, cancelled: 130, terminated: 143, hangup: 129} as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

const ciValues = new Set(['', '0', 'false']);

function isInteractive(stdin: {isTTY?: boolean}, stdout: {isTTY?: boolean}, env: NodeJS.ProcessEnv): boolean {
	const ci = env.CI !== undefined && !ciValues.has(env.CI.toLowerCase());
	return Boolean(stdin.isTTY && stdout.isTTY) && !ci && !isDumb(env);
}

/**
 * TERM=dumb: a terminal that cannot move the cursor, so no screen can be redrawn (Emacs' shell, some pipes made
 * to look like terminals). Every command then works as without a terminal: answers from flags, plain lines.
 */
export const isDumb = (env: NodeJS.ProcessEnv): boolean => env.TERM === 'dumb';

export const processIo = (): Io => ({
	stdin: process.stdin,
	stdout: process.stdout,
	stderr: process.stderr,
	env: process.env,
	interactive: isInteractive(process.stdin, process.stdout, process.env),
});

/** Writes one line to a stream (results on stdout, everything else on stderr). */
export const line = (stream: NodeJS.WritableStream, text = ''): void => {
	stream.write(`${text}\n`);
};

/** Writes lines to a stream, each cleaned as a block (what a name from the API carries cannot drive the terminal). */
export const lines = (stream: NodeJS.WritableStream, texts: readonly string[]): void => {
	for (const text of texts) line(stream, cleanBlock(text));
};

/**
 * A person at a terminal sent stdout to a pipe or a file (`ecs-sg rules | less`): the screens would draw into it.
 * The one check every command with screens passes through (refuseScreens, and create's list of missing flags).
 */
export const stdoutPiped = (io: Pick<Io, 'stdin' | 'stdout'>): boolean =>
	Boolean(io.stdin.isTTY) && !io.stdout.isTTY;

/**
 * What to say instead of the screens these args would open in a terminal, where the flags path cannot do their job
 * either (a follow-up without --group, a change or a delete without --yes, configure); undefined when the flags
 * path can (it runs, as in any pipe). create names its own missing flags (create-check.ts).
 */
function screensHint(args: ParsedArgs, command: string): string | undefined {
	const {flags} = args;
	const [word] = args.positionals;
	if (flags.json === true) return undefined;
	switch (args.command) {
		case 'configure':
			return word === undefined ? t('config.configure.notTtyNext') : undefined;
		case 'rules':
		case 'instances': {
			const asks = word === undefined ? flags.group === undefined : word !== 'list' && flags.yes !== true;
			const known = word === undefined || word === 'add' || word === 'remove';
			const key = args.command === 'rules' ? 'cli.terminal.rules' : 'cli.terminal.instances';
			return asks && known ? t(key, {command}) : undefined;
		}
		case 'groups':
			return word === 'delete' && (flags.group === undefined || flags.yes !== true)
				? t('cli.terminal.groups', {command})
				: undefined;
		default:
			return undefined;
	}
}

/** With stdout piped, the usage error (exit 2, nothing done) for args that would open screens; else undefined. */
export function refuseScreens(args: ParsedArgs, io: Io): ExitCode | undefined {
	if (!stdoutPiped(io)) return undefined;
	const command = `${commandName()} ${args.command}`;
	const hint = screensHint(args, command);
	if (hint === undefined) return undefined;
	line(io.stderr, t('cli.error.prefix', {message: t('cli.error.screensNeedStdout', {command})}));
	line(io.stderr, hint);
	return exitCodes.usage;
}
