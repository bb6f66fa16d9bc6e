// What every command needs to talk to Alibaba Cloud, wired in one place: the settings store, the credentials
// (the chain in config/credentials.ts, or the in-process sandbox's), the target (--endpoint, --sandbox), and the
// EcsApi adapter. Heavy pieces load lazily: pop-core on the first call, the sandbox only with --sandbox.
import path from 'node:path';
import {CloudError} from '../cloud/errors.js';
import {type AdapterOptions, createEcsApi, type PopEcsApi} from '../cloud/pop-adapter.js';
import type {EcsApi, RetryObservable} from '../cloud/port.js';
import {resolveCredentials} from '../config/credentials.js';
import {ConfigError} from '../config/errors.js';
import {staticProvider} from '../config/providers.js';
import {homeOf, openConfig} from '../config/store.js';
import type {
	ConfigStore,
	CredentialProvider,
	Credentials,
	JournalEntry,
	ResolvedCredentials,
} from '../config/types.js';
import type {Sandbox} from '../sandbox/index.js';
import {cleanLine, t} from '../text/index.js';
import type {GlobalOptions} from './args.js';
import {type ExitCode, exitCodes, type Io, line} from './io.js';

export type Services = {
	api: EcsApi & RetryObservable;
	store: ConfigStore;
	credentials: ResolvedCredentials;
	/** Where the calls go, recorded in journal entries so `resume` talks to the same place. */
	target: JournalEntry['target'];
	sandbox?: {endpoint: string};
	/** Stops the in-process sandbox (if any) and closes kept-alive connections. */
	close(): Promise<void>;
};

/** No credential source yielded a key pair. The wizard catches it to offer `configure` or the sandbox. */
export class NoCredentialsError extends Error {
	override readonly name = 'NoCredentialsError';
	readonly sentence = t('config.credentials.none');
	readonly next = t('config.credentials.noneNext');
	constructor() {
		super(t('config.credentials.none'));
	}
}

/** A bad flag value found while wiring services (exit 2). */
export class UsageError extends Error {
	override readonly name = 'UsageError';
}

/** `--endpoint` must be an http(s) URL without credentials, query or fragment. */
export function validateEndpoint(value: string): string {
	const url = URL.canParse(value) ? new URL(value) : undefined;
	const web = url?.protocol === 'http:' || url?.protocol === 'https:';
	if (!url || !web || url.username || url.password || url.search || url.hash)
		throw new UsageError(t('config.services.badEndpoint', {value}));
	return url.href.replace(/\/+$/, '');
}

type RunningSandbox = Pick<
	Sandbox,
	'endpoint' | 'accessKeyId' | 'accessKeySecret' | 'securityToken' | 'close'
>;

/** The place calls go to: an --endpoint URL, a sandbox started in this process, or Alibaba Cloud itself. */
export type Target = {
	endpoint?: string;
	sandbox?: RunningSandbox;
	close(): Promise<void>;
};

/** The in-process sandbox keeps its state next to the settings, so it survives restarts. */
async function startInProcessSandbox(store: ConfigStore): Promise<RunningSandbox> {
	const {startSandbox} = await import('../sandbox/index.js');
	return startSandbox({port: 0, statePath: path.join(path.dirname(store.path), 'sandbox-state.json')});
}

/** Validates --endpoint / --sandbox and starts the sandbox when asked. */
export async function openTarget(global: GlobalOptions, store: ConfigStore): Promise<Target> {
	if (global.sandbox && global.endpoint !== undefined) {
		throw new UsageError(t('config.services.sandboxAndEndpoint'));
	}
	if (global.endpoint !== undefined) {
		return {endpoint: validateEndpoint(global.endpoint), close: async () => {}};
	}
	if (!global.sandbox) return {close: async () => {}};
	const sandbox = await startInProcessSandbox(store);
	return {endpoint: sandbox.endpoint, sandbox, close: async () => sandbox.close()};
}

/** The ECS endpoint of a region from the cached region list (any language), read once per api. */
function cachedEndpoints(store: ConfigStore): (regionId: string) => string | undefined {
	let known: Map<string, string> | undefined;
	return (regionId) => {
		if (!known) {
			known = new Map();
			for (const language of ['en-US', 'zh-CN']) {
				try {
					for (const r of store.settings.cachedRegions(language)?.regions ?? []) {
						if (r.endpoint && !known.has(r.id)) known.set(r.id, r.endpoint);
					}
				} catch {
					// A broken settings file is reported where it is read for its own sake, not in the middle of a call.
				}
			}
		}
		return known.get(regionId);
	};
}

