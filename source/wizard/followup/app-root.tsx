// What the two follow-up apps share around their flows: the root that marks the headings in the sandbox, reports
// the one outcome and leaves Ink after the last frame, and the ending of a run stopped while calls ran.
import {Box, Text, useApp} from 'ink';
import {type ComponentType, type ReactNode, useEffect, useReducer} from 'react';
import {t} from '../../text/index.js';
import {HeadingBadge} from '../components/step-frame.js';
import type {FollowupOutcome, FollowupServices, FollowupStart, StopRequests} from './services.js';

export type FollowupAppProps = {
	readonly services: FollowupServices;
	readonly start: FollowupStart;
	readonly onExit?: (outcome: FollowupOutcome) => void;
	readonly interrupts?: StopRequests;
};

type FlowProps = {
	readonly services: FollowupServices;
	readonly start: FollowupStart;
	readonly onFinish: (outcome: FollowupOutcome) => void;
	readonly interrupts?: StopRequests;
};

/** Renders `flow`, then exits with its outcome (from an effect, so its last frame is drawn first). */
export function FollowupRoot({
	flow: Flow,
	services,
	start,
	onExit,
	interrupts,
}: FollowupAppProps & {readonly flow: ComponentType<FlowProps>}) {
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

/** Stopped while calls ran: the calls stay on screen, each with what became of it, and what that means. */
export function StoppedAfterCalls({
	finished,
	children,
}: {
	readonly finished: boolean;
	readonly children: ReactNode;
}) {
	return (
		<Box flexDirection="column">
			{children}
			<Text color="yellow">{t(finished ? 'followup.cancelledAfterCalls' : 'followup.flags.quitNow')}</Text>
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
