// The one rule form, for the create wizard's editor and the `rules` follow-up alike: a row per field, ↑/↓
// between them, ←/→ (or Space) through a field's choices, typing into a text field, Enter to save (or, on a group
// or prefix-list peer, to open its live list, peer-picker.tsx), Esc to discard.
import {Box, Text} from 'ink';
import {useState} from 'react';
import type {Direction, Peer, PeerKind, Rule} from '../../domain/model.js';
import {farEndHeader, peerLabel, peerText} from '../../domain/peers.js';
import {cut, t, width} from '../../text/index.js';
import type {CloudData} from '../cloud-data.js';
import {FitText, useColumns, WrapText} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {type KeyPress, useKeys} from '../components/key-chunk.js';
import {type Hint, KeyHints} from '../components/key-hints.js';
import {TextLine} from '../components/text-input.js';
import {useLiveState} from '../components/use-live-state.js';
import {PeerPicker, type VpcScope} from './peer-picker.js';
import {
	activeFields,
	choiceFields,
	type FormAction,
	type FormField,
	formReducer,
	pickedKind,
	type RuleForm,
	saveForm,
	textOf,
} from './rule-form.js';

const protocolName = (p: string): string => (p === 'icmpv6' ? 'ICMPv6' : p.toUpperCase());

const directionText = (d: Direction): string =>
	d === 'ingress' ? t('wizard.rules.inbound') : t('wizard.rules.outbound');

function peerKindText(kind: PeerKind): string {
	switch (kind) {
		case 'ipv4':
			return t('wizard.form.kindIpv4');
		case 'ipv6':
			return t('wizard.form.kindIpv6');
		case 'group':
			return t('wizard.form.kindGroup');
		case 'prefix-list':
			return t('wizard.form.kindPrefixList');
	}
}

/** The peer field of a group or prefix-list peer: picked from its list, not typed. */
const picks = (form: RuleForm, field: FormField): boolean => field === 'peer' && pickedKind(form.peerKind);

function fieldLabel(field: FormField, direction: Direction): string {
	switch (field) {
		case 'direction':
			return t('wizard.rules.direction');
		case 'protocol':
			return t('wizard.rules.protocol');
		case 'ports':
			return t('wizard.rules.ports');
		case 'peerKind':
			return t('wizard.form.peerKind', {far: farEndHeader(direction)});
		case 'peer':
			return farEndHeader(direction);
		case 'policy':
			return t('wizard.rules.policy');
		case 'priority':
			return t('wizard.form.priority');
		case 'description':
			return t('wizard.rules.note');
	}
}

function choiceText(form: RuleForm, field: FormField): string {
	switch (field) {
		case 'direction':
			return directionText(form.direction);
		case 'protocol':
			return protocolName(form.protocol);
		case 'peerKind':
			return peerKindText(form.peerKind);
		case 'policy':
			return form.policy === 'drop' ? t('wizard.rules.deny') : t('wizard.rules.allow');
		default:
			return '';
	}
}

/** A picked peer with its name, or by its id alone where the name would not fit (an id is never cut first). */
function pickedText(peer: Peer, room: number): string {
	const label = peerLabel(peer);
	if (width(label) <= room) return label;
	return width(peerText(peer)) <= room ? peerText(peer) : cut(label, room);
}

/** What the cursor's field takes, in one line below the form. */
function fieldHelp(form: RuleForm): string {
	switch (form.field) {
		case 'ports':
			return t('wizard.form.helpPorts');
		case 'peer':
			if (form.peerKind === 'group') return t('wizard.form.helpGroup');
			if (form.peerKind === 'prefix-list') return t('wizard.form.helpPrefixList');
			return form.peerKind === 'ipv6' ? t('wizard.form.helpIpv6') : t('wizard.form.helpIpv4');
		case 'priority':
			return t('wizard.form.helpPriority');
		case 'description':
			return t('wizard.form.helpDescription');
		default:
			return t('wizard.form.helpChoice');
	}
}

/** The keys of the form where the cursor is now (wrapped by KeyHints, never cut). */
function formHints(form: RuleForm): Hint[] {
	const choice = choiceFields.includes(form.field);
	const enter = picks(form, form.field)
		? form.peerKind === 'group'
			? t('wizard.keys.pickGroup')
			: t('wizard.keys.pickList')
		: t('wizard.keys.saveRule');
	return [
		['↑↓', t('wizard.keys.field')],
		...(choice ? ([['←→', t('wizard.keys.changeValue')]] as Hint[]) : []),
		['Enter', enter],
		['Esc', t('wizard.keys.discard')],
	];
}

