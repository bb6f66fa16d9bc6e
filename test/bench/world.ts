// What the CLI figures share: a sandbox in this process (optionally slow and with many VPCs), a temporary
// config folder whose region cache is already filled, and the environment that points the built CLI at both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createEcsApi} from '../../source/cloud/pop-adapter.js';
import {openConfig} from '../../source/config/store.js';
import {type Sandbox, type SandboxStateFile, startSandbox} from '../../source/sandbox/index.js';
import {cleanEnv, sandboxEnv} from '../helpers/env.js';

/** The bench runs as dist/bench.mjs, so the repository root is one folder up. */
export const root = new URL('..', import.meta.url).pathname;
export const cliPath = path.join(root, 'dist', 'cli.mjs');
export const floorPath = path.join(root, 'dist', 'ink-floor.mjs');
export const plainFloorPath = path.join(root, 'dist', 'ink-floor-plain.mjs');

export type BenchWorld = {
	sandbox: Sandbox;
	configDir: string;
	/** The environment for the CLI: credentials from env, this config folder, no CI, English, colour on. */
	env: Record<string, string>;
	/** `node dist/cli.mjs --lang en create --endpoint <sandbox> ...extra`. */
	cliArgs(extra?: string[]): string[];
	close(): Promise<void>;
};

/** `count` VPCs in one region, named so a filter has something to narrow (team-N-env). */
export function manyVpcs(regionId: string, count: number) {
	const envs = ['prod', 'staging', 'dev', 'test', 'qa'];
	return Array.from({length: count}, (_, i) => ({
		VpcId: `vpc-bench${String(i).padStart(6, '0')}`,
		VpcName: `team-${i}-${envs[i % envs.length]}`,
		CidrBlock: `10.${(i >> 8) & 255}.${i & 255}.0/24`,
		IsDefault: i === 0,
		Status: 'Available',
		RegionId: regionId,
		Description: '',
		CreationTime: '2024-01-01T00:00:00Z',
	}));
}

export async function openBenchWorld(options: {latencyMs?: number; vpcs?: number} = {}): Promise<BenchWorld> {
	const initialState: SandboxStateFile | undefined = options.vpcs
		? {vpcs: manyVpcs('cn-hangzhou', options.vpcs)}
		: undefined;
	const sandbox = await startSandbox({
		port: 0,
		...(options.latencyMs ? {latencyMs: options.latencyMs} : {}),
		...(initialState ? {initialState} : {}),
	});
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-bench-'));
	const configDir = path.join(home, 'config');
	// The region list is cached, as after any earlier run: the first frame needs nothing from the network.
	const api = createEcsApi({
		credentials: {accessKeyId: sandbox.accessKeyId, accessKeySecret: sandbox.accessKeySecret},
		endpoint: sandbox.endpoint,
	});
	try {
		const regions = await api.describeRegions({language: 'en-US'});
		openConfig({dir: configDir}).settings.cacheRegions('en-US', regions);
	} finally {
		api.close();
	}
	const env = cleanEnv(sandboxEnv(home, sandbox));
	return {
		sandbox,
		configDir,
		env,
		cliArgs: (extra = []) => [cliPath, '--lang', 'en', 'create', '--endpoint', sandbox.endpoint, ...extra],
		async close() {
			await sandbox.close();
			fs.rmSync(home, {recursive: true, force: true});
		},
	};
}
