import {describe, expect, it} from 'vitest';
import {
	deleteUnfinished,
	finishUnfinished,
	inspectUnfinished,
	readProgress,
	submit,
	unfinishedEntries,
} from '../../source/cloud/engine.js';
import type {SubmitEvent} from '../../source/cloud/engine-types.js';
import type {Rule} from '../../source/domain/model.js';
import {planFromAnswers, planRules} from '../../source/domain/plan.js';
import {templateRules} from '../../source/domain/rules.js';
import {cloudError, FakeCloud, MemoryJournal} from './fakes.js';
import {answers, tcp} from './fixtures.js';

const target = {endpoint: 'http://127.0.0.1:1'};

function setup(over = {}) {
	const api = new FakeCloud();
	const journal = new MemoryJournal();
	const plan = planFromAnswers(answers(over), {newId: () => 'p1'});
	const events: SubmitEvent[] = [];
	return {api, journal, plan, events, onEvent: (e: SubmitEvent) => events.push(e)};
}

const rulesOf = (api: FakeCloud, id: string) => api.groups.get(id)?.rules.map((r) => r.portRange) ?? [];

describe('submit', () => {
	it('creates the group, authorizes its rules and clears the journal', async () => {
		const {api, journal, plan, events, onEvent} = setup();
		const outcome = await submit(plan, {api, journal, target}, onEvent);
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect(outcome.result.groupId).toBe('sg-fake1');
		expect(outcome.result.rules).toEqual(planRules(plan));
		expect(outcome.result.requestIds).toHaveLength(2);
		expect(outcome.result).toMatchObject({regionId: 'cn-hangzhou', vpcId: 'vpc-abc123', name: 'web-sg'});
		expect(api.changes()).toEqual(['CreateSecurityGroup', 'AuthorizeSecurityGroup']);
		expect(rulesOf(api, 'sg-fake1')).toEqual(['80/80', '443/443', '22/22', '-1/-1']);
		expect(journal.entries.size).toBe(0);
		expect(events.map((e) => `${e.step}:${e.state}`)).toEqual([
			'create:running',
			'create:done',
			'authorize-1:running',
			'authorize-1:done',
		]);
		expect(events[1]?.groupId).toBe('sg-fake1');
		expect(events[2]?.ruleCount).toBe(4);
	});

	it('writes the journal before the first call and after each step', async () => {
		const {api, journal, plan} = setup();
		const seen: string[] = [];
		const createSecurityGroup = api.createSecurityGroup.bind(api);
		api.createSecurityGroup = async (input) => {
			const entry = journal.get('p1');
			seen.push(
				entry ? `entry before create, token ${readProgress(entry)?.plan.create.clientToken}` : 'none',
			);
			return createSecurityGroup(input);
		};
		const authorize = api.authorizeSecurityGroup.bind(api);
		api.authorizeSecurityGroup = async (input) => {
			const entry = journal.get('p1');
			seen.push(`group ${entry && readProgress(entry)?.groupId} recorded before authorize`);
			return authorize(input);
		};
		await submit(plan, {api, journal, target});
		expect(seen).toEqual([
			'entry before create, token ecs-sg-p1',
			'group sg-fake1 recorded before authorize',
		]);
		expect(journal.log).toEqual(['put:p1', 'put:p1', 'put:p1', 'remove:p1']);
	});

	it('records the target so resume can go to the same place', async () => {
		const {api, journal, plan} = setup();
		api.faults.push({
			action: 'AuthorizeSecurityGroup',
			kind: 'error',
			error: cloudError('unavailable', 'InternalError', 500),
		});
		await submit(plan, {api, journal, target: {sandbox: true, profile: 'dev'}});
		expect(journal.get('p1')?.target).toEqual({sandbox: true, profile: 'dev'});
		expect(journal.get('p1')?.regionId).toBe('cn-hangzhou');
	});

	it('turns the adapter retries into retrying events of the current step', async () => {
		const {api, journal, plan, events, onEvent} = setup();
		api.faults.push({
			action: 'CreateSecurityGroup',
			kind: 'retry',
			codes: ['Throttling.User', 'Throttling.User'],
		});
		api.faults.push({action: 'AuthorizeSecurityGroup', kind: 'retry', codes: ['ServiceUnavailable']});
		const outcome = await submit(plan, {api, journal, target}, onEvent);
		expect(outcome.ok).toBe(true);
		const retries = events.filter((e) => e.state === 'retrying');
		expect(retries.map((e) => [e.step, e.attempt, e.code])).toEqual([
			['create', 2, 'Throttling.User'],
			['create', 3, 'Throttling.User'],
			['authorize-1', 2, 'ServiceUnavailable'],
		]);
		expect(events.find((e) => e.step === 'create' && e.state === 'done')?.attempt).toBe(3);
	});

	it('shows the retries of an outbound batch too (AuthorizeSecurityGroupEgress), on its own step', async () => {
		const egress = {...templateRules('web-linux')[0], direction: 'egress'} as Rule;
		const {api, journal, plan, events, onEvent} = setup({rules: [...templateRules('web-linux'), egress]});
		expect(plan.authorize.map((b) => b.direction)).toEqual(['ingress', 'egress']);
		api.faults.push({action: 'AuthorizeSecurityGroupEgress', kind: 'retry', codes: ['Throttling.User']});
		const outcome = await submit(plan, {api, journal, target}, onEvent);
		expect(outcome.ok).toBe(true);
		const retries = events.filter((e) => e.state === 'retrying');
		expect(retries.map((e) => [e.step, e.attempt, e.code])).toEqual([['authorize-2', 2, 'Throttling.User']]);
	});

	it('keeps the journal when authorize fails for good, and reports the group that exists', async () => {
		const {api, journal, plan, events, onEvent} = setup();
		api.faults.push({
			action: 'AuthorizeSecurityGroup',
			kind: 'error',
			error: cloudError('unavailable', 'InternalError', 500),
		});
		const outcome = await submit(plan, {api, journal, target}, onEvent);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.groupId).toBe('sg-fake1');
		expect(outcome.error.code).toBe('InternalError');
		expect(outcome.journalId).toBe('p1');
		const progress = readProgress(journal.get('p1') ?? ({} as never));
		expect(progress).toMatchObject({groupId: 'sg-fake1', authorized: 0});
		expect(events.at(-1)).toMatchObject({step: 'authorize-1', state: 'failed'});
	});

	it('keeps the journal when the create got no answer (the group may exist)', async () => {
		const {api, journal, plan} = setup();
		api.faults.push({action: 'CreateSecurityGroup', kind: 'lose'});
		const outcome = await submit(plan, {api, journal, target});
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.groupId).toBeUndefined();
		expect(journal.entries.has('p1')).toBe(true);
		expect(api.groups.size).toBe(1);
	});

	it('clears the journal when the create was clearly refused (nothing exists)', async () => {
		const {api, journal, plan} = setup();
		api.faults.push({
			action: 'CreateSecurityGroup',
			kind: 'error',
			error: cloudError('vpc-not-found', 'InvalidVpcId.NotFound', 404),
		});
		const outcome = await submit(plan, {api, journal, target});
		expect(outcome.ok).toBe(false);
		expect(journal.entries.size).toBe(0);
		expect(api.changes()).toEqual(['CreateSecurityGroup']);
	});

	it('wraps a plain error without leaking a stack', async () => {
		const {api, journal, plan} = setup();
		api.createSecurityGroup = async () => {
			throw new Error('boom\n    at secret (file.js:1:1)');
		};
		const outcome = await submit(plan, {api, journal, target});
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.error.name).toBe('CloudError');
		expect(outcome.error.sentence).not.toMatch(/\n/);
	});

	it('authorizes 200 rules in two calls, each with its own token', async () => {
		const rules = Array.from({length: 200}, (_, i) => tcp(i + 1));
		const {api, journal, plan} = setup({rules});
		const outcome = await submit(plan, {api, journal, target});
		expect(outcome.ok).toBe(true);
		const tokens = api.calls
			.filter((c) => c.action === 'AuthorizeSecurityGroup')
			.map((c) => (c.input as {clientToken: string}).clientToken);
		expect(tokens).toEqual(['ecs-sg-p1-a1', 'ecs-sg-p1-a2']);
		expect(rulesOf(api, 'sg-fake1')).toHaveLength(200);
	});

	it('authorizes outbound rules with AuthorizeSecurityGroupEgress after the inbound ones', async () => {
		const egress = {...tcp(443), direction: 'egress' as const};
		const {api, journal, plan} = setup({rules: [egress, tcp(22)]});
		const outcome = await submit(plan, {api, journal, target});
		expect(outcome.ok).toBe(true);
		expect(api.changes()).toEqual([
			'CreateSecurityGroup',
			'AuthorizeSecurityGroup',
			'AuthorizeSecurityGroupEgress',
		]);
		expect(api.groups.get('sg-fake1')?.rules.map((r) => `${r.direction} ${r.portRange}`)).toEqual([
			'ingress 22/22',
			'egress 443/443',
		]);
	});

	it('creates a group without rules in one call', async () => {
		const {api, journal, plan} = setup({template: 'custom', rules: []});
		const outcome = await submit(plan, {api, journal, target});
		expect(outcome.ok && outcome.result.rules).toEqual([]);
		expect(api.changes()).toEqual(['CreateSecurityGroup']);
	});

	it('stops before the next call once the signal is aborted, keeping the journal', async () => {
		const {api, journal, plan} = setup();
		const controller = new AbortController();
		const create = api.createSecurityGroup.bind(api);
		api.createSecurityGroup = async (input) => {
			controller.abort();
			return create(input);
		};
		const outcome = await submit(plan, {api, journal, target, signal: controller.signal});
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.cancelled).toBe(true);
		expect(outcome.groupId).toBe('sg-fake1');
		expect(api.changes()).toEqual(['CreateSecurityGroup']);
		expect(journal.entries.has('p1')).toBe(true);
	});

	it('calls nothing and writes nothing when aborted before it starts', async () => {
		const {api, journal, plan} = setup();
		const controller = new AbortController();
		controller.abort();
		const outcome = await submit(plan, {api, journal, target, signal: controller.signal});
		expect(outcome.ok).toBe(false);
		expect(api.calls).toEqual([]);
		expect(journal.log).toEqual([]);
	});
});

