// Reads the aliyun CLI's ~/.aliyun/config.json so an operator who already ran `aliyun configure` needs nothing
// else, in every mode teams use (field names: "Configure profiles" and "RAM role credentials",
// https://www.alibabacloud.com/help/en/cli/ram-role-credentials, https://www.alibabacloud.com/help/en/cli/ecs-ram-role,
// "Configure and manage credentials", https://www.alibabacloud.com/help/en/cli/configure-credentials/):
// AK, StsToken, RamRoleArn, ChainableRamRoleArn (source_profile), EcsRamRole, OIDC, CloudSSO (the access token
// `aliyun sso login` saved), External (process_command) and CredentialsURI. providers.ts turns them into keys.
import fs from 'node:fs';
import path from 'node:path';
import {t} from '../text/index.js';
import {ConfigError} from './errors.js';
import {corruptJsonError} from './json-locate.js';
import type {ModeSettings} from './providers.js';
import type {CredentialMode, Credentials} from './types.js';

export type AliyunCliProfile = {
	name: string;
	mode: string;
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	regionId?: string;
	/** Every string and number field of the profile as written, for the modes that need more than a key pair. */
	fields: Record<string, string>;
};

export type AliyunCliConfig = {file: string; current?: string; profiles: AliyunCliProfile[]};

const aliyunCliPath = (home: string): string => path.join(home, '.aliyun', 'config.json');

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
		const fields: Record<string, string> = {};
		for (const [key, value] of Object.entries(p)) {
			if (typeof value === 'string') fields[key] = value.trim();
			else if (typeof value === 'number' && Number.isFinite(value)) fields[key] = String(value);
		}
		const profile: AliyunCliProfile = {
			name,
			mode: text(p.mode),
			accessKeyId: text(p.access_key_id),
			accessKeySecret: text(p.access_key_secret),
			fields,
		};
		if (text(p.sts_token)) profile.securityToken = text(p.sts_token);
		if (text(p.region_id)) profile.regionId = text(p.region_id);
		profiles.push(profile);
	}
	const current = text(record.current) || undefined;
	return {file, current, profiles};
}

/** The profile's mode; an empty one is read the way the aliyun CLI does: a key pair is AK (StsToken with a token). */
const modeOf = (profile: AliyunCliProfile): string =>
	profile.mode || (profile.accessKeyId ? (profile.securityToken ? 'StsToken' : 'AK') : '');

const unsupported = (config: AliyunCliConfig, profile: AliyunCliProfile, mode: string) =>
	new ConfigError(
		'unsupported',
		t('config.aliyun.unsupportedMode', {name: profile.name, file: config.file, mode: mode || '?'}),
		t('config.aliyun.unsupportedNext'),
		{file: config.file},
	);

/**
 * The key pair of one aliyun CLI profile (AK or StsToken). A ConfigError when the mode is one ecs-sg cannot use
 * or the pair is missing.
 */
export function aliyunCliCredentials(
	config: AliyunCliConfig,
	profile: AliyunCliProfile,
): Credentials & {regionId?: string} {
	const mode = modeOf(profile);
	if (mode !== 'AK' && mode !== 'StsToken') {
		throw unsupported(config, profile, mode);
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

const modes: readonly CredentialMode[] = [
	'AK',
	'StsToken',
	'RamRoleArn',
	'ChainableRamRoleArn',
	'EcsRamRole',
	'OIDC',
	'CredentialsURI',
	'External',
	'CloudSSO',
];

/**
 * The settings of one aliyun CLI profile in any mode ecs-sg can sign in with: a ConfigError naming the profile,
 * the file and the missing field, or the mode ecs-sg cannot use (OAuth, a browser login it does not do).
 */
export function aliyunCliSettings(
	config: AliyunCliConfig,
	profile: AliyunCliProfile,
	seen: string[] = [],
): ModeSettings {
	const mode = modeOf(profile);
	if (!modes.includes(mode as CredentialMode)) {
		throw unsupported(config, profile, mode);
	}
	const f = profile.fields;
	const need = (...names: string[]): string => {
		for (const name of names) if (f[name]) return f[name] as string;
		throw new ConfigError(
			'incomplete',
			t('config.mode.missing', {
				who: t('config.mode.who', {mode, profile: profile.name}),
				field: names[0] ?? '',
			}),
			t('config.mode.missingNext', {field: names[0] ?? '', file: config.file, mode}),
			{file: config.file},
		);
	};
	const duration = Number(f.expired_seconds) > 0 ? {durationSeconds: Number(f.expired_seconds)} : {};
	const role = () => ({
		roleArn: need('ram_role_arn'),
		...(f.ram_session_name ? {sessionName: f.ram_session_name} : {}),
		...(f.external_id ? {externalId: f.external_id} : {}),
		...(f.sts_region ? {stsRegion: f.sts_region} : {}),
		...duration,
	});
	switch (mode as CredentialMode) {
		case 'AK':
			return {mode: 'AK', accessKeyId: need('access_key_id'), accessKeySecret: need('access_key_secret')};
		case 'StsToken':
			return {
				mode: 'StsToken',
				accessKeyId: need('access_key_id'),
				accessKeySecret: need('access_key_secret'),
				securityToken: need('sts_token'),
			};
		case 'RamRoleArn':
			return {
				mode: 'RamRoleArn',
				source: {mode: 'AK', accessKeyId: need('access_key_id'), accessKeySecret: need('access_key_secret')},
				...role(),
			};
		case 'ChainableRamRoleArn': {
			const sourceName = need('source_profile');
			const source = findAliyunCliProfile(config, sourceName);
			if (!source || seen.includes(sourceName) || sourceName === profile.name) {
				throw new ConfigError(
					'incomplete',
					t('config.mode.missing', {
						who: t('config.mode.who', {mode, profile: profile.name}),
						field: `source_profile (${sourceName})`,
					}),
					t('config.mode.missingNext', {field: 'source_profile', file: config.file, mode}),
					{file: config.file},
				);
			}
			return {
				mode: 'ChainableRamRoleArn',
				source: aliyunCliSettings(config, source, [...seen, profile.name]),
				...role(),
			};
		}
		case 'EcsRamRole':
			return {mode: 'EcsRamRole', ...(f.ram_role_name ? {roleName: f.ram_role_name} : {})};
		case 'OIDC':
			return {
				mode: 'OIDC',
				roleArn: need('ram_role_arn'),
				oidcProviderArn: need('oidc_provider_arn'),
				oidcTokenFile: need('oidc_token_file'),
				...(f.ram_session_name ? {sessionName: f.ram_session_name} : {}),
				...(f.sts_region ? {stsRegion: f.sts_region} : {}),
				...duration,
			};
		case 'CredentialsURI':
			return {mode: 'CredentialsURI', uri: need('credentials_uri')};
		case 'External':
			return {mode: 'External', processCommand: need('process_command')};
		case 'CloudSSO':
			return {
				mode: 'CloudSSO',
				signInUrl: need('cloud_sso_sign_in_url'),
				accountId: need('cloud_sso_account_id'),
				accessConfig: need('cloud_sso_access_config'),
				accessToken: need('access_token'),
				accessTokenExpire: Number(need('cloud_sso_access_token_expire')),
			};
	}
	throw new Error('unreachable');
}
