import {Box, Text} from 'ink';
import {createContext, type ReactNode, useContext} from 'react';
import {t} from '../../text/index.js';
import {isShort, useTerminalSize} from '../use-terminal-size.js';
import {FitText, WrapText, wrapToWidth} from './fit-text.js';
import {glyphs} from './glyphs.js';
import {type Hint, KeyHints} from './key-hints.js';

export type StepFrameProps = {
	readonly title: string;
	/** "Step 2 of 7" (omitted on Submitting and Done). */
	readonly position?: {index: number; total: number};
	/** One line saying what the step is for. */
	readonly purpose?: string;
	/** A refusal or problem, shown in red above the keys. */
	readonly problem?: string;
	readonly hints?: readonly Hint[];
	readonly children?: ReactNode;
};

/** A short mark shown after every step's heading (e.g. that the calls go to the sandbox). */
export const HeadingBadge = createContext<string | undefined>(undefined);

/** Lines the heading takes: it wraps when the title, the step and the sandbox mark are too wide (one line when short). */
export function useHeadingLines(title: string, position?: {index: number; total: number}): number {
	const badge = useContext(HeadingBadge);
	const size = useTerminalSize();
	if (isShort(size)) return 1;
	const text = `${title}${position ? `  ${t('wizard.progress', position)}` : ''}${badge ? `  ${badge}` : ''}`;
	return wrapToWidth(text, size.columns).length;
}

/** Heading, purpose, content, problem, keys: the same shape on every step (no purpose in a short terminal). */
export function StepFrame({title, position, purpose, problem, hints, children}: StepFrameProps) {
	const short = isShort(useTerminalSize());
	const badge = useContext(HeadingBadge);
	return (
		<Box flexDirection="column">
			{/* Wrapped, not cut, so the sandbox mark shows whole; below 18 rows every line is worth more. */}
			<Text wrap={short ? 'truncate-end' : 'wrap'}>
				<Text bold color="cyan">
					{title}
				</Text>
				{position ? <Text dimColor>{`  ${t('wizard.progress', position)}`}</Text> : null}
				{badge ? <Text color="yellow">{`  ${badge}`}</Text> : null}
			</Text>
			{purpose && !short ? <FitText dimColor>{purpose}</FitText> : null}
			{children}
			{problem ? (
				<WrapText color="red" lead={glyphs.cross}>
					{problem}
				</WrapText>
			) : null}
			{hints && hints.length > 0 ? <KeyHints hints={hints} /> : null}
		</Box>
	);
}