describe('recovery', () => {
	it('finishes after a lost create with exactly one group', async () => {
		const {api, journal, plan} = setup();
		api.faults.push({action: 'CreateSecurityGroup', kind: 'lose'});
		await submit(plan, {api, journal, target});
		const [entry] = unfinishedEntries(journal);
		if (!entry) throw new Error('no entry');
		const inspection = await inspectUnfinished(entry, api);
		expect(inspection.group).toBe('unknown');
		expect(inspection.missing).toHaveLength(4);
		const outcome = await finishUnfinished(entry, {api, journal, target});
		expect(outcome.ok && outcome.result.groupId).toBe('sg-fake1');
		expect(api.groups.size).toBe(1);
		expect(rulesOf(api, 'sg-fake1')).toHaveLength(4);
		expect(journal.entries.size).toBe(0);
	});

	it('finishes after a lost authorize with each rule once', async () => {
		const {api, journal, plan} = setup();
		api.faults.push({action: 'AuthorizeSecurityGroup', kind: 'lose'});
		await submit(plan, {api, journal, target});
		const [entry] = unfinishedEntries(journal);
		if (!entry) throw new Error('no entry');
		const inspection = await inspectUnfinished(entry, api);
		expect(inspection).toMatchObject({group: 'exists', groupId: 'sg-fake1'});
		expect(inspection.applied).toHaveLength(4);
		expect(inspection.missing).toHaveLength(0);
		const outcome = await finishUnfinished(entry, {api, journal, target});
		expect(outcome.ok).toBe(true);
		expect(rulesOf(api, 'sg-fake1')).toEqual(['80/80', '443/443', '22/22', '-1/-1']);
		const create = api.changes().filter((a) => a === 'CreateSecurityGroup');
		expect(create).toHaveLength(1);
	});

	it('skips the batches already done and resends the rest with their own tokens', async () => {
		const rules = Array.from({length: 150}, (_, i) => tcp(i + 1));
		const {api, journal, plan} = setup({rules});
		api.faults.push({
			action: 'AuthorizeSecurityGroup',
			kind: 'error',
			error: cloudError('unavailable', 'InternalError', 500),
			count: 1,
		});
		// First batch fails, nothing authorized: make the second call (the retry on resume) the one we check.
		await submit(plan, {api, journal, target});
		const [entry] = unfinishedEntries(journal);
		if (!entry) throw new Error('no entry');
		api.calls = [];
		await finishUnfinished(entry, {api, journal, target});
		const tokens = api.calls.map((c) => (c.input as {clientToken?: string}).clientToken);
		expect(tokens).toEqual(['ecs-sg-p1-a1', 'ecs-sg-p1-a2']);

		// Now a run where batch 1 succeeded and batch 2 failed: resume sends only batch 2.
		const second = setup({rules});
		second.api.faults.push({
			action: 'AuthorizeSecurityGroup',
			kind: 'error',
			error: cloudError('unavailable', 'InternalError', 500),
		});
		// A no-op fault in front lets the first batch through; the error then hits the second.
		second.api.faults.unshift({action: 'AuthorizeSecurityGroup', kind: 'retry', codes: []});
		await submit(second.plan, {api: second.api, journal: second.journal, target});
		const [left] = unfinishedEntries(second.journal);
		if (!left) throw new Error('no entry');
		expect(readProgress(left)?.authorized).toBe(1);
		second.api.calls = [];
		await finishUnfinished(left, {api: second.api, journal: second.journal, target});
		expect(second.api.calls.map((c) => (c.input as {clientToken?: string}).clientToken)).toEqual([
			'ecs-sg-p1-a2',
		]);
		expect(rulesOf(second.api, 'sg-fake1')).toHaveLength(150);
	});

	it('deletes the half-made group and forgets it', async () => {
		const {api, journal, plan} = setup();
		api.faults.push({
			action: 'AuthorizeSecurityGroup',
			kind: 'error',
			error: cloudError('unavailable', 'InternalError', 500),
		});
		await submit(plan, {api, journal, target});
		const [entry] = unfinishedEntries(journal);
		if (!entry) throw new Error('no entry');
		const outcome = await deleteUnfinished(entry, {api, journal});
		expect(outcome).toEqual({ok: true, groupId: 'sg-fake1', alreadyGone: false});
		expect(api.groups.size).toBe(0);
		expect(journal.entries.size).toBe(0);
	});

	it('deletes after a lost create by asking again with the same token', async () => {
		const {api, journal, plan} = setup();
		api.faults.push({action: 'CreateSecurityGroup', kind: 'lose'});
		await submit(plan, {api, journal, target});
		const [entry] = unfinishedEntries(journal);
		if (!entry) throw new Error('no entry');
		const outcome = await deleteUnfinished(entry, {api, journal});
		expect(outcome).toMatchObject({ok: true, groupId: 'sg-fake1'});
		expect(api.groups.size).toBe(0);
		expect(api.changes()).toEqual(['CreateSecurityGroup', 'CreateSecurityGroup', 'DeleteSecurityGroup']);
	});

	it('treats a group deleted meanwhile as gone', async () => {
		const {api, journal, plan} = setup();
		api.faults.push({
			action: 'AuthorizeSecurityGroup',
			kind: 'error',
			error: cloudError('unavailable', 'InternalError', 500),
		});
		await submit(plan, {api, journal, target});
		api.groups.clear();
		const [entry] = unfinishedEntries(journal);
		if (!entry) throw new Error('no entry');
		expect((await inspectUnfinished(entry, api)).group).toBe('gone');
		const outcome = await deleteUnfinished(entry, {api, journal});
		expect(outcome).toMatchObject({ok: true, alreadyGone: true});
		expect(journal.entries.size).toBe(0);
	});

	it('keeps the entry when the delete fails', async () => {
		const {api, journal, plan} = setup();
		api.faults.push({
			action: 'AuthorizeSecurityGroup',
			kind: 'error',
			error: cloudError('unavailable', 'InternalError', 500),
		});
		await submit(plan, {api, journal, target});
		api.faults.push({
			action: 'DeleteSecurityGroup',
			kind: 'error',
			error: cloudError('conflict', 'DependencyViolation', 403),
		});
		const [entry] = unfinishedEntries(journal);
		if (!entry) throw new Error('no entry');
		const outcome = await deleteUnfinished(entry, {api, journal});
		expect(outcome.ok).toBe(false);
		expect(journal.entries.size).toBe(1);
	});

	it('ignores journal entries it did not write', () => {
		const journal = new MemoryJournal();
		journal.put({id: 'x', createdAt: '1', updatedAt: '1', target: {}, regionId: 'r', payload: {other: true}});
		journal.put({id: 'y', createdAt: '1', updatedAt: '1', target: {}, regionId: 'r', payload: null});
		expect(unfinishedEntries(journal)).toEqual([]);
	});
});
