// The API calls of a change as they run, drawn the same way by the create's Submitting screen and the follow-ups:
// one line per call with its state (the single spinner on the call in flight) and, under a failure, why.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {cut, t} from '../../text/index.js';
import {useColumns, WrapText} from './fit-text.js';
import {glyphs} from './glyphs.js';
import {Spinner} from './spinner.js';

type CallLine = {
	readonly key: string;
	/** The call and its state in words (see callProgress). */
	readonly text: string;
	readonly state: 'pending' | 'running' | 'retrying' | 'done' | 'unchanged' | 'failed' | 'skipped';
	/** Under a failed call: the API's reason. */
	readonly why?: string;
};

/** What a call's state says in every list of calls: waiting, running (which try), retrying (why), done, failed. */
export function callProgress(call: {
	readonly state: 'pending' | 'running' | 'retrying' | 'done' | 'failed';
	readonly attempt: number;
	readonly requestId?: string;
	readonly reason?: string;
}): string {
	switch (call.state) {
		case 'pending':
			return t('wizard.submit.pending');
		case 'running':
			return call.attempt > 1
				? t('wizard.submit.runningAttempt', {attempt: call.attempt})
				: t('wizard.submit.running');
		case 'retrying':
			return t('wizard.submit.retrying', {attempt: call.attempt, reason: call.reason ?? '?'});
		case 'done':
			return call.requestId ? t('wizard.submit.doneRequest', {id: call.requestId}) : t('wizard.submit.done');
		case 'failed':
			return t('wizard.submit.failed');
	}
}

const marks: Record<Exclude<CallLine['state'], 'running' | 'retrying'>, ReactNode> = {
	done: <Text color="green">{glyphs.tick}</Text>,
	unchanged: <Text color="yellow">{glyphs.bullet}</Text>,
	failed: <Text color="red">{glyphs.cross}</Text>,
	pending: <Text dimColor>{glyphs.pending}</Text>,
	skipped: <Text dimColor>{glyphs.pending}</Text>,
};

export function CallLines({lines}: {readonly lines: readonly CallLine[]}) {
	const columns = useColumns();
	return (
		<Box flexDirection="column">
			{lines.map((line) => {
				if (line.state === 'running' || line.state === 'retrying')
					return <Spinner key={line.key} label={line.text} />;
				return (
					<Box key={line.key} flexDirection="column">
						<Text wrap="truncate-end">
							{marks[line.state]}{' '}
							<Text dimColor={line.state === 'pending' || line.state === 'skipped'}>
								{cut(line.text, columns - 2)}
							</Text>
						</Text>
						{line.why ? (
							<WrapText color="red" lead=" ">
								{line.why}
							</WrapText>
						) : null}
					</Box>
				);
			})}
		</Box>
	);
}
