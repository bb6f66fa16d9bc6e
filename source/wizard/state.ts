// The wizard as a pure reducer: which step is showing, the answers so far, back navigation, refusals, and the
// submit guard. No React and no I/O here: app.tsx turns keys into actions and runs the effects.
import type {SubmitEvent, SubmitOutcome} from '../cloud/engine-types.js';
import type {CloudError} from '../cloud/errors.js';
import type {FlagProblem} from '../domain/from-flags.js';
import type {GroupType, SecurityGroupSummary} from '../domain/model.js';
import type {SubmitPlan, SubmitResult} from '../domain/plan-types.js';
import {t} from '../text/index.js';
import {
	type AnswerAction,
	activeSteps,
	applyAnswer,
	assertNever,
	completeAnswers,
	type Draft,
	firstIncomplete,
	isComplete,
	type Labels,
	labelsAfter,
	type StepId,
	stepOfFlag,
	type TextDrafts,
	without,
} from './draft.js';
import {answeredHere, finalSteps, summarySteps} from './state-summary.js';
import {type SubmitStepState, stepsOfPlan, submitEvent, submitFinished} from './submit-steps.js';

export {steps} from './draft.js';
export {
	type AnswerAction,
	activeSteps,
	answeredHere,
	assertNever,
	completeAnswers,
	type Draft,
	finalSteps,
	isComplete,
	type StepId,
	type SubmitStepState,
	stepOfFlag,
	summarySteps,
};

export type Status = 'editing' | 'submitting' | 'done' | 'failed' | 'cancelled' | 'planned';

export type WizardState = {
	readonly step: StepId;
	readonly answers: Draft;
	/** Steps answered by flags: going forward skips them while they stay complete. */
	readonly given: readonly StepId[];
	/** A refusal or a bad flag value, shown on its step until that step is answered. */
	readonly problems: Partial<Record<StepId, string>>;
	/** Set while a step is being changed from Review: answering it goes back to Review. */
	readonly editing: boolean;
	readonly status: Status;
	/** `plan`: --dry-run / --export; confirming shows the plan instead of creating. */
	readonly mode: 'create' | 'plan';
	/** --yes: Review confirms itself once nothing needs a decision. */
	readonly yes: boolean;
	readonly plan?: SubmitPlan;
	readonly submitSteps: readonly SubmitStepState[];
	readonly groupId?: string;
	readonly result?: SubmitResult;
	readonly error?: CloudError;
	readonly journalId?: string;
	/** The existing same-name group the user chose instead of creating one. */
	readonly reused?: SecurityGroupSummary;
	/** What was happening when the user cancelled. */
	readonly cancelledDuring?: 'editing' | 'submitting';
	/** Cancelled while submitting: the engine has answered since (so what exists is known exactly). */
	readonly settled?: boolean;
	/** Stopped while submitting, but the last call had been sent: the group was made whole, and Done says so. */
	readonly stoppedLate?: boolean;
	/** Cancelled twice while submitting: leave without waiting for the call in flight. */
	readonly forced?: boolean;
	/** The picked region's and VPC's names, for the summary of answered steps (never stale: see answer()). */
	readonly labels: Labels;
	/** What was typed on Name or Description and left with Esc: shown again when the step comes back. */
	readonly drafts: TextDrafts;
	/** Esc on the first step with answers given: asking before they are thrown away. */
	readonly confirmQuit?: boolean;
	/**
	 * The effect the state asks for, performed once by effects.ts, which says so with `taken`: the submit on
	 * confirm, remembering the choices once the group exists (made or reused).
	 */
	readonly due?: 'submit' | 'remember';
};

export type WizardAction =
	| AnswerAction
	/** Esc; from a text step with what was typed there (kept as its draft). */
	| {type: 'back'; draft?: {step: 'name' | 'description'; value: string}}
	/** The answer to "quit and lose the answers?" (asked by Esc on the first step). */
	| {type: 'quit-answer'; quit: boolean}
	| {type: 'edit'; step: StepId}
	/** A flag's answer the cloud turned out not to know (a region not in the live list): ask that step again. */
	| {type: 'reject'; step: Exclude<StepId, 'review'>; problem: string}
	| {type: 'set-type'; groupType: GroupType}
	| {type: 'confirm'; plan?: SubmitPlan}
	| {type: 'use-existing'; group: SecurityGroupSummary}
	| {type: 'submit-event'; event: SubmitEvent}
	| {type: 'submit-finished'; outcome: SubmitOutcome}
	/** The runner has taken the effect that was due. */
	| {type: 'taken'}
	| {type: 'cancel'};

export type InitialInput = {
	answers: Draft;
	problems?: readonly FlagProblem[];
	yes?: boolean;
	mode?: 'create' | 'plan';
};

export function initialState(input: InitialInput): WizardState {
	const answers: Draft = {type: 'normal', tags: [], ...input.answers};
	const yes = input.yes ?? false;
	// --yes asks nothing that has a default: no description means none.
	if (yes && answers.description === undefined) answers.description = '';
	const problems: Partial<Record<StepId, string>> = {};
	for (const p of input.problems ?? []) {
		const step = stepOfFlag(p.flag);
		if (step && problems[step] === undefined) problems[step] = p.message;
	}
	const given = activeSteps(answers).filter((s) => isComplete(s, answers) && problems[s] === undefined);
	const base: WizardState = {
		step: 'region',
		answers,
		given,
		problems,
		editing: false,
		status: 'editing',
		mode: input.mode ?? 'create',
		yes,
		submitSteps: [],
		labels: {},
		drafts: {},
	};
	return {...base, step: firstOpen(base, 0)};
}

