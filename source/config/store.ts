// The settings file, through conf: profiles (the only place a secret is written), non-secret defaults, the
// region cache and the journal. This is the one module that imports conf. Every write goes through update(),
// which re-reads the file under a cross-process lock, applies the change and writes it back atomically, so two
// processes writing at once never lose each other's entries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import {t} from '../text/index.js';
import {ConfigError, unknownProfileError} from './errors.js';
import {corruptJsonError} from './json-error.js';
import {LockTimeoutError, withLock} from './lock.js';
import {isProfileName} from './profile-name.js';
import type {
	ConfigStore,
	Journal,
	JournalEntry,
	Profiles,
	RegionRecord,
	Settings,
	StoredProfile,
	StoredRole,
} from './types.js';

export const regionCacheTtlMs = 24 * 60 * 60 * 1000;
export const configFileName = 'config.json';

type ProfileRecord = {
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	regionId?: string;
	role?: StoredRole;
};

/** Only the known fields of a stored role, typed. */
function storedRole(role: StoredRole): StoredRole {
	return {
		roleArn: String(role.roleArn),
		...(role.roleSessionName ? {roleSessionName: String(role.roleSessionName)} : {}),
		...(role.externalId ? {externalId: String(role.externalId)} : {}),
		...(Number.isInteger(role.durationSeconds) ? {durationSeconds: Number(role.durationSeconds)} : {}),
	};
}

type Document = {
	profiles?: Record<string, ProfileRecord>;
	currentProfile?: string;
	defaults?: {region?: string; template?: string; vpcs?: Record<string, string>};
	regionCache?: Record<string, {fetchedAt: number; regions: RegionRecord[]}>;
	journal?: Record<string, JournalEntry>;
};

const objectKeys = ['profiles', 'defaults', 'regionCache', 'journal'] as const;

export type OpenConfigOptions = {
	/** The folder for config.json; defaults to $ECS_SG_CONFIG_DIR, else conf's folder for `ecs-sg`. */
	dir?: string;
	env?: NodeJS.ProcessEnv;
	/** For tests of the region cache's time to live. */
	now?: () => number;
	/** How long a write waits for another process's lock (default 5 s). */
	lockTimeoutMs?: number;
};

/** The home folder `env` names (where the aliyun CLI and credentials files live), else the account's. */
export const homeOf = (env: NodeJS.ProcessEnv): string => env.HOME || env.USERPROFILE || os.homedir();

/** conf's default folder for the project `ecs-sg` with no suffix (env-paths' config folder), from `env`. */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
	const home = homeOf(env);
	if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'ecs-sg');
	if (process.platform === 'win32') {
		return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'ecs-sg', 'Config');
	}
	return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'ecs-sg');
}

export function configDir(options: OpenConfigOptions = {}): string {
	const env = options.env ?? process.env;
	return path.resolve(options.dir ?? (env.ECS_SG_CONFIG_DIR || defaultConfigDir(env)));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

class NotAnObject extends Error {}

/** conf would quietly turn a top-level array or number into `{}` and then overwrite the file: refuse instead. */
function parseDocument(text: string): Record<string, unknown> {
	const value: unknown = JSON.parse(text);
	if (!isObject(value)) throw new NotAnObject();
	return value;
}

/** Sets an own property even for keys such as `__proto__`, which plain assignment would turn into a prototype. */
function put<T>(record: Record<string, T>, key: string, value: T): void {
	Object.defineProperty(record, key, {value, enumerable: true, writable: true, configurable: true});
}

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
	record && Object.hasOwn(record, key) ? record[key] : undefined;

/** Makes sure the folder is 0700 and the file 0600, even if they were created wider by hand or by an older version. */
function tighten(dir: string, file: string): void {
	if (process.platform === 'win32') return;
	fs.mkdirSync(dir, {recursive: true, mode: 0o700});
	for (const [target, mode] of [
		[dir, 0o700],
		[file, 0o600],
	] as const) {
		try {
			if ((fs.statSync(target).mode & 0o777) !== mode) fs.chmodSync(target, mode);
		} catch (error) {
			// A missing file is created 0600 by conf on the first write; a folder we do not own cannot be changed.
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'ENOENT' && code !== 'EPERM') throw error;
		}
	}
}

function ioError(error: unknown, file: string, writing: boolean): ConfigError {
	const code = (error as NodeJS.ErrnoException)?.code ?? 'EIO';
	return writing
		? new ConfigError(
				'unwritable',
				t('config.store.unwritable', {file, code}),
				t('config.store.permissionNext'),
				{
					file,
				},
			)
		: new ConfigError(
				'unreadable',
				t('config.store.unreadable', {file, code}),
				t('config.store.permissionNext'),
				{
					file,
				},
			);
}

