// Holds a sandbox response against the official SDK's generated model (each model class's static names()
// and types()), recursively: every field the sandbox sends must be one the model names, with the JSON type
// the model gives it, and nested lists sit under the model's wrapper (`Permissions.Permission[]`). The SDK
// packages are oracles here only; the product keeps pop-core as its client.
import {$OpenApiUtil} from '@alicloud/openapi-core';
import RPCClient from '@alicloud/pop-core';
import type {Sandbox} from '../../source/sandbox/index.js';
import {ecsClient} from './sdk.js';

/** A generated Tea model class: `names()` maps property -> wire name, `types()` property -> type. */
export type ModelClass = {
	name: string;
	names(): Record<string, string>;
	types(): Record<string, unknown>;
};

export type Drift = {path: string; problem: string};

const jsonTypeOf = (value: unknown): string =>
	value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

const isModel = (type: unknown): type is ModelClass =>
	typeof type === 'function' && typeof (type as unknown as ModelClass).names === 'function';

function walkType(type: unknown, value: unknown, path: string, drifts: Drift[]): void {
	if (type === 'any') return;
	if (type === 'string' || type === 'number' || type === 'boolean') {
		if (typeof value !== type)
			drifts.push({path, problem: `is ${jsonTypeOf(value)}, the model says ${type}`});
		return;
	}
	if (isModel(type)) {
		walkModel(type, value, path, drifts);
		return;
	}
	const composite = type as {type?: string; itemType?: unknown; valueType?: unknown};
	if (composite?.type === 'array') {
		if (!Array.isArray(value)) {
			drifts.push({path, problem: `is ${jsonTypeOf(value)}, the model says an array`});
			return;
		}
		value.forEach((item, i) => {
			walkType(composite.itemType, item, `${path}[${i}]`, drifts);
		});
		return;
	}
	if (composite?.type === 'map') {
		if (jsonTypeOf(value) !== 'object')
			drifts.push({path, problem: `is ${jsonTypeOf(value)}, the model says a map`});
		return;
	}
	drifts.push({path, problem: `has a model type this walk does not know: ${JSON.stringify(type)}`});
}

/** Every way `value` differs from `model`: extra fields and wrong JSON types, with their paths. */
export function walkModel(model: ModelClass, value: unknown, path = '', drifts: Drift[] = []): Drift[] {
	if (jsonTypeOf(value) !== 'object') {
		drifts.push({path, problem: `is ${jsonTypeOf(value)}, the model says an object (${model.name})`});
		return drifts;
	}
	const names = model.names();
	const types = model.types();
	const byWire = new Map(Object.entries(names).map(([property, wire]) => [wire, property]));
	for (const [field, item] of Object.entries(value as Record<string, unknown>)) {
		const property = byWire.get(field);
		const at = path === '' ? field : `${path}.${field}`;
		if (property === undefined) {
			drifts.push({path: at, problem: `is not in the model (${model.name})`});
			continue;
		}
		walkType(types[property], item, at, drifts);
	}
	return drifts;
}

/** The paths (`Permissions.Permission[].Priority`) that must be present in `value`. */
export function missingPaths(value: unknown, paths: readonly string[]): string[] {
	const present = (node: unknown, steps: string[]): boolean => {
		if (steps.length === 0) return node !== undefined;
		const [step, ...rest] = steps as [string, ...string[]];
		const list = step.endsWith('[]');
		const key = list ? step.slice(0, -2) : step;
		if (jsonTypeOf(node) !== 'object') return false;
		const next = (node as Record<string, unknown>)[key];
		if (!list) return present(next, rest);
		return Array.isArray(next) && next.length > 0 && next.every((item) => present(item, rest));
	};
	return paths.filter((path) => !present(value, path.split('.')));
}

/** How a walk signs its calls: pop-core (V2), or the official SDK with the signature algorithm it names. */
export type Signer = 'pop-core' | 'sdk-v2' | 'sdk-v3';

export type Caller = (action: string, version: string, params: Record<string, string>) => Promise<unknown>;

/** pop-core reads integers past 2^53 (OwnerId) with json-bigint as BigNumber objects; on the wire they were
 * JSON numbers, which is what the walk checks. */
function bareNumbers(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(bareNumbers);
	if (value === null || typeof value !== 'object') return value;
	if ((value as {_isBigNumber?: boolean})._isBigNumber === true) return Number(String(value));
	return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bareNumbers(item)]));
}

function popCaller(sandbox: Sandbox): Caller {
	const clients = new Map<string, RPCClient>();
	return (action, version, params) => {
		let client = clients.get(version);
		if (!client) {
			client = new RPCClient({
				endpoint: sandbox.endpoint,
				apiVersion: version,
				accessKeyId: sandbox.accessKeyId,
				accessKeySecret: sandbox.accessKeySecret,
			});
			clients.set(version, client);
		}
		return client.request(action, params, {method: 'POST'}).then(bareNumbers);
	};
}

export function caller(sandbox: Sandbox, signer: Signer): Caller {
	if (signer === 'pop-core') return popCaller(sandbox);
	// The ECS client's generic callApi serves the VPC API too: the version travels with each call.
	const sdk = ecsClient(sandbox, signer === 'sdk-v2' ? 'v2' : 'v3');
	return async (action, version, params) => {
		const answer = await sdk.callApi(
			new $OpenApiUtil.Params({
				action,
				version,
				protocol: 'HTTP',
				pathname: '/',
				method: 'POST',
				authType: 'AK',
				style: 'RPC',
				reqBodyType: 'formData',
				bodyType: 'json',
			}),
			new $OpenApiUtil.OpenApiRequest({query: params}),
			// The runtime options are plain settings read by name; none are needed against a local server.
			{} as Parameters<ReturnType<typeof ecsClient>['callApi']>[2],
		);
		return (answer as {body: unknown}).body;
	};
}
