// What the two follow-up apps share around their flows: the root that marks the headings in the sandbox, reports
// the one outcome and leaves Ink after the last frame, and the ending of a cancelled run.
import {Box, Text, useApp} from 'ink';
import {type ComponentType, type ReactNode, useEffect, useReducer} from 'react';
import {t} from '../../text/index.js';
import type {CloudData} from '../cloud-data.js';
import {HeadingBadge} from '../components/step-frame.js';
import type {Progress} from './calls.js';
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
	const [ended, setEnded] = useReducer((_: FollowupOutcome | undefined, o: FollowupOutcome) => o, undefined);
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
export function CancelledScreen({
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
