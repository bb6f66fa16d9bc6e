// `ecs-sg rules` as a pure reducer: pick the region and the group, see its rules (inbound and outbound), queue
// additions (presets or by hand) and removals, review, apply, and see the result. No React and no I/O here:
// rules-app.tsx turns keys into actions and runs the effects.
import type {ChangeEvent, ChangeOutcome} from '../../cloud/change-types.js';
import type {Direction, Rule, SecurityGroupDetail, SecurityGroupSummary} from '../../domain/model.js';
import {peerText} from '../../domain/peers.js';
import type {ChangePlan} from '../../domain/plan-types.js';
import type {PresetId} from '../../domain/presets.js';
import {
	checkRuleChange,
	type GroupRule,
	isRemovable,
	nicTypeOfGroup,
	type RuleChangeCheck,
	rulesMatching,
} from '../../domain/rule-change.js';
import {ruleKey, showPorts, uniqueRules, validateRule} from '../../domain/rules.js';
import {validateRuleDescription} from '../../domain/validators.js';
import {t} from '../../text/index.js';
import type {Problem} from '../cloud-data.js';
import {assertNever} from '../state.js';
import {afterEnd, applied, type CallView, cancelled, type Progress, sending, withEvent} from './calls.js';
import type {FollowupStart} from './services.js';

export type RulesStep = 'region' | 'group' | 'rules' | 'preset' | 'manual' | 'review' | 'applying' | 'done';

export type RulesState = Progress & {
	readonly step: RulesStep;
	readonly start: FollowupStart;
	readonly regionId?: string;
	readonly regionLabel?: string;
	readonly group?: SecurityGroupSummary;
	/** The group's rules as last read (undefined while loading). */
	readonly detail?: SecurityGroupDetail;
	readonly loadProblem?: Problem;
	/** The tab showing: inbound or outbound. */
	readonly direction: Direction;
	/** Rules to add, in the order they were queued. */
	readonly add: readonly Rule[];
	/** Rule keys (domain/rules.ts ruleKey) of the group's rules to remove. */
	readonly remove: readonly string[];
	/** The preset picked, while its source (or destination) is being asked. */
	readonly preset?: PresetId;
	readonly problem?: string;
	/** Set on Review: what the change comes to against the rules as read. */
	readonly check?: RuleChangeCheck;
	readonly plan?: ChangePlan;
	/** Every round applied so far, the latest last. */
	readonly rounds: number;
	readonly status: 'editing' | 'applying' | 'done' | 'cancelled' | 'left';
	/** The start's queue has been put in (it waits for the group's rules). */
	readonly queued?: boolean;
	/** Esc with changes queued: asking whether to discard them before leaving the rules screen. */
	readonly discarding?: boolean;
};

export type RulesAction =
	| {type: 'region'; regionId: string; label?: string}
	| {type: 'group'; group: SecurityGroupSummary}
	| {type: 'detail'; detail: SecurityGroupDetail}
	| {type: 'detail-failed'; problem: Problem}
	| {type: 'direction'; direction?: Direction}
	| {type: 'open'; step: 'preset' | 'manual'}
	| {type: 'preset'; id: PresetId}
	| {type: 'add'; rule: Rule}
	| {type: 'toggle'; index: number}
	| {type: 'review'}
	| {type: 'confirm'; plan: ChangePlan}
	| {type: 'call-event'; event: ChangeEvent}
	| {type: 'applied'; outcome: ChangeOutcome}
	| {type: 'more'}
	| {type: 'back'}
	/** The answer to the question Esc asked with changes queued: discard them and leave, or keep them. */
	| {type: 'discard'}
	| {type: 'keep'}
	| {type: 'quit'}
	| {type: 'cancel'};

export function initialRulesState(start: FollowupStart): RulesState {
	const step: RulesStep = start.groupId ? 'rules' : start.regionId ? 'group' : 'region';
	return {
		step,
		start,
		...(start.regionId ? {regionId: start.regionId} : {}),
		...(start.groupId ? {group: placeholderGroup(start.groupId)} : {}),
		direction: 'ingress',
		add: [],
		remove: [],
		calls: [],
		rounds: 0,
		status: 'editing',
	};
}

/** A group known only by its id (from a flag) until its attributes are read. */
const placeholderGroup = (id: string): SecurityGroupSummary => ({
	id,
	name: '',
	description: '',
	vpcId: '',
	type: 'normal',
	creationTime: '',
	resourceGroupId: '',
	tags: [],
});

