// What the settings file holds, as the rest of the product asks for it: profiles, non-secret defaults with the
// region cache, and the journal. Each view reads the document afresh and changes it only through `update`
// (store.ts: under the lock, written back atomically), so it never sees or overwrites a stale copy.
import {unknownProfileError} from './errors.js';
import {isProfileName} from './profile-name.js';
import type {
	Journal,
	JournalEntry,
	Profiles,
	RegionRecord,
	Settings,
	StoredProfile,
	StoredRole,
} from './types.js';

export const regionCacheTtlMs = 24 * 60 * 60 * 1000;

type ProfileRecord = {
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	regionId?: string;
	role?: StoredRole;
};

export type Document = {
	profiles?: Record<string, ProfileRecord>;
	currentProfile?: string;
	defaults?: {region?: string; template?: string; vpcs?: Record<string, string>};
	regionCache?: Record<string, {fetchedAt: number; regions: RegionRecord[]}>;
	journal?: Record<string, JournalEntry>;
};

/** How the views reach the document: a fresh read, or a change applied under the lock. */
export type Access = {read(): Document; update(change: (doc: Document) => void): void; now(): number};

export const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets an own property even for keys such as `__proto__`, which plain assignment would turn into a prototype. */
function put<T>(record: Record<string, T>, key: string, value: T): void {
	Object.defineProperty(record, key, {value, enumerable: true, writable: true, configurable: true});
}

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
	record && Object.hasOwn(record, key) ? record[key] : undefined;

/** Only the known fields of a stored role, typed. */
function storedRole(role: StoredRole): StoredRole {
	return {
		roleArn: String(role.roleArn),
		...(role.roleSessionName ? {roleSessionName: String(role.roleSessionName)} : {}),
		...(role.externalId ? {externalId: String(role.externalId)} : {}),
		...(Number.isInteger(role.durationSeconds) ? {durationSeconds: Number(role.durationSeconds)} : {}),
	};
}

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

export const profilesOf = ({read, update}: Access): Profiles => ({
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
});

export const settingsOf = ({read, update, now}: Access): Settings => ({
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
});

export const journalOf = ({read, update}: Access): Journal => ({
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
});
