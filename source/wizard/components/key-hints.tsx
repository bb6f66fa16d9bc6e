import {Box, Text} from 'ink';
import {width} from '../../text/index.js';
import {useColumns, wrapToWidth} from './fit-text.js';

export type Hint = readonly [key: string, action: string];

const separator = '  ·  ';

/**
 * The hints as lines of at most `columns`: a hint is never split from its key, and a line breaks between
 * hints, so a narrow terminal shows every key on two or three lines rather than cutting the last ones off.
 * Only a hint wider than the whole line is wrapped inside (at its spaces).
 */
export function hintLines(hints: readonly Hint[], columns: number): string[] {
	const limit = Math.max(1, columns);
	const lines: string[] = [];
	let line = '';
	for (const [key, action] of hints) {
		const hint = `${key} ${action}`;
		if (line !== '' && width(line) + width(separator) + width(hint) <= limit) {
			line += separator + hint;
			continue;
		}
		if (line !== '') lines.push(line);
		line = '';
		if (width(hint) <= limit) line = hint;
		else {
			const parts = wrapToWidth(hint, limit);
			line = parts.pop() ?? '';
			lines.push(...parts);
		}
	}
	if (line !== '') lines.push(line);
	return lines;
}

/** The keys of the active step, dim, at the bottom: wrapped between hints to the terminal's width. */
export function KeyHints({hints}: {readonly hints: readonly Hint[]}) {
	const columns = useColumns();
	return (
		<Box flexDirection="column">
			{hintLines(hints, columns).map((line) => (
				<Text key={line} dimColor>
					{line}
				</Text>
			))}
		</Box>
	);
}
