// The change runner against a scripted api: order, the API's "nothing to do" answers, stopping early when the
// rest cannot succeed, Ctrl+C between calls, and retries reported as events.
import {describe, expect, it} from 'vitest';
import type {ChangeEvent} from '../../source/cloud/change-types.js';
import {applyChanges} from '../../source/cloud/changes.js';
import {CloudError, type CloudErrorKind} from '../../source/cloud/errors.js';
import type {EcsApi, RetryEvent} from '../../source/cloud/port.js';
import type {ChangeCall} from '../../source/domain/plan-types.js';

type Script = Record<string, (CloudError | 'ok')[]>;

function scriptedApi(script: Script) {
	const sent: string[] = [];
	const listeners = new Set<(e: RetryEvent) => void>();
	const answer = (name: string, what: string) => async () => {
		sent.push(`${name} ${what}`);
		const next = script[name]?.shift() ?? 'ok';
		if (next !== 'ok') throw next;
		return {requestId: `req-${sent.length}`};
	};
	const api = {
		joinSecurityGroup: (_r: string, _g: string, i: string) => answer('JoinSecurityGroup', i)(),
		leaveSecurityGroup: (_r: string, _g: string, i: string) => answer('LeaveSecurityGroup', i)(),
		authorizeSecurityGroup: async (input: {rules: unknown[]}) => {
			for (const l of listeners)
				l({action: 'AuthorizeSecurityGroup', attempt: 2, delayMs: 10, code: 'Throttling.User'});
			return answer('AuthorizeSecurityGroup', String(input.rules.length))();
		},
		revokeSecurityGroup: (input: {rules: unknown[]}) =>
			answer('RevokeSecurityGroup', String(input.rules.length))(),
		onRetry(listener: (e: RetryEvent) => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	} as unknown as EcsApi & {onRetry: (l: (e: RetryEvent) => void) => () => void};
	return {api, sent, listeners};
}

const error = (kind: CloudErrorKind, code: string) =>
	new CloudError(kind, code, `${code} happened.`, 'Do something.');
const join = (instanceId: string): ChangeCall => ({kind: 'join', regionId: 'r', groupId: 'sg-1', instanceId});
const leave = (instanceId: string): ChangeCall => ({
	kind: 'leave',
	regionId: 'r',
	groupId: 'sg-1',
	instanceId,
});
const rules = (kind: 'authorize' | 'revoke', n: number): ChangeCall => ({
	kind,
	input: {
		regionId: 'r',
		groupId: 'sg-1',
		nicType: 'intranet',
		rules: Array.from({length: n}, () => ({
			direction: 'ingress' as const,
			protocol: 'tcp' as const,
			portRange: '22/22',
			peer: {kind: 'ipv4', cidr: '0.0.0.0/0'},
			policy: 'accept' as const,
			priority: 1,
		})),
	},
});

describe('applyChanges', () => {
	it('sends every call in order and reports each with its request id', async () => {
		const {api, sent} = scriptedApi({});
		const events: ChangeEvent[] = [];
		const outcome = await applyChanges(api, [rules('revoke', 1), rules('authorize', 3)], (e) =>
			events.push(e),
		);
		expect(sent).toEqual(['RevokeSecurityGroup 1', 'AuthorizeSecurityGroup 3']);
		expect(outcome.outcomes.map((o) => `${o.state} ${o.requestId}`)).toEqual(['done req-1', 'done req-2']);
		expect(events.map((e) => `${e.index}:${e.state}`)).toEqual([
			'0:running',
			'0:done',
			'1:running',
			'1:retrying',
			'1:done',
		]);
		expect(events.find((e) => e.state === 'retrying')).toMatchObject({attempt: 2, code: 'Throttling.User'});
		expect(outcome.cancelled).toBe(false);
	});

	it("reads 'already in' and 'not in' as nothing to do, and goes on after a refusal of one instance", async () => {
		const {api, sent} = scriptedApi({
			JoinSecurityGroup: [
				error('invalid', 'InvalidInstanceId.AlreadyExists'),
				error('invalid', 'InvalidOperation.MultiGroupType'),
				'ok',
			],
			LeaveSecurityGroup: [error('invalid', 'InvalidSecurityGroupAssociation.NotFound')],
		});
		const outcome = await applyChanges(api, [leave('i-0'), join('i-1'), join('i-2'), join('i-3')]);
		expect(sent).toHaveLength(4);
		expect(outcome.outcomes.map((o) => o.state)).toEqual(['unchanged', 'unchanged', 'failed', 'done']);
		expect(outcome.outcomes[2]?.error?.code).toBe('InvalidOperation.MultiGroupType');
	});

	it('skips the rest once the network (or the credentials) fail: they would fail too', async () => {
		const {api, sent} = scriptedApi({JoinSecurityGroup: [error('network', 'ECONNREFUSED')]});
		const outcome = await applyChanges(api, [join('i-1'), join('i-2'), join('i-3')]);
		expect(sent).toEqual(['JoinSecurityGroup i-1']);
		expect(outcome.outcomes.map((o) => o.state)).toEqual(['failed', 'skipped', 'skipped']);
		expect(outcome.cancelled).toBe(false);
	});

	it('stops before the next call once the signal is aborted; the call in flight finishes', async () => {
		const {api, sent} = scriptedApi({});
		const controller = new AbortController();
		const outcome = await applyChanges(
			api,
			[join('i-1'), join('i-2')],
			(e) => {
				if (e.state === 'running') controller.abort();
			},
			controller.signal,
		);
		expect(sent).toEqual(['JoinSecurityGroup i-1']);
		expect(outcome.outcomes.map((o) => o.state)).toEqual(['done', 'skipped']);
		expect(outcome.cancelled).toBe(true);
	});

	it('turns a plain thrown error into a CloudError without its stack', async () => {
		const api = {
			joinSecurityGroup: async () => {
				throw new Error('boom\n    at secret (/home/x.js:1:1)');
			},
		} as unknown as EcsApi;
		const outcome = await applyChanges(api, [join('i-1')]);
		expect(outcome.outcomes[0]?.error).toBeInstanceOf(CloudError);
		expect(outcome.outcomes[0]?.error?.sentence).not.toContain('\n');
	});
});
