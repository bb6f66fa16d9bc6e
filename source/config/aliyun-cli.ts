// Reads the aliyun CLI's ~/.aliyun/config.json so an operator who already ran `aliyun configure` needs nothing
// else. Only the AK and StsToken modes carry a usable key pair; the others need an STS exchange or a browser
// login that ecs-sg does not do yet, and say so.
import fs from 'node:fs';
import path from 'node:path';
import {t} from '../text/index.js';
import {ConfigError} from './errors.js';
import {corruptJsonError} from './json-error.js';
import type {Credentials} from './types.js';

export type AliyunCliProfile = {
	name: string;
	mode: string;
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	regionId?: string;
};

export type AliyunCliConfig = {file: string; current?: string; profiles: AliyunCliProfile[]};

export const aliyunCliPath = (home: string): string => path.join(home, '.aliyun', 'config.json');

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The parsed file, or undefined when there is none. A ConfigError (file and line) when it is not valid. */
export function loadAliyunCli(home: string): AliyunCliConfig | undefined {
	const file = aliyunCliPath(home);
	let raw: string;
	try {
		raw = fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw new ConfigError(
			'unreadable',
			t('config.aliyun.unreadable', {file, code: (error as NodeJS.ErrnoException).code ?? 'EIO'}),
			t('config.aliyun.next'),
			{file},
		);
	}
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		throw corruptJsonError(file, raw, t('config.aliyun.next'));
	}
	const shape = () =>
		new ConfigError('shape', t('config.aliyun.shape', {file}), t('config.aliyun.next'), {file});
	if (typeof data !== 'object' || data === null || Array.isArray(data)) throw shape();
	const record = data as Record<string, unknown>;
	if (record.profiles !== undefined && !Array.isArray(record.profiles)) throw shape();
	const profiles: AliyunCliProfile[] = [];
	for (const entry of (record.profiles as unknown[] | undefined) ?? []) {
		if (typeof entry !== 'object' || entry === null) throw shape();
		const p = entry as Record<string, unknown>;
		const name = text(p.name);
		if (!name) continue;
		const profile: AliyunCliProfile = {
			name,
			mode: text(p.mode),
			accessKeyId: text(p.access_key_id),
			accessKeySecret: text(p.access_key_secret),
		};
		if (text(p.sts_token)) profile.securityToken = text(p.sts_token);
		if (text(p.region_id)) profile.regionId = text(p.region_id);
		profiles.push(profile);
	}
	const current = text(record.current) || undefined;
	return {file, current, profiles};
}

/**
 * The key pair of one aliyun CLI profile. An empty mode is recognised the way the aliyun CLI does: a key pair
 * means AK (StsToken with a token). A ConfigError when the mode is one ecs-sg cannot use or the pair is missing.
 */
export function aliyunCliCredentials(
	config: AliyunCliConfig,
	profile: AliyunCliProfile,
): Credentials & {regionId?: string} {
	const mode = profile.mode || (profile.accessKeyId ? (profile.securityToken ? 'StsToken' : 'AK') : '');
	if (mode !== 'AK' && mode !== 'StsToken') {
		throw new ConfigError(
			'unsupported',
			t('config.aliyun.unsupportedMode', {name: profile.name, file: config.file, mode: mode || '?'}),
			t('config.aliyun.unsupportedNext'),
			{file: config.file},
		);
	}
	if (!profile.accessKeyId || !profile.accessKeySecret || (mode === 'StsToken' && !profile.securityToken)) {
		throw new ConfigError(
			'incomplete',
			t('config.aliyun.incomplete', {name: profile.name, file: config.file, mode}),
			t('config.aliyun.next'),
			{file: config.file},
		);
	}
	return {
		accessKeyId: profile.accessKeyId,
		accessKeySecret: profile.accessKeySecret,
		...(mode === 'StsToken' ? {securityToken: profile.securityToken} : {}),
		...(profile.regionId ? {regionId: profile.regionId} : {}),
	};
}

export const findAliyunCliProfile = (
	config: AliyunCliConfig,
	name: string | undefined,
): AliyunCliProfile | undefined =>
	name === undefined ? undefined : config.profiles.find((profile) => profile.name === name);
