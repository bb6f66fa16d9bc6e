import {Box, type Key, Text} from 'ink';
import type {Rule} from '../../domain/model.js';
import {peerLabel} from '../../domain/peers.js';
import {showPorts} from '../../domain/rules.js';
import {cleanLine, t, table} from '../../text/index.js';
import {type Move, scrollTop} from './filter.js';
import {FitText} from './fit-text.js';
import {glyphs} from './glyphs.js';
import {useKeys} from './key-chunk.js';
import {useLiveState} from './use-live-state.js';

/** Extra columns for screens that change existing rules (all off for the create wizard). */
export type RuleColumns = {
	/** Show the priority (1 highest, 100 lowest). */
	readonly priority?: boolean;
	/** Head the CIDR column "Destination" (outbound rules) instead of "Source". */
	readonly destination?: boolean;
};

/** The far end: a CIDR, or the group or prefix list with its name when the answer gave one. */
const farEnd = (rule: Rule): string => peerLabel(rule.peer) || '-';

const ruleCells = (rule: Rule, columns: RuleColumns = {}): string[] => [
	rule.direction === 'ingress' ? t('wizard.rules.inbound') : t('wizard.rules.outbound'),
	rule.protocol.toUpperCase(),
	showPorts(rule),
	farEnd(rule),
	rule.policy === 'accept' ? t('wizard.rules.allow') : t('wizard.rules.deny'),
	...(columns.priority ? [String(rule.priority)] : []),
	cleanLine(rule.description ?? ''),
];

const ruleHeader = (columns: RuleColumns = {}): string[] => [
	t('wizard.rules.direction'),
	t('wizard.rules.protocol'),
	t('wizard.rules.ports'),
	columns.destination ? t('followup.rules.destination') : t('wizard.rules.source'),
	t('wizard.rules.policy'),
	...(columns.priority ? [t('followup.rules.priority')] : []),
	t('wizard.rules.note'),
];

/** The rules as aligned text lines (header first), for the screen and for plain output. */
const ruleLines = (rules: readonly Rule[], columns: RuleColumns = {}): string[] =>
	table([ruleHeader(columns), ...rules.map((rule) => ruleCells(rule, columns))]);

/**
 * How a row is drawn on a screen of changes: to be added (green, `+`), to be removed (red, `-`), or as is;
 * `edit`: a rule of the group shown as an edit queued on the rules screen will make it.
 */
export type RowTone = 'add' | 'remove' | 'same' | 'edit' | undefined;

const toneMark: Record<Exclude<RowTone, undefined>, string> = {add: '+', remove: '-', same: '=', edit: '~'};
const toneColour = {add: 'green', remove: 'red', same: undefined, edit: 'yellow'} as const;

export type RulesTableProps = {
	readonly rules: readonly Rule[];
	/** Lines below the header at most, the two scroll marks of a window included; it scrolls through the rest. */
	readonly height?: number;
	/** The highlighted rule (rule editor): the window follows it. */
	readonly cursor?: number;
	readonly empty?: string;
	readonly columns?: RuleColumns;
	/** One tone per rule: a mark column (`+`, `-`, `=`) and colour, for screens that change rules. */
	readonly tones?: readonly RowTone[];
	/**
	 * Keys that scroll a table without a cursor: PageUp/PageDown/Home/End ('page', the default), those and the
	 * arrows ('all', a screen whose arrows move nothing else), or none (the screen uses them for something else).
	 */
	readonly scroll?: 'page' | 'all' | 'none';
};

/** The key that moves a window or a cursor, if `key` is one (arrows only when `arrows`). */
export function moveOf(key: Key, arrows = true): Move | undefined {
	if (arrows && key.upArrow) return 'up';
	if (arrows && key.downArrow) return 'down';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.pageUp) return 'pageUp';
	if (key.pageDown) return 'pageDown';
	return undefined;
}

/** The first row of a window of `rows` over `total` after `move` (a window without a cursor: no wrapping). */
function scrollBy(top: number, move: Move, rows: number, total: number): number {
	const last = Math.max(0, total - rows);
	const next = {up: top - 1, down: top + 1, home: 0, end: last, pageUp: top - rows, pageDown: top + rows}[
		move
	];
	return Math.max(0, Math.min(last, next));
}

/** The dim line saying how many rows are above (or below) the window; a space when there are none. */
export function ScrollMark({direction, count}: {readonly direction: 'up' | 'down'; readonly count: number}) {
	return (
		<Text dimColor>
			{count > 0
				? `  ${direction === 'up' ? glyphs.up : glyphs.down} ${t('wizard.list.more', {count})}`
				: ' '}
		</Text>
	);
}

/**
 * Direction, protocol, ports, source and policy of each rule, aligned by display width. A table longer than
 * its height is a window: the lines above and below it say how many rules are there, and the window follows
 * the cursor, or scrolls with the keys of `scroll`.
 */
export function RulesTable({
	rules,
	height = rules.length,
	cursor,
	empty,
	columns,
	tones,
	scroll = 'page',
}: RulesTableProps) {
	const [header = '', ...lines] = ruleLines(rules, columns);
	// A window spends two of its lines on the marks above and below it.
	const windowed = lines.length > Math.max(1, height);
	const rows = windowed ? Math.max(1, height - 2) : Math.max(1, height);
	const [offset, setOffset] = useLiveState(0);
	useKeys(
		(_input, key) => {
			const move = moveOf(key, scroll === 'all');
			if (move) setOffset((top) => scrollBy(Math.min(top, lines.length - rows), move, rows, lines.length));
		},
		{isActive: cursor === undefined && scroll !== 'none' && windowed},
	);
	if (rules.length === 0) {
		return <Text dimColor>{`  ${empty ?? t('wizard.rules.none')}`}</Text>;
	}
	const marks = tones !== undefined;
	const top =
		cursor === undefined
			? Math.max(0, Math.min(offset, lines.length - rows))
			: scrollTop(Math.max(0, cursor - rows + 1), cursor, rows, lines.length);
	const shown = lines.slice(top, top + rows);
	const below = lines.length - top - shown.length;
	return (
		<Box flexDirection="column">
			<FitText dimColor>{`${marks ? '    ' : '  '}${header}`}</FitText>
			{windowed ? <ScrollMark direction="up" count={top} /> : null}
			{shown.map((line, i) => {
				const index = top + i;
				const active = cursor === index;
				const tone = tones?.[index];
				const colour = active ? 'cyan' : tone && toneColour[tone];
				return (
					<FitText key={index} color={colour} bold={active} dimColor={tone === 'same' && !active}>
						{`${active ? `${glyphs.pointer} ` : '  '}${marks ? `${tone ? toneMark[tone] : ' '} ` : ''}${line}`}
					</FitText>
				);
			})}
			{windowed ? <ScrollMark direction="down" count={below} /> : null}
		</Box>
	);
}
