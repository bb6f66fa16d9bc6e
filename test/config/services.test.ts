// The services wiring every command uses (source/commands/services.ts): credentials through the chain, the
// target (--endpoint, --sandbox), the typed errors and how each is reported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {CloudError} from '../../source/cloud/errors.js';
import type {GlobalOptions} from '../../source/commands/args.js';
import type {Io} from '../../source/commands/io.js';
import {
	explainFailure,
	NoCredentialsError,
	openServices,
	reportFailure,
	UsageError,
	validateEndpoint,
} from '../../source/commands/services.js';
import {ConfigError} from '../../source/config/errors.js';
import {openConfig} from '../../source/config/store.js';
import {type FakeCloud, startFakeCloud} from '../cloud/fake-cloud.js';

let home: string;
let cloud: FakeCloud;

function fakeIo(env: NodeJS.ProcessEnv = {}): Io & {err: () => string} {
	const stderr = new PassThrough();
	let err = '';
	stderr.on('data', (chunk) => {
		err += chunk;
	});
	return {
		stdin: new PassThrough() as unknown as NodeJS.ReadStream,
		stdout: new PassThrough() as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		env: {HOME: home, ECS_SG_CONFIG_DIR: path.join(home, 'config'), ...env},
		interactive: false,
		err: () => err,
	};
}

const global = (extra: Partial<GlobalOptions> = {}): GlobalOptions => ({sandbox: false, ...extra});

beforeEach(async () => {
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-services-'));
	cloud = await startFakeCloud();
});
afterEach(async () => {
	await cloud.close();
	fs.rmSync(home, {recursive: true, force: true});
});

describe('openServices', () => {
	it('uses the stored current profile and sends every call to --endpoint', async () => {
		const io = fakeIo();
		openConfig({env: io.env}).profiles.put(
			{name: 'work', ...cloud.keys, regionId: 'cn-shanghai'},
			{makeCurrent: true},
		);
		const services = await openServices(global({endpoint: `${cloud.endpoint}/`}), io);
		try {
			expect(services.credentials.source).toEqual({kind: 'profile', label: 'work'});
			expect(services.credentials.regionId).toBe('cn-shanghai');
			expect(services.target).toEqual({endpoint: cloud.endpoint, profile: 'work'});
			expect(await services.api.describeRegions()).toHaveLength(3);
			await services.api.describeVpcs('cn-hangzhou').catch(() => undefined);
			expect(cloud.seen.map((s) => s.params.Action)).toEqual(['DescribeRegions', 'DescribeVpcs']);
		} finally {
			await services.close();
		}
	});

	it('throws NoCredentialsError when nothing resolves, unless credentials are optional', async () => {
		const io = fakeIo();
		await expect(openServices(global(), io)).rejects.toBeInstanceOf(NoCredentialsError);
		const services = await openServices(global(), io, {needCredentials: false});
		await expect(services.api.describeRegions()).rejects.toBeInstanceOf(NoCredentialsError);
		expect(services.store.path).toBe(path.join(home, 'config', 'config.json'));
		await services.close();
	});

	it('refuses an --endpoint that is not an http(s) URL, and --sandbox with --endpoint', async () => {
		for (const bad of ['ftp://x', 'not a url', 'http://u:p@host', 'http://host/?a=1']) {
			expect(() => validateEndpoint(bad)).toThrow(UsageError);
		}
		expect(validateEndpoint('https://ecs.aliyuncs.com/')).toBe('https://ecs.aliyuncs.com');
		const io = fakeIo({ALIBABA_CLOUD_ACCESS_KEY_ID: 'a', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'b'});
		await expect(openServices(global({endpoint: 'ftp://x'}), io)).rejects.toBeInstanceOf(UsageError);
		await expect(openServices(global({endpoint: cloud.endpoint, sandbox: true}), io)).rejects.toBeInstanceOf(
			UsageError,
		);
	});

	it('starts the sandbox in-process with its state in the config folder', async () => {
		const io = fakeIo();
		const services = await openServices(global({sandbox: true}), io);
		try {
			expect(services.sandbox?.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(services.credentials.source.kind).toBe('sandbox');
			expect(services.target).toEqual({sandbox: true});
			const vpcs = await services.api.describeVpcs('cn-hangzhou');
			expect(vpcs.length).toBeGreaterThan(0);
		} finally {
			await services.close();
		}
		const state = path.join(home, 'config', 'sandbox-state.json');
		expect(fs.existsSync(state)).toBe(true);
		// Its keys persist: a second start talks with the same ones.
		const again = await openServices(global({sandbox: true}), io);
		expect(again.credentials.accessKeyId).toBe(
			JSON.parse(fs.readFileSync(state, 'utf8')).credentials.accessKeyId,
		);
		await again.close();
	});
});

describe('reporting failures', () => {
	it('maps each typed error to its exit code and prints the sentence then the next step', () => {
		const cloudError = new CloudError('network', 'ECONNREFUSED', 'Cannot reach x.', 'Check the network.');
		expect(explainFailure(cloudError)?.exitCode).toBe(1);
		expect(explainFailure(new ConfigError('corrupt', 'Broken file.', 'Fix it.'))?.exitCode).toBe(2);
		expect(explainFailure(new NoCredentialsError())?.exitCode).toBe(2);
		expect(explainFailure(new UsageError('Bad flag.'))?.exitCode).toBe(2);
		expect(explainFailure(Object.assign(new Error('x'), {name: 'AbortError'}))?.exitCode).toBe(130);
		expect(explainFailure(new TypeError('a bug'))).toBeUndefined();

		const io = fakeIo();
		expect(reportFailure(io, cloudError)).toBe(1);
		expect(io.err()).toBe('Error: Cannot reach x.\nCheck the network.\n');
		expect(() => reportFailure(io, new TypeError('a bug'))).toThrow('a bug');
	});
});
