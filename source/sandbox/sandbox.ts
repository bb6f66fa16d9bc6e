// startSandbox: load (or seed) the world, start the HTTP server on 127.0.0.1, and hand back the endpoint,
// the keys, and the controls tests use (faults, snapshot, close).
import {resolve} from 'node:path';
import {keysLookup, NonceBook} from './auth.js';
import {FaultBook, faultKinds} from './faults.js';
import {ClientTokens} from './idempotency.js';
import {type MetadataServer, startMetadata} from './metadata.js';
import {seedWorld} from './seed.js';
import {SandboxServer} from './server.js';
import {worldFromFile, worldToFile} from './state-file.js';
import {loadState, SandboxStateError, writeState} from './store.js';
import {defaultRoleArn, StsBook, type StsState} from './sts.js';
import type {FaultSpec, SandboxStateFile, World} from './types.js';

export type SandboxOptions = {
	/** Default 0 = a free port; always on 127.0.0.1. */
	port?: number;
	/** JSON state file: a missing file is seeded and written; without this option the state lives in memory. */
	statePath?: string;
	/** For tests: start from this (in memory unless statePath is also given, which it then overwrites). */
	initialState?: SandboxStateFile;
	/** Delay before every response. */
	latencyMs?: number;
	faults?: FaultSpec[];
	/** Clock for Timestamp checks and creation times (tests). */
	now?: () => number;
	/** Lifetime of the keys STS and the metadata stand-in issue, in seconds (tests: a few; default the request's). */
	stsTtlSeconds?: number;
	/** Also serve the instance-metadata stand-in on this port of 127.0.0.1 (0 = a free one). */
	metadataPort?: number;
	/** The state could not be written (disk full, folder gone); the sandbox keeps serving from memory. */
	onPersistError?: (error: Error) => void;
};

export type Sandbox = {
	/** http://127.0.0.1:PORT */
	endpoint: string;
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	/** http://127.0.0.1:PORT of the instance-metadata stand-in, when asked for. */
	metadataEndpoint?: string;
	/** The RAM roles STS knows (RoleArn). */
	roleArns: string[];
	addFault(fault: FaultSpec): void;
	/** A deep copy of the current state, in the state file's shape (credentials included). */
	snapshot(): SandboxStateFile;
	/** Stops listening, destroys open sockets (hung ones included) and writes the state out. */
	close(): Promise<void>;
};

function checkFault(fault: FaultSpec): FaultSpec {
	if (!faultKinds.includes(fault.kind) || !Number.isInteger(fault.count) || fault.count < 1) {
		throw new RangeError(`Not a fault: ${JSON.stringify(fault)}`);
	}
	return fault;
}

function initialWorld(options: SandboxOptions, statePath: string | undefined, now: number): World {
	if (options.initialState !== undefined) {
		const read = worldFromFile(structuredClone(options.initialState), now);
		if ('problems' in read) throw new SandboxStateError(statePath ?? 'initialState', read.problems);
		if (statePath !== undefined) writeState(statePath, read.world);
		return read.world;
	}
	return statePath === undefined ? seedWorld() : loadState(statePath, now);
}

/** The roles of the file's `sts` section (checked when the file was read), else one default role. */
function stsState(world: World): StsState {
	const roles = (world.sts?.roles as StsState['roles'] | undefined) ?? [
		{RoleArn: defaultRoleArn(world.account.ownerId)},
	];
	return {roles, ...(world.sts?.ttlSeconds === undefined ? {} : {ttlSeconds: world.sts.ttlSeconds})};
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const now = options.now ?? Date.now;
	const latencyMs = options.latencyMs ?? 0;
	if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new RangeError(`Not a latency: ${latencyMs}`);
	const statePath = options.statePath === undefined ? undefined : resolve(options.statePath);
	const world = initialWorld(options, statePath, now());
	const faults = new FaultBook();
	for (const fault of options.faults ?? []) faults.add(checkFault(fault));

	let unsaved = false;
	const flush = (): void => {
		if (statePath === undefined) return;
		try {
			writeState(statePath, world);
			unsaved = false;
		} catch (error) {
			unsaved = true;
			options.onPersistError?.(error instanceof Error ? error : new Error(String(error)));
		}
	};
	const sts = new StsBook(stsState(world), options.stsTtlSeconds);
	const server = new SandboxServer({
		world,
		nonces: new NonceBook(),
		faults,
		tokens: new ClientTokens(world),
		latencyMs,
		now,
		flush,
		sts,
		// The keys STS issued are accepted, until they expire, beside the world's own pair.
		keys: sts.lookup(keysLookup(() => world.credentials)),
	});
	const endpoint = await server.listen(options.port ?? 0);
	let metadata: MetadataServer | undefined;
	try {
		if (options.metadataPort !== undefined) metadata = await startMetadata(sts, options.metadataPort, now);
	} catch (error) {
		await server.close();
		throw error;
	}
	let closing: Promise<void> | undefined;
	const {credentials} = world;
	return {
		endpoint,
		accessKeyId: credentials.accessKeyId,
		accessKeySecret: credentials.accessKeySecret,
		...(credentials.securityToken === undefined ? {} : {securityToken: credentials.securityToken}),
		...(metadata ? {metadataEndpoint: metadata.endpoint} : {}),
		roleArns: sts.roles().map((role) => role.RoleArn),
		addFault: (fault) => faults.add(checkFault(fault)),
		snapshot: () => ({...worldToFile(world), credentials: {...world.credentials}}),
		close: () => {
			closing ??= Promise.all([server.close(), metadata?.close()]).then(() => {
				if (unsaved) flush();
			});
			return closing;
		},
	};
}
