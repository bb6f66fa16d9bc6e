// Two ends of a follow-up the reducers got wrong: a start that names the group but not its region (the group was
// never read: a spinner for ever), and leaving after a round was applied (it said nothing was changed).
import {afterEach, describe, expect, it} from 'vitest';
import {createEcsApi, type PopEcsApi} from '../../source/cloud/pop-adapter.js';
import {followupCalls} from '../../source/commands/followup.js';
import type {SecurityGroupDetail} from '../../source/domain/model.js';
import {presetRule} from '../../source/domain/presets.js';
import {planRuleChange} from '../../source/domain/rule-change.js';
import {type Sandbox, startSandbox} from '../../source/sandbox/index.js';
import {flowOutcome} from '../../source/wizard/followup/flow-run.js';
import {initialInstancesState, instancesReducer} from '../../source/wizard/followup/instances-state.js';
import {RulesApp} from '../../source/wizard/followup/rules-app.js';
import {
	initialRulesState,
	type RulesAction,
	type RulesState,
	rulesReducer,
} from '../../source/wizard/followup/rules-state.js';
import {exitCodeOf, type FollowupOutcome} from '../../source/wizard/followup/services.js';
import {followupState, ids, region} from '../e2e/followup-helpers.js';
import {keys, renderInk} from '../helpers/ink.js';

const GROUP = 'sg-web';
const OTHER = 'sg-db';
const summary = (id: string) => ({
	id,
	name: id,
	description: '',
	vpcId: 'vpc-1',
	type: 'normal' as const,
	creationTime: '2026-01-01T00:00:00Z',
	resourceGroupId: '',
	tags: [],
});
const detail = (id: string): SecurityGroupDetail => ({
	...summary(id),
	innerAccessPolicy: 'Accept',
	rules: [],
});
const rules = (state: RulesState, ...actions: RulesAction[]) => actions.reduce(rulesReducer, state);

/** One rule added to the group that is open and applied: the state on Done. */
function applyOne(state: RulesState, groupId: string): RulesState {
	const ready = rules(state, {type: 'add', rule: presetRule('http')}, {type: 'review'});
	if (!ready.check) throw new Error('no review');
	const plan = planRuleChange({regionId: region, groupId, vpcId: 'vpc-1'}, ready.check);
	const sent = rules(ready, {type: 'confirm', plan});
	const call = plan.calls[0] as never;
	return rules(sent, {type: 'applied', outcome: {outcomes: [{call, state: 'done'}], cancelled: false}});
}

describe('a start with --group but no --region', () => {
	it('asks the region first, then reads that group in it; a second region picked goes to the list', () => {
		let s = initialRulesState({groupId: GROUP});
		expect(s.step).toBe('region');
		s = rules(s, {type: 'region', regionId: region});
		expect(s).toMatchObject({step: 'rules', regionId: region, groupId: GROUP});
		s = rules(s, {type: 'detail', detail: detail(GROUP)});
		expect(s.detail?.id).toBe(GROUP);
		s = rules(s, {type: 'back'}, {type: 'back'});
		expect(s.step).toBe('region');
		expect(rules(s, {type: 'region', regionId: region}).step).toBe('group');
	});

	it('the instances flow does the same', () => {
		const s = initialInstancesState({groupId: GROUP});
		expect(s.step).toBe('region');
		expect(instancesReducer(s, {type: 'region', regionId: region})).toMatchObject({
			step: 'instances',
			regionId: region,
			groupId: GROUP,
		});
	});

	it('in the app: Enter on the region step shows the rules of the group the flag named', async () => {
		const world = await open();
		const s = renderInk(
			<RulesApp
				services={{api: world.api, ...followupCalls(world.api), defaultRegion: region}}
				start={{groupId: ids.web}}
				onExit={() => {}}
			/>,
		);
		await s.waitFor(/Region\s+Step 1 of 3/);
		await s.waitFor(/❯ China \(Hangzhou\)/);
		await s.press(keys.enter);
		const frame = await s.waitFor(/TCP\s+80/, 8000);
		expect(frame).toContain(ids.web);
		s.unmount();
	});
});

describe('leaving after a round was applied', () => {
	it('reports the group the round went to and how many calls went through', () => {
		const open = rules(
			initialRulesState({regionId: region, groupId: GROUP}),
			{type: 'detail', detail: detail(GROUP)},
			{type: 'open', step: 'manual'},
		);
		let s = applyOne(open, GROUP);
		expect(s.applied).toEqual({regionId: region, groupId: GROUP, made: 1});
		// Another group picked after the round, left without a change: the outcome is still the first group's.
		s = rules(s, {type: 'more'}, {type: 'detail', detail: detail(GROUP)}, {type: 'back'});
		expect(s.step).toBe('group');
		s = rules(s, {type: 'group', group: summary(OTHER)}, {type: 'back'}, {type: 'back'}, {type: 'back'});
		expect(s.status).toBe('left');
		const outcome = flowOutcome(s);
		expect(outcome).toMatchObject({status: 'applied', groupId: GROUP});
		expect(exitCodeOf(outcome as FollowupOutcome)).toBe(0);
	});

	it('in the app: the last line says what was applied, not that nothing was changed', async () => {
		const world = await open();
		const ended: FollowupOutcome[] = [];
		const s = renderInk(
			<RulesApp
				services={{api: world.api, ...followupCalls(world.api)}}
				start={{regionId: region, groupId: ids.web, fixed: true}}
				onExit={(o) => ended.push(o)}
			/>,
		);
		await s.waitFor(/TCP\s+80/, 8000);
		// The rule under the cursor marked for removal (the same keys whatever the rule forms look like).
		await s.press('d');
		await s.waitFor(/- inbound/);
		await s.press(keys.enter);
		await s.waitFor('Enter/y apply');
		await s.press('y');
		await s.waitFor('Removed 1 rule.', 8000);
		await s.press('m');
		await s.waitFor(/Inbound \(\d+\)/);
		await s.press(keys.escape);
		const last = await s.waitFor('Changes were applied');
		expect(last).toContain(`Changes were applied to ${ids.web}: 1 call went through.`);
		expect(last).not.toContain('Nothing was changed');
		await s.exited;
		expect(ended[0]).toMatchObject({status: 'applied', groupId: ids.web});
	});
});

let sandbox: Sandbox | undefined;
let api: PopEcsApi | undefined;

async function open() {
	sandbox = await startSandbox({port: 0, initialState: structuredClone(followupState)});
	api = createEcsApi({
		credentials: {accessKeyId: sandbox.accessKeyId, accessKeySecret: sandbox.accessKeySecret},
		endpoint: sandbox.endpoint,
		retry: {tries: 2, baseDelayMs: 1, maxDelayMs: 5},
		timeoutMs: 3000,
	});
	return {sandbox, api};
}

afterEach(async () => {
	api?.close();
	await sandbox?.close();
	sandbox = undefined;
	api = undefined;
});
