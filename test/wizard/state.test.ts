import {describe, expect, it} from 'vitest';
import type {Rule, SecurityGroupSummary} from '../../source/domain/model.js';
import {planFromAnswers} from '../../source/domain/plan.js';
import type {SubmitPlan} from '../../source/domain/plan-types.js';
import {templateRules} from '../../source/domain/rules.js';
import {
	type AnswerAction,
	activeSteps,
	completeAnswers,
	type Draft,
	finalSteps,
	initialState,
	type StepId,
	steps,
	summarySteps,
	type WizardAction,
	type WizardState,
	wizardReducer,
} from '../../source/wizard/state.js';
import {cloudError} from '../helpers/fake-api.js';

const linux = templateRules('web-linux');

/** A valid answer for every step. */
const answerFor: Record<Exclude<StepId, 'review'>, AnswerAction> = {
	region: {type: 'answer', step: 'region', regionId: 'cn-hangzhou', label: 'China (Hangzhou)'},
	template: {type: 'answer', step: 'template', template: 'web-linux', rules: linux},
	name: {type: 'answer', step: 'name', name: 'web-sg'},
	description: {type: 'answer', step: 'description', description: ''},
	network: {type: 'answer', step: 'network', network: 'vpc', classicOffered: false},
	vpc: {type: 'answer', step: 'vpc', vpcId: 'vpc-bp1abc', label: 'default-vpc'},
};

const full: Draft = {
	regionId: 'cn-hangzhou',
	template: 'web-linux',
	rules: linux,
	name: 'web-sg',
	description: '',
	network: 'vpc',
	vpcId: 'vpc-bp1abc',
};

const reduce = (state: WizardState, ...actions: WizardAction[]): WizardState =>
	actions.reduce(wizardReducer, state);

/** The wizard at `step` with these answers, all given by the user (none by flags). */
const at = (step: StepId, answers: Draft = full): WizardState => ({
	...initialState({answers}),
	step,
	given: [],
});

const planOf = (state: WizardState): SubmitPlan => {
	const answers = completeAnswers(state.answers);
	if (!answers) throw new Error('incomplete');
	return planFromAnswers(answers, {newId: () => 'plan-1', newToken: () => 'token-1'});
};

const reviewState = (): WizardState => at('review');

describe('the step list', () => {
	it('follows the console, and skips VPC for the classic network', () => {
		expect(steps).toEqual(['region', 'template', 'name', 'description', 'network', 'vpc', 'review']);
		expect(activeSteps({network: 'vpc'})).toContain('vpc');
		expect(activeSteps({network: 'classic'})).not.toContain('vpc');
	});
});

describe('answering each step moves to the next one', () => {
	const walk: [StepId, StepId][] = [
		['region', 'template'],
		['template', 'name'],
		['name', 'description'],
		['description', 'network'],
		['network', 'vpc'],
		['vpc', 'review'],
	];
	it.each(walk)('%s -> %s', (from, to) => {
		const state = at(from, {});
		const next = wizardReducer(state, answerFor[from as Exclude<StepId, 'review'>]);
		expect(next.step).toBe(to);
		expect(next.problems[from]).toBeUndefined();
		expect(finalSteps({...next, step: 'review', status: 'submitting'})).toContain(from);
	});

	it('goes from Network straight to Review for the classic network (no VPC step)', () => {
		const state = at('network', {...full, network: undefined, vpcId: undefined});
		const next = wizardReducer(state, {
			type: 'answer',
			step: 'network',
			network: 'classic',
			classicOffered: true,
		});
		expect(next.step).toBe('review');
		expect(next.answers.network).toBe('classic');
		expect(next.answers.vpcId).toBeUndefined();
	});

	it('walks the whole wizard from nothing to Review', () => {
		let state = initialState({answers: {}});
		expect(state.step).toBe('region');
		for (const step of ['region', 'template', 'name', 'description', 'network', 'vpc'] as const) {
			expect(state.step).toBe(step);
			state = wizardReducer(state, answerFor[step]);
		}
		expect(state.step).toBe('review');
		expect(completeAnswers(state.answers)).toMatchObject({
			regionId: 'cn-hangzhou',
			vpcId: 'vpc-bp1abc',
			type: 'normal',
		});
	});

	it('ignores an answer for a step that is not showing (a late key)', () => {
		const state = at('name', {});
		expect(wizardReducer(state, answerFor.region)).toBe(state);
	});
});