/** One field's row: its label, then its value (a choice between ‹ ›, the peer picked, or the text being typed). */
function FieldRow({
	form,
	field,
	labelWidth,
	columns,
}: {
	readonly form: RuleForm;
	readonly field: FormField;
	readonly labelWidth: number;
	readonly columns: number;
}) {
	const active = field === form.field;
	const label = fieldLabel(field, form.direction);
	const choice = choiceFields.includes(field);
	const typing = active && !choice && !picks(form, field);
	// A field being typed in has the input's own pointer; the others get it on their label.
	const lead = `${active && !typing ? glyphs.pointer : ' '} ${label}${' '.repeat(Math.max(1, labelWidth - width(label)))}`;
	const room = Math.max(1, columns - width(lead) - 1);
	let value: React.ReactNode;
	if (choice) {
		const text = choiceText(form, field);
		value = active ? <Text color="cyan">{cut(`‹ ${text} ›`, room)}</Text> : cut(text, room);
	} else if (picks(form, field)) {
		value = form.picked ? (
			pickedText(form.picked, room)
		) : (
			<Text dimColor>{cut(t('wizard.form.nothingPicked'), room)}</Text>
		);
	} else if (active) {
		value = <TextLine value={textOf(form, field)} selected={form.selected} />;
	} else value = cut(textOf(form, field), room) || <Text dimColor>-</Text>;
	return (
		<Box>
			<Text color={active ? 'cyan' : undefined} bold={active}>
				{lead}
			</Text>
			<Text wrap="truncate-end">{value}</Text>
		</Box>
	);
}

type PeerList = {kind: 'group' | 'prefix-list'; typed: string; keys: readonly KeyPress[]};

type RuleFormViewProps = {
	readonly title: string;
	readonly initial: RuleForm;
	readonly onSave: (rule: Rule) => void;
	readonly onCancel: () => void;
	/** Where group and prefix-list peers are picked from (none while no region is chosen). */
	readonly regionId?: string | undefined;
	readonly data?: CloudData | undefined;
	/** The VPC a group peer must be in. */
	readonly scope: VpcScope;
	/** The group the rule is for, when it exists (`rules`): not a peer it can have. */
	readonly self?: string | undefined;
	/** The rows a peer's list may take. */
	readonly listRows: number;
	/** A problem the form cannot know (e.g. the rule is already in the list). */
	readonly problem?: string | undefined;
	/** Called on every save, before the form's own checks: a problem from outside is then out of date. */
	readonly onChangeAny?: () => void;
};

export function RuleFormView({
	title,
	initial,
	onSave,
	onCancel,
	regionId,
	data,
	scope,
	self,
	listRows,
	problem,
	onChangeAny,
}: RuleFormViewProps) {
	// Live: the keys of one chunk (a paste, tmux send-keys) each apply to the form the one before left.
	const [form, setForm] = useLiveState(initial);
	const dispatch = (action: FormAction) => setForm((now) => formReducer(now, action));
	/** The peer's list while it is open: what was typed as its filter, and the keys that came after in its chunk. */
	const [list, setList] = useLiveState<PeerList | undefined>(undefined);
	const [noList, setNoList] = useState(false);
	const columns = useColumns();
	const fields = activeFields(form);
	const save = (now: RuleForm) => {
		onChangeAny?.();
		setNoList(false);
		const saved = saveForm(now);
		if (saved.ok) onSave(saved.rule);
		else dispatch({type: 'refuse', field: saved.field, text: saved.problem});
	};
	const openList = (now: RuleForm, typed: string) => {
		const kind = now.peerKind as 'group' | 'prefix-list';
		if (regionId && data) setList(() => ({kind, typed, keys: []}));
		else setNoList(true);
	};
	useKeys(
		(input, key) => {
			// The rest of the chunk that opened the peer's list (`app` then Enter) is the list's: it takes it on opening.
			if (setList((open) => open && {...open, keys: [...open.keys, {input, key}]})) return;
			if (key.upArrow) return dispatch({type: 'move', by: -1});
			if (key.downArrow) return dispatch({type: 'move', by: 1});
			const now = setForm((f) => f);
			const picking = picks(now, now.field);
			if (key.return) return picking ? openList(now, '') : save(now);
			if (key.escape) return onCancel();
			if (!picking && !choiceFields.includes(now.field)) return dispatch({type: 'key', input, key});
			if (key.leftArrow || key.rightArrow || input === ' ') {
				if (picking) return openList(now, '');
				return dispatch({type: 'cycle', by: key.leftArrow ? -1 : 1});
			}
			// Typing on a group or prefix list opens its list filtered by what was typed.
			if (picking && input && !key.ctrl && !key.meta && !key.tab) openList(now, input);
		},
		{isActive: list === undefined},
	);
	if (list && regionId && data)
		return (
			<PeerPicker
				kind={list.kind}
				regionId={regionId}
				data={data}
				scope={scope}
				self={self}
				initialQuery={list.typed}
				initialKeys={list.keys}
				height={listRows}
				width={columns}
				onPick={(peer) => {
					dispatch({type: 'pick', peer});
					setList(() => undefined);
				}}
				onBack={() => setList(() => undefined)}
			/>
		);
	const labelWidth = Math.max(...fields.map((f) => width(fieldLabel(f, form.direction)))) + 2;
	const shown = problem ?? (noList ? t('wizard.form.noList') : form.problem?.text);
	return (
		<Box flexDirection="column">
			<FitText bold>{title}</FitText>
			{fields.map((field) => (
				<FieldRow key={field} form={form} field={field} labelWidth={labelWidth} columns={columns} />
			))}
			{/* What the field takes wraps, never cut: at 50 columns the group's help is longer than a line. */}
			<WrapText dimColor>{fieldHelp(form)}</WrapText>
			{shown ? (
				<WrapText color="red" lead={glyphs.cross}>
					{shown}
				</WrapText>
			) : null}
			<KeyHints hints={formHints(form)} />
		</Box>
	);
}
