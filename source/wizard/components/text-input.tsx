import {Text, useInput} from 'ink';
import {useEffect, useRef} from 'react';
import {cleanLine} from '../../text/index.js';
import {glyphs} from './glyphs.js';
import {useLiveState} from './use-live-state.js';

export type TextInputProps = {
	readonly initialValue?: string;
	readonly placeholder?: string;
	/** Called on every change, for live validation. */
	readonly onChange?: (value: string) => void;
	readonly onSubmit: (value: string) => void;
	readonly onCancel: () => void;
	readonly isActive?: boolean;
	/** Show the initial value selected: the first key typed replaces it (editing a value, e.g. a source CIDR). */
	readonly selectInitial?: boolean;
};

/** The line after a chunk of keys: what it holds, whether it is still shown selected, and whether Enter ended it. */
export type Edited = {value: string; selected: boolean; submit: boolean};

/**
 * Applies a chunk of keys to the line in order. A paste, or keys typed ahead over a slow link, reach Ink as one
 * string, so the editing keys inside it (Ctrl+U, Ctrl+W, Backspace) act where they stand rather than being dropped;
 * other control characters and escape codes are not kept, and a final line break is Enter.
 */
export function applyKeys(value: string, selected: boolean, chunk: string): Edited {
	let line = value;
	let chosen = selected;
	const submit = /[\r\n]$/.test(chunk);
	// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are the keys being read.
	for (const part of chunk.replace(/[\r\n]+$/, '').split(/([\u0015\u0017\u007F\b])/)) {
		if (part === '') continue;
		if (part === '\u0015') line = '';
		// Ctrl+W as readline does it: the spaces before the cursor, then the word before them.
		else if (part === '\u0017') line = chosen ? '' : line.replace(/\S*\s*$/, '');
		else if (part === '\u007F' || part === '\b') line = chosen ? '' : [...line].slice(0, -1).join('');
		else {
			const typed = cleanLine(part);
			if (typed === '') continue;
			line = chosen ? typed : line + typed;
		}
		chosen = false;
	}
	return {value: line, selected: chosen, submit};
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
	isActive = true,
	selectInitial = false,
}: TextInputProps) {
	const [value, setValue] = useLiveState(initialValue);
	const [selected, setSelected] = useLiveState(selectInitial && initialValue !== '');
	const changed = useRef(onChange);
	changed.current = onChange;
	useEffect(() => {
		changed.current?.(value);
	}, [value]);

	useInput(
		(input, key) => {
			if (key.return) {
				onSubmit(setValue((v) => v));
				return;
			}
			if (key.escape) {
				onCancel();
				return;
			}
			// One key each: Ink names it; the chunk form below does the same when several arrive together.
			let chunk = input;
			if (key.backspace || key.delete) chunk = '\u007F';
			else if (key.ctrl && input === 'u') chunk = '\u0015';
			else if (key.ctrl && input === 'w') chunk = '\u0017';
			else if (
				key.ctrl ||
				key.meta ||
				key.tab ||
				key.upArrow ||
				key.downArrow ||
				key.leftArrow ||
				key.rightArrow
			)
				return;
			else if (key.pageUp || key.pageDown || key.home || key.end) return;
			// Live state (read back at once), so a second chunk before the next render builds on this one.
			const edited = applyKeys(
				setValue((v) => v),
				setSelected((s) => s),
				chunk,
			);
			setSelected(() => edited.selected);
			setValue(() => edited.value);
			if (edited.submit) onSubmit(edited.value);
		},
		{isActive},
	);

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
