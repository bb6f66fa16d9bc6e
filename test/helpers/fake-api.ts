// An in-memory EcsApi for view and unit tests: canned regions and VPCs, groups that really get created, calls
// that can be held back (to see loading states), delayed, or made to fail. Plus memory Settings and Journal,
// a small submit engine over the fake, and a ready-made WizardServices.
import type {SubmitEvent, SubmitOutcome} from '../../source/cloud/engine-types.js';
import {CloudError} from '../../source/cloud/errors.js';
import type {CallResult, EcsApi, RetryEvent, RetryObservable} from '../../source/cloud/port.js';
import {followupCalls} from '../../source/commands/followup.js';
import type {Journal, JournalEntry, RegionRecord, Settings} from '../../source/config/types.js';
import type {
	AccountAttributes,
	CreateGroupInput,
	Instance,
	ModifyRuleInput,
	NetworkType,
	PrefixList,
	Region,
	RulesInput,
	SecurityGroupDetail,
	SecurityGroupSummary,
	Vpc,
} from '../../source/domain/model.js';
import {planFromAnswers} from '../../source/domain/plan.js';
import type {SubmitPlan} from '../../source/domain/plan-types.js';
import type {WizardServices} from '../../source/wizard/services.js';

export const sampleRegions: Region[] = [
	{id: 'cn-qingdao', localName: 'China (Qingdao)', endpoint: 'ecs.cn-qingdao.aliyuncs.com'},
	{id: 'cn-beijing', localName: 'China (Beijing)', endpoint: 'ecs.cn-beijing.aliyuncs.com'},
	{id: 'cn-hangzhou', localName: 'China (Hangzhou)', endpoint: 'ecs.aliyuncs.com'},
	{id: 'cn-shanghai', localName: 'China (Shanghai)', endpoint: 'ecs.cn-shanghai.aliyuncs.com'},
	{id: 'cn-shenzhen', localName: 'China (Shenzhen)', endpoint: 'ecs.cn-shenzhen.aliyuncs.com'},
	{id: 'ap-southeast-1', localName: 'Singapore', endpoint: 'ecs.ap-southeast-1.aliyuncs.com'},
	{id: 'eu-central-1', localName: 'Germany (Frankfurt)', endpoint: 'ecs.eu-central-1.aliyuncs.com'},
	{id: 'us-west-1', localName: 'US (Silicon Valley)', endpoint: 'ecs.us-west-1.aliyuncs.com'},
];

export const sampleRegionsZh: Region[] = [
	{id: 'cn-qingdao', localName: '华北1（青岛）', endpoint: 'ecs.cn-qingdao.aliyuncs.com'},
	{id: 'cn-hangzhou', localName: '华东1（杭州）', endpoint: 'ecs.aliyuncs.com'},
	{id: 'ap-southeast-1', localName: '新加坡', endpoint: 'ecs.ap-southeast-1.aliyuncs.com'},
];

/** `count` VPCs of a region; the first is the default one. Ids are stable for a given region and index. */
export function makeVpcs(regionId: string, count: number, prefix = 'vpc'): Vpc[] {
	const tag = regionId.replace(/[^a-z0-9]/g, '').slice(0, 6);
	return Array.from({length: count}, (_, i) => ({
		id: `vpc-${tag}${String(i).padStart(5, '0')}`,
		name: i === 0 ? 'default-vpc' : `${prefix}-${i}`,
		cidr: `10.${Math.floor(i / 256) % 256}.${i % 256}.0/24`,
		isDefault: i === 0,
		status: 'Available',
		description: '',
		regionId,
	}));
}

type Method = keyof EcsApi;

export type FakeApiOptions = {
	regions?: Region[];
	/** Regions asked for in zh-CN. */
	regionsZh?: Region[];
	/** VPCs per region (default: three per region). */
	vpcs?: Record<string, Vpc[]>;
	/** Regions that still offer the classic network (default none). */
	classicRegions?: string[];
	groups?: SecurityGroupSummary[];
	/** Milliseconds every call of a method waits. */
	delays?: Partial<Record<Method, number>>;
};

type Call = {method: Method; args: unknown[]};

