import {Box, Text} from 'ink';
import {rulesCount, t} from '../../text/index.js';
import {CallLines, callProgress} from '../components/call-lines.js';
import {FitText} from '../components/fit-text.js';
import type {SubmitStepState} from '../state.js';

export const callName = (step: SubmitStepState): string =>
	step.id === 'create'
		? 'CreateSecurityGroup'
		: `AuthorizeSecurityGroup ${t('wizard.submit.rules', {rules: rulesCount(step.ruleCount ?? 0)})}`;

/** One line per API call with its state; the single spinner sits on the call in flight. */
export const SubmitSteps = ({steps}: {readonly steps: readonly SubmitStepState[]}) => (
	<CallLines
		lines={steps.map((step) => ({
			key: step.id,
			text: `${callName(step)}  ${callProgress(step)}`,
			state: step.state,
		}))}
	/>
);

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
