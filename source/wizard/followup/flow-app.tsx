// The one follow-up app: the skeleton's screens (region, group, cancelled, left) and effects around the parts that
// differ (what is read of the group, the part's screen, its review, its result), given as a FlowKind by
// rules-app.tsx and instances-app.tsx; and the root that marks the headings in the sandbox, reports the one
// outcome and leaves Ink after the last frame.
import {Box, Text, useApp} from 'ink';
import {type ComponentType, type Dispatch, type ReactNode, useEffect, useMemo, useReducer} from 'react';
import {t} from '../../text/index.js';
import type {CloudData} from '../cloud-data.js';
import {HeadingBadge} from '../components/step-frame.js';
import {type TerminalSize, useTerminalSize} from '../use-terminal-size.js';
import type {Progress} from './calls.js';
import {flowOutcome, useFlowData, useFlowRun, useGroupRead, useStepPositions} from './flow-run.js';
import {type FlowAction, type FlowFields, type FlowPart, flowReducer} from './flow-state.js';
import {GroupPick, type Position, RegionPick} from './pickers.js';
import type {FollowupOutcome, FollowupServices, FollowupStart, StopRequests} from './services.js';

export type FollowupAppProps = {
	readonly services: FollowupServices;
	readonly start: FollowupStart;
	readonly onExit?: (outcome: FollowupOutcome) => void;
	readonly interrupts?: StopRequests;
};

/** What a flow takes, from the root here or from the create wizard's Done screen that embeds it. */
export type FollowupFlowProps = {
	readonly services: FollowupServices;
	readonly start: FollowupStart;
	readonly onFinish: (outcome: FollowupOutcome) => void;
	/** Shared with the create wizard when embedded (its region list is already loaded). */
	readonly data?: CloudData;
	/** Stop signals, taken like Ctrl+C: while calls run, the one in flight finishes first. */
	readonly interrupts?: StopRequests;
};

/** Renders `flow`, then exits with its outcome (from an effect, so its last frame is drawn first). */
export function FollowupRoot({
	flow: Flow,
	services,
	start,
	onExit,
	interrupts,
}: FollowupAppProps & {readonly flow: ComponentType<FollowupFlowProps>}) {
	const {exit} = useApp();
	// The first outcome is the run's: news that comes after it (a second Ctrl+C) does not end the run twice.
	const [ended, setEnded] = useReducer(
		(first: FollowupOutcome | undefined, o: FollowupOutcome) => first ?? o,
		undefined,
	);
	useEffect(() => {
		if (!ended) return;
		onExit?.(ended);
		exit();
	}, [ended, onExit, exit]);
	return (
		<HeadingBadge.Provider value={services.sandbox ? t('wizard.badge.sandbox') : undefined}>
			<Flow services={services} start={start} onFinish={setEnded} {...(interrupts ? {interrupts} : {})} />
		</HeadingBadge.Provider>
	);
}

/**
 * A cancelled flow: the calls as they run while the one in flight finishes; once stopped after calls, the calls
 * stay on screen, each with what became of it, and what that means; cancelled before any, one line.
 */
function CancelledScreen({
	state,
	outcome,
	children,
}: {
	readonly state: Progress;
	readonly outcome: FollowupOutcome | undefined;
	/** The flow's applying screen. */
	readonly children: ReactNode;
}) {
	if (state.stopping && !outcome) return <>{children}</>;
	if (state.calls.length === 0) return <Text color="yellow">{t('followup.cancelled')}</Text>;
	return (
		<Box flexDirection="column">
			{children}
			<Text color="yellow">
				{t(state.outcome !== undefined ? 'followup.cancelledAfterCalls' : 'followup.flags.quitNow')}
			</Text>
		</Box>
	);
}

/** A settings read that may fail (an unreadable file): no value rather than no screen. */
export function safe<T>(read: () => T): T | undefined {
	try {
		return read();
	} catch {
		return undefined;
	}
}

/** What a part's screens are given. */
type PartProps<S, A> = {
	readonly state: S;
	readonly dispatch: Dispatch<A | FlowAction>;
	readonly size: TerminalSize;
};

/** The part's own screen (and any step of its own, such as the rules' preset and manual forms). */
export type EditProps<S, A> = PartProps<S, A> & {
	readonly position: Position;
	readonly onReload: () => void;
	readonly services: FollowupServices;
	/** The region's lists (the rule form picks group and prefix-list peers from them). */
	readonly data: CloudData;
};

/** The screens of a part: its own (where the later parts, group peers and editing a rule in place, plug in), its
 * review, its calls running and its result. */
type PartScreens<S, A> = {
	readonly Edit: ComponentType<EditProps<S, A>>;
	readonly Review: ComponentType<PartProps<S, A> & {readonly position: Position}>;
	readonly Applying: ComponentType<{readonly state: S}>;
	readonly Done: ComponentType<{readonly state: S; readonly size: TerminalSize; readonly final?: boolean}>;
};

/** What makes a follow-up of the skeleton: its part (flow-state.ts), what it reads of the group, its screens. */
export type FlowKind<S extends FlowFields, A extends {readonly type: string}, T> = {
	readonly part: FlowPart<S, A, T>;
	/** The group list's purpose line. */
	readonly groupPurpose: () => string;
	readonly read: (services: FollowupServices) => (regionId: string, groupId: string) => Promise<T>;
	readonly screens: PartScreens<S, A>;
};

/** A follow-up of `kind`, from the region to the result. */
export function FollowupFlow<S extends FlowFields, A extends {readonly type: string}, T>({
	kind,
	services,
	start,
	onFinish,
	data: shared,
	interrupts,
}: FollowupFlowProps & {readonly kind: FlowKind<S, A, T>}) {
	const size = useTerminalSize();
	const data = useFlowData(services, shared);
	const reducer = useMemo(() => flowReducer(kind.part), [kind.part]);
	const [state, dispatch] = useReducer(reducer, start, kind.part.initial);
	const positionOf = useStepPositions(['region', 'group', kind.part.edit, 'review'], state);
	const outcome = flowOutcome(state);
	useFlowRun({state, dispatch, services, outcome, onFinish, interrupts});
	const onReload = useGroupRead(state, dispatch, kind.read(services), kind.part.read);
	const {Edit, Review, Applying, Done} = kind.screens;
	const back = () => dispatch({type: 'back'});

	if (state.status === 'cancelled')
		return (
			<CancelledScreen state={state} outcome={outcome}>
				<Applying state={state} />
			</CancelledScreen>
		);
	if (state.status === 'left')
		return state.step === 'done' ? (
			<Done state={state} size={size} final />
		) : (
			<Text>
				{state.applied?.made
					? t('followup.leftApplied', {id: state.applied.groupId, count: state.applied.made})
					: t('followup.left')}
			</Text>
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
					onBack={back}
				/>
			);
		case 'group':
			return (
				<GroupPick
					api={services.api}
					regionId={state.regionId ?? ''}
					size={size}
					position={positionOf('group')}
					purpose={kind.groupPurpose()}
					problem={state.problem}
					initial={state.start.groupId ?? state.groupId}
					onPick={(group) => dispatch({type: 'group', group})}
					onBack={back}
				/>
			);
		case 'review':
			return <Review state={state} dispatch={dispatch} size={size} position={positionOf('review')} />;
		case 'applying':
			return <Applying state={state} />;
		case 'done':
			return <Done state={state} size={size} />;
		default:
			return (
				<Edit
					state={state}
					dispatch={dispatch}
					size={size}
					position={positionOf(kind.part.edit)}
					onReload={onReload}
					services={services}
					data={data}
				/>
			);
	}
}
