// What the wizard reads from the cloud while the user is answering: the region list (from the cache at once,
// refreshed behind the scenes), and per region its VPCs and account attributes (fetched the moment the region
// is chosen, so they are usually ready before the user gets there), and same-name groups. A plain store with
// subscribe/getVersion so React reads it with useSyncExternalStore and tests can drive it without React.
import {useCallback, useEffect, useRef, useState} from 'react';
import {findSameName} from '../cloud/duplicates.js';
import {CloudError} from '../cloud/errors.js';
import type {EcsApi} from '../cloud/port.js';
import type {Settings} from '../config/types.js';
import type {
	AccountAttributes,
	PrefixList,
	Region,
	Rule,
	SecurityGroupSummary,
	Vpc,
} from '../domain/model.js';
import {cleanLine} from '../text/index.js';

export type Problem = {sentence: string; next?: string; code?: string};

export type Load<T> =
	| {state: 'loading'; loaded?: number; total?: number}
	| {state: 'ready'; value: T}
	| {state: 'failed'; problem: Problem};

export type RegionsView = {
	list?: Region[];
	fromCache: boolean;
	/** True while the list is being fetched (also when a cached one is showing). */
	refreshing: boolean;
	problem?: Problem;
};

function problemOf(error: unknown): Problem {
	if (error instanceof CloudError) return {sentence: error.sentence, next: error.next, code: error.code};
	const message = error instanceof Error ? error.message : String(error);
	return {sentence: cleanLine(message).slice(0, 300)};
}

const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';

const duplicateKey = (regionId: string, vpcId: string | undefined, name: string): string =>
	`${regionId}|${vpcId ?? ''}|${name}`;

export class CloudData {
	private regionsView: RegionsView = {fromCache: false, refreshing: false};
	private readonly vpcs = new Map<string, Load<Vpc[]>>();
	private readonly accounts = new Map<string, Load<AccountAttributes>>();
	private readonly duplicates = new Map<string, Load<SecurityGroupSummary[]>>();
	private readonly groups = new Map<string, Load<SecurityGroupSummary[]>>();
	private readonly prefixLists = new Map<string, Load<PrefixList[]>>();
	private readonly listeners = new Set<() => void>();
	private readonly aborter = new AbortController();
	private version = 0;
	private disposed = false;

	constructor(
		private readonly api: EcsApi,
		private readonly settings: Settings | undefined,
		private readonly language: 'en-US' | 'zh-CN',
	) {}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getVersion = (): number => this.version;

	private changed(): void {
		if (this.disposed) return;
		this.version++;
		for (const listener of this.listeners) listener();
	}

	regions(): RegionsView {
		return this.regionsView;
	}

	/**
	 * Takes the cached region list (if any) without asking the API. The wizard calls it before its first render,
	 * so that first frame already shows the list instead of a spinner that the next render replaces.
	 */
	primeRegions(): void {
		if (this.regionsView.list) return;
		try {
			const cached = this.settings?.cachedRegions(this.language);
			if (cached) this.regionsView = {list: cached.regions, fromCache: true, refreshing: true};
		} catch {
			// loadRegions reads the settings again and reports what is wrong with them.
		}
	}

	/** Shows the cached list at once (if any), then asks the API for a fresh one. */
	loadRegions(): void {
		// A list already showing (primed, or fetched before a retry) is not replaced by the cache: no need to read it.
		const cached = this.regionsView.list ? undefined : this.settings?.cachedRegions(this.language);
		if (cached) this.regionsView = {list: cached.regions, fromCache: true, refreshing: true};
		else this.regionsView = {...this.regionsView, refreshing: true, problem: undefined};
		this.changed();
		this.api.describeRegions({language: this.language, signal: this.aborter.signal}).then(
			(list) => {
				this.regionsView = {list, fromCache: false, refreshing: false};
				try {
					this.settings?.cacheRegions(this.language, list);
				} catch {
					// A cache that cannot be written costs the next start a request, nothing more.
				}
				this.changed();
			},
			(error: unknown) => {
				if (isAbort(error)) return;
				this.regionsView = {...this.regionsView, refreshing: false, problem: problemOf(error)};
				this.changed();
			},
		);
	}

	vpcsOf(regionId: string): Load<Vpc[]> | undefined {
		return this.vpcs.get(regionId);
	}

	accountOf(regionId: string): Load<AccountAttributes> | undefined {
		return this.accounts.get(regionId);
	}

	duplicatesOf(
		regionId: string,
		vpcId: string | undefined,
		name: string,
	): Load<SecurityGroupSummary[]> | undefined {
		return this.duplicates.get(duplicateKey(regionId, vpcId, name));
	}

