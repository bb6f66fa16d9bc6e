// What the rest of the product may ask of the config room. Only config/ imports conf; everything else sees
// these types. (config/ sits below cloud/ in the module map, so it keeps its own plain record types.)

export type Credentials = {accessKeyId: string; accessKeySecret: string; securityToken?: string};

export type CredentialSourceKind =
	| 'profile'
	| 'env'
	| 'aliyun-cli'
	| 'credentials-file'
	| 'sandbox'
	| 'metadata';

/** The aliyun CLI's modes (config.json `mode`), which ecs-sg's own profiles and the other sources map onto. */
export type CredentialMode =
	| 'AK'
	| 'StsToken'
	| 'RamRoleArn'
	| 'ChainableRamRoleArn'
	| 'EcsRamRole'
	| 'OIDC'
	| 'CredentialsURI'
	| 'External'
	| 'CloudSSO';

/** Keys valid now; `expiration` (UTC, ISO 8601) when they are temporary. */
export type TemporaryKeys = Credentials & {expiration?: string};

/**
 * What the rest of the product signs with: each call asks for keys, and gets ones that are valid now
 * (temporary keys are renewed before they expire). A failure is a ConfigError naming the mode and the step.
 */
export interface CredentialProvider {
	readonly mode: CredentialMode;
	getCredentials(): Promise<TemporaryKeys>;
}

/** A RamRoleArn profile's role: the stored keys are the source keys that assume it. */
export type StoredRole = {
	roleArn: string;
	roleSessionName?: string;
	externalId?: string;
	durationSeconds?: number;
};

/** A profile stored by `ecs-sg configure` (the secret lives only in the settings file, mode 0600). */
export type StoredProfile = Credentials & {name: string; regionId?: string; role?: StoredRole};

export interface Profiles {
	/** Every stored profile, by name. */
	list(): StoredProfile[];
	get(name: string): StoredProfile | undefined;
	/** Adds or replaces a profile; `makeCurrent` also switches to it, in the same write. */
	put(profile: StoredProfile, options?: {makeCurrent?: boolean}): void;
	remove(name: string): void;
	/** The name of the current profile, when it exists. */
	current(): string | undefined;
	/** Switches the current profile; a ConfigError naming the known profiles when `name` is not one. */
	use(name: string): void;
}

export type ResolvedCredentials = Partial<Credentials> & {
	/** The keys of every call come from here. */
	provider: CredentialProvider;
	mode: CredentialMode;
	source: {kind: CredentialSourceKind /** profile name or file path, for messages */; label: string};
	/** The default region stored with the profile, if any. */
	regionId?: string;
};

export type RegionRecord = {
	id: string;
	localName: string;
	endpoint: string;
	status?: 'available' | 'soldOut';
};

/** Non-secret defaults and caches (conf), shared by every command. */
export interface Settings {
	lastRegion(): string | undefined;
	lastTemplate(): string | undefined;
	lastVpc(regionId: string): string | undefined;
	remember(choice: {regionId?: string; template?: string; vpcId?: string}): void;
	/** The cached region list for a language; `fresh` is false once its time to live has passed. */
	cachedRegions(language: string): {regions: RegionRecord[]; fetchedAt: number; fresh: boolean} | undefined;
	cacheRegions(language: string, regions: RegionRecord[]): void;
}

/**
 * Creates in flight. An entry is written before the first state-changing call and updated after each step,
 * and removed only when every step succeeded; `ecs-sg resume` reads what is left. The payload belongs to the
 * submit engine (cloud/), so it is stored as opaque JSON here.
 */
export type JournalEntry = {
	id: string;
	createdAt: string;
	updatedAt: string;
	/** Where the calls went: the endpoint override (or sandbox) and the profile, so resume talks to the same place. */
	target: {endpoint?: string; sandbox?: boolean; profile?: string};
	regionId: string;
	payload: unknown;
};

export interface Journal {
	list(): JournalEntry[];
	get(id: string): JournalEntry | undefined;
	put(entry: JournalEntry): void;
	remove(id: string): void;
}

/** The settings file: what openConfig() (config/store.ts) returns. */
export type ConfigStore = {
	/** config.json's absolute path, for messages. */
	path: string;
	settings: Settings;
	journal: Journal;
	profiles: Profiles;
};
