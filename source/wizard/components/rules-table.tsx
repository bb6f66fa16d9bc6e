import {Box, Text} from 'ink';
import type {Rule} from '../../cloud/port.js';
import {showPorts} from '../../domain/rules.js';
import {cleanLine, t, table} from '../../text/index.js';
import {scrollTop} from './filter.js';
import {glyphs} from './glyphs.js';

export const ruleCells = (rule: Rule): string[] => [
	rule.direction === 'ingress' ? t('wizard.rules.inbound') : t('wizard.rules.outbound'),
	rule.protocol.toUpperCase(),
	showPorts(rule),
	rule.cidr,
	rule.policy === 'accept' ? t('wizard.rules.allow') : t('wizard.rules.deny'),
	cleanLine(rule.description ?? ''),
];

export const ruleHeader = (): string[] => [
	t('wizard.rules.direction'),
	t('wizard.rules.protocol'),
	t('wizard.rules.ports'),
	t('wizard.rules.source'),
	t('wizard.rules.policy'),
	t('wizard.rules.note'),
];

/** The rules as aligned text lines (header first), for the screen and for plain output. */
export const ruleLines = (rules: readonly Rule[]): string[] => table([ruleHeader(), ...rules.map(ruleCells)]);

export type RulesTableProps = {
	readonly rules: readonly Rule[];
	/** Rule rows shown at most; the rest are counted. */
	readonly height?: number;
	/** The highlighted rule (rule editor). */
	readonly cursor?: number;
	readonly empty?: string;
};

/** Direction, protocol, ports, source and policy of each rule, aligned by display width. */
export function RulesTable({rules, height = rules.length, cursor, empty}: RulesTableProps) {
	if (rules.length === 0) {
		return <Text dimColor>{`  ${empty ?? t('wizard.rules.none')}`}</Text>;
	}
	const [header = '', ...lines] = ruleLines(rules);
	const rows = Math.max(1, height);
	const top =
		cursor === undefined ? 0 : scrollTop(Math.max(0, cursor - rows + 1), cursor, rows, lines.length);
	const shown = lines.slice(top, top + rows);
	const hidden = lines.length - shown.length;
	return (
		<Box flexDirection="column">
			<Text dimColor wrap="truncate-end">{`  ${header}`}</Text>
			{shown.map((line, i) => {
				const index = top + i;
				const active = cursor === index;
				return (
					<Text key={index} wrap="truncate-end" color={active ? 'cyan' : undefined} bold={active}>
						{active ? `${glyphs.pointer} ` : '  '}
						{line}
					</Text>
				);
			})}
			{hidden > 0 ? <Text dimColor>{`  ${t('wizard.rules.hidden', {count: hidden})}`}</Text> : null}
		</Box>
	);
}
