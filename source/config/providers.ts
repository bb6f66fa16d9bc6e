// The credential providers of every mode, over @alicloud/credentials (the chain Alibaba's own SDKs use): the
// library does the STS calls (AssumeRole, AssumeRoleWithOIDC), the instance metadata (IMDSv2), credential URIs,
// CloudSSO, External processes and the refresh before expiry (it renews keys 15 minutes before they expire).
// What it does not do, and this room does: the order of ecs-sg's chain (its own stored profiles come between the
// environment and the aliyun CLI), the ExternalId of a RamRoleArn profile, pointing STS and the metadata host at
// the sandbox (the library's hosts are fixed: https://sts…, http://100.100.100.200), and messages naming the mode
// and the step that failed without a secret or token. The library is loaded on the first call only.
import {hideSecretLogs} from './debug-logs.js';
import {ConfigError} from './errors.js';
import {describeFailure} from './provider-errors.js';
import type {CredentialMode, CredentialProvider, TemporaryKeys} from './types.js';

type Library = typeof import('@alicloud/credentials');
type LibraryProvider = {
	getCredentials(): Promise<{accessKeyId: string; accessKeySecret: string; securityToken?: string}>;
};
type LibraryRequest = {protocol: string; host: string; path: string; toRequestURL(): string; url?: string};

let library: ReturnType<typeof loadLibrary> | undefined;
type DeepProviders = {
	CloudSSO: {builder(): Record<string, (value: unknown) => unknown> & {build(): LibraryProvider}};
	External: {builder(): Record<string, (value: unknown) => unknown> & {build(): LibraryProvider}};
};
const load = () => {
	library ??= hideSecretLogs().then(loadLibrary);
	return library;
};

// A CommonJS module reached by import() is its exports, or its exports under `default`, or (for a module with an
// `exports.default`) that under one more `default`, depending on the bundler's interop: take what has `key`.
function exported<T>(module: unknown, key: string): T {
	for (let at = module, depth = 0; at && depth < 3; at = (at as {default?: unknown}).default, depth++) {
		if (typeof at === 'object' || typeof at === 'function') {
			if (key in (at as object)) return at as T;
		}
	}
	throw new Error(`@alicloud/credentials: ${key} not found`);
}

async function loadLibrary() {
	const lib = exported<Library>(await import('@alicloud/credentials'), 'RAMRoleARNCredentialsProvider');
	const http = exported<{doRequest: (request: LibraryRequest) => Promise<unknown>}>(
		await import('@alicloud/credentials/dist/src/providers/http.js'),
		'doRequest',
	);
	const sso = exported<DeepProviders['CloudSSO']>(
		await import('@alicloud/credentials/dist/src/providers/cloud_sso.js'),
		'builder',
	);
	const external = exported<DeepProviders['External']>(
		await import('@alicloud/credentials/dist/src/providers/external.js'),
		'builder',
	);
	return {lib, doRequest: http.doRequest, deep: {CloudSSO: sso, External: external}};
}

/** Where the calls of the providers go when not to Alibaba Cloud: the sandbox (STS) and its metadata stand-in. */
export type ProviderTargets = {
	/** http(s)://host:port that answers STS (--endpoint: the sandbox answers STS on the same port). */
	sts?: string;
	/** http://host:port standing in for http://100.100.100.200 (ECS_SG_METADATA_ENDPOINT). */
	metadata?: string;
};

/** A role (or a source) to describe in messages; never a secret. */
export type ModeLabel = {mode: CredentialMode; profile: string; role?: string};

/** The settings of one mode, in the aliyun CLI's config.json field names turned camelCase. */
export type ModeSettings =
	| {mode: 'AK'; accessKeyId: string; accessKeySecret: string}
	| {mode: 'StsToken'; accessKeyId: string; accessKeySecret: string; securityToken: string}
	| {
			mode: 'RamRoleArn' | 'ChainableRamRoleArn';
			source: ModeSettings;
			roleArn: string;
			sessionName?: string;
			externalId?: string;
			durationSeconds?: number;
			stsRegion?: string;
	  }
	| {mode: 'EcsRamRole'; roleName?: string}
	| {
			mode: 'OIDC';
			roleArn: string;
			oidcProviderArn: string;
			oidcTokenFile: string;
			sessionName?: string;
			durationSeconds?: number;
			stsRegion?: string;
	  }
	| {mode: 'CredentialsURI'; uri: string}
	| {mode: 'External'; processCommand: string}
	| {
			mode: 'CloudSSO';
			signInUrl: string;
			accountId: string;
			accessConfig: string;
			accessToken: string;
			accessTokenExpire: number;
	  };

/** Sends the provider's requests to `base` instead of the host the library fixed, same path and query. */
const point = (
	provider: LibraryProvider,
	base: string | undefined,
	doRequest: (r: LibraryRequest) => Promise<unknown>,
) => {
	if (!base) return provider;
	const url = new URL(base);
	// The library keeps its HTTP call on the instance "for mock"; replacing it is the one way to aim it elsewhere.
	(provider as unknown as {doRequest: unknown}).doRequest = (request: LibraryRequest) => {
		request.protocol = url.protocol.replace(':', '');
		request.host = url.host;
		return doRequest(request);
	};
	return provider;
};

const sessionName = (name?: string) => name || `ecs-sg-${Date.now()}`;