export class FakeApi implements EcsApi, RetryObservable {
	readonly calls: Call[] = [];
	readonly groups: (SecurityGroupSummary & {rules: RulesInput['rules']})[] = [];
	private readonly failures = new Map<Method, Error[]>();
	private readonly held = new Map<Method, (() => void)[] | undefined>();
	private readonly retryListeners = new Set<(event: RetryEvent) => void>();
	private counter = 0;

	constructor(private readonly options: FakeApiOptions = {}) {
		for (const g of options.groups ?? []) this.groups.push({...g, rules: []});
	}

	/** The next calls of `method` fail with these errors, one each, in order. */
	fail(method: Method, ...errors: Error[]): this {
		this.failures.set(method, [...(this.failures.get(method) ?? []), ...errors]);
		return this;
	}

	/** Calls of `method` wait until release(method). */
	hold(method: Method): this {
		if (!this.held.get(method)) this.held.set(method, []);
		return this;
	}

	release(method: Method): void {
		const waiting = this.held.get(method) ?? [];
		this.held.set(method, undefined);
		for (const go of waiting) go();
	}

	callsOf(method: Method): Call[] {
		return this.calls.filter((c) => c.method === method);
	}

	onRetry(listener: (event: RetryEvent) => void): () => void {
		this.retryListeners.add(listener);
		return () => this.retryListeners.delete(listener);
	}

	private async enter(method: Method, args: unknown[]): Promise<void> {
		this.calls.push({method, args});
		const queue = this.held.get(method);
		if (queue) await new Promise<void>((resolve) => queue.push(resolve));
		const delay = this.options.delays?.[method];
		if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
		const error = this.failures.get(method)?.shift();
		if (error) throw error;
	}

	private requestId(): string {
		this.counter++;
		return `REQ-${String(this.counter).padStart(4, '0')}`;
	}

	async describeRegions(options?: {language?: 'en-US' | 'zh-CN'}): Promise<Region[]> {
		await this.enter('describeRegions', [options]);
		const zh = options?.language === 'zh-CN' && this.options.regionsZh;
		return structuredClone(zh || this.options.regions || sampleRegions);
	}

	async describeVpcs(
		regionId: string,
		options?: {onProgress?: (loaded: number, total: number) => void},
	): Promise<Vpc[]> {
		await this.enter('describeVpcs', [regionId]);
		const list = this.options.vpcs?.[regionId] ?? makeVpcs(regionId, 3);
		options?.onProgress?.(list.length, list.length);
		return structuredClone(list);
	}

	async describeAccountAttributes(regionId: string): Promise<AccountAttributes> {
		await this.enter('describeAccountAttributes', [regionId]);
		const networkTypes: NetworkType[] = (this.options.classicRegions ?? []).includes(regionId)
			? ['vpc', 'classic']
			: ['vpc'];
		return {networkTypes, maxSecurityGroups: 100};
	}

	async createSecurityGroup(input: CreateGroupInput): Promise<CallResult & {groupId: string}> {
		await this.enter('createSecurityGroup', [input]);
		const id = `sg-fake${String(this.groups.length + 1).padStart(8, '0')}`;
		this.groups.push({
			id,
			name: input.name,
			description: input.description ?? '',
			vpcId: input.vpcId ?? '',
			type: input.type,
			creationTime: new Date(0).toISOString(),
			resourceGroupId: input.resourceGroupId ?? '',
			tags: input.tags,
			rules: [],
		});
		return {requestId: this.requestId(), groupId: id};
	}

	async authorizeSecurityGroup(input: RulesInput): Promise<CallResult> {
		await this.enter('authorizeSecurityGroup', [input]);
		const group = this.groups.find((g) => g.id === input.groupId);
		if (!group)
			throw new CloudError('group-not-found', 'InvalidSecurityGroupId.NotFound', 'No such group.', '');
		group.rules.push(...input.rules);
		return {requestId: this.requestId()};
	}

	async authorizeSecurityGroupEgress(input: RulesInput): Promise<CallResult> {
		await this.enter('authorizeSecurityGroupEgress', [input]);
		return {requestId: this.requestId()};
	}

	async revokeSecurityGroup(input: RulesInput): Promise<CallResult> {
		await this.enter('revokeSecurityGroup', [input]);
		return {requestId: this.requestId()};
	}

