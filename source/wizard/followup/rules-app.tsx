// `ecs-sg rules` in a terminal: owns the reducer and its effects (reading the group, running the calls,
// re-reading the result), turns Ctrl+C into a clean stop, and reports one outcome. RulesFlow is the part the
// create wizard's Done screen embeds; RulesApp is the root the command renders.
import {Text, useInput} from 'ink';
import {useEffect, useMemo, useReducer, useRef, useSyncExternalStore} from 'react';
import {applyChanges} from '../../cloud/changes.js';
import {lang, t} from '../../text/index.js';
import {CloudData} from '../cloud-data.js';
import {useTerminalSize} from '../use-terminal-size.js';
import {type FollowupAppProps, FollowupRoot, StoppedAfterCalls, safe} from './app-root.js';
import {GroupPick, type Position, RegionPick} from './pickers.js';
import {initialRulesState, type RulesState, rulesReducer} from './rules-state.js';
import {
	ApplyingScreen,
	ManualScreen,
	PresetScreen,
	RulesDone,
	RulesReview,
	RulesScreen,
} from './rules-steps.js';
import type {FollowupOutcome, FollowupServices, FollowupStart, StopRequests} from './services.js';
import {useLoad} from './use-load.js';

/** The outcome once the flow has ended; undefined while it runs (or waits for the call in flight). */
export function rulesOutcome(state: RulesState): FollowupOutcome | undefined {
	if (state.status === 'cancelled') {
		if (state.stopping && !state.outcome && !state.forced) return undefined;
		return {status: 'cancelled', ...(state.outcome ? {outcome: state.outcome} : {})};
	}
	if (state.status !== 'left') return undefined;
	if (state.rounds > 0 && state.outcome && state.regionId && state.group)
		return {status: 'applied', regionId: state.regionId, groupId: state.group.id, outcome: state.outcome};
	return {status: 'left'};
}

const steps = ['region', 'group', 'rules', 'review'] as const;

function positionOf(state: RulesState, step: (typeof steps)[number], shown: ReadonlySet<string>): Position {
	// Steps a flag (or the create) answered are not counted, "Step 1 of 2" when only the rules are left to do,
	// until the person goes back to one: from then on it is counted, so the numbers never run backwards.
	const counted = steps.filter(
		(s) =>
			shown.has(s) || (!(s === 'region' && state.start.regionId) && !(s === 'group' && state.start.groupId)),
	);
	return {index: Math.max(1, counted.indexOf(step) + 1), total: counted.length};
}

export type RulesFlowProps = {
	readonly services: FollowupServices;
	readonly start: FollowupStart;
	readonly onFinish: (outcome: FollowupOutcome) => void;
	/** Shared with the create wizard when embedded (its region list is already loaded). */
	readonly data?: CloudData;
	/** Stop signals, taken like Ctrl+C: while calls run, the one in flight finishes first. */
	readonly interrupts?: StopRequests;
};

export function RulesFlow({services, start, onFinish, data: shared, interrupts}: RulesFlowProps) {
	const size = useTerminalSize();
	const {api} = services;
	const data = useMemo(
		() => shared ?? new CloudData(api, services.settings, lang() === 'zh' ? 'zh-CN' : 'en-US'),
		[shared, api, services.settings],
	);
	useSyncExternalStore(data.subscribe, data.getVersion);
	useEffect(() => (shared ? undefined : () => data.dispose()), [data, shared]);

	const [state, dispatch] = useReducer(rulesReducer, start, initialRulesState);
	const shown = useRef(new Set<string>());
	shown.current.add(state.step);
	const {regionId} = state;
	const groupId = state.group?.id;

	useEffect(() => interrupts?.(() => dispatch({type: 'cancel'})), [interrupts]);
	useInput((input, key) => {
		if (key.ctrl && input === 'c') dispatch({type: 'cancel'});
		else if (state.step === 'done' && state.status === 'done') {
			if (input === 'm') dispatch({type: 'more'});
			else if (key.return || key.escape || input === 'q') dispatch({type: 'quit'});
		}
	});

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
			if (plan.regionId) services.settings?.remember({regionId: plan.regionId});
		} catch {
			// Remembering the region is a convenience.
		}
		void applyChanges(api, plan.calls, (event) => dispatch({type: 'call-event', event}), stop.signal).then(
			(outcome) => dispatch({type: 'applied', outcome}),
		);
	}, [state, api, services.settings, stop]);

	const finished = useRef(false);
	const outcome = rulesOutcome(state);
	useEffect(() => {
		if (!outcome || finished.current) return;
		finished.current = true;
		onFinish(outcome);
	}, [outcome, onFinish]);

	if (state.status === 'cancelled') {
		if (state.stopping && !outcome) return <ApplyingScreen state={state} />;
		if (state.calls.length > 0)
			return (
				<StoppedAfterCalls finished={state.outcome !== undefined}>
					<ApplyingScreen state={state} />
				</StoppedAfterCalls>
			);
		return <Text color="yellow">{t('followup.cancelled')}</Text>;
	}
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
					position={positionOf(state, 'region', shown.current)}
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
					position={positionOf(state, 'group', shown.current)}
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
					position={positionOf(state, 'rules', shown.current)}
					onReload={reload}
				/>
			);
		case 'preset':
			return <PresetScreen state={state} dispatch={dispatch} size={size} />;
		case 'manual':
			return <ManualScreen state={state} dispatch={dispatch} size={size} />;
		case 'review':
			return (
				<RulesReview
					state={state}
					dispatch={dispatch}
					size={size}
					position={positionOf(state, 'review', shown.current)}
				/>
			);
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
