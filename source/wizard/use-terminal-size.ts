import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type TerminalSize = {columns: number; rows: number};

const read = (stdout: NodeJS.WriteStream): TerminalSize => ({
	// Test streams have no rows, and a pipe has neither: assume the classic 80x24.
	columns: stdout.columns > 0 ? stdout.columns : 80,
	rows: stdout.rows > 0 ? stdout.rows : 24,
});

/**
 * Below this many rows the steps drop what only explains (the purpose line, the defaults, the rules table that
 * Review also counts in its Template line), so that a step still fits whole: heading, choices and keys.
 */
export const shortRows = 18;

export const isShort = (size: TerminalSize): boolean => size.rows < shortRows;

/** The terminal's size, updated on every resize (Ink 6 has no useWindowSize). */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		const update = () => setSize(read(stdout));
		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout]);
	return size;
}