describe('refusals keep the step and say why', () => {
	const refused: [string, StepId, AnswerAction, RegExp][] = [
		['an empty name', 'name', {type: 'answer', step: 'name', name: ''}, /Enter a name/],
		[
			'a name starting with a digit',
			'name',
			{type: 'answer', step: 'name', name: '1web'},
			/start with a letter/,
		],
		['a name with a space', 'name', {type: 'answer', step: 'name', name: 'web sg'}, /" " is not allowed/],
		[
			'a URL as description',
			'description',
			{type: 'answer', step: 'description', description: 'http://x'},
			/http/,
		],
		[
			'a one-letter description',
			'description',
			{type: 'answer', step: 'description', description: 'x'},
			/2 to 256/,
		],
		[
			'classic where the region does not offer it',
			'network',
			{type: 'answer', step: 'network', network: 'classic', classicOffered: false},
			/classic network/,
		],
		[
			'a rule with a bad CIDR',
			'template',
			{
				type: 'answer',
				step: 'template',
				template: 'custom',
				rules: [{...(linux[0] as Rule), peer: {kind: 'ipv4', cidr: '300.1.1.1/8'}}],
			},
			/IPv4/,
		],
		[
			'a region id that is not one',
			'region',
			{type: 'answer', step: 'region', regionId: 'Hangzhou!'},
			/region/,
		],
	];
	it.each(refused)('%s', (_label, step, action, reason) => {
		const state = at(step, {...full, [step === 'network' ? 'network' : 'x']: undefined});
		const next = wizardReducer(state, action);
		expect(next.step).toBe(step);
		expect(next.problems[step]).toMatch(reason);
		expect(summarySteps(next)).toEqual(summarySteps(state));
	});

	it('clears the reason once the step is answered well', () => {
		const refusedOnce = wizardReducer(at('name', {}), {type: 'answer', step: 'name', name: '1web'});
		const fixed = wizardReducer(refusedOnce, {type: 'answer', step: 'name', name: 'web1'});
		expect(fixed.problems.name).toBeUndefined();
		expect(fixed.answers.name).toBe('web1');
		expect(fixed.step).toBe('description');
	});

	it('accepts classic while the region check is still unknown (the API has the last word)', () => {
		const next = wizardReducer(at('network', {...full, network: undefined}), {
			type: 'answer',
			step: 'network',
			network: 'classic',
		});
		expect(next.answers.network).toBe('classic');
	});
});

describe('back (Esc) goes one step back and keeps every answer', () => {
	const backs: [StepId, StepId][] = [
		['template', 'region'],
		['name', 'template'],
		['description', 'name'],
		['network', 'description'],
		['vpc', 'network'],
		['review', 'vpc'],
	];
	it.each(backs)('%s -> %s', (from, to) => {
		const state = at(from);
		const next = wizardReducer(state, {type: 'back'});
		expect(next.step).toBe(to);
		expect(next.answers).toEqual(state.answers);
		expect(next.status).toBe('editing');
	});

	it('from Review with the classic network goes back to Network', () => {
		const next = wizardReducer(at('review', {...full, network: 'classic', vpcId: undefined}), {type: 'back'});
		expect(next.step).toBe('network');
	});

	it('on the first step cancels', () => {
		const next = wizardReducer(at('region', {}), {type: 'back'});
		expect(next.status).toBe('cancelled');
		expect(next.cancelledDuring).toBe('editing');
	});

	it('then forward again shows the next step with its answer kept', () => {
		const back = wizardReducer(at('description'), {type: 'back'});
		expect(back.step).toBe('name');
		const forward = wizardReducer(back, {type: 'answer', step: 'name', name: 'web-sg'});
		expect(forward.step).toBe('description');
		expect(forward.answers.vpcId).toBe('vpc-bp1abc');
	});
});

