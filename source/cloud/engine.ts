// The submit engine: runs a plan step by step against the EcsApi port, tells a listener what happens, and keeps
// a journal entry so that a create cut short (a step that keeps failing, a killed process) can be finished or
// undone later. Retries are the adapter's job (it reuses the plan's ClientTokens); the engine only turns them
// into 'retrying' events and never retries on its own, except where recovery needs a call again.
import type {Journal, JournalEntry} from '../config/types.js';
import type {Rule} from '../domain/model.js';
import {authorizeAction, planRules, specOf} from '../domain/plan.js';
import type {Inspection, SubmitPlan, SubmitProgress, SubmitResult} from '../domain/plan-types.js';
import {ruleKey} from '../domain/rules.js';
import {t} from '../text/index.js';
import type {SubmitEvent, SubmitOutcome, SubmitStepId} from './engine-types.js';
import {asCloudError, CloudError, type CloudErrorKind} from './errors.js';
import type {CallResult, EcsApi, RetryObservable} from './port.js';
import {readProgress} from './progress-check.js';

export {
	readProgress,
	type UnreadableEntry,
	unfinishedEntries,
	unreadableEntries,
} from './progress-check.js';

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

/** Refusals after which a CreateSecurityGroup certainly made no group (the API answered, and said no). */
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

export const cancelledCode = 'Cancelled';

const cancelled = (): CloudError =>
	new CloudError('unknown', cancelledCode, t('submit.cancelled'), t('submit.cancelledNext'));

const resultOf = (progress: SubmitProgress, groupId: string): SubmitResult => ({
	...specOf(progress.plan),
	groupId,
	requestIds: [...progress.requestIds],
});

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

	/** One call as a step: 'running', then 'done' (what it `noted` saved) or 'failed' with the error. */
	const run = async <T extends CallResult>(
		step: SubmitStepId,
		send: () => Promise<T>,
		noted: (answer: T) => Partial<SubmitProgress>,
		shown: {groupId?: string; ruleCount?: number} = {},
	): Promise<T | CloudError> => {
		const running = {step, attempt: 1, groupId: shown.groupId};
		current = running;
		onEvent({step, state: 'running', attempt: 1, ...shown});
		try {
			const answer = await send();
			Object.assign(progress, noted(answer));
			progress.requestIds.push(answer.requestId);
			save();
			const {groupId} = progress;
			onEvent({step, state: 'done', attempt: running.attempt, requestId: answer.requestId, groupId});
			return answer;
		} catch (error) {
			const cloud = asCloudError(error, actionOf(plan, step));
			const {groupId} = shown;
			onEvent({step, state: 'failed', attempt: running.attempt, error: cloud, ...(groupId ? {groupId} : {})});
			return cloud;
		}
	};

	try {
		let groupId = progress.groupId;
		if (!groupId) {
			// Only a resumed create can get here aborted (submit checks before writing the entry): an earlier
			// run may have sent the create, so the entry stays.
			if (deps.signal?.aborted) return fail(cancelled());
			const created = await run(
				'create',
				() => api.createSecurityGroup(plan.create),
				(answer) => ({
					groupId: answer.groupId,
				}),
			);
			if (created instanceof CloudError) {
				// A clear refusal means no group exists: nothing to resume. Anything else (no answer, 5xx, ...)
				// may have made one, so the entry stays and `resume` asks again with the same ClientToken.
				if (definite.has(created.kind)) journal.remove(plan.id);
				return fail(created);
			}
			groupId = created.groupId;
		}
		for (let i = progress.authorized; i < plan.authorize.length; i++) {
			const batch = plan.authorize[i];
			if (!batch) break;
			if (deps.signal?.aborted) return fail(cancelled());
			const input = {
				regionId: plan.regionId,
				groupId,
				rules: batch.rules,
				nicType: batch.nicType,
				clientToken: batch.clientToken,
			};
			// Batches without a direction come from journal entries written before egress rules were planned.
			const send = () =>
				batch.direction === 'egress'
					? api.authorizeSecurityGroupEgress(input)
					: api.authorizeSecurityGroup(input);
			const shown = {groupId, ruleCount: batch.rules.length};
			const answer = await run(`authorize-${i + 1}`, send, () => ({authorized: i + 1}), shown);
			if (answer instanceof CloudError) return fail(answer);
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

/** The engine's progress in an entry the caller found with unfinishedEntries. */
function progressOf(entry: JournalEntry): SubmitProgress {
	const progress = readProgress(entry);
	if (!progress) throw new Error(t('submit.journal.notOurs', {id: entry.id}));
	return progress;
}

const sameRules = (planned: readonly Rule[], present: readonly Rule[]) => {
	const have = new Set(present.map(ruleKey));
	return {
		applied: planned.filter((r) => have.has(ruleKey(r))),
		missing: planned.filter((r) => !have.has(ruleKey(r))),
	};
};

/** What exists now of an unfinished create: asks the API about the group and its rules (read-only). */
export async function inspectUnfinished(entry: JournalEntry, api: EcsApi): Promise<Inspection> {
	const progress = progressOf(entry);
	const {plan} = progress;
	const planned = planRules(plan);
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
	const progress = progressOf(entry);
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
	const progress = progressOf(entry);
	const {plan} = progress;
	let groupId = progress.groupId;
	if (!groupId) {
		try {
			groupId = (await deps.api.createSecurityGroup(plan.create)).groupId;
			deps.journal.put({...entry, payload: {...progress, groupId}});
		} catch (error) {
			const cloud = asCloudError(error, 'CreateSecurityGroup');
			if (!definite.has(cloud.kind)) return {ok: false, error: cloud};
			deps.journal.remove(entry.id);
			return {ok: true, alreadyGone: true};
		}
	}
	let alreadyGone = false;
	try {
		await deps.api.deleteSecurityGroup(plan.regionId, groupId);
	} catch (error) {
		const cloud = asCloudError(error, 'DeleteSecurityGroup');
		if (cloud.kind !== 'group-not-found') return {ok: false, error: cloud, groupId};
		alreadyGone = true;
	}
	deps.journal.remove(entry.id);
	return {ok: true, groupId, alreadyGone};
}
