import {Box, Text} from 'ink';
import {commandLines} from '../../domain/command-lines.js';
import type {Target} from '../../domain/followup.js';
import type {SecurityGroupSummary} from '../../domain/model.js';
import {cleanLine, t, width} from '../../text/index.js';
import type {MissingRules} from '../after-done.js';
import {WrapText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {KeyHints} from '../components/key-hints.js';
import {RulesTable} from '../components/rules-table.js';
import {Spinner} from '../components/spinner.js';
import type {WizardState} from '../state.js';
import {followUps} from '../summary.js';
import {useTerminalSize} from '../use-terminal-size.js';
import {SubmitSteps} from './submitting.js';

type FollowUpsProps = {
	readonly regionId: string;
	readonly groupId: string;
	/** The flags that send calls where this run sent them (--sandbox, --endpoint, --profile). */
	readonly target?: Target;
	/** Offer to start a follow-up here with a key (not with --yes: a scripted run ends at Done). */
	readonly offer?: boolean;
	/** Keys offered before the follow-ups' (a reused group's `a`). */
	readonly extra?: readonly [string, string][];
};

function FollowUps({regionId, groupId, target, offer = false, extra = []}: FollowUpsProps) {
	const {columns} = useTerminalSize();
	// A command is copied from the screen: indented while it fits, else from the first column, so Ink never breaks
	// it over two lines where it fits in one (a pasted line break would run half of it).
	const indent = (command: string) => ' '.repeat(Math.max(0, Math.min(4, columns - 1 - width(command))));
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>{t('wizard.done.next')}</Text>
			{followUps(regionId, groupId, target).map((f) => (
				<Box key={f.command} flexDirection="column">
					<Text>
						{'  '}
						{offer ? <Text color="cyan" bold>{`${f.key}  `}</Text> : null}
						{f.label}
					</Text>
					{/* Wider than the screen: broken between words with " \" (domain/command-lines.ts), never by Ink. */}
					{commandLines(f.command, columns, indent(f.command)).map((l) => (
						<Text key={l} color="cyan">
							{l}
						</Text>
					))}
				</Box>
			))}
			{offer ? (
				<Box marginTop={1}>
					<KeyHints
						hints={[
							...extra,
							['r', t('wizard.done.keyRules')],
							['i', t('wizard.done.keyInstances')],
							['Enter/q/Esc', t('wizard.done.keyQuit')],
						]}
					/>
				</Box>
			) : null}
		</Box>
	);
}

export function DoneScreen({
	state,
	rows,
	target,
	offer,
}: {
	readonly state: WizardState;
	readonly rows: number;
	readonly target?: Target;
	readonly offer?: boolean;
}) {
	const {result} = state;
	if (!result) return null;
	const where = result.vpcId ? t('wizard.done.inVpc', {vpc: result.vpcId}) : t('wizard.done.inClassic');
	const tableHeight = Math.max(1, rows - 16 - state.submitSteps.length);
	return (
		<Box flexDirection="column">
			<Text bold color="green">
				{t('wizard.done.title')}
			</Text>
			<SubmitSteps steps={state.submitSteps} />
			{state.stoppedLate ? (
				<WrapText color="yellow" lead={glyphs.warning}>
					{t('truth.done.stoppedLate', {id: result.groupId, region: result.regionId})}
				</WrapText>
			) : null}
			<Text>
				<Text color="green">{glyphs.tick} </Text>
				{t('wizard.done.created', {id: result.groupId, name: result.name, region: result.regionId, where})}
			</Text>
			<Text bold>{t('wizard.done.rules', {count: result.rules.length})}</Text>
			<RulesTable
				rules={result.rules}
				height={tableHeight}
				empty={t('wizard.done.noRules')}
				columns={{priority: result.rules.some((r) => r.priority !== 1)}}
			/>
			<FollowUps
				regionId={result.regionId}
				groupId={result.groupId}
				target={target}
				offer={offer}
				// A table cut to a window scrolls with the page keys (RulesTable): say so, or "↓ 3 more" is a dead end.
				extra={result.rules.length > tableHeight ? [['PgUp/PgDn', t('wizard.keys.scrollRules')]] : []}
			/>
		</Box>
	);
}

export function ReusedScreen({
	group,
	regionId,
	target,
	offer,
	missing,
	planned,
	rows,
}: {
	readonly group: SecurityGroupSummary;
	readonly regionId: string;
	readonly target?: Target;
	readonly offer?: boolean;
	readonly missing: MissingRules;
	/** How many rules the answers planned (what the missing ones are counted against). */
	readonly planned: number;
	readonly rows: number;
}) {
	const lacking = missing?.state === 'ready' ? missing.value : [];
	return (
		<Box flexDirection="column">
			<Text bold color="green">
				{t('wizard.done.title')}
			</Text>
			<WrapText color="green" lead={glyphs.tick}>
				{t('wizard.done.reused', {id: group.id, name: cleanLine(group.name), region: regionId})}
			</WrapText>
			{missing?.state === 'loading' ? <Spinner label={t('truth.reused.checking', {id: group.id})} /> : null}
			{missing?.state === 'failed' ? (
				<WrapText color="yellow" lead={glyphs.warning}>
					{t('truth.reused.unread', {reason: cleanLine(missing.problem.sentence)})}
				</WrapText>
			) : null}
			{missing?.state === 'ready' && lacking.length === 0 ? (
				<WrapText lead={glyphs.tick}>{t('truth.reused.allThere')}</WrapText>
			) : null}
			{lacking.length > 0 ? (
				<>
					<WrapText color="yellow" lead={glyphs.warning}>
						{lacking.length === 1
							? t('truth.reused.lacksOne', {total: planned})
							: t('truth.reused.lacks', {count: lacking.length, total: planned})}
					</WrapText>
					<RulesTable rules={lacking} height={Math.max(3, rows - 16)} />
				</>
			) : null}
			<FollowUps
				regionId={regionId}
				groupId={group.id}
				target={target}
				offer={offer}
				extra={lacking.length > 0 ? [['a', t('truth.keys.addMissing')]] : []}
			/>
		</Box>
	);
}

/** What exists after a failure or a cancel, in one sentence (resume finishes or deletes it). */
function existsText(state: WizardState): string {
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
