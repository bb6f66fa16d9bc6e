// A local HTTP proxy in front of a sandbox that breaks chosen calls the way a hostile or broken world does: a
// reset, an HTML error page, an empty or truncated body, a 4xx without Code, a huge answer, a hang, a slow
// answer, one held until the test lets it go, or a rewritten one (hostile names, a server message with escape
// sequences). Every other call passes through untouched, so signatures (which do not cover the host) stay valid.
import http from 'node:http';
import {listenLocal} from '../helpers/listen.js';

export type Breakage =
	/** Answer after this long. */
	| {kind: 'delay'; ms: number}
	/** Hold the call until `until` settles, then pass it through (a call in flight for exactly as long as needed). */
	| {kind: 'hold'; until: Promise<unknown>}
	/** Close the socket without an answer; with `after`, only once the sandbox has carried the call out. */
	| {kind: 'reset'; after?: boolean}
	/** Answer with this body instead; with `after`, the sandbox has carried the call out first. */
	| {kind: 'body'; status: number; body: string | Buffer; contentType?: string; after?: boolean}
	/** Never answer. */
	| {kind: 'hang'}
	/** Pass the sandbox's JSON answer through `change` (status kept). */
	| {kind: 'rewrite'; change: (json: Record<string, unknown>) => Record<string, unknown>};

export type BreakingProxy = {
	endpoint: string;
	/** Breaks the next calls of `action` ('*' for any), one breakage per call, in order. */
	queue(action: string, ...breakages: Breakage[]): void;
	/** Breaks every call of `action` (only those whose parameters `when` accepts) this way until cleared. */
	always(action: string, breakage: Breakage | undefined, when?: (params: URLSearchParams) => boolean): void;
	/** The actions that reached the proxy, in order. */
	seen: string[];
	close(): Promise<void>;
};

/** The call's parameters, from the query and the form body together. */
function paramsOf(url: string, body: string): URLSearchParams {
	const params = new URLSearchParams(body);
	for (const [k, v] of new URL(url, 'http://x').searchParams) params.append(k, v);
	return params;
}

export async function startProxy(target: string): Promise<BreakingProxy> {
	const queues = new Map<string, Breakage[]>();
	const standing = new Map<string, {breakage: Breakage; when?: (params: URLSearchParams) => boolean}>();
	const seen: string[] = [];
	const upstream = new URL(target);

	const forward = (req: http.IncomingMessage, body: Buffer) =>
		new Promise<{status: number; headers: http.IncomingHttpHeaders; body: Buffer}>((resolve, reject) => {
			const out = http.request(
				{
					host: upstream.hostname,
					port: upstream.port,
					method: req.method,
					path: req.url,
					headers: {...req.headers, host: upstream.host, connection: 'close'},
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks)}),
					);
				},
			);
			out.on('error', reject);
			out.end(body);
		});

	const next = (action: string, params: URLSearchParams): Breakage | undefined => {
		for (const key of [action, '*']) {
			const list = queues.get(key);
			if (list && list.length > 0) return list.shift();
		}
		for (const key of [action, '*']) {
			const rule = standing.get(key);
			if (rule && (!rule.when || rule.when(params))) return rule.breakage;
		}
		return undefined;
	};

	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks);
		const params = paramsOf(req.url ?? '/', body.toString('utf8'));
		const action = params.get('Action') ?? '';
		seen.push(action);
		const breakage = next(action, params);
		try {
			if (breakage?.kind === 'hang') return;
			if (breakage?.kind === 'delay') await new Promise((r) => setTimeout(r, breakage.ms));
			if (breakage?.kind === 'hold') await breakage.until.catch(() => {});
			if (breakage?.kind === 'reset' && !breakage.after) {
				req.socket.destroy();
				return;
			}
			if (breakage?.kind === 'body' && !breakage.after) {
				res.writeHead(breakage.status, {'content-type': breakage.contentType ?? 'text/html'});
				res.end(breakage.body);
				return;
			}
			const answer = await forward(req, body);
			if (breakage?.kind === 'reset') {
				req.socket.destroy();
				return;
			}
			if (breakage?.kind === 'body') {
				res.writeHead(breakage.status, {'content-type': breakage.contentType ?? 'text/html'});
				res.end(breakage.body);
				return;
			}
			let payload = answer.body;
			if (breakage?.kind === 'rewrite') {
				payload = Buffer.from(JSON.stringify(breakage.change(JSON.parse(payload.toString('utf8')))));
			}
			res.writeHead(answer.status, {'content-type': 'application/json;charset=utf-8'});
			res.end(payload);
		} catch {
			req.socket.destroy();
		}
	});
	const listening = await listenLocal(server);
	return {
		endpoint: listening.endpoint,
		queue(action, ...breakages) {
			queues.set(action, [...(queues.get(action) ?? []), ...breakages]);
		},
		always(action, breakage, when) {
			if (breakage) standing.set(action, {breakage, ...(when ? {when} : {})});
			else standing.delete(action);
		},
		seen,
		close: listening.close,
	};
}

/** A gate for `{kind: 'hold'}`: calls wait at the proxy until `open()` (a window that lasts as long as a test needs). */
export function gate(): {until: Promise<void>; open: () => void} {
	let open = () => {};
	const until = new Promise<void>((resolve) => {
		open = resolve;
	});
	return {until, open};
}
