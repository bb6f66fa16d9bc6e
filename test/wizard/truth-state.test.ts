// Issue 15 items 1, 7 and 8 in the reducer: the summary of answered steps is one line per answer with its current
// value after every Esc and edit (and for answers given by flags), typed drafts survive going back, Esc on the
// first step asks before answers are thrown away, and a stop that came after the last call ends at Done.
import {describe, expect, it} from 'vitest';
import {planFromAnswers} from '../../source/domain/plan.js';
import {templateRules} from '../../source/domain/rules.js';
import {summaryLines} from '../../source/wizard/answered.js';
import {
	type AnswerAction,
	completeAnswers,
	type Draft,
	finalSteps,
	initialState,
	type StepId,
	summarySteps,
	type WizardAction,
	type WizardState,
	wizardReducer,
} from '../../source/wizard/state.js';
import {summaryLine} from '../../source/wizard/summary.js';

const wide = {columns: 100, rows: 30};
const narrow = {columns: 50, rows: 20};
const linux = templateRules('web-linux');

const answer = {
	region: (regionId = 'cn-hangzhou', label = 'China (Hangzhou)'): AnswerAction => ({
		type: 'answer',
		step: 'region',
		regionId,
		label,
	}),
	template: (): AnswerAction => ({type: 'answer', step: 'template', template: 'web-linux', rules: linux}),
	name: (name: string): AnswerAction => ({type: 'answer', step: 'name', name}),
	description: (description = ''): AnswerAction => ({type: 'answer', step: 'description', description}),
	network: (): AnswerAction => ({type: 'answer', step: 'network', network: 'vpc', classicOffered: true}),
	vpc: (vpcId = 'vpc-bp1abc', label = 'default-vpc'): AnswerAction => ({
		type: 'answer',
		step: 'vpc',
		vpcId,
		label,
	}),
};

const reduce = (state: WizardState, ...actions: WizardAction[]): WizardState =>
	actions.reduce(wizardReducer, state);

/** What the summary must say: one line per answered step but the one showing, in order, its current value. */
function expected(state: WizardState, labels: Partial<Record<StepId, string>>): string[] {
	const order: StepId[] = ['region', 'template', 'name', 'description', 'network', 'vpc'];
	return order
		.filter((s) => s !== state.step && summarySteps(state).includes(s))
		.map((s) => summaryLine(s, state.answers, labels[s]));
}

/** The summary equals the answers: no step twice, no step missing, no old value. */
function summaryEqualsAnswers(state: WizardState, labels: Partial<Record<StepId, string>> = {}) {
	const lines = summaryLines(state, undefined, wide);
	expect(lines).toEqual(expected(state, labels));
	const steps = summarySteps(state);
	expect(new Set(steps).size).toBe(steps.length);
	return lines;
}

describe('the summary of answered steps after Esc and edits (item 1)', () => {
	it('Esc from Name, then Enter on Template: Template once', () => {
		let state = reduce(initialState({answers: {}}), answer.region(), answer.template());
		expect(state.step).toBe('name');
		state = reduce(state, {type: 'back'});
		expect(state.step).toBe('template');
		state = reduce(state, answer.template());
		expect(state.step).toBe('name');
		const lines = summaryEqualsAnswers(state, {region: 'China (Hangzhou)'});
		expect(lines.filter((l) => l.includes('Template'))).toHaveLength(1);
		expect(lines).toHaveLength(2);
	});

	it('editing the name from Review: the summary holds the new name only', () => {
		const walked = reduce(
			initialState({answers: {}}),
			answer.region(),
			answer.template(),
			answer.name('web-1'),
			answer.description(),
			answer.network(),
			answer.vpc(),
		);
		expect(walked.step).toBe('review');
		expect(summarySteps(walked)).toEqual([]);
		const editing = reduce(walked, {type: 'edit', step: 'name'});
		expect(summarySteps(editing)).toEqual(['region', 'template', 'description', 'network', 'vpc']);
		const edited = reduce(editing, answer.name('web-2'));
		expect(edited.step).toBe('review');
		const sent = reduce(edited, {type: 'confirm', plan: planOf(edited)});
		const lines = finalSteps(sent).map((step) => summaryLine(step, sent.answers));
		expect(lines.filter((l) => /Name/.test(l))).toEqual([summaryLine('name', sent.answers)]);
		expect(lines.join('\n')).toContain('web-2');
		expect(lines.join('\n')).not.toContain('web-1');
	});

	it('a new region from Review drops the old VPC from the summary, and its name with it', () => {
		const walked = reduce(
			initialState({answers: {}}),
			answer.region(),
			answer.template(),
			answer.name('web-1'),
			answer.description(),
			answer.network(),
			answer.vpc('vpc-bp1abc', 'hangzhou-vpc'),
		);
		const moved = reduce(
			walked,
			{type: 'edit', step: 'region'},
			answer.region('cn-shanghai', 'China (Shanghai)'),
		);
		expect(moved.step).toBe('vpc');
		expect(summarySteps(moved)).not.toContain('vpc');
		const text = summaryLines(moved, undefined, wide).join('\n');
		expect(text).toContain('cn-shanghai');
		expect(text).not.toContain('cn-hangzhou');
		expect(text).not.toContain('hangzhou-vpc');
		expect(moved.labels.vpc).toBeUndefined();
	});

	it('answers given by flags have their line', () => {
		const state = initialState({
			answers: {regionId: 'cn-hangzhou', template: 'web-linux', rules: linux, name: 'web-1'},
		});
		expect(state.step).toBe('description');
		expect(summarySteps(state)).toEqual(['region', 'template', 'name']);
		summaryEqualsAnswers(state);
	});

	it('folds into at most two lines at 50x20', () => {
		const state = reduce(
			initialState({answers: {}}),
			answer.region(),
			answer.template(),
			answer.name('web-1'),
			answer.description('for the web tier'),
			answer.network(),
		);
		const lines = summaryLines(state, undefined, narrow);
		expect(lines.length).toBeLessThanOrEqual(2);
		expect(lines.length).toBeGreaterThan(0);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(narrow.columns);
	});
});

