// What a follow-up does beside its screens, for whichever part it runs: the region list, the step numbers, the
// group's read, Ctrl+C and the Done keys, sending the plan the state says is due (remembering its region),
// stopping it, and reporting the one outcome. The cloud calls come from the services (injected by commands/).
import {useEffect, useMemo, useRef, useSyncExternalStore} from 'react';
import {lang} from '../../text/index.js';
import {CloudData, useLoad} from '../cloud-data.js';
import {useKeys} from '../components/key-chunk.js';
import type {FlowAction, FlowFields} from './flow-state.js';
import type {Position} from './pickers.js';
import type {FollowupOutcome, FollowupServices, StopRequests} from './services.js';

/** The outcome once the flow has ended; undefined while it runs (or waits for the call in flight). */
export function flowOutcome(state: FlowFields): FollowupOutcome | undefined {
	if (state.status === 'cancelled') {
		if (state.stopping && !state.outcome && !state.forced) return undefined;
		return {status: 'cancelled', ...(state.outcome ? {outcome: state.outcome} : {})};
	}
	if (state.status !== 'left') return undefined;
	const {applied, outcome} = state;
	if (state.rounds > 0 && outcome && applied)
		return {status: 'applied', regionId: applied.regionId, groupId: applied.groupId, outcome};
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
export function useStepPositions(steps: readonly string[], state: FlowFields): (step: string) => Position {
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
 * Reads what the part's screen shows of the group once it is picked, and again after every round of changes;
 * each answer (or failure) goes to the reducer. Returns the retry.
 */
export function useGroupRead<T, A>(
	state: FlowFields,
	dispatch: (action: A | FlowAction) => void,
	read: (regionId: string, groupId: string) => Promise<T>,
	field: string,
): () => void {
	const {regionId, groupId} = state;
	const wanted = regionId && groupId && state.step !== 'region' && state.step !== 'group';
	const {load, reload} = useLoad(wanted ? `${regionId}|${groupId}|${state.rounds}` : undefined, () =>
		read(regionId ?? '', groupId ?? ''),
	);
	useEffect(() => {
		// The read comes as the action named after the field that keeps it (flow-state.ts FlowPart.read).
		if (load?.state === 'ready') dispatch({type: field, [field]: load.value} as A);
		else if (load?.state === 'failed') dispatch({type: 'read-failed', problem: load.problem});
	}, [load, dispatch, field]);
	return reload;
}

/**
 * Runs what every flow does beside its screens: stop requests and Ctrl+C cancel, m / Enter / Esc / q on Done,
 * the plan the state says is due is sent (its region remembered), a stop aborts what is left, and `outcome` is
 * reported when the flow ends.
 */
export function useFlowRun({
	state,
	dispatch,
	services,
	outcome,
	onFinish,
	interrupts,
}: {
	readonly state: FlowFields;
	readonly dispatch: (action: FlowAction) => void;
	readonly services: FollowupServices;
	readonly outcome: FollowupOutcome | undefined;
	readonly onFinish: (outcome: FollowupOutcome) => void;
	readonly interrupts?: StopRequests | undefined;
}): void {
	useEffect(() => interrupts?.(() => dispatch({type: 'cancel'})), [interrupts, dispatch]);
	useKeys((input, key) => {
		if (key.ctrl && input === 'c') dispatch({type: 'cancel'});
		else if (state.step === 'done' && state.status === 'done') {
			if (input === 'm') dispatch({type: 'more'});
			else if (key.return || key.escape || input === 'q') dispatch({type: 'quit'});
		}
	});

	const stop = useMemo(() => new AbortController(), []);
	useEffect(() => {
		if (state.status === 'cancelled' && state.stopping) stop.abort();
	}, [state.status, state.stopping, stop]);
	const {plan} = state;
	const due = state.status === 'applying' && state.due === 'apply' ? plan : undefined;
	useEffect(() => {
		if (!due) return;
		dispatch({type: 'sent'});
		try {
			if (due.regionId) services.settings?.remember({regionId: due.regionId});
		} catch {
			// Remembering the region is a convenience.
		}
		void services
			.apply(due.calls, (event) => dispatch({type: 'call-event', event}), stop.signal)
			.then((result) => dispatch({type: 'applied', outcome: result}));
	}, [due, services, stop, dispatch]);

	useEffect(() => {
		if (outcome) onFinish(outcome);
	}, [outcome, onFinish]);
}
