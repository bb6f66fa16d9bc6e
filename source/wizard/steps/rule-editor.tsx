import {Box} from 'ink';
import {useEffect, useMemo, useRef, useState} from 'react';
import type {Direction, Peer, Rule, SecurityGroupSummary} from '../../domain/model.js';
import {parsePeer, peerText} from '../../domain/peers.js';
import {type PresetId, presetRule, presets, suggestedCidr} from '../../domain/presets.js';
import {showPorts, uniqueRules} from '../../domain/rules.js';
import {maxRulesPerGroup} from '../../domain/validators.js';
import {t} from '../../text/index.js';
import type {CloudData} from '../cloud-data.js';
import {moveCursor} from '../components/filter.js';
import {FilterList, type ListItem} from '../components/filter-list.js';
import {FitText, useColumns, WrapText, wrapToWidth} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {useKeys} from '../components/key-chunk.js';
import {hintLines, KeyHints} from '../components/key-hints.js';
import {moveOf, RulesTable} from '../components/rules-table.js';
import {TextInput} from '../components/text-input.js';
import type {VpcScope} from './peer-picker.js';
import {formOf, newForm, type RuleForm} from './rule-form.js';
import {RuleFormView} from './rule-form-view.js';

/** What the editor shows: the rules, the quick source line, the form (with its peer lists), or the presets. */
type Mode =
	| {kind: 'pick'}
	| {kind: 'source'}
	| {kind: 'form'; form: RuleForm; index?: number; round: number}
	| {kind: 'preset'};

type RuleEditorProps = {
	readonly title: string;
	readonly rules: readonly Rule[];
	readonly onChange: (rules: Rule[]) => void;
	readonly onDone: () => void;
	readonly height: number;
	/** Where the group is made: its groups and prefix lists are what peers are picked from. */
	readonly regionId?: string;
	readonly data?: CloudData;
	/** The new group's VPC when already chosen (editing from Review, or --vpc): its peers must be in it. */
	readonly vpc?: {id: string; cidr?: string};
};

/** The VPC a group peer must be in: the one chosen, else that of a group the rules already name. */
export function vpcScope(
	rules: readonly Rule[],
	vpc: RuleEditorProps['vpc'],
	groups: readonly SecurityGroupSummary[],
	except?: number,
): VpcScope {
	if (vpc) return {vpcId: vpc.id, because: 'chosen'};
	for (const [i, rule] of rules.entries()) {
		if (i === except || rule.peer.kind !== 'group') continue;
		const {groupId} = rule.peer;
		const group = groups.find((g) => g.id === groupId);
		if (group?.vpcId) return {vpcId: group.vpcId, because: 'peer', peerName: group.name || group.id};
	}
	return undefined;
}

/** The console's quick-add presets as a list (the `rules` follow-up's too), each with the peer it suggests. */
export function presetItems(direction: Direction, vpcCidr: string | undefined): ListItem[] {
	return presets.map((p) => ({
		key: p.id,
		cells: [p.label, `${p.protocol.toUpperCase()} ${showPorts(p)}`, suggestedCidr(p.id, direction, vpcCidr)],
		search: `${p.label} ${p.protocol} ${showPorts(p)}`,
	}));
}

/**
 * Select a rule and edit every field of it in a form (`e`), change just its peer (`s`), delete it, add one from
 * an empty form (`a`) or from the console's quick-add presets (`p`); a group or prefix-list peer is picked from
 * its live list. Every field is checked by the domain's validators.
 */
