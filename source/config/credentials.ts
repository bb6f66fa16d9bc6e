// The credential chain, in design.md's order; the first source that yields a key pair wins:
//   1. a profile named by --profile or ALIBABA_CLOUD_PROFILE (ecs-sg's own, else the aliyun CLI's, else a
//      section of the credentials file; a name found nowhere is an error naming what exists),
//   2. the environment (ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / ALIBABA_CLOUD_SECURITY_TOKEN),
//   3. the current stored profile,
//   4. the aliyun CLI's ~/.aliyun/config.json, its current profile (AK and StsToken modes),
//   5. ~/.alibabacloud/credentials, its [default] section (type = access_key).
// Files are read only when the chain reaches them. A source ecs-sg cannot use yet (another aliyun mode, another
// credentials type) does not stop the chain; its note is raised only if nothing later yields keys.
import {t} from '../text/index.js';
import {aliyunCliCredentials, findAliyunCliProfile, loadAliyunCli} from './aliyun-cli.js';
import {loadCredentialsFile, sectionCredentials} from './credentials-file.js';
import {ConfigError, unknownProfileError} from './errors.js';
import type {ConfigStore, ResolvedCredentials, StoredProfile} from './types.js';

export type ResolveOptions = {profile?: string; env: NodeJS.ProcessEnv; home: string; store: ConfigStore};

const envNames = {
	id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
	secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
	token: 'ALIBABA_CLOUD_SECURITY_TOKEN',
	region: 'ALIBABA_CLOUD_REGION_ID',
	profile: 'ALIBABA_CLOUD_PROFILE',
} as const;

const fromStored = (profile: StoredProfile): ResolvedCredentials => ({
	accessKeyId: profile.accessKeyId,
	accessKeySecret: profile.accessKeySecret,
	...(profile.securityToken ? {securityToken: profile.securityToken} : {}),
	...(profile.regionId ? {regionId: profile.regionId} : {}),
	source: {kind: 'profile', label: profile.name},
});

function fromEnv(env: NodeJS.ProcessEnv): ResolvedCredentials | undefined {
	const id = env[envNames.id]?.trim();
	const secret = env[envNames.secret]?.trim();
	if (!id && !secret) return undefined;
	if (!id || !secret) {
		throw new ConfigError(
			'incomplete',
			t('config.env.incomplete', {
				set: id ? envNames.id : envNames.secret,
				missing: id ? envNames.secret : envNames.id,
			}),
			t('config.env.incompleteNext'),
		);
	}
	const token = env[envNames.token]?.trim();
	const region = env[envNames.region]?.trim();
	return {
		accessKeyId: id,
		accessKeySecret: secret,
		...(token ? {securityToken: token} : {}),
		...(region ? {regionId: region} : {}),
		source: {kind: 'env', label: envNames.id},
	};
}

function fromAliyunCli(
	home: string,
	name: string | undefined,
	explicit: boolean,
): ResolvedCredentials | undefined {
	const config = loadAliyunCli(home);
	if (!config) return undefined;
	const profile = findAliyunCliProfile(config, explicit ? name : (name ?? config.current));
	if (!profile) return undefined;
	const credentials = aliyunCliCredentials(config, profile);
	return {...credentials, source: {kind: 'aliyun-cli', label: `${config.file} (${profile.name})`}};
}

function fromCredentialsFile(
	home: string,
	env: NodeJS.ProcessEnv,
	name: string,
): ResolvedCredentials | undefined {
	const parsed = loadCredentialsFile(home, env);
	const section = parsed?.sections.get(name);
	if (!parsed || !section) return undefined;
	return {
		...sectionCredentials(parsed, section),
		source: {kind: 'credentials-file', label: `${parsed.file} [${name}]`},
	};
}

/** Every profile name the chain knows, for the message about a name that does not exist. */
function knownNames(options: ResolveOptions): string[] {
	const names = new Set(options.store.profiles.list().map((p) => p.name));
	try {
		for (const p of loadAliyunCli(options.home)?.profiles ?? []) names.add(p.name);
	} catch {}
	try {
		for (const name of loadCredentialsFile(options.home, options.env)?.sections.keys() ?? []) names.add(name);
	} catch {}
	return [...names].sort();
}

export function resolveCredentials(options: ResolveOptions): ResolvedCredentials | undefined {
	const {env, home, store} = options;
	const named = options.profile ?? (env[envNames.profile]?.trim() || undefined);

	if (named !== undefined) {
		const stored = store.profiles.get(named);
		if (stored) return fromStored(stored);
		const found = fromAliyunCli(home, named, true) ?? fromCredentialsFile(home, env, named);
		if (found) return found;
		throw unknownProfileError(named, knownNames(options));
	}

	const fromEnvironment = fromEnv(env);
	if (fromEnvironment) return fromEnvironment;

	const current = store.profiles.current();
	const stored = current === undefined ? undefined : store.profiles.get(current);
	if (stored) return fromStored(stored);

	let deferred: ConfigError | undefined;
	const attempt = (source: () => ResolvedCredentials | undefined): ResolvedCredentials | undefined => {
		try {
			return source();
		} catch (error) {
			if (error instanceof ConfigError && error.code === 'unsupported') {
				deferred ??= error;
				return undefined;
			}
			throw error;
		}
	};
	const found =
		attempt(() => fromAliyunCli(home, undefined, false)) ??
		attempt(() => fromCredentialsFile(home, env, 'default'));
	if (found) return found;
	if (deferred) throw deferred;
	return undefined;
}
