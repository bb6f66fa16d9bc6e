// The one reducer skeleton both follow-ups run: pick the region and the group, mark changes on the group's own
// screen, review, apply, see the result. What differs (what is read, what a change is, how it is reviewed) is a
// FlowPart; the steps around it (region, group, back, discard, quit, cancel, apply, done) are written once here.
// No React and no I/O: flow-app.tsx turns keys into actions and runs the effects.
import type {ChangeEvent, ChangeOutcome} from '../../cloud/change-types.js';
import type {SecurityGroupSummary} from '../../domain/model.js';
import type {ChangePlan} from '../../domain/plan-types.js';
import {type MessageKey, t} from '../../text/index.js';
import type {Problem} from '../cloud-data.js';
import {type Progress, withEvent, withOutcome} from './calls.js';
import type {FollowupStart} from './services.js';

/** The fields of the skeleton, which every part's state carries. */
export type FlowFields = Progress & {
	readonly step: string;
	readonly start: FollowupStart;
	readonly regionId?: string;
	readonly plan?: ChangePlan;
	/** Every round applied so far. */
	readonly rounds: number;
	/** The group the last round went to, and how many of the calls sent to it went through (what leaving says). */
	readonly applied?: {readonly regionId: string; readonly groupId: string; readonly made: number};
	readonly status: 'editing' | 'applying' | 'done' | 'cancelled' | 'left';
	/** The plan is due to be sent: set on confirm, cleared when the runner (flow-run.ts) takes it. */
	readonly due?: 'apply';
	readonly groupId?: string;
	readonly regionLabel?: string;
	readonly loadProblem?: Problem;
	readonly problem?: string;
	/** The start's changes have been put in (they wait for the group to be read). */
	readonly queued?: boolean;
	/** Esc with changes marked: asking whether to drop them before leaving the part's screen. */
	readonly discarding?: boolean;
};

/** The actions the skeleton answers; the part answers the rest. */
export type FlowAction =
	| {type: 'region'; regionId: string; label?: string}
	| {type: 'group'; group: SecurityGroupSummary}
	/** The group's read failed (the part's screen offers r to retry). */
	| {type: 'read-failed'; problem: Problem}
	| {type: 'review'}
	| {type: 'confirm'; plan: ChangePlan}
	/** The runner has taken the plan that was due. */
	| {type: 'sent'}
	| {type: 'call-event'; event: ChangeEvent}
	| {type: 'applied'; outcome: ChangeOutcome}
	| {type: 'more'}
	| {type: 'back'}
	/** The answer to the question Esc asked with changes marked: drop them and leave, or keep them. */
	| {type: 'discard'}
	| {type: 'keep'}
	| {type: 'quit'}
	| {type: 'cancel'};

/** What a follow-up adds to the skeleton: its state's own fields and the actions that touch them. */
export type FlowPart<S extends FlowFields, A extends {readonly type: string}, T = unknown> = {
	/** The step where changes are marked ('rules', 'instances'). */
	readonly edit: S['step'];
	initial(start: FollowupStart): S;
	/**
	 * The field that holds what is read of the group (`T`, from the app's read), named as the action that brings
	 * it (`{type: 'detail', detail}`): that action gets in while calls run and while Esc's question is up.
	 */
	readonly read: A['type'] & keyof S;
	/** The id of the group a read is of: news of a group picked before is dropped. */
	groupOf(value: T): string;
	/** A read taken in: what the part derives from it; on the `first`, the start's changes are put in too. */
	loaded(state: S, value: T, first: boolean): S;
	/** The group picked from the list (the skeleton has set its id and dropped what was read). */
	pick?(state: S, group: SecurityGroupSummary): S;
	hasChanges(state: S): boolean;
	/** The changes marked, dropped. */
	drop(state: S): S;
	/** Said on Enter with nothing marked. */
	readonly nothing: MessageKey;
	/** Enter on the part's screen with the group read and changes marked: to Review, or a problem. */
	review?(state: S): S;
	/** Back to the part's screen from Done ('more'), with whatever the last review kept cleared. */
	reopen?(state: S): S;
	/** Esc on a step of the part's own (not region, group, the part's screen, review, applying, done). */
	back?(state: S): S;
	/** The part's own actions (never the read: the skeleton takes it). */
	reduce(state: S, action: A): S;
};

