// The HTTP side: one handler for every request. It never throws and never hangs unless told to (the `hang`
// fault): every refusal is a JSON body {RequestId, HostId, Code, Message, Recommend} with a real status,
// and anything unexpected is a 500 InternalError without a stack.
import {type IncomingMessage, type ServerResponse, STATUS_CODES} from 'node:http';
import type {Socket} from 'node:net';
import {type ActionSpec, findAction, type Product, productOf} from './actions/index.js';
import {ApiError, apiNotFound, internalError} from './api-error.js';
import {checkCaller, checkCommon, checkTime, type KeyLookup, type NonceBook} from './auth.js';
import {checkV3Caller, isV3, readV3} from './auth-v3.js';
import {type FaultBook, faultErrors} from './faults.js';
import {type ClientTokens, fingerprint} from './idempotency.js';
import {newRequestId} from './ids.js';
import {stringify} from './json-raw.js';
import {type LocalServer, listenLocal} from './local-server.js';
import {clientTokenParam, type Params} from './params.js';
import {collectParams, Gone, readBody, splitTarget} from './request.js';
import {type StsBook, stsVersion} from './sts.js';
import type {World} from './types.js';

type ServerDeps = {
	world: World;
	nonces: NonceBook;
	faults: FaultBook;
	tokens: ClientTokens;
	latencyMs: number;
	now: () => number;
	/** Writes the state out (no-op in memory). */
	flush: () => void;
	/** The credential store: the world's keys and the ones STS issued. */
	keys: KeyLookup;
	/** STS (AssumeRole, AssumeRoleWithOIDC), answered on the same port for Version 2015-04-01 (sts.ts). */
	sts: StsBook;
};

/** One request as the gateway reads it; `v3` says which signature it carries. */
type Incoming = {
	req: IncomingMessage;
	method: string;
	params: Params;
	queryPairs: [string, string][];
	body: Buffer;
	v3: boolean;
};

