// The instance-metadata stand-in (what 100.100.100.200 answers on an ECS instance with a RAM role), on its own
// 127.0.0.1 listener: IMDSv2 (PUT /latest/api/token, then GETs carrying X-aliyun-ecs-metadata-token), the
// role list at /latest/meta-data/ram/security-credentials/ and each role's keys, issued by the STS book.
// Shape: "Instance metadata" and "Configure ECS instance RAM role credentials"
// (https://www.alibabacloud.com/help/en/cli/ecs-ram-role).
import {randomBytes} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {apiTime} from './ids.js';
import {listenLocal} from './local-server.js';
import {roleName, type StsBook} from './sts.js';

const credentialsPath = '/latest/meta-data/ram/security-credentials/';

export type MetadataServer = {endpoint: string; close(): Promise<void>};

export async function startMetadata(book: StsBook, port: number, now: () => number): Promise<MetadataServer> {
	const tokens = new Map<string, number>();
	const answer = (res: ServerResponse, status: number, body: string, type = 'text/plain') => {
		res.writeHead(status, {'Content-Type': type, 'Content-Length': Buffer.byteLength(body)});
		res.end(body);
	};
	const handle = (req: IncomingMessage, res: ServerResponse) => {
		req.resume();
		const url = req.url ?? '/';
		if (req.method === 'PUT' && url === '/latest/api/token') {
			const ttl = Number(req.headers['x-aliyun-ecs-metadata-token-ttl-seconds']);
			if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21600) return answer(res, 400, 'Bad Request');
			const token = randomBytes(24).toString('base64url');
			tokens.set(token, now() + ttl * 1000);
			return answer(res, 200, token);
		}
		if (req.method !== 'GET' || !url.startsWith(credentialsPath)) return answer(res, 404, 'Not Found');
		// IMDSv2 only (the hardened mode): a GET without a live token is refused.
		const expires = tokens.get(String(req.headers['x-aliyun-ecs-metadata-token'] ?? ''));
		if (expires === undefined || expires <= now()) return answer(res, 401, 'Unauthorized');
		const name = decodeURIComponent(url.slice(credentialsPath.length));
		if (name === '') {
			return answer(
				res,
				200,
				book
					.roles()
					.map((role) => roleName(role.RoleArn))
					.join('\n'),
			);
		}
		const issued = book.forInstance(name, now());
		if (!issued) return answer(res, 404, 'Not Found');
		const body = {
			AccessKeyId: issued.Credentials.AccessKeyId,
			AccessKeySecret: issued.Credentials.AccessKeySecret,
			SecurityToken: issued.Credentials.SecurityToken,
			Expiration: issued.Credentials.Expiration,
			LastUpdated: apiTime(now()),
			Code: 'Success',
		};
		return answer(res, 200, JSON.stringify(body), 'application/json');
	};
	const local = await listenLocal(port, handle);
	return {endpoint: `http://127.0.0.1:${local.port}`, close: local.close};
}
