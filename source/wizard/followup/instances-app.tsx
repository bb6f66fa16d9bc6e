// `ecs-sg instances` in a terminal: owns the reducer and its effects (reading the group's network, running the
// joins and leaves, reading the result), turns Ctrl+C into a clean stop, and reports one outcome. InstancesFlow
// is what the create wizard's Done screen embeds; InstancesApp is the root the command renders.
import {Text, useInput} from 'ink';
import {useEffect, useMemo, useReducer, useRef, useSyncExternalStore} from 'react';
import {applyChanges} from '../../cloud/changes.js';
import {readMembers} from '../../cloud/members.js';
import {lang, t} from '../../text/index.js';
import {CloudData} from '../cloud-data.js';
import {useTerminalSize} from '../use-terminal-size.js';
import {type FollowupAppProps, FollowupRoot, StoppedAfterCalls, safe} from './app-root.js';
import {type InstancesState, initialInstancesState, instancesReducer} from './instances-state.js';
import {InstancesApplying, InstancesDone, InstancesReview, InstancesScreen} from './instances-steps.js';
import {GroupPick, type Position, RegionPick} from './pickers.js';
import type {FollowupOutcome, FollowupServices, FollowupStart, StopRequests} from './services.js';
import {useLoad} from './use-load.js';

export function instancesOutcome(state: InstancesState): FollowupOutcome | undefined {
	if (state.status === 'cancelled') {
		if (state.stopping && !state.outcome && !state.forced) return undefined;
		return {status: 'cancelled', ...(state.outcome ? {outcome: state.outcome} : {})};
	}
	if (state.status !== 'left') return undefined;
	if (state.rounds > 0 && state.outcome && state.regionId && state.groupId)
		return {status: 'applied', regionId: state.regionId, groupId: state.groupId, outcome: state.outcome};
	return {status: 'left'};
}

const steps = ['region', 'group', 'instances', 'review'] as const;

function positionOf(
	state: InstancesState,
	step: (typeof steps)[number],
	shown: ReadonlySet<string>,
): Position {
	// Steps a flag (or the create) answered are not counted, "Step 1 of 2" when only the rules are left to do,
	// until the person goes back to one: from then on it is counted, so the numbers never run backwards.
	const counted = steps.filter(
		(s) =>
			shown.has(s) || (!(s === 'region' && state.start.regionId) && !(s === 'group' && state.start.groupId)),
	);
	return {index: Math.max(1, counted.indexOf(step) + 1), total: counted.length};
}

export type InstancesFlowProps = {
	readonly services: FollowupServices;
	readonly start: FollowupStart;
	readonly onFinish: (outcome: FollowupOutcome) => void;
	readonly data?: CloudData;
	/** Stop signals, taken like Ctrl+C: while calls run, the one in flight finishes first. */
	readonly interrupts?: StopRequests;
};

export function InstancesFlow({services, start, onFinish, data: shared, interrupts}: InstancesFlowProps) {
	const size = useTerminalSize();
	const {api} = services;
	const data = useMemo(
		() => shared ?? new CloudData(api, services.settings, lang() === 'zh' ? 'zh-CN' : 'en-US'),
		[shared, api, services.settings],
	);
	useSyncExternalStore(data.subscribe, data.getVersion);
	useEffect(() => (shared ? undefined : () => data.dispose()), [data, shared]);

	const [state, dispatch] = useReducer(instancesReducer, start, initialInstancesState);
	const shown = useRef(new Set<string>());
	shown.current.add(state.step);
	const {regionId, groupId} = state;

	useEffect(() => interrupts?.(() => dispatch({type: 'cancel'})), [interrupts]);
	useInput((input, key) => {
		if (key.ctrl && input === 'c') dispatch({type: 'cancel'});
		else if (state.step === 'done' && state.status === 'done') {
			if (input === 'm') dispatch({type: 'more'});
			else if (key.return || key.escape || input === 'q') dispatch({type: 'quit'});
		}
	});

	const wanted = regionId && groupId && state.step !== 'region' && state.step !== 'group';
	const {load, reload} = useLoad(wanted ? `${regionId}|${groupId}|${state.rounds}` : undefined, () =>
		readMembers(api, regionId ?? '', groupId ?? ''),
	);
	useEffect(() => {
		if (load?.state === 'ready') dispatch({type: 'members', members: load.value});
		else if (load?.state === 'failed') dispatch({type: 'members-failed', problem: load.problem});
	}, [load]);

	const stop = useMemo(() => new AbortController(), []);
	const sent = useRef<unknown>(undefined);
	useEffect(() => {
		if (state.status === 'cancelled' && state.stopping) stop.abort();
	}, [state.status, state.stopping, stop]);
	useEffect(() => {
		const {plan} = state;
		if (state.status !== 'applying' || !plan || sent.current === plan) return;
		sent.current = plan;
		try {
			services.settings?.remember({regionId: plan.regionId});
		} catch {
			// Remembering the region is a convenience.
		}
		void applyChanges(api, plan.calls, (event) => dispatch({type: 'call-event', event}), stop.signal).then(
			(outcome) => dispatch({type: 'applied', outcome}),
		);
	}, [state, api, services.settings, stop]);

	const finished = useRef(false);
	const outcome = instancesOutcome(state);
	useEffect(() => {
		if (!outcome || finished.current) return;
		finished.current = true;
		onFinish(outcome);
	}, [outcome, onFinish]);

	if (state.status === 'cancelled') {
		if (state.stopping && !outcome) return <InstancesApplying state={state} />;
		if (state.calls.length > 0)
			return (
				<StoppedAfterCalls finished={state.outcome !== undefined}>
					<InstancesApplying state={state} />
				</StoppedAfterCalls>
			);
		return <Text color="yellow">{t('followup.cancelled')}</Text>;
	}
	if (state.status === 'left')
		return state.step === 'done' ? <InstancesDone state={state} final /> : <Text>{t('followup.left')}</Text>;
	switch (state.step) {
		case 'region':
			return (
				<RegionPick
					data={data}
					size={size}
					position={positionOf(state, 'region', shown.current)}
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
					position={positionOf(state, 'group', shown.current)}
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
					position={positionOf(state, 'instances', shown.current)}
					onReload={reload}
					sandbox={services.sandbox === true}
				/>
			);
		case 'review':
			return (
				<InstancesReview
					state={state}
					dispatch={dispatch}
					size={size}
					position={positionOf(state, 'review', shown.current)}
				/>
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
