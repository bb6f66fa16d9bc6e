import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {build} from 'esbuild';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ConfigError} from '../../source/config/errors.js';
import {withLock} from '../../source/config/lock.js';
import {configDir, defaultConfigDir, openConfig, regionCacheTtlMs} from '../../source/config/store.js';
import type {JournalEntry} from '../../source/config/types.js';

let dir: string;
const mode = (p: string) => fs.statSync(p).mode & 0o777;
const entry = (id: string, createdAt = new Date().toISOString()): JournalEntry => ({
	id,
	createdAt,
	updatedAt: createdAt,
	target: {sandbox: true},
	regionId: 'cn-hangzhou',
	payload: {plan: {id}, steps: [1, 2]},
});

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-sg-store-'));
});
afterEach(() => {
	fs.rmSync(dir, {recursive: true, force: true});
});

describe('where the settings live', () => {
	it("honours ECS_SG_CONFIG_DIR, else conf's folder for ecs-sg without the -nodejs suffix", () => {
		const custom = path.join(dir, 'custom');
		const store = openConfig({env: {ECS_SG_CONFIG_DIR: custom}});
		expect(store.path).toBe(path.join(custom, 'config.json'));
		expect(configDir({env: {HOME: '/home/u'}})).toBe(defaultConfigDir({HOME: '/home/u'}));
		if (process.platform === 'linux') {
			expect(defaultConfigDir({HOME: '/home/u'})).toBe('/home/u/.config/ecs-sg');
			expect(defaultConfigDir({HOME: '/home/u', XDG_CONFIG_HOME: '/x'})).toBe('/x/ecs-sg');
		}
	});

	it.skipIf(process.platform === 'win32')('creates the folder 0700 and the file 0600', () => {
		const folder = path.join(dir, 'new', 'deeper');
		const store = openConfig({dir: folder});
		store.profiles.put({name: 'default', accessKeyId: 'LTAIid', accessKeySecret: 'secret-value'});
		expect(mode(folder)).toBe(0o700);
		expect(mode(store.path)).toBe(0o600);
	});

	it.skipIf(process.platform === 'win32')(
		'tightens a folder and a file that already existed with wider modes',
		() => {
			fs.chmodSync(dir, 0o755);
			const file = path.join(dir, 'config.json');
			fs.writeFileSync(file, '{"defaults":{"region":"cn-shanghai"}}', {mode: 0o644});
			fs.chmodSync(file, 0o644);
			const store = openConfig({dir});
			expect(mode(dir)).toBe(0o700);
			expect(mode(file)).toBe(0o600);
			expect(store.settings.lastRegion()).toBe('cn-shanghai');
			store.settings.remember({template: 'web-linux'});
			expect(mode(file)).toBe(0o600);
		},
	);
});