/** A part as the skeleton's own steps take it. */
type Skeleton<S extends FlowFields, T = unknown> = FlowPart<S, {readonly type: string}, T>;

/** The state a flow starts in: the first step the start leaves open. */
export function initialFlow<S extends FlowFields>(start: FollowupStart, edit: S['step']) {
	return {
		// A group without its region is read once the region is picked (step 'region' then goes to `edit`).
		step: start.regionId ? (start.groupId ? edit : 'group') : 'region',
		start,
		...(start.regionId ? {regionId: start.regionId} : {}),
		...(start.groupId ? {groupId: start.groupId} : {}),
		calls: [],
		rounds: 0,
		status: 'editing',
	} as const;
}

/** Off the part's screen: out of the follow-up when it was opened for one group, else back to the group list. */
function leave<S extends FlowFields>(part: Skeleton<S>, state: S): S {
	const dropped = part.drop({...state, discarding: undefined});
	if (state.start.fixed) return {...dropped, status: 'left'};
	return forget(part, {...dropped, step: 'group', loadProblem: undefined});
}

/** What was read of the group, forgotten (so it is read again). */
const forget = <S extends FlowFields>(part: Skeleton<S>, state: S): S => ({
	...state,
	[part.read]: undefined,
});

/** The group as read: kept unless it is of a group picked before; the first read puts the start's changes in. */
function loaded<S extends FlowFields, T>(part: Skeleton<S, T>, state: S, value: T): S {
	if (part.groupOf(value) !== state.groupId) return state;
	const next = part.loaded({...state, [part.read]: value, loadProblem: undefined}, value, !state.queued);
	return {...next, queued: true};
}

function review<S extends FlowFields>(part: Skeleton<S>, state: S): S {
	if (state.step !== part.edit || state[part.read] === undefined) return state;
	if (!part.hasChanges(state)) return {...state, problem: t(part.nothing)};
	return part.review ? part.review(state) : {...state, step: 'review', problem: undefined};
}

function back<S extends FlowFields>(part: Skeleton<S>, state: S): S {
	const cleared = {...state, problem: undefined};
	switch (state.step) {
		case part.edit:
			// Leaving drops what is marked: ask first (y drops it, n keeps it), never lose it to one key.
			if (part.hasChanges(state)) return {...cleared, discarding: true};
			return leave(part, cleared);
		case 'review':
			return {...cleared, step: part.edit};
		case 'group':
			return {...cleared, step: 'region'};
		case 'region':
			// Leaving after changes were applied is not a cancel: they stand.
			return {...cleared, status: state.rounds > 0 ? 'left' : 'cancelled'};
		case 'done':
			return {...cleared, status: 'left'};
		case 'applying':
			return state;
		default:
			return part.back ? part.back(cleared) : state;
	}
}

/** The group picked from the list: to the part's screen, with nothing marked and nothing read. */
function pick<S extends FlowFields>(part: Skeleton<S>, state: S, group: SecurityGroupSummary): S {
	const picked = forget(
		part,
		part.drop({...state, step: part.edit, groupId: group.id, loadProblem: undefined, problem: undefined}),
	);
	return part.pick ? part.pick(picked, group) : picked;
}

/** Confirmed on Review: the plan is due to be sent (flow-run.ts sends it and says so with 'sent'). */
const sending = <S extends FlowFields>(state: S, plan: ChangePlan): S => ({
	...state,
	step: 'applying',
	status: 'applying',
	plan,
	due: 'apply',
	calls: plan.calls.map((call) => ({call, state: 'pending', attempt: 0})),
	outcome: undefined,
});

/** The round's outcome is in: Done, with each call as it ended, counted for the group it went to. */
function applied<S extends FlowFields>(state: S, outcome: ChangeOutcome): S {
	const {regionId = '', groupId = ''} = state.plan ?? state;
	const before = state.applied?.groupId === groupId ? state.applied.made : 0;
	const made = before + outcome.outcomes.filter((o) => o.state === 'done').length;
	return {
		...state,
		step: 'done',
		status: 'done',
		outcome,
		calls: withOutcome(state.calls, outcome),
		rounds: state.rounds + 1,
		applied: {regionId, groupId, made},
	};
}

