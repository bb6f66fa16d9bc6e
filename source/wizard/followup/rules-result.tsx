// The end of a rules round: the review of the change against the rules as read, the calls running, the result.
import {Box, Text} from 'ink';
import {peerLabel} from '../../domain/peers.js';
import {showPorts} from '../../domain/rules.js';
import {maxRulesPerGroup} from '../../domain/validators.js';
import {t} from '../../text/index.js';
import {FitText, WrapText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {type RowTone, RulesTable} from '../components/rules-table.js';
import type {TerminalSize} from '../use-terminal-size.js';
import {CallsRunning, DoneFrame, ReviewFrame, type Tally} from './call-list.js';
import {GroupLine} from './group-line.js';
import type {Position} from './pickers.js';
import {type RuleEdit, roundPlan, routeOf, routeText} from './rules-edit.js';
import type {RulesState} from './rules-state.js';
import {type ScreenProps, warningsOf} from './rules-steps.js';

export function RulesReview({state, dispatch, size, position}: ScreenProps & {readonly position: Position}) {
	const {check, group, regionId} = state;
	if (!check) return null;
	const sendable = check.fresh.length + check.remove.length + state.edits.length > 0;
	const rules = [...check.remove, ...check.fresh, ...check.present];
	const tones: RowTone[] = [
		...check.remove.map((): RowTone => 'remove'),
		...check.fresh.map((): RowTone => 'add'),
		...check.present.map((): RowTone => 'same'),
	];
	const warnings = warningsOf(check.fresh);
	return (
		<ReviewFrame
			state={state}
			purpose={t('followup.review.purpose')}
			position={position}
			group={group}
			dispatch={dispatch}
			plan={
				sendable && group && regionId
					? () => roundPlan({regionId, groupId: group.id, vpcId: group.vpcId}, check, state.edits)
					: undefined
			}
		>
			<Text>
				{t('followup.review.counts', {
					adding: check.fresh.length,
					removing: check.remove.length,
					before: check.before,
					after: check.after,
					max: maxRulesPerGroup,
				})}
			</Text>
			{/* Only edits queued: no empty table, just the edits. */}
			{rules.length > 0 || state.edits.length === 0 ? (
				<Box flexDirection="column">
					<RulesTable
						rules={rules}
						tones={tones}
						columns={{priority: true}}
						height={Math.max(3, size.rows - 12 - warnings.length - 2 * state.edits.length)}
					/>
					<FitText dimColor>{t('followup.review.legend')}</FitText>
				</Box>
			) : null}
			<EditLines edits={state.edits} />
			{check.present.length > 0 ? (
				<WrapText color="yellow" lead={glyphs.bullet}>
					{t('followup.review.present', {count: check.present.length})}
				</WrapText>
			) : null}
			{warnings.map((w) => (
				<WrapText key={w} color="yellow" lead={glyphs.warning}>
					{w}
				</WrapText>
			))}
			{sendable ? null : <Text color="yellow">{t('followup.review.nothingToSend')}</Text>}
		</ReviewFrame>
	);
}

const shortRule = (rule: RuleEdit['edited']): string =>
	`${rule.protocol.toUpperCase()} ${showPorts(rule)} ${peerLabel(rule.peer)} ${rule.policy === 'drop' ? t('wizard.rules.deny') : t('wizard.rules.allow')} ${rule.priority}${rule.description ? ` "${rule.description}"` : ''}`;

/** Each queued edit: the rule before and after, and how it is carried out (said before applying). */
function EditLines({edits}: {readonly edits: readonly RuleEdit[]}) {
	if (edits.length === 0) return null;
	return (
		<Box flexDirection="column">
			<Text bold>{t('followup.review.edits', {count: edits.length})}</Text>
			{edits.map((e) => (
				<WrapText key={e.key} color="yellow" lead="~">
					{`${shortRule(e.rule)} → ${shortRule(e.edited)}: ${routeText(routeOf(e))}`}
				</WrapText>
			))}
		</Box>
	);
}

export function ApplyingScreen({state}: {readonly state: RulesState}) {
	return (
		<CallsRunning state={state}>
			{state.group ? <GroupLine group={state.group} regionId={state.regionId ?? ''} /> : null}
		</CallsRunning>
	);
}

/** What a round came to, in words: added, removed, already there, failed. */
function rulesTallies({calls, check}: Pick<RulesState, 'calls' | 'check'>): Tally[] {
	/** A revoke held back because the replacement it waited on was refused: the old rule is kept, not lost. */
	const heldBack = (c: RulesState['calls'][number]) =>
		c.state === 'skipped' &&
		'after' in c.call &&
		c.call.after !== undefined &&
		calls[c.call.after]?.state === 'failed';
	const count = (kinds: string[], states: string[]) =>
		calls.reduce(
			(n, c) =>
				n +
				('input' in c.call && kinds.includes(c.call.kind) && states.includes(c.state) && !heldBack(c)
					? c.call.input.rules.length
					: 0),
			0,
		);
	const kept = calls.reduce(
		(n, c) => n + ('input' in c.call && heldBack(c) ? c.call.input.rules.length : 0),
		0,
	);
	const every = ['authorize', 'authorize-egress', 'revoke', 'revoke-egress', 'modify', 'modify-egress'];
	return [
		['followup.done.added', count(['authorize', 'authorize-egress'], ['done']), true],
		['followup.done.removed', count(['revoke', 'revoke-egress'], ['done']), true],
		['followup.done.modified', count(['modify', 'modify-egress'], ['done']), true],
		['followup.review.present', check?.present.length ?? 0, true],
		['followup.done.notApplied', count(every, ['failed', 'skipped']), false],
		['followup.done.kept', kept, false],
	];
}

export function RulesDone({
	state,
	size,
	final = false,
}: {
	readonly state: RulesState;
	readonly size: TerminalSize;
	/** The last frame, left on the terminal after the program ends: no keys to offer. */
	readonly final?: boolean;
}) {
	const rules = state.detail?.rules ?? [];
	return (
		<DoneFrame state={state} tallies={rulesTallies(state)} group={state.group} final={final}>
			{state.detail ? (
				<Box flexDirection="column">
					<Text bold>{t('followup.done.now', {count: rules.length})}</Text>
					<RulesTable
						rules={[...rules].sort((a, b) =>
							a.direction === b.direction ? 0 : a.direction === 'ingress' ? -1 : 1,
						)}
						columns={{priority: true}}
						height={Math.max(3, size.rows - 10 - state.calls.length)}
						empty={t('followup.done.noRules')}
					/>
				</Box>
			) : undefined}
		</DoneFrame>
	);
}
