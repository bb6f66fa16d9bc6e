// What the rest of the product may ask of the config room. Only config/ imports conf; everything else sees
// these types. (config/ sits below cloud/ in the module map, so it keeps its own plain record types.)

export type Credentials = {accessKeyId: string; accessKeySecret: string; securityToken?: string};

export type CredentialSourceKind = 'profile' | 'env' | 'aliyun-cli' | 'credentials-file' | 'sandbox';

/** A profile stored by `ecs-sg configure` (the secret lives only in the settings file, mode 0600). */
export type StoredProfile = Credentials & {name: string; regionId?: string};

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

export type ResolvedCredentials = Credentials & {
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