describe('flags pre-fill the steps', () => {
	it('starts at the first step the flags did not answer', () => {
		const state = initialState({answers: {regionId: 'cn-hangzhou', template: 'web-linux', rules: linux}});
		expect(state.step).toBe('name');
		expect(state.given).toEqual(['region', 'template']);
	});

	it('skips given steps going forward but not going back', () => {
		const state = initialState({answers: {regionId: 'cn-hangzhou', name: 'web-sg'}});
		expect(state.step).toBe('template');
		const afterTemplate = wizardReducer(state, answerFor.template);
		expect(afterTemplate.step).toBe('description'); // Name was given
		const back = reduce(afterTemplate, {type: 'back'}, {type: 'back'});
		expect(back.step).toBe('template');
		expect(wizardReducer(back, {type: 'back'}).step).toBe('region');
	});

	it('shows a bad flag value on its step, which is then asked', () => {
		const state = initialState({
			answers: {regionId: 'cn-hangzhou'},
			problems: [{flag: '--name', message: 'The name must start with a letter'}],
		});
		expect(state.problems.name).toMatch(/start with a letter/);
		const named = reduce(state, answerFor.template);
		expect(named.step).toBe('name');
	});

	it('a given region the cloud does not know is asked again, with the reason, from wherever the person is', () => {
		const state = initialState({answers: {regionId: 'cn-nowhere', name: 'web-sg'}});
		expect(state.step).toBe('template');
		const reject: WizardAction = {type: 'reject', step: 'region', problem: 'ECS does not know the region'};
		const rejected = reduce(state, answerFor.template, reject);
		expect(rejected.step).toBe('region');
		expect(rejected.problems.region).toBe('ECS does not know the region');
		expect(rejected.given).not.toContain('region');
		// Picking one clears the reason and goes on, still skipping the name the flags gave.
		const picked = reduce(rejected, answerFor.region);
		expect(picked.problems.region).toBeUndefined();
		expect(picked.step).toBe('template');
		expect(reduce(picked, answerFor.template).step).toBe('description');
	});

	it('a rejection of a step ahead only marks it, and never reaches past Review into a submit', () => {
		const early = reduce(at('region', {}), {type: 'reject', step: 'vpc', problem: 'gone'});
		expect(early.step).toBe('region');
		expect(early.problems.vpc).toBe('gone');
		const submitting = reduce(reviewState(), {type: 'confirm', plan: planOf(reviewState())});
		const late = reduce(submitting, {type: 'reject', step: 'region', problem: 'gone'});
		expect(late).toBe(submitting);
	});

	it('with everything given starts at Review', () => {
		expect(initialState({answers: full}).step).toBe('review');
	});

	it('--yes counts a missing description as none', () => {
		const {description: _d, ...withoutDescription} = full;
		expect(initialState({answers: withoutDescription}).step).toBe('description');
		const yes = initialState({answers: withoutDescription, yes: true});
		expect(yes.step).toBe('review');
		expect(yes.answers.description).toBe('');
	});
});

