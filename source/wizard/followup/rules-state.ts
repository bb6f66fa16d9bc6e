// `ecs-sg rules` as a pure reducer: the follow-up skeleton (flow-state.ts) with the rules part: see the group's
// rules (inbound and outbound), queue additions (presets or by hand) and removals, and review them against the
// rules as read. No React and no I/O here.
import type {Direction, Rule, SecurityGroupDetail, SecurityGroupSummary} from '../../domain/model.js';
import {peerText} from '../../domain/peers.js';
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
import {assertNever} from '../state.js';
import {type FlowAction, type FlowFields, type FlowPart, flowReducer, initialFlow} from './flow-state.js';
import {duplicateOf, type EditTarget, type RuleEdit, refusal, unchanged} from './rules-edit.js';
import type {FollowupStart} from './services.js';

export type RulesStep =
	| 'region'
	| 'group'
	| 'rules'
	| 'preset'
	| 'manual'
	| 'edit'
	| 'review'
	| 'applying'
	| 'done';

export type RulesState = FlowFields & {
	readonly step: RulesStep;
	readonly group?: SecurityGroupSummary;
	/** The group's rules as last read (undefined while loading). */
	readonly detail?: SecurityGroupDetail;
	/** The tab showing: inbound or outbound. */
	readonly direction: Direction;
	/** Rules to add, in the order they were queued. */
	readonly add: readonly Rule[];
	/** Rule keys (domain/rules.ts ruleKey) of the group's rules to remove. */
	readonly remove: readonly string[];
	/** Rules of the group edited in place (rules-edit.ts), applied after the additions and removals. */
	readonly edits: readonly RuleEdit[];
	/** What the edit form is editing, while it is open. */
	readonly editing?: EditTarget;
	/** The preset picked, while the rule form filled from it is open. */
	readonly preset?: PresetId;
	/** Set on Review: what the change comes to against the rules as read. */
	readonly check?: RuleChangeCheck;
};

/** The rules part's own actions (the skeleton's are in flow-state.ts). */
export type RulesEdit =
	| {type: 'detail'; detail: SecurityGroupDetail}
	| {type: 'direction'; direction?: Direction}
	| {type: 'open'; step: 'preset' | 'manual'}
	| {type: 'preset'; id: PresetId}
	| {type: 'add'; rule: Rule}
	| {type: 'toggle'; index: number}
	/** `e` on a row: open the edit form for it. */
	| {type: 'edit'; index: number}
	/** The edit form's answer. */
	| {type: 'edited'; rule: Rule};

export type RulesAction = FlowAction | RulesEdit;

