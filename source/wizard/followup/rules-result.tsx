// The end of a rules round: the review of the change against the rules as read, the calls running, the result.
import {Box, Text} from 'ink';
import {peerLabel} from '../../domain/peers.js';
import {showPorts} from '../../domain/rules.js';
import {maxRulesPerGroup} from '../../domain/validators.js';
import {t} from '../../text/index.js';
import {FitText, WrapText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {useKeys} from '../components/key-chunk.js';
import {type RowTone, RulesTable} from '../components/rules-table.js';
import {Spinner} from '../components/spinner.js';
import {StepFrame} from '../components/step-frame.js';
import type {TerminalSize} from '../use-terminal-size.js';
import {CallsRunning, DoneKeys, RoundResult} from './call-list.js';
import {GroupLine} from './group-line.js';
import type {Position} from './pickers.js';
import {type RuleEdit, roundPlan, routeOf, routeText} from './rules-edit.js';
import type {RulesState} from './rules-state.js';
import {type ScreenProps, warningsOf} from './rules-steps.js';

export function RulesReview({state, dispatch, size, position}: ScreenProps & {readonly position: Position}) {
	const check = state.check;
	const sendable = check !== undefined && check.fresh.length + check.remove.length + state.edits.length > 0;
	useKeys((input, key) => {
		if (!check || !state.group || !state.regionId) return;
		if (sendable && (key.return || input === 'y' || input === 'Y')) {
			const plan = roundPlan(
				{regionId: state.regionId, groupId: state.group.id, vpcId: state.group.vpcId},
				check,
				state.edits,
			);
			dispatch({type: 'confirm', plan});
		} else if (key.escape || input === 'n' || input === 'N') dispatch({type: 'back'});
	});
	if (!check) return null;
	const rules = [...check.remove, ...check.fresh, ...check.present];
	const tones: RowTone[] = [
		...check.remove.map((): RowTone => 'remove'),
		...check.fresh.map((): RowTone => 'add'),
		...check.present.map((): RowTone => 'same'),
	];
	const warnings = warningsOf(check.fresh);
	return (
		<StepFrame
			title={t('followup.review.title')}
			position={position}
			purpose={t('followup.review.purpose')}
			problem={state.problem}
			hints={[
				...(sendable ? ([['Enter/y', t('followup.keys.apply')]] as [string, string][]) : []),
				['n/Esc', t('wizard.keys.back')],
			]}
		>
			{state.group ? <GroupLine group={state.group} regionId={state.regionId ?? ''} /> : null}
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
		</StepFrame>
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
export function rulesResultLines(state: Pick<RulesState, 'calls' | 'check'>): {text: string; ok: boolean}[] {
	/** A revoke held back because the replacement it waited on was refused: the old rule is kept, not lost. */
	const heldBack = (c: RulesState['calls'][number]) =>
		c.state === 'skipped' &&
		'after' in c.call &&
		c.call.after !== undefined &&
		state.calls[c.call.after]?.state === 'failed';
	const count = (kinds: string[], states: string[]) =>
		state.calls.reduce(
			(n, c) =>
				n +
				('input' in c.call && kinds.includes(c.call.kind) && states.includes(c.state) && !heldBack(c)
					? c.call.input.rules.length
					: 0),
			0,
		);
	const kept = state.calls.reduce(
		(n, c) => n + ('input' in c.call && heldBack(c) ? c.call.input.rules.length : 0),
		0,
	);
	const added = count(['authorize', 'authorize-egress'], ['done']);
	const removed = count(['revoke', 'revoke-egress'], ['done']);
	const modified = count(['modify', 'modify-egress'], ['done']);
	const failed = count(
		['authorize', 'authorize-egress', 'revoke', 'revoke-egress', 'modify', 'modify-egress'],
		['failed', 'skipped'],
	);
	const lines: {text: string; ok: boolean}[] = [];
	if (added > 0) lines.push({text: t('followup.done.added', {count: added}), ok: true});
	if (removed > 0) lines.push({text: t('followup.done.removed', {count: removed}), ok: true});
	if (modified > 0) lines.push({text: t('followup.done.modified', {count: modified}), ok: true});
	const present = state.check?.present.length ?? 0;
	if (present > 0) lines.push({text: t('followup.review.present', {count: present}), ok: true});
	if (failed > 0) lines.push({text: t('followup.done.notApplied', {count: failed}), ok: false});
	if (kept > 0) lines.push({text: t('followup.done.kept', {count: kept}), ok: false});
	return lines;
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
		<Box flexDirection="column">
			<RoundResult calls={state.calls} lines={rulesResultLines(state)} />
			{state.group ? <GroupLine group={state.group} regionId={state.regionId ?? ''} /> : null}
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
			) : (
				<Spinner label={t('followup.done.reading')} />
			)}
			<DoneKeys final={final} />
		</Box>
	);
}