describe('Review', () => {
	it('edits any step and comes back to Review', () => {
		const editing = wizardReducer(reviewState(), {type: 'edit', step: 'name'});
		expect(editing).toMatchObject({step: 'name', editing: true});
		const back = wizardReducer(editing, {type: 'answer', step: 'name', name: 'api-sg'});
		expect(back).toMatchObject({step: 'review', editing: false});
		expect(back.answers.name).toBe('api-sg');
	});

	it('Esc while editing returns to Review unchanged', () => {
		const review = reviewState();
		const editing = wizardReducer(review, {type: 'edit', step: 'template'});
		const back = wizardReducer(editing, {type: 'back'});
		expect(back.step).toBe('review');
		expect(back.answers).toEqual(review.answers);
	});

	it('changing the region asks for a VPC of the new region before Review', () => {
		const changed = reduce(
			reviewState(),
			{type: 'edit', step: 'region'},
			{type: 'answer', step: 'region', regionId: 'cn-shanghai'},
		);
		expect(changed.step).toBe('vpc');
		expect(changed.answers.vpcId).toBeUndefined();
		const picked = wizardReducer(changed, {type: 'answer', step: 'vpc', vpcId: 'vpc-uf6new'});
		expect(picked.step).toBe('review');
	});

	it('switching to VPC from classic asks for the VPC, then returns', () => {
		const classic = at('review', {...full, network: 'classic', vpcId: undefined});
		const next = reduce(
			classic,
			{type: 'edit', step: 'network'},
			{type: 'answer', step: 'network', network: 'vpc'},
		);
		expect(next.step).toBe('vpc');
	});

	it('cannot edit a step that is not in the list, nor from another step', () => {
		const classic = at('review', {...full, network: 'classic', vpcId: undefined});
		expect(wizardReducer(classic, {type: 'edit', step: 'vpc'})).toBe(classic);
		const name = at('name');
		expect(wizardReducer(name, {type: 'edit', step: 'region'})).toBe(name);
	});

	it('switches the type, refusing enterprise for the classic network', () => {
		const enterprise = wizardReducer(reviewState(), {type: 'set-type', groupType: 'enterprise'});
		expect(enterprise.answers.type).toBe('enterprise');
		const classic = at('review', {...full, network: 'classic', vpcId: undefined});
		const refused = wizardReducer(classic, {type: 'set-type', groupType: 'enterprise'});
		expect(refused.answers.type).toBe('normal');
		expect(refused.problems.review).toMatch(/VPC/);
	});

	it('choosing classic turns an enterprise type back to normal', () => {
		const state = at('network', {...full, type: 'enterprise'});
		const next = wizardReducer(state, {
			type: 'answer',
			step: 'network',
			network: 'classic',
			classicOffered: true,
		});
		expect(next.answers.type).toBe('normal');
	});

	it('uses an existing group instead of creating one', () => {
		const group: SecurityGroupSummary = {
			id: 'sg-old',
			name: 'web-sg',
			description: '',
			vpcId: 'vpc-bp1abc',
			type: 'normal',
			creationTime: '',
			resourceGroupId: '',
			tags: [],
		};
		const next = wizardReducer(reviewState(), {type: 'use-existing', group});
		expect(next).toMatchObject({status: 'done', reused: group});
		expect(next.plan).toBeUndefined();
	});
});

