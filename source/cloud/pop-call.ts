// The transport under the EcsApi adapter: pop-core loaded on the first call (importing this module costs nothing
// at start-up), one kept-alive client per endpoint and API version, and `call`: POST (a GET error message would
// carry the signed URL), params flattened with empty values dropped, our own timeout (pop-core's default is
// 3 s), the HTTP status checked (pop-core resolves a 4xx/5xx whose JSON has no Code), retries with capped
// exponential backoff and full jitter for the codes error-codes.ts names, and every failure normalised into a
// redacted CloudError.
import {backOff} from 'exponential-backoff';
import {hideSecretLogs} from '../config/debug-logs.js';
import {ConfigError} from '../config/errors.js';
import {apiVersions, endpointFor, type Product} from './endpoints.js';
import {
	afterTries,
	CloudError,
	credentialsError,
	HttpStatusError,
	toCloudError,
	tooLargeError,
} from './errors.js';
import {str, toPlain} from './mappers.js';
import {flattenParams, type ParamObject} from './params.js';
import type {RetryEvent} from './port.js';
import {rememberSecrets} from './redact.js';
import {type CallRecord, callRecord, defaultMaxResponseBytes, guardAgent} from './response-guard.js';

export type AdapterKeys = {accessKeyId: string; accessKeySecret: string; securityToken?: string};

export type AdapterOptions = {
	/**
	 * Fixed keys, or a provider asked before every call (temporary keys change when they are renewed: a new
	 * pop-core client is made for new keys, since pop-core takes them at construction). A provider's refusal or
	 * unreachable service (config/'s ConfigError, naming the mode and the step) becomes a CloudError of kind
	 * 'credentials' or 'network' with config/'s words (errors.ts credentialsError), never retried.
	 */
	credentials: AdapterKeys | {getCredentials(): Promise<AdapterKeys>};
	/** One URL for every call (ECS and VPC): --endpoint or the sandbox. */
	endpoint?: string;
	/** Per call (connect and read), default 10 s. */
	timeoutMs?: number;
	/** Tries in all (default 4), first backoff delay (default 500 ms), cap on any delay (default 8 s). */
	retry?: {tries?: number; baseDelayMs?: number; maxDelayMs?: number};
	/**
	 * DescribeVpcs pages fetched at once after page 1 (default 20: a region's 1,000 VPCs, 20 pages of 50, arrive
	 * in two round trips instead of six). Other paged calls fetch 4 pages at once.
	 */
	vpcPageConcurrency?: number;
	/** An answer larger than this is cut off and reported (default 16 MB, far above any API answer). */
	maxResponseBytes?: number;
	/** The ECS endpoint (host or URL) of a region, from the cached region list. */
	regionEndpoints?: (regionId: string) => string | undefined;
};

export type Json = Record<string, unknown>;
type Entry = {response?: {statusCode?: number}};
type PopClient = {
	request(action: string, params: object, options: object): Promise<[unknown, Entry]>;
	keepAliveAgent?: import('node:http').Agent;
};
type PopClientClass = new (
	config: {
		endpoint: string;
		apiVersion: string;
		accessKeyId: string;
		accessKeySecret: string;
		securityToken?: string;
	},
	verbose: boolean,
) => PopClient;

let popCore: Promise<PopClientClass> | undefined;
const loadPopCore = (): Promise<PopClientClass> => {
	// The RPC client alone: the package's index also loads the ROA client and its XML parser (about 100 KB of the
	// bundle that every start would parse, for calls this adapter never makes).
	popCore ??= hideSecretLogs().then(async () => {
		const module = await import('@alicloud/pop-core/lib/rpc.js');
		const loaded = module as unknown as {default?: PopClientClass};
		return loaded.default ?? (module as unknown as PopClientClass);
	});
	return popCore;
};

export type Call = (
	product: Product,
	action: string,
	regionId: string | undefined,
	params: ParamObject,
	signal?: AbortSignal,
) => Promise<Json>;

export type Transport = {
	call: Call;
	/** Endpoints learnt from this api's own DescribeRegions, used when the caller's cache has none. */
	learnt: Map<string, string>;
	listeners: Set<(event: RetryEvent) => void>;
	close(): void;
	vpcConcurrency: number;
};

