// `ecs-sg instances` in a terminal: owns the reducer and its effects (reading the group's network, running the
// joins and leaves, reading the result), turns Ctrl+C into a clean stop, and reports one outcome. InstancesFlow
// is what the create wizard's Done screen embeds; InstancesApp is the root the command renders.
import {Text} from 'ink';
import {useEffect, useReducer} from 'react';
import {readMembers} from '../../cloud/members.js';
import {t} from '../../text/index.js';
import {useTerminalSize} from '../use-terminal-size.js';
import {
	CancelledScreen,
	type FollowupAppProps,
	type FollowupFlowProps,
	FollowupRoot,
	safe,
} from './app-root.js';
import {type InstancesState, initialInstancesState, instancesReducer} from './instances-state.js';
import {InstancesApplying, InstancesDone, InstancesReview, InstancesScreen} from './instances-steps.js';
import {GroupPick, RegionPick} from './pickers.js';
import type {FollowupOutcome} from './services.js';
import {flowOutcome, useFlowData, useFlowRun, useStepPositions} from './use-flow.js';
import {useLoad} from './use-load.js';

export const instancesOutcome = (state: InstancesState): FollowupOutcome | undefined =>
	flowOutcome(state, state.groupId);

const steps = ['region', 'group', 'instances', 'review'] as const;

export type InstancesFlowProps = FollowupFlowProps;

export function InstancesFlow({services, start, onFinish, data: shared, interrupts}: InstancesFlowProps) {
	const size = useTerminalSize();
	const {api} = services;
	const data = useFlowData(services, shared);
	const [state, dispatch] = useReducer(instancesReducer, start, initialInstancesState);
	const positionOf = useStepPositions(steps, state);
	const {regionId, groupId} = state;
	const outcome = instancesOutcome(state);
	useFlowRun({state, dispatch, services, outcome, onFinish, interrupts});

	const wanted = regionId && groupId && state.step !== 'region' && state.step !== 'group';
	const {load, reload} = useLoad(wanted ? `${regionId}|${groupId}|${state.rounds}` : undefined, () =>
		readMembers(api, regionId ?? '', groupId ?? ''),
	);
	useEffect(() => {
		if (load?.state === 'ready') dispatch({type: 'members', members: load.value});
		else if (load?.state === 'failed') dispatch({type: 'members-failed', problem: load.problem});
	}, [load]);

	if (state.status === 'cancelled')
		return (
			<CancelledScreen state={state} outcome={outcome}>
				<InstancesApplying state={state} />
			</CancelledScreen>
		);
	if (state.status === 'left')
		return state.step === 'done' ? <InstancesDone state={state} final /> : <Text>{t('followup.left')}</Text>;
	switch (state.step) {
		case 'region':
			return (
				<RegionPick
					data={data}
					size={size}
					position={positionOf('region')}
					purpose={t('followup.region.purpose')}
					initial={state.regionId}
					lastUsed={safe(() => services.settings?.lastRegion())}
					profileRegion={services.defaultRegion}
					onPick={(id) => dispatch({type: 'region', regionId: id})}
					onBack={() => dispatch({type: 'back'})}
				/>
			);
		case 'group':
			return (
				<GroupPick
					api={api}
					regionId={regionId ?? ''}
					size={size}
					position={positionOf('group')}
					purpose={t('followup.group.purposeInstances')}
					initial={state.start.groupId ?? state.groupId}
					onPick={(group) => dispatch({type: 'group', group})}
					onBack={() => dispatch({type: 'back'})}
				/>
			);
		case 'instances':
			return (
				<InstancesScreen
					state={state}
					dispatch={dispatch}
					size={size}
					position={positionOf('instances')}
					onReload={reload}
					sandbox={services.sandbox === true}
				/>
			);
		case 'review':
			return (
				<InstancesReview state={state} dispatch={dispatch} size={size} position={positionOf('review')} />
			);
		case 'applying':
			return <InstancesApplying state={state} />;
		case 'done':
			return <InstancesDone state={state} />;
	}
}

export type InstancesAppProps = FollowupAppProps;

/** The root `ecs-sg instances` renders: the flow, then exit with its outcome. */
export function InstancesApp(props: InstancesAppProps) {
	return <FollowupRoot flow={InstancesFlow} {...props} />;
}
