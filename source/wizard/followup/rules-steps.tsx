// The screens of `ecs-sg rules` after the group is picked: its rules (with the changes queued), adding from a
// preset or by hand, the review, the calls running, and the result.
import {Box, Text, useInput} from 'ink';
import {type Dispatch, useMemo, useState} from 'react';
import {lintRules} from '../../domain/lint.js';
import type {Direction, Rule} from '../../domain/model.js';
import {type PresetId, presetOf, presetRule, presets, suggestedCidr} from '../../domain/presets.js';
import {planRuleChange} from '../../domain/rule-change.js';
import {showPorts} from '../../domain/rules.js';
import {maxRulesPerGroup, protocols, validateCidr} from '../../domain/validators.js';
import {cut, t, width} from '../../text/index.js';
import {FilterList, type ListItem} from '../components/filter-list.js';
import {FitText, WrapText, wrapToWidth} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {type RowTone, RulesTable} from '../components/rules-table.js';
import {Spinner} from '../components/spinner.js';
import {StepFrame} from '../components/step-frame.js';
import {TextInput} from '../components/text-input.js';
import {useLiveState} from '../components/use-live-state.js';
import type {TerminalSize} from '../use-terminal-size.js';
import {CallsRunning, DoneKeys, RoundResult} from './call-list.js';
import {GroupLine} from './group-line.js';
import {
	activeFields,
	answerField,
	type FormField,
	type ManualForm,
	newForm,
	previousField,
} from './manual-form.js';
import type {Position} from './pickers.js';
import {hasChanges, type RulesAction, type RulesState, rowsOf} from './rules-state.js';

type ScreenProps = {
	readonly state: RulesState;
	readonly dispatch: Dispatch<RulesAction>;
	readonly size: TerminalSize;
};

export const directionName = (direction: Direction): string =>
	direction === 'ingress' ? t('followup.rules.inboundTab') : t('followup.rules.outboundTab');

/** The far end's name for a direction: Source (inbound) or Destination (outbound). */
export const farName = (direction: Direction): string =>
	direction === 'ingress' ? t('wizard.rules.source') : t('followup.rules.destination');

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
const warningsOf = (rules: readonly Rule[]): string[] => lintRules(rules).map((w) => w.message);