describe('a broken settings file', () => {
	it('is reported with its path, line and a fix, and never wiped', () => {
		const file = path.join(dir, 'config.json');
		const text = '{\n  "profiles": {\n    "default": {"accessKeySecret": "topsecret-value"\n  }\n';
		fs.writeFileSync(file, text);
		let error: unknown;
		try {
			openConfig({dir});
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const configError = error as ConfigError;
		expect(configError.code).toBe('corrupt');
		expect(configError.message).toContain(file);
		expect(configError.message).toMatch(/line 5/);
		expect(configError.next).toMatch(/move .* away/);
		expect(configError.message).not.toContain('topsecret-value');
		expect(fs.readFileSync(file, 'utf8')).toBe(text);
	});

	it('is caught when it breaks after opening, and when its top level is not an object', () => {
		const store = openConfig({dir});
		store.settings.remember({regionId: 'cn-hangzhou'});
		fs.writeFileSync(store.path, '{"defaults": ');
		expect(() => store.settings.lastRegion()).toThrow(ConfigError);
		expect(() => store.settings.remember({regionId: 'x-y'})).toThrow(ConfigError);
		expect(fs.readFileSync(store.path, 'utf8')).toBe('{"defaults": ');

		fs.writeFileSync(store.path, '[1, 2]');
		expect(() => openConfig({dir})).toThrow(/one JSON object/);
		fs.writeFileSync(store.path, '{"profiles": []}');
		expect(() => store.profiles.list()).toThrow(/"profiles" should be an object/);
		expect(fs.readFileSync(store.path, 'utf8')).toBe('{"profiles": []}');
	});
});

describe('profiles', () => {
	it('puts, lists, switches and removes profiles', () => {
		const store = openConfig({dir});
		expect(store.profiles.list()).toEqual([]);
		expect(store.profiles.current()).toBeUndefined();
		store.profiles.put(
			{name: 'prod', accessKeyId: 'LTAIprod', accessKeySecret: 'prod-secret', regionId: 'cn-beijing'},
			{makeCurrent: true},
		);
		store.profiles.put({
			name: 'dev',
			accessKeyId: 'STS.dev',
			accessKeySecret: 'dev-secret',
			securityToken: 'tok',
		});
		expect(store.profiles.list().map((p) => p.name)).toEqual(['dev', 'prod']);
		expect(store.profiles.current()).toBe('prod');
		expect(store.profiles.get('dev')).toEqual({
			name: 'dev',
			accessKeyId: 'STS.dev',
			accessKeySecret: 'dev-secret',
			securityToken: 'tok',
		});
		store.profiles.use('dev');
		expect(store.profiles.current()).toBe('dev');
		store.profiles.remove('dev');
		expect(store.profiles.current()).toBeUndefined();
		expect(store.profiles.get('dev')).toBeUndefined();
		// A second store on the same file sees the same data (conf reads afresh).
		expect(openConfig({dir}).profiles.get('prod')?.regionId).toBe('cn-beijing');
	});

	it('refuses to switch to an unknown profile, naming the known ones', () => {
		const store = openConfig({dir});
		store.profiles.put({name: 'alpha', accessKeyId: 'a', accessKeySecret: 'b'});
		store.profiles.put({name: 'beta', accessKeyId: 'a', accessKeySecret: 'b'});
		expect(() => store.profiles.use('gamma')).toThrow(/"gamma".*alpha, beta/);
		expect(() => store.profiles.put({name: '__proto__', accessKeyId: 'a', accessKeySecret: 'b'})).toThrow();
	});
});

describe('settings and the region cache', () => {
	it('remembers the last region, template and VPC per region', () => {
		const store = openConfig({dir});
		store.settings.remember({regionId: 'cn-hangzhou', template: 'web-linux', vpcId: 'vpc-a'});
		store.settings.remember({regionId: 'cn-shanghai', vpcId: 'vpc-b'});
		store.settings.remember({vpcId: 'vpc-c'});
		expect(store.settings.lastRegion()).toBe('cn-shanghai');
		expect(store.settings.lastTemplate()).toBe('web-linux');
		expect(store.settings.lastVpc('cn-hangzhou')).toBe('vpc-a');
		expect(store.settings.lastVpc('cn-shanghai')).toBe('vpc-c');
		expect(store.settings.lastVpc('eu-west-1')).toBeUndefined();
	});

	it('keeps the region list per language with a time to live', () => {
		let now = 1_000_000;
		const store = openConfig({dir, now: () => now});
		const regions = [{id: 'cn-hangzhou', localName: 'Hangzhou', endpoint: 'ecs.aliyuncs.com'}];
		store.settings.cacheRegions('en-US', regions);
		expect(store.settings.cachedRegions('en-US')).toEqual({regions, fetchedAt: 1_000_000, fresh: true});
		expect(store.settings.cachedRegions('zh-CN')).toBeUndefined();
		now += regionCacheTtlMs + 1;
		expect(store.settings.cachedRegions('en-US')?.fresh).toBe(false);
		expect(store.settings.cachedRegions('en-US')?.regions).toEqual(regions);
	});
});

describe('journal', () => {
	it('puts, lists in creation order, reads and removes entries as copies', () => {
		const store = openConfig({dir});
		store.journal.put(entry('b', '2026-01-02T00:00:00Z'));
		store.journal.put(entry('a', '2026-01-01T00:00:00Z'));
		expect(store.journal.list().map((e) => e.id)).toEqual(['a', 'b']);
		const got = store.journal.get('a');
		expect(got).toEqual(entry('a', '2026-01-01T00:00:00Z'));
		const steps = (e: JournalEntry | undefined) => ((e ? e.payload : {steps: []}) as {steps: number[]}).steps;
		steps(got).push(3);
		expect(steps(store.journal.get('a'))).toEqual([1, 2]);
		store.journal.remove('a');
		expect(store.journal.get('a')).toBeUndefined();
		expect(store.journal.list()).toHaveLength(1);
	});
});

describe('the settings lock', () => {
	it('two processes writing at once lose nothing', async () => {
		const bundle = path.join(dir, 'writer.mjs');
		await build({
			entryPoints: [new URL('./writer.ts', import.meta.url).pathname],
			bundle: true,
			platform: 'node',
			format: 'esm',
			outfile: bundle,
			logLevel: 'silent',
			banner: {
				js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);",
			},
		});
		const settings = path.join(dir, 'settings');
		const run = (tag: string) =>
			new Promise<number>((resolve) => {
				const child = spawn(process.execPath, [bundle, settings, tag, '25'], {stdio: 'inherit'});
				child.on('exit', (code) => resolve(code ?? -1));
			});
		expect(await Promise.all([run('a'), run('b'), run('c')])).toEqual([0, 0, 0]);
		const ids = openConfig({dir: settings})
			.journal.list()
			.map((e) => e.id)
			.sort();
		expect(ids).toHaveLength(75);
		expect(ids).toContain('a-24');
		expect(ids).toContain('c-0');
		expect(fs.existsSync(path.join(settings, 'config.json.lock'))).toBe(false);
	});

	it('takes over a lock left behind by a process that died', () => {
		const lock = path.join(dir, 'x.lock');
		fs.writeFileSync(lock, `${os.hostname()}:999999999:0:dead`);
		expect(withLock(lock, () => 'ran', {timeoutMs: 500})).toBe('ran');
		expect(fs.existsSync(lock)).toBe(false);
	});

	it('waits for a live lock and then reports it as held', () => {
		const lock = path.join(dir, 'y.lock');
		fs.writeFileSync(lock, `${os.hostname()}:${process.pid}:0:live`);
		expect(() => withLock(lock, () => 'ran', {timeoutMs: 100})).toThrow(/held/);
		const store = openConfig({dir, lockTimeoutMs: 50});
		fs.writeFileSync(`${store.path}.lock`, `${os.hostname()}:${process.pid}:0:live`);
		// The store turns a lock held for too long into a ConfigError naming the lock file.
		let error: unknown;
		try {
			store.settings.remember({regionId: 'cn-hangzhou'});
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ConfigError);
		expect((error as ConfigError).code).toBe('locked');
		expect((error as ConfigError).next).toContain(`${store.path}.lock`);
	});
});
