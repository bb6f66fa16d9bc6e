// The built CLI (dist/cli.mjs) as a plain process, without a terminal: the flags-only path, pipes and scripts.
import {type ChildProcess, spawn} from 'node:child_process';
import {cleanEnv, type EnvChanges} from './env.js';

const cliPath = new URL('../../dist/cli.mjs', import.meta.url).pathname;

export type CliRun = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

export type RunningCli = {
	child: ChildProcess;
	/** What it has written to stdout so far. */
	stdout(): string;
	/** What it has written to stderr so far. */
	stderr(): string;
	done: Promise<CliRun>;
};

export type CliOptions = {
	/** Standard input: nothing (the default), or a pipe left open that nobody writes to. */
	stdin?: 'ignore' | 'pipe';
};

/** `node dist/cli.mjs ...args` in this machine's cleaned environment changed by `env` (see cleanEnv). */
export function startCli(
	args: readonly string[],
	env: EnvChanges = {},
	options: CliOptions = {},
): RunningCli {
	const child = spawn(process.execPath, [cliPath, ...args], {
		env: cleanEnv(env),
		stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (d) => {
		stdout += String(d);
	});
	child.stderr?.on('data', (d) => {
		stderr += String(d);
	});
	const done = new Promise<CliRun>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}));
	});
	return {child, stdout: () => stdout, stderr: () => stderr, done};
}

/** startCli, awaited: the exit code (or signal) and both streams. */
export const runCli = (
	args: readonly string[],
	env: EnvChanges = {},
	options: CliOptions = {},
): Promise<CliRun> => startCli(args, env, options).done;

/** The flags that create `name` from the Web Server Linux template in `vpc` of `regionId` (add --yes, --json). */
export const webLinuxFlags = (name: string, vpc: string, regionId = 'cn-hangzhou'): string[] => [
	'--region',
	regionId,
	'--template',
	'web-linux',
	'--name',
	name,
	'--vpc',
	vpc,
];
