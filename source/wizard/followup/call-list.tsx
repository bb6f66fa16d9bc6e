// The end of a follow-up round, the same for every part: its Review frame, the calls as they run, and Done.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {CloudError} from '../../cloud/errors.js';
import type {SecurityGroupSummary} from '../../domain/model.js';
import {actionOf, type ChangePlan} from '../../domain/plan-types.js';
import {cleanLine, type MessageKey, rulesCount, t} from '../../text/index.js';
import {CallLines, callProgress} from '../components/call-lines.js';
import {glyphs} from '../components/glyphs.js';
import {useKeys} from '../components/key-chunk.js';
import {KeyHints} from '../components/key-hints.js';
import {Spinner} from '../components/spinner.js';
import {StepFrame} from '../components/step-frame.js';
import type {CallView, Progress} from './calls.js';
import type {FlowAction, FlowFields} from './flow-state.js';
import {GroupLine} from './group-line.js';
import type {Position} from './pickers.js';

/** `AuthorizeSecurityGroup (3 rules)` or `JoinSecurityGroup i-…`: the call as the API names it. */
function callLabel(view: CallView): string {
	const {call} = view;
	const action = actionOf(call);
	if ('input' in call)
		return `${action} ${t('wizard.submit.rules', {rules: rulesCount(call.input.rules.length)})}`;
	return `${action} ${cleanLine(call.instanceId)}`;
}

function callStateText(view: CallView): string {
	if (view.state === 'unchanged')
		return view.call.kind === 'join' ? t('followup.call.alreadyIn') : t('followup.call.alreadyOut');
	if (view.state === 'skipped') return t('followup.call.skipped');
	return callProgress({...view, state: view.state});
}

/** A call's identity among the calls of a plan (its ClientToken, or the instance it moves). */
const callKey = (view: CallView, index: number): string =>
	'input' in view.call
		? (view.call.input.clientToken ?? `${view.call.kind}-${index}`)
		: `${view.call.kind}-${view.call.instanceId}`;

/** One line per call with its state, and each failure's reason. */
export const CallList = ({calls}: {readonly calls: readonly CallView[]}) => (
	<CallLines
		lines={calls.map((view, i) => ({
			key: callKey(view, i),
			text: `${callLabel(view)}  ${callStateText(view)}`,
			state: view.state,
			...(view.state === 'failed' && view.error ? {why: refusalText(view.error)} : {}),
		}))}
	/>
);

/** The API's refusal in the person's words: the known membership codes get their own sentence. */
function refusalText(error: CloudError): string {
	const known: Record<string, Parameters<typeof t>[0]> = {
		'InvalidOperation.MultiGroupType': 'followup.refused.multiGroupType',
		InstanceSecurityGroupLimitExceeded: 'followup.refused.limit',
		InstanceLastSecurityGroup: 'followup.refused.last',
		'InvalidInstanceId.Mismatch': 'followup.refused.otherVpc',
		IncorrectInstanceStatus: 'followup.refused.status',
		AuthorizationLimitExceed: 'followup.refused.ruleLimit',
	};
	const key = known[error.code];
	const sentence = key ? `${t(key)} (${error.code})` : cleanLine(error.sentence);
	return error.next && !key ? `${sentence} ${cleanLine(error.next)}` : sentence;
}

/** The calls while they run (after Ctrl+C, saying that the one in flight finishes first), under `children`. */
export function CallsRunning({state, children}: {readonly state: Progress; readonly children?: ReactNode}) {
	return (
		<Box flexDirection="column">
			<Text bold color="cyan">
				{t('followup.applying.title')}
			</Text>
			{children}
			<CallList calls={state.calls} />
			{state.stopping && !state.outcome ? (
				<Text color="yellow">{t('followup.applying.stopping')}</Text>
			) : null}
		</Box>
	);
}

/** A count of what a round came to, said with `key` when it is not 0: ok, or a red cross. */
export type Tally = readonly [key: MessageKey, count: number, ok: boolean];

/**
 * A follow-up's Done: whether every call went, the calls, what they came to in words, the group, and `children`
 * (the group as it is now; a spinner while it is read again). No keys on the last frame, left on the terminal.
 */
export function DoneFrame({
	state: {calls, regionId},
	tallies,
	group,
	final,
	children,
}: {
	readonly state: Pick<FlowFields, 'calls' | 'regionId'>;
	readonly tallies: readonly Tally[];
	readonly group: SecurityGroupSummary | undefined;
	readonly final: boolean;
	readonly children: ReactNode;
}) {
	const failed = calls.some((c) => c.state === 'failed' || c.state === 'skipped');
	return (
		<Box flexDirection="column">
			<Text bold color={failed ? 'red' : 'green'}>
				{failed ? t('followup.done.failedTitle') : t('wizard.done.title')}
			</Text>
			<CallList calls={calls} />
			{tallies
				.filter(([, count]) => count > 0)
				.map(([key, count, ok]) => (
					<Text key={key} color={ok ? undefined : 'red'}>
						{ok ? <Text color="green">{glyphs.tick} </Text> : `${glyphs.cross} `}
						{t(key, {count})}
					</Text>
				))}
			{group ? <GroupLine group={group} regionId={regionId ?? ''} /> : null}
			{children ?? <Spinner label={t('followup.done.reading')} />}
			{final ? null : (
				<KeyHints
					hints={[
						['m', t('followup.keys.more')],
						['Enter/q/Esc', t('followup.keys.quit')],
					]}
				/>
			)}
		</Box>
	);
}

/**
 * A follow-up's Review: the group and `children` (the change as the part shows it); Enter/y sends what `plan`
 * makes (on the key, so each send has its own ClientTokens; none: nothing to send), n/Esc goes back.
 */
export function ReviewFrame({
	state: {regionId, problem},
	group,
	purpose,
	position,
	plan,
	dispatch,
	children,
}: {
	readonly state: Pick<FlowFields, 'regionId' | 'problem'>;
	readonly group: SecurityGroupSummary | undefined;
	readonly purpose: string;
	readonly position: Position;
	readonly plan: (() => ChangePlan) | undefined;
	readonly dispatch: (action: FlowAction) => void;
	readonly children: ReactNode;
}) {
	useKeys((input, key) => {
		if (plan && (key.return || input === 'y' || input === 'Y')) dispatch({type: 'confirm', plan: plan()});
		else if (key.escape || input === 'n' || input === 'N') dispatch({type: 'back'});
	});
	return (
		<StepFrame
			title={t('followup.review.title')}
			position={position}
			purpose={purpose}
			problem={problem}
			hints={[
				...(plan ? [['Enter/y', t('followup.keys.apply')] as const] : []),
				['n/Esc', t('wizard.keys.back')],
			]}
		>
			{group ? <GroupLine group={group} regionId={regionId ?? ''} /> : null}
			{children}
		</StepFrame>
	);
}
