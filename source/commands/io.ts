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

export function isInteractive(
	stdin: {isTTY?: boolean},
	stdout: {isTTY?: boolean},
	env: NodeJS.ProcessEnv,
): boolean {
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