	/** Every group of the region (all VPCs): what the rule editor's group picker lists. */
	groupsOf(regionId: string): Load<SecurityGroupSummary[]> | undefined {
		return this.groups.get(regionId);
	}

	/** Every prefix list of the region (DescribePrefixLists): what the prefix-list picker lists. */
	prefixListsOf(regionId: string): Load<PrefixList[]> | undefined {
		return this.prefixLists.get(regionId);
	}

	/** Asks for the region's groups (once, unless `again`): what the rule editor's group picker lists. */
	loadGroups(regionId: string, again = false): void {
		this.once(this.groups, regionId, () => this.api.describeSecurityGroups(regionId), again);
	}

	/** Asks for the region's prefix lists (once, unless `again`). */
	loadPrefixLists(regionId: string, again = false): void {
		this.once(this.prefixLists, regionId, () => this.api.describePrefixLists(regionId), again);
	}

	/** Starts everything a region needs (once per region). */
	prefetch(regionId: string): void {
		this.loadVpcs(regionId);
		this.once(this.accounts, regionId, () => this.api.describeAccountAttributes(regionId));
	}

	/** Asks for the region's VPCs (once, unless `again`), saying how far a long list has got. */
	loadVpcs(regionId: string, again = false): void {
		const read = () =>
			this.api.describeVpcs(regionId, {
				signal: this.aborter.signal,
				onProgress: (loaded, total) => {
					if (this.vpcs.get(regionId)?.state !== 'loading') return;
					this.vpcs.set(regionId, {state: 'loading', loaded, total});
					this.changed();
				},
			});
		this.once(this.vpcs, regionId, read, again);
	}

	/** Looks for groups with this exact name in the VPC (or among classic groups when vpcId is undefined). */
	checkDuplicates(regionId: string, vpcId: string | undefined, name: string): void {
		const key = duplicateKey(regionId, vpcId, name);
		this.once(this.duplicates, key, () => findSameName(this.api, regionId, vpcId, name));
	}

	/** Reads `key` unless it is loading or read already (a failed read is tried again; `again` always reads). */
	private once<T>(loads: Map<string, Load<T>>, key: string, read: () => Promise<T>, again = false): void {
		const known = loads.get(key);
		if (!again && known && known.state !== 'failed') return;
		this.track(loads, key, read());
	}

	/** The one way this store loads: `key` is loading, then ready or failed (an abort at dispose is dropped). */
	private track<T>(loads: Map<string, Load<T>>, key: string, read: Promise<T>): void {
		loads.set(key, {state: 'loading'});
		this.changed();
		read.then(
			(value) => {
				loads.set(key, {state: 'ready', value});
				this.changed();
			},
			(error: unknown) => {
				if (isAbort(error)) return;
				loads.set(key, {state: 'failed', problem: problemOf(error)});
				this.changed();
			},
		);
	}

	dispose(): void {
		this.disposed = true;
		this.aborter.abort();
		this.listeners.clear();
	}
}

/** The region's groups once read, asked for only when a rule's peer is a group (to name it, to find its VPC). */
export function usePeerGroups(
	data: CloudData,
	regionId: string,
	rules: readonly Rule[] | undefined,
): SecurityGroupSummary[] | undefined {
	const wanted = (rules ?? []).some((r) => r.peer.kind === 'group');
	useEffect(() => {
		if (wanted && regionId) data.loadGroups(regionId);
	}, [wanted, regionId, data]);
	const load = wanted ? data.groupsOf(regionId) : undefined;
	return load?.state === 'ready' ? load.value : undefined;
}

/**
 * The same Load for what a screen reads for itself (a region's groups, the group a follow-up works on): loads
 * `read()` while `key` is defined (again whenever `key` changes, or `reload()` is called). An answer for an
 * older key, or one that comes after unmounting, is dropped.
 */
export function useLoad<T>(
	key: string | undefined,
	read: () => Promise<T>,
): {load: Load<T> | undefined; reload: () => void} {
	const [load, setLoad] = useState<Load<T> | undefined>();
	const [round, setRound] = useState(0);
	const reader = useRef(read);
	reader.current = read;
	// The round is part of what is asked, so reload() asks again for the same key.
	const asked = key === undefined ? undefined : `${key}#${round}`;
	useEffect(() => {
		if (asked === undefined) {
			setLoad(undefined);
			return;
		}
		let live = true;
		setLoad({state: 'loading'});
		reader.current().then(
			(value) => {
				if (live) setLoad({state: 'ready', value});
			},
			(error: unknown) => {
				if (live) setLoad({state: 'failed', problem: problemOf(error)});
			},
		);
		return () => {
			live = false;
		};
	}, [asked]);
	const reload = useCallback(() => setRound((n) => n + 1), []);
	return {load, reload};
}
