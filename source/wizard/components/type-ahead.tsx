// A filter typed while a list is still loading. A person who knows what they want types it at once; the keys
// are kept (and shown) until the list arrives, then handed to the FilterList as its starting query. Enter is
// not kept: what it would pick cannot be known before the list is seen. And the rest of a list screen that waits
// for its list: the keys, the spinner, the read's problem.
import {Box, Text} from 'ink';
import {useCallback} from 'react';
import {t} from '../../text/index.js';
import {FilterLine} from './filter-list.js';
import {typedText, useKeys} from './key-chunk.js';
import type {Hint} from './key-hints.js';
import {Spinner} from './spinner.js';
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
			const typed = typedText(spaceSelects ? input.replaceAll(' ', '') : input, key);
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

/**
 * The keys of a list screen until its list shows: typing is kept for the list (while `loading`), Esc clears what
 * was typed and then goes back, and r reads again once the read has answered (it failed, or found nothing).
 */
export function useListWait({
	loading,
	listing,
	onBack,
	onReload,
}: {
	readonly loading: boolean;
	readonly listing: boolean;
	readonly onBack: () => void;
	readonly onReload: () => void;
}): TypeAhead {
	const typed = useTypeAhead(loading);
	useKeys(
		(input, key) => {
			if (key.escape) {
				if (typed.query !== '') typed.clear();
				else onBack();
			} else if (input === 'r' && !loading) onReload();
		},
		{isActive: !listing},
	);
	return typed;
}

/** The keys of a list screen: the list's own once it shows; else r (when `reload` names it) and Esc. */
export const listHints = (listing: boolean, esc: string, reload?: string): Hint[] =>
	listing
		? [
				['↑↓', t('wizard.keys.move')],
				['Enter', t('wizard.keys.choose')],
				[t('wizard.keys.typeKey'), t('wizard.keys.filter')],
				['Esc', esc],
			]
		: [...(reload ? ([['r', reload]] as Hint[]) : []), ['Esc', esc]];

/** Where the list will be while it loads: what was typed so far, and a spinner. */
export function ListLoading({query, label}: {readonly query: string; readonly label: string}) {
	return (
		<Box flexDirection="column">
			<TypedFilter query={query} />
			<Spinner label={label} />
		</Box>
	);
}

/** A read that failed, in red, and what to do about it. */
export function LoadProblem({problem}: {readonly problem: {sentence: string; next?: string}}) {
	return (
		<Box flexDirection="column">
			<Text color="red">{problem.sentence}</Text>
			{problem.next ? <Text>{problem.next}</Text> : null}
		</Box>
	);
}