export function createTransport(options: AdapterOptions): Transport {
	const {credentials} = options;
	const timeoutMs = options.timeoutMs ?? 10_000;
	const maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;
	const tries = Math.max(1, options.retry?.tries ?? 4);
	const baseDelayMs = Math.max(0, options.retry?.baseDelayMs ?? 500);
	const maxDelayMs = Math.max(baseDelayMs, options.retry?.maxDelayMs ?? 8000);
	const vpcConcurrency = Math.max(1, options.vpcPageConcurrency ?? 20);
	const keysNow = (): Promise<AdapterKeys> =>
		'getCredentials' in credentials ? credentials.getCredentials() : Promise.resolve(credentials);
	const secrets: string[] = [];
	const remember = (keys: AdapterKeys) => {
		for (const value of [keys.accessKeySecret, keys.securityToken]) {
			if (value && !secrets.includes(value)) {
				secrets.push(value);
				rememberSecrets(value);
			}
		}
	};
	if (!('getCredentials' in credentials)) remember(credentials);
	const listeners = new Set<(event: RetryEvent) => void>();
	const clients = new Map<string, {keys: string; client: Promise<PopClient>}>();
	const learnt = new Map<string, string>();
	const regionEndpoint = (regionId: string) => options.regionEndpoints?.(regionId) ?? learnt.get(regionId);

	const client = (endpoint: string, apiVersion: string, keys: AdapterKeys): Promise<PopClient> => {
		const key = `${endpoint} ${apiVersion}`;
		const keysId = `${keys.accessKeyId} ${keys.securityToken ?? ''}`;
		const cached = clients.get(key);
		if (cached?.keys === keysId) return cached.client;
		// Renewed keys: the old client's connections are closed once its calls have settled.
		cached?.client.then(
			(old) => old.keepAliveAgent?.destroy(),
			() => {},
		);
		const made = loadPopCore().then((RPCClient) => {
			const rpc = new RPCClient(
				{
					endpoint,
					apiVersion,
					accessKeyId: keys.accessKeyId,
					accessKeySecret: keys.accessKeySecret,
					...(keys.securityToken ? {securityToken: keys.securityToken} : {}),
				},
				true,
			);
			// Every answer through this client is watched: size capped, status noted (response-guard.ts).
			if (rpc.keepAliveAgent) guardAgent(rpc.keepAliveAgent, maxResponseBytes);
			return rpc;
		});
		// A failed load must not be cached for good.
		made.catch(() => {
			if (clients.get(key)?.client === made) clients.delete(key);
		});
		clients.set(key, {keys: keysId, client: made});
		return made;
	};

	const emit = (event: RetryEvent) => {
		for (const listener of listeners) {
			try {
				listener(event);
			} catch {
				// A display's bug must not break the call.
			}
		}
	};

	async function call(
		product: Product,
		action: string,
		regionId: string | undefined,
		params: ParamObject,
		signal?: AbortSignal,
	): Promise<Json> {
		const endpoint = endpointFor(product, regionId, {override: options.endpoint, regionEndpoint});
		const flat = flattenParams(params);
		const once = async (): Promise<Json> => {
			signal?.throwIfAborted();
			const keys = await keysNow().catch((error: unknown) => {
				throw error instanceof ConfigError && (error.code === 'credentials' || error.code === 'unreachable')
					? credentialsError(error, action)
					: error;
			});
			remember(keys);
			const record: CallRecord = {};
			try {
				const rpc = await client(endpoint, apiVersions[product], keys);
				const [body, entry] = await rpc.request(action, flat, {
					method: 'POST',
					timeout: timeoutMs,
					formatAction: false,
					formatParams: false,
					beforeRequest: (request: object) => ({
						...request,
						[callRecord]: record,
						...(signal ? {signal} : {}),
					}),
				});
				const plain = toPlain(body);
				const json = (typeof plain === 'object' && plain !== null ? plain : {}) as Json;
				const status = entry?.response?.statusCode;
				if (typeof status === 'number' && status >= 400)
					throw new HttpStatusError(status, str(json.RequestId));
				return json;
			} catch (error) {
				if (signal?.aborted) throw signal.reason;
				if (record.tooLarge) throw tooLargeError(action, {endpoint}, maxResponseBytes);
				throw toCloudError(error, action, {endpoint, secrets, timeoutMs, status: record.status});
			}
		};
		let tried = 0;
		try {
			return await backOff(
				() => {
					tried++;
					return once();
				},
				{
					numOfAttempts: tries,
					startingDelay: baseDelayMs,
					maxDelay: maxDelayMs,
					timeMultiple: 2,
					jitter: 'full',
					retry: (error: unknown, failures: number) => {
						if (signal?.aborted || !(error instanceof CloudError) || !error.details.retryable) return false;
						if (failures >= tries) return false;
						// full jitter waits a random time up to this cap
						const delayMs = Math.min(baseDelayMs * 2 ** (failures - 1), maxDelayMs);
						emit({action, attempt: failures + 1, delayMs, code: error.code});
						return true;
					},
				},
			);
		} catch (error) {
			if (error instanceof CloudError && error.details.retryable) throw afterTries(error, tried);
			throw error;
		}
	}

	return {
		call,
		learnt,
		listeners,
		vpcConcurrency,
		close() {
			for (const pending of clients.values()) {
				pending.client.then((rpc) => rpc.keepAliveAgent?.destroy()).catch(() => {});
			}
			clients.clear();
		},
	};
}
