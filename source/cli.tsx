// Entry point: parse argv, pick the command, set process.exitCode. The only exit site of the program.
// First, for its side effect: NO_COLOR must be turned into FORCE_COLOR=0 before any colour library loads.
import './commands/colour.js';
import {fileURLToPath} from 'node:url';
import {type ParsedArgs, parseArgs} from './commands/args.js';
import {crashLine} from './commands/crash.js';
import {helpPage} from './commands/help.js';
import {invocation} from './commands/invocation.js';
import {exitCodes, type Io, isDumb, line, processIo} from './commands/io.js';
import {jsonErrors, wantsJson} from './commands/json-errors.js';
import {exitCodeOf, onUnhandledStop, restoreTerminal} from './commands/signals.js';
import {detectLang, setCommandName, setLang, t} from './text/index.js';

/** bin/ecs-sg.js, from source/cli.tsx and from its bundle dist/cli.mjs alike. */
const launcher = fileURLToPath(new URL('../bin/ecs-sg.js', import.meta.url));

declare const __ECS_SG_VERSION__: string | undefined;
const version = typeof __ECS_SG_VERSION__ === 'string' ? __ECS_SG_VERSION__ : '0.0.0-dev';

/** `--lang` is read before the full parse so that even usage errors come in the chosen language. */
function langFlag(argv: readonly string[]): string | undefined {
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? '';
		if (arg === '--lang') return argv[i + 1];
		if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
	}
	return undefined;
}

async function dispatch(args: ParsedArgs, io: Io): Promise<number> {
	switch (args.command) {
		case 'create':
			return (await import('./commands/create.js')).run(args, io);
		case 'configure':
			return (await import('./commands/configure.js')).run(args, io);
		case 'sandbox':
			return (await import('./commands/sandbox.js')).run(args, io);
		case 'resume':
			return (await import('./commands/resume.js')).run(args, io);
		case 'rules':
			return (await import('./commands/rules.js')).run(args, io);
		case 'instances':
			return (await import('./commands/instances.js')).run(args, io);
		case 'groups':
			return (await import('./commands/groups.js')).run(args, io);
	}
}

async function main(argv: readonly string[], io: Io): Promise<number> {
	setLang(detectLang(langFlag(argv), io.env) ?? 'en');
	// Every command printed for the user starts the way that runs where they are (commands/invocation.ts).
	setCommandName(() => invocation({env: io.env, cwd: process.cwd(), bin: launcher}));
	const parsed = parseArgs(argv);
	if (!parsed.ok) {
		for (const error of parsed.errors) line(io.stderr, t('cli.error.prefix', {message: error}));
		line(io.stderr, t('cli.hint.help'));
		json?.finish(exitCodes.usage, parsed.errors.join('\n'));
		return exitCodes.usage;
	}
	const {args} = parsed;
	if (args.help) {
		line(io.stdout, helpPage(args.explicitCommand ? args.command : undefined));
		return exitCodes.ok;
	}
	if (args.version) {
		line(io.stdout, version);
		return exitCodes.ok;
	}
	// A terminal that cannot redraw gets no screens at all (io.interactive is false): say why, once.
	if (isDumb(io.env) && io.stdin.isTTY && io.stdout.isTTY && args.command !== 'sandbox')
		line(io.stderr, t('cli.note.dumbTerminal'));
	return dispatch(args, io);
}

// A stop signal no command handles (a prompt is up, a command starts or ends): leave the terminal usable, say so,
// and end at once with 128 + the signal's number. Commands that send calls handle their own (commands/signals.ts).
onUnhandledStop((signal) => {
	restoreTerminal();
	process.stderr.write(`\n${t('cli.stopped', {signal})}\n`);
	process.exitCode = exitCodeOf(signal);
	process.exit();
});

/**
 * Ends the process once what it wrote has reached the terminal. The command has decided the outcome by now: a
 * request nobody waits for any more (one left hanging after a second Ctrl+C, a region-list refresh) must not hold
 * the prompt back until its socket times out.
 */
function end(code: number): void {
	process.exitCode = code;
	let pending = 2;
	const done = () => {
		pending--;
		if (pending === 0) process.exit();
	};
	process.stdout.write('', done);
	process.stderr.write('', done);
}

const argv = process.argv.slice(2);
// With --json every error also ends as one object on stdout (commands/json-errors.ts).
const json = wantsJson(argv) ? jsonErrors(processIo()) : undefined;
main(argv, json?.io ?? processIo()).then(
	(code) => {
		json?.finish(code);
		end(code);
	},
	(error: unknown) => {
		// Never a stack trace: the message is enough to report, with any secret it might quote cut out.
		process.stderr.write(`${crashLine(error)}\n`);
		json?.finish(exitCodes.cloud, crashLine(error));
		end(exitCodes.cloud);
	},
);
