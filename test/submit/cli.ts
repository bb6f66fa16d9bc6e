// For the e2e tests: the built CLI (dist/cli.mjs) run as a separate process without a terminal, `ecs-sg
// sandbox` run as another process, and an independent client (pop-core directly) to look at what exists.
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline';
import RPCClient from '@alicloud/pop-core';
import {type CliRun, type RunningCli, startCli as startPlain, webLinuxFlags} from '../helpers/cli.js';
import {cleanEnv} from '../helpers/env.js';
import {type BreakingProxy, startProxy} from '../reliability/proxy.js';

const cliPath = new URL('../../dist/cli.mjs', import.meta.url).pathname;

/** The LANG of these runs, unless `env` says otherwise; the rest is cleanEnv's (no CI, no stray credentials). */
const withLang = (env: Record<string, string>) => ({LANG: 'en_US.UTF-8', ...env});

export const startCli = (args: readonly string[], env: Record<string, string>): RunningCli =>
	startPlain(args, withLang(env));

export const runCli = (args: readonly string[], env: Record<string, string>): Promise<CliRun> =>
	startCli(args, env).done;

export type SandboxProcess = {
	endpoint: string;
	accessKeyId: string;
	accessKeySecret: string;
	statePath: string;
	/** The state file as the sandbox last wrote it. */
	state(): {
		securityGroups?: {SecurityGroupName: string; SecurityGroupId: string}[];
		clientTokens?: unknown[];
	};
	/** An independent client for ECS calls (pop-core directly). */
	call<T = Record<string, unknown>>(action: string, params: Record<string, string>): Promise<T>;
	stop(): Promise<void>;
};

/** `ecs-sg sandbox --port 0 --state FILE [--fault SPEC]...` as a process; reads its first stdout line. */
export async function startSandboxProcess(
	dir: string,
	faults: readonly string[] = [],
): Promise<SandboxProcess> {
	const statePath = path.join(dir, 'sandbox.json');
	const child = spawn(
		process.execPath,
		[cliPath, 'sandbox', '--port', '0', '--state', statePath, ...faults.flatMap((f) => ['--fault', f])],
		{env: cleanEnv(withLang({})), stdio: ['ignore', 'pipe', 'pipe']},
	);
	const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
	const first = await new Promise<string>((resolve, reject) => {
		const lines = createInterface({input: child.stdout});
		lines.once('line', (l) => {
			lines.close();
			resolve(l);
		});
		child.once('close', (code) => reject(new Error(`sandbox exited with ${code}`)));
	});
	const info = JSON.parse(first) as {endpoint: string; accessKeyId: string; accessKeySecret: string};
	const client = new RPCClient({...info, apiVersion: '2014-05-26'});
	return {
		...info,
		statePath,
		state: () => JSON.parse(readFileSync(statePath, 'utf8')),
		call: (action, params) => client.request(action, params, {method: 'POST', timeout: 5000}),
		async stop() {
			child.kill('SIGTERM');
			await exited;
		},
	};
}

export type E2eWorld = {
	dir: string;
	sandbox: SandboxProcess;
	/** In front of the sandbox: every CLI call goes through it (`target`), so a test can hold one back. */
	proxy: BreakingProxy;
	/** The env a CLI run needs: temp config and home, the sandbox's keys. */
	env: Record<string, string>;
	/** Global flags that send calls to the sandbox (through the proxy). */
	target: string[];
	/** The default VPC of cn-hangzhou. */
	vpc(): Promise<string>;
	/** The groups named `name` in cn-hangzhou, with their rules, as the independent client sees them. */
	groupsNamed(name: string): Promise<{id: string; rules: string[]}[]>;
	journal(): unknown[];
	close(): Promise<void>;
};

type Described = {SecurityGroups: {SecurityGroup: {SecurityGroupId: string; SecurityGroupName: string}[]}};
type Attribute = {
	Permissions: {
		Permission: {IpProtocol: string; PortRange: string; SourceCidrIp: string; Direction: string}[];
	};
};

