import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {CloudError} from '../../cloud/errors.js';
import {actionOf} from '../../domain/plan-types.js';
import {cleanLine, rulesCount, t} from '../../text/index.js';
import {CallLines, callProgress} from '../components/call-lines.js';
import {glyphs} from '../components/glyphs.js';
import {KeyHints} from '../components/key-hints.js';
import type {CallView, Progress} from './calls.js';

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

/** The head of a Done screen: whether every call went, the calls, and what they came to in words. */
export function RoundResult({
	calls,
	lines,
}: {
	readonly calls: readonly CallView[];
	readonly lines: readonly {text: string; ok: boolean}[];
}) {
	const failed = calls.some((c) => c.state === 'failed' || c.state === 'skipped');
	return (
		<>
			<Text bold color={failed ? 'red' : 'green'}>
				{failed ? t('followup.done.failedTitle') : t('wizard.done.title')}
			</Text>
			<CallList calls={calls} />
			{lines.map((line) => (
				<Text key={line.text} color={line.ok ? undefined : 'red'}>
					{line.ok ? <Text color="green">{glyphs.tick} </Text> : `${glyphs.cross} `}
					{line.text}
				</Text>
			))}
		</>
	);
}

/** The Done screen's keys (none on the last frame, left on the terminal after the program ends). */
export const DoneKeys = ({final}: {readonly final: boolean}) =>
	final ? null : (
		<KeyHints
			hints={[
				['m', t('followup.keys.more')],
				['Enter/q/Esc', t('followup.keys.quit')],
			]}
		/>
	);