export function apiFor(
	credentials: Credentials | CredentialProvider,
	target: Target,
	store: ConfigStore,
	overrides: Omit<Partial<AdapterOptions>, 'credentials' | 'endpoint'> = {},
): PopEcsApi {
	return createEcsApi({
		credentials:
			'getCredentials' in credentials
				? credentials
				: {
						accessKeyId: credentials.accessKeyId,
						accessKeySecret: credentials.accessKeySecret,
						...(credentials.securityToken ? {securityToken: credentials.securityToken} : {}),
					},
		endpoint: target.endpoint,
		regionEndpoints: target.endpoint ? undefined : cachedEndpoints(store),
		...overrides,
	});
}

/** An api whose every call fails with NoCredentialsError: for commands that may run without credentials. */
function withoutCredentials(): PopEcsApi {
	return new Proxy({} as PopEcsApi, {
		get(_target, property) {
			if (property === 'onRetry') return () => () => {};
			if (property === 'close') return () => {};
			if (property === 'then') return undefined;
			return async () => {
				throw new NoCredentialsError();
			};
		},
	});
}

/** The in-process sandbox's own keys (an STS token when it hands out temporary ones). */
function sandboxCredentials(sandbox: RunningSandbox): ResolvedCredentials {
	const {accessKeyId, accessKeySecret, securityToken} = sandbox;
	const keys = {accessKeyId, accessKeySecret, ...(securityToken ? {securityToken} : {})};
	const mode = securityToken ? 'StsToken' : 'AK';
	return {
		...keys,
		provider: staticProvider(keys, mode),
		mode,
		source: {kind: 'sandbox', label: sandbox.endpoint},
	};
}

export async function openServices(
	global: GlobalOptions,
	io: Io,
	options: {needCredentials?: boolean} = {},
): Promise<Services> {
	const store = openConfig({env: io.env});
	const target = await openTarget(global, store);
	try {
		const credentials = target.sandbox
			? sandboxCredentials(target.sandbox)
			: resolveCredentials({
					profile: global.profile,
					env: io.env,
					home: homeOf(io.env),
					store,
					// The sandbox (or whatever --endpoint names) answers STS too.
					...(target.endpoint ? {targets: {sts: target.endpoint}} : {}),
				});
		if (!credentials && options.needCredentials !== false) throw new NoCredentialsError();
		const api = credentials ? apiFor(credentials.provider, target, store) : withoutCredentials();
		return {
			api,
			store,
			credentials: credentials ?? {
				provider: staticProvider({accessKeyId: '', accessKeySecret: ''}, 'AK'),
				mode: 'AK',
				source: {kind: 'env', label: ''},
			},
			target: {
				...(target.endpoint && !target.sandbox ? {endpoint: target.endpoint} : {}),
				...(target.sandbox ? {sandbox: true} : {}),
				...(credentials?.source.kind === 'profile' ? {profile: credentials.source.label} : {}),
			},
			...(target.sandbox ? {sandbox: {endpoint: target.sandbox.endpoint}} : {}),
			async close() {
				api.close();
				await target.close();
			},
		};
	} catch (error) {
		await target.close();
		throw error;
	}
}

type Failure = {exitCode: ExitCode; sentence: string; next?: string};

/** The exit code and the two lines to show for an error services or the api can throw; undefined for a bug. */
export function explainFailure(error: unknown): Failure | undefined {
	if (error instanceof CloudError || error instanceof ConfigError || error instanceof NoCredentialsError) {
		// STS or the metadata service said no or could not be reached: a cloud/network failure, not a typo.
		const cloud =
			error instanceof CloudError ||
			(error instanceof ConfigError && (error.code === 'credentials' || error.code === 'unreachable'));
		return {exitCode: cloud ? exitCodes.cloud : exitCodes.usage, sentence: error.sentence, next: error.next};
	}
	if (error instanceof UsageError) return {exitCode: exitCodes.usage, sentence: error.message};
	if (error instanceof Error && error.name === 'SandboxStateError') {
		// The sandbox speaks English only (it imports nothing of ours); its message names the file and the problems.
		return {
			exitCode: exitCodes.usage,
			sentence: cleanLine(error.message).slice(0, 500),
			next: t('config.services.sandboxStateNext'),
		};
	}
	if (error instanceof Error && error.name === 'AbortError') {
		return {exitCode: exitCodes.cancelled, sentence: t('config.services.cancelled')};
	}
	return undefined;
}

/** Prints a failure on stderr (sentence, then next step) and returns its exit code; rethrows what is a bug. */
export function reportFailure(io: Io, error: unknown): ExitCode {
	const failure = explainFailure(error);
	if (!failure) throw error;
	line(io.stderr, t('cli.error.prefix', {message: failure.sentence}));
	if (failure.next) line(io.stderr, failure.next);
	return failure.exitCode;
}
