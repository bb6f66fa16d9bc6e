// Runs `ecs-sg create` (flags path) and `ecs-sg resume` in this process against a real sandbox through the
// real adapter and config store, with captured streams: the whole path, minus only the process boundary.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {createEcsApi} from '../../source/cloud/pop-adapter.js';
import {type GlobalOptions, parseArgs} from '../../source/commands/args.js';
import {type FlagsDeps, run as runCreateFlags} from '../../source/commands/create-flags.js';
import type {Io} from '../../source/commands/io.js';
import {type ResumeDeps, run as runResume} from '../../source/commands/resume.js';
import {openServices, type Services} from '../../source/commands/services.js';
import {openConfig} from '../../source/config/store.js';
import {type Sandbox, type SandboxStateFile, startSandbox} from '../../source/sandbox/index.js';
import {webLinuxFlags} from '../helpers/cli.js';

export type Ran = {code: number; stdout: string; stderr: string};

export type World = {
	sandbox: Sandbox;
	configDir: string;
	env: NodeJS.ProcessEnv;
	/** The default VPC of a region in the seed. */
	vpc(regionId?: string): string;
	groups(regionId?: string): GroupRecord[];
	journal(): ReturnType<ReturnType<typeof openConfig>['journal']['list']>;
	close(): Promise<void>;
};

export type GroupRecord = {
	SecurityGroupId: string;
	SecurityGroupName: string;
	VpcId: string;
	RegionId: string;
	Description: string;
	SecurityGroupType: string;
	ResourceGroupId: string;
	Tags: {Tag: {TagKey?: string; TagValue?: string; Key?: string; Value?: string}[]};
	Permissions: {
		Direction: string;
		IpProtocol: string;
		PortRange: string;
		SourceCidrIp: string;
		Policy: string;
		Priority: number;
		NicType: string;
		Description: string;
	}[];
};

export async function startWorld(
	options: {initialState?: SandboxStateFile; faults?: {action: string; kind: string; count: number}[]} = {},
): Promise<World> {
	const sandbox = await startSandbox({
		port: 0,
		...(options.initialState ? {initialState: options.initialState} : {}),
		faults: (options.faults ?? []) as never,
	});
	const configDir = mkdtempSync(path.join(tmpdir(), 'ecs-sg-submit-'));
	const env: NodeJS.ProcessEnv = {
		ECS_SG_CONFIG_DIR: configDir,
		HOME: configDir,
		ALIBABA_CLOUD_ACCESS_KEY_ID: sandbox.accessKeyId,
		ALIBABA_CLOUD_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
		LANG: 'en_US.UTF-8',
	};
	const snapshotGroups = () => (sandbox.snapshot().securityGroups ?? []) as GroupRecord[];
	return {
		sandbox,
		configDir,
		env,
		vpc(regionId = 'cn-hangzhou') {
			const vpcs = (sandbox.snapshot().vpcs ?? []) as {VpcId: string; RegionId: string; IsDefault: boolean}[];
			const vpc = vpcs.find((v) => v.RegionId === regionId && v.IsDefault);
			if (!vpc) throw new Error(`no default VPC in ${regionId}`);
			return vpc.VpcId;
		},
		groups: (regionId = 'cn-hangzhou') => snapshotGroups().filter((g) => g.RegionId === regionId),
		journal: () => openConfig({env}).journal.list(),
		async close() {
			await sandbox.close();
			rmSync(configDir, {recursive: true, force: true});
		},
	};
}

export function captureIo(env: NodeJS.ProcessEnv, interactive = false): Io & {out(): string; err(): string} {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	let out = '';
	let err = '';
	stdout.on('data', (d) => {
		out += String(d);
	});
	stderr.on('data', (d) => {
		err += String(d);
	});
	return {
		stdin: new PassThrough() as unknown as NodeJS.ReadStream,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		env,
		interactive,
		out: () => out,
		err: () => err,
	};
}

/**
 * The real services, with the same adapter, but with backoff delays of a few milliseconds so that a test of
 * four failed tries does not wait seconds. Everything else (tries, tokens, error mapping) is unchanged.
 */
export async function fastServices(
	global: GlobalOptions,
	io: Io,
	options?: {needCredentials?: boolean},
): Promise<Services> {
	const services = await openServices(global, io, options);
	if (!services.credentials.accessKeyId && services.credentials.source.label === '') return services;
	const endpoint = global.endpoint;
	const api = createEcsApi({
		credentials: services.credentials.provider,
		...(endpoint ? {endpoint} : {}),
		retry: {baseDelayMs: 5, maxDelayMs: 20},
	});
	return {
		...services,
		api,
		async close() {
			api.close();
			await services.close();
		},
	};
}

const interruptsIgnored = () => () => {};

const parsed = (argv: string[]) => {
	const result = parseArgs(argv);
	if (!result.ok) throw new Error(result.errors.join('\n'));
	return result.args;
};

/** `ecs-sg create ARGV` on the flags path, sent to the world's sandbox. */
export async function create(
	world: World,
	argv: string[],
	options: {interactive?: boolean; deps?: Partial<FlagsDeps>} = {},
): Promise<Ran> {
	const io = captureIo(world.env, options.interactive);
	const code = await runCreateFlags(parsed(['create', '--endpoint', world.sandbox.endpoint, ...argv]), io, {
		openServices: (args, io2, options) => fastServices(args.global, io2, options),
		onInterrupt: interruptsIgnored,
		...options.deps,
	});
	return {code, stdout: io.out(), stderr: io.err()};
}

/** `ecs-sg resume ARGV`; the target comes from the journal. */
export async function resume(
	world: World,
	argv: string[],
	options: {interactive?: boolean; deps?: Partial<ResumeDeps>} = {},
): Promise<Ran> {
	const io = captureIo(world.env, options.interactive);
	const code = await runResume(parsed(['resume', ...argv]), io, {
		openServices: fastServices,
		...options.deps,
	});
	return {code, stdout: io.out(), stderr: io.err()};
}

/** Every flag a create needs, for the default VPC of cn-hangzhou. */
export const required = (world: World, name = 'web-sg'): string[] => [
	...webLinuxFlags(name, world.vpc()),
	'--yes',
];

/** A rule of a group as `PROTO PORTS CIDR`, for comparisons. */
export const ruleOf = (p: GroupRecord['Permissions'][number]): string =>
	`${p.IpProtocol.toLowerCase()} ${p.PortRange} ${p.SourceCidrIp} ${p.Policy.toLowerCase()} ${p.Priority} ${p.NicType}`;
