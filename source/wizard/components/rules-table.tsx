import {Box, Text} from 'ink';
import type {Rule} from '../../domain/model.js';
import {peerLabel} from '../../domain/peers.js';
import {showPorts} from '../../domain/rules.js';
import {cleanLine, t, table} from '../../text/index.js';
import {scrollTop} from './filter.js';
import {FitText} from './fit-text.js';
import {glyphs} from './glyphs.js';

/** Extra columns for screens that change existing rules (all off for the create wizard). */
export type RuleColumns = {
	/** Show the priority (1 highest, 100 lowest). */
	readonly priority?: boolean;
	/** Head the CIDR column "Destination" (outbound rules) instead of "Source". */
	readonly destination?: boolean;
};

/** The far end: a CIDR, or the group or prefix list with its name when the answer gave one. */
const farEnd = (rule: Rule): string => peerLabel(rule.peer) || '-';

export const ruleCells = (rule: Rule, columns: RuleColumns = {}): string[] => [
	rule.direction === 'ingress' ? t('wizard.rules.inbound') : t('wizard.rules.outbound'),
	rule.protocol.toUpperCase(),
	showPorts(rule),
	farEnd(rule),
	rule.policy === 'accept' ? t('wizard.rules.allow') : t('wizard.rules.deny'),
	...(columns.priority ? [String(rule.priority)] : []),
	cleanLine(rule.description ?? ''),
];

export const ruleHeader = (columns: RuleColumns = {}): string[] => [
	t('wizard.rules.direction'),
	t('wizard.rules.protocol'),
	t('wizard.rules.ports'),
	columns.destination ? t('followup.rules.destination') : t('wizard.rules.source'),
	t('wizard.rules.policy'),
	...(columns.priority ? [t('followup.rules.priority')] : []),
	t('wizard.rules.note'),
];

/** The rules as aligned text lines (header first), for the screen and for plain output. */
export const ruleLines = (rules: readonly Rule[], columns: RuleColumns = {}): string[] =>
	table([ruleHeader(columns), ...rules.map((rule) => ruleCells(rule, columns))]);

/** How a row is drawn on a screen of changes: to be added (green, `+`), to be removed (red, `-`), or as is. */
export type RowTone = 'add' | 'remove' | 'same' | undefined;

const toneMark: Record<Exclude<RowTone, undefined>, string> = {add: '+', remove: '-', same: '='};

export type RulesTableProps = {
	readonly rules: readonly Rule[];
	/** Rule rows shown at most; the rest are counted. */
	readonly height?: number;
	/** The highlighted rule (rule editor). */
	readonly cursor?: number;
	readonly empty?: string;
	readonly columns?: RuleColumns;
	/** One tone per rule: a mark column (`+`, `-`, `=`) and colour, for screens that change rules. */
	readonly tones?: readonly RowTone[];
};

/** Direction, protocol, ports, source and policy of each rule, aligned by display width. */
export function RulesTable({rules, height = rules.length, cursor, empty, columns, tones}: RulesTableProps) {
	if (rules.length === 0) {
		return <Text dimColor>{`  ${empty ?? t('wizard.rules.none')}`}</Text>;
	}
	const [header = '', ...lines] = ruleLines(rules, columns);
	const marks = tones !== undefined;
	const rows = Math.max(1, height);
	const top =
		cursor === undefined ? 0 : scrollTop(Math.max(0, cursor - rows + 1), cursor, rows, lines.length);
	const shown = lines.slice(top, top + rows);
	const hidden = lines.length - shown.length;
	return (
		<Box flexDirection="column">
			<FitText dimColor>{`${marks ? '    ' : '  '}${header}`}</FitText>
			{shown.map((line, i) => {
				const index = top + i;
				const active = cursor === index;
				const tone = tones?.[index];
				const colour = active ? 'cyan' : tone === 'add' ? 'green' : tone === 'remove' ? 'red' : undefined;
				return (
					<FitText key={index} color={colour} bold={active} dimColor={tone === 'same' && !active}>
						{`${active ? `${glyphs.pointer} ` : '  '}${marks ? `${tone ? toneMark[tone] : ' '} ` : ''}${line}`}
					</FitText>
				);
			})}
			{hidden > 0 ? <Text dimColor>{`  ${t('wizard.rules.hidden', {count: hidden})}`}</Text> : null}
		</Box>
	);
}
