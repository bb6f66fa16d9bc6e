// `ecs-sg sandbox`: run the local Alibaba Cloud stand-in in the foreground. The first stdout line is one
// JSON object with the endpoint and keys (scripts read it); notes go to stderr; SIGINT, SIGTERM or SIGHUP stop it and
// the command returns 0.
import type {FaultSpec, Sandbox} from '../sandbox/index.js';
import {cleanLine, t} from '../text/index.js';
import {flagList, flagText, type ParsedArgs} from './args.js';
import {exitCodes, type Io, line} from './io.js';
import {onStopSignals} from './signals.js';

type Options = {
	port: number;
	statePath?: string;
	latencyMs: number;
	faults: FaultSpec[];
	stsTtlSeconds?: number;
	metadataPort?: number;
};

const isPort = (value: string): boolean => /^\d{1,5}$/.test(value) && Number(value) <= 65535;

async function readOptions(args: ParsedArgs): Promise<{options: Options} | {errors: string[]}> {
	const {parseFault, sandboxActions} = await import('../sandbox/index.js');
	const errors: string[] = [];
	for (const word of args.positionals) errors.push(t('sandbox.error.positional', {value: word}));
	const port = flagText(args.flags.port) ?? '0';
	if (!isPort(port)) errors.push(t('sandbox.error.port', {value: port}));
	const latency = flagText(args.flags.latency) ?? '0';
	if (!/^\d{1,9}$/.test(latency)) errors.push(t('sandbox.error.latency', {value: latency}));
	const ttl = flagText(args.flags['sts-ttl']);
	if (ttl !== undefined && !/^[1-9]\d{0,6}$/.test(ttl)) errors.push(t('sandbox.error.stsTtl', {value: ttl}));
	const metadata = flagText(args.flags['metadata-port']);
	if (metadata !== undefined && !isPort(metadata))
		errors.push(t('sandbox.error.metadataPort', {value: metadata}));
	const faults: FaultSpec[] = [];
	for (const spec of flagList(args.flags.fault) ?? []) {
		const parsed = parseFault(spec);
		if (!('error' in parsed)) {
			faults.push(parsed);
			continue;
		}
		const [action = '', kind = ''] = spec.split(':').map((part) => part.trim());
		const reason = 'reason' in parsed ? parsed.reason : 'format';
		if (reason === 'action')
			errors.push(t('sandbox.error.faultAction', {value: spec, action, actions: sandboxActions.join(', ')}));
		else if (reason === 'kind') errors.push(t('sandbox.error.faultKind', {value: spec, kind}));
		else
			errors.push(
				t(reason === 'count' ? 'sandbox.error.faultCount' : 'sandbox.error.faultFormat', {value: spec}),
			);
	}
	if (errors.length > 0) return {errors};
	const statePath = flagText(args.flags.state);
	return {
		options: {
			port: Number(port),
			latencyMs: Number(latency),
			faults,
			...(statePath ? {statePath} : {}),
			...(ttl === undefined ? {} : {stsTtlSeconds: Number(ttl)}),
			...(metadata === undefined ? {} : {metadataPort: Number(metadata)}),
		},
	};
}

/** Resolves on the first SIGINT, SIGTERM or SIGHUP (the sandbox then stops cleanly and exits 0). */
function stopSignal(): Promise<void> {
	return new Promise((resolve) => {
		const stop = onStopSignals(() => {
			stop();
			resolve();
		});
	});
}

function startError(error: unknown, port: number, io: Io): number {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'EADDRINUSE') line(io.stderr, t('sandbox.error.portInUse', {port}));
	else if (code === 'EACCES') line(io.stderr, t('sandbox.error.portDenied', {port}));
	else
		line(
			io.stderr,
			t('sandbox.error.listen', {message: error instanceof Error ? error.message : String(error)}),
		);
	return exitCodes.usage;
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
	const read = await readOptions(args);
	if ('errors' in read) {
		for (const error of read.errors) line(io.stderr, t('cli.error.prefix', {message: error}));
		line(io.stderr, t('cli.hint.help'));
		return exitCodes.usage;
	}
	const {options} = read;
	const {startSandbox, SandboxStateError} = await import('../sandbox/index.js');
	let sandbox: Sandbox;
	try {
		sandbox = await startSandbox({
			...options,
			onPersistError: (error) =>
				line(io.stderr, t('sandbox.warn.persist', {file: options.statePath ?? '', message: error.message})),
		});
	} catch (error) {
		if (error instanceof SandboxStateError) {
			line(io.stderr, t('sandbox.error.state', {file: error.file}));
			for (const problem of error.problems) line(io.stderr, t('sandbox.error.stateProblem', {problem}));
			line(io.stderr, t('sandbox.error.stateHint'));
			return exitCodes.usage;
		}
		return startError(error, options.port, io);
	}
	const stopped = stopSignal();
	const ready = {
		endpoint: sandbox.endpoint,
		accessKeyId: sandbox.accessKeyId,
		accessKeySecret: sandbox.accessKeySecret,
		...(sandbox.securityToken === undefined ? {} : {securityToken: sandbox.securityToken}),
		...(sandbox.metadataEndpoint ? {metadataEndpoint: sandbox.metadataEndpoint} : {}),
	};
	line(io.stdout, JSON.stringify(ready));
	const state = options.statePath
		? t('sandbox.state.file', {file: cleanLine(options.statePath)})
		: t('sandbox.state.memory');
	line(io.stderr, t('sandbox.listening', {endpoint: sandbox.endpoint, state}));
	await stopped;
	await sandbox.close();
	line(io.stderr, t('sandbox.stopped'));
	return exitCodes.ok;
}
