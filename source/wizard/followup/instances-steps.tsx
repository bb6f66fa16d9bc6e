// The screens of `ecs-sg instances` after the group is picked: the instances of its network (multi-select),
// the review, and the result.
import {Box, Text} from 'ink';
import {type Dispatch, useMemo, useState} from 'react';
import {planMembership, statusText} from '../../domain/membership.js';
import type {Instance, SecurityGroupSummary} from '../../domain/model.js';
import {cleanLine, t, table} from '../../text/index.js';
import {FilterList, type ListItem} from '../components/filter-list.js';
import {FitText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {useKeys} from '../components/key-chunk.js';
import {Spinner} from '../components/spinner.js';
import {TypedFilter, useTypeAhead} from '../components/type-ahead.js';
import type {TerminalSize} from '../use-terminal-size.js';
import {DoneFrame, ReviewFrame, type Tally} from './call-list.js';
import {DiscardQuestion, EditFrame} from './edit-frame.js';
import type {EditProps} from './flow-app.js';
import {
	type InstancesAction,
	type InstancesEdit,
	type InstancesState,
	orderedInstances,
	refusalFor,
	type Selection,
} from './instances-state.js';
import type {Position} from './pickers.js';

type ScreenProps = {
	readonly state: InstancesState;
	readonly dispatch: Dispatch<InstancesAction>;
	readonly size: TerminalSize;
};

const markOf = (selection: Selection | undefined): string =>
	selection ? (selection.change === 'join' ? '[+]' : '[-]') : '[ ]';

/** The groups an instance is in, by name where known: `web (sg-…), default (sg-…)`. */
function groupsText(instance: Instance, groups: readonly SecurityGroupSummary[]): string {
	return instance.securityGroupIds
		.map((id) => {
			const name = cleanLine(groups.find((g) => g.id === id)?.name ?? '');
			return name ? `${name} (${cleanLine(id)})` : cleanLine(id);
		})
		.join(', ');
}

function instanceItems(state: InstancesState): ListItem[] {
	const members = state.members;
	if (!members) return [];
	const chosen = new Map(state.selected.map((s) => [s.instanceId, s] as const));
	return orderedInstances(members).map((i) => {
		const name = cleanLine(i.name) || t('wizard.vpc.unnamed');
		const id = cleanLine(i.id);
		const inGroup = i.securityGroupIds.includes(members.group.id);
		return {
			key: i.id,
			cells: [markOf(chosen.get(i.id)), name, id, statusText(i.status), cleanLine(i.privateIp) || '-'],
			search: `${name} ${id} ${cleanLine(i.privateIp)} ${statusText(i.status)}`,
			mark: inGroup
				? t('followup.instances.member', {count: i.securityGroupIds.length})
				: t('followup.instances.groups', {count: i.securityGroupIds.length}),
		};
	});
}

/** The instances of the group's network to select from, with the groups of the one highlighted. */
function InstanceList({state, dispatch, size, query}: ScreenProps & {readonly query: string}) {
	const items = useMemo(() => instanceItems(state), [state]);
	const [highlighted, setHighlighted] = useState<string | undefined>();
	const members = state.members;
	if (!members) return null;
	const current = members.instances.find((i) => i.id === highlighted);
	const refusal = current ? refusalFor(state, current) : undefined;
	const joining = state.selected.filter((s) => s.change === 'join').length;
	const leaving = state.selected.length - joining;
	return (
		<Box flexDirection="column">
			<FilterList
				items={items}
				keepWhole={1}
				height={Math.max(3, size.rows - 14)}
				width={size.columns}
				initialQuery={query}
				isActive={!state.discarding}
				onHighlight={(item) => setHighlighted(item?.key)}
				onToggle={(item) => dispatch({type: 'toggle', instanceId: item.key})}
				onToggleAll={(shown) => dispatch({type: 'toggle-all', instanceIds: shown.map((i) => i.key)})}
				onSelect={() => dispatch({type: 'review'})}
				onBack={() => dispatch({type: 'back'})}
			/>
			{current ? (
				<FitText dimColor>
					{t('followup.instances.inGroups', {
						id: current.id,
						groups: groupsText(current, members.groups) || '-',
					})}
				</FitText>
			) : null}
			{refusal && !state.problem ? <FitText color="yellow">{`${glyphs.bullet} ${refusal}`}</FitText> : null}
			<DiscardQuestion
				state={state}
				text={(ending) =>
					t(ending === 'leave' ? 'followup.instances.discardLeave' : 'followup.instances.discardBack', {
						joining,
						leaving,
					})
				}
			/>
			<Text dimColor>{t('followup.instances.pending', {joining, leaving})}</Text>
		</Box>
	);
}

export function InstancesScreen({
	state,
	dispatch,
	size,
	position,
	onReload,
	services,
}: EditProps<InstancesState, InstancesEdit>) {
	const members = state.members;
	const listing = members !== undefined && members.instances.length > 0;
	// Typed while the list loads: kept, and the list opens filtered by it.
	const typed = useTypeAhead(!members && !state.loadProblem, {spaceSelects: true});
	useKeys(
		(input, key) => {
			if (key.escape) {
				if (typed.query !== '') typed.clear();
				else dispatch({type: 'back'});
			} else if (input === 'r' && state.loadProblem) onReload();
		},
		{isActive: !listing},
	);
	let body: React.ReactNode;
	if (!members) {
		body = (
			<Box flexDirection="column">
				<TypedFilter query={typed.query} />
				<Spinner label={t('followup.instances.loading', {id: state.groupId ?? ''})} />
			</Box>
		);
	} else if (!listing) {
		body = (
			<Box flexDirection="column">
				<Text color="yellow">
					{members.group.vpcId
						? t('followup.instances.noneVpc', {vpc: members.group.vpcId})
						: t('followup.instances.noneClassic', {region: state.regionId ?? ''})}
				</Text>
				{services.sandbox ? <Text>{t('followup.instances.sandboxSeed')}</Text> : null}
			</Box>
		);
	} else {
		body = <InstanceList state={state} dispatch={dispatch} size={size} query={typed.query} />;
	}
	return (
		<EditFrame
			{...{state, dispatch, position}}
			title={t('followup.instances.title')}
			purpose={t('followup.instances.purpose')}
			group={members?.group}
			read={members !== undefined}
			ready={listing}
			keys={[
				['Space', t('followup.keys.select')],
				['Ctrl+A', t('followup.keys.selectAll')],
				['Enter', t('followup.keys.review')],
				[t('wizard.keys.typeKey'), t('wizard.keys.filter')],
			]}
		>
			{body}
		</EditFrame>
	);
}

/** `name  i-…  10.0.0.5` lines of the selected instances of one kind of change. */
function selectionLines(state: InstancesState, change: Selection['change']): string[] {
	const members = state.members;
	if (!members) return [];
	const rows = state.selected
		.filter((s) => s.change === change)
		.map((s) => {
			const instance = members.instances.find((i) => i.id === s.instanceId);
			return [
				cleanLine(instance?.name ?? '') || t('wizard.vpc.unnamed'),
				cleanLine(s.instanceId),
				cleanLine(instance?.privateIp ?? ''),
			];
		});
	return table(rows);
}

export function InstancesReview({state, dispatch, position}: ScreenProps & {readonly position: Position}) {
	const {members, regionId, groupId} = state;
	const joins = selectionLines(state, 'join');
	const leaves = selectionLines(state, 'leave');
	return (
		<ReviewFrame
			state={state}
			purpose={t('followup.review.purposeInstances')}
			position={position}
			group={members?.group}
			dispatch={dispatch}
			plan={
				members && regionId && groupId
					? () =>
							planMembership(
								{regionId, groupId},
								state.selected.map((s) => ({instanceId: s.instanceId, change: s.change})),
							)
					: undefined
			}
		>
			{joins.length > 0 ? (
				<Box flexDirection="column">
					<Text bold>{t('followup.review.joining', {count: joins.length})}</Text>
					{joins.map((line) => (
						<FitText key={line} color="green">{`  + ${line}`}</FitText>
					))}
				</Box>
			) : null}
			{leaves.length > 0 ? (
				<Box flexDirection="column">
					<Text bold>{t('followup.review.leaving', {count: leaves.length})}</Text>
					{leaves.map((line) => (
						<FitText key={line} color="red">{`  - ${line}`}</FitText>
					))}
				</Box>
			) : null}
		</ReviewFrame>
	);
}

/** What a round came to, in words: joined, left, already so, refused. */
function membershipTallies(calls: InstancesState['calls']): Tally[] {
	const count = (kind: 'join' | 'leave', state: string) =>
		calls.filter((c) => c.call.kind === kind && c.state === state).length;
	return [
		['followup.done.joined', count('join', 'done'), true],
		['followup.done.left', count('leave', 'done'), true],
		['followup.done.already', count('join', 'unchanged') + count('leave', 'unchanged'), true],
		[
			'followup.done.notChanged',
			calls.filter((c) => c.state === 'failed' || c.state === 'skipped').length,
			false,
		],
	];
}

export function InstancesDone({
	state,
	final = false,
}: {
	readonly state: InstancesState;
	readonly final?: boolean;
}) {
	const members = state.members;
	const rows = members
		? orderedInstances(members)
				.filter((i) => i.securityGroupIds.includes(members.group.id))
				.map((i) => [cleanLine(i.name) || t('wizard.vpc.unnamed'), cleanLine(i.id), cleanLine(i.privateIp)])
		: [];
	return (
		<DoneFrame state={state} tallies={membershipTallies(state.calls)} group={members?.group} final={final}>
			{members ? (
				<Box flexDirection="column">
					<Text bold>{t('followup.done.membersNow', {count: rows.length})}</Text>
					{rows.length === 0 ? (
						<Text dimColor>{`  ${t('followup.done.noMembers')}`}</Text>
					) : (
						table(rows).map((line) => <FitText key={line}>{`  ${line}`}</FitText>)
					)}
				</Box>
			) : undefined}
		</DoneFrame>
	);
}
