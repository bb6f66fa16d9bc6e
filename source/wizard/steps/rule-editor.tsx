import {Box} from 'ink';
import {useState} from 'react';
import type {Rule} from '../../domain/model.js';
import {parsePeer, peerText} from '../../domain/peers.js';
import {parseRuleSpec, showPorts, uniqueRules} from '../../domain/rules.js';
import {maxRulesPerGroup} from '../../domain/validators.js';
import {t} from '../../text/index.js';
import {moveCursor} from '../components/filter.js';
import {FitText, useColumns, WrapText, wrapToWidth} from '../components/fit-text.js';
import {glyphs} from '../components/glyphs.js';
import {useKeys} from '../components/key-chunk.js';
import {hintLines, KeyHints} from '../components/key-hints.js';
import {moveOf, RulesTable} from '../components/rules-table.js';
import {TextInput} from '../components/text-input.js';

type Mode = 'pick' | 'source' | 'add';

export type RuleEditorProps = {
	readonly title: string;
	readonly rules: readonly Rule[];
	readonly onChange: (rules: Rule[]) => void;
	readonly onDone: () => void;
	readonly height: number;
};

/** Select a rule, change its source, delete it, or add one as PROTO:PORTS:CIDR; validated by the domain. */
export function RuleEditor({title, rules, onChange, onDone, height}: RuleEditorProps) {
	const [cursor, setCursor] = useState(0);
	const [mode, setMode] = useState<Mode>('pick');
	const [problem, setProblem] = useState<string | undefined>();
	const at = Math.min(cursor, Math.max(0, rules.length - 1));
	const selected = rules[at];

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
			else if ((input === 'd' || key.delete || key.backspace) && selected) {
				onChange(rules.filter((_, i) => i !== at));
				setCursor(Math.max(0, at - 1));
			} else if (input === 'a') {
				if (rules.length >= maxRulesPerGroup) setProblem(t('wizard.rules.tooMany', {max: maxRulesPerGroup}));
				else setMode('add');
			}
		},
		{isActive: mode === 'pick'},
	);

	const submitSource = (value: string) => {
		const parsed = parsePeer(value);
		if (!parsed.ok) return setProblem(parsed.problem);
		const {peer} = parsed;
		onChange(uniqueRules(rules.map((r, i) => (i === at ? {...r, peer} : r))));
		setProblem(undefined);
		setMode('pick');
	};
	const submitAdd = (value: string) => {
		const parsed = parseRuleSpec(value.trim());
		if (!parsed.ok) return setProblem(parsed.problem);
		const next = uniqueRules([...rules, parsed.rule]);
		onChange(next);
		setCursor(next.length - 1);
		setProblem(undefined);
		setMode('pick');
	};
	const back = () => {
		setProblem(undefined);
		setMode('pick');
	};

	const columns = useColumns();
	const hints: [string, string][] =
		mode === 'pick'
			? [
					['↑↓', t('wizard.keys.move')],
					['s', t('wizard.keys.source')],
					['d', t('wizard.keys.delete')],
					['a', t('wizard.keys.add')],
					['Enter', t('wizard.keys.doneEditing')],
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
		(mode === 'pick' ? 0 : 2);
	const tableHeight = Math.max(3, height - extra);

	return (
		<Box flexDirection="column">
			<FitText bold>{t('wizard.rules.editing', {name: title})}</FitText>
			<RulesTable
				rules={rules}
				cursor={mode === 'pick' ? at : undefined}
				height={tableHeight}
				scroll="none"
			/>
			{mode === 'source' && selected ? (
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
			{mode === 'add' ? (
				<Box flexDirection="column">
					<FitText>{t('wizard.rules.newRule')}</FitText>
					<TextInput key="add" placeholder="tcp:8080:10.0.0.0/8" onSubmit={submitAdd} onCancel={back} />
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