/** The skeleton's actions; any other is the part's. */
function step<S extends FlowFields, A extends {readonly type: string}, T>(
	part: FlowPart<S, A, T>,
	state: S,
	action: A | FlowAction,
): S {
	const flow = action as FlowAction;
	switch (flow.type) {
		case 'region':
			if (state.step !== 'region') return state;
			return {
				...state,
				// The first region of a start that named the group: that group, read in it.
				step: state.groupId && !state.regionId ? part.edit : 'group',
				regionId: flow.regionId,
				...(flow.label ? {regionLabel: flow.label} : {}),
				problem: undefined,
			};
		case 'group':
			return state.step === 'group' ? pick(part, state, flow.group) : state;
		case 'read-failed':
			return {...state, loadProblem: flow.problem};
		case 'review':
			return review(part, state);
		case 'confirm':
			if (state.step !== 'review' || flow.plan.calls.length === 0) return state;
			return sending(state, flow.plan);
		case 'sent':
			return {...state, due: undefined};
		case 'call-event':
			return {...state, calls: withEvent(state.calls, flow.event)};
		case 'applied':
			// Read again: Done shows the group as it is now, not as it was.
			return forget(part, part.drop(applied(state, flow.outcome)));
		case 'more': {
			if (state.step !== 'done') return state;
			const next = {
				...state,
				step: part.edit,
				status: 'editing',
				plan: undefined,
				calls: [],
				problem: undefined,
			};
			return part.reopen ? part.reopen(next) : next;
		}
		case 'back':
			return back(part, state);
		case 'discard':
			return state.discarding ? leave(part, state) : state;
		case 'keep':
			return {...state, discarding: undefined};
		case 'quit':
			return state.step === 'done' ? {...state, status: 'left'} : state;
		case 'cancel':
			return cancelled(state);
		default:
			return part.reduce(state, action as A);
	}
}

/** An ended flow (cancelled or left) still takes the news of the call in flight, and a second Ctrl+C while it stops. */
function afterEnd<S extends FlowFields>(state: S, action: {readonly type: string}): S {
	const news = action as FlowAction;
	if (news.type === 'cancel' && state.stopping) return {...state, forced: true};
	if (news.type === 'sent') return {...state, due: undefined};
	if (news.type === 'call-event') return {...state, calls: withEvent(state.calls, news.event)};
	if (news.type === 'applied')
		return {...state, outcome: news.outcome, calls: withOutcome(state.calls, news.outcome)};
	return state;
}

/**
 * Ctrl+C: while calls run, the one in flight finishes and the rest are skipped; on the result, everything asked for
 * is done, so it just leaves; anywhere else, a cancel.
 */
function cancelled<S extends FlowFields>(state: S): S {
	if (state.status === 'applying') return {...state, status: 'cancelled', stopping: true};
	if (state.step === 'done') return {...state, status: 'left'};
	return {...state, status: 'cancelled'};
}

/** The reducer of a follow-up: the skeleton's steps, the group's read, and the part's actions handed to the part. */
export function flowReducer<S extends FlowFields, A extends {readonly type: string}, T>(
	part: FlowPart<S, A, T>,
): (state: S, action: A | FlowAction) => S {
	return (state, action) => {
		if (state.status === 'cancelled' || state.status === 'left') return afterEnd(state, action);
		// The group's read gets in while calls run and while Esc's question is up.
		if (action.type === part.read)
			return loaded(part, state, (action as unknown as Record<string, T>)[part.read] as T);
		// While calls run only the runner's news and Ctrl+C get in: no key sends a second round.
		if (state.status === 'applying' && !['sent', 'call-event', 'applied', 'cancel'].includes(action.type))
			return state;
		// While the discard question is up only its answer (or Ctrl+C, or news of the group) gets in.
		if (state.discarding && !['discard', 'keep', 'cancel', 'read-failed'].includes(action.type)) return state;
		return step(part, state, action);
	};
}
