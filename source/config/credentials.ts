// The credential chain, in design.md's order (extended by issue 14); the first source that is set up wins:
//   1. a profile named by --profile or ALIBABA_CLOUD_PROFILE (ecs-sg's own, else the aliyun CLI's, else a
//      section of the credentials file; a name found nowhere is an error naming what exists),
//   2. the environment: ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET (/ ALIBABA_CLOUD_SECURITY_TOKEN); OIDC/RRSA
//      (ALIBABA_CLOUD_ROLE_ARN + ALIBABA_CLOUD_OIDC_PROVIDER_ARN + ALIBABA_CLOUD_OIDC_TOKEN_FILE);
//      ALIBABA_CLOUD_CREDENTIALS_URI; ALIBABA_CLOUD_ECS_METADATA (the instance role's name),
//   3. the current stored profile (AK, StsToken, or RamRoleArn: its keys assume a role),
//   4. the aliyun CLI's ~/.aliyun/config.json, its current profile, in any mode (aliyun-cli.ts),
//   5. ~/.alibabacloud/credentials, its [default] section (credentials-file.ts),
//   6. the instance metadata service, when ECS_SG_METADATA_ENDPOINT points at one (the library would otherwise
//      wait on 100.100.100.200 on every machine that is not an ECS instance).
// Files are read only when the chain reaches them; no network call is made here: the provider makes them on the
// first API call. A source ecs-sg cannot use (OAuth, an unknown type) does not stop the chain; its note is raised
// only if nothing later is set up.
import {t} from '../text/index.js';
import {aliyunCliSettings, findAliyunCliProfile, loadAliyunCli} from './aliyun-cli.js';
import {loadCredentialsFile, sectionSettings} from './credentials-file.js';
import {ConfigError, unknownProfileError} from './errors.js';
import {type ModeSettings, type ProviderTargets, providerFor, staticProvider} from './providers.js';
import type {ConfigStore, CredentialSourceKind, ResolvedCredentials, StoredProfile} from './types.js';

export type ResolveOptions = {
	profile?: string;
	env: NodeJS.ProcessEnv;
	home: string;
	store: ConfigStore;
	/** Where STS (and the metadata stand-in) are, when not Alibaba Cloud's: --endpoint, the sandbox. */
	targets?: ProviderTargets;
};

const envNames = {
	id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
	secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
	token: 'ALIBABA_CLOUD_SECURITY_TOKEN',
	region: 'ALIBABA_CLOUD_REGION_ID',
	profile: 'ALIBABA_CLOUD_PROFILE',
	roleArn: 'ALIBABA_CLOUD_ROLE_ARN',
	oidcProvider: 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
	oidcTokenFile: 'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
	sessionName: 'ALIBABA_CLOUD_ROLE_SESSION_NAME',
	stsRegion: 'ALIBABA_CLOUD_STS_REGION',
	uri: 'ALIBABA_CLOUD_CREDENTIALS_URI',
	ecsRole: 'ALIBABA_CLOUD_ECS_METADATA',
	metadataEndpoint: 'ECS_SG_METADATA_ENDPOINT',
} as const;

const value = (env: NodeJS.ProcessEnv, name: string): string | undefined => env[name]?.trim() || undefined;

/** One source's settings turned into what the product signs with. */
function resolved(
	settings: ModeSettings,
	kind: CredentialSourceKind,
	label: string,
	targets: ProviderTargets,
	regionId?: string,
): ResolvedCredentials {
	const keys =
		settings.mode === 'AK' || settings.mode === 'StsToken'
			? {
					accessKeyId: settings.accessKeyId,
					accessKeySecret: settings.accessKeySecret,
					...(settings.mode === 'StsToken' ? {securityToken: settings.securityToken} : {}),
				}
			: undefined;
	return {
		...(keys ?? {}),
		provider: keys ? staticProvider(keys, settings.mode) : providerFor(settings, label, targets),
		mode: settings.mode,
		source: {kind, label},
		...(regionId ? {regionId} : {}),
	};
}

