// The submit engine: runs a plan step by step against the EcsApi port, tells a listener what happens, and keeps
// a journal entry so that a create cut short (a step that keeps failing, a killed process) can be finished or
// undone later. Retries are the adapter's job (it reuses the plan's ClientTokens); the engine only turns them
// into 'retrying' events and never retries on its own, except where recovery needs a call again.
import {ConfigError} from '../config/errors.js';
import type {Journal, JournalEntry} from '../config/types.js';
import type {Rule} from '../domain/model.js';
import {authorizeAction} from '../domain/plan.js';
import type {Inspection, SubmitPlan, SubmitProgress, SubmitResult} from '../domain/plan-types.js';
import {ruleKey} from '../domain/rules.js';
import {cleanLine, t} from '../text/index.js';
import type {SubmitEvent, SubmitOutcome, SubmitStepId} from './engine-types.js';
import {CloudError, type CloudErrorKind, credentialsError} from './errors.js';
import type {EcsApi, RetryObservable} from './port.js';
import {readEntry} from './progress-check.js';

export type SubmitDeps = {
	api: EcsApi & Partial<RetryObservable>;
	journal: Journal;
	/** Where the calls go, recorded in the journal so `resume` talks to the same place. */
	target: JournalEntry['target'];
	/** When aborted, the engine stops before its next call (the call in flight is left to finish). */
	signal?: AbortSignal;
	now?: () => Date;
};

export type SubmitListener = (event: SubmitEvent) => void;

/** The action a step calls: an outbound batch is AuthorizeSecurityGroupEgress, so its retries are shown too. */
const actionOf = (plan: SubmitPlan, step: SubmitStepId): string =>
	step === 'create'
		? 'CreateSecurityGroup'
		: authorizeAction(plan.authorize[Number(step.slice('authorize-'.length)) - 1]?.direction);

/** Anything thrown by an api (fakes included) as a CloudError, without stack traces or raw messages. */
export function asCloudError(error: unknown, action: string): CloudError {
	if (error instanceof CloudError) return error;
	if (error instanceof ConfigError) return credentialsError(error, action);
	const message = error instanceof Error ? error.message : String(error);
	return new CloudError(
		'unknown',
		'Error',
		t('submit.error.unexpected', {action, message: cleanLine(message).slice(0, 200)}),
		t('submit.error.unexpectedNext'),
		{action},
	);
}

/** Refusals after which the create certainly did not happen (the API answered, and said no). */
const definite: ReadonlySet<CloudErrorKind> = new Set([
	'bad-key',
	'bad-secret',
	'bad-token',
	'clock',
	'forbidden',
	'quota',
	'vpc-not-found',
	'region-not-found',
	'invalid',
]);

/** True when a failed CreateSecurityGroup certainly made no group (so there is nothing to resume). */
export const createCertainlyFailed = (error: CloudError): boolean => definite.has(error.kind);

export const cancelledCode = 'Cancelled';

const cancelled = (): CloudError =>
	new CloudError('unknown', cancelledCode, t('submit.cancelled'), t('submit.cancelledNext'));

/** The engine's payload in a journal entry, or undefined when the entry is not one of the engine's or unreadable. */
export function readProgress(entry: JournalEntry): SubmitProgress | undefined {
	const reading = readEntry(entry);
	return reading.kind === 'progress' ? reading.progress : undefined;
}

