import {Box, Text, type TextProps} from 'ink';
import {cut, width} from '../../text/index.js';
import {useTerminalSize} from '../use-terminal-size.js';

/** The terminal's width (80 for a stream that does not say), following resizes. */
export const useColumns = (): number => useTerminalSize().columns;

export type FitTextProps = Omit<TextProps, 'children' | 'wrap'> & {
	readonly children: string;
	/** Columns already taken on this line by what comes before (a label drawn in another Text). */
	readonly used?: number;
};

/**
 * One line cut to the terminal's width by display width. Ink's own truncate-end draws one column too many when
 * the cut falls inside a double-width character (CJK), and the terminal then wraps the line and the next frame
 * is drawn over the wrong rows; cutting here first keeps Chinese screens intact.
 */
export function FitText({children, used = 0, ...props}: FitTextProps) {
	const columns = useColumns();
	return (
		<Text {...props} wrap="truncate-end">
			{cut(children, Math.max(1, columns - used))}
		</Text>
	);
}

const closers = /^[。，、；：？！）」』》〉】〕”’…,.;:!?)\]]$/u;
const wide =
	/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Splits text into lines of at most `columns` display columns. Latin words move whole to the next line (a word
 * longer than a line is cut); Chinese may break between any two characters, as it is typeset, where a
 * space-only wrapper would push a whole clause to the next line and leave the first nearly empty.
 */
export function wrapToWidth(text: string, columns: number): string[] {
	const limit = Math.max(1, columns);
	// Pieces: a run of spaces, a Latin word, or one wide character.
	const pieces = text.match(/\s+|[^\s]/gu) ?? [];
	const tokens: string[] = [];
	for (const piece of pieces) {
		const last = tokens.length - 1;
		const previous = tokens[last] ?? ' ';
		const latinRun =
			!/\s/u.test(piece) && !wide.test(piece) && !/\s$/u.test(previous) && !wide.test(previous);
		// Closing punctuation (。，、）and the like) stays with what it closes, as Chinese typesetting wants.
		const closing = closers.test(piece) && !/^\s+$/u.test(previous);
		if (last >= 0 && (latinRun || closing)) tokens[last] += piece;
		else tokens.push(piece);
	}
	const lines: string[] = [];
	let line = '';
	for (const token of tokens) {
		if (/^\s+$/u.test(token)) {
			if (line !== '') line += ' ';
			continue;
		}
		if (width(line) + width(token) <= limit) {
			line += token;
			continue;
		}
		if (line.trim() !== '') lines.push(line.trimEnd());
		line = '';
		let rest = token;
		while (width(rest) > limit) {
			let head = '';
			for (const ch of rest) {
				if (width(head + ch) > limit) break;
				head += ch;
			}
			lines.push(head);
			rest = rest.slice(head.length);
		}
		line = rest;
	}
	if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
	return lines;
}

export type WrapTextProps = Omit<TextProps, 'children' | 'wrap'> & {
	readonly children: string;
	/** Drawn before the first line (a glyph); the lines after it are indented to match. */
	readonly lead?: string;
};

/** Text wrapped to the terminal's width, breaking Chinese between characters (see wrapToWidth). */
export function WrapText({children, lead = '', ...props}: WrapTextProps) {
	const columns = useColumns();
	const indent = lead ? ' '.repeat(width(lead) + 1) : '';
	const lines = wrapToWidth(children, columns - indent.length);
	return (
		<Box flexDirection="column">
			{lines.map((l, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: the lines of one text, in order.
				<Text key={i} {...props}>
					{i === 0 ? (lead ? `${lead} ` : '') : indent}
					{l}
				</Text>
			))}
		</Box>
	);
}
