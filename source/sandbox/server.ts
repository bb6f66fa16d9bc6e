// The HTTP side: one handler for every request. It never throws and never hangs unless told to (the `hang`
// fault): every refusal is a JSON body {RequestId, HostId, Code, Message, Recommend} with a real status,
// and anything unexpected is a 500 InternalError without a stack.
import {createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES} from 'node:http';
import type {Socket} from 'node:net';
import type {ActionContext} from './actions/context.js';
import {findAction, type Product, productOf} from './actions/index.js';
import {ApiError, apiNotFound, internalError} from './api-error.js';
import {
	checkCaller,
	checkCommon,
	checkTimestamp,
	type KeyLookup,
	keysLookup,
	type NonceBook,
} from './auth.js';
import {checkV3Caller, checkV3Date, isV3, readV3} from './auth-v3.js';
import type {FaultBook} from './faults.js';
import {type ClientTokens, fingerprint} from './idempotency.js';
import {newRequestId} from './ids.js';
import {stringify} from './json-raw.js';
import {clientTokenParam, type Params} from './params.js';
import {collectParams, Gone, readBody, splitTarget} from './request.js';
import {type StsBook, stsVersion} from './sts.js';
import type {FaultKind, World} from './types.js';

export type ServerDeps = {
	world: World;
	nonces: NonceBook;
	faults: FaultBook;
	tokens: ClientTokens;
	latencyMs: number;
	now: () => number;
	/** Writes the state out (no-op in memory). */
	flush: () => void;
	/** The credential store; by default the world's one pair of keys. */
	keys?: KeyLookup;
	/** STS (AssumeRole, AssumeRoleWithOIDC), answered on the same port for Version 2015-04-01 (sts.ts). */
	sts?: StsBook;
};

const faultErrors: Partial<Record<FaultKind, () => ApiError>> = {
	throttle: () => new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.'),
	unavailable: () =>
		new ApiError(
			503,
			'ServiceUnavailable',
			'The request has failed due to a temporary failure of the server.',
		),
	internal: internalError,
};

