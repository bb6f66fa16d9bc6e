// The frame of a part's own screen, the same for every follow-up: the group line, the read's failure, the
// question Esc asks with changes marked (y drops them, n keeps them; DiscardQuestion says it), and the keys as the screen is (the
// question's, the part's once the group is read, else retry and Esc).
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {SecurityGroupSummary} from '../../domain/model.js';
import {t} from '../../text/index.js';
import {WrapText} from '../components/fit-text.js';
import {useKeys} from '../components/key-chunk.js';
import type {Hint} from '../components/key-hints.js';
import {StepFrame} from '../components/step-frame.js';
import type {FlowAction, FlowFields} from './flow-state.js';
import {GroupLine} from './group-line.js';
import type {Position} from './pickers.js';

export function EditFrame({
	state,
	dispatch,
	title,
	purpose,
	position,
	group,
	read,
	ready,
	keys,
	children,
}: {
	readonly state: FlowFields;
	readonly dispatch: (action: FlowAction) => void;
	readonly title: string;
	readonly purpose: string;
	readonly position: Position;
	readonly group: SecurityGroupSummary | undefined;
	/** What the screen shows of the group has been read. */
	readonly read: boolean;
	/** The screen takes the part's keys. */
	readonly ready: boolean;
	/** The part's keys (Esc is added here). */
	readonly keys: readonly Hint[];
	/** What is shown while the group is read (the read's failure is shown here instead). */
	readonly children: ReactNode;
}) {
	// Only the answer counts until it is given.
	useKeys(
		(input, key) => {
			if (input === 'y') dispatch({type: 'discard'});
			else if (input === 'n' || key.escape) dispatch({type: 'keep'});
		},
		{isActive: state.discarding === true},
	);
	const esc: Hint = ['Esc', state.start.fixed ? t('followup.keys.leave') : t('wizard.keys.back')];
	const hints: readonly Hint[] = state.discarding
		? [
				['y', t('followup.keys.discard')],
				['n', t('followup.keys.keep')],
			]
		: ready
			? [...keys, esc]
			: [...(state.loadProblem ? ([['r', t('wizard.keys.retry')]] as Hint[]) : []), esc];
	const failed = state.loadProblem && !read;
	return (
		<StepFrame title={title} position={position} purpose={purpose} problem={state.problem} hints={hints}>
			{group ? <GroupLine group={group} regionId={state.regionId ?? ''} /> : null}
			{failed ? (
				<Box flexDirection="column">
					<Text color="red">{state.loadProblem?.sentence}</Text>
					{state.loadProblem?.next ? <Text>{state.loadProblem.next}</Text> : null}
				</Box>
			) : (
				children
			)}
		</StepFrame>
	);
}

/** Esc's question, while it is up: what it would drop (`leave` when the flow was opened for one group, else `back`). */
export function DiscardQuestion({
	state,
	text,
}: {
	readonly state: FlowFields;
	readonly text: (ending: 'leave' | 'back') => string;
}) {
	return state.discarding ? (
		<WrapText color="yellow">{text(state.start.fixed ? 'leave' : 'back')}</WrapText>
	) : null;
}