async function build(settings: ModeSettings, targets: ProviderTargets): Promise<LibraryProvider> {
	const {lib, doRequest, deep} = await load();
	switch (settings.mode) {
		case 'AK':
			return lib.StaticAKCredentialsProvider.builder()
				.withAccessKeyId(settings.accessKeyId)
				.withAccessKeySecret(settings.accessKeySecret)
				.build();
		case 'StsToken':
			return lib.StaticSTSCredentialsProvider.builder()
				.withAccessKeyId(settings.accessKeyId)
				.withAccessKeySecret(settings.accessKeySecret)
				.withSecurityToken(settings.securityToken)
				.build();
		case 'RamRoleArn':
		case 'ChainableRamRoleArn': {
			const source = await build(settings.source, targets);
			let builder = lib.RAMRoleARNCredentialsProvider.builder()
				.withCredentialsProvider(source as never)
				.withRoleArn(settings.roleArn)
				.withRoleSessionName(sessionName(settings.sessionName))
				.withDurationSeconds(settings.durationSeconds ?? 3600);
			if (settings.externalId) builder = builder.withExternalId(settings.externalId);
			if (settings.stsRegion) builder = builder.withStsRegionId(settings.stsRegion);
			return point(builder.build(), targets.sts, doRequest);
		}
		case 'OIDC': {
			let builder = lib.OIDCRoleArnCredentialsProvider.builder()
				.withRoleArn(settings.roleArn)
				.withOIDCProviderArn(settings.oidcProviderArn)
				.withOIDCTokenFilePath(settings.oidcTokenFile)
				.withRoleSessionName(sessionName(settings.sessionName))
				.withDurationSeconds(settings.durationSeconds ?? 3600);
			if (settings.stsRegion) builder = builder.withStsRegionId(settings.stsRegion);
			return point(builder.build(), targets.sts, doRequest);
		}
		case 'EcsRamRole': {
			let builder = lib.ECSRAMRoleCredentialsProvider.builder();
			if (settings.roleName) builder = builder.withRoleName(settings.roleName);
			return point(builder.build(), targets.metadata, doRequest);
		}
		case 'CredentialsURI':
			return lib.URICredentialsProvider.builder().withCredentialsURI(settings.uri).build();
		case 'External':
			return (
				deep.External.builder().withProcessCommand(settings.processCommand) as {build(): LibraryProvider}
			).build();
		case 'CloudSSO': {
			if (settings.accessTokenExpire * 1000 <= Date.now()) throw new ConfigError('sso-expired', '', '');
			const b = deep.CloudSSO.builder() as Record<string, (value: unknown) => typeof b> & {
				build(): LibraryProvider;
			};
			return b
				.withSignInUrl(settings.signInUrl)
				.withAccountId(settings.accountId)
				.withAccessConfig(settings.accessConfig)
				.withAccessToken(settings.accessToken)
				.withAccessTokenExpire(settings.accessTokenExpire)
				.build();
		}
	}
}

/** The last renewal error of each library provider, until a renewal succeeds. */
const failures = new WeakMap<LibraryProvider, {error: unknown}>();

/** Notes a failed renewal (the library's refresher is an instance property, like its doRequest). */
function watchRenewals(provider: LibraryProvider): LibraryProvider {
	const renewing = provider as unknown as {refresher?: () => Promise<unknown>};
	const refresher = renewing.refresher;
	if (typeof refresher !== 'function') return provider;
	renewing.refresher = async () => {
		try {
			const session = await refresher.call(provider);
			failures.delete(provider);
			return session;
		} catch (error) {
			failures.set(provider, {error});
			throw error;
		}
	};
	return provider;
}

const roleOf = (settings: ModeSettings): string | undefined =>
	'roleArn' in settings ? settings.roleArn : settings.mode === 'EcsRamRole' ? settings.roleName : undefined;

/**
 * A provider for one mode: each call yields keys that are valid now (the library refreshes them before they
 * expire); a failure is a ConfigError naming the mode, the profile, the role and the step, never a secret.
 */
export function providerFor(
	settings: ModeSettings,
	label: string,
	targets: ProviderTargets,
): CredentialProvider {
	let built: Promise<LibraryProvider> | undefined;
	const what: ModeLabel = {
		mode: settings.mode,
		profile: label,
		...(roleOf(settings) ? {role: roleOf(settings)} : {}),
	};
	return {
		mode: settings.mode,
		async getCredentials(): Promise<TemporaryKeys> {
			try {
				built ??= build(settings, targets).then(watchRenewals);
				const provider = await built.catch((error) => {
					built = undefined;
					throw error;
				});
				const keys = await provider.getCredentials();
				const session = (provider as unknown as {session?: {expiration?: string}}).session;
				// The library keeps handing out the old keys when a renewal fails; once those have expired, the
				// renewal's own error is the one to show (which role, which STS error), not the API's later refusal.
				const failed = failures.get(provider);
				if (failed && session?.expiration && Date.parse(session.expiration) <= Date.now()) throw failed.error;
				failures.delete(provider);
				return {
					accessKeyId: keys.accessKeyId,
					accessKeySecret: keys.accessKeySecret,
					...(keys.securityToken ? {securityToken: keys.securityToken} : {}),
					...(session?.expiration ? {expiration: session.expiration} : {}),
				};
			} catch (error) {
				throw describeFailure(error, what);
			}
		},
	};
}

/** Keys that never change (AK, StsToken, the sandbox's): no library needed. */
export function staticProvider(keys: TemporaryKeys, mode: CredentialMode): CredentialProvider {
	return {mode, getCredentials: async () => keys};
}
