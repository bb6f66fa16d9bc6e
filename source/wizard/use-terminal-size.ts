import {useStdout} from 'ink';
import {useCallback, useSyncExternalStore} from 'react';

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
const shortRows = 18;

export const isShort = (size: TerminalSize): boolean => size.rows < shortRows;

// Every frame, step and line that fits itself needs the size; one 'resize' listener per stream serves them all (a
// listener each would pass Node's limit of ten, and its warning, printed mid-frame, would break the screen).
const watchers = new WeakMap<NodeJS.WriteStream, Set<() => void>>();

function watch(stdout: NodeJS.WriteStream, listener: () => void): () => void {
	const listeners = watchers.get(stdout) ?? new Set<() => void>();
	if (!watchers.has(stdout)) {
		watchers.set(stdout, listeners);
		stdout.on('resize', () => {
			for (const l of listeners) l();
		});
	}
	listeners.add(listener);
	return () => {
		listeners.delete(listener);
	};
}

// The same object while the size stays, as useSyncExternalStore requires of a snapshot.
const sizes = new WeakMap<NodeJS.WriteStream, TerminalSize>();

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
	const now = read(stdout);
	const known = sizes.get(stdout);
	if (known && known.columns === now.columns && known.rows === now.rows) return known;
	sizes.set(stdout, now);
	return now;
}

/** The terminal's size, updated on every resize (Ink 6 has no useWindowSize). */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const subscribe = useCallback((listener: () => void) => watch(stdout, listener), [stdout]);
	return useSyncExternalStore(subscribe, () => sizeOf(stdout));
}
