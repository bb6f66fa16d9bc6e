import {Box, Text} from 'ink';
import {useEffect, useMemo, useRef} from 'react';
import {fitWidth, t, width} from '../../text/index.js';
import {incrementalFilter, type Move, moveCursor, prepare, scrollTop} from './filter.js';
import {glyphs} from './glyphs.js';
import {type KeyHandler, type KeyPress, typedText, useKeys} from './key-chunk.js';
import {moveOf, ScrollMark} from './rules-table.js';
import {useLiveState} from './use-live-state.js';

export type ListItem = {
	readonly key: string;
	/** Columns, already cleaned: aligned by display width (CJK counts two). */
	readonly cells: readonly string[];
	/** What typing matches against (name, id, CIDR, ...). */
	readonly search: string;
	/** A short mark after the columns (e.g. "default", "last used"). */
	readonly mark?: string;
};

export type FilterListProps = {
	readonly items: readonly ListItem[];
	/** Item rows to show at once (the window); the list never renders more. */
	readonly height: number;
	/** Terminal columns available. */
	readonly width: number;
	/** Columns up to this one stay whole in a narrow terminal: the first narrows for them (see fitColumns). */
	readonly keepWhole?: number;
	readonly initialKey?: string;
	/** The filter to open with (typed while the list was loading: components/type-ahead.tsx). */
	readonly initialQuery?: string;
	/** Keys of the chunk that opened the list, after the one that did (a paste, tmux send-keys): applied on opening. */
	readonly initialKeys?: readonly KeyPress[];
	readonly onSelect: (item: ListItem) => void;
	readonly onBack: () => void;
	/** Called with the highlighted item whenever it changes (for previews). */
	readonly onHighlight?: (item: ListItem | undefined) => void;
	readonly isActive?: boolean;
	/** No filter-as-you-type (short lists whose letters are commands). */
	readonly noFilter?: boolean;
	/** Multi-select: Space calls this with the highlighted item (instead of typing a space into the filter). */
	readonly onToggle?: (item: ListItem) => void;
	/** Multi-select: Ctrl+A calls this with every item the filter shows. */
	readonly onToggleAll?: (items: ListItem[]) => void;
};

type ListState = {query: string; cursor: number; top: number};

const maxColumn = 40;

/** The column widths of a list, measured once per list. */
function columnWidths(items: readonly ListItem[]): number[] {
	const widths: number[] = [];
	for (const item of items) {
		item.cells.forEach((cell, i) => {
			widths[i] = Math.min(maxColumn, Math.max(widths[i] ?? 0, width(cell)));
		});
	}
	return widths;
}

/** The narrowest a column is squeezed to before the row is cut at the edge instead. */
const minColumn = 8;

/**
 * Column widths that keep the columns up to `keepWhole` (a name and the id a person types or copies) inside
 * `columns`, found by narrowing the first column (the name, the one that can be long) down to a floor; the
 * columns after them are cut at the edge as before. Without `keepWhole` the widths stay.
 */
export function fitColumns(widths: readonly number[], columns: number, keepWhole?: number): number[] {
	const fitted = [...widths];
	const first = fitted[0];
	if (keepWhole === undefined || first === undefined) return fitted;
	const excess = fitted.slice(0, keepWhole + 1).reduce((sum, n) => sum + n + 2, 0) - columns;
	if (excess > 0) fitted[0] = Math.max(Math.min(first, minColumn), first - excess);
	return fitted;
}

function rowText(item: ListItem, widths: readonly number[], columns: number): string {
	const cells = item.cells.map((cell, i) =>
		// The gap is added after the cut, so a cut cell keeps it.
		i === item.cells.length - 1 && !item.mark ? cell : `${fitWidth(cell, widths[i] ?? 0)}  `,
	);
	const line = cells.join('') + (item.mark ? item.mark : '');
	return fitWidth(line, Math.max(10, columns)).trimEnd();
}

/**
 * The filter line: what has been typed and the cursor (or a prompt to type), and how many items match. The same
 * line stands above a list that is still loading (type-ahead.tsx), without the count.
 */
export function FilterLine({query, count}: {readonly query: string; readonly count?: string}) {
	return (
		<Text wrap="truncate-end">
			<Text dimColor>{t('wizard.list.filter')} </Text>
			{query === '' ? (
				<Text dimColor>{t('wizard.list.typeToFilter')}</Text>
			) : (
				<Text>
					{query}
					<Text color="cyan">{glyphs.cursor}</Text>
				</Text>
			)}
			{count === undefined ? null : <Text dimColor> {count}</Text>}
		</Text>
	);
}