/** The engine's unfinished creates in a journal, oldest first (unreadable ones left out: see unreadableEntries). */
export function unfinishedEntries(journal: Journal): JournalEntry[] {
	return journal
		.list()
		.filter((e) => readProgress(e) !== undefined)
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export type UnreadableEntry = {
	/** The entry's id, or a stand-in when the id itself is what is wrong. */
	id: string;
	/** Which field is wrong and what it should be. */
	problem: string;
	/** The group it names, when that much can be read (so the person knows what may exist). */
	groupId?: string;
	regionId?: string;
};

/** The engine's entries a hand edit has broken: each with what is wrong, so it can be reported, not crashed on. */
export function unreadableEntries(journal: Journal): UnreadableEntry[] {
	return journal.list().flatMap((entry): UnreadableEntry[] => {
		const reading = readEntry(entry);
		if (reading.kind !== 'unreadable') return [];
		const raw = entry as unknown as Record<string, unknown>;
		const payload = raw.payload as Record<string, unknown>;
		const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : t('submit.journal.noId');
		return [
			{
				id,
				problem: reading.problem,
				...(typeof payload.groupId === 'string' && payload.groupId !== '' ? {groupId: payload.groupId} : {}),
				...(typeof raw.regionId === 'string' && raw.regionId !== '' ? {regionId: raw.regionId} : {}),
			},
		];
	});
}

const resultOf = (progress: SubmitProgress, groupId: string): SubmitResult => {
	const {plan} = progress;
	const {create} = plan;
	return {
		groupId,
		regionId: plan.regionId,
		...(create.vpcId ? {vpcId: create.vpcId} : {}),
		name: create.name,
		type: create.type,
		rules: plan.authorize.flatMap((b) => b.rules),
		requestIds: [...progress.requestIds],
		...(create.description ? {description: create.description} : {}),
		...(create.resourceGroupId ? {resourceGroupId: create.resourceGroupId} : {}),
		tags: create.tags,
		nicType: plan.authorize[0]?.nicType ?? (create.vpcId ? 'intranet' : 'internet'),
	};
};

/** Runs the steps not done yet, updating the journal after each; removes the entry when all succeed. */
async function runSteps(
	entry: JournalEntry,
	progress: SubmitProgress,
	deps: SubmitDeps,
	onEvent: SubmitListener,
): Promise<SubmitOutcome> {
	const {api, journal} = deps;
	const now = deps.now ?? (() => new Date());
	const {plan} = progress;
	let current: {step: SubmitStepId; attempt: number; groupId?: string} | undefined;
	const unsubscribe =
		api.onRetry?.((retry) => {
			if (!current || retry.action !== actionOf(plan, current.step)) return;
			current.attempt += 1;
			onEvent({
				step: current.step,
				state: 'retrying',
				attempt: current.attempt,
				code: retry.code,
				delayMs: retry.delayMs,
				...(current.groupId ? {groupId: current.groupId} : {}),
			});
		}) ?? (() => {});
	const save = () => {
		entry = {...entry, updatedAt: now().toISOString(), payload: progress};
		journal.put(entry);
	};
	const fail = (error: CloudError): SubmitOutcome => ({
		ok: false,
		error,
		...(progress.groupId ? {groupId: progress.groupId} : {}),
		journalId: plan.id,
		...(error.code === cancelledCode ? {cancelled: true} : {}),
	});

	try {
		if (!progress.groupId) {
			// Only a resumed create can get here aborted (submit checks before writing the entry): an earlier
			// run may have sent the create, so the entry stays.
			if (deps.signal?.aborted) return fail(cancelled());
			current = {step: 'create', attempt: 1};
			onEvent({step: 'create', state: 'running', attempt: 1});
			try {
				const created = await api.createSecurityGroup(plan.create);
				progress.groupId = created.groupId;
				progress.requestIds.push(created.requestId);
				save();
				onEvent({
					step: 'create',
					state: 'done',
					attempt: current.attempt,
					requestId: created.requestId,
					groupId: created.groupId,
				});
			} catch (error) {
				const cloud = asCloudError(error, 'CreateSecurityGroup');
				onEvent({step: 'create', state: 'failed', attempt: current.attempt, error: cloud});
				// A clear refusal means no group exists: nothing to resume. Anything else (no answer, 5xx, ...)
				// may have made one, so the entry stays and `resume` asks again with the same ClientToken.
				if (createCertainlyFailed(cloud)) journal.remove(plan.id);
				return fail(cloud);
			}
		}
		const groupId = progress.groupId;
		for (let i = progress.authorized; i < plan.authorize.length; i++) {
			const batch = plan.authorize[i];
			if (!batch) break;
			if (deps.signal?.aborted) return fail(cancelled());
			const step: SubmitStepId = `authorize-${i + 1}`;
			current = {step, attempt: 1, groupId};
			onEvent({step, state: 'running', attempt: 1, groupId, ruleCount: batch.rules.length});
			try {
				const input = {
					regionId: plan.regionId,
					groupId,
					rules: batch.rules,
					nicType: batch.nicType,
					clientToken: batch.clientToken,
				};
				// Batches without a direction come from journal entries written before egress rules were planned.
				const answer =
					batch.direction === 'egress'
						? await api.authorizeSecurityGroupEgress(input)
						: await api.authorizeSecurityGroup(input);
				progress.authorized = i + 1;
				progress.requestIds.push(answer.requestId);
				save();
				onEvent({step, state: 'done', attempt: current.attempt, requestId: answer.requestId, groupId});
			} catch (error) {
				const cloud = asCloudError(
					error,
					batch.direction === 'egress' ? 'AuthorizeSecurityGroupEgress' : 'AuthorizeSecurityGroup',
				);
				onEvent({step, state: 'failed', attempt: current.attempt, error: cloud, groupId});
				return fail(cloud);
			}
		}
		journal.remove(plan.id);
		return {ok: true, result: resultOf(progress, groupId)};
	} finally {
		unsubscribe();
	}
}

/**
 * Creates the group of `plan`: the journal entry first (with the plan and its tokens), then each call,
 * updating the entry after each. The entry is removed when every step succeeded, or when CreateSecurityGroup
 * was clearly refused (nothing exists); otherwise it stays for `ecs-sg resume`.
 */
export async function submit(
	plan: SubmitPlan,
	deps: SubmitDeps,
	onEvent: SubmitListener = () => {},
): Promise<SubmitOutcome> {
	const now = deps.now ?? (() => new Date());
	const at = now().toISOString();
	const progress: SubmitProgress = {version: 1, plan, authorized: 0, requestIds: []};
	const entry: JournalEntry = {
		id: plan.id,
		createdAt: at,
		updatedAt: at,
		target: deps.target,
		regionId: plan.regionId,
		payload: progress,
	};
	if (deps.signal?.aborted) return {ok: false, error: cancelled(), journalId: plan.id, cancelled: true};
	deps.journal.put(entry);
	return runSteps(entry, progress, deps, onEvent);
}

const sameRules = (planned: readonly Rule[], present: readonly Rule[]) => {
	const key = ruleKey;
	const have = new Set(present.map(key));
	return {
		applied: planned.filter((r) => have.has(key(r))),
		missing: planned.filter((r) => !have.has(key(r))),
	};
};

/** What exists now of an unfinished create: asks the API about the group and its rules (read-only). */
export async function inspectUnfinished(entry: JournalEntry, api: EcsApi): Promise<Inspection> {
	const progress = readProgress(entry);
	if (!progress) throw new Error(t('submit.journal.notOurs', {id: entry.id}));
	const {plan} = progress;
	const planned = plan.authorize.flatMap((b) => b.rules);
	const base = {journalId: entry.id, plan, createdAt: entry.createdAt};
	if (!progress.groupId) return {...base, group: 'unknown', applied: [], missing: planned};
	try {
		const detail = await api.describeSecurityGroupAttribute(plan.regionId, progress.groupId, {
			summary: false,
		});
		return {...base, group: 'exists', groupId: progress.groupId, ...sameRules(planned, detail.rules)};
	} catch (error) {
		const cloud = asCloudError(error, 'DescribeSecurityGroupAttribute');
		if (cloud.kind === 'group-not-found') {
			return {...base, group: 'gone', groupId: progress.groupId, applied: [], missing: planned};
		}
		throw cloud;
	}
}

/**
 * Finishes an unfinished create: CreateSecurityGroup again with the same ClientToken when its answer was
 * lost (the same group comes back, or it is made now), then every AuthorizeSecurityGroup not known to have
 * succeeded, each with its own token (rules already there are accepted and not added twice).
 */
export async function finishUnfinished(
	entry: JournalEntry,
	deps: SubmitDeps,
	onEvent: SubmitListener = () => {},
): Promise<SubmitOutcome> {
	const progress = readProgress(entry);
	if (!progress) throw new Error(t('submit.journal.notOurs', {id: entry.id}));
	return runSteps(entry, progress, deps, onEvent);
}

export type DeleteOutcome =
	| {ok: true; groupId?: string; alreadyGone: boolean}
	| {ok: false; error: CloudError; groupId?: string};

/**
 * Deletes what an unfinished create made and forgets the entry. When the create's answer was lost the group
 * id is unknown, so CreateSecurityGroup is sent again with the same ClientToken: that returns the group if it
 * exists (or makes it), which is then deleted; a clear refusal means nothing exists.
 */
export async function deleteUnfinished(
	entry: JournalEntry,
	deps: Pick<SubmitDeps, 'api' | 'journal'>,
): Promise<DeleteOutcome> {
	const progress = readProgress(entry);
	if (!progress) throw new Error(t('submit.journal.notOurs', {id: entry.id}));
	const {plan} = progress;
	let groupId = progress.groupId;
	if (!groupId) {
		try {
			groupId = (await deps.api.createSecurityGroup(plan.create)).groupId;
			deps.journal.put({...entry, payload: {...progress, groupId}});
		} catch (error) {
			const cloud = asCloudError(error, 'CreateSecurityGroup');
			if (!createCertainlyFailed(cloud)) return {ok: false, error: cloud};
			deps.journal.remove(entry.id);
			return {ok: true, alreadyGone: true};
		}
	}
	try {
		await deps.api.deleteSecurityGroup(plan.regionId, groupId);
	} catch (error) {
		const cloud = asCloudError(error, 'DeleteSecurityGroup');
		if (cloud.kind !== 'group-not-found') return {ok: false, error: cloud, groupId};
		deps.journal.remove(entry.id);
		return {ok: true, groupId, alreadyGone: true};
	}
	deps.journal.remove(entry.id);
	return {ok: true, groupId, alreadyGone: false};
}

/** Forgets an entry without calling anything (for a group that is already gone). */
export const forgetUnfinished = (entry: JournalEntry, journal: Journal): void => journal.remove(entry.id);