function errorBody(error: ApiError, requestId: string, hostId: string, product: Product) {
	return {
		RequestId: requestId,
		HostId: hostId,
		Code: error.code,
		Message: error.message,
		Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${product}&requestId=${requestId}`,
	};
}

const header = (req: IncomingMessage, name: string): string => String(req.headers[name] ?? '');

export class SandboxServer {
	private local: LocalServer | undefined;
	private readonly timers = new Set<NodeJS.Timeout>();
	private closed = false;
	private host = '127.0.0.1';

	constructor(private readonly deps: ServerDeps) {}

	async listen(port: number): Promise<string> {
		// GET puts every parameter in the URL; 100 rules need more than Node's default 16 KB of headers.
		this.local = await listenLocal(port, (req, res) => this.handle(req, res).catch(() => res.destroy()), {
			maxHeaderSize: 64 * 1024,
		});
		const {server} = this.local;
		// Longer than the clients' keep-alive, so an idle pooled connection is not closed under a new request.
		server.keepAliveTimeout = 120_000;
		server.headersTimeout = 125_000;
		server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
			this.clientError(error, socket),
		);
		this.host = `127.0.0.1:${this.local.port}`;
		return `http://${this.host}`;
	}

	/** Stops listening and destroys every socket, hung ones included. */
	async close(): Promise<void> {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		await this.local?.close();
	}

	private delay(): Promise<void> {
		if (this.deps.latencyMs <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, this.deps.latencyMs);
			this.timers.add(timer);
		});
	}

	private hostId(req: IncomingMessage): string {
		const host = req.headers.host;
		return host && /^[A-Za-z0-9.:[\]-]{1,255}$/.test(host) ? host : this.host;
	}

	private send(res: ServerResponse, status: number, body: Record<string, unknown>, close = false): void {
		if (this.closed || res.destroyed || res.headersSent) return;
		const text = stringify(body);
		res.writeHead(status, {
			'Content-Type': 'application/json;charset=utf-8',
			'Content-Length': Buffer.byteLength(text),
			'x-acs-request-id': String(body.RequestId),
			...(close ? {Connection: 'close'} : {}),
		});
		res.end(text);
	}

	private clientError(error: NodeJS.ErrnoException, socket: Socket): void {
		if (!socket.writable || error.code === 'ECONNRESET') {
			socket.destroy();
			return;
		}
		const status =
			error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
		const problem = new ApiError(
			status,
			status === 431 ? 'RequestHeaderFieldsTooLarge' : status === 408 ? 'RequestTimeout' : 'InvalidRequest',
			'The HTTP request is malformed or too large.',
		);
		const text = stringify(errorBody(problem, newRequestId(), this.host, 'Ecs'));
		socket.end(
			`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
		);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const requestId = newRequestId();
		const hostId = this.hostId(req);
		let product: Product = 'Ecs';
		let delayed = false;
		const wait = async (): Promise<void> => {
			delayed = true;
			await this.delay();
			if (this.closed || res.destroyed) throw new Gone();
		};
		try {
			const incoming = await this.read(req);
			// V3 names the API in its headers, V2 in its parameters; the product is known before any refusal.
			const version = incoming.v3 ? header(req, 'x-acs-version') : incoming.params.Version;
			product = productOf(version);
			if (version === stsVersion) {
				const action = incoming.v3 ? header(req, 'x-acs-action') : incoming.params.Action;
				const signed = () => this.authenticate(incoming, () => true).params;
				const result = this.deps.sts.handle(action, incoming.params, signed, this.deps.now());
				await wait();
				this.send(res, 200, {RequestId: requestId, ...result});
				return;
			}
			const {params, found} = this.authenticate(incoming, findAction);
			await this.run(req, res, params, found, requestId, wait);
		} catch (error) {
			if (error instanceof Gone || this.closed || req.socket.destroyed) return;
			const problem = error instanceof ApiError ? error : internalError();
			if (!delayed) {
				try {
					await wait();
				} catch {
					return;
				}
			}
			this.send(res, problem.status, errorBody(problem, requestId, hostId, product), problem.status === 413);
		}
	}

	/** Method, path, body and parameters, refused when they are not an RPC call's. */
	private async read(req: IncomingMessage): Promise<Incoming> {
		const method = req.method ?? '';
		if (method !== 'GET' && method !== 'POST') {
			req.resume();
			throw new ApiError(
				400,
				'UnsupportedHTTPMethod',
				`Specified http method ${JSON.stringify(method.slice(0, 20))} is not supported: use GET or POST.`,
			);
		}
		const {path, query} = splitTarget(req.url ?? '/');
		if (path !== '/' && path !== '') {
			req.resume();
			throw apiNotFound();
		}
		const body = await readBody(req);
		const isForm = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(header(req, 'content-type'));
		if (method === 'POST' && body.length > 0 && !isForm) {
			throw new ApiError(
				415,
				'UnsupportedMediaType',
				'A POST body must be application/x-www-form-urlencoded.',
			);
		}
		const {params, queryPairs} = collectParams(query, body, method === 'POST');
		return {req, method, params, queryPairs, body, v3: isV3(req.headers, params.Signature !== undefined)};
	}

	/** Signature V2 or V3, each checked in the gateway's order; `find` routes the call once the clock is right. */
	private authenticate<T>(
		{req, method, params, queryPairs, body, v3}: Incoming,
		find: (version: string, action: string) => T | undefined,
	): {params: Params; found: T} {
		const now = this.deps.now();
		if (!v3) {
			checkCommon(params);
			checkTime(params.Timestamp ?? '', now);
			const found = find(params.Version as string, params.Action as string);
			if (found === undefined) throw apiNotFound();
			checkCaller(method, params, this.deps.keys, this.deps.nonces, now);
			return {params, found};
		}
		const claims = readV3(req.headers);
		checkTime(claims.date, now);
		const found = find(claims.version, claims.action);
		if (found === undefined) throw apiNotFound();
		const request = {method, path: '/', query: queryPairs, body, headersDistinct: req.headersDistinct};
		checkV3Caller(claims, request, this.deps.keys, this.deps.nonces, now);
		// The headers route a V3 call; the actions read Action and Version as they read a V2 call's.
		const all: Params = Object.assign(Object.create(null), params, {
			Action: claims.action,
			Version: claims.version,
		});
		return {params: all, found};
	}

	/** An authenticated call: faults, ClientToken, latency, the action, the answer. */
	private async run(
		req: IncomingMessage,
		res: ServerResponse,
		params: Params,
		spec: ActionSpec,
		requestId: string,
		wait: () => Promise<void>,
	): Promise<void> {
		const action = params.Action as string;
		const fault = this.deps.faults.take(action);
		if (fault === 'hang') return;
		const token = spec.idempotent ? clientTokenParam(params) : undefined;
		const print = token === undefined ? '' : fingerprint(params);
		const begun = token === undefined ? undefined : this.deps.tokens.begin(action, token, print);
		try {
			await wait();
			if (fault === 'reset') {
				req.socket.destroy();
				throw new Gone();
			}
			const injected = fault ? faultErrors[fault] : undefined;
			if (injected) throw injected();
			let result: Record<string, unknown>;
			try {
				result = begun && 'replay' in begun ? begun.replay : this.perform(spec, params, token, print);
			} finally {
				// `lose` carries the action out (and writes the state), then answers nothing.
				if (fault === 'lose') req.socket.destroy();
			}
			if (fault === 'lose') throw new Gone();
			this.send(res, 200, {RequestId: requestId, ...result});
		} finally {
			// A call that did not finish leaves its ClientToken free for a retry (after finish() a no-op).
			if (token !== undefined && begun && 'started' in begun) this.deps.tokens.abort(action, token);
		}
	}

	/** The action itself; the state is written when it changed, failed or not, and a token's answer kept. */
	private perform(spec: ActionSpec, params: Params, token: string | undefined, print: string) {
		let changed = false;
		const context = {
			world: this.deps.world,
			now: this.deps.now,
			changed: () => {
				changed = true;
			},
		};
		try {
			const result = spec.handler(context, params);
			if (token !== undefined) {
				this.deps.tokens.finish(params.Action as string, token, print, result);
				changed = true;
			}
			return result;
		} finally {
			if (changed) this.deps.flush();
		}
	}
}