/** The summary part of a group's attributes. */
export const summaryOf = (detail: SecurityGroupDetail): SecurityGroupSummary => ({
	id: detail.id,
	name: detail.name,
	description: detail.description,
	vpcId: detail.vpcId,
	type: detail.type,
	creationTime: detail.creationTime,
	resourceGroupId: detail.resourceGroupId,
	tags: detail.tags,
});

/** One row of the rules screen: a rule of the group (maybe marked for removal) or a queued addition. */
export type RuleRow =
	| {kind: 'current'; rule: GroupRule; removing: boolean}
	| {kind: 'added'; rule: Rule; index: number};

/** The rows of the tab showing: the group's rules of that direction, then the additions queued for it. */
export function rowsOf(state: RulesState): RuleRow[] {
	const current = (state.detail?.rules ?? []).filter((r) => r.direction === state.direction);
	const removing = new Set(state.remove);
	return [
		...current.map((rule): RuleRow => ({kind: 'current', rule, removing: removing.has(ruleKey(rule))})),
		...state.add.flatMap((rule, index): RuleRow[] =>
			rule.direction === state.direction ? [{kind: 'added', rule, index}] : [],
		),
	];
}

export const hasChanges = (state: Pick<RulesState, 'add' | 'remove'>): boolean =>
	state.add.length > 0 || state.remove.length > 0;

const ruleText = (rule: Rule): string =>
	`${rule.protocol.toUpperCase()} ${showPorts(rule)} ${peerText(rule.peer)}`;

function addRule(state: RulesState, rule: Rule): RulesState {
	const problem = validateRule(rule) ?? validateRuleDescription(rule.description ?? '');
	if (problem) return {...state, problem};
	const key = ruleKey(rule);
	if (state.add.some((r) => ruleKey(r) === key))
		return {...state, problem: t('followup.rules.queuedTwice', {rule: ruleText(rule)})};
	// Adding back a rule queued for removal just keeps it.
	if (state.remove.includes(key)) {
		return {
			...state,
			step: 'rules',
			direction: rule.direction,
			remove: state.remove.filter((k) => k !== key),
			preset: undefined,
			problem: undefined,
		};
	}
	return {
		...state,
		step: 'rules',
		direction: rule.direction,
		add: [...state.add, rule],
		preset: undefined,
		problem: undefined,
	};
}

/**
 * Puts the flags' changes in: additions as they are (Review tells which already exist), removals as the rules
 * of the group they match, whatever their policy and priority. A removal that matches nothing is said.
 */
function queue(state: RulesState, wanted: NonNullable<FollowupStart['queue']>): RulesState {
	const rules = state.detail?.rules ?? [];
	const add = uniqueRules([...state.add, ...wanted.add]);
	const remove = [...state.remove];
	const missing: string[] = [];
	for (const spec of wanted.remove) {
		const found = rulesMatching(rules, spec);
		if (found.length === 0) missing.push(ruleText(spec));
		for (const rule of found) if (!remove.includes(ruleKey(rule))) remove.push(ruleKey(rule));
	}
	const direction = wanted.add[0]?.direction ?? wanted.remove[0]?.direction ?? state.direction;
	return {
		...state,
		queued: true,
		add,
		remove,
		direction,
		problem: missing.length > 0 ? t('followup.rules.noMatch', {rules: missing.join(', ')}) : state.problem,
	};
}

function toggle(state: RulesState, index: number): RulesState {
	const row = rowsOf(state)[index];
	if (!row) return state;
	if (row.kind === 'added') {
		return {...state, add: state.add.filter((_, i) => i !== row.index), problem: undefined};
	}
	const key = ruleKey(row.rule);
	if (row.removing) return {...state, remove: state.remove.filter((k) => k !== key), problem: undefined};
	if (!isRemovable(row.rule)) {
		return {
			...state,
			problem: t('followup.rules.notRemovable', {
				rule: `${row.rule.protocol.toUpperCase()} ${showPorts(row.rule)}`,
			}),
		};
	}
	return {...state, remove: [...state.remove, key], problem: undefined};
}

function review(state: RulesState): RulesState {
	if (!state.detail) return state;
	if (!hasChanges(state)) return {...state, problem: t('followup.rules.nothing')};
	const removing = new Set(state.remove);
	const check = checkRuleChange(
		state.detail.rules,
		{add: state.add, remove: state.detail.rules.filter((r) => removing.has(ruleKey(r)))},
		nicTypeOfGroup(state.detail),
	);
	if (check.problem) return {...state, problem: check.problem};
	return {...state, step: 'review', check, problem: undefined};
}

