// A tiny local RPC server for the adapter and configure tests: it checks the V2 signature exactly (so a wrong
// secret really fails), answers the actions a test scripts, and can misbehave on purpose in ways a real
// network does (HTML error pages, empty bodies, 4xx without Code, truncated JSON, resets, hangs).
import {createHmac} from 'node:crypto';
import http from 'node:http';
import {listenLocal} from '../helpers/listen.js';

export type Reply =
	| {status?: number; json: unknown; delayMs?: number}
	| {status?: number; body: string; contentType?: string}
	| {reset: true}
	| {hang: true}
	/** An answer without a length that never ends: `chunk` again and again until the client goes away. */
	| {stream: string; status?: number};

export type Handler = (params: Record<string, string>, request: Seen) => Reply | undefined;

export type Seen = {
	method: string;
	url: string;
	params: Record<string, string>;
	headers: http.IncomingHttpHeaders;
};

export type FakeCloud = {
	endpoint: string;
	keys: {accessKeyId: string; accessKeySecret: string};
	/** Every request that arrived, in order. */
	seen: Seen[];
	/** Replies used once each, before the handlers, for the named action. */
	queue(action: string, ...replies: Reply[]): void;
	on(action: string, handler: Handler): void;
	close(): Promise<void>;
};

const encode = (s: string) =>
	encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function sign(method: string, params: Record<string, string>, secret: string): string {
	const canonical = Object.keys(params)
		.filter((k) => k !== 'Signature')
		.sort()
		.map((k) => `${encode(k)}=${encode(params[k] ?? '')}`)
		.join('&');
	const stringToSign = `${method}&${encode('/')}&${encode(canonical)}`;
	return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

const requestId = () => `FAKE-${Math.random().toString(16).slice(2, 10).toUpperCase()}`;

export const regionsReply = (regions = defaultRegions): Reply => ({
	json: {RequestId: requestId(), Regions: {Region: regions}},
});

export const defaultRegions = [
	{
		RegionId: 'cn-hangzhou',
		LocalName: 'China (Hangzhou)',
		RegionEndpoint: 'ecs.aliyuncs.com',
		Status: 'available',
	},
	{
		RegionId: 'cn-shanghai',
		LocalName: 'China (Shanghai)',
		RegionEndpoint: 'ecs.cn-shanghai.aliyuncs.com',
		Status: 'available',
	},
	{
		RegionId: 'ap-southeast-1',
		LocalName: 'Singapore',
		RegionEndpoint: 'ecs.ap-southeast-1.aliyuncs.com',
		Status: 'available',
	},
];

export async function startFakeCloud(
	keys = {accessKeyId: 'LTAItestkey0001', accessKeySecret: 'fakeSecretValue0123456789'},
): Promise<FakeCloud> {
	const seen: Seen[] = [];
	const queues = new Map<string, Reply[]>();
	const handlers = new Map<string, Handler>([['DescribeRegions', () => regionsReply()]]);

	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => {
			body += chunk;
		});
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			const params = Object.fromEntries(
				req.method === 'POST' ? new URLSearchParams(body) : url.searchParams,
			) as Record<string, string>;
			const request: Seen = {method: req.method ?? 'GET', url: req.url ?? '/', params, headers: req.headers};
			seen.push(request);
			const action = params.Action ?? '';
			const fail = (status: number, code: string, message: string) => {
				res.writeHead(status, {'content-type': 'application/json'});
				res.end(
					JSON.stringify({
						RequestId: requestId(),
						HostId: 'fake',
						Code: code,
						Message: message,
						Recommend: '',
					}),
				);
			};
			if (params.AccessKeyId !== keys.accessKeyId) {
				fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
				return;
			}
			const expected = sign(request.method, params, keys.accessKeySecret);
			if (params.Signature !== expected) {
				// The real gateway echoes its string-to-sign; the adapter must never show it.
				fail(
					400,
					'SignatureDoesNotMatch',
					`Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3D${keys.accessKeyId}%26Signature%3D${encodeURIComponent(expected)}`,
				);
				return;
			}
			const queued = queues.get(action)?.shift();
			const reply = queued ?? handlers.get(action)?.(params, request);
			if (!reply) {
				fail(404, 'InvalidApi.NotFound', `Specified api ${action} is not found.`);
				return;
			}
			if ('reset' in reply) {
				req.socket.destroy();
				return;
			}
			if ('hang' in reply) return;
			if ('stream' in reply) {
				res.writeHead(reply.status ?? 200, {'content-type': 'application/json'});
				const pump = () => {
					while (!res.destroyed && res.write(reply.stream)) {}
				};
				res.on('drain', pump);
				pump();
				return;
			}
			if ('json' in reply) {
				const send = () => {
					res.writeHead(reply.status ?? 200, {'content-type': 'application/json'});
					res.end(JSON.stringify(reply.json));
				};
				if (reply.delayMs) setTimeout(send, reply.delayMs);
				else send();
				return;
			}
			res.writeHead(reply.status ?? 200, {'content-type': reply.contentType ?? 'text/html'});
			res.end(reply.body);
		});
	});
	const listening = await listenLocal(server);
	return {
		endpoint: listening.endpoint,
		keys,
		seen,
		queue(action, ...replies) {
			queues.set(action, [...(queues.get(action) ?? []), ...replies]);
		},
		on(action, handler) {
			handlers.set(action, handler);
		},
		close: listening.close,
	};
}

export const ok = (json: Record<string, unknown> = {}): Reply => ({json: {RequestId: requestId(), ...json}});
export const apiFail = (status: number, code: string, message = code): Reply => ({
	status,
	json: {RequestId: requestId(), HostId: 'fake', Code: code, Message: message},
});
