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
};

/**
 * A one-line input, cursor at the end. It keeps its own value (remount with a key to reset it) and ignores
 * arrows, Tab and Ctrl combinations so the step around it can use them; Ctrl+U clears the line.
 */
export function TextInput({
	initialValue = '',
	placeholder,
	onChange,
	onSubmit,
	onCancel,
	isActive = true,
}: TextInputProps) {
	const [value, setValue] = useLiveState(initialValue);
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
			if (key.backspace || key.delete) {
				setValue((v) => [...v].slice(0, -1).join(''));
				return;
			}
			if (key.ctrl && input === 'u') {
				setValue(() => '');
				return;
			}
			if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow)
				return;
			if (key.pageUp || key.pageDown || key.home || key.end) return;
			// Pasted text may carry escape codes or line breaks: keep what can be drawn on one line, and treat a
			// final line break as Enter (Ink hands a pasted "name⏎" over as one string, not as text then Return).
			const submits = /[\r\n]$/.test(input);
			const typed = cleanLine(input.replace(/[\r\n]+$/, ''));
			const value = typed ? setValue((v) => v + typed) : setValue((v) => v);
			if (submits) onSubmit(value);
		},
		{isActive},
	);

	return (
		<Text>
			<Text color="cyan">{glyphs.pointer} </Text>
			{value === '' && placeholder ? <Text dimColor>{placeholder}</Text> : <Text>{value}</Text>}
			{isActive ? <Text color="cyan">{glyphs.cursor}</Text> : null}
		</Text>
	);
}