describe('the submit guard', () => {
	it('confirm starts submitting with one step per call', () => {
		const state = reviewState();
		const next = wizardReducer(state, {type: 'confirm', plan: planOf(state)});
		expect(next.status).toBe('submitting');
		expect(next.submitSteps.map((s) => [s.id, s.ruleCount])).toEqual([
			['create', undefined],
			['authorize-1', 4],
		]);
	});

	it('double Enter submits once: the second confirm changes nothing', () => {
		const state = reviewState();
		const first = wizardReducer(state, {type: 'confirm', plan: planOf(state)});
		const second = wizardReducer(first, {type: 'confirm', plan: {...planOf(state), id: 'plan-2'}});
		expect(second).toBe(first);
		expect(second.plan?.id).toBe('plan-1');
	});

	it('ignores every editing key while submitting', () => {
		const submitting = wizardReducer(reviewState(), {type: 'confirm', plan: planOf(reviewState())});
		for (const action of [
			{type: 'back'},
			{type: 'edit', step: 'name'},
			{type: 'set-type', groupType: 'enterprise'},
			answerFor.name,
		] as WizardAction[]) {
			expect(wizardReducer(submitting, action)).toBe(submitting);
		}
	});

	it('refuses to confirm before Review or with an answer missing', () => {
		const name = at('name');
		expect(wizardReducer(name, {type: 'confirm', plan: planOf(reviewState())})).toBe(name);
		const missing = at('review', {...full, name: undefined});
		expect(wizardReducer(missing, {type: 'confirm', plan: planOf(reviewState())})).toBe(missing);
	});

	it('in plan mode (--dry-run, --export) confirming shows the plan instead', () => {
		const state = {...reviewState(), mode: 'plan' as const};
		expect(wizardReducer(state, {type: 'confirm'}).status).toBe('planned');
	});

	it('tracks each call: running, retrying with the reason, done with the request id', () => {
		const submitting = wizardReducer(reviewState(), {type: 'confirm', plan: planOf(reviewState())});
		const next = reduce(
			submitting,
			{type: 'submit-event', event: {step: 'create', state: 'running', attempt: 1}},
			{type: 'submit-event', event: {step: 'create', state: 'retrying', attempt: 2, code: 'Throttling.User'}},
		);
		expect(next.submitSteps[0]).toMatchObject({state: 'retrying', attempt: 2, reason: 'Throttling.User'});
		const done = wizardReducer(next, {
			type: 'submit-event',
			event: {step: 'create', state: 'done', attempt: 2, requestId: 'R1', groupId: 'sg-new'},
		});
		expect(done.submitSteps[0]).toMatchObject({state: 'done', requestId: 'R1'});
		expect(done.groupId).toBe('sg-new');
		expect(done.submitSteps[1]?.state).toBe('pending');
	});

	it('a failed submit keeps what exists and ends failed', () => {
		const submitting = wizardReducer(reviewState(), {type: 'confirm', plan: planOf(reviewState())});
		const error = cloudError(
			'QuotaExceed.SecurityGroup',
			'The maximum number of security groups is reached.',
		);
		const failed = reduce(
			submitting,
			{type: 'submit-event', event: {step: 'create', state: 'done', attempt: 1, groupId: 'sg-1'}},
			{
				type: 'submit-event',
				event: {step: 'authorize-1', state: 'failed', attempt: 1, error, groupId: 'sg-1'},
			},
			{type: 'submit-finished', outcome: {ok: false, error, groupId: 'sg-1', journalId: 'plan-1'}},
		);
		expect(failed).toMatchObject({status: 'failed', groupId: 'sg-1', journalId: 'plan-1', error});
		expect(failed.submitSteps[1]).toMatchObject({state: 'failed', error});
		expect(wizardReducer(failed, {type: 'back'})).toBe(failed);
		expect(wizardReducer(failed, {type: 'confirm', plan: planOf(reviewState())})).toBe(failed);
	});

	it('a successful submit ends done with the result', () => {
		const submitting = wizardReducer(reviewState(), {type: 'confirm', plan: planOf(reviewState())});
		const result = {
			groupId: 'sg-1',
			regionId: 'cn-hangzhou',
			vpcId: 'vpc-bp1abc',
			name: 'web-sg',
			type: 'normal' as const,
			rules: linux,
			requestIds: ['R1', 'R2'],
		};
		const done = wizardReducer(submitting, {type: 'submit-finished', outcome: {ok: true, result}});
		expect(done).toMatchObject({status: 'done', result, groupId: 'sg-1'});
		expect(done.submitSteps.every((s) => s.state === 'done')).toBe(true);
	});
});

describe('cancel (Ctrl+C)', () => {
	it('while editing ends at once', () => {
		const next = wizardReducer(at('name'), {type: 'cancel'});
		expect(next).toMatchObject({status: 'cancelled', cancelledDuring: 'editing'});
	});

	it('while submitting waits for the engine, then knows what exists', () => {
		const submitting = wizardReducer(reviewState(), {type: 'confirm', plan: planOf(reviewState())});
		const cancelled = wizardReducer(submitting, {type: 'cancel'});
		expect(cancelled).toMatchObject({status: 'cancelled', cancelledDuring: 'submitting'});
		expect(cancelled.settled).toBeUndefined();
		const settled = reduce(
			cancelled,
			{type: 'submit-event', event: {step: 'create', state: 'done', attempt: 1, groupId: 'sg-9'}},
			{
				type: 'submit-finished',
				outcome: {ok: false, error: cloudError('Cancelled'), groupId: 'sg-9', journalId: 'plan-1'},
			},
		);
		expect(settled).toMatchObject({status: 'cancelled', settled: true, groupId: 'sg-9'});
	});

	it('twice while submitting leaves without waiting', () => {
		const submitting = wizardReducer(reviewState(), {type: 'confirm', plan: planOf(reviewState())});
		const forced = reduce(submitting, {type: 'cancel'}, {type: 'cancel'});
		expect(forced.forced).toBe(true);
	});

	it('after the end changes nothing', () => {
		const done = wizardReducer(reviewState(), {
			type: 'use-existing',
			group: {
				id: 'sg-1',
				name: 'x',
				description: '',
				vpcId: '',
				type: 'normal',
				creationTime: '',
				resourceGroupId: '',
				tags: [],
			},
		});
		expect(wizardReducer(done, {type: 'cancel'})).toBe(done);
	});
});