describe('going back keeps what was typed, and leaving asks (item 8)', () => {
	it('a name typed and left with Esc comes back', () => {
		let state = reduce(initialState({answers: {}}), answer.region(), answer.template());
		state = reduce(state, {type: 'back', draft: {step: 'name', value: 'web-draft'}});
		expect(state.step).toBe('template');
		state = reduce(state, answer.template());
		expect(state.step).toBe('name');
		expect(state.drafts.name).toBe('web-draft');
		state = reduce(state, answer.name('web-draft'));
		expect(state.drafts.name).toBeUndefined();
	});

	it('Esc on step 1 after three answered steps asks; n stays with every answer, y cancels', () => {
		let state = reduce(initialState({answers: {}}), answer.region(), answer.template(), answer.name('web-1'));
		state = reduce(state, {type: 'back'}, {type: 'back'}, {type: 'back'});
		expect(state.step).toBe('region');
		const asked = reduce(state, {type: 'back'});
		expect(asked.status).toBe('editing');
		expect(asked.confirmQuit).toBe(true);
		// While asked, no other key gets in.
		expect(reduce(asked, answer.region('cn-shanghai')).answers.regionId).toBe('cn-hangzhou');
		const stayed = reduce(asked, {type: 'quit-answer', quit: false});
		expect(stayed.confirmQuit).toBe(false);
		expect(stayed.answers.name).toBe('web-1');
		expect(reduce(asked, {type: 'quit-answer', quit: true}).status).toBe('cancelled');
	});

	it('Esc on step 1 with nothing answered leaves at once', () => {
		expect(reduce(initialState({answers: {}}), {type: 'back'}).status).toBe('cancelled');
	});
});

describe('the truth about keys and stops (item 7)', () => {
	it('enterprise on classic, inside the wizard, names the key, not a flag', () => {
		const state = {
			...initialState({
				answers: {
					regionId: 'cn-hangzhou',
					template: 'web-linux',
					rules: linux,
					name: 'web-1',
					description: '',
					network: 'classic',
				},
			}),
		};
		expect(state.step).toBe('review');
		const refused = reduce(state, {type: 'set-type', groupType: 'enterprise'});
		expect(refused.problems.review).toMatch(/press 5/);
		expect(refused.problems.review).not.toMatch(/--/);
		// Changing the network answers it: the refusal does not stay on Review.
		const vpc = reduce(refused, {type: 'edit', step: 'network'}, answer.network(), answer.vpc());
		expect(vpc.step).toBe('review');
		expect(vpc.problems.review).toBeUndefined();
	});

	it('a stop that came after the last call was sent ends at Done, saying so', () => {
		const review = initialState({answers: full()});
		const sending = reduce(review, {type: 'confirm', plan: planOf(review)});
		const stopped = reduce(sending, {type: 'cancel'});
		expect(stopped.status).toBe('cancelled');
		const finished = reduce(stopped, {
			type: 'submit-finished',
			outcome: {
				ok: true,
				result: {
					groupId: 'sg-1',
					regionId: 'cn-hangzhou',
					vpcId: 'vpc-bp1abc',
					name: 'web-1',
					type: 'normal',
					rules: linux,
					requestIds: [],
				},
			},
		});
		expect(finished.status).toBe('done');
		expect(finished.stoppedLate).toBe(true);
	});
});

function full(): Draft {
	return {
		regionId: 'cn-hangzhou',
		template: 'web-linux',
		rules: linux,
		name: 'web-1',
		description: '',
		network: 'vpc',
		vpcId: 'vpc-bp1abc',
	};
}

function planOf(state: WizardState) {
	const answers = completeAnswers(state.answers);
	if (!answers) throw new Error('incomplete');
	return planFromAnswers(answers, {newId: () => 'plan-1', newToken: () => 'token-1'});
}
