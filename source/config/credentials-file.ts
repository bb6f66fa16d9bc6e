// Reads the shared Alibaba Cloud credentials file (~/.alibabacloud/credentials, an INI file also used by the
// official SDKs): key pairs, RAM roles to assume, the instance role, OIDC and credential URIs.
import fs from 'node:fs';
import path from 'node:path';
import {t} from '../text/index.js';
import {ConfigError} from './errors.js';
import type {ModeSettings} from './providers.js';

type Entry = {value: string; line: number};
export type IniSection = {name: string; line: number; values: Map<string, Entry>};
export type CredentialsFile = {file: string; sections: Map<string, IniSection>};

function credentialsFilePath(home: string, env: NodeJS.ProcessEnv): string {
	return env.ALIBABA_CLOUD_CREDENTIALS_FILE || path.join(home, '.alibabacloud', 'credentials');
}

/** Parses INI text. Throws a ConfigError naming the file and line of the first line that is neither. */
export function parseIni(file: string, text: string): CredentialsFile {
	const sections = new Map<string, IniSection>();
	let section: IniSection | undefined;
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	lines.forEach((raw, index) => {
		const line = index + 1;
		const trimmed = raw.trim();
		if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
		const heading = /^\[([^\]]+)\]$/.exec(trimmed);
		if (heading) {
			const name = (heading[1] ?? '').trim();
			section = sections.get(name) ?? {name, line, values: new Map()};
			sections.set(name, section);
			return;
		}
		const equals = trimmed.indexOf('=');
		if (equals <= 0 || !section) {
			throw new ConfigError(
				'syntax',
				section ? t('config.file.badLine', {file, line}) : t('config.file.outsideSection', {file, line}),
				t('config.file.next', {file}),
				{file, line},
			);
		}
		const key = trimmed.slice(0, equals).trim().toLowerCase();
		// Inline comments after whitespace, as the ini package the SDKs use strips them.
		const value = trimmed
			.slice(equals + 1)
			.replace(/\s+[#;].*$/, '')
			.trim()
			.replace(/^"(.*)"$/, '$1');
		section.values.set(key, {value, line});
	});
	return {file, sections};
}

/** The parsed file, or undefined when there is none. */
export function loadCredentialsFile(home: string, env: NodeJS.ProcessEnv): CredentialsFile | undefined {
	const file = credentialsFilePath(home, env);
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return undefined;
		throw new ConfigError(
			'unreadable',
			t('config.file.unreadable', {file, code: code ?? 'EIO'}),
			t('config.file.next', {file}),
			{file},
		);
	}
	return parseIni(file, text);
}

const types = ['access_key', 'ram_role_arn', 'ecs_ram_role', 'oidc_role_arn', 'credentials_uri'] as const;

/**
 * The settings of one section, by its `type` (the ones the SDKs' shared file knows: access_key, ram_role_arn,
 * ecs_ram_role, oidc_role_arn, credentials_uri); a ConfigError (file and line) when the type is unsupported or
 * a key is missing.
 */
export function sectionSettings(parsed: CredentialsFile, section: IniSection): ModeSettings {
	const {file} = parsed;
	const need = (key: string): string => {
		const value = section.values.get(key)?.value;
		if (value) return value;
		throw new ConfigError(
			'incomplete',
			t('config.file.missingKey', {file, section: section.name, line: section.line, key}),
			t('config.file.next', {file}),
			{file, line: section.line},
		);
	};
	const type = need('type');
	if (!(types as readonly string[]).includes(type)) {
		const line = section.values.get('type')?.line ?? section.line;
		throw new ConfigError(
			'unsupported',
			t('config.file.unsupportedType', {file, section: section.name, line, type}),
			t('config.aliyun.unsupportedNext'),
			{file, line},
		);
	}
	const optional = (key: string) => section.values.get(key)?.value || undefined;
	const session = optional('role_session_name');
	switch (type) {
		case 'ram_role_arn':
			return {
				mode: 'RamRoleArn',
				source: {mode: 'AK', accessKeyId: need('access_key_id'), accessKeySecret: need('access_key_secret')},
				roleArn: need('role_arn'),
				...(session ? {sessionName: session} : {}),
				...(optional('external_id') ? {externalId: optional('external_id')} : {}),
			};
		case 'ecs_ram_role':
			return {mode: 'EcsRamRole', ...(optional('role_name') ? {roleName: optional('role_name')} : {})};
		case 'oidc_role_arn':
			return {
				mode: 'OIDC',
				roleArn: need('role_arn'),
				oidcProviderArn: need('oidc_provider_arn'),
				oidcTokenFile: need('oidc_token_file_path'),
				...(session ? {sessionName: session} : {}),
			};
		case 'credentials_uri':
			return {mode: 'CredentialsURI', uri: need('credentials_uri')};
		default:
			return {mode: 'AK', accessKeyId: need('access_key_id'), accessKeySecret: need('access_key_secret')};
	}
}