/** A windowed list that filters as you type: arrows, Home/End, PageUp/PageDown, Enter; Esc clears, then goes back. */
export function FilterList(props: FilterListProps) {
	const {
		items,
		height,
		onSelect,
		onBack,
		onHighlight,
		onToggle,
		onToggleAll,
		isActive = true,
		noFilter = false,
		keepWhole,
	} = props;
	// Typing narrows the previous matches instead of scanning every item again (see incrementalFilter).
	const filter = useMemo(() => incrementalFilter(prepare(items.map((i) => i.search))), [items]);
	const widths = useMemo(() => columnWidths(items), [items]);
	const [state, setState] = useLiveState<ListState>(() => {
		const query = noFilter ? '' : (props.initialQuery ?? '');
		// A typed filter starts at its first match, as typing it into the list would.
		if (query !== '') return {query, cursor: 0, top: 0};
		const at = props.initialKey ? items.findIndex((i) => i.key === props.initialKey) : 0;
		const cursor = Math.max(0, at);
		return {query: '', cursor, top: scrollTop(0, cursor, height, items.length)};
	});
	const matches = filter(state.query);
	const cursor = Math.min(state.cursor, Math.max(0, matches.length - 1));
	const top = scrollTop(state.top, cursor, height, matches.length);
	const highlighted = items[matches[cursor] ?? -1];

	const highlightRef = useRef(onHighlight);
	highlightRef.current = onHighlight;
	useEffect(() => {
		highlightRef.current?.(highlighted);
	}, [highlighted]);

	// One key at a time, however many arrive together (a paste, key repeat: components/key-chunk.ts).
	const onKey: KeyHandler = (input, key) => {
		// What the keys before this one in the chunk have left: the state, its matches, the item at the cursor.
		const now = () => {
			const s = setState((x) => x);
			const found = filter(s.query);
			return {s, found, item: items[found[Math.min(s.cursor, found.length - 1)] ?? -1]};
		};
		const move = (m: Move) =>
			setState((s) => {
				const found = filter(s.query);
				const c = moveCursor(Math.min(s.cursor, Math.max(0, found.length - 1)), m, found.length, height);
				return {...s, cursor: c, top: scrollTop(s.top, c, height, found.length)};
			});
		const moved = moveOf(key);
		if (moved) return move(moved);
		if (key.return) {
			const {item} = now();
			if (item) onSelect(item);
			return;
		}
		if (key.escape) {
			if (now().s.query !== '') setState(() => ({query: '', cursor: 0, top: 0}));
			else onBack();
			return;
		}
		if (onToggle && input === ' ' && !key.ctrl && !key.meta) {
			const {item} = now();
			if (item) onToggle(item);
			return;
		}
		if (onToggleAll && key.ctrl && input === 'a') {
			onToggleAll(now().found.map((i) => items[i] as ListItem));
			return;
		}
		if (noFilter) return;
		if (key.backspace || key.delete) {
			setState((s) => ({query: [...s.query].slice(0, -1).join(''), cursor: 0, top: 0}));
			return;
		}
		const typed = typedText(input, key);
		if (typed) setState((s) => ({query: s.query + typed, cursor: 0, top: 0}));
	};
	useKeys(onKey, {isActive});
	const pending = useRef(props.initialKeys);
	// biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening, to the list as it opened.
	useEffect(() => {
		for (const press of pending.current ?? []) onKey(press.input, press.key);
		pending.current = undefined;
	}, []);

	const visible = matches.slice(top, top + height);
	const below = Math.max(0, matches.length - top - visible.length);
	const columns = props.width - 2;
	const fitted = useMemo(() => fitColumns(widths, columns, keepWhole), [widths, columns, keepWhole]);
	// A list that always fits needs no scroll marks (keeps short lists short).
	const marks = items.length > height;
	return (
		<Box flexDirection="column">
			{noFilter ? null : (
				<FilterLine
					query={state.query}
					count={t('wizard.list.count', {shown: matches.length, total: items.length})}
				/>
			)}
			{marks ? <ScrollMark direction="up" count={top} /> : null}
			{visible.length === 0 ? (
				<Text color="yellow" wrap="truncate-end">
					{'  '}
					{t('wizard.list.noMatch', {query: state.query})}
				</Text>
			) : (
				visible.map((index, row) => {
					const item = items[index] as ListItem;
					const active = top + row === cursor;
					const text = rowText(item, fitted, columns);
					return (
						<Text key={item.key} wrap="truncate-end" color={active ? 'cyan' : undefined} bold={active}>
							{active ? `${glyphs.pointer} ` : '  '}
							{text}
						</Text>
					);
				})
			)}
			{marks ? <ScrollMark direction="down" count={below} /> : null}
		</Box>
	);
}
