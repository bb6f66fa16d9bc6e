// The skeleton both follow-up flows share around their own reducer and screens: the region list, the step
// numbers, Ctrl+C and the Done keys, sending the plan once, stopping it, and reporting the one outcome.
import {useInput} from 'ink';
import {useEffect, useMemo, useRef, useSyncExternalStore} from 'react';
import type {ChangeEvent, ChangeOutcome} from '../../cloud/change-types.js';
import {applyChanges} from '../../cloud/changes.js';
import {lang} from '../../text/index.js';
import {CloudData} from '../cloud-data.js';
import type {FlowState} from './calls.js';
import type {Position} from './pickers.js';
import type {FollowupOutcome, FollowupServices, StopRequests} from './services.js';

/** The actions both reducers take from the shared effects. */
export type FlowAction =
	| {type: 'cancel'}
	| {type: 'more'}
	| {type: 'quit'}
	| {type: 'call-event'; event: ChangeEvent}
	| {type: 'applied'; outcome: ChangeOutcome};

/** The outcome once the flow has ended; undefined while it runs (or waits for the call in flight). */
export function flowOutcome(state: FlowState, groupId: string | undefined): FollowupOutcome | undefined {
	if (state.status === 'cancelled') {
		if (state.stopping && !state.outcome && !state.forced) return undefined;
		return {status: 'cancelled', ...(state.outcome ? {outcome: state.outcome} : {})};
	}
	if (state.status !== 'left') return undefined;
	if (state.rounds > 0 && state.outcome && state.regionId && groupId)
		return {status: 'applied', regionId: state.regionId, groupId, outcome: state.outcome};
	return {status: 'left'};
}

/** The region list: the create wizard's when embedded (already loaded), else one of the flow's own. */
export function useFlowData(services: FollowupServices, shared: CloudData | undefined): CloudData {
	const {api, settings} = services;
	const data = useMemo(
		() => shared ?? new CloudData(api, settings, lang() === 'zh' ? 'zh-CN' : 'en-US'),
		[shared, api, settings],
	);
	useSyncExternalStore(data.subscribe, data.getVersion);
	useEffect(() => (shared ? undefined : () => data.dispose()), [data, shared]);
	return data;
}

/** "Step i of n" for each of `steps`, as the flow is now (see the comment inside). */
export function useStepPositions<Step extends string>(
	steps: readonly Step[],
	state: FlowState,
): (step: Step) => Position {
	const shown = useRef(new Set<string>());
	shown.current.add(state.step);
	const seen = shown.current;
	return (step) => {
		// Steps a flag (or the create) answered are not counted, "Step 1 of 2" when only the rules are left to
		// do, until the person goes back to one: from then on it is counted, so the numbers never run backwards.
		const counted = steps.filter(
			(s) =>
				seen.has(s) || (!(s === 'region' && state.start.regionId) && !(s === 'group' && state.start.groupId)),
		);
		return {index: Math.max(1, counted.indexOf(step) + 1), total: counted.length};
	};
}

/**
 * Runs what both flows do beside their screens: stop requests and Ctrl+C cancel, m / Enter / Esc / q on Done,
 * the plan is sent once when the state starts applying (remembering its region), a stop aborts what is left,
 * and `outcome` is reported once.
 */
export function useFlowRun({
	state,
	dispatch,
	services,
	outcome,
	onFinish,
	interrupts,
}: {
	readonly state: FlowState;
	readonly dispatch: (action: FlowAction) => void;
	readonly services: FollowupServices;
	readonly outcome: FollowupOutcome | undefined;
	readonly onFinish: (outcome: FollowupOutcome) => void;
	readonly interrupts?: StopRequests | undefined;
}): void {
	const {api, settings} = services;
	useEffect(() => interrupts?.(() => dispatch({type: 'cancel'})), [interrupts, dispatch]);
	useInput((input, key) => {
		if (key.ctrl && input === 'c') dispatch({type: 'cancel'});
		else if (state.step === 'done' && state.status === 'done') {
			if (input === 'm') dispatch({type: 'more'});
			else if (key.return || key.escape || input === 'q') dispatch({type: 'quit'});
		}
	});

	const stop = useMemo(() => new AbortController(), []);
	const sent = useRef<unknown>(undefined);
	useEffect(() => {
		if (state.status === 'cancelled' && state.stopping) stop.abort();
	}, [state.status, state.stopping, stop]);
	const {plan} = state;
	const applying = state.status === 'applying';
	useEffect(() => {
		if (!applying || !plan || sent.current === plan) return;
		sent.current = plan;
		try {
			if (plan.regionId) settings?.remember({regionId: plan.regionId});
		} catch {
			// Remembering the region is a convenience.
		}
		void applyChanges(api, plan.calls, (event) => dispatch({type: 'call-event', event}), stop.signal).then(
			(result) => dispatch({type: 'applied', outcome: result}),
		);
	}, [applying, plan, api, settings, stop, dispatch]);

	const finished = useRef(false);
	useEffect(() => {
		if (!outcome || finished.current) return;
		finished.current = true;
		onFinish(outcome);
	}, [outcome, onFinish]);
}