export function initialRulesState(start: FollowupStart): RulesState {
	return {
		...initialFlow<RulesState>(start, 'rules'),
		...(start.groupId ? {group: placeholderGroup(start.groupId)} : {}),
		direction: 'ingress',
		add: [],
		remove: [],
		edits: [],
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
const summaryOf = (detail: SecurityGroupDetail): SecurityGroupSummary => ({
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
	| {kind: 'current'; rule: GroupRule; removing: boolean; edited?: Rule}
	| {kind: 'added'; rule: Rule; index: number};

/** The rows of the tab showing: the group's rules of that direction, then the additions queued for it. */
export function rowsOf(state: RulesState): RuleRow[] {
	const current = (state.detail?.rules ?? []).filter((r) => r.direction === state.direction);
	const removing = new Set(state.remove);
	return [
		...current.map((rule): RuleRow => {
			const key = ruleKey(rule);
			const edit = state.edits.find((e) => e.key === key);
			return {kind: 'current', rule, removing: removing.has(key), ...(edit ? {edited: edit.edited} : {})};
		}),
		...state.add.flatMap((rule, index): RuleRow[] =>
			rule.direction === state.direction ? [{kind: 'added', rule, index}] : [],
		),
	];
}

export const hasChanges = (state: Pick<RulesState, 'add' | 'remove' | 'edits'>): boolean =>
	state.add.length > 0 || state.remove.length > 0 || state.edits.length > 0;

const ruleText = (rule: Rule): string =>
	`${rule.protocol.toUpperCase()} ${showPorts(rule)} ${peerText(rule.peer)}`;

function addRule(state: RulesState, rule: Rule): RulesState {
	const problem =
		validateRule(rule) ?? validateRuleDescription(rule.description ?? '') ?? refusal(state.group, rule);
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
	// Removing a rule queued for an edit drops the edit: the rule goes as it is.
	if (!isRemovable(row.rule)) {
		return {
			...state,
			problem: t('followup.rules.notRemovable', {
				rule: `${row.rule.protocol.toUpperCase()} ${showPorts(row.rule)}`,
			}),
		};
	}
	return {
		...state,
		remove: [...state.remove, key],
		edits: state.edits.filter((e) => e.key !== key),
		problem: undefined,
	};
}

/** `e` on a row: the form opens on the rule (as edited so far). */
function openEdit(state: RulesState, index: number): RulesState {
	const row = rowsOf(state)[index];
	if (!row) return {...state, problem: t('followup.edit.nothingHere')};
	if (row.kind === 'added') return {...state, step: 'edit', editing: {kind: 'added', index: row.index}};
	if (row.removing) return {...state, problem: t('followup.edit.removing', {rule: ruleText(row.rule)})};
	return {...state, step: 'edit', editing: {kind: 'current', key: ruleKey(row.rule)}, problem: undefined};
}

/** The rule the edit form starts from. */
export function editedRule(state: RulesState): Rule | undefined {
	const target = state.editing;
	if (!target) return undefined;
	if (target.kind === 'added') return state.add[target.index];
	const edit = state.edits.find((e) => e.key === target.key);
	return edit?.edited ?? state.detail?.rules.find((r) => ruleKey(r) === target.key);
}

// The form carries a picked peer whole (its name, another account's owner), so the rule it answers is queued as is.
function applyEdit(state: RulesState, rule: Rule): RulesState {
	const target = state.editing;
	const detail = state.detail;
	if (!target || !detail || !editedRule(state)) return state;
	const problem =
		validateRule(rule) ?? validateRuleDescription(rule.description ?? '') ?? refusal(state.group, rule);
	if (problem) return {...state, problem};
	const closed = {...state, step: 'rules' as const, editing: undefined, problem: undefined};
	if (target.kind === 'added') {
		const key = ruleKey(rule);
		if (state.add.some((r, i) => i !== target.index && ruleKey(r) === key))
			return {...state, problem: t('followup.rules.queuedTwice', {rule: ruleText(rule)})};
		return {...closed, add: state.add.map((r, i) => (i === target.index ? rule : r))};
	}
	const original = detail.rules.find((r) => ruleKey(r) === target.key);
	if (!original) return closed;
	const others = state.edits.filter((e) => e.key !== target.key);
	// Edited back to what the group has: nothing to send for it.
	if (unchanged(original, rule)) return {...closed, edits: others};
	if (duplicateOf(detail, state.edits, target.key, rule))
		return {...state, problem: t('followup.edit.duplicate', {rule: ruleText(rule)})};
	return {...closed, edits: [...others, {key: target.key, rule: original, edited: rule}]};
}

function review(state: RulesState): RulesState {
	if (!state.detail) return state;
	const removing = new Set(state.remove);
	const check = checkRuleChange(
		state.detail.rules,
		{add: state.add, remove: state.detail.rules.filter((r) => removing.has(ruleKey(r)))},
		nicTypeOfGroup(state.detail),
	);
	// An edit done as revoke + authorize adds nothing to the count, so the limit check above stands.
	if (check.problem) return {...state, problem: check.problem};
	return {...state, step: 'review', check, problem: undefined};
}

function edit(state: RulesState, action: Exclude<RulesEdit, {type: 'detail'}>): RulesState {
	switch (action.type) {
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
		case 'edit':
			if (state.step !== 'rules' || !state.detail) return state;
			return openEdit(state, action.index);
		case 'edited':
			if (state.step !== 'edit') return state;
			return applyEdit(state, action.rule);
		default:
			return assertNever(action);
	}
}

export const rulesPart: FlowPart<RulesState, RulesEdit, SecurityGroupDetail> = {
	edit: 'rules',
	initial: initialRulesState,
	read: 'detail',
	groupOf: (detail) => detail.id,
	loaded(state, detail, first) {
		const next = {...state, group: summaryOf(detail)};
		return first && state.start.queue ? queue(next, state.start.queue) : next;
	},
	pick: (state, group) => ({...state, group, direction: 'ingress'}),
	hasChanges,
	drop: (state) => ({...state, add: [], remove: [], edits: [], editing: undefined}),
	nothing: 'followup.rules.nothing',
	review,
	reopen: (state) => ({...state, check: undefined}),
	back(state) {
		if (state.step === 'preset' && state.preset) return {...state, preset: undefined};
		if (state.step === 'edit') return {...state, step: 'rules', editing: undefined};
		return state.step === 'preset' || state.step === 'manual' ? {...state, step: 'rules'} : state;
	},
	reduce: edit,
};

export const rulesReducer = flowReducer(rulesPart);
