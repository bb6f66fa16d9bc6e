// `ecs-sg instances` as a pure reducer: pick the region and the group, see the instances of its network with the
// groups each is in, select several to add or remove (refused up front with the API's reason when it would
// refuse), review, apply, and see the result. instances-app.tsx runs the effects.
import type {ChangeEvent, ChangeOutcome} from '../../cloud/change-types.js';
import type {Members} from '../../cloud/members.js';
import {type Membership, membershipOf, refusalOf} from '../../domain/membership.js';
import type {GroupType, Instance, SecurityGroupSummary} from '../../domain/model.js';
import type {ChangePlan} from '../../domain/plan-types.js';
import {t} from '../../text/index.js';
import type {Problem} from '../cloud-data.js';
import {assertNever} from '../state.js';
import {afterEnd, applied, cancelled, type Progress, sending, withEvent} from './calls.js';
import type {FollowupStart} from './services.js';

export type InstancesStep = 'region' | 'group' | 'instances' | 'review' | 'applying' | 'done';

export type Selection = {readonly instanceId: string; readonly change: Membership};

export type InstancesState = Progress & {
	readonly step: InstancesStep;
	readonly start: FollowupStart;
	readonly regionId?: string;
	readonly groupId?: string;
	/** The group, its network's instances and groups, as last read (undefined while loading). */
	readonly members?: Members;
	readonly loadProblem?: Problem;
	/** What is to happen, in the order it was chosen. */
	readonly selected: readonly Selection[];
	readonly problem?: string;
	readonly plan?: ChangePlan;
	readonly rounds: number;
	readonly status: 'editing' | 'applying' | 'done' | 'cancelled' | 'left';
	/** The start's selection has been put in (it waits for the group's instances). */
	readonly queued?: boolean;
	/** Esc with instances selected: asking whether to drop the selection before leaving the instances screen. */
	readonly discarding?: boolean;
};

export type InstancesAction =
	| {type: 'region'; regionId: string}
	| {type: 'group'; group: SecurityGroupSummary}
	| {type: 'members'; members: Members}
	| {type: 'members-failed'; problem: Problem}
	| {type: 'toggle'; instanceId: string}
	| {type: 'toggle-all'; instanceIds: readonly string[]}
	| {type: 'review'}
	| {type: 'confirm'; plan: ChangePlan}
	| {type: 'call-event'; event: ChangeEvent}
	| {type: 'applied'; outcome: ChangeOutcome}
	| {type: 'more'}
	| {type: 'back'}
	/** The answer to the question Esc asked with instances selected: drop the selection and leave, or keep it. */
	| {type: 'discard'}
	| {type: 'keep'}
	| {type: 'quit'}
	| {type: 'cancel'};

export function initialInstancesState(start: FollowupStart): InstancesState {
	return {
		step: start.groupId ? 'instances' : start.regionId ? 'group' : 'region',
		start,
		...(start.regionId ? {regionId: start.regionId} : {}),
		...(start.groupId ? {groupId: start.groupId} : {}),
		selected: [],
		calls: [],
		rounds: 0,
		status: 'editing',
	};
}

/** The type of every group the network has, by id. */
export const typesOf = (members: Members): Map<string, GroupType> =>
	new Map(members.groups.map((g) => [g.id, g.type] as const));

/** Members of the group first, then the others; by name, then id, within each. */
export function orderedInstances(members: Members): Instance[] {
	const id = members.group.id;
	return [...members.instances].sort((a, b) => {
		const inA = a.securityGroupIds.includes(id) ? 0 : 1;
		const inB = b.securityGroupIds.includes(id) ? 0 : 1;
		return inA - inB || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
	});
}

/** Why selecting this instance would be refused (undefined when it may be selected). */
export function refusalFor(state: InstancesState, instance: Instance): string | undefined {
	if (!state.members) return undefined;
	return refusalOf(instance, state.members.group, typesOf(state.members));
}

function toggle(state: InstancesState, instanceId: string): InstancesState {
	if (state.selected.some((s) => s.instanceId === instanceId))
		return {
			...state,
			selected: state.selected.filter((s) => s.instanceId !== instanceId),
			problem: undefined,
		};
	const instance = state.members?.instances.find((i) => i.id === instanceId);
	if (!instance || !state.members) return state;
	const refusal = refusalFor(state, instance);
	if (refusal) return {...state, problem: refusal};
	const change = membershipOf(instance, state.members.group.id);
	return {...state, selected: [...state.selected, {instanceId, change}], problem: undefined};
}