/** The first step from `from` (an index into the active steps) that still needs the user. */
function firstOpen(state: WizardState, from: number): StepId {
	const list = activeSteps(state.answers);
	for (const step of list.slice(from)) {
		if (step === 'review') return step;
		const skip = state.given.includes(step) && isComplete(step, state.answers) && !state.problems[step];
		if (!skip) return step;
	}
	return 'review';
}

function answer(state: WizardState, action: AnswerAction): WizardState {
	if (action.step !== state.step) return state; // a late key from a step that is no longer showing
	const checked = applyAnswer(state.answers, action);
	if (!checked.ok) return {...state, problems: {...state.problems, [state.step]: checked.problem}};
	const answers = checked.answers;
	let problems = without(state.problems, action.step);
	// Review's refusal of the type is about the network: a new network answers it.
	if (action.step === 'network') problems = without(problems, 'review');
	const moved: WizardState = {
		...state,
		answers,
		problems,
		labels: labelsAfter(state.labels, action, answers),
		drafts: without(state.drafts, action.step),
	};
	if (state.editing) {
		// Back to Review, unless the change opened a step (a new region needs its VPC).
		const next = firstIncomplete(answers);
		return {...moved, step: next, editing: next !== 'review'};
	}
	const list = activeSteps(answers);
	return {...moved, step: firstOpen(moved, list.indexOf(action.step) + 1)};
}

function back(state: WizardState, action: Extract<WizardAction, {type: 'back'}>): WizardState {
	if (action.draft && action.draft.step === state.step) {
		const {step, value} = action.draft;
		// What was typed is kept; an answer given before is kept as the answer until a new one replaces it.
		const drafts =
			value === (state.answers[step] ?? '') ? without(state.drafts, step) : {...state.drafts, [step]: value};
		state = {...state, drafts};
	}
	if (state.editing && state.step !== 'review' && completeAnswers(state.answers)) {
		return {...state, step: 'review', editing: false};
	}
	const list = activeSteps(state.answers);
	const at = list.indexOf(state.step);
	if (at <= 0) {
		// Leaving would throw away answers: ask first (Ctrl+C still leaves at once).
		if (answeredHere(state).length > 0 || Object.keys(state.drafts).length > 0)
			return {...state, confirmQuit: true};
		return {...state, status: 'cancelled', cancelledDuring: 'editing'};
	}
	return {...state, step: list[at - 1] ?? 'region', editing: false};
}

/** A flag's answer the cloud does not know: that step is asked again (and gone back to when already past). */
function reject(state: WizardState, action: Extract<WizardAction, {type: 'reject'}>): WizardState {
	const list = activeSteps(state.answers);
	// Everything after the rejected step rests on it: a person already past it goes back to it.
	const past = list.indexOf(state.step) > list.indexOf(action.step);
	return {
		...state,
		given: state.given.filter((s) => s !== action.step),
		problems: {...state.problems, [action.step]: action.problem},
		...(past ? {step: action.step, editing: false} : {}),
	};
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
	if (action.type === 'taken') return state.due ? {...state, due: undefined} : state;
	// Once the outcome is known nothing changes it; while submitting only the engine's news gets in (so a
	// second Enter, or a key meant for Review, can never submit twice).
	if (state.status === 'done' || state.status === 'failed' || state.status === 'planned') return state;
	const engineNews = action.type === 'submit-event' || action.type === 'submit-finished';
	if (state.status === 'cancelled') {
		if (state.cancelledDuring !== 'submitting') return state;
		if (action.type === 'cancel') return {...state, forced: true};
		if (!engineNews) return state;
	}
	if (state.status === 'submitting' && !engineNews && action.type !== 'cancel') return state;

	// While "quit and lose the answers?" is asked, only its answer (or Ctrl+C) gets in.
	if (state.confirmQuit && !['quit-answer', 'cancel', 'reject'].includes(action.type)) return state;

	switch (action.type) {
		case 'answer':
			return answer(state, action);
		case 'back':
			return back(state, action);
		case 'quit-answer':
			if (!state.confirmQuit) return state;
			return action.quit
				? {...state, confirmQuit: false, status: 'cancelled', cancelledDuring: 'editing'}
				: {...state, confirmQuit: false};
		case 'edit': {
			if (state.step !== 'review' || action.step === 'review') return state;
			if (!activeSteps(state.answers).includes(action.step)) return state;
			return {...state, step: action.step, editing: true};
		}
		case 'reject':
			return reject(state, action);
		case 'set-type': {
			if (state.step !== 'review') return state;
			if (action.groupType === 'enterprise' && state.answers.network === 'classic')
				return {
					...state,
					problems: {
						...state.problems,
						// Said in keys, not flags: the person is in the wizard.
						review: t('truth.review.enterpriseClassic', {
							key: activeSteps(state.answers).indexOf('network') + 1,
						}),
					},
				};
			return {
				...state,
				answers: {...state.answers, type: action.groupType},
				problems: without(state.problems, 'review'),
			};
		}
		case 'confirm': {
			if (state.step !== 'review' || !completeAnswers(state.answers)) return state;
			if (state.mode === 'plan') return {...state, status: 'planned'};
			if (!action.plan) return state;
			return {
				...state,
				status: 'submitting',
				plan: action.plan,
				submitSteps: stepsOfPlan(action.plan),
				due: 'submit',
			};
		}
		case 'use-existing':
			if (state.step !== 'review') return state;
			return {...state, status: 'done', reused: action.group, due: 'remember'};
		case 'submit-event':
			return submitEvent(state, action.event);
		case 'submit-finished':
			return submitFinished(state, action.outcome);
		case 'cancel':
			return {
				...state,
				status: 'cancelled',
				cancelledDuring: state.status === 'submitting' ? 'submitting' : 'editing',
			};
		default:
			return assertNever(action);
	}
}
