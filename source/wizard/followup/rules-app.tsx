// `ecs-sg rules` in a terminal: owns the reducer and its effects (reading the group, running the calls,
// re-reading the result), turns Ctrl+C into a clean stop, and reports one outcome. RulesFlow is the part the
// create wizard's Done screen embeds; RulesApp is the root the command renders.
import {Text} from 'ink';
import {useEffect, useReducer} from 'react';
import {t} from '../../text/index.js';
import {useTerminalSize} from '../use-terminal-size.js';
import {
	CancelledScreen,
	type FollowupAppProps,
	type FollowupFlowProps,
	FollowupRoot,
	safe,
} from './app-root.js';
import {GroupPick, RegionPick} from './pickers.js';
import {initialRulesState, type RulesState, rulesReducer} from './rules-state.js';
import {
	ApplyingScreen,
	ManualScreen,
	PresetScreen,
	RulesDone,
	RulesReview,
	RulesScreen,
} from './rules-steps.js';
import type {FollowupOutcome} from './services.js';
import {flowOutcome, useFlowData, useFlowRun, useStepPositions} from './use-flow.js';
import {useLoad} from './use-load.js';

/** The outcome once the flow has ended; undefined while it runs (or waits for the call in flight). */
export const rulesOutcome = (state: RulesState): FollowupOutcome | undefined =>
	flowOutcome(state, state.group?.id);

const steps = ['region', 'group', 'rules', 'review'] as const;

export type RulesFlowProps = FollowupFlowProps;

export function RulesFlow({services, start, onFinish, data: shared, interrupts}: RulesFlowProps) {
	const size = useTerminalSize();
	const {api} = services;
	const data = useFlowData(services, shared);
	const [state, dispatch] = useReducer(rulesReducer, start, initialRulesState);
	const positionOf = useStepPositions(steps, state);
	const {regionId} = state;
	const groupId = state.group?.id;
	const outcome = rulesOutcome(state);
	useFlowRun({state, dispatch, services, outcome, onFinish, interrupts});

	// The group's rules: read when it is picked, and again after every round of changes.
	const wanted = regionId && groupId && state.step !== 'region' && state.step !== 'group';
	const {load: detailLoad, reload} = useLoad(
		wanted ? `${regionId}|${groupId}|${state.rounds}` : undefined,
		() => api.describeSecurityGroupAttribute(regionId ?? '', groupId ?? ''),
	);
	useEffect(() => {
		if (detailLoad?.state === 'ready') dispatch({type: 'detail', detail: detailLoad.value});
		else if (detailLoad?.state === 'failed') dispatch({type: 'detail-failed', problem: detailLoad.problem});
	}, [detailLoad]);

	if (state.status === 'cancelled')
		return (
			<CancelledScreen state={state} outcome={outcome}>
				<ApplyingScreen state={state} />
			</CancelledScreen>
		);
	if (state.status === 'left')
		return state.step === 'done' ? (
			<RulesDone state={state} size={size} final />
		) : (
			<Text>{t('followup.left')}</Text>
		);
	switch (state.step) {
		case 'region':
			return (
				<RegionPick
					data={data}
					size={size}
					position={positionOf('region')}
					purpose={t('followup.region.purpose')}
					problem={state.problem}
					initial={state.regionId}
					lastUsed={safe(() => services.settings?.lastRegion())}
					profileRegion={services.defaultRegion}
					onPick={(id, label) => dispatch({type: 'region', regionId: id, label})}
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
					purpose={t('followup.group.purposeRules')}
					problem={state.problem}
					initial={state.start.groupId ?? state.group?.id}
					onPick={(group) => dispatch({type: 'group', group})}
					onBack={() => dispatch({type: 'back'})}
				/>
			);
		case 'rules':
			return (
				<RulesScreen
					state={state}
					dispatch={dispatch}
					size={size}
					position={positionOf('rules')}
					onReload={reload}
				/>
			);
		case 'preset':
			return <PresetScreen state={state} dispatch={dispatch} size={size} />;
		case 'manual':
			return <ManualScreen state={state} dispatch={dispatch} size={size} />;
		case 'review':
			return <RulesReview state={state} dispatch={dispatch} size={size} position={positionOf('review')} />;
		case 'applying':
			return <ApplyingScreen state={state} />;
		case 'done':
			return <RulesDone state={state} size={size} />;
	}
}

export type RulesAppProps = FollowupAppProps;

/** The root `ecs-sg rules` renders: the flow, then exit with its outcome. */
export function RulesApp(props: RulesAppProps) {
	return <FollowupRoot flow={RulesFlow} {...props} />;
}
