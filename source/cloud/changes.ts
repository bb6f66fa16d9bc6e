// Runs a follow-up plan (rule changes, instances joining or leaving) one call at a time against the EcsApi
// port. Retries are the adapter's (rule calls carry a ClientToken, so a retried call is applied once); this
// only reports them, reads the API's "nothing to do" answers as such, and stops early when carrying on cannot
// help (the credentials, the network or the service are the problem, not the one call).
import type {Rule} from '../domain/model.js';
import {actionOf, type ChangeCall} from '../domain/plan-types.js';
import type {CallOutcome, ChangeEvent, ChangeOutcome} from './change-types.js';
import {asCloudError, type CloudError, type CloudErrorKind} from './errors.js';
import type {CallResult, EcsApi, RetryObservable} from './port.js';

/** Failures that would fail every later call too. */
const stopsTheRun: ReadonlySet<CloudErrorKind> = new Set([
	'bad-key',
	'bad-secret',
	'bad-token',
	'clock',
	'forbidden',
	'credentials',
	'throttled',
	'unavailable',
	'network',
	'timeout',
	'bad-response',
	'region-not-found',
	'group-not-found',
]);

/** The API's answer that the change is already in place (join) or was never there (leave). */
function isAlreadyDone(call: ChangeCall, error: CloudError): boolean {
	if (call.kind === 'join') return error.code === 'InvalidInstanceId.AlreadyExists';
	if (call.kind === 'leave') return error.code === 'InvalidSecurityGroupAssociation.NotFound';
	return false;
}

function send(api: EcsApi, call: ChangeCall): Promise<CallResult> {
	switch (call.kind) {
		case 'authorize':
			return api.authorizeSecurityGroup(call.input);
		case 'authorize-egress':
			return api.authorizeSecurityGroupEgress(call.input);
		case 'revoke':
			return api.revokeSecurityGroup(call.input);
		case 'revoke-egress':
			return api.revokeSecurityGroupEgress(call.input);
		case 'modify':
		case 'modify-egress': {
			const {input} = call;
			const modify = {
				regionId: input.regionId,
				groupId: input.groupId,
				ruleId: input.ruleIds?.[0] ?? '',
				rule: input.rules[0] as Rule,
				nicType: input.nicType,
				...(input.clientToken ? {clientToken: input.clientToken} : {}),
			};
			return call.kind === 'modify'
				? api.modifySecurityGroupRule(modify)
				: api.modifySecurityGroupEgressRule(modify);
		}
		case 'join':
			return api.joinSecurityGroup(call.regionId, call.groupId, call.instanceId);
		case 'leave':
			return api.leaveSecurityGroup(call.regionId, call.groupId, call.instanceId);
	}
}

export type ChangeListener = (event: ChangeEvent) => void;

/** Runs every call in order. When `signal` is aborted, the call in flight finishes and the rest are skipped. */
export async function applyChanges(
	api: EcsApi & Partial<RetryObservable>,
	calls: readonly ChangeCall[],
	onEvent: ChangeListener = () => {},
	signal?: AbortSignal,
): Promise<ChangeOutcome> {
	const outcomes: CallOutcome[] = [];
	let stop: 'cancelled' | 'failed' | undefined;
	for (const [index, call] of calls.entries()) {
		if (!stop && signal?.aborted) stop = 'cancelled';
		const waited = 'after' in call && call.after !== undefined ? outcomes[call.after]?.state : 'done';
		if (stop || (waited !== 'done' && waited !== 'unchanged')) {
			outcomes.push({call, state: 'skipped'});
			onEvent({index, state: 'skipped', attempt: 0});
			continue;
		}
		const action = actionOf(call);
		let attempt = 1;
		onEvent({index, state: 'running', attempt});
		const unsubscribe = api.onRetry?.((retry) => {
			if (retry.action !== action) return;
			attempt = retry.attempt;
			onEvent({index, state: 'retrying', attempt, code: retry.code});
		});
		try {
			const {requestId} = await send(api, call);
			outcomes.push({call, state: 'done', requestId});
			onEvent({index, state: 'done', attempt, requestId});
		} catch (thrown) {
			const error = asCloudError(thrown, action);
			if (isAlreadyDone(call, error)) {
				outcomes.push({
					call,
					state: 'unchanged',
					error,
					...(error.requestId ? {requestId: error.requestId} : {}),
				});
				onEvent({index, state: 'unchanged', attempt, error});
			} else {
				outcomes.push({call, state: 'failed', error});
				onEvent({index, state: 'failed', attempt, error});
				if (stopsTheRun.has(error.kind)) stop = 'failed';
			}
		} finally {
			unsubscribe?.();
		}
	}
	return {outcomes, cancelled: stop === 'cancelled'};
}
