// The rules part's own screen: the group's rules in two tabs (inbound, outbound) with the changes queued. Its
// forms are in rule-forms.tsx, the review and result in rules-result.tsx.
import {Box, Text} from 'ink';
import type {Dispatch} from 'react';
import {lintRules} from '../../domain/lint.js';
import type {Direction, Rule} from '../../domain/model.js';
import {maxRulesPerGroup} from '../../domain/validators.js';
import {t} from '../../text/index.js';
import {WrapText, wrapToWidth} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {useKeys} from '../components/key-chunk.js';
import {type RowTone, RulesTable} from '../components/rules-table.js';
import {Spinner} from '../components/spinner.js';
import {useLiveState} from '../components/use-live-state.js';
import type {TerminalSize} from '../use-terminal-size.js';
import {DiscardQuestion, EditFrame} from './edit-frame.js';
import type {Position} from './pickers.js';
import {hasChanges, type RulesAction, type RulesState, rowsOf} from './rules-state.js';

export type ScreenProps = {
	readonly state: RulesState;
	readonly dispatch: Dispatch<RulesAction>;
	readonly size: TerminalSize;
};

export const directionName = (direction: Direction): string =>
	direction === 'ingress' ? t('followup.rules.inboundTab') : t('followup.rules.outboundTab');

function Tabs({state}: {readonly state: RulesState}) {
	const count = (d: Direction) =>
		(state.detail?.rules ?? []).filter((r) => r.direction === d).length +
		state.add.filter((r) => r.direction === d).length;
	return (
		<Text>
			{(['ingress', 'egress'] as const).map((d) => {
				const label = ` ${directionName(d)} (${count(d)}) `;
				return d === state.direction ? (
					<Text key={d} inverse bold>
						{label}
					</Text>
				) : (
					<Text key={d} dimColor>
						{label}
					</Text>
				);
			})}
		</Text>
	);
}

/** The warnings of the rules being added (the same lint as the create's Review). */
export const warningsOf = (rules: readonly Rule[]): string[] => lintRules(rules).map((w) => w.message);

/**
 * The rules screen's keys: move (↑↓ Home End), switch tabs, open a form, mark the rule under the cursor, review,
 * back; r retries a failed read. Returns the cursor.
 */
function useRulesKeys(
	state: RulesState,
	dispatch: ScreenProps['dispatch'],
	last: number,
	height: number,
	onReload: () => void,
) {
	// Live state: keys typed fast (or pasted) reach one handler, which must see where the cursor went.
	const [cursor, setCursor] = useLiveState(0);
	const loaded = state.detail !== undefined;
	useKeys((input, key) => {
		if (state.discarding) return;
		if (key.escape) return dispatch({type: 'back'});
		if (!loaded) {
			if (input === 'r' && state.loadProblem) onReload();
			return;
		}
		if (key.upArrow) setCursor((c) => (Math.min(c, last) <= 0 ? last : Math.min(c, last) - 1));
		else if (key.downArrow) setCursor((c) => (c >= last ? 0 : c + 1));
		else if (key.home) setCursor(() => 0);
		else if (key.end) setCursor(() => last);
		// A page is the table's window (its height less the two scroll marks).
		else if (key.pageUp) setCursor((c) => Math.max(0, Math.min(c, last) - (height - 2)));
		else if (key.pageDown) setCursor((c) => Math.min(last, c + (height - 2)));
		else if (key.tab || key.leftArrow || key.rightArrow) {
			setCursor(() => 0);
			dispatch({type: 'direction'});
		} else if (input === 'p') dispatch({type: 'open', step: 'preset'});
		else if (input === 'a') dispatch({type: 'open', step: 'manual'});
		else if (input === 'e')
			dispatch({
				type: 'edit',
				index: Math.min(
					setCursor((c) => c),
					last,
				),
			});
		else if (input === 'd' || input === ' ' || key.delete || key.backspace)
			dispatch({
				type: 'toggle',
				index: Math.min(
					setCursor((c) => c),
					last,
				),
			});
		else if (key.return) dispatch({type: 'review'});
	});
	return cursor;
}

export function RulesScreen({
	state,
	dispatch,
	size,
	position,
	onReload,
}: ScreenProps & {readonly position: Position; readonly onReload: () => void}) {
	const rows = rowsOf(state);
	const last = Math.max(0, rows.length - 1);
	const loaded = state.detail !== undefined;
	const warnings = warningsOf(state.add);
	// Warnings wrap (never cut): the table gives up the lines they take.
	const warningLines = warnings.slice(0, 2).reduce((n, w) => n + wrapToWidth(w, size.columns - 2).length, 0);
	const height = Math.max(3, size.rows - 12 - warningLines);
	const at = Math.min(useRulesKeys(state, dispatch, last, height, onReload), last);
	const total = state.detail?.rules.length ?? 0;
	const removing = state.remove.length;
	const tones: RowTone[] = rows.map((r) =>
		r.kind === 'added' ? 'add' : r.removing ? 'remove' : r.edited ? 'edit' : undefined,
	);
	return (
		<EditFrame
			{...{state, dispatch, position}}
			title={t('followup.rules.title')}
			purpose={t('followup.rules.purpose')}
			group={state.group}
			read={loaded}
			ready={loaded}
			keys={[
				['p', t('followup.keys.preset')],
				['a', t('followup.keys.manual')],
				['e', t('followup.keys.edit')],
				['d', t('followup.keys.remove')],
				['Tab', t('followup.keys.direction')],
				['Enter', t('followup.keys.review')],
			]}
		>
			{loaded ? (
				<Box flexDirection="column">
					<Tabs state={state} />
					<RulesTable
						rules={rows.map((r) => (r.kind === 'current' && r.edited ? r.edited : r.rule))}
						cursor={rows.length > 0 ? at : undefined}
						height={height}
						columns={{priority: true, destination: state.direction === 'egress'}}
						tones={tones}
						empty={
							state.direction === 'ingress' ? t('followup.rules.noInbound') : t('followup.rules.noOutbound')
						}
					/>
					{warnings.slice(0, 2).map((w) => (
						<WrapText key={w} color="yellow" lead={glyphs.warning}>
							{w}
						</WrapText>
					))}
					<DiscardQuestion
						state={state}
						text={(ending) =>
							t(ending === 'leave' ? 'followup.rules.discardLeave' : 'followup.rules.discardBack', {
								adding: state.add.length,
								removing,
							})
						}
					/>
					<WrapText dimColor>
						{hasChanges(state)
							? t('followup.rules.pending', {
									adding: state.add.length,
									removing,
									editing: state.edits.length,
									before: total,
									after: total - removing + state.add.length,
									max: maxRulesPerGroup,
								})
							: t('followup.rules.count', {count: total, max: maxRulesPerGroup})}
					</WrapText>
				</Box>
			) : (
				<Spinner label={t('followup.rules.loading', {id: state.group?.id ?? ''})} />
			)}
		</EditFrame>
	);
}
