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
	selectInitial = false,
}: TextInputProps) {
	const [value, setValue] = useLiveState(initialValue);
	const [selected, setSelected] = useLiveState(selectInitial && initialValue !== '');
	// Reads and clears the selection in one go (live, so a fast second key does not replace again).
	const takeSelection = (): boolean => {
		let was = false;
		setSelected((previous) => {
			was = previous;
			return false;
		});
		return was;
	};
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
				const clear = takeSelection();
				setValue((v) => (clear ? '' : [...v].slice(0, -1).join('')));
				return;
			}
			if (key.ctrl && input === 'u') {
				takeSelection();
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
			const replace = typed !== '' && takeSelection();
			const value = typed ? setValue((v) => (replace ? typed : v + typed)) : setValue((v) => v);
			if (submits) onSubmit(value);
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