export function openConfig(options: OpenConfigOptions = {}): ConfigStore {
	const dir = configDir(options);
	const file = path.join(dir, configFileName);
	const lockPath = `${file}.lock`;
	const now = options.now ?? Date.now;

	try {
		tighten(dir, file);
	} catch (error) {
		throw ioError(error, file, true);
	}

	let conf: Conf<Record<string, unknown>>;
	const shape = (key: string) =>
		new ConfigError(
			'shape',
			key ? t('config.store.shape', {file, key}) : t('config.store.notObject', {file}),
			t('config.store.corruptNext', {file}),
			{file},
		);
	const corrupt = () => {
		let text = '';
		try {
			text = fs.readFileSync(file, 'utf8');
		} catch {}
		return corruptJsonError(file, text, t('config.store.corruptNext', {file}));
	};
	try {
		conf = new Conf({
			projectName: 'ecs-sg',
			projectSuffix: '',
			cwd: dir,
			configName: 'config',
			configFileMode: 0o600,
			clearInvalidConfig: false,
			accessPropertiesByDotNotation: false,
			deserialize: parseDocument,
		});
	} catch (error) {
		if ((error as Error)?.name === 'SyntaxError') throw corrupt();
		if (error instanceof NotAnObject) throw shape('');
		throw ioError(error, file, false);
	}

	const read = (): Document => {
		let data: Record<string, unknown>;
		try {
			// conf reads the file afresh on every access, so this sees other processes' writes.
			data = conf.store;
		} catch (error) {
			if ((error as Error)?.name === 'SyntaxError') throw corrupt();
			if (error instanceof NotAnObject) throw shape('');
			throw ioError(error, file, false);
		}
		for (const key of objectKeys) {
			if (data[key] !== undefined && !isObject(data[key])) throw shape(key);
		}
		return data as Document;
	};

	const update = (change: (doc: Document) => void): void => {
		try {
			withLock(
				lockPath,
				() => {
					const doc = read();
					change(doc);
					try {
						conf.store = doc as Record<string, unknown>;
					} catch (error) {
						throw ioError(error, file, true);
					}
				},
				{timeoutMs: options.lockTimeoutMs},
			);
		} catch (error) {
			if (error instanceof LockTimeoutError) {
				throw new ConfigError(
					'locked',
					t('config.store.locked', {file}),
					t('config.store.lockedNext', {lock: lockPath}),
					{file},
				);
			}
			if (error instanceof ConfigError) throw error;
			throw ioError(error, file, true);
		}
	};

	const profileOf = (name: string, record: ProfileRecord): StoredProfile => ({
		name,
		accessKeyId: String(record.accessKeyId ?? ''),
		accessKeySecret: String(record.accessKeySecret ?? ''),
		...(record.securityToken ? {securityToken: String(record.securityToken)} : {}),
		...(record.regionId ? {regionId: String(record.regionId)} : {}),
		...(isObject(record.role) && typeof record.role.roleArn === 'string'
			? {role: storedRole(record.role)}
			: {}),
	});

	const profiles: Profiles = {
		list() {
			const all = read().profiles ?? {};
			return Object.keys(all)
				.filter((name) => isObject(all[name]))
				.sort()
				.map((name) => profileOf(name, all[name] as ProfileRecord));
		},
		get(name) {
			const record = own(read().profiles, name);
			return isObject(record) ? profileOf(name, record) : undefined;
		},
		put(profile, putOptions = {}) {
			if (!isProfileName(profile.name)) throw new TypeError('invalid profile name');
			update((doc) => {
				doc.profiles ??= {};
				const record: ProfileRecord = {
					accessKeyId: profile.accessKeyId,
					accessKeySecret: profile.accessKeySecret,
				};
				if (profile.securityToken) record.securityToken = profile.securityToken;
				if (profile.regionId) record.regionId = profile.regionId;
				if (profile.role) record.role = storedRole(profile.role);
				put(doc.profiles, profile.name, record);
				if (putOptions.makeCurrent) doc.currentProfile = profile.name;
			});
		},
		remove(name) {
			update((doc) => {
				if (doc.profiles && Object.hasOwn(doc.profiles, name)) delete doc.profiles[name];
				if (doc.currentProfile === name) delete doc.currentProfile;
			});
		},
		current() {
			const doc = read();
			const name = doc.currentProfile;
			return typeof name === 'string' && isObject(own(doc.profiles, name)) ? name : undefined;
		},
		use(name) {
			update((doc) => {
				if (!isObject(own(doc.profiles, name))) {
					throw unknownProfileError(name, Object.keys(doc.profiles ?? {}).sort());
				}
				doc.currentProfile = name;
			});
		},
	};

	const settings: Settings = {
		lastRegion: () => read().defaults?.region,
		lastTemplate: () => read().defaults?.template,
		lastVpc: (regionId) => own(read().defaults?.vpcs, regionId),
		remember(choice) {
			update((doc) => {
				const defaults = isObject(doc.defaults) ? doc.defaults : {};
				if (choice.regionId) defaults.region = choice.regionId;
				if (choice.template) defaults.template = choice.template;
				const region = choice.regionId ?? defaults.region;
				if (choice.vpcId && region) {
					defaults.vpcs = isObject(defaults.vpcs) ? defaults.vpcs : {};
					put(defaults.vpcs, region, choice.vpcId);
				}
				doc.defaults = defaults;
			});
		},
		cachedRegions(language) {
			const entry = own(read().regionCache, language);
			if (!isObject(entry) || !Array.isArray(entry.regions) || typeof entry.fetchedAt !== 'number') {
				return undefined;
			}
			const age = now() - entry.fetchedAt;
			return {
				regions: entry.regions.map((r) => ({...r})),
				fetchedAt: entry.fetchedAt,
				fresh: age >= 0 && age < regionCacheTtlMs,
			};
		},
		cacheRegions(language, regions) {
			update((doc) => {
				doc.regionCache ??= {};
				put(doc.regionCache, language, {fetchedAt: now(), regions: regions.map((r) => ({...r}))});
			});
		},
	};

	const journal: Journal = {
		list() {
			const all = read().journal ?? {};
			return Object.values(all)
				.filter(isObject)
				.map((entry) => structuredClone(entry) as JournalEntry)
				.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
		},
		get(id) {
			const entry = own(read().journal, id);
			return isObject(entry) ? (structuredClone(entry) as JournalEntry) : undefined;
		},
		put(entry) {
			update((doc) => {
				doc.journal ??= {};
				put(doc.journal, entry.id, structuredClone(entry));
			});
		},
		remove(id) {
			update((doc) => {
				if (doc.journal && Object.hasOwn(doc.journal, id)) delete doc.journal[id];
			});
		},
	};

	return {path: file, settings, journal, profiles};
}
