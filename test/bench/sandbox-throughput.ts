// How many signed requests per second the sandbox answers over loopback: an in-process sandbox, a
// keep-alive agent, `concurrency` clients each sending signed POSTs (DescribeVpcs, the wizard's busiest
// call) back to back for `seconds`. Importing this file starts nothing.
import {randomUUID} from 'node:crypto';
import {Agent, request} from 'node:http';
import {signedForm, startSandbox} from '../../source/sandbox/index.js';

export type ThroughputResult = {
	requestsPerSecond: number;
	requests: number;
	seconds: number;
	concurrency: number;
};

const apiTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function post(agent: Agent, url: URL, body: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(
			{
				agent,
				host: url.hostname,
				port: url.port,
				method: 'POST',
				path: '/',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body),
				},
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

export async function sandboxThroughput(
	options: {seconds?: number; concurrency?: number} = {},
): Promise<ThroughputResult> {
	const seconds = options.seconds ?? 3;
	const concurrency = options.concurrency ?? 16;
	const sandbox = await startSandbox({});
	const agent = new Agent({keepAlive: true, maxSockets: concurrency});
	const url = new URL(sandbox.endpoint);
	let requests = 0;
	try {
		const started = performance.now();
		const deadline = started + seconds * 1000;
		const client = async (): Promise<void> => {
			while (performance.now() < deadline) {
				const body = signedForm(
					'POST',
					{
						AccessKeyId: sandbox.accessKeyId,
						Action: 'DescribeVpcs',
						Format: 'JSON',
						RegionId: 'cn-hangzhou',
						SignatureMethod: 'HMAC-SHA1',
						SignatureNonce: randomUUID(),
						SignatureVersion: '1.0',
						Timestamp: apiTime(Date.now()),
						Version: '2016-04-28',
					},
					sandbox.accessKeySecret,
				);
				const status = await post(agent, url, body);
				if (status !== 200) throw new Error(`the sandbox answered ${status}`);
				requests++;
			}
		};
		await Promise.all(Array.from({length: concurrency}, client));
		const elapsed = (performance.now() - started) / 1000;
		return {requestsPerSecond: Math.round(requests / elapsed), requests, seconds: elapsed, concurrency};
	} finally {
		agent.destroy();
		await sandbox.close();
	}
}
