// The one EcsApi adapter, over @alicloud/pop-core (loaded on the first call, so importing this module costs
// nothing at start-up). Every call: POST (a GET error message would carry the signed URL), params flattened
// with empty values dropped, our own timeout (pop-core's default is 3 s), the HTTP status checked (pop-core
// resolves a 4xx/5xx whose JSON has no Code), retries with capped exponential backoff and full jitter for the
// codes error-codes.ts names, and every failure normalised into a redacted CloudError.
import {backOff} from 'exponential-backoff';
import type {RulesInput, SecurityGroupSummary} from '../domain/model.js';
import {apiVersions, endpointFor, type Product} from './endpoints.js';
import {afterTries, CloudError, HttpStatusError, toCloudError, tooLargeError} from './errors.js';
import {
	accountAttributes,
	groupDetail,
	groupSummary,
	instance,
	list,
	permissions,
	region,
	str,
	toPlain,
	vpc,
} from './mappers.js';
import {fetchAllPages, type Page} from './paging.js';
import {flattenParams, type ParamObject} from './params.js';
import type {EcsApi, RetryEvent, RetryObservable} from './port.js';
import {rememberSecrets} from './redact.js';
import {type CallRecord, callRecord, defaultMaxResponseBytes, guardAgent} from './response-guard.js';

export type AdapterKeys = {accessKeyId: string; accessKeySecret: string; securityToken?: string};

export type AdapterOptions = {
	/**
	 * Fixed keys, or a provider asked before every call (temporary keys change when they are renewed: a new
	 * pop-core client is made for new keys, since pop-core takes them at construction). A provider's failure
	 * (config/'s ConfigError, naming the mode and the step) is passed on as it is, never retried.
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

export type PopEcsApi = EcsApi &
	RetryObservable & {
		/** Closes the kept-alive connections. */
		close(): void;
	};

type Json = Record<string, unknown>;
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
	popCore ??= import('@alicloud/pop-core/lib/rpc.js').then((module) => {
		const loaded = module as unknown as {default?: PopClientClass};
		return loaded.default ?? (module as unknown as PopClientClass);
	});
	return popCore;
};

const searchPageSize = 50;
const instancePageSize = 100;
/** DescribeSecurityGroups and DescribeInstances take at most 100 ids per call. */
const idsPerCall = 100;

const chunks = <T>(items: readonly T[], size: number): T[][] => {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
};

const total = (body: Json): number | undefined => {
	const n = Number(str(body.TotalCount));
	return str(body.TotalCount) !== '' && Number.isFinite(n) ? n : undefined;
};

