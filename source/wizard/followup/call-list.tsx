import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {actionOf} from '../../domain/plan-types.js';
import {cleanLine, cut, rulesCount, t} from '../../text/index.js';
import {useColumns, WrapText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {KeyHints} from '../components/key-hints.js';
import {Spinner} from '../components/spinner.js';
import type {CallView, Progress} from './calls.js';

/** `AuthorizeSecurityGroup (3 rules)` or `JoinSecurityGroup i-…`: the call as the API names it. */
export function callLabel(view: CallView): string {
	const {call} = view;
	const action = actionOf(call);
	if ('input' in call)
		return `${action} ${t('wizard.submit.rules', {rules: rulesCount(call.input.rules.length)})}`;
	return `${action} ${cleanLine(call.instanceId)}`;
}

export function callStateText(view: CallView): string {
	switch (view.state) {
		case 'pending':
			return t('wizard.submit.pending');
		case 'running':
			return view.attempt > 1
				? t('wizard.submit.runningAttempt', {attempt: view.attempt})
				: t('wizard.submit.running');
		case 'retrying':
			return t('wizard.submit.retrying', {attempt: view.attempt, reason: view.reason ?? '?'});
		case 'done':
			return view.requestId ? t('wizard.submit.doneRequest', {id: view.requestId}) : t('wizard.submit.done');
		case 'unchanged':
			return view.call.kind === 'join' ? t('followup.call.alreadyIn') : t('followup.call.alreadyOut');
		case 'failed':
			return t('wizard.submit.failed');
		case 'skipped':
			return t('followup.call.skipped');
	}
}

/** A call's identity among the calls of a plan (its ClientToken, or the instance it moves). */
const callKey = (view: CallView, index: number): string =>
	'input' in view.call
		? (view.call.input.clientToken ?? `${view.call.kind}-${index}`)
		: `${view.call.kind}-${view.call.instanceId}`;

/** One line per call with its state (the single spinner on the call in flight), and each failure's reason. */
export function CallList({calls}: {readonly calls: readonly CallView[]}) {
	const columns = useColumns();
	return (
		<Box flexDirection="column">
			{calls.map((view, i) => {
				const text = `${callLabel(view)}  ${callStateText(view)}`;
				if (view.state === 'running' || view.state === 'retrying')
					return <Spinner key={callKey(view, i)} label={text} />;
				const mark =
					view.state === 'done' ? (
						<Text color="green">{glyphs.tick}</Text>
					) : view.state === 'unchanged' ? (
						<Text color="yellow">{glyphs.bullet}</Text>
					) : view.state === 'failed' ? (
						<Text color="red">{glyphs.cross}</Text>
					) : (
						<Text dimColor>{glyphs.pending}</Text>
					);
				return (
					<Box key={callKey(view, i)} flexDirection="column">
						<Text wrap="truncate-end">
							{mark}{' '}
							<Text dimColor={view.state === 'pending' || view.state === 'skipped'}>
								{cut(text, columns - 2)}
							</Text>
						</Text>
						{view.state === 'failed' && view.error ? (
							<WrapText color="red" lead=" ">
								{refusalText(view)}
							</WrapText>
						) : null}
					</Box>
				);
			})}
		</Box>
	);
}

/** The API's refusal in the person's words: the known membership codes get their own sentence. */
export function refusalText(view: CallView): string {
	const error = view.error;
	if (!error) return '';
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