/** Selects every listed instance that can join; when all of those already are, clears them instead. */
function toggleAll(state: InstancesState, ids: readonly string[]): InstancesState {
	const members = state.members;
	if (!members) return state;
	const chosen = new Set(state.selected.map((s) => s.instanceId));
	const joinable = members.instances.filter(
		(i) => ids.includes(i.id) && membershipOf(i, members.group.id) === 'join' && !refusalFor(state, i),
	);
	const fresh = joinable.filter((i) => !chosen.has(i.id));
	if (fresh.length === 0) {
		const listed = new Set(ids);
		return {...state, selected: state.selected.filter((s) => !listed.has(s.instanceId)), problem: undefined};
	}
	return {
		...state,
		selected: [...state.selected, ...fresh.map((i): Selection => ({instanceId: i.id, change: 'join'}))],
		problem: joinable.length === 0 ? t('followup.instances.noneCanJoin') : undefined,
	};
}

/**
 * Selects what the flags named: each instance that can make the change; the rest are said in one problem line
 * (an instance already where the flags want it is simply left out).
 */
function preselect(state: InstancesState, wanted: NonNullable<FollowupStart['select']>): InstancesState {
	const members = state.members;
	if (!members) return state;
	const selected = [...state.selected];
	const problems: string[] = [];
	for (const id of wanted.instanceIds) {
		const instance = members.instances.find((i) => i.id === id);
		if (!instance) {
			problems.push(
				t('followup.member.notFound', {id, network: members.group.vpcId || t('followup.group.classic')}),
			);
			continue;
		}
		if (membershipOf(instance, members.group.id) !== wanted.change) continue;
		const refusal = refusalFor(state, instance);
		if (refusal) problems.push(refusal);
		else if (!selected.some((s) => s.instanceId === id))
			selected.push({instanceId: id, change: wanted.change});
	}
	return {
		...state,
		queued: true,
		selected,
		problem: problems.length > 0 ? problems.join(' ') : state.problem,
	};
}

/** Off the instances screen: out of the follow-up when it was opened for one group, else back to the groups. */
function leaveInstances(state: InstancesState): InstancesState {
	const dropped = {...state, selected: [], discarding: undefined};
	if (state.start.fixed) return {...dropped, status: 'left'};
	return {...dropped, step: 'group', members: undefined, loadProblem: undefined};
}

function back(state: InstancesState): InstancesState {
	const cleared = {...state, problem: undefined};
	switch (state.step) {
		case 'review':
			return {...cleared, step: 'instances'};
		case 'instances':
			// Leaving drops the selection: ask first (y drops it, n keeps it), never lose it to one key.
			if (state.selected.length > 0) return {...cleared, discarding: true};
			return leaveInstances(cleared);
		case 'group':
			return {...cleared, step: 'region'};
		case 'region':
			return {...cleared, status: state.rounds > 0 ? 'left' : 'cancelled'};
		case 'done':
			return {...cleared, status: 'left'};
		case 'applying':
			return state;
		default:
			return assertNever(state.step);
	}
}

export function instancesReducer(state: InstancesState, action: InstancesAction): InstancesState {
	if (state.status === 'cancelled' || state.status === 'left') return afterEnd(state, action);
	if (state.status === 'applying' && !['call-event', 'applied', 'cancel', 'members'].includes(action.type))
		return state;
	// While the discard question is up only its answer (or Ctrl+C, or news of the group) gets in.
	if (state.discarding && !['discard', 'keep', 'cancel', 'members', 'members-failed'].includes(action.type))
		return state;
	switch (action.type) {
		case 'region':
			if (state.step !== 'region') return state;
			return {...state, step: 'group', regionId: action.regionId, problem: undefined};
		case 'group':
			if (state.step !== 'group') return state;
			return {
				...state,
				step: 'instances',
				groupId: action.group.id,
				members: undefined,
				loadProblem: undefined,
				selected: [],
				problem: undefined,
			};
		case 'members': {
			if (action.members.group.id !== state.groupId) return state;
			const next: InstancesState = {...state, members: action.members, loadProblem: undefined};
			return state.queued || !state.start.select ? next : preselect(next, state.start.select);
		}
		case 'members-failed':
			return {...state, loadProblem: action.problem};
		case 'toggle':
			if (state.step !== 'instances') return state;
			return toggle(state, action.instanceId);
		case 'toggle-all':
			if (state.step !== 'instances') return state;
			return toggleAll(state, action.instanceIds);
		case 'review':
			if (state.step !== 'instances' || !state.members) return state;
			if (state.selected.length === 0) return {...state, problem: t('followup.instances.nothing')};
			return {...state, step: 'review', problem: undefined};
		case 'confirm':
			if (state.step !== 'review' || action.plan.calls.length === 0) return state;
			return sending(state, action.plan);
		case 'call-event':
			return {...state, calls: withEvent(state.calls, action.event)};
		case 'applied':
			return {
				...applied(state, action.outcome),
				selected: [],
				// Read again, so the result shows each instance's groups as they are now.
				members: undefined,
			};
		case 'more':
			if (state.step !== 'done') return state;
			return {...state, step: 'instances', status: 'editing', plan: undefined, calls: [], problem: undefined};
		case 'back':
			return back(state);
		case 'discard':
			return state.discarding ? leaveInstances(state) : state;
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