export function RuleEditor({title, rules, onChange, onDone, height, regionId, data, vpc}: RuleEditorProps) {
	const [cursor, setCursor] = useState(0);
	const [mode, setModeState] = useState<Mode>({kind: 'pick'});
	const [problem, setProblem] = useState<string | undefined>();
	const at = Math.min(cursor, Math.max(0, rules.length - 1));
	const selected = rules[at];
	const setMode = (next: Mode | 'pick' | 'source') =>
		setModeState(typeof next === 'string' ? {kind: next} : next);
	// The region's groups name the peers typed by id and say which VPC each is in (loaded once per region).
	useEffect(() => {
		if (data && regionId) data.loadGroups(regionId);
	}, [data, regionId]);
	const groupsLoad = data && regionId ? data.groupsOf(regionId) : undefined;
	const groups = useMemo(() => (groupsLoad?.state === 'ready' ? groupsLoad.value : []), [groupsLoad]);
	/** A group peer typed by id gets the name the region's list knows it by. */
	const named = (peer: Peer): Peer => {
		if (peer.kind !== 'group' || peer.name || peer.ownerAccount) return peer;
		const found = groups.find((g) => g.id === peer.groupId);
		return found?.name ? {...peer, name: found.name} : peer;
	};
	// Each opening of the form is a fresh one (its own field state), numbered so React remounts it.
	const opened = useRef(0);
	const openForm = (form: RuleForm, index?: number) => {
		opened.current += 1;
		setMode({kind: 'form', form, index, round: opened.current});
	};

	useKeys(
		(input, key) => {
			setProblem(undefined);
			const move = moveOf(key);
			// The page is the window the table shows (its height less the lines its scroll marks take).
			if (move)
				setCursor((c) =>
					moveCursor(Math.min(c, rules.length - 1), move, rules.length, Math.max(1, tableHeight - 2)),
				);
			else if (key.return || key.escape || key.tab) onDone();
			else if (input === 's' && selected) setMode('source');
			else if (input === 'e' && selected) openForm(formOf(selected), at);
			else if ((input === 'd' || key.delete || key.backspace) && selected) {
				onChange(rules.filter((_, i) => i !== at));
				setCursor(Math.max(0, at - 1));
			} else if (input === 'a' || input === 'p') {
				if (rules.length >= maxRulesPerGroup) setProblem(t('wizard.rules.tooMany', {max: maxRulesPerGroup}));
				else if (input === 'a') openForm(newForm());
				else setMode({kind: 'preset'});
			} else if (input === 'e' || input === 's') setProblem(t('wizard.rules.nothingSelected'));
		},
		{isActive: mode.kind === 'pick'},
	);

	const submitSource = (value: string) => {
		const parsed = parsePeer(value);
		if (!parsed.ok) return setProblem(parsed.problem);
		const peer = named(parsed.peer);
		onChange(uniqueRules(rules.map((r, i) => (i === at ? {...r, peer} : r))));
		setProblem(undefined);
		setMode('pick');
	};
	const saveRule = (rule: Rule, index: number | undefined) => {
		const withName = {...rule, peer: named(rule.peer)};
		const next =
			index === undefined
				? uniqueRules([...rules, withName])
				: uniqueRules(rules.map((r, i) => (i === index ? withName : r)));
		onChange(next);
		const landed = next.indexOf(withName);
		setCursor(landed >= 0 ? landed : Math.max(0, next.length - 1));
		setProblem(undefined);
		setMode('pick');
	};
	const choosePreset = (id: PresetId) => {
		const cidr = suggestedCidr(id, 'ingress', vpc?.cidr);
		openForm(formOf(presetRule(id, 'ingress', cidr), 'peer'));
	};
	const back = () => {
		setProblem(undefined);
		setMode('pick');
	};

	const columns = useColumns();
	const hints: [string, string][] =
		mode.kind === 'pick'
			? [
					['↑↓', t('wizard.keys.move')],
					['e', t('wizard.keys.editRule')],
					['s', t('wizard.keys.source')],
					['d', t('wizard.keys.delete')],
					['a', t('wizard.keys.add')],
					['p', t('wizard.keys.presets')],
					['Enter', t('wizard.keys.doneEditing')],
				]
			: mode.kind === 'preset'
				? [
						['↑↓', t('wizard.keys.move')],
						['Enter', t('wizard.keys.choose')],
						[t('wizard.keys.typeKey'), t('wizard.keys.filter')],
						['Esc', t('wizard.keys.back')],
					]
				: [
						['Enter', t('wizard.keys.save')],
						['Esc', t('wizard.keys.discard')],
					];
	// `height` counts one line of keys and none of a problem; what wraps onto more lines comes off the table,
	// as do the two lines of the input while one is open.
	const extra =
		hintLines(hints, columns).length -
		1 +
		(problem ? wrapToWidth(problem, columns - 2).length : 0) +
		(mode.kind === 'pick' ? 0 : 2);
	const tableHeight = Math.max(3, height - extra);

	if (mode.kind === 'form') {
		const {index} = mode;
		return (
			<RuleFormView
				key={mode.round}
				title={
					index === undefined
						? t('wizard.form.newTitle', {name: title})
						: t('wizard.form.editTitle', {n: index + 1, total: rules.length, name: title})
				}
				initial={mode.form}
				onSave={(rule) => saveRule(rule, index)}
				onCancel={back}
				regionId={regionId}
				data={data}
				scope={vpcScope(rules, vpc, groups, index)}
				// The title, the filter line, two scroll marks, a scope line and the keys around the list.
				listRows={Math.max(3, height - 5 - hintLines(hints, columns).length)}
				problem={problem}
				onChangeAny={() => setProblem(undefined)}
			/>
		);
	}
	if (mode.kind === 'preset') {
		return (
			<Box flexDirection="column">
				<FitText bold>{t('wizard.rules.presets', {name: title})}</FitText>
				<FilterList
					items={presetItems('ingress', vpc?.cidr)}
					height={Math.max(3, Math.min(presets.length, height - 3 - hintLines(hints, columns).length))}
					width={columns}
					onSelect={(item) => choosePreset(item.key as PresetId)}
					onBack={back}
				/>
				<KeyHints hints={hints} />
			</Box>
		);
	}

	return (
		<Box flexDirection="column">
			<FitText bold>{t('wizard.rules.editing', {name: title})}</FitText>
			<RulesTable
				rules={rules}
				cursor={mode.kind === 'pick' ? at : undefined}
				columns={{priority: true}}
				height={tableHeight}
				scroll="none"
			/>
			{mode.kind === 'source' && selected ? (
				<Box flexDirection="column">
					<FitText>
						{t('wizard.rules.newSource', {rule: `${selected.protocol.toUpperCase()} ${showPorts(selected)}`})}
					</FitText>
					<TextInput
						key="source"
						initialValue={peerText(selected.peer)}
						selectInitial
						onSubmit={submitSource}
						onCancel={back}
					/>
				</Box>
			) : null}
			{problem ? (
				<WrapText color="red" lead={glyphs.cross}>
					{problem}
				</WrapText>
			) : null}
			<KeyHints hints={hints} />
		</Box>
	);
}
