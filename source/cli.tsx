// Entry point: parse argv, pick the command, set process.exitCode. The only exit site of the program.
// First, for its side effect: NO_COLOR must be turned into FORCE_COLOR=0 before any colour library loads.
import './commands/colour.js';
import {fileURLToPath} from 'node:url';
import {type Command, type ParsedArgs, parseArgs} from './commands/args.js';
import {crashLine} from './commands/crash.js';
import {helpPage} from './commands/help.js';
import {invocation} from './commands/invocation.js';
import {exitCodes, type Io, isDumb, line, processIo, refuseScreens} from './commands/io.js';
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

/** Each command's module, loaded only when it runs: a command parses none of the others' code. */
const commandModules: Record<Command, () => Promise<{run(args: ParsedArgs, io: Io): Promise<number>}>> = {
	create: () => import('./commands/create.js'),
	configure: () => import('./commands/configure.js'),
	sandbox: () => import('./commands/sandbox.js'),
	resume: () => import('./commands/resume.js'),
	rules: () => import('./commands/rules.js'),
	instances: () => import('./commands/instances.js'),
	groups: () => import('./commands/groups.js'),
};

/** How the run ended; `message` is the --json error's own, when stderr says more than it should (a parse error). */
type Ending = {code: number; message?: string};

async function main(argv: readonly string[], io: Io): Promise<Ending> {
	setLang(detectLang(langFlag(argv), io.env) ?? 'en');
	// Every command printed for the user starts the way that runs where they are (commands/invocation.ts).
	setCommandName(() => invocation({env: io.env, cwd: process.cwd(), bin: launcher}));
	const parsed = parseArgs(argv);
	if (!parsed.ok) {
		for (const error of parsed.errors) line(io.stderr, t('cli.error.prefix', {message: error}));
		line(io.stderr, t('cli.hint.help'));
		return {code: exitCodes.usage, message: parsed.errors.join('\n')};
	}
	const {args} = parsed;
	if (args.help) {
		line(io.stdout, helpPage(args.explicitCommand ? args.command : undefined));
		return {code: exitCodes.ok};
	}
	if (args.version) {
		line(io.stdout, version);
		return {code: exitCodes.ok};
	}
	// A terminal that cannot redraw gets no screens at all (io.interactive is false): say why, once.
	if (isDumb(io.env) && io.stdin.isTTY && io.stdout.isTTY && args.command !== 'sandbox')
		line(io.stderr, t('cli.note.dumbTerminal'));
	return {code: refuseScreens(args, io) ?? (await (await commandModules[args.command]()).run(args, io))};
}

const argv = process.argv.slice(2);
// With --json every error also ends as one object on stdout (commands/json-errors.ts).
const json = wantsJson(argv) ? jsonErrors(processIo()) : undefined;
const io = json?.io ?? processIo();
let ended = false;

/**
 * The one way the program ends: the --json error object when one is owed, then the exit. Normally once what it
 * wrote has reached the terminal: the command has decided the outcome by now, and a request nobody waits for any
 * more (one left hanging after a second Ctrl+C, a region-list refresh) must not hold the prompt back until its
 * socket times out. `now` (a stop signal) ends it at once.
 */
function end({code, message}: Ending, now = false): void {
	if (!ended) json?.finish(code, message);
	ended = true;
	process.exitCode = code;
	if (now) process.exit();
	let pending = 2;
	const done = () => {
		pending--;
		if (pending === 0) process.exit();
	};
	process.stdout.write('', done);
	process.stderr.write('', done);
}

// A stop signal no command handles (a prompt is up, a command starts or ends): leave the terminal usable, say so,
// and end at once with 128 + the signal's number. Commands that send calls handle their own (commands/signals.ts).
onUnhandledStop((signal) => {
	restoreTerminal();
	io.stderr.write(`\n${t('cli.stopped', {signal})}\n`);
	end({code: exitCodeOf(signal)}, true);
});

main(argv, io).then(end, (error: unknown) => {
	// Never a stack trace: the message is enough to report, with any secret it might quote cut out.
	io.stderr.write(`${crashLine(error)}\n`);
	end({code: exitCodes.cloud, message: crashLine(error)});
});
