// The forms the rules screen opens: the presets, and the rule form (a new rule by hand or filled from a preset,
// or a rule of the group edited).
import {useMemo, useState} from 'react';
import {type PresetId, presetRule, suggestedCidr} from '../../domain/presets.js';
import {ruleKey} from '../../domain/rules.js';
import {cleanLine, t} from '../../text/index.js';
import {type CloudData, useLoad} from '../cloud-data.js';
import {FilterList} from '../components/filter-list.js';
import {StepFrame} from '../components/step-frame.js';
import {presetItems} from '../steps/rule-editor.js';
import {formOf, newForm, type RuleForm} from '../steps/rule-form.js';
import {RuleFormView} from '../steps/rule-form-view.js';
import {GroupLine} from './group-line.js';
import type {Position} from './pickers.js';
import {editedRule, type RulesState, rowsOf} from './rules-state.js';
import {directionName, type ScreenProps} from './rules-steps.js';
import type {FollowupServices} from './services.js';

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

type FormProps = ScreenProps & {
	readonly position: Position;
	readonly data: CloudData;
	/** The group's VPC block, once read: the preset rules for admin and database ports start from it. */
	readonly vpcCidr?: string | undefined;
};

/** The console's quick-add presets; the one chosen opens the rule form filled from it (as the create wizard's do). */
export function PresetScreen(props: FormProps) {
	const {state, dispatch, size, vpcCidr} = props;
	const items = useMemo(() => presetItems(state.direction, vpcCidr), [state.direction, vpcCidr]);
	// Drawn again when the VPC's block arrives, so the suggestion is never the stale 10.0.0.0/8.
	if (state.preset) return <RuleFormStep key={`${state.preset}:${vpcCidr ?? ''}`} {...props} />;
	return (
		<StepFrame
			title={t('followup.preset.title', {direction: directionName(state.direction)})}
			purpose={t('followup.preset.purpose')}
			problem={state.problem}
			hints={[
				['↑↓', t('wizard.keys.move')],
				['Enter', t('wizard.keys.choose')],
				[t('wizard.keys.typeKey'), t('wizard.keys.filter')],
				['Esc', t('wizard.keys.back')],
			]}
		>
			{state.group ? <GroupLine group={state.group} regionId={state.regionId ?? ''} /> : null}
			<FilterList
				items={items}
				height={Math.min(items.length, Math.max(3, size.rows - 9))}
				width={size.columns}
				onSelect={(item) => dispatch({type: 'preset', id: item.key as PresetId})}
				onBack={() => dispatch({type: 'back'})}
			/>
		</StepFrame>
	);
}

/** The form's first state: the rule edited, the preset chosen (on its source, to narrow), or a new rule. */
function initialForm(state: RulesState, vpcCidr: string | undefined): RuleForm {
	const edited = state.step === 'edit' ? editedRule(state) : undefined;
	if (edited) return formOf(edited);
	const {preset, direction} = state;
	if (state.step !== 'preset' || !preset) return newForm(direction);
	return formOf(presetRule(preset, direction, suggestedCidr(preset, direction, vpcCidr)), 'peer');
}

/** Where the edited rule is in the tab's rows (for "rule n of total"). */
function editedRow(state: RulesState): number {
	const target = state.editing;
	return rowsOf(state).findIndex((row) =>
		target?.kind === 'added'
			? row.kind === 'added' && row.index === target.index
			: row.kind === 'current' && ruleKey(row.rule) === target?.key,
	);
}

/**
 * The rule form (the create wizard's, steps/rule-form-view.tsx): a new rule (`a`, or a preset filled in), or (`e`,
 * step 'edit') the rule under the cursor, filled in. Group peers are picked from the groups of the group's own VPC.
 */
export function RuleFormStep({state, dispatch, size, position, data, vpcCidr}: FormProps) {
	const editing = state.step === 'edit';
	const [initial] = useState(() => initialForm(state, vpcCidr));
	// The reducer's refusal (a rule queued twice, a group peer an enterprise group cannot have) is out of date once
	// the form is saved again, until the reducer answers that save.
	const [stale, setStale] = useState(false);
	const {group} = state;
	const name = cleanLine(group?.name ?? '') || cleanLine(group?.id ?? '');
	const title = editing
		? t('wizard.form.editTitle', {n: editedRow(state) + 1, total: rowsOf(state).length, name})
		: t('wizard.form.newTitle', {name});
	return (
		<StepFrame title={t('followup.rules.title')} position={position}>
			{group ? <GroupLine group={group} regionId={state.regionId ?? ''} /> : null}
			<RuleFormView
				title={title}
				initial={initial}
				onSave={(rule) => {
					setStale(false);
					dispatch(editing ? {type: 'edited', rule} : {type: 'add', rule});
				}}
				onCancel={() => dispatch({type: 'back'})}
				regionId={state.regionId}
				data={data}
				scope={group?.vpcId ? {vpcId: group.vpcId, because: 'group'} : undefined}
				self={group?.id}
				// Around the list: the heading, the group line, the list's title, scope and filter lines, two scroll
				// marks, and room for two lines of keys and two of a refusal.
				listRows={Math.max(3, size.rows - 12)}
				problem={stale ? undefined : state.problem}
				onChangeAny={() => setStale(true)}
			/>
		</StepFrame>
	);
}