	async revokeSecurityGroupEgress(input: RulesInput): Promise<CallResult> {
		await this.enter('revokeSecurityGroupEgress', [input]);
		return {requestId: this.requestId()};
	}

	async modifySecurityGroupRule(input: ModifyRuleInput): Promise<CallResult> {
		await this.enter('modifySecurityGroupRule', [input]);
		return {requestId: this.requestId()};
	}

	async modifySecurityGroupEgressRule(input: ModifyRuleInput): Promise<CallResult> {
		await this.enter('modifySecurityGroupEgressRule', [input]);
		return {requestId: this.requestId()};
	}

	async describePrefixLists(regionId: string): Promise<PrefixList[]> {
		await this.enter('describePrefixLists', [regionId]);
		return [];
	}

	async describeSecurityGroups(
		regionId: string,
		filter?: {vpcId?: string; name?: string; groupIds?: string[]},
	): Promise<SecurityGroupSummary[]> {
		await this.enter('describeSecurityGroups', [regionId, filter]);
		return this.groups
			.filter((g) => filter?.vpcId === undefined || g.vpcId === filter.vpcId)
			.filter((g) => filter?.name === undefined || g.name.includes(filter.name))
			.map(({rules: _rules, ...summary}) => structuredClone(summary));
	}

	async describeSecurityGroupAttribute(regionId: string, groupId: string): Promise<SecurityGroupDetail> {
		await this.enter('describeSecurityGroupAttribute', [regionId, groupId]);
		const group = this.groups.find((g) => g.id === groupId);
		if (!group)
			throw new CloudError('group-not-found', 'InvalidSecurityGroupId.NotFound', 'No such group.', '');
		const {rules, ...summary} = group;
		return {
			...structuredClone(summary),
			innerAccessPolicy: 'Accept',
			rules: rules.map((r) => ({...r, nicType: 'intranet', createTime: ''})),
		};
	}

	async deleteSecurityGroup(regionId: string, groupId: string): Promise<CallResult> {
		await this.enter('deleteSecurityGroup', [regionId, groupId]);
		const at = this.groups.findIndex((g) => g.id === groupId);
		if (at >= 0) this.groups.splice(at, 1);
		return {requestId: this.requestId()};
	}

	async describeSecurityGroupReferences(regionId: string, groupIds: readonly string[]) {
		await this.enter('describeSecurityGroupReferences', [regionId, groupIds]);
		// The groups whose rules name each asked group as their peer.
		return groupIds.map((id) => ({
			groupId: id,
			referencedBy: this.groups
				.filter((g) => g.rules.some((r) => r.peer.kind === 'group' && r.peer.groupId === id))
				.map((g) => ({groupId: g.id, accountId: '1234567890123456'})),
		}));
	}

	async describeInstances(regionId: string): Promise<Instance[]> {
		await this.enter('describeInstances', [regionId]);
		return [];
	}

	async joinSecurityGroup(regionId: string, groupId: string, instanceId: string): Promise<CallResult> {
		await this.enter('joinSecurityGroup', [regionId, groupId, instanceId]);
		return {requestId: this.requestId()};
	}

	async leaveSecurityGroup(regionId: string, groupId: string, instanceId: string): Promise<CallResult> {
		await this.enter('leaveSecurityGroup', [regionId, groupId, instanceId]);
		return {requestId: this.requestId()};
	}
}

/** A CloudError as the adapter would throw it. */
export const cloudError = (
	code: string,
	sentence = `The call failed (${code}).`,
	next = 'Try again later.',
	kind: CloudError['kind'] = 'invalid',
): CloudError => new CloudError(kind, code, sentence, next, {status: 400, requestId: 'REQ-ERR'});

export type MemorySettings = Settings & {
	remembered: {regionId?: string; template?: string; vpcId?: string}[];
};

