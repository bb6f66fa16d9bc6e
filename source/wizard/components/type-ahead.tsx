// A filter typed while a list is still loading. A person who knows what they want types it at once; the keys
// are kept (and shown) until the list arrives, then handed to the FilterList as its starting query. Enter is
// not kept: what it would pick cannot be known before the list is seen.
import {useCallback} from 'react';
import {cleanLine} from '../../text/index.js';
import {FilterLine} from './filter-list.js';
import {useKeys} from './key-chunk.js';
import {useLiveState} from './use-live-state.js';

export type TypeAhead = {
	/** What has been typed so far ('' for nothing). */
	readonly query: string;
	/** Forgets it (Esc clears the filter before it goes back, as in the list itself). */
	readonly clear: () => void;
};

/**
 * Collects filter keys (printable text and Backspace) while `isActive`, i.e. while the list loads. In a
 * multi-select list Space selects, so it is not typed (`spaceSelects`): what it would select is not known yet.
 */
export function useTypeAhead(isActive: boolean, options: {spaceSelects?: boolean} = {}): TypeAhead {
	const {spaceSelects = false} = options;
	const [query, setQuery] = useLiveState('');
	// One key at a time, however many arrive together (a paste, key repeat: components/key-chunk.ts).
	useKeys(
		(input, key) => {
			if (key.backspace || key.delete) {
				setQuery((q) => [...q].slice(0, -1).join(''));
				return;
			}
			if (key.ctrl || key.meta || key.tab || key.return || key.escape) return;
			if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return;
			if (key.home || key.end || key.pageUp || key.pageDown) return;
			const typed = cleanLine(spaceSelects ? input.replaceAll(' ', '') : input);
			if (typed) setQuery((q) => q + typed);
		},
		{isActive},
	);
	const clear = useCallback(() => {
		setQuery(() => '');
	}, [setQuery]);
	return {query, clear};
}

/** The filter line a list will open with, drawn above the loading spinner once something is typed. */
export function TypedFilter({query}: {readonly query: string}) {
	return query === '' ? null : <FilterLine query={query} />;
}
