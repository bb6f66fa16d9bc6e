import {type Key, Text} from 'ink';
import {useEffect, useRef} from 'react';
import {glyphs} from './glyphs.js';
import {typedText, useKeys} from './key-chunk.js';
import {useLiveState} from './use-live-state.js';

export type TextInputProps = {
	readonly initialValue?: string;
	readonly placeholder?: string;
	/** Called on every change, for live validation. */
	readonly onChange?: (value: string) => void;
	readonly onSubmit: (value: string) => void;
	/** Esc, told the value as typed (a step may keep it as a draft). */
	readonly onCancel: (value: string) => void;
	/** Show the initial value selected: the first key typed replaces it (editing a value, e.g. a source CIDR). */
	readonly selectInitial?: boolean;
};

/** The line after a key: what it holds, and whether it is still shown selected. */
export type Edited = {value: string; selected: boolean};

/**
 * Applies one key (as useKeys names it) to the line: Ctrl+U clears it, Ctrl+W deletes the word before the
 * cursor (the spaces before it, then the word, as readline does), Backspace a character; typed text is cleaned
 * of control characters and escape codes. Keys the line does not edit leave it as it is (`undefined`).
 */
export function applyKey(line: Edited, input: string, key: Key): Edited | undefined {
	const {value, selected} = line;
	if (key.backspace || key.delete)
		return {value: selected ? '' : [...value].slice(0, -1).join(''), selected: false};
	if (key.ctrl && input === 'u') return {value: '', selected: false};
	if (key.ctrl && input === 'w')
		return {value: selected ? '' : value.replace(/\S*\s*$/, ''), selected: false};
	const typed = typedText(input, key);
	if (typed === '') return undefined;
	return {value: selected ? typed : value + typed, selected: false};
}

/**
 * A one-line input, cursor at the end. It keeps its own value (remount with a key to reset it) and ignores
 * arrows, Tab and Ctrl combinations so the step around it can use them; Ctrl+U clears the line and Ctrl+W deletes
 * the word before the cursor.
 */
export function TextInput({
	initialValue = '',
	placeholder,
	onChange,
	onSubmit,
	onCancel,
	selectInitial = false,
}: TextInputProps) {
	const [line, setLine] = useLiveState<Edited>({
		value: initialValue,
		selected: selectInitial && initialValue !== '',
	});
	const {value, selected} = line;
	const changed = useRef(onChange);
	changed.current = onChange;
	useEffect(() => {
		changed.current?.(value);
	}, [value]);

	// One key at a time, however many arrive together (components/key-chunk.ts); live state, so the second key
	// of a chunk builds on the first before any re-render.
	useKeys((input, key) => {
		if (key.return) onSubmit(setLine((l) => l).value);
		else if (key.escape) onCancel(setLine((l) => l).value);
		else setLine((l) => applyKey(l, input, key) ?? l);
	});

	return <TextLine value={value} selected={selected} placeholder={placeholder} />;
}

/** The line an input draws: its pointer, the value (inverse while selected, or the placeholder) and the cursor. */
export function TextLine({
	value,
	selected,
	placeholder,
	isActive = true,
}: {
	readonly value: string;
	readonly selected: boolean;
	readonly placeholder?: string | undefined;
	readonly isActive?: boolean;
}) {
	return (
		<Text>
			<Text color="cyan">{glyphs.pointer} </Text>
			{value === '' && placeholder ? (
				<>
					{isActive ? <Text color="cyan">{glyphs.cursor}</Text> : null}
					<Text dimColor>{placeholder}</Text>
				</>
			) : (
				<>
					<Text inverse={selected}>{value}</Text>
					{isActive ? <Text color="cyan">{glyphs.cursor}</Text> : null}
				</>
			)}
		</Text>
	);
}