export function memorySettings(
	initial: {lastRegion?: string; lastTemplate?: string; lastVpc?: Record<string, string>} = {},
	cache: Record<string, RegionRecord[]> = {},
): MemorySettings {
	let lastRegion = initial.lastRegion;
	let lastTemplate = initial.lastTemplate;
	const lastVpc = {...initial.lastVpc};
	const cached = new Map(
		Object.entries(cache).map(([k, v]) => [k, {regions: v, fetchedAt: 0, fresh: false}]),
	);
	const remembered: MemorySettings['remembered'] = [];
	return {
		remembered,
		lastRegion: () => lastRegion,
		lastTemplate: () => lastTemplate,
		lastVpc: (regionId) => lastVpc[regionId],
		remember(choice) {
			remembered.push({...choice});
			if (choice.regionId) lastRegion = choice.regionId;
			if (choice.template) lastTemplate = choice.template;
			if (choice.regionId && choice.vpcId) lastVpc[choice.regionId] = choice.vpcId;
		},
		cachedRegions: (language) => cached.get(language),
		cacheRegions(language, regions) {
			cached.set(language, {regions, fetchedAt: Date.now(), fresh: true});
		},
	};
}

export function memoryJournal(entries: JournalEntry[] = []): Journal & {entries: JournalEntry[]} {
	const list = [...entries];
	return {
		entries: list,
		list: () => [...list],
		get: (id) => list.find((e) => e.id === id),
		put(entry) {
			const at = list.findIndex((e) => e.id === entry.id);
			if (at >= 0) list[at] = entry;
			else list.push(entry);
		},
		remove(id) {
			const at = list.findIndex((e) => e.id === id);
			if (at >= 0) list.splice(at, 1);
		},
	};
}

/**
 * A minimal submit engine over any EcsApi: create, then each batch; failures become an outcome. Like the real one,
 * an aborted `signal` stops it before its next call (the call in flight finishes).
 */
export function simpleSubmit(api: EcsApi) {
	return async (
		plan: SubmitPlan,
		onEvent: (event: SubmitEvent) => void,
		signal?: AbortSignal,
	): Promise<SubmitOutcome> => {
		let groupId: string | undefined;
		const requestIds: string[] = [];
		try {
			onEvent({step: 'create', state: 'running', attempt: 1});
			const created = await api.createSecurityGroup(plan.create);
			groupId = created.groupId;
			requestIds.push(created.requestId);
			onEvent({step: 'create', state: 'done', attempt: 1, requestId: created.requestId, groupId});
			for (const [i, batch] of plan.authorize.entries()) {
				if (signal?.aborted)
					return {
						ok: false,
						error: new CloudError('unknown', 'Cancelled', 'Cancelled.', 'Run ecs-sg resume.'),
						groupId,
						journalId: plan.id,
						cancelled: true,
					};
				const step = `authorize-${i + 1}` as const;
				onEvent({step, state: 'running', attempt: 1, ruleCount: batch.rules.length});
				const done = await api.authorizeSecurityGroup({
					regionId: plan.regionId,
					groupId,
					rules: batch.rules,
					nicType: batch.nicType,
					clientToken: batch.clientToken,
				});
				requestIds.push(done.requestId);
				onEvent({step, state: 'done', attempt: 1, requestId: done.requestId, groupId});
			}
		} catch (error) {
			const failure =
				error instanceof CloudError
					? error
					: new CloudError('unknown', 'Unknown', String(error), 'Try again.');
			onEvent({
				step: groupId ? 'authorize-1' : 'create',
				state: 'failed',
				attempt: 1,
				error: failure,
				groupId,
			});
			return {ok: false, error: failure, groupId, journalId: plan.id};
		}
		return {
			ok: true,
			result: {
				groupId,
				regionId: plan.regionId,
				vpcId: plan.create.vpcId,
				name: plan.create.name,
				type: plan.create.type,
				rules: plan.authorize.flatMap((b) => b.rules),
				requestIds,
			},
		};
	};
}

export type FakeServices = WizardServices & {api: FakeApi; settings: MemorySettings; plans: SubmitPlan[]};

export function fakeServices(
	options: FakeApiOptions & {settings?: MemorySettings; journal?: Journal} = {},
): FakeServices {
	const api = new FakeApi(options);
	const plans: SubmitPlan[] = [];
	let n = 0;
	return {
		api,
		settings: options.settings ?? memorySettings(),
		journal: options.journal ?? memoryJournal(),
		plans,
		plan(answers) {
			n++;
			const plan = planFromAnswers(answers, {newId: () => `plan-${n}`, newToken: () => `token-${n}`});
			plans.push(plan);
			return plan;
		},
		submit: simpleSubmit(api),
		followup: followupCalls(api),
	};
}