export async function startE2eWorld(faults: readonly string[] = []): Promise<E2eWorld> {
	const dir = mkdtempSync(path.join(tmpdir(), 'ecs-sg-e2e-submit-'));
	const sandbox = await startSandboxProcess(dir, faults);
	const proxy = await startProxy(sandbox.endpoint);
	const env = {
		ECS_SG_CONFIG_DIR: path.join(dir, 'config'),
		HOME: dir,
		ALIBABA_CLOUD_ACCESS_KEY_ID: sandbox.accessKeyId,
		ALIBABA_CLOUD_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
	};
	return {
		dir,
		sandbox,
		proxy,
		env,
		target: ['--endpoint', proxy.endpoint],
		async vpc() {
			const vpcClient = new RPCClient({
				endpoint: sandbox.endpoint,
				apiVersion: '2016-04-28',
				accessKeyId: sandbox.accessKeyId,
				accessKeySecret: sandbox.accessKeySecret,
			});
			const vpcs = await vpcClient.request<{Vpcs: {Vpc: {VpcId: string; IsDefault: boolean}[]}}>(
				'DescribeVpcs',
				{RegionId: 'cn-hangzhou', PageSize: '50'},
				{method: 'POST', timeout: 5000},
			);
			const vpc = vpcs.Vpcs.Vpc.find((v) => v.IsDefault);
			if (!vpc) throw new Error('no default VPC');
			return vpc.VpcId;
		},
		async groupsNamed(name) {
			const found = await sandbox.call<Described>('DescribeSecurityGroups', {
				RegionId: 'cn-hangzhou',
				SecurityGroupName: name,
				PageSize: '50',
			});
			const groups = found.SecurityGroups.SecurityGroup.filter((g) => g.SecurityGroupName === name);
			return Promise.all(
				groups.map(async (g) => {
					const detail = await sandbox.call<Attribute>('DescribeSecurityGroupAttribute', {
						RegionId: 'cn-hangzhou',
						SecurityGroupId: g.SecurityGroupId,
					});
					const rules = detail.Permissions.Permission.map(
						(p) => `${p.Direction} ${p.IpProtocol.toLowerCase()} ${p.PortRange} ${p.SourceCidrIp}`,
					).sort();
					return {id: g.SecurityGroupId, rules};
				}),
			);
		},
		journal() {
			try {
				const config = JSON.parse(readFileSync(path.join(env.ECS_SG_CONFIG_DIR, 'config.json'), 'utf8'));
				return Object.values(config.journal ?? {});
			} catch {
				return [];
			}
		},
		async close() {
			await proxy.close();
			await sandbox.stop();
			rmSync(dir, {recursive: true, force: true});
		},
	};
}

/** The web-linux template's rules as groupsNamed lists them. */
export const webLinuxRules = [
	'ingress icmp -1/-1 0.0.0.0/0',
	'ingress tcp 22/22 0.0.0.0/0',
	'ingress tcp 443/443 0.0.0.0/0',
	'ingress tcp 80/80 0.0.0.0/0',
];

/** The flags that create "web-sg" from the web-linux template in the default VPC of cn-hangzhou. */
export async function createArgs(w: E2eWorld, name = 'web-sg'): Promise<string[]> {
	return ['create', ...w.target, ...webLinuxFlags(name, await w.vpc()), '--yes'];
}

/** Polls until `check` holds (no timing assertions: only a generous deadline). */
export async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

/**
 * A create killed between its two calls. The proxy holds back every AuthorizeSecurityGroup while the create runs,
 * and lets them through again once it is dead: whether or not its authorize had left before the kill, no rule was
 * applied, and nothing is left waiting to break a later call (a sandbox fault the killed create never used would
 * hang the resume instead). Returns the id of the group that exists without its rules.
 */
export async function killedMidway(w: E2eWorld): Promise<string> {
	w.proxy.always('AuthorizeSecurityGroup', {kind: 'hang'});
	try {
		const running = startCli(await createArgs(w), w.env);
		await until(() => /CreateSecurityGroup … sg-/.test(running.stderr()), 'the group to be created');
		running.child.kill('SIGKILL');
		await running.done;
		return /CreateSecurityGroup … (sg-\w+)/.exec(running.stderr())?.[1] ?? '';
	} finally {
		w.proxy.always('AuthorizeSecurityGroup', undefined);
	}
}
