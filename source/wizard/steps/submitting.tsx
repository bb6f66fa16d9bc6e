import {Box, Text} from 'ink';
import {cut, rulesCount, t} from '../../text/index.js';
import {FitText, useColumns} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {Spinner} from '../components/spinner.js';
import type {SubmitStepState} from '../state.js';

export const callName = (step: SubmitStepState): string =>
	step.id === 'create'
		? 'CreateSecurityGroup'
		: `AuthorizeSecurityGroup ${t('wizard.submit.rules', {rules: rulesCount(step.ruleCount ?? 0)})}`;

function stateText(step: SubmitStepState): string {
	switch (step.state) {
		case 'pending':
			return t('wizard.submit.pending');
		case 'running':
			return step.attempt > 1
				? t('wizard.submit.runningAttempt', {attempt: step.attempt})
				: t('wizard.submit.running');
		case 'retrying':
			return t('wizard.submit.retrying', {attempt: step.attempt, reason: step.reason ?? '?'});
		case 'done':
			return step.requestId ? t('wizard.submit.doneRequest', {id: step.requestId}) : t('wizard.submit.done');
		case 'failed':
			return t('wizard.submit.failed');
	}
}

/** One line per API call with its state; the single spinner sits on the call in flight. */
export function SubmitSteps({steps}: {readonly steps: readonly SubmitStepState[]}) {
	const columns = useColumns();
	return (
		<Box flexDirection="column">
			{steps.map((step) => {
				const text = `${callName(step)}  ${stateText(step)}`;
				if (step.state === 'running' || step.state === 'retrying')
					return <Spinner key={step.id} label={text} />;
				const mark =
					step.state === 'done' ? (
						<Text color="green">{glyphs.tick}</Text>
					) : step.state === 'failed' ? (
						<Text color="red">{glyphs.cross}</Text>
					) : (
						<Text dimColor>{glyphs.pending}</Text>
					);
				return (
					<Text key={step.id} wrap="truncate-end">
						{mark} <Text dimColor={step.state === 'pending'}>{cut(text, columns - 2)}</Text>
					</Text>
				);
			})}
		</Box>
	);
}

export function SubmittingScreen({
	steps,
	regionId,
}: {
	readonly steps: readonly SubmitStepState[];
	readonly regionId: string;
}) {
	return (
		<Box flexDirection="column">
			<Text bold color="cyan">
				{t('wizard.submitting.title')}
			</Text>
			<FitText dimColor>{t('wizard.submitting.purpose', {region: regionId})}</FitText>
			<SubmitSteps steps={steps} />
		</Box>
	);
}