function errorBody(
	error: ApiError,
	requestId: string,
	hostId: string,
	product: Product,
): Record<string, unknown> {
	return {
		RequestId: requestId,
		HostId: hostId,
		Code: error.code,
		Message: error.message,
		Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${product}&requestId=${requestId}`,
	};
}

export class SandboxServer {
	readonly server: Server;
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private closed = false;
	private host = '127.0.0.1';
	private readonly keys: KeyLookup;

	constructor(private readonly deps: ServerDeps) {
		this.keys = deps.keys ?? keysLookup(() => deps.world.credentials);
		// GET puts every parameter in the URL; 100 rules need more than Node's default 16 KB of headers.
		this.server = createServer({maxHeaderSize: 64 * 1024}, (req, res) => {
			this.handle(req, res).catch(() => res.destroy());
		});
		// Longer than the clients' keep-alive, so an idle pooled connection is not closed under a new request.
		this.server.keepAliveTimeout = 120_000;
		this.server.headersTimeout = 125_000;
		this.server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
			this.clientError(error, socket),
		);
	}

	async listen(port: number): Promise<string> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		const address = this.server.address();
		const actual = typeof address === 'object' && address ? address.port : port;
		this.host = `127.0.0.1:${actual}`;
		return `http://${this.host}`;
	}

	/** Stops listening and destroys every socket, hung ones included. */
	async close(): Promise<void> {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
		for (const socket of this.sockets) socket.destroy();
		await stopped;
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
		const requestId = newRequestId();
		const problem = new ApiError(
			status,
			status === 431 ? 'RequestHeaderFieldsTooLarge' : status === 408 ? 'RequestTimeout' : 'InvalidRequest',
			'The HTTP request is malformed or too large.',
		);
		const text = stringify(errorBody(problem, requestId, this.host, 'Ecs'));
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
			const contentType = String(req.headers['content-type'] ?? '');
			const isForm = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType);
			if (method === 'POST' && body.length > 0 && !isForm) {
				throw new ApiError(
					415,
					'UnsupportedMediaType',
					'A POST body must be application/x-www-form-urlencoded.',
				);
			}
			const {params, queryPairs} = collectParams(query, body, method === 'POST');
			if (this.deps.sts && params.Version === stsVersion) {
				const result = this.deps.sts.handle(method, params, this.keys, this.deps.nonces, this.deps.now());
				await wait();
				this.send(res, 200, {RequestId: requestId, ...result});
				return;
			}
			const {params: authenticated, spec} = this.authenticate(
				req,
				method,
				params,
				queryPairs,
				body,
				(found) => {
					product = found;
				},
			);
			await this.run(req, res, authenticated, spec, requestId, wait);
		} catch (error) {
			if (error instanceof Gone || this.closed) return;
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

	/** Signature V2 or V3, each checked in the gateway's order; the product is known before any refusal. */
	private authenticate(
		req: IncomingMessage,
		method: string,
		params: Params,
		queryPairs: [string, string][],
		body: Buffer,
		onProduct: (product: Product) => void,
	): {params: Params; spec: NonNullable<ReturnType<typeof findAction>>} {
		const now = this.deps.now();
		if (!isV3(req.headers, params.Signature !== undefined)) {
			onProduct(productOf(params.Version));
			checkCommon(params);
			checkTimestamp(params, now);
			const spec = findAction(params.Version as string, params.Action as string);
			if (!spec) throw apiNotFound();
			checkCaller(method, params, this.keys, this.deps.nonces, now);
			return {params, spec};
		}
		onProduct(productOf(String(req.headers['x-acs-version'] ?? '')));
		const claims = readV3(req.headers);
		checkV3Date(claims, now);
		const spec = findAction(claims.version, claims.action);
		if (!spec) throw apiNotFound();
		const request = {method, path: '/', query: queryPairs, body, headersDistinct: req.headersDistinct};
		checkV3Caller(claims, request, this.keys, this.deps.nonces, now);
		// The headers route a V3 call; the actions read Action and Version as they read a V2 call's.
		const all: Params = Object.assign(Object.create(null), params, {
			Action: claims.action,
			Version: claims.version,
		});
		return {params: all, spec};
	}

	/** An authenticated call: faults, ClientToken, latency, the action, the answer. */
	private async run(
		req: IncomingMessage,
		res: ServerResponse,
		params: Params,
		spec: NonNullable<ReturnType<typeof findAction>>,
		requestId: string,
		wait: () => Promise<void>,
	): Promise<void> {
		const action = params.Action as string;
		const fault = this.deps.faults.take(action);
		if (fault === 'hang') return;
		const token = spec.idempotent ? clientTokenParam(params) : undefined;
		const print = token === undefined ? '' : fingerprint(params);
		const begun = token === undefined ? undefined : this.deps.tokens.begin(action, token, print);
		const release = (): void => {
			if (token !== undefined && begun && 'started' in begun) this.deps.tokens.abort(action, token);
		};
		try {
			await wait();
		} catch (error) {
			release();
			throw error;
		}
		if (fault === 'reset') {
			release();
			req.socket.destroy();
			throw new Gone();
		}
		const injected = fault ? faultErrors[fault] : undefined;
		if (injected) {
			release();
			throw injected();
		}
		let result: Record<string, unknown>;
		if (begun && 'replay' in begun) {
			result = begun.replay;
		} else {
			const context: ActionContext = {world: this.deps.world, now: this.deps.now, changed: () => {}};
			let changed = false;
			context.changed = () => {
				changed = true;
			};
			try {
				result = spec.handler(context, params);
			} catch (error) {
				release();
				if (changed) this.deps.flush();
				if (fault === 'lose') {
					req.socket.destroy();
					throw new Gone();
				}
				throw error;
			}
			if (token !== undefined) {
				this.deps.tokens.finish(action, token, print, result);
				changed = true;
			}
			if (changed) this.deps.flush();
		}
		if (fault === 'lose') {
			req.socket.destroy();
			throw new Gone();
		}
		this.send(res, 200, {RequestId: requestId, ...result});
	}
}
