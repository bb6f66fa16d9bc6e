// `ecs-sg instances` as a pure reducer: the follow-up skeleton (flow-state.ts) with the instances part: see the
// instances of the group's network with the groups each is in, and select several to add or remove (refused up
// front with the API's reason when it would refuse).
import type {Members} from '../../cloud/members.js';
import {type Membership, membershipOf, refusalOf} from '../../domain/membership.js';
import type {GroupType, Instance} from '../../domain/model.js';
import {t} from '../../text/index.js';
import {type FlowAction, type FlowFields, type FlowPart, flowReducer, initialFlow} from './flow-state.js';
import type {FollowupStart} from './services.js';

type InstancesStep = 'region' | 'group' | 'instances' | 'review' | 'applying' | 'done';

export type Selection = {readonly instanceId: string; readonly change: Membership};

export type InstancesState = FlowFields & {
	readonly step: InstancesStep;
	/** The group, its network's instances and groups, as last read (undefined while loading). */
	readonly members?: Members;
	/** What is to happen, in the order it was chosen. */
	readonly selected: readonly Selection[];
};

/** The instances part's own actions (the skeleton's are in flow-state.ts). */
export type InstancesEdit =
	| {type: 'members'; members: Members}
	| {type: 'toggle'; instanceId: string}
	| {type: 'toggle-all'; instanceIds: readonly string[]};

export type InstancesAction = FlowAction | InstancesEdit;

export function initialInstancesState(start: FollowupStart): InstancesState {
	return {...initialFlow<InstancesState>(start, 'instances'), selected: []};
}

/** The type of every group the network has, by id. */
const typesOf = (members: Members): Map<string, GroupType> =>
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
 * The instances the flags name, against the network as read: those that can make `change`, those already where
 * the flags want them, and a problem for each that is not in the network or would be refused (in the flags' order).
 */
export function sortWanted(members: Members, ids: readonly string[], change: Membership) {
	const {group} = members;
	const types = typesOf(members);
	const sorted = {ready: [] as string[], already: [] as string[], problems: [] as string[]};
	for (const id of ids) {
		const instance = members.instances.find((i) => i.id === id);
		if (!instance) {
			sorted.problems.push(
				t('followup.member.notFound', {id, network: group.vpcId || t('followup.group.classic')}),
			);
			continue;
		}
		if (membershipOf(instance, group.id) !== change) {
			sorted.already.push(id);
			continue;
		}
		const refusal = refusalOf(instance, group, types, change);
		if (refusal) sorted.problems.push(refusal);
		else sorted.ready.push(id);
	}
	return sorted;
}

/**
 * Selects what the flags named: each instance that can make the change; the rest are said in one problem line
 * (an instance already where the flags want it is simply left out).
 */
function preselect(
	state: InstancesState,
	members: Members,
	{change, instanceIds}: NonNullable<FollowupStart['select']>,
): InstancesState {
	const {ready, problems} = sortWanted(members, instanceIds, change);
	const fresh = ready.filter((id) => !state.selected.some((s) => s.instanceId === id));
	return {
		...state,
		selected: [...state.selected, ...fresh.map((instanceId): Selection => ({instanceId, change}))],
		problem: problems.length > 0 ? problems.join(' ') : state.problem,
	};
}

function edit(state: InstancesState, action: Exclude<InstancesEdit, {type: 'members'}>): InstancesState {
	if (state.step !== 'instances') return state;
	return action.type === 'toggle' ? toggle(state, action.instanceId) : toggleAll(state, action.instanceIds);
}

export const instancesPart: FlowPart<InstancesState, InstancesEdit, Members> = {
	edit: 'instances',
	initial: initialInstancesState,
	read: 'members',
	groupOf: (members) => members.group.id,
	loaded: (state, members, first) =>
		first && state.start.select ? preselect(state, members, state.start.select) : state,
	hasChanges: (state) => state.selected.length > 0,
	drop: (state) => ({...state, selected: []}),
	nothing: 'followup.instances.nothing',
	reduce: edit,
};

export const instancesReducer = flowReducer(instancesPart);
