import {Box, Text} from 'ink';
import type {SecurityGroupSummary} from '../../cloud/port.js';
import {cleanLine, t} from '../../text/index.js';
import {glyphs} from '../components/glyphs.js';
import {RulesTable} from '../components/rules-table.js';
import type {WizardState} from '../state.js';
import {followUps} from '../summary.js';
import {SubmitSteps} from './submitting.js';

function FollowUps({regionId, groupId}: {readonly regionId: string; readonly groupId: string}) {
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>{t('wizard.done.next')}</Text>
			{followUps(regionId, groupId).map((f) => (
				<Box key={f.command} flexDirection="column">
					<Text>{`  ${f.label}`}</Text>
					<Text color="cyan">{`    ${f.command}`}</Text>
				</Box>
			))}
		</Box>
	);
}

export function DoneScreen({state, rows}: {readonly state: WizardState; readonly rows: number}) {
	const {result} = state;
	if (!result) return null;
	const where = result.vpcId ? t('wizard.done.inVpc', {vpc: result.vpcId}) : t('wizard.done.inClassic');
	return (
		<Box flexDirection="column">
			<Text bold color="green">
				{t('wizard.done.title')}
			</Text>
			<SubmitSteps steps={state.submitSteps} />
			<Text>
				<Text color="green">{glyphs.tick} </Text>
				{t('wizard.done.created', {id: result.groupId, name: result.name, region: result.regionId, where})}
			</Text>
			<Text bold>{t('wizard.done.rules', {count: result.rules.length})}</Text>
			<RulesTable
				rules={result.rules}
				height={Math.max(1, rows - 14 - state.submitSteps.length)}
				empty={t('wizard.done.noRules')}
			/>
			<FollowUps regionId={result.regionId} groupId={result.groupId} />
		</Box>
	);
}

export function ReusedScreen({
	group,
	regionId,
}: {
	readonly group: SecurityGroupSummary;
	readonly regionId: string;
}) {
	return (
		<Box flexDirection="column">
			<Text bold color="green">
				{t('wizard.done.title')}
			</Text>
			<Text>
				<Text color="green">{glyphs.tick} </Text>
				{t('wizard.done.reused', {id: group.id, name: cleanLine(group.name), region: regionId})}
			</Text>
			<FollowUps regionId={regionId} groupId={group.id} />
		</Box>
	);
}

/** What exists after a failure or a cancel, in one sentence (resume finishes or deletes it). */
export function existsText(state: WizardState): string {
	const regionId = state.answers.regionId ?? '';
	if (state.result) return t('wizard.exists.complete', {id: state.result.groupId, region: regionId});
	if (state.groupId) return t('wizard.exists.group', {id: state.groupId, region: regionId});
	const createSent = state.submitSteps.some((s) => s.id === 'create' && s.state !== 'pending');
	if (state.status === 'cancelled' && state.cancelledDuring === 'submitting' && createSent)
		return t('wizard.exists.maybe');
	return t('wizard.exists.nothing');
}

export function FailedScreen({state}: {readonly state: WizardState}) {
	const {error} = state;
	return (
		<Box flexDirection="column">
			<Text bold color="red">
				{t('wizard.failed.title')}
			</Text>
			<SubmitSteps steps={state.submitSteps} />
			<Text color="red">
				{glyphs.cross} {cleanLine(error?.sentence ?? t('wizard.failed.unknown'))}
				{error?.code && !error.sentence.includes(error.code) ? (
					<Text dimColor>{` (${error.code})`}</Text>
				) : null}
			</Text>
			{error?.next ? <Text>{t('wizard.failed.next', {next: error.next})}</Text> : null}
			<Text>{existsText(state)}</Text>
		</Box>
	);
}

export function CancelledScreen({state}: {readonly state: WizardState}) {
	if (state.cancelledDuring === 'submitting' && !state.settled && !state.forced) {
		return (
			<Box flexDirection="column">
				<SubmitSteps steps={state.submitSteps} />
				<Text color="yellow">{t('wizard.cancelling')}</Text>
			</Box>
		);
	}
	return (
		<Text color="yellow">
			{t('wizard.cancelled')} {existsText(state)}
		</Text>
	);
}
