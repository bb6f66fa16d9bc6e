// The settings file, through conf: profiles (the only place a secret is written), non-secret defaults, the
// region cache and the journal. This is the one module that imports conf. Every write goes through update(),
// which re-reads the file under a cross-process lock, applies the change and writes it back atomically, so two
// processes writing at once never lose each other's entries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import {t} from '../text/index.js';
import {ConfigError} from './errors.js';
import {corruptJsonError} from './json-locate.js';
import {LockTimeoutError, withLock} from './lock.js';
import {type Document, isObject, journalOf, profilesOf, settingsOf} from './store-views.js';
import type {ConfigStore} from './types.js';

export {regionCacheTtlMs} from './store-views.js';

const configFileName = 'config.json';

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

class NotAnObject extends Error {}

/** conf would quietly turn a top-level array or number into `{}` and then overwrite the file: refuse instead. */
function parseDocument(text: string): Record<string, unknown> {
	const value: unknown = JSON.parse(text);
	if (!isObject(value)) throw new NotAnObject();
	return value;
}

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
	return new ConfigError(
		writing ? 'unwritable' : 'unreadable',
		t(writing ? 'config.store.unwritable' : 'config.store.unreadable', {file, code}),
		t('config.store.permissionNext'),
		{file},
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
	const readFailure = (error: unknown): ConfigError => {
		if ((error as Error)?.name === 'SyntaxError') return corrupt();
		if (error instanceof NotAnObject) return shape('');
		return ioError(error, file, false);
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
		throw readFailure(error);
	}

	const read = (): Document => {
		let data: Record<string, unknown>;
		try {
			// conf reads the file afresh on every access, so this sees other processes' writes.
			data = conf.store;
		} catch (error) {
			throw readFailure(error);
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

	const access = {read, update, now};
	return {
		path: file,
		settings: settingsOf(access),
		journal: journalOf(access),
		profiles: profilesOf(access),
	};
}