/** Off the rules screen: out of the follow-up when it was opened for one group, else back to the group list. */
function leaveRules(state: RulesState): RulesState {
	const dropped = {...state, add: [], remove: [], discarding: undefined};
	if (state.start.fixed) return {...dropped, status: 'left'};
	return {...dropped, step: 'group', detail: undefined, loadProblem: undefined};
}

function back(state: RulesState): RulesState {
	const cleared = {...state, problem: undefined};
	switch (state.step) {
		case 'preset':
			return state.preset ? {...cleared, preset: undefined} : {...cleared, step: 'rules'};
		case 'manual':
		case 'review':
			return {...cleared, step: 'rules'};
		case 'rules':
			// Leaving drops what is queued: ask first (y discards, n keeps), never lose it to one key.
			if (hasChanges(state)) return {...cleared, discarding: true};
			return leaveRules(cleared);
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
			return assertNever(state.step);
	}
}

export function rulesReducer(state: RulesState, action: RulesAction): RulesState {
	if (state.status === 'cancelled' || state.status === 'left') return afterEnd(state, action);
	// While calls run only the runner's news and Ctrl+C get in, so no key can send a second round.
	if (state.status === 'applying' && !['call-event', 'applied', 'cancel', 'detail'].includes(action.type))
		return state;
	// While the discard question is up only its answer (or Ctrl+C, or news of the group) gets in.
	if (state.discarding && !['discard', 'keep', 'cancel', 'detail', 'detail-failed'].includes(action.type))
		return state;
	switch (action.type) {
		case 'region':
			if (state.step !== 'region') return state;
			return {
				...state,
				step: 'group',
				regionId: action.regionId,
				...(action.label ? {regionLabel: action.label} : {}),
				problem: undefined,
			};
		case 'group':
			if (state.step !== 'group') return state;
			return {
				...state,
				step: 'rules',
				group: action.group,
				detail: undefined,
				loadProblem: undefined,
				add: [],
				remove: [],
				direction: 'ingress',
				problem: undefined,
			};
		case 'detail': {
			const {detail} = action;
			if (state.group && detail.id !== state.group.id) return state;
			const next: RulesState = {...state, detail, loadProblem: undefined, group: summaryOf(detail)};
			return state.queued || !state.start.queue ? next : queue(next, state.start.queue);
		}
		case 'detail-failed':
			return {...state, loadProblem: action.problem};
		case 'direction':
			if (state.step !== 'rules') return state;
			return {
				...state,
				direction: action.direction ?? (state.direction === 'ingress' ? 'egress' : 'ingress'),
				problem: undefined,
			};
		case 'open':
			if (state.step !== 'rules' || !state.detail) return state;
			return {...state, step: action.step, preset: undefined, problem: undefined};
		case 'preset':
			if (state.step !== 'preset') return state;
			return {...state, preset: action.id, problem: undefined};
		case 'add':
			if (state.step !== 'preset' && state.step !== 'manual') return state;
			return addRule(state, action.rule);
		case 'toggle':
			if (state.step !== 'rules') return state;
			return toggle(state, action.index);
		case 'review':
			if (state.step !== 'rules') return state;
			return review(state);
		case 'confirm':
			if (state.step !== 'review' || action.plan.calls.length === 0) return state;
			return sending(state, action.plan);
		case 'call-event':
			return {...state, calls: withEvent(state.calls, action.event)};
		case 'applied':
			return {
				...applied(state, action.outcome),
				add: [],
				remove: [],
				// Read again: the Done screen shows the rules as they are now, not as they were.
				detail: undefined,
			};
		case 'more':
			if (state.step !== 'done') return state;
			return {
				...state,
				step: 'rules',
				status: 'editing',
				check: undefined,
				plan: undefined,
				calls: [],
				problem: undefined,
			};
		case 'back':
			return back(state);
		case 'discard':
			return state.discarding ? leaveRules(state) : state;
		case 'keep':
			return {...state, discarding: undefined};
		case 'quit':
			return state.step === 'done' ? {...state, status: 'left'} : state;
		case 'cancel':
			return cancelled(state);
		default:
			return assertNever(action);
	}
}

export type {CallView};