export function createEcsApi(options: AdapterOptions): PopEcsApi {
	const {credentials} = options;
	const timeoutMs = options.timeoutMs ?? 10_000;
	const maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;
	const tries = Math.max(1, options.retry?.tries ?? 4);
	const baseDelayMs = Math.max(0, options.retry?.baseDelayMs ?? 500);
	const maxDelayMs = Math.max(baseDelayMs, options.retry?.maxDelayMs ?? 8000);
	const concurrency = 4;
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
	// Endpoints learnt from this api's own DescribeRegions, used when the caller's cache has none.
	const learnt = new Map<string, string>();
	const regionEndpoint = (regionId: string) => options.regionEndpoints?.(regionId) ?? learnt.get(regionId);

	const client = (endpoint: string, apiVersion: string, keys: AdapterKeys): Promise<PopClient> => {
		const key = `${endpoint} ${apiVersion}`;
		const keysId = `${keys.accessKeyId} ${keys.securityToken ?? ''}`;
		const cached = clients.get(key);
		if (cached && cached.keys !== keysId) {
			// Renewed keys: the old client's connections are closed once its calls have settled.
			cached.client.then(
				(old) => old.keepAliveAgent?.destroy(),
				() => {},
			);
			clients.delete(key);
		}
		let existing = cached?.keys === keysId ? cached.client : undefined;
		if (!existing) {
			existing = loadPopCore().then((RPCClient) => {
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
			existing.catch(() => {
				if (clients.get(key)?.client === existing) clients.delete(key);
			});
			clients.set(key, {keys: keysId, client: existing});
		}
		return existing;
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
			const keys = await keysNow();
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

	const result = (body: Json) => ({requestId: str(body.RequestId)});

	/** Every page of a Describe* search of ECS, its items mapped, in order. */
	const search =
		<T>(
			action: string,
			[outer, inner]: readonly [string, string],
			pageSize: number,
			map: (item: Json, regionId: string) => T,
		) =>
		(regionId: string, params: ParamObject): Promise<T[]> =>
			fetchAllPages<T>(
				async (pageNumber) => {
					const body = await call('ecs', action, regionId, {
						...params,
						RegionId: regionId,
						PageNumber: pageNumber,
						PageSize: pageSize,
					});
					const items = list(body, outer, inner).map((item) => map(item, regionId));
					return {items, total: total(body), pageSize};
				},
				{pageSize, concurrency},
			);

	const searchGroups = search(
		'DescribeSecurityGroups',
		['SecurityGroups', 'SecurityGroup'],
		searchPageSize,
		groupSummary,
	);
	const searchInstances = search('DescribeInstances', ['Instances', 'Instance'], instancePageSize, instance);

	const rules = async (action: string, input: RulesInput) =>
		result(
			await call('ecs', action, input.regionId, {
				RegionId: input.regionId,
				SecurityGroupId: input.groupId,
				ClientToken: input.clientToken,
				Permissions: permissions(input.rules, input.nicType) as ParamObject[],
			}),
		);

	const membership = async (action: string, regionId: string, groupId: string, instanceId: string) =>
		result(
			await call('ecs', action, regionId, {
				RegionId: regionId,
				SecurityGroupId: groupId,
				InstanceId: instanceId,
			}),
		);

	const byId = <T extends {id: string}>(items: T[]): T[] => {
		const seen = new Map<string, T>();
		for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
		return [...seen.values()];
	};

	/** A search for the given ids, at most idsPerCall of them a call, each item once. */
	const byIds = async <T extends {id: string}>(
		ids: readonly string[],
		searchFor: (idsParam: string) => Promise<T[]>,
	): Promise<T[]> => {
		if (ids.length === 0) return [];
		const parts = await Promise.all(chunks(ids, idsPerCall).map((part) => searchFor(JSON.stringify(part))));
		return byId(parts.flat());
	};

	return {
		onRetry(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},

		close() {
			for (const pending of clients.values()) {
				pending.client.then((rpc) => rpc.keepAliveAgent?.destroy()).catch(() => {});
			}
			clients.clear();
		},

		async describeRegions(request = {}) {
			const body = await call(
				'ecs',
				'DescribeRegions',
				undefined,
				{AcceptLanguage: request.language ?? 'en-US'},
				request.signal,
			);
			const regions = list(body, 'Regions', 'Region')
				.map(region)
				.filter((r) => r.id);
			for (const r of regions) if (r.endpoint) learnt.set(r.id, r.endpoint);
			return regions;
		},

		async describeVpcs(regionId, request = {}) {
			const vpcs = await fetchAllPages(
				async (pageNumber, signal): Promise<Page<ReturnType<typeof vpc>>> => {
					const body = await call(
						'vpc',
						'DescribeVpcs',
						regionId,
						{RegionId: regionId, PageNumber: pageNumber, PageSize: searchPageSize},
						signal,
					);
					const pageSize = Number(str(body.PageSize));
					return {
						items: list(body, 'Vpcs', 'Vpc').map((item) => vpc(item, regionId)),
						total: total(body),
						pageSize: pageSize > 0 ? pageSize : searchPageSize,
					};
				},
				{
					pageSize: searchPageSize,
					concurrency: vpcConcurrency,
					signal: request.signal,
					onProgress: request.onProgress,
				},
			);
			// A VPC created while the pages were read can push another onto the next page twice.
			return byId(vpcs);
		},

		async describeAccountAttributes(regionId) {
			const body = await call('ecs', 'DescribeAccountAttributes', regionId, {
				RegionId: regionId,
				AttributeName: ['instance-network-type', 'max-security-groups'],
			});
			return accountAttributes(body);
		},

		async createSecurityGroup(input) {
			const body = await call('ecs', 'CreateSecurityGroup', input.regionId, {
				RegionId: input.regionId,
				VpcId: input.vpcId,
				SecurityGroupName: input.name,
				Description: input.description,
				SecurityGroupType: input.type,
				ResourceGroupId: input.resourceGroupId,
				ClientToken: input.clientToken,
				Tag: input.tags.map((tag) => ({Key: tag.key, Value: tag.value})),
			});
			const groupId = str(body.SecurityGroupId);
			if (!groupId) throw toCloudError(new SyntaxError('no SecurityGroupId'), 'CreateSecurityGroup');
			return {...result(body), groupId};
		},

		authorizeSecurityGroup: (input) => rules('AuthorizeSecurityGroup', input),
		authorizeSecurityGroupEgress: (input) => rules('AuthorizeSecurityGroupEgress', input),
		revokeSecurityGroup: (input) => rules('RevokeSecurityGroup', input),
		revokeSecurityGroupEgress: (input) => rules('RevokeSecurityGroupEgress', input),

		async describeSecurityGroups(regionId, filter = {}) {
			const base = {VpcId: filter.vpcId, SecurityGroupName: filter.name};
			if (!filter.groupIds) return searchGroups(regionId, base);
			return byIds(filter.groupIds, (ids) => searchGroups(regionId, {...base, SecurityGroupIds: ids}));
		},

		async describeSecurityGroupAttribute(regionId, groupId) {
			const [attribute, summaries] = await Promise.all([
				call('ecs', 'DescribeSecurityGroupAttribute', regionId, {
					RegionId: regionId,
					SecurityGroupId: groupId,
					Direction: 'all',
				}),
				// Type, creation time and tags are only in DescribeSecurityGroups; without them the attribute still stands.
				searchGroups(regionId, {SecurityGroupIds: JSON.stringify([groupId])}).catch(
					() => [] as SecurityGroupSummary[],
				),
			]);
			const detail = groupDetail(
				attribute,
				summaries.find((s) => s.id === groupId),
			);
			return {...detail, id: detail.id || groupId};
		},

		async deleteSecurityGroup(regionId, groupId) {
			return result(
				await call('ecs', 'DeleteSecurityGroup', regionId, {RegionId: regionId, SecurityGroupId: groupId}),
			);
		},

		async describeInstances(regionId, filter = {}) {
			const base = {VpcId: filter.vpcId, SecurityGroupId: filter.securityGroupId};
			if (!filter.instanceIds) return searchInstances(regionId, base);
			return byIds(filter.instanceIds, (ids) => searchInstances(regionId, {...base, InstanceIds: ids}));
		},

		joinSecurityGroup: (regionId, groupId, instanceId) =>
			membership('JoinSecurityGroup', regionId, groupId, instanceId),
		leaveSecurityGroup: (regionId, groupId, instanceId) =>
			membership('LeaveSecurityGroup', regionId, groupId, instanceId),
	};
}