function storedSettings(profile: StoredProfile): ModeSettings {
	const keys = {accessKeyId: profile.accessKeyId, accessKeySecret: profile.accessKeySecret};
	if (profile.role) {
		return {
			mode: 'RamRoleArn',
			source: {mode: 'AK', ...keys},
			roleArn: profile.role.roleArn,
			...(profile.role.roleSessionName ? {sessionName: profile.role.roleSessionName} : {}),
			...(profile.role.externalId ? {externalId: profile.role.externalId} : {}),
			...(profile.role.durationSeconds ? {durationSeconds: profile.role.durationSeconds} : {}),
		};
	}
	return profile.securityToken
		? {mode: 'StsToken', ...keys, securityToken: profile.securityToken}
		: {mode: 'AK', ...keys};
}

const fromStored = (profile: StoredProfile, targets: ProviderTargets): ResolvedCredentials =>
	resolved(storedSettings(profile), 'profile', profile.name, targets, profile.regionId);

function fromEnv(env: NodeJS.ProcessEnv, targets: ProviderTargets): ResolvedCredentials | undefined {
	const id = value(env, envNames.id);
	const secret = value(env, envNames.secret);
	const region = value(env, envNames.region);
	if (id || secret) {
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
		const token = value(env, envNames.token);
		const settings: ModeSettings = token
			? {mode: 'StsToken', accessKeyId: id, accessKeySecret: secret, securityToken: token}
			: {mode: 'AK', accessKeyId: id, accessKeySecret: secret};
		return resolved(settings, 'env', envNames.id, targets, region);
	}
	const roleArn = value(env, envNames.roleArn);
	const oidcProvider = value(env, envNames.oidcProvider);
	const oidcTokenFile = value(env, envNames.oidcTokenFile);
	if (roleArn && oidcProvider && oidcTokenFile) {
		const session = value(env, envNames.sessionName);
		const stsRegion = value(env, envNames.stsRegion);
		const settings: ModeSettings = {
			mode: 'OIDC',
			roleArn,
			oidcProviderArn: oidcProvider,
			oidcTokenFile,
			...(session ? {sessionName: session} : {}),
			...(stsRegion ? {stsRegion} : {}),
		};
		return resolved(settings, 'env', envNames.oidcTokenFile, targets, region);
	}
	const uri = value(env, envNames.uri);
	if (uri) return resolved({mode: 'CredentialsURI', uri}, 'env', envNames.uri, targets, region);
	const ecsRole = value(env, envNames.ecsRole);
	if (ecsRole)
		return resolved({mode: 'EcsRamRole', roleName: ecsRole}, 'env', envNames.ecsRole, targets, region);
	return undefined;
}

function fromAliyunCli(
	home: string,
	name: string | undefined,
	explicit: boolean,
	targets: ProviderTargets,
): ResolvedCredentials | undefined {
	const config = loadAliyunCli(home);
	if (!config) return undefined;
	const profile = findAliyunCliProfile(config, explicit ? name : (name ?? config.current));
	if (!profile) return undefined;
	const settings = aliyunCliSettings(config, profile);
	return resolved(settings, 'aliyun-cli', `${config.file} (${profile.name})`, targets, profile.regionId);
}

function fromCredentialsFile(
	home: string,
	env: NodeJS.ProcessEnv,
	name: string,
	targets: ProviderTargets,
): ResolvedCredentials | undefined {
	const parsed = loadCredentialsFile(home, env);
	const section = parsed?.sections.get(name);
	if (!parsed || !section) return undefined;
	return resolved(sectionSettings(parsed, section), 'credentials-file', `${parsed.file} [${name}]`, targets);
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
	const metadata = value(env, envNames.metadataEndpoint);
	const targets: ProviderTargets = {...(metadata ? {metadata} : {}), ...options.targets};
	const named = options.profile ?? value(env, envNames.profile);

	if (named !== undefined) {
		const stored = store.profiles.get(named);
		if (stored) return fromStored(stored, targets);
		const found = fromAliyunCli(home, named, true, targets) ?? fromCredentialsFile(home, env, named, targets);
		if (found) return found;
		throw unknownProfileError(named, knownNames(options));
	}

	const fromEnvironment = fromEnv(env, targets);
	if (fromEnvironment) return fromEnvironment;

	const current = store.profiles.current();
	const stored = current === undefined ? undefined : store.profiles.get(current);
	if (stored) return fromStored(stored, targets);

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
		attempt(() => fromAliyunCli(home, undefined, false, targets)) ??
		attempt(() => fromCredentialsFile(home, env, 'default', targets));
	if (found) return found;
	if (deferred) throw deferred;
	if (targets.metadata) return resolved({mode: 'EcsRamRole'}, 'metadata', targets.metadata, targets);
	return undefined;
}
