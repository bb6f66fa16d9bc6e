// How many API requests creating a group from a template takes: the built CLI, flags only (Web Server Linux
// plus 96 extra rules, 100 inbound rules in all), sends every call through a counting proxy in front of the
// sandbox. What is counted is what crosses the wire, retries included, by Action.
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import {createServer, request} from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {createEcsApi} from '../../source/cloud/pop-adapter.js';
import {startSandbox} from '../../source/sandbox/index.js';
import {cleanEnv, sandboxKeysEnv} from '../helpers/env.js';
import {cliPath} from './world.js';

export type ApiCallsResult = {
	/** Requests that change state (everything but Describe*). */
	creating: number;
	byAction: Record<string, number>;
	rules: number;
	exitCode: number;
};

/** An HTTP proxy that forwards to `target` and counts each request's Action (query string or form body). */
async function countingProxy(target: string) {
	const byAction: Record<string, number> = {};
	const upstream = new URL(target);
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const query = new URL(req.url ?? '/', 'http://x').searchParams;
			const action = query.get('Action') ?? new URLSearchParams(body.toString('latin1')).get('Action') ?? '?';
			byAction[action] = (byAction[action] ?? 0) + 1;
			const forward = request(
				{
					host: upstream.hostname,
					port: upstream.port,
					method: req.method,
					path: req.url,
					headers: {...req.headers, host: upstream.host},
				},
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			forward.on('error', () => res.destroy());
			forward.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('the proxy has no port');
	return {
		endpoint: `http://127.0.0.1:${address.port}`,
		byAction,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

export async function measureApiCalls(): Promise<ApiCallsResult> {
	const sandbox = await startSandbox({});
	const proxy = await countingProxy(sandbox.endpoint);
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-bench-calls-'));
	try {
		const api = createEcsApi({
			credentials: {accessKeyId: sandbox.accessKeyId, accessKeySecret: sandbox.accessKeySecret},
			endpoint: sandbox.endpoint,
		});
		const vpc = (await api.describeVpcs('cn-hangzhou')).find((v) => v.isDefault);
		api.close();
		if (!vpc) throw new Error('the sandbox has no default VPC in cn-hangzhou');
		// The template's 4 rules and 96 more: the most one AuthorizeSecurityGroup call carries.
		const extra = Array.from({length: 96}, (_, i) => ['--rule', `tcp:${10000 + i}:10.0.0.0/8`]).flat();
		const args = [
			cliPath,
			'--lang',
			'en',
			'create',
			'--endpoint',
			proxy.endpoint,
			'--region',
			'cn-hangzhou',
			'--template',
			'web-linux',
			'--name',
			'bench-calls-sg',
			'--vpc',
			vpc.id,
			...extra,
			'--yes',
			'--json',
		];
		const env = cleanEnv(sandboxKeysEnv(home, sandbox));
		const exitCode = await new Promise<number>((resolve) => {
			execFile(process.execPath, args, {env, timeout: 60_000}, (error, stdout) => {
				const code = error ? Number((error as {code?: number}).code ?? 1) : 0;
				if (code !== 0) process.stderr.write(stdout);
				resolve(code);
			});
		});
		const byAction = {...proxy.byAction};
		const creating = Object.entries(byAction)
			.filter(([action]) => !action.startsWith('Describe'))
			.reduce((sum, [, count]) => sum + count, 0);
		const snapshot = sandbox.snapshot();
		const group = (snapshot.securityGroups as {SecurityGroupName?: string; Permissions?: unknown[]}[]).find(
			(g) => g.SecurityGroupName === 'bench-calls-sg',
		);
		return {creating, byAction, rules: group?.Permissions?.length ?? 0, exitCode};
	} finally {
		await proxy.close();
		await sandbox.close();
		fs.rmSync(home, {recursive: true, force: true});
	}
}
