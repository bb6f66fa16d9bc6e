// The forms the rules screen opens: a preset (with its source or destination asked), or a rule by hand, field by
// field (manual-form.ts).
import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import type {Direction} from '../../domain/model.js';
import {type PresetId, presetOf, presetRule, presets, suggestedCidr} from '../../domain/presets.js';
import {showPorts} from '../../domain/rules.js';
import {protocols, validateCidr} from '../../domain/validators.js';
import {cut, t, width} from '../../text/index.js';
import {useLoad} from '../cloud-data.js';
import {FilterList, type ListItem} from '../components/filter-list.js';
import {FitText, WrapText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {StepFrame} from '../components/step-frame.js';
import {TextInput} from '../components/text-input.js';
import {GroupLine} from './group-line.js';
import {
	activeFields,
	answerField,
	type FormField,
	formOf,
	type ManualForm,
	newForm,
	previousField,
} from './manual-form.js';
import {editedRule} from './rules-state.js';
import {directionName, farName, type ScreenProps} from './rules-steps.js';
import type {FollowupServices} from './services.js';

function presetItems(direction: Direction, vpcCidr: string | undefined): ListItem[] {
	return presets.map((p) => ({
		key: p.id,
		cells: [p.label, `${p.protocol.toUpperCase()} ${showPorts(p)}`, suggestedCidr(p.id, direction, vpcCidr)],
		search: `${p.label} ${p.protocol} ${showPorts(p)}`,
	}));
}

/**
 * The CIDR block of the group's VPC, once read: the presets for admin and database ports start from it. Read by
 * the rules screens' root, which stays mounted while the preset form opens, so it is there when the form is.
 */
export function useVpcCidr(
	services: FollowupServices | undefined,
	regionId: string | undefined,
	vpcId: string | undefined,
): string | undefined {
	const asked = services && regionId && vpcId ? `${regionId}/${vpcId}` : undefined;
	const {load} = useLoad(asked, () =>
		services && regionId ? services.api.describeVpcs(regionId) : Promise.resolve([]),
	);
	return load?.state === 'ready' ? load.value.find((vpc) => vpc.id === vpcId)?.cidr : undefined;
}

export function PresetScreen({
	state,
	dispatch,
	size,
	vpcCidr,
}: ScreenProps & {readonly vpcCidr?: string | undefined}) {
	const items = useMemo(() => presetItems(state.direction, vpcCidr), [state.direction, vpcCidr]);
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
						// Drawn again when the VPC's block arrives, so the suggestion is never the stale 10.0.0.0/8.
						key={`${chosen.id}:${vpcCidr ?? ''}`}
						initialValue={suggestedCidr(chosen.id, state.direction, vpcCidr)}
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
			return form.description ?? '';
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

/** The form by hand: a new rule (`a`), or (`e`, step 'edit') the rule under the cursor, filled in. */
export function ManualScreen({state, dispatch, size}: ScreenProps) {
	const editing = state.step === 'edit';
	const [form, setForm] = useState<ManualForm>(() => {
		const rule = editing ? editedRule(state) : undefined;
		return rule ? formOf(rule) : newForm(state.direction);
	});
	const [problem, setProblem] = useState<string | undefined>();
	const answer = (value: string) => {
		const step = answerField(form, value);
		if (step.kind === 'problem') return setProblem(step.problem);
		setProblem(undefined);
		if (step.kind === 'next') setForm(step.form);
		else dispatch(editing ? {type: 'edited', rule: step.rule} : {type: 'add', rule: step.rule});
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
						: (form.description ?? '');
		const placeholder =
			form.field === 'ports'
				? '8000-8100'
				: form.field === 'cidr'
					? '10.0.0.0/8, 2001:db8::/32, sg-…, pl-…'
					: undefined;
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
			title={t(editing ? 'followup.edit.title' : 'followup.manual.title', {
				direction: directionName(form.direction),
			})}
			problem={problem ?? state.problem}
			hints={[
				[
					'Enter',
					form.field !== 'description'
						? t('wizard.keys.next')
						: editing
							? t('followup.keys.saveEdit')
							: t('wizard.keys.add'),
				],
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
			{/* The field's help says what may be typed: it wraps, never cut (a purpose line is). */}
			<WrapText dimColor>{fieldHelp(form.field, form.direction)}</WrapText>
			{input}
		</StepFrame>
	);
}