export function RulesScreen({
	state,
	dispatch,
	size,
	position,
	onReload,
}: ScreenProps & {readonly position: Position; readonly onReload: () => void}) {
	const rows = rowsOf(state);
	// Live state: keys typed fast (or pasted) reach one handler, which must see where the cursor went.
	const [cursor, setCursor] = useLiveState(0);
	const last = Math.max(0, rows.length - 1);
	const at = Math.min(cursor, last);
	const loaded = state.detail !== undefined;
	const warnings = warningsOf(state.add);
	// Warnings wrap (never cut): the table gives up the lines they take.
	const warningLines = warnings.slice(0, 2).reduce((n, w) => n + wrapToWidth(w, size.columns - 2).length, 0);
	const height = Math.max(3, size.rows - 12 - warningLines);
	useInput((input, key) => {
		if (state.discarding) {
			if (input === 'y') dispatch({type: 'discard'});
			else if (input === 'n' || key.escape) dispatch({type: 'keep'});
			return;
		}
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
	const total = state.detail?.rules.length ?? 0;
	const removing = state.remove.length;
	const tones: RowTone[] = rows.map((r) => (r.kind === 'added' ? 'add' : r.removing ? 'remove' : undefined));
	let body: React.ReactNode;
	if (state.loadProblem && !loaded) {
		body = (
			<Box flexDirection="column">
				<Text color="red">{state.loadProblem.sentence}</Text>
				{state.loadProblem.next ? <Text>{state.loadProblem.next}</Text> : null}
			</Box>
		);
	} else if (!loaded) {
		body = <Spinner label={t('followup.rules.loading', {id: state.group?.id ?? ''})} />;
	} else {
		body = (
			<Box flexDirection="column">
				<Tabs state={state} />
				<RulesTable
					rules={rows.map((r) => r.rule)}
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
				{state.discarding ? (
					<WrapText color="yellow">
						{t(state.start.fixed ? 'followup.rules.discardLeave' : 'followup.rules.discardBack', {
							adding: state.add.length,
							removing,
						})}
					</WrapText>
				) : null}
				<FitText dimColor>
					{hasChanges(state)
						? t('followup.rules.pending', {
								adding: state.add.length,
								removing,
								before: total,
								after: total - removing + state.add.length,
								max: maxRulesPerGroup,
							})
						: t('followup.rules.count', {count: total, max: maxRulesPerGroup})}
				</FitText>
			</Box>
		);
	}
	const hints: [string, string][] = state.discarding
		? [
				['y', t('followup.keys.discard')],
				['n', t('followup.keys.keep')],
			]
		: loaded
			? [
					['p', t('followup.keys.preset')],
					['a', t('followup.keys.manual')],
					['d', t('followup.keys.remove')],
					['Tab', t('followup.keys.direction')],
					['Enter', t('followup.keys.review')],
					['Esc', state.start.fixed ? t('followup.keys.leave') : t('wizard.keys.back')],
				]
			: [
					...(state.loadProblem ? ([['r', t('wizard.keys.retry')]] as [string, string][]) : []),
					['Esc', state.start.fixed ? t('followup.keys.leave') : t('wizard.keys.back')],
				];
	return (
		<StepFrame
			title={t('followup.rules.title')}
			position={position}
			purpose={t('followup.rules.purpose')}
			problem={state.problem}
			hints={hints}
		>
			{state.group ? <GroupLine group={state.group} regionId={state.regionId ?? ''} /> : null}
			{body}
		</StepFrame>
	);
}

function presetItems(direction: Direction): ListItem[] {
	return presets.map((p) => ({
		key: p.id,
		cells: [p.label, `${p.protocol.toUpperCase()} ${showPorts(p)}`, suggestedCidr(p.id, direction)],
		search: `${p.label} ${p.protocol} ${showPorts(p)}`,
	}));
}

export function PresetScreen({state, dispatch, size}: ScreenProps) {
	const items = useMemo(() => presetItems(state.direction), [state.direction]);
	const [problem, setProblem] = useState<string | undefined>();
	const chosen = state.preset ? presetOf(state.preset) : undefined;
	const submit = (value: string) => {
		if (!state.preset) return;
		const cidr = value.trim();
		const refused = validateCidr(cidr);
		if (refused) return setProblem(refused);
		setProblem(undefined);
		dispatch({type: 'add', rule: presetRule(state.preset, state.direction, cidr)});
	};
	return (
		<StepFrame
			title={t('followup.preset.title', {direction: directionName(state.direction)})}
			purpose={t('followup.preset.purpose')}
			problem={problem ?? state.problem}
			hints={
				chosen
					? [
							['Enter', t('wizard.keys.add')],
							['Esc', t('wizard.keys.back')],
						]
					: [
							['↑↓', t('wizard.keys.move')],
							['Enter', t('wizard.keys.choose')],
							[t('wizard.keys.typeKey'), t('wizard.keys.filter')],
							['Esc', t('wizard.keys.back')],
						]
			}
		>
			{state.group ? <GroupLine group={state.group} regionId={state.regionId ?? ''} /> : null}
			{chosen ? (
				<Box flexDirection="column">
					<FitText>
						{t('followup.preset.cidr', {
							far: farName(state.direction),
							name: chosen.label,
							rule: `${chosen.protocol.toUpperCase()} ${showPorts(chosen)}`,
						})}
					</FitText>
					<TextInput
						key={chosen.id}
						initialValue={suggestedCidr(chosen.id, state.direction)}
						selectInitial
						onChange={() => setProblem(undefined)}
						onSubmit={submit}
						onCancel={() => {
							setProblem(undefined);
							dispatch({type: 'back'});
						}}
					/>
				</Box>
			) : (
				<FilterList
					items={items}
					height={Math.min(items.length, Math.max(3, size.rows - 9))}
					width={size.columns}
					onSelect={(item) => dispatch({type: 'preset', id: item.key as PresetId})}
					onBack={() => dispatch({type: 'back'})}
				/>
			)}
		</StepFrame>
	);
}

/** A protocol as the console writes it (ICMPv6 keeps its small v). */
const protocolName = (p: string): string => (p === 'icmpv6' ? 'ICMPv6' : p.toUpperCase());

const protocolItems: ListItem[] = protocols.map((p) => ({key: p, cells: [protocolName(p)], search: p}));

function fieldName(field: FormField, direction: Direction): string {
	switch (field) {
		case 'protocol':
			return t('wizard.rules.protocol');
		case 'ports':
			return t('wizard.rules.ports');
		case 'cidr':
			return farName(direction);
		case 'policy':
			return t('wizard.rules.policy');
		case 'priority':
			return t('followup.rules.priority');
		case 'description':
			return t('wizard.rules.note');
	}
}

function fieldValue(form: ManualForm, field: FormField): string {
	switch (field) {
		case 'protocol':
			return form.protocol ? protocolName(form.protocol) : '';
		case 'ports':
			return form.portRange ? showPorts({portRange: form.portRange}) : '';
		case 'cidr':
			return form.cidr ?? '';
		case 'policy':
			return form.policy === 'drop' ? t('wizard.rules.deny') : form.policy ? t('wizard.rules.allow') : '';
		case 'priority':
			return form.priority === undefined ? '' : String(form.priority);
		case 'description':
			return '';
	}
}

const fieldHelp = (field: FormField, direction: Direction): string => {
	switch (field) {
		case 'protocol':
			return t('followup.manual.protocol');
		case 'ports':
			return t('followup.manual.ports');
		case 'cidr':
			return direction === 'ingress' ? t('followup.manual.source') : t('followup.manual.destination');
		case 'policy':
			return t('followup.manual.policy');
		case 'priority':
			return t('followup.manual.priority');
		case 'description':
			return t('followup.manual.description');
	}
};

export function ManualScreen({state, dispatch, size}: ScreenProps) {
	const [form, setForm] = useState<ManualForm>(() => newForm(state.direction));
	const [problem, setProblem] = useState<string | undefined>();
	const answer = (value: string) => {
		const step = answerField(form, value);
		if (step.kind === 'problem') return setProblem(step.problem);
		setProblem(undefined);
		if (step.kind === 'next') setForm(step.form);
		else dispatch({type: 'add', rule: step.rule});
	};
	const back = () => {
		setProblem(undefined);
		const previous = previousField(form);
		if (previous) setForm(previous);
		else dispatch({type: 'back'});
	};
	const fields = activeFields(form);
	const done = fields.slice(0, fields.indexOf(form.field));
	const labelWidth = Math.max(...fields.map((f) => width(fieldName(f, form.direction)))) + 2;
	const pad = (s: string) => s + ' '.repeat(Math.max(1, labelWidth - width(s)));
	let input: React.ReactNode;
	if (form.field === 'protocol' || form.field === 'policy') {
		const items =
			form.field === 'protocol'
				? protocolItems
				: [
						{key: 'accept', cells: [t('wizard.rules.allow')], search: 'accept'},
						{key: 'drop', cells: [t('wizard.rules.deny')], search: 'drop'},
					];
		input = (
			<FilterList
				key={form.field}
				items={items}
				height={items.length}
				width={40}
				noFilter
				initialKey={form.field === 'protocol' ? (form.protocol ?? 'tcp') : (form.policy ?? 'accept')}
				onSelect={(item) => answer(item.key)}
				onBack={back}
			/>
		);
	} else {
		const initial =
			form.field === 'ports'
				? (form.portsTyped ?? '')
				: form.field === 'cidr'
					? (form.cidr ?? '')
					: form.field === 'priority'
						? String(form.priority ?? 1)
						: '';
		const placeholder =
			form.field === 'ports' ? '8000-8100' : form.field === 'cidr' ? '10.0.0.0/8' : undefined;
		input = (
			<TextInput
				key={form.field}
				initialValue={initial}
				selectInitial={form.field === 'priority'}
				{...(placeholder ? {placeholder} : {})}
				onChange={() => setProblem(undefined)}
				onSubmit={answer}
				onCancel={back}
			/>
		);
	}
	return (
		<StepFrame
			title={t('followup.manual.title', {direction: directionName(form.direction)})}
			purpose={fieldHelp(form.field, form.direction)}
			problem={problem ?? state.problem}
			hints={[
				['Enter', form.field === 'description' ? t('wizard.keys.add') : t('wizard.keys.next')],
				['Esc', t('wizard.keys.back')],
			]}
		>
			{state.group ? <GroupLine group={state.group} regionId={state.regionId ?? ''} /> : null}
			{done.map((f) => (
				<Text key={f} wrap="truncate-end">
					<Text color="green">{glyphs.tick} </Text>
					<Text bold>{pad(fieldName(f, form.direction))}</Text>
					{cut(fieldValue(form, f), Math.max(1, size.columns - 2 - labelWidth))}
				</Text>
			))}
			<Text bold>{fieldName(form.field, form.direction)}</Text>
			{input}
		</StepFrame>
	);
}

export function RulesReview({state, dispatch, size, position}: ScreenProps & {readonly position: Position}) {
	const check = state.check;
	const sendable = check !== undefined && check.fresh.length + check.remove.length > 0;
	useInput((input, key) => {
		if (!check || !state.group || !state.regionId) return;
		if (sendable && (key.return || input === 'y' || input === 'Y')) {
			const plan = planRuleChange(
				{regionId: state.regionId, groupId: state.group.id, vpcId: state.group.vpcId},
				check,
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
			<RulesTable
				rules={rules}
				tones={tones}
				columns={{priority: true}}
				height={Math.max(3, size.rows - 12 - warnings.length)}
			/>
			<FitText dimColor>{t('followup.review.legend')}</FitText>
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

export function ApplyingScreen({state}: {readonly state: RulesState}) {
	return (
		<CallsRunning state={state}>
			{state.group ? <GroupLine group={state.group} regionId={state.regionId ?? ''} /> : null}
		</CallsRunning>
	);
}

/** What a round came to, in words: added, removed, already there, failed. */
export function rulesResultLines(state: Pick<RulesState, 'calls' | 'check'>): {text: string; ok: boolean}[] {
	const count = (kinds: string[], states: string[]) =>
		state.calls.reduce(
			(n, c) =>
				n +
				('input' in c.call && kinds.includes(c.call.kind) && states.includes(c.state)
					? c.call.input.rules.length
					: 0),
			0,
		);
	const added = count(['authorize', 'authorize-egress'], ['done']);
	const removed = count(['revoke', 'revoke-egress'], ['done']);
	const failed = count(['authorize', 'authorize-egress', 'revoke', 'revoke-egress'], ['failed', 'skipped']);
	const lines: {text: string; ok: boolean}[] = [];
	if (added > 0) lines.push({text: t('followup.done.added', {count: added}), ok: true});
	if (removed > 0) lines.push({text: t('followup.done.removed', {count: removed}), ok: true});
	const present = state.check?.present.length ?? 0;
	if (present > 0) lines.push({text: t('followup.review.present', {count: present}), ok: true});
	if (failed > 0) lines.push({text: t('followup.done.notApplied', {count: failed}), ok: false});
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
